"""The appendix: the matrix (respondent × topic, every stance taken), the counts per topic
and the chart. The matrix is split into tables of a few topics each, so every table fits a
portrait page with the stances in words; narrow screens stack its rows (document.css)."""

from __future__ import annotations

from ...i18n import format_number, label
from ...messages import ntr_in, tr_in
from ...model import nodes as n
from ...model.stances import ORDER
from ..model import Comparison, TopicRemarks
from ..tally import tally_of
from .context import Notat
from .words import SYMBOLS, cell, heading, stance_text, text, unbroken

TOPICS_PER_TABLE = 4  # with the respondent column, what an A4 page holds in words


def overview_appendix(notat: Notat, number: str) -> list[n.Block]:  # noqa: ARG001 (a Section)
    lang = notat.lang
    title = tr_in(lang, "Overview of the responses")
    blocks: list[n.Block] = [heading(1, title, tr_in(lang, "Appendix 1."))]
    limit = notat.options.matrix_limit
    if limit is None or len(notat.comparison.respondents) <= limit:
        blocks += matrix_tables(notat)
    else:
        blocks.append(
            text(label("matrix_too_big", notat.lang).format(n=len(notat.comparison.respondents)))
        )
    blocks += counts(notat)
    if notat.chart_png is not None:
        blocks.append(
            n.Figure(
                notat.chart_png,
                "image/png",
                chart_alt(notat.comparison, notat.lang),
                caption=label("chart", notat.lang),
                width_cm=16.0,
            )
        )
    return blocks


def matrix_tables(notat: Notat) -> list[n.Block]:
    lang = notat.lang
    topics = notat.comparison.topics
    chunks = [topics[i : i + TOPICS_PER_TABLE] for i in range(0, len(topics), TOPICS_PER_TABLE)]
    tables: list[n.Block] = []
    for index, chunk in enumerate(chunks, start=1):
        caption = tr_in(lang, "Stances per respondent and topic")
        if len(chunks) > 1:
            caption += " (" + tr_in(lang, "part {i} of {n}", i=index, n=len(chunks)) + ")"
        header = (cell(label("respondent", notat.lang)), *(cell(t.topic.label) for t in chunk))
        rows = tuple(
            (cell(r.name), *(cell(_stances(notat, r.name, t)) for t in chunk))
            for r in notat.comparison.respondents
        ) + _form_row(notat, chunk)
        tables.append(
            n.Table(
                header,
                rows,
                caption=caption,
                row_headers=True,
                widths=(1.6, *(1.0,) * len(chunk)),
                dense=True,
            )
        )
    symbols = ", ".join(stance_text(s, notat.lang) for s in ORDER)
    nothing = tr_in(lang, "nothing said on the topic")
    legend = f"{label('legend', lang)}: {symbols}; – {nothing}."
    if notat.working and _any_guessed(notat.comparison):
        legend += " " + tr_in(lang, "* suggested on import, not confirmed") + "."
    tables.append(text(legend))
    return tables


def _form_row(notat: Notat, chunk: tuple[TopicRemarks, ...]) -> tuple[tuple[n.TableCell, ...], ...]:
    """The web form's answers as one row: how many answered on each topic."""
    tally = notat.tally
    if not tally.has_form:
        return ()
    lang = notat.lang
    return (
        (
            cell(form_row_name(tally.form_answers, lang)),
            *(cell(_answers(tally.topic(t.topic.id).form_answers, lang)) for t in chunk),
        ),
    )


def form_row_name(answers: int, lang: str) -> str:
    """The matrix's row of the web form's answers: "Webformular (59 svar)"."""
    return tr_in(lang, "Web form ({answers})", answers=_answers(answers, lang))


def _answers(count: int, lang: str) -> str:
    if not count:
        return "–"
    return ntr_in(
        lang, "{count} answer", "{count} answers", count, count=format_number(count, lang)
    )


def _stances(notat: Notat, respondent: str, entry: TopicRemarks) -> str:
    stances = notat.comparison.stances_of(respondent, entry.topic.id)
    if not stances:
        return "–"
    said = ", ".join(stance_text(s, notat.lang) for s in stances)
    guessed = notat.working and (respondent, entry.topic.id) in notat.guessed
    return said + (" *" if guessed else "")


def _any_guessed(comparison: Comparison) -> bool:
    return any(r.guessed for t in comparison.topics for r in t.remarks)


def counts(notat: Notat) -> list[n.Block]:
    """Remarks per topic and stance; the general remarks are counted too."""
    lang = notat.lang
    header = (
        cell(label("topic", lang)),
        *(cell(unbroken(stance_text(s, lang))) for s in ORDER),
        cell(unbroken(label("total", lang))),
    )
    tally = notat.tally
    titles = {t.topic.id: t.topic.title for t in notat.comparison.topics}
    rows = [
        (
            cell(titles[t.topic]),
            *(cell(str(t.count(s))) for s in ORDER),
            cell(str(t.total)),
        )
        for t in tally.topics
    ]
    rows.append(
        (
            cell(tr_in(lang, "General remarks")),
            *(cell(str(tally.general_count(s))) for s in ORDER),
            cell(str(tally.general_total)),
        )
    )
    # Shares that keep a topic's title and "! bekymring" whole in Word and LibreOffice too
    # (with equal shares LibreOffice broke the titles letter by letter).
    return [
        n.Table(
            header,
            tuple(rows),
            align=(None, *("right",) * 5),
            caption=label("chart", lang),
            row_headers=True,
            dense=True,
            widths=(2.3, 1.0, 1.25, 1.05, 1.3, 0.7),
        ),
        text(" ".join(_total_said(notat))),
    ]


def _total_said(notat: Notat) -> list[str]:
    lang = notat.lang
    said = [
        tr_in(
            lang,
            "Total: the number of remarks on the topic (one response may make several, "
            "also with different stances).",
        )
    ]
    if notat.tally.has_form:
        said.append(tr_in(lang, "The remarks from the web form are counted too."))
    return said


def chart_alt(comparison: Comparison, lang: str) -> str:
    """The chart in words, for screen readers and for anyone who cannot see it."""
    titles = {t.topic.id: t.topic.title for t in comparison.topics}
    parts = []
    for t in tally_of(comparison).topics:
        said = ", ".join(f"{t.count(s)} {label(s, lang)}" for s in ORDER if t.count(s))
        parts.append(f"{titles[t.topic]}: {said or '0'}")
    return f"{label('chart', lang)}. " + "; ".join(parts) + "."


__all__ = ["SYMBOLS", "chart_alt", "counts", "matrix_tables", "overview_appendix"]
