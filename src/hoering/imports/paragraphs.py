"""Lines → paragraphs: list markers put back beside their text, lines split by the layout
merged, hyphenation undone, and lines joined into paragraphs (across line and page breaks)
and tables, as a person reads them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .characters import normalise_bullet, only_bullets
from .lines import Line

BULLET = re.compile(r"^(?:[•*–-]|o(?=\s))\s+")
NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "som", "and", "or"}
SENTENCE_END = (".", "!", "?", ":", ";")


@dataclass
class Para:
    """A paragraph (or table) of the body, with the look of its first line."""

    text: str
    first: Line
    lines: int = 1
    list_kind: str | None = None

    @property
    def bold(self) -> bool:
        return self.first.bold

    @property
    def size(self) -> float:
        return self.first.size


BARE_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])$")


def attach_markers(lines: list[Line]) -> list[Line]:
    """Put list markers that the PDF keeps apart ("•" beside the item text) in front of
    their item, where the item text is in reading order."""
    markers = [
        line for line in lines if BARE_MARKER.match(line.text.strip()) or only_bullets(line.text)
    ]
    if not markers:
        return lines
    used: set[int] = set()
    for marker in markers:
        for line in lines:
            if (
                line is not marker
                and id(line) not in used
                and line.page == marker.page
                and _same_row(line, marker)
                and 0 <= line.x0 - marker.x1 < 30
            ):
                mark = "•" if only_bullets(marker.text) else marker.text.strip()
                line.text = f"{mark} {line.text}"
                line.x0 = marker.x0
                used.add(id(line))
                marker.text = ""
                break
        if only_bullets(marker.text):
            marker.text = ""  # a glyph with no item beside it says nothing
    return [line for line in lines if line.text]


def _same_row(line: Line, marker: Line) -> bool:
    """Whether a list marker stands on the line's row: their middles level, whatever the
    marker's size (a larger "›" beside 11-point text)."""
    middle = (line.top + line.bottom) / 2 - (marker.top + marker.bottom) / 2
    return abs(line.top - marker.top) < 2 or abs(middle) < min(line.size, marker.size) * 0.4


def merge_split_lines(lines: list[Line]) -> list[Line]:
    """One visual line that the PDF reader split at a wide gap (justified text) becomes one
    line again; lines side by side in two or more rows stay apart (a table)."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        end = _table_end(lines, index)
        if end > index:
            result.extend(lines[index:end])
            index = end
            continue
        line = lines[index]
        if (
            result
            and _beside(result[-1], line)
            and line.x0 > result[-1].x1
            and line.x0 - result[-1].x1 < line.size * 3
            and not result[-1].table
        ):
            last = result[-1]
            marker = only_bullets(last.text) or BARE_MARKER.match(last.text.strip())
            text = normalise_bullet(f"{last.text} {line.text}")  # "‣" + its item
            result[-1] = Line(
                **{
                    **last.__dict__,
                    "text": text,
                    "x1": line.x1,
                    "bold_label": line.bold_label if marker else last.bold_label,
                }
            )
        else:
            result.append(line)
        index += 1
    return result


def join_text(before: str, after: str) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation but keeping the
    hyphen of Danish shortened compounds ("social- og sundhedsområdet")."""
    before = before.rstrip()
    after = after.lstrip()
    if not before:
        return after
    if before.endswith(("-", "\u00ad")) and len(before) > 1 and before[-2].isalpha():
        word = after.split(" ", 1)[0].strip(",.;:").lower()
        if _address_like(before.rsplit(" ", 1)[-1], word):
            return before[:-1] + "-" + after  # a URL or file name keeps its hyphen
        before = before[:-1] + "-"  # some PDFs map the hyphen glyph to a soft hyphen
        if word in KEEP_HYPHEN_BEFORE:
            return before + " " + after
        if after[:1].islower():
            return before[:-1] + after
        return before + after  # "PLO-" + "Hovedstaden": a real hyphen
    return before + " " + after


ADDRESS = re.compile(
    r"(?:[/@\\]|www\.|https?:|\.(?:pdf|docx?|xlsx?|html?|dk|com|eu|org)\b)", re.IGNORECASE
)


def _address_like(before_word: str, after_word: str) -> bool:
    """Whether the hyphenated word is part of a web address, an e-mail address or a file
    name, where a line-end hyphen is a real character."""
    return bool(ADDRESS.search(before_word) or ADDRESS.search(after_word))


def starts_item(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBERED.match(text))


def join_lines(lines: list[Line]) -> list[Para]:
    """PDF lines → paragraphs, across line and page breaks; side-by-side cells → tables."""
    right = right_edge(lines)
    result: list[Para] = []
    current: Para | None = None
    previous: Line | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        end = _table_end(lines, index)
        if end > index:
            result.append(
                Para("", Line("", page=line.page, table=_rows(lines[index:end]), paragraph=True))
            )
            current = previous = None
            index = end
            continue
        index += 1
        if (
            current is not None
            and previous is not None
            and _continues(previous, line, current, right)
        ):
            current.text = join_text(current.text, line.text)
            current.lines += 1
        else:
            current = Para(line.text, line)
            result.append(current)
        previous = line
    return result


LETTER_ITEM = re.compile(r"^[a-z][.)]\s")


def _opens_item(previous: Line, line: Line, current: Para) -> bool:
    """Whether ``line`` opens a list item. A letter and a full stop after a line that ends
    mid-sentence ("… parter kan slå op" / "i. Det gælder …") go on with the sentence."""
    if not starts_item(line.text):
        return False
    return (
        not LETTER_ITEM.match(line.text)
        or previous.text.rstrip().endswith(SENTENCE_END)
        or bool(LETTER_ITEM.match(current.text))
    )


