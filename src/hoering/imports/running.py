"""What a page carries beside the letter: running headers and footers, page numbers, the
archive's stamps and a date printed beside the page number. Each is found by what it is
(repeated at the same place on several pages, a page number, a stamp's words), wherever
it sits on the page."""

from __future__ import annotations

import re
from collections import Counter

from .lines import Line

PAGE_NUMBER = re.compile(
    r"^(?:(?:side|page|s\.)\s*\d+(?:\s*(?:af|of|/|ud af)\s*\d+)?"
    r"|\d+\s*(?:/|af|of)\s*\d+|[-–—]?\s*\d{1,3}\s*[-–—]?)$",
    re.IGNORECASE,
)
PAGE_OF = re.compile(r"\b(?:side|page)\s+\d+\s+(?:af|of|ud af)\s+\d+\b", re.IGNORECASE)


def mark_running(lines: list[Line], bands: tuple[float, float, float]) -> list[Line]:
    """Set ``region`` of running headers/footers and page numbers; return them.

    ``bands``: the top/bottom share of a page where running lines are looked for by shape
    (a line repeated on several pages, a page number, small print, a line set apart at the
    top of a later page). A line repeated at the same place on most pages, or saying
    "Side 2 af 11", is running wherever it sits.
    """
    band, number_band, small_band = bands
    page_count = len({line.page for line in lines})
    places = _repeated_places(lines)
    usual = _usual_size(lines, number_band)
    running = []
    for line in lines:
        position = _band(line, number_band)
        in_band = position is not None and _band(line, band) is not None
        # in the bands a line repeated with other digits is running ("Side 2"); elsewhere
        # only the same words at the same place in small print ("Afsnit 2.1: Ingen
        # bemærkninger." on two pages is text)
        repeated = page_count > 1 and (
            _key(line) in places
            if in_band
            else (_key(line, digits=True) in places and line.size < usual * 0.9)
        )
        if not position and not repeated and not PAGE_OF.fullmatch(line.text.strip()):
            continue
        small_print = (
            position is not None
            and line.size < usual * 0.85
            and _band(line, small_band) is not None
        )
        apart = position == "top" and line.page > 1 and in_band and _set_apart(line, lines)
        number = PAGE_NUMBER.match(line.text.strip()) and position is not None
        if repeated or small_print or apart or number or PAGE_OF.fullmatch(line.text.strip()):
            top_half = line.top < line.page_height / 2
            line.region = "header" if top_half else "footer"
            running.append(line)
    return running


def _key(line: Line, digits: bool = False) -> tuple[str, int]:
    text = " ".join(line.text.lower().split())
    return text if digits else re.sub(r"\d+", "#", text), round(line.top / 6)


def _repeated_places(lines: list[Line]) -> set[tuple[str, int]]:
    """(text with digits as #, rounded height) of lines on at least two pages and on half of
    them or more: the same words at the same place."""
    pages_of: dict[tuple[str, int], set[int]] = {}
    for line in lines:
        if line.paragraph or not line.text.strip():
            continue
        for key in (_key(line), _key(line, digits=True)):
            for near in (key, (key[0], key[1] - 1), (key[0], key[1] + 1)):
                pages_of.setdefault(near, set()).add(line.page)
    page_count = len({line.page for line in lines})
    needed = max(2, (page_count + 1) // 2)
    return {key for key, pages in pages_of.items() if len(pages) >= needed}


def _usual_size(lines: list[Line], number_band: float) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        if not _band(line, number_band):
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0


def _set_apart(line: Line, lines: list[Line]) -> bool:
    """A line at the top of a later page with a wide gap under it (a running header)."""
    below = [
        other.top for other in lines if other.page == line.page and other.top > line.bottom + 0.5
    ]
    return bool(below) and min(below) - line.bottom > 2 * line.size


def _band(line: Line, share: float) -> str | None:
    if line.paragraph:
        return None
    if line.bottom < line.page_height * share:
        return "top"
    if line.top > line.page_height * (1 - share):
        return "bottom"
    return None


STAMP_PART = re.compile(
    r"^(?:offentligt|fortroligt|\S.{2,60}\s\d{4}-\d{2}|.{0,30}\bbilag\s+\d+)$", re.IGNORECASE
)
STAMP_BILAG = re.compile(r"\bbilag\s+\d+$", re.IGNORECASE)
STAMP_FOOT = re.compile(r"^\S.{0,40}\s-\s\d{4}-\d{2}\s-\s(?:bilag|spørgsmål|svar)\s+\d+\b", re.I)
STAMP_BAND = 0.1  # the stamp's share of the page's height


def archive_stamps(lines: list[Line]) -> list[Line]:
    """The lines of archive stamps: in the top band of a page, at its right, a few short
    lines of which one says "Bilag N"; and the stamp's line at the foot of a page."""
    corner = [
        line
        for line in lines
        if line.bottom < line.page_height * STAMP_BAND
        and line.x0 > line.page_width * 0.4
        and STAMP_PART.match(line.text.strip())
    ]
    stamped = {line.page for line in corner if STAMP_BILAG.search(line.text.strip())}
    feet = [line for line in lines if STAMP_FOOT.match(line.text.strip())]
    return [line for line in corner if line.page in stamped] + feet


def margin_dates(lines: list[Line], running: list[Line]) -> list[Line]:
    """A date alone beside a page number ("Side 2 af 5"), printed on every page, or on one
    line with it ("15. juni 2019 Side 1 af 1"): set ``region = "margin"`` (no longer running
    text or a running header; metadata may still read the date) and return them."""
    numbers = [
        line for line in running if PAGE_OF.search(line.text) or PAGE_NUMBER.match(line.text)
    ]
    numbered = {id(line) for line in numbers}
    result = []
    for line in lines:
        beside = any(_beside_number(line, number) for number in numbers)
        with_number = id(line) in numbered and PAGE_OF.search(line.text) is not None
        if not (beside or with_number):
            continue
        if _date_only(PAGE_OF.sub("", line.text) if with_number else line.text):
            line.region = "margin"
            result.append(line)
    return result


def _date_only(text: str) -> bool:
    from ..dates import find_dates

    found = find_dates(text)
    return bool(found) and len(found[0][1]) >= len(text.strip()) - 2


def _beside_number(line: Line, number: Line) -> bool:
    """Within three lines above or below a page number, starting near its left edge."""
    return (
        line.page == number.page
        and line is not number
        and abs(line.top - number.top) < 3 * max(line.size, number.size)
        and abs(line.x0 - number.x0) < 40
    )
