"""Where each PDF line sits on its page: the main text column, what stands beside it, the
recipient's address window, and what repeats on every page.

A letter is laid out around one main column of running text. Lines entirely to the left or
right of it (a sidebar with the address and opening hours, a Dato/Sagsnr. table floated
right, the second column of a letterhead) are letterhead material: metadata reads them, the
body never does. Running headers and footers are found by what they are (repeated at the same
place on several pages, or a page number), wherever they sit on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lines import Line

PAGE_NUMBER = re.compile(
    r"^(?:(?:side|page|s\.)\s*\d+(?:\s*(?:af|of|/|ud af)\s*\d+)?"
    r"|\d+\s*(?:/|af|of)\s*\d+|[-–—]?\s*\d{1,3}\s*[-–—]?)$", re.IGNORECASE)
PAGE_OF = re.compile(r"\b(?:side|page)\s+\d+\s+(?:af|of|ud af)\s+\d+\b", re.IGNORECASE)
POSTCODE = re.compile(r"^(?:DK-?)?\d{4}\s+[A-ZÆØÅ]")
RECIPIENT_CUE = re.compile(r"^(?:att\.?|attention|til:?)\s", re.IGNORECASE)
# the aside may hold at most this share of the text: more is a second column of body text
MAX_ASIDE_SHARE = 0.3


@dataclass(frozen=True)
class Column:
    """The main text column: its left and right edge in points."""

    left: float
    right: float

    def beside(self, line: Line) -> bool:
        """Whether ``line`` stands wholly to the left or right of the column."""
        return line.x0 >= self.right - 2 or line.x1 <= self.left + 2


def main_column(lines: list[Line]) -> Column | None:
    """The column most running text is set in: the usual left edge of long lines, and the
    right edge most of them reach."""
    long = [line for line in lines if len(line.text) >= 40 and not line.table]
    if len(long) < 3:
        return None
    lefts = Counter(round(line.x0 / 4) * 4 for line in long)
    left = lefts.most_common(1)[0][0]
    in_column = sorted(line.x1 for line in long if abs(line.x0 - left) <= 6)
    right = in_column[int(len(in_column) * 0.9)] if in_column else max(line.x1 for line in long)
    return Column(left - 4, right + 4)


def mark_aside(lines: list[Line]) -> list[Line]:
    """Set ``region = "aside"`` on body lines beside the main column; return them. Nothing is
    set aside when that would take a large share of the text (two columns of running text)."""
    column = main_column([line for line in lines if line.region == "body"])
    if column is None:
        return []
    candidates = [line for line in lines if line.region == "body" and column.beside(line)]
    total = sum(len(line.text) for line in lines if line.region == "body")
    if not candidates or sum(len(line.text) for line in candidates) > total * MAX_ASIDE_SHARE:
        return []
    for line in candidates:
        line.region = "aside"
    return candidates


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
        repeated = page_count > 1 and _key(line) in places
        if not position and not repeated and not PAGE_OF.fullmatch(line.text.strip()):
            continue
        in_band = position is not None and _band(line, band) is not None
        small_print = position is not None and line.size < usual * 0.85 and _band(
            line, small_band) is not None
        apart = position == "top" and line.page > 1 and in_band and _set_apart(line, lines)
        number = PAGE_NUMBER.match(line.text.strip()) and position is not None
        if repeated or small_print or apart or number or PAGE_OF.fullmatch(line.text.strip()):
            top_half = line.top < line.page_height / 2
            line.region = "header" if top_half else "footer"
            running.append(line)
    return running


def _key(line: Line) -> tuple[str, int]:
    text = re.sub(r"\d+", "#", " ".join(line.text.lower().split()))
    return text, round(line.top / 6)


def _repeated_places(lines: list[Line]) -> set[tuple[str, int]]:
    """(text with digits as #, rounded height) of lines on at least two pages and on half of
    them or more: the same words at the same place."""
    pages_of: dict[tuple[str, int], set[int]] = {}
    for line in lines:
        if line.paragraph or not line.text.strip():
            continue
        key = _key(line)
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
    below = [other.top for other in lines
             if other.page == line.page and other.top > line.bottom + 0.5]
    return bool(below) and min(below) - line.bottom > 2 * line.size


def _band(line: Line, share: float) -> str | None:
    if line.paragraph:
        return None
    if line.bottom < line.page_height * share:
        return "top"
    if line.top > line.page_height * (1 - share):
        return "bottom"
    return None


def recipient_block(lines: list[Line], column_left: float | None) -> list[Line]:
    """The address block in a letter's window: on page 1, above the subject, at the left
    edge, a few short lines set close together ending in a postcode and town (or opened by
    "Att."). ``lines``: the page-1 lines before the subject, in reading order."""
    candidates = []
    for block in _blocks(lines):
        if not 2 <= len(block) <= 7 or any(len(line.text) > 60 for line in block):
            continue
        first = block[0]
        if column_left is not None and abs(first.x0 - column_left) > 40:
            continue
        if first.top > first.page_height * 0.4:
            continue
        if any(POSTCODE.match(line.text.strip()) for line in block) or RECIPIENT_CUE.match(
                first.text.strip()):
            candidates.append(block)
    # the window of an envelope sits 4-6 cm from the top: a block there beats one at the very
    # top (which may be the sender's own address); a lone block at the top is the recipient's
    in_window = [b for b in candidates if b[0].top > b[0].page_height * 0.08]
    return (in_window or candidates or [[]])[0]


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into blocks: same left edge, no gap wider than a line between them."""
    blocks: list[list[Line]] = []
    for line in lines:
        if line.table:
            continue
        last = blocks[-1][-1] if blocks else None
        if (last is not None and abs(line.x0 - last.x0) < 3 and line.page == last.page
                and 0 <= line.top - last.bottom < max(line.size, last.size) * 1.0):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks
