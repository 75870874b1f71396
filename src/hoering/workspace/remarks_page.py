"""Answer remarks: topic by topic, each respondent's remarks quoted on the left and the
authority's answer, status and optional summary on the right; the answer to the topic as a
whole, the general remarks and the "Ændringer" text. Or respondent by respondent
(:func:`respondent_page`): one party's remarks on every topic, with the same forms.

The text in each field is the entry as remarks.md has it now (read by its heading's line),
so what the official saves is what the file holds."""

from __future__ import annotations

import re
from pathlib import Path

from ..comparison.model import Comparison, Remark, TopicRemarks
from ..comparison.remarks import REMARKS_FILE, STATUSES, Answer
from ..messages import label, language, tr
from .layout import Notice, esc, hidden, page
from .overview import progress_text
from .pagestate import HearingState, answer_progress

HEADING = re.compile(r"^#{1,6}\s")
GENERAL = "generelt"
CHANGES = "aendringer"


def remarks_page(state: HearingState, chosen: str, token: str, notice: Notice = None) -> bytes:
    comparison = state.comparison
    assert comparison is not None
    lines = _remarks_lines(comparison)
    version = _version(comparison.hearing.folder / REMARKS_FILE)
    fields = hidden("token", token) + hidden("version", version)
    topics = [t for t in comparison.topics if t.remarks and chosen in ("", t.topic.id)]
    parts = [_topic(t, lines, fields) for t in topics]
    if chosen in ("", GENERAL) and comparison.unmatched:
        parts.append(_general(comparison, lines, fields))
    if chosen in ("", CHANGES):
        parts.append(_changes(lines, fields))
    title = tr("Answer remarks")
    body = (
        f"<h1>{esc(title)}</h1>{_choices(comparison, chosen)}{_respondent_choice(comparison)}"
        f"{''.join(parts)}"
    )
    return page(title, body, current="/remarks", notice=notice, state=state.tag)


def respondent_page(
    state: HearingState, who: str, token: str, notice: Notice = None
) -> bytes | None:
    """``who``'s remarks, topic by topic, each with its answer form; None for a name that
    is not a respondent's."""
    comparison = state.comparison
    assert comparison is not None
    if who not in {r.name for r in comparison.respondents}:
        return None
    lines = _remarks_lines(comparison)
    version = _version(comparison.hearing.folder / REMARKS_FILE)
    fields = hidden("token", token) + hidden("version", version) + hidden("view", "respondent")
    rows = [
        _answer_row(t.topic.id, who, said, t.answers.get(who), lines, fields, t.topic.title)
        for t in comparison.topics
        if (said := [r for r in t.remarks if r.respondent == who])
    ]
    general = [r for r in comparison.unmatched if r.respondent == who]
    if general:
        answer = comparison.general_answers.get(who)
        rows.append(
            _answer_row(GENERAL, who, general, answer, lines, fields, tr("General remarks"))
        )
    title = tr("Remarks from {name}", name=who)
    progress = progress_text(answer_progress(comparison, who))
    shown = "".join(rows) or "<p>" + esc(tr("{name} made no remarks.", name=who)) + "</p>"
    body = (
        f"<h1>{esc(title)}</h1>{_respondent_choice(comparison, who)}"
        f'<p id="progress">{esc(progress)}</p>{shown}'
    )
    return page(title, body, current="/remarks", notice=notice, state=state.tag)


def _respondent_choice(comparison: Comparison, chosen: str = "") -> str:
    """A form that opens one respondent's remarks (a plain GET: no script needed)."""
    names = sorted(
        {r.respondent for t in comparison.topics for r in t.remarks}
        | {r.respondent for r in comparison.unmatched},
        key=str.casefold,
    )
    options = "".join(
        f'<option value="{esc(name)}"{" selected" if name == chosen else ""}>{esc(name)}</option>'
        for name in names
    )
    return (
        '<form method="get" action="/remarks" class="filter">'
        '<label for="respondent">' + esc(tr("Remarks from")) + "</label>"
        f'<select id="respondent" name="respondent">{options}</select>'
        '<button type="submit">' + esc(tr("Show")) + "</button></form>"
    )


def _version(path: Path) -> str:
    """What the page read of remarks.md (a version of its own while there is none)."""
    from .files import read

    return read(path).version


def _remarks_lines(comparison: Comparison) -> list[str]:
    path = comparison.hearing.folder / REMARKS_FILE
    return path.read_text("utf-8-sig").splitlines() if path.is_file() else []


def entry_text(lines: list[str], heading_line: int | None) -> str:
    """What is written under the heading on ``heading_line`` (from 1), up to the next one."""
    if heading_line is None:
        return ""
    found = []
    for line in lines[heading_line:]:
        if HEADING.match(line):
            break
        found.append(line)
    return "\n".join(found).strip()


def split_summary(text: str) -> tuple[str, str]:
    """A leading '> ' quote (the official's summary of the remark) and the answer after it."""
    lines = text.splitlines()
    quote = []
    while lines and lines[0].startswith(">"):
        quote.append(lines.pop(0)[1:].removeprefix(" "))
    return "\n".join(quote).strip(), "\n".join(lines).strip()


def _choices(comparison: Comparison, chosen: str) -> str:
    links = [("", tr("All topics"))]
    links += [(t.topic.id, t.topic.title) for t in comparison.topics if t.remarks]
    if comparison.unmatched:
        links.append((GENERAL, tr("General remarks")))
    links.append((CHANGES, tr("Changes")))
    current = ' aria-current="page"'
    items = "".join(
        f'<li><a href="/remarks{"?topic=" + esc(key) if key else ""}"'
        f"{current if key == chosen else ''}>{esc(text)}</a></li>"
        for key, text in links
    )
    return '<nav aria-label="' + esc(tr("Topics")) + f'" class="topics"><ul>{items}</ul></nav>'


def _topic_heading_line(lines: list[str], names: set[str]) -> int | None:
    for number, line in enumerate(lines, start=1):
        if line.startswith("## ") and line[3:].split("{")[0].strip().casefold() in names:
            return number
    return None


def _topic(entry: TopicRemarks, lines: list[str], fields: str) -> str:
    topic = entry.topic
    ident = f"topic-{topic.id}"
    at = _topic_heading_line(lines, {topic.id.casefold(), topic.title.casefold()})
    whole = _text_form(
        "topic-comment",
        fields + hidden("topic", topic.id),
        f"{ident}-comment",
        tr("Answer to the topic as a whole"),
        entry_text(lines, at) if at else "",
    )
    by_who: dict[str, list[Remark]] = {}
    for remark in entry.remarks:
        by_who.setdefault(remark.respondent, []).append(remark)
    rows = "".join(
        _answer_row(topic.id, who, said, entry.answers.get(who), lines, fields)
        for who, said in by_who.items()
    )
    return (
        f'<section class="topic" aria-labelledby="{ident}">'
        f'<h2 id="{ident}">{esc(topic.title)}</h2>{whole}{rows}</section>'
    )


def _general(comparison: Comparison, lines: list[str], fields: str) -> str:
    by_who: dict[str, list[Remark]] = {}
    for remark in comparison.unmatched:
        by_who.setdefault(remark.respondent, []).append(remark)
    answers = comparison.general_answers
    rows = "".join(
        _answer_row(GENERAL, who, said, answers.get(who), lines, fields)
        for who, said in by_who.items()
    )
    return (
        '<section class="topic" aria-labelledby="general">'
        '<h2 id="general">' + esc(tr("General remarks")) + f"</h2>{rows}</section>"
    )


def _changes(lines: list[str], fields: str) -> str:
    at = _topic_heading_line(lines, {"ændringer", "aendringer", "changes"})
    form = _text_form(
        "changes",
        fields,
        "changes-text",
        tr("What was changed because of the hearing"),
        entry_text(lines, at) if at else "",
    )
    return (
        '<section class="topic" aria-labelledby="changes">'
        '<h2 id="changes">' + esc(tr("Changes")) + f"</h2>{form}</section>"
    )


def _text_form(action: str, fields: str, ident: str, caption: str, text: str) -> str:
    return (
        f'<form method="post" action="/save/{action}" class="whole">{fields}'
        f'<label for="{ident}">{esc(caption)}</label>'
        f'<textarea id="{ident}" name="text" rows="3">{esc(text)}</textarea>'
        f'<button type="submit">' + esc(tr("Save")) + "</button></form>"
    )


def _answer_row(
    topic: str,
    who: str,
    said: list[Remark],
    answer: Answer | None,
    lines: list[str],
    fields: str,
    topic_title: str | None = None,
) -> str:
    """One respondent's remarks on one topic and the answer form; headed by the respondent
    (on a topic's page) or by ``topic_title`` (on the respondent's own page)."""
    ident = re.sub(r"[^a-z0-9]+", "-", f"answer-{topic}-{who}".casefold()).strip("-")
    heading = f'<h3 id="{ident}">{esc(who)}</h3>'
    if topic_title is not None:
        heading = f'<h2 id="{ident}">{esc(topic_title)}</h2>'

    quotes = "".join(
        f'<blockquote><p>{esc(r.text)}</p><p class="source">{esc(r.source)}</p></blockquote>'
        for r in said
    )
    summary, text = split_summary(entry_text(lines, answer.line if answer else None))
    return (
        f'<div class="answer-row"><div class="remark">{heading}{quotes}</div>'
        f'<form method="post" action="/save/answer" class="answer" aria-labelledby="{ident}">'
        f"{fields}{hidden('topic', topic)}{hidden('respondent', who)}{hidden('anchor', ident)}"
        f"{_status_field(ident, answer.status if answer else None)}"
        f'<label for="{ident}-summary">' + esc(tr("Summary of the remark (optional)")) + f"</label>"
        f'<textarea id="{ident}-summary" name="summary" rows="2">{esc(summary)}</textarea>'
        f'<label for="{ident}-text">' + esc(tr("Answer")) + f"</label>"
        f'<textarea id="{ident}-text" name="answer" rows="4">{esc(text)}</textarea>'
        f'<button type="submit">' + esc(tr("Save answer")) + "</button></form></div>"
    )


def _status_field(ident: str, status: str | None) -> str:
    lang = language()
    options = (
        '<option value="">'
        + esc(tr("No status yet"))
        + "</option>"
        + "".join(
            f'<option value="{s}"{" selected" if s == status else ""}>'
            f"{esc(label(s, lang))}</option>"
            for s in STATUSES
        )
    )
    return (
        f'<label for="{ident}-status">' + esc(tr("Status")) + f"</label>"
        f'<select id="{ident}-status" name="status">{options}</select>'
    )
