"""The høringsnotat as a Document on the authority's letterhead: (1) the hearing, (2) the
parties and the responses received, (3) an overview matrix and counts, (4) a chart, (5) each
topic's remarks grouped by stance, (6) the authority's comments, (7) remarks on no topic."""

from __future__ import annotations

from ..i18n import format_date, label
from ..model import Document, InfoItem
from ..model import nodes as n
from ..organisations import Organisation
from .model import NO_STANCE, STANCES, Comparison, Remark, TopicRemarks

# No symbol may begin a spreadsheet formula (=, +, -, @), since they start cells of matrix.csv.
SYMBOLS = {"positive": "✓", "concern": "!", "proposal": "→", NO_STANCE: "·"}
MATRIX_MAX_RESPONDENTS = 12  # more than this and the grid goes to matrix.xlsx / the report
# More topics than this and a page's column is too narrow for "! bekymring": the DOCX and
# PDF show the symbol alone (the legend under the matrix gives the words).
MATRIX_MAX_TOPICS_WITH_WORDS = 8
QUOTES_PER_GROUP = 25  # quotes shown per topic and stance in DOCX/PDF


def stance_text(stance: str, lang: str) -> str:
    """Stance as symbol and word, never by colour alone: "! bekymring"."""
    return f"{SYMBOLS[stance]} {label(stance, lang)}"


def _text(text: str) -> n.Paragraph:
    return n.Paragraph((n.Text(text),))


def _stance_cell(stances: tuple[str, ...], lang: str, words: bool) -> str:
    """Every stance the respondent took ("! bekymring, → forslag"); "–": said nothing."""
    if not stances:
        return "–"
    return ", ".join(stance_text(s, lang) if words else SYMBOLS[s] for s in stances)


def _unbroken(text: str) -> str:
    return text.replace(" ", "\u00a0")


def _cell(text: str) -> n.TableCell:
    return n.TableCell((n.Text(text),))


def _h(level: int, text: str) -> n.Heading:
    return n.Heading(level, (n.Text(text),))


def notat_date(comparison: Comparison):
    """The notat's date: the deadline or the last response, whichever is later (so the same
    responses always give the same document)."""
    dates = [comparison.hearing.meta.deadline, *(r.date for r in comparison.respondents)]
    return max(dates)


def compose_notat(comparison: Comparison, authority: Organisation,
                  chart_png: bytes | None) -> Document:
    meta = comparison.hearing.meta
    lang = notat_lang(comparison)
    period = _period(comparison, lang)
    answered = sum(1 for r in comparison.respondents if r.consulted)
    info = (
        InfoItem(label("date", lang), format_date(notat_date(comparison), lang)),
        InfoItem(label("period", lang), period),
        InfoItem(label("hearing_deadline", lang), format_date(meta.deadline, lang)),
        InfoItem(label("responses", lang),
                 label("responses_count", lang).format(n=len(comparison.respondents),
                                                       answered=answered,
                                                       consulted=len(meta.consulted))),
    )
    blocks = notat_front(comparison, authority, chart_png)
    for entry in comparison.topics:
        blocks += _topic(entry, authority, lang)
    blocks += _unmatched(comparison, lang)
    blocks += _mass(comparison, lang)
    return Document(
        kind="hoeringsnotat", lang=lang, title=f"{label('notat', lang)}: {meta.title}",
        author=authority.name, date=notat_date(comparison),
        letterhead=authority.letterhead(meta.department, lang), info=info,
        blocks=tuple(blocks), subject=meta.title,
        keywords=(label("notat", lang), meta.id), source=str(comparison.hearing.path))


def _mass(comparison: Comparison, lang: str) -> list[n.Block]:
    """The sections on answers from form tables (hoering.mass), when the hearing has any."""
    if comparison.mass is None:
        return []
    from ..mass.assemble import MIN_RESPONDENTS
    from ..mass.notat import mass_sections

    titles = {t.id: t.title for t in comparison.hearing.meta.topics}
    return mass_sections(comparison.mass, titles, MIN_RESPONDENTS, lang)


