"""The parts of a letter around its text: the letterhead and the subject line above it on
page 1 (where the running text starts, and how the subject was found), and the closing
below it ("Med venlig hilsen", "På vegne af" …). Metadata reads them; the body does not."""

from __future__ import annotations

import re

from .layout import RETURN_ADDRESS
from .lines import Line
from .paragraphs import right_edge, wraps

CLOSING = re.compile(
    r"^(?:på vegne af|med venlig hilsen|venlig hilsen|mvh\.?$|"
    r"med venlige hilsner|on behalf of|kind regards|yours sincerely)",
    re.IGNORECASE,
)
SUBJECT_START = re.compile(
    r"^(?:vedr(?:\.|ørende)?:?\s|emne:|høringssvar|høringsnotat|høring\b|svar på høring|"
    r"bemærkninger til|kommentarer til)",
    re.IGNORECASE,
)
MAX_PLAIN_SUBJECT_LINES = 2


def split_letterhead(
    lines: list[Line], size: float
) -> tuple[list[Line], list[Line], list[Line], str]:
    """(letterhead and address lines, subject lines, the rest, how the subject was found).

    The subject stands before the running text of page 1: a section heading after it is
    not the subject (taking it for one made page 1 letterhead). With no subject, the short
    lines above page 1's running text up to the last that reads like letterhead (an
    address, a date, "J.nr. …") are the letterhead."""
    text_start = running_text_start(lines, size)
    start, how = _subject_start(lines[: text_start + 1] if text_start is not None else lines, size)
    if start is None:
        end = _letterhead_end(lines, text_start if text_start is not None else _first_long(lines))
        return lines[:end], [], lines[end:], ""
    end = start + 1
    while (
        end < len(lines)
        and lines[end].page == lines[start].page
        and abs(lines[end].size - lines[start].size) < 0.2
        and lines[end].bold == lines[start].bold
        and not lines[start].paragraph
        and lines[end].top - lines[end - 1].bottom < lines[start].size * 0.6
        and wraps(lines[end - 1], lines[end], right_edge(lines))
    ):
        end += 1
    if how == "first" and end - start > MAX_PLAIN_SUBJECT_LINES:
        return [], [], lines, ""  # a paragraph that opens like a subject ("Høringssvar afgivet …")
    subject = lines[start:end]
    bottom = max(line.bottom for line in subject)
    beside = [
        line
        for line in lines[end:]
        if line.page == subject[0].page and not line.paragraph and line.bottom <= bottom + 1
    ]
    ids = {id(line) for line in beside}
    rest = [line for line in lines[end:] if id(line) not in ids]
    # what stands beside the subject (a floated "Direkte 72 22 74 00") is letterhead too
    return lines[:start] + beside, subject, rest, how


LETTERHEAD_CUE = re.compile(
    r"^(?:(?:DK-?)?\d{4}\s+[A-ZÆØÅ]|(?:j\.\s?nr|sagsnr|sags\.?\s?nr|dato|date|vores ref|"
    r"deres ref|tlf|telefon|cvr|ean)\b)|@|www\.",
    re.IGNORECASE,
)


def _letterhead_end(lines: list[Line], text_start: int) -> int:
    """How many lines above ``text_start`` are letterhead: the short plain lines up to the
    last address, date or label line among them ("Kære …" below it stays in the body)."""
    from ..dates import find_dates

    end = 0
    for index, line in enumerate(lines[:text_start]):
        text = line.text.strip()
        if RETURN_ADDRESS.match(text):  # "Afs.: …": the sender's own address, however long
            end = index + 1
            continue
        if len(text) >= 45 or line.paragraph or line.table:
            break
        dates = find_dates(text)
        if LETTERHEAD_CUE.search(text) or (dates and len(dates[0][1]) >= len(text) - 2):
            end = index + 1
    return end


def _first_long(lines: list[Line]) -> int:
    """The first line of page 1 as long as a line of text (a short letter's first
    sentence), or 0."""
    for index, line in enumerate(lines[:40]):
        if line.page != lines[0].page:
            break
        if len(line.text.strip()) >= 45 and not line.paragraph:
            return index
    return 0


def running_text_start(lines: list[Line], size: float) -> int | None:
    """Where page 1's running text starts: the first of two lines of one paragraph, each
    long, in the body's type (a PDF's lines; a DOCX paragraph is not split into lines)."""
    for i in range(min(len(lines) - 1, 60)):
        line, after = lines[i], lines[i + 1]
        if line.page != lines[0].page:
            return None
        if (
            not line.paragraph
            and after.page == line.page
            and min(len(line.text), len(after.text)) >= 45
            and not line.bold
            and abs(line.size - size) < 0.3
            and abs(after.x0 - line.x0) < 3
            and 0 <= after.top - line.bottom < line.size
        ):
            return i
    return None


def _subject_start(lines: list[Line], size: float) -> tuple[int | None, str]:
    """Where the subject line is on page 1, and how it was found: the Title style (Word, ODT); a
    bold or large line that reads like a subject ("Høringssvar vedr. …"); the largest text
    that is not the sender's name in the logo; a plain line that reads like a subject."""
    first_page = [
        i for i, line in enumerate(lines[:40]) if line.page == lines[0].page and not line.table
    ]
    for i in first_page:
        if lines[i].style.lower() in ("title", "subtitle"):
            return i, "title style"
    for i in first_page:
        line = lines[i]
        if _reads_like_subject(line.text) and (line.bold or line.size >= size * 1.1):
            return i, "bold"
    largest = _largest(lines, [i for i in first_page if not _logo(lines[i], i)])
    for i in first_page:
        line = lines[i]
        if line.size >= size * 1.15 and line.size >= largest - 0.1 and not _logo(line, i):
            return i, "largest"
    for i in first_page[:25]:
        if _reads_like_subject(lines[i].text):
            return i, "first"
    return None, ""


def _reads_like_subject(text: str) -> bool:
    text = text.strip()
    return bool(SUBJECT_START.match(text)) and len(text) < 160 and not text.endswith(":")


def _logo(line: Line, index: int) -> bool:
    """The sender's name set large at the very top (a logo in letters), not a subject."""
    text = line.text.strip()
    return (
        index <= 1
        and len(text.split()) <= 4
        and (text.isupper() or line.bottom < line.page_height * 0.12)
    )


def _largest(lines: list[Line], indices: list[int]) -> float:
    return max((lines[i].size for i in indices if not lines[i].table), default=0.0)


def split_closing(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The greeting and signature at the end ("På vegne af …", "Med venlig hilsen")."""
    for i in range(max(0, len(lines) - 12), len(lines)):
        if CLOSING.match(lines[i].text.strip()):
            return lines[:i], lines[i:]
    return lines, []
