"""Footnotes at the foot of a PDF's pages: the notes' text taken out of the body, and the
reference numbers in the text (a small raised digit after a word) marked ``[^n]`` where a
note of that number was found."""

from __future__ import annotations

import re
from functools import partial

from .lines import Line
from .paragraphs import join_text

FOOTNOTE_START = re.compile(r"^(\d{1,2})(?=[A-ZÆØÅ\s])")
FOOTNOTE_REF = re.compile(r"(?<=[^\W\d_])(\d{1,2})(?=[\s,.;:)]|$)")


def _note_reference(known: set[int], match: re.Match[str]) -> str:
    """A raised number as ``[^n]`` when footnote ``n`` is on the page, else unchanged."""
    return f"[^{match.group(1)}]" if int(match.group(1)) in known else match.group(0)


def split_footnotes(lines: list[Line], size: float) -> tuple[list[Line], dict[int, str]]:
    """Footnote texts (smaller lines starting with a raised number) out of the body, and
    their raised numbers in the text as ``[^n]``; a marker with no footnote text found is
    written as a raised digit again (never as a dangling reference)."""
    lines = _attach_note_numbers(lines, size)
    for line in lines:
        match = FOOTNOTE_START.match(line.text)
        if (
            line.footnote is None
            and match
            and line.size < size * 0.95
            and line.top > line.page_height * 0.5
        ):
            line.footnote = int(match.group(1))
            line.text = line.text[match.end() :].strip()
    on_page: dict[int, set[int]] = {}
    for line in lines:
        if line.footnote is not None:
            on_page.setdefault(line.page, set()).add(line.footnote)
    for line in lines:
        numbers = on_page.get(line.page)
        if numbers and line.footnote is None and line.size >= size * 0.95:
            line.text = FOOTNOTE_REF.sub(partial(_note_reference, numbers), line.text)
    body: list[Line] = []
    notes: dict[int, str] = {}
    current: int | None = None
    for line in lines:
        if line.footnote is not None and line.size < size * 0.95:
            current = line.footnote
            notes[current] = line.text
        elif current is not None and line.size < size * 0.95 and not line.paragraph:
            notes[current] = join_text(notes[current], line.text)
        else:
            current = None
            body.append(line)
    _unresolved_as_digits(body, notes)
    return body, notes


def _unresolved_as_digits(body: list[Line], notes: dict[int, str]) -> None:
    for line in body:
        line.text = NOTE_REF.sub(
            lambda m: m.group(0) if int(m.group(1)) in notes else m.group(1).translate(SUPERSCRIPT),
            line.text,
        )


NOTE_REF = re.compile(r"\[\^(\d+)\]")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _attach_note_numbers(lines: list[Line], size: float) -> list[Line]:
    """A footnote's number that the PDF keeps as a line of its own, beside the note's text
    at the page foot, goes in front of that text."""
    result: list[Line] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            text.isdigit()
            and len(text) <= 2
            and line.size < size * 0.95
            and line.top > line.page_height * 0.5
            and following is not None
            and following.page == line.page
            and abs(following.top - line.top) < size
            and 0 <= following.x0 - line.x1 < 20
        ):
            following.text = f"{text} {following.text}"
            following.x0 = line.x0
            continue
        result.append(line)
    return result
