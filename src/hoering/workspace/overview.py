"""The overview: every respondent (and every consulted party that did not answer) with its
status, a filter, and the progress of the answers for the whole hearing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from ..i18n import format_date
from ..messages import language, ntr, tr
from .layout import Notice, esc, page
from .pagestate import HearingState, Progress, answer_progress


@dataclass(frozen=True)
class Row:
    """One line of the overview."""

    name: str
    stem: str | None  # responses/<stem>.md to check; None: no reply
    date: str
    guesses: int
    progress: Progress
    late: bool = False
    no_remarks: bool = False

    @property
    def replied(self) -> bool:
        return self.stem is not None


FILTERS: dict[str, Callable[[Row], bool]] = {
    "": lambda row: True,
    "guesses": lambda row: row.guesses > 0,
    "unanswered": lambda row: row.progress.answered < row.progress.total,
    "late": lambda row: row.late,
    "no-remarks": lambda row: row.no_remarks,
    "no-reply": lambda row: not row.replied,
}


def filter_names() -> dict[str, str]:
    return {
        "": tr("All respondents"),
        "guesses": tr("Guesses to check"),
        "unanswered": tr("Remarks without an answer"),
        "late": tr("Arrived late"),
        "no-remarks": tr("No remarks"),
        "no-reply": tr("No reply"),
    }


def rows(state: HearingState) -> list[Row]:
    comparison = state.comparison
    assert comparison is not None
    found = []
    for respondent in comparison.respondents:
        paths = set(respondent.files)
        found.append(
            Row(
                respondent.name,
                respondent.files[0].stem,
                format_date(respondent.date, language()) if respondent.date else "",
                sum(1 for item in state.guesses if item.path in paths),
                answer_progress(comparison, respondent.name),
                respondent.late,
                respondent.no_remarks,
            )
        )
    found += [Row(name, None, "", 0, Progress(0, 0)) for name in comparison.not_answered]
    return found


def progress_text(progress: Progress) -> str:
    """ "31 af 47 bemærkninger besvaret" (and words of their own for none)."""
    if progress.total == 0:
        return tr("No remarks to answer")
    return ntr(
        "{done} of {n} remark answered",
        "{done} of {n} remarks answered",
        progress.total,
        done=progress.answered,
    )


def overview_page(state: HearingState, chosen: str = "", notice: Notice = None) -> bytes:
    comparison = state.comparison
    assert comparison is not None
    title = comparison.hearing.meta.title
    chosen = chosen if chosen in FILTERS else ""
    shown = [row for row in rows(state) if FILTERS[chosen](row)]
    whole = answer_progress(comparison)
    body = (
        f"<h1>{esc(title)}</h1>"
        f'<p id="progress">{esc(progress_text(whole))}</p>'
        f'<progress value="{whole.answered}" max="{max(whole.total, 1)}" '
        f'aria-labelledby="progress"></progress>'
        f"{_filter_form(chosen)}{_table(shown)}"
    )
    return page(title, body, current="/", notice=notice, state=state.tag)


def _filter_form(chosen: str) -> str:
    options = "".join(
        f'<option value="{esc(key)}"{" selected" if key == chosen else ""}>{esc(text)}</option>'
        for key, text in filter_names().items()
    )
    return (
        '<form method="get" action="/" class="filter">'
        '<label for="show">' + esc(tr("Show")) + f"</label>"
        f'<select id="show" name="show">{options}</select>'
        f'<button type="submit">' + esc(tr("Show")) + "</button></form>"
    )


def _table(shown: list[Row]) -> str:
    count = ntr("{n} respondent shown", "{n} respondents shown", len(shown))
    if not shown:
        count = tr("No respondent matches this filter")
    head = "".join(
        f'<th scope="col">{esc(text)}</th>'
        for text in (tr("Respondent"), tr("Received"), tr("Guesses"), tr("Answers"), tr("Note"))
    )
    body = "".join(_row(row) for row in shown)
    return (
        f'<p id="shown" role="status">{esc(count)}</p>'
        f'<table class="respondents" aria-describedby="shown"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _row(row: Row) -> str:
    name = esc(row.name)
    if row.stem is not None:
        name = f'<a href="/responses/{esc(row.stem)}">{name}</a>'
    cells = (
        (tr("Respondent"), name),
        (tr("Received"), esc(row.date)),
        (tr("Guesses"), esc(_guesses_text(row))),
        (tr("Answers"), _answers_link(row)),
        (tr("Note"), esc(", ".join(_notes(row)))),
    )
    first, *rest = cells
    tds = "".join(f'<td data-label="{esc(label)}">{value}</td>' for label, value in rest)
    return f'<tr><th scope="row">{first[1]}</th>{tds}</tr>'


def _guesses_text(row: Row) -> str:
    if not row.replied:
        return ""
    if row.guesses == 0:
        return tr("all checked")
    return ntr("{n} to check", "{n} to check", row.guesses)


def _answers_link(row: Row) -> str:
    """The respondent's answers so far, a link to its remarks (none: nothing to link)."""
    text = esc(_answers_text(row))
    if not text:
        return text
    return f'<a href="/remarks?respondent={esc(quote(row.name))}">{text}</a>'


def _answers_text(row: Row) -> str:
    if row.progress.total == 0:
        return ""
    return tr("{done} of {n}", done=row.progress.answered, n=row.progress.total)


def _notes(row: Row) -> list[str]:
    notes = []
    if not row.replied:
        notes.append(tr("no reply"))
    if row.late:
        notes.append(tr("arrived late"))
    if row.no_remarks:
        notes.append(tr("no remarks"))
    return notes