def right_edge(lines: list[Line]) -> float:
    edges = Counter(round(line.x1 / 5) * 5 for line in lines if len(line.text) > 40)
    return edges.most_common(1)[0][0] if edges else 500.0


def _continues(previous: Line, line: Line, current: Para, right: float) -> bool:
    if _opens_item(previous, line, current) or previous.text.rstrip().endswith(":"):
        return False
    if abs(line.size - previous.size) > 0.3 or line.bold != previous.bold:
        return False
    if line.bold and line.page == previous.page and not wraps(previous, line, right):
        return False  # two bold lines: two headings, unless the first runs on
    if line.page != previous.page:
        return not previous.text.rstrip().endswith(SENTENCE_END)
    gap = line.top - previous.bottom
    if gap < -previous.size * 0.5:
        return False
    if gap > previous.size * 0.45 and not _mid_sentence(previous, line, gap):
        return False
    in_item = starts_item(current.text)
    if in_item and line.x0 <= current.first.x0 + 1:
        return False
    if not in_item and abs(line.x0 - previous.x0) > 3 and line.x0 > previous.x0:
        return False  # an indented first line or a table cell
    short = previous.x1 < right - previous.size * 4
    return not (short and previous.text.rstrip().endswith(SENTENCE_END))


# Words a heading's line does not end on unless the heading goes on in the next line.
RUNS_ON = frozenset(
    "af at de den det efter eller en et for fra i med mod og om over på samt som til ud under "
    "ved vedr and of the to for in on with".split()
)


def wraps(previous: Line, line: Line, right: float) -> bool:
    """Whether ``line`` goes on with the text of ``previous`` (one heading set on two lines)
    rather than starting anew (two headings one under the other): the first word of
    ``line`` would not have fitted at the end of ``previous``, or ``previous`` breaks off
    mid-phrase ("… FOR AT", "pleje-"), or ``line`` goes on in lower case."""
    before, after = previous.text.rstrip(), line.text.strip()
    if not before or not after:
        return False
    if after[:1].islower() or before.endswith(("-", ",")):
        return True
    if before.split()[-1].lower() in RUNS_ON:
        return True
    per_char = (previous.x1 - previous.x0) / max(len(before), 1)
    needed = per_char * (len(after.split()[0]) + 1)
    return previous.x1 + needed > right - previous.size * 0.5


def _mid_sentence(previous: Line, line: Line, gap: float) -> bool:
    """A sentence running on at the same indent across wider line spacing (a quotation set
    with more leading): the line before ends mid-sentence and this one goes on in lower case."""
    return (
        gap < previous.size * 1.3
        and abs(line.x0 - previous.x0) < 3
        and not previous.text.rstrip().endswith(SENTENCE_END)
        and line.text[:1].islower()
    )


def _beside(a: Line, b: Line) -> bool:
    return a.page == b.page and abs(a.top - b.top) < 1.5 and (b.x0 > a.x1 or a.x0 > b.x1)


def _table_end(lines: list[Line], start: int) -> int:
    """Where a table starting at ``start`` ends (``start`` when there is none): lines that
    share a row with another line (in row or in column order), and wrapped cell lines
    under a column."""
    first = lines[start]
    nearby = lines[start + 1 : start + 40]
    if not any(_beside(first, other) for other in nearby):
        return start
    columns = {round(first.x0)}
    rows = set()
    bottom = first.bottom
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.page != first.page or line.top > bottom + line.size * 1.6:
            break
        partners = [o for o in lines[start : end + 40] if o is not line and _beside(line, o)]
        if partners:
            columns.add(round(line.x0))
            rows.add(round(line.top))
        elif not any(abs(line.x0 - x) < 3 for x in columns):
            break
        bottom = max(bottom, line.bottom)
        end += 1
    rows.add(round(first.top))
    groups = {round(line.top) for line in lines[start:end]}
    # a table has two or more rows of cells, and mostly rows of cells (not one line of
    # justified text split at a wide gap, followed by a paragraph), in columns
    if len(rows) >= 2 and len(rows) * 2 >= len(groups) and _in_columns(lines[start:end]):
        return end
    return start


def _in_columns(lines: list[Line]) -> bool:
    """Whether side-by-side pieces start at a few shared left edges (a table's columns),
    not at a different place in every row (justified lines split at wide word gaps)."""
    per_row: Counter[int] = Counter(round(line.top) for line in lines)
    edges: list[float] = []
    for line in sorted(lines, key=lambda line: line.x0):
        if not edges or line.x0 - edges[-1] > 3:
            edges.append(line.x0)
    return len(edges) <= max(per_row.values()) * 1.5 + 1


def _rows(lines: list[Line]) -> list[list[str]]:
    ordered = sorted(lines, key=lambda line: (round(line.top), line.x0))
    groups: list[list[Line]] = []
    for line in ordered:
        if groups and abs(groups[-1][0].top - line.top) < 1.5:
            groups[-1].append(line)
        else:
            groups.append([line])
    columns = sorted(
        {round(line.x0) for group in groups if len(group) > 1 for line in group}
        or {round(line.x0) for line in lines}
    )
    rows: list[list[str]] = []
    for group in groups:
        cells: dict[int, str] = {}
        for line in group:  # two lines nearest one column share its cell: no text is lost
            column = min(range(len(columns)), key=lambda c: abs(columns[c] - line.x0))
            cells[column] = join_text(cells.get(column, ""), line.text)
        if len(group) > 1 or not rows:
            rows.append([cells.get(c, "") for c in range(len(columns))])
        else:
            column, text = next(iter(cells.items()))
            rows[-1][column] = join_text(rows[-1][column], text)
    return rows
