"""Where each PDF line sits on its page: the main text column, what stands beside it, the
recipient's address window, and the reading order of columns.

A letter is laid out around one main column of running text. Lines entirely to the left or
right of it (a sidebar with the address and opening hours, a Dato/Sagsnr. table floated
right, the second column of a letterhead) are letterhead material: metadata reads them, the
body never does. Running headers and footers, page numbers and stamps are
:mod:`.running`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .lines import Line

POSTCODE = re.compile(r"^(?:DK-?)?\d{4}\s+[A-ZÆØÅ]")
RECIPIENT_CUE = re.compile(r"^(?:att\.?|attention|til:?)\s", re.IGNORECASE)
# the sender's own return address, printed above the window: never the recipient's
RETURN_ADDRESS = re.compile(r"^(?:afs\.|afsender\s*:|abs\.|return address\s*:)", re.IGNORECASE)
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
    lefts = Counter(round(line.x0 / 4) * 4 for line in long)
    if len(long) < 3:  # a short letter ("… har ingen bemærkninger"): where most text is
        long = [line for line in lines if len(line.text) >= 20 and not line.table]
        lefts = Counter()
        for line in long:
            lefts[round(line.x0 / 4) * 4] += len(line.text)
    if len(long) < 3:
        return None
    left = lefts.most_common(1)[0][0]
    in_column = sorted(line.x1 for line in long if abs(line.x0 - left) <= 6)
    right = in_column[int(len(in_column) * 0.9)] if in_column else max(line.x1 for line in long)
    return Column(left - 4, right + 4)


def mark_aside(lines: list[Line]) -> list[Line]:
    """Set ``region = "aside"`` on body lines beside the main column; return them.

    Nothing is set aside when that would take a large share of the text (two columns of
    running text; a sidebar of short lines beside a short letter is set aside), nor a
    group of lines that pairs row by row with lines of the column: the
    other columns of a table, or the pieces of a justified line that the reader split at a
    wide word gap. Words that belong to the text are never taken out of it.
    """
    body = [line for line in lines if line.region == "body"]
    column = main_column(body)
    if column is None:
        return []
    inside = [line for line in body if not column.beside(line)]
    ends = _text_ends(inside)
    candidates = [
        line for line in body if column.beside(line) and line.top <= ends.get(line.page, 0.0)
    ]  # what stands below all the column's text (a signature at the left edge) is beside nothing
    total = sum(len(line.text) for line in body)
    share = sum(len(line.text) for line in candidates) / max(total, 1)
    if not candidates or (share > MAX_ASIDE_SHARE and not _short_lines(candidates)):
        return []
    headings = {id(line) for line in candidates if _margin_heading(line, column, inside)}
    headings |= {id(line) for stack in _heading_stacks(body, column, inside) for line in stack}
    candidates = [line for line in candidates if id(line) not in headings]
    aside = []
    for group in _groups(candidates, column):
        paired = sum(any(_same_row(line, other) for other in inside) for line in group)
        if paired * 2 < len(group):
            aside += group
    for line in aside:
        line.region = "aside"
    return aside


def _short_lines(lines: list[Line]) -> bool:
    """Lines of a letterhead's sidebar (address, "EAN-nr.", opening hours), not a column of
    running text: none as long as a line of text."""
    return max(len(line.text.strip()) for line in lines) < 35


def _margin_heading(line: Line, column: Column, inside: list[Line]) -> bool:
    """A heading set in a margin column left of its text: short, in bold or larger type,
    level with the first line of a paragraph of the column."""
    text = line.text.strip()
    if (
        line.x1 > column.left + 2
        or sum(char.isalpha() for char in text) < 2  # a list's bullet glyph ("›") beside it
        or len(text.split()) > 8
        or re.search(r"[\d@]", text)
        or not (line.bold or line.size > _size_of(inside) * 1.05)
    ):
        return False
    starts = [
        other
        for other in inside
        if other.page == line.page and abs(other.top - line.top) < max(line.size, other.size) * 0.8
    ]
    return any(_opens_paragraph(start, inside) for start in starts)


def _size_of(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0


def _opens_paragraph(line: Line, column_lines: list[Line]) -> bool:
    above = [
        other
        for other in column_lines
        if other.page == line.page and other.bottom <= line.top + 0.5
    ]
    if not above:
        return True
    nearest = max(above, key=lambda other: other.bottom)
    return line.top - nearest.bottom > line.size * 0.5 or nearest.text.rstrip().endswith(
        (".", ":", "!", "?")
    )


def place_margin_headings(lines: list[Line]) -> list[Line]:
    """Margin headings (body lines left of the text column, level with a paragraph's first
    line) moved to stand just before that paragraph, in the column: a heading over it."""
    body = [line for line in lines if line.region == "body"]
    column = main_column(body)
    if column is None:
        return lines
    inside = [line for line in body if not column.beside(line)]
    result = _stacked_headings(lines, column, inside)
    for heading in [
        line
        for line in result
        if line.region == "body" and column.beside(line) and _margin_heading(line, column, inside)
    ]:
        start = min(
            (
                other
                for other in inside
                if other.page == heading.page
                and abs(other.top - heading.top) < max(heading.size, other.size) * 0.8
            ),
            key=lambda other: abs(other.top - heading.top),
        )
        result.remove(heading)
        heading.top = start.top - start.size * 1.5
        heading.bottom = heading.top + heading.size
        heading.x0 = start.x0
        result.insert(result.index(start), heading)
    return result


MAX_HEADING_LINES = 4


def _text_ends(inside: list[Line]) -> dict[int, float]:
    """Where the column's text ends on each page (the bottom of its last line)."""
    ends: dict[int, float] = {}
    for line in inside:
        ends[line.page] = max(ends.get(line.page, 0.0), line.bottom)
    return ends