def notat_front(comparison: Comparison, authority: Organisation, chart_png: bytes | None,
                matrix_limit: int | None = MATRIX_MAX_RESPONDENTS) -> list[n.Block]:
    """Sections (1)-(4): the hearing, the parties, the overview matrix, counts and chart.
    With more respondents than ``matrix_limit`` the grid is left to matrix.xlsx."""
    lang = notat_lang(comparison)
    return [*_hearing(comparison, authority, lang), *_parties(comparison, lang),
            *_overview(comparison, lang, chart_png, matrix_limit)]


def notat_lang(comparison: Comparison) -> str:
    lang = comparison.hearing.meta.lang
    return lang if lang in ("da", "en") else "da"


def _period(comparison: Comparison, lang: str) -> str:
    period = comparison.hearing.meta.period
    return f"{format_date(period.start, lang)} – {format_date(period.end, lang)}"


def _hearing(comparison: Comparison, authority: Organisation, lang: str) -> list[n.Block]:
    period = _period(comparison, lang)
    meta = comparison.hearing.meta
    if lang == "da":
        text = (f"{authority.name} har sendt {meta.draft.name} i høring i perioden {period} "
                f"med frist {format_date(meta.deadline, lang)}. Notatet samler "
                f"høringssvarene emne for emne.")
    else:
        text = (f"{authority.name} consulted on {meta.draft.name} from {period}, with a "
                f"deadline of {format_date(meta.deadline, lang)}. This report sets out the "
                f"responses topic by topic.")
    blocks: list[n.Block] = [_h(1, label("the_hearing", lang)), _text(text)]
    if meta.draft.file:
        blocks.append(_text(f"{meta.draft.name}: {meta.draft.file}"))
    return blocks


def _parties(comparison: Comparison, lang: str) -> list[n.Block]:
    rows = []
    for respondent in comparison.respondents:
        notes = []
        if respondent.late:
            notes.append(label("late", lang))
        if not respondent.consulted:
            notes.append(label("not_consulted", lang))
        if respondent.imported:
            notes.append(label("imported", lang))
        rows.append((_cell(respondent.name), _cell(format_date(respondent.date, lang)),
                     _cell("; ".join(notes))))
    blocks: list[n.Block] = [
        _h(1, label("parties", lang)),
        n.Table((_cell(label("party", lang)), _cell(label("received", lang)),
                 _cell(label("note", lang))), tuple(rows), caption=label("parties", lang),
                widths=(1.3, 1, 1.9), row_headers=True),
    ]
    if comparison.not_answered:
        blocks.append(_text(f"{label('no_answer', lang)}: "
                            f"{', '.join(comparison.not_answered)}."))
    else:
        blocks.append(_text(label("all_answered", lang)))
    return blocks


def _topic_label(entry: TopicRemarks) -> str:
    return entry.topic.section or entry.topic.id


def _overview(comparison: Comparison, lang: str, chart_png: bytes | None,
              matrix_limit: int | None) -> list[n.Block]:
    blocks: list[n.Block] = [_h(1, label("overview", lang))]
    topics = comparison.topics
    if matrix_limit is None or len(comparison.respondents) <= matrix_limit:
        header = (_cell(label("respondent", lang)),
                  *(_cell(_topic_label(t)) for t in topics))
        on_page = matrix_limit is not None  # the HTML report's table can scroll sideways
        words = not on_page or len(topics) <= MATRIX_MAX_TOPICS_WITH_WORDS
        rows = tuple(
            (_cell(r.name), *(_cell(_stance_cell(comparison.stances_of(r.name, t.topic.id),
                                                 lang, words)) for t in topics))
            for r in comparison.respondents)
        blocks.append(n.Table(header, rows, caption=label("overview", lang),
                              widths=(2.4, *(1.0,) * len(topics)), row_headers=True,
                              dense=len(topics) > 5))
        legend = "; ".join(f"{_topic_label(t)}: {t.topic.title}" for t in topics)
        symbols = ", ".join(stance_text(s, lang) for s in (*STANCES, NO_STANCE))
        blocks.append(_text(f"{label('legend', lang)}: {legend}. {symbols}; – "
                            f"{'intet svar om emnet' if lang == 'da' else 'nothing said'}."))
    else:
        blocks.append(_text(label("matrix_too_big", lang).format(n=len(comparison.respondents))))
    # The column heads are kept on one line (no-break spaces): the numbers below are short,
    # and "!" over "bekymring" reads as two things.
    header = (_cell(label("topic", lang)),
              *(_cell(_unbroken(stance_text(s, lang))) for s in (*STANCES, NO_STANCE)),
              _cell(_unbroken(label("total", lang))))
    rows = tuple(
        (_cell(f"{t.topic.section} {t.topic.title}".strip()),
         *(_cell(str(t.count(s))) for s in (*STANCES, NO_STANCE)),
         _cell(str(t.total)))
        for t in topics)
    blocks.append(n.Table(header, rows, align=(None, *("right",) * 5),
                          caption=label("chart", lang), row_headers=True))
    if chart_png is not None:
        blocks.append(n.Figure(chart_png, "image/png", chart_alt(comparison, lang),
                               caption=label("chart", lang), width_cm=16.0))
    return blocks


def chart_alt(comparison: Comparison, lang: str) -> str:
    """The chart in words, for screen readers and for anyone who cannot see it."""
    parts = []
    for t in comparison.topics:
        counts = ", ".join(f"{t.count(s)} {label(s, lang)}" for s in (*STANCES, NO_STANCE)
                           if t.count(s))
        parts.append(f"{t.topic.title}: {counts or '0'}")
    return f"{label('chart', lang)}. " + "; ".join(parts) + "."


NAMED_SHARERS = 3


def shared_note(others: tuple[str, ...], lang: str) -> str:
    """"samme ordlyd som A, B" — or, when many share the words, how many and the first few."""
    if len(others) <= NAMED_SHARERS:
        return f"{label('shared_note', lang)} {', '.join(others)}"
    return label("shared_many", lang).format(n=len(others),
                                             names=", ".join(others[:NAMED_SHARERS]))


def quote_blocks(remark: Remark, lang: str) -> n.BlockQuote:
    notes = [remark.source]
    if remark.guessed:
        notes.append(label("guessed_note", lang))
    if remark.shared_with:
        notes.append(shared_note(remark.shared_with, lang))
    return n.BlockQuote((
        _text(remark.quote),
        n.Paragraph((n.Text("— "), n.Strong((n.Text(remark.respondent),)),
                     n.Text(f" ({'; '.join(notes)})"))),
    ))


def _topic(entry: TopicRemarks, authority: Organisation, lang: str) -> list[n.Block]:
    topic = entry.topic
    title = f"{topic.section} {topic.title}" if topic.section else topic.title
    blocks: list[n.Block] = [_h(1, title)]
    for stance, remarks in entry.by_stance():
        blocks.append(_h(2, f"{label(stance + '_group', lang)} ({len(remarks)})"))
        blocks += [quote_blocks(r, lang) for r in remarks[:QUOTES_PER_GROUP]]
        if len(remarks) > QUOTES_PER_GROUP:
            blocks.append(_text(label("more_remarks", lang).format(
                n=len(remarks) - QUOTES_PER_GROUP)))
    if not entry.remarks:
        blocks.append(_text("Ingen høringssvar nævner dette emne." if lang == "da"
                            else "No response mentions this topic."))
    blocks.append(_h(2, f"{authority.name}s {label('authority_remarks', lang)}"
                  if lang == "da" else f"{authority.name}: {label('authority_remarks', lang)}"))
    blocks += list(entry.authority) or [_text(label("placeholder", lang).format(id=topic.id))]
    return blocks


def _unmatched(comparison: Comparison, lang: str) -> list[n.Block]:
    if not comparison.unmatched:
        return []
    blocks: list[n.Block] = [_h(1, label("unmatched", lang))]
    remarks = comparison.unmatched
    blocks += [quote_blocks(r, lang) for r in remarks[:QUOTES_PER_GROUP * 4]]
    if len(remarks) > QUOTES_PER_GROUP * 4:
        blocks.append(_text(label("more_remarks", lang).format(
            n=len(remarks) - QUOTES_PER_GROUP * 4)))
    return blocks
