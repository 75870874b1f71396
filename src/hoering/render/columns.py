"""Column widths that keep every word whole: each column at least as wide as its longest word.

A table's ``widths`` say how the author would like the width shared; a column whose longest
word (a party's name, "Udskrivningsmentor:") is wider than its share gets what the word
needs and the other columns share the rest in their proportions. Word and LibreOffice break
a word that does not fit a cell in the middle ("Akademikern|e"), Typst lets it run into the
next column, so both renderers size their columns here, each with its font size and padding.

Widths are estimated from the characters, in ems of a sans-serif face: generous enough
for Calibri, for what LibreOffice puts in its place when Calibri is missing (DejaVu Sans),
and for the PDF's Libertinus Serif.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model.nodes import Inline, Strong, Table, TableCell, plain_text

WIDE = frozenset("mwMWæÆœŒ@%")
NARROW = frozenset("iljftrI.,:;'!|()[]-/ ")
EM = {"wide": 1.05, "narrow": 0.4, "upper": 0.78, "other": 0.7}
SPACE = 0.33  # em
REGULAR = 0.9  # regular type is about this much narrower than bold
SLACK = 1.05  # a little room, as the estimate is only near the real width
REST = 0.3  # of the width, kept for the other columns when the narrow ones need more
MOST = 0.6  # no column's longest word may claim more than this share of the width
_PARTS = re.compile(r"[^\s-]*-|[^\s-]+")  # a line may break after "-"


def word_ems(word: str) -> float:
    """The width of ``word`` in bold type, in ems (an estimate on the wide side)."""
    return sum(EM[_class(c)] for c in word)


def _class(character: str) -> str:
    if character in WIDE:
        return "wide"
    if character in NARROW:
        return "narrow"
    return "upper" if character.isupper() else "other"


def widest_word(pieces: Iterable[tuple[str, bool]]) -> float:
    """The width in ems of the widest unbreakable part of the (text, bold) ``pieces``."""
    return max(
        (
            word_ems(part) * (1 if bold else REGULAR)
            for text, bold in pieces
            for part in _PARTS.findall(text)
        ),
        default=0.0,
    )


def cell_ems(cell: TableCell, bold: bool = False) -> float:
    """The length of a cell's text set on one line, in ems (spaces a third of an em)."""
    return sum(
        word_ems(word) * (1 if strong else REGULAR) + SPACE
        for text, strong in _pieces(cell.children, bold)
        for word in text.split()
    )


def column_pieces(table: Table) -> list[list[tuple[str, bool]]]:
    """Each column's text as (text, bold) pieces: the header row and a row's name (with
    ``row_headers``) are bold, so are strong runs."""
    count = max([len(table.header), *(len(cells) for cells in table.rows), 1])
    columns: list[list[tuple[str, bool]]] = [[] for _ in range(count)]
    for row, cells in enumerate((table.header, *table.rows)):
        for index, cell in enumerate(cells):
            bold = row == 0 or (table.row_headers and index == 0)
            columns[index] += _pieces(cell.children, bold)
    return columns


def _pieces(inlines: Iterable[Inline], bold: bool) -> list[tuple[str, bool]]:
    found: list[tuple[str, bool]] = []
    for node in inlines:
        if isinstance(node, Strong):
            found += _pieces(node.children, True)
        else:
            found.append((plain_text((node,)), bold))
    return found


def table_shares(table: Table, total: float, em: float, padding: float) -> tuple[float, ...]:
    """The shares of ``total`` (the text width) for ``table``'s columns, set in type whose
    em is ``em`` wide, each cell with ``padding`` (same unit) on its sides together."""
    columns = column_pieces(table)
    needed = [widest_word(pieces) * em * SLACK + padding for pieces in columns]
    preferred = table.column_shares() or ()
    return fitted_shares(preferred if len(preferred) == len(columns) else (), needed, total)


def fitted_shares(
    preferred: Sequence[float], needed: Sequence[float], total: float
) -> tuple[float, ...]:
    """Each column's share of ``total``: ``preferred`` shares, but never less than the
    ``needed`` width (same unit as ``total``). Columns that need more get it; the others
    share what is left in their preferred proportions. When the needs alone exceed the
    width, the label columns come first (see _levelled); without a preference the shares
    follow the needs."""
    weights = _normalised(preferred) or (1.0 / len(needed),) * len(needed)
    least = [min(need / total, MOST) for need in needed]
    if sum(least) >= 1:  # without a preference the shares follow the needs
        return _levelled(least, weights) if _normalised(preferred) else _normalised(least)
    fixed: set[int] = set()
    while True:
        free = 1 - sum(least[i] for i in fixed)
        loose = sum(weights[i] for i in range(len(weights)) if i not in fixed)
        shares = [least[i] if i in fixed else weights[i] * free / loose for i in range(len(least))]
        short = {i for i, share in enumerate(shares) if i not in fixed and share < least[i]}
        if not short:
            return tuple(shares)
        fixed |= short


def _levelled(least: Sequence[float], weights: Sequence[float]) -> tuple[float, ...]:
    """Shares when not every column can have what it needs. The columns meant to be narrow
    (a smaller share than the average) hold labels, a party's name, a status: they get what
    they need first, narrowest first, as long as the others keep REST of the width; the
    others share what is left in their preferred proportions (a long word of prose may
    break there)."""
    labels = sorted(
        (i for i in range(len(least)) if weights[i] < 1 / len(least)),
        key=lambda i: (weights[i], least[i]),
    )
    met: set[int] = set()
    for index in labels:
        if 1 - sum(least[i] for i in met | {index}) < REST:
            break
        met.add(index)
    left = 1 - sum(least[i] for i in met)
    rest = sum(weights[i] for i in range(len(least)) if i not in met)
    return tuple(least[i] if i in met else weights[i] * left / rest for i in range(len(least)))


def _normalised(values: Sequence[float]) -> tuple[float, ...]:
    total = sum(values)
    return tuple(v / total for v in values) if total > 0 else ()