def _stacked_headings(lines: list[Line], column: Column, inside: list[Line]) -> list[Line]:
    """``lines`` with a margin heading set on two or more lines ("Koordinerende" /
    "indsatsplan og" / "netværksmøder") as one line."""
    instead: dict[int, Line | None] = {}  # id of a line → the line that replaces it (None: gone)
    for stack in _heading_stacks(lines, column, inside):
        instead.update({id(other): None for other in stack})
        instead[id(stack[0])] = _joined(stack)
    kept = (instead.get(id(line), line) if id(line) in instead else line for line in lines)
    return [line for line in kept if line is not None]


def _heading_stacks(lines: list[Line], column: Column, inside: list[Line]) -> list[list[Line]]:
    """Bold lines one under the other left of the column that, joined, make a margin
    heading."""
    margin = [line for line in lines if line.region == "body" and line.x1 <= column.left + 2]
    stacks: list[list[Line]] = []
    stack: list[Line] = []
    for line in [*margin, None]:
        if line is not None and stack and _under(stack[-1], line):
            stack.append(line)
            continue
        if 1 < len(stack) <= MAX_HEADING_LINES and _margin_heading(_joined(stack), column, inside):
            stacks.append(stack)
        stack = [line] if line is not None else []
    return stacks


def _under(above: Line, line: Line) -> bool:
    """Whether ``line`` goes on the bold margin line ``above`` (the next line of it)."""
    return (
        line.page == above.page
        and above.bold
        and line.bold
        and abs(line.x0 - above.x0) < 3
        and abs(line.size - above.size) < 0.3
        and 0 <= line.top - above.bottom < above.size * 0.6
    )


def _joined(stack: list[Line]) -> Line:
    text = stack[0].text.strip()
    for line in stack[1:]:
        after = line.text.strip()
        hyphenated = text.endswith("-") and after[:1].islower()  # "Udskrivnings-" "mentor"
        text = text[:-1] + after if hyphenated else f"{text} {after}"
    first = stack[0]
    return replace(first, text=text, bottom=stack[-1].bottom, x1=max(line.x1 for line in stack))


