"""Answer remarks: topic by topic, each respondent's remarks quoted on the left and the
authority's answer, status and optional summary on the right; the answer to the topic as a
whole, the general remarks and the "Ændringer" text.

The text in each field is the entry as remarks.md has it now (read by its heading's line),
so what the official saves is what the file holds."""

from __future__ import annotations

import re
from pathlib import Path

from ..comparison.model import Comparison, Remark, TopicRemarks
from ..comparison.remarks import REMARKS_FILE, STATUSES, Answer
from ..messages import label, language, tr
from .layout import Notice, esc, hidden, page
from .pagestate import HearingState

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
    body = f"<h1>{esc(title)}</h1>{_choices(comparison, chosen)}{''.join(parts)}"
    return page(title, body, current="/remarks", notice=notice)


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
) -> str:
    ident = re.sub(r"[^a-z0-9]+", "-", f"answer-{topic}-{who}".casefold()).strip("-")
    quotes = "".join(
        f'<blockquote><p>{esc(r.text)}</p><p class="source">{esc(r.source)}</p></blockquote>'
        for r in said
    )
    summary, text = split_summary(entry_text(lines, answer.line if answer else None))
    return (
        f'<div class="answer-row"><div class="remark"><h3 id="{ident}">{esc(who)}</h3>'
        f"{quotes}</div>"
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