def _groups(lines: list[Line], column: Column) -> list[list[Line]]:
    """Lines beside the column by page and side (left or right of it)."""
    groups: dict[tuple[int, bool], list[Line]] = {}
    for line in lines:
        groups.setdefault((line.page, line.x0 >= column.right - 2), []).append(line)
    return list(groups.values())


def _same_row(a: Line, b: Line) -> bool:
    return a.page == b.page and abs(a.top - b.top) < 2


def recipient_block(lines: list[Line], column_left: float | None) -> list[Line]:
    """The address block in a letter's window: on page 1, above the subject, at the left
    edge, a few short lines set close together ending in a postcode and town (or opened by
    "Att."). ``lines``: the page-1 lines before the subject, in reading order."""
    candidates = []
    for block in _blocks([line for line in lines if not RETURN_ADDRESS.match(line.text.strip())]):
        if not 2 <= len(block) <= 7 or any(len(line.text) > 60 for line in block):
            continue
        first = block[0]
        if column_left is not None and abs(first.x0 - column_left) > 40:
            continue
        if first.top > first.page_height * 0.4:
            continue
        if any(POSTCODE.match(line.text.strip()) for line in block) or RECIPIENT_CUE.match(
            first.text.strip()
        ):
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
        if (
            last is not None
            and abs(line.x0 - last.x0) < 3
            and line.page == last.page
            and 0 <= line.top - last.bottom < max(line.size, last.size) * 1.0
        ):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def reading_order(lines: list[Line]) -> list[Line]:
    """Lines of a page set in two columns of running text, read column by column.

    The reader's order jumps between the columns where their lines sit at similar heights.
    Where a page has two columns, each with several full lines, and no line crossing the
    gutter between them, the lines between two crossing lines (a heading over both, the
    letterhead) are read left column first. Other pages keep their order.
    """
    result: list[Line] = []
    for page in dict.fromkeys(line.page for line in lines):
        on_page = [line for line in lines if line.page == page]
        gutter = _gutter([line for line in on_page if line.region == "body"])
        result += on_page if gutter is None else _by_columns(on_page, gutter)
    return result


def _gutter(lines: list[Line]) -> float | None:
    """The x between two columns of running text on one page, or None."""
    lefts = Counter(round(line.x0 / 4) * 4 for line in lines if len(line.text) >= 30)
    edges = sorted(edge for edge, count in lefts.items() if count >= 4)
    if len(edges) < 2:
        return None
    left, right = edges[0], edges[-1]
    left_lines = [line for line in lines if abs(line.x0 - left) <= 4 and len(line.text) >= 30]
    if not left_lines or max(line.x1 for line in left_lines) > right - 4:
        return None
    right_lines = [line for line in lines if abs(line.x0 - right) <= 4]
    paired = sum(any(_same_row(a, b) for b in right_lines) for a in left_lines)
    if paired * 2 > len(left_lines):  # rows side by side: a table, read row by row
        return None
    return (max(line.x1 for line in left_lines) + right) / 2


def _by_columns(lines: list[Line], gutter: float) -> list[Line]:
    segments: list[list[Line]] = [[]]
    for line in sorted(lines, key=lambda line: line.top):
        if line.x0 < gutter < line.x1 or line.region != "body":
            segments.append([line])
            segments.append([])
        else:
            segments[-1].append(line)
    ordered: list[Line] = []
    for segment in segments:
        ordered += sorted(segment, key=lambda line: (line.x0 >= gutter, line.top))
    return ordered


# Folketinget's archive stamp in the top right corner ("Ældreudvalget 2024-25 / L 89 Bilag 1 /
# Offentligt") and the line it prints at the foot ("L 16 - 2025-26 - Bilag 1: Høringssvar …")
