"""The content of a document: blocks and inline runs, each block with its source line.

These small dataclasses are all the renderers ever see. Nothing here knows about Markdown
or about any output format. Every node has a ``kind`` string the renderers dispatch on
(``RENDERERS[node.kind]``), so an unknown node fails loudly instead of being dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar, Literal

# --- inline ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str
    kind: ClassVar[str] = "text"


@dataclass(frozen=True)
class Code:
    text: str
    kind: ClassVar[str] = "code"


@dataclass(frozen=True)
class SoftBreak:
    kind: ClassVar[str] = "softbreak"


@dataclass(frozen=True)
class LineBreak:
    kind: ClassVar[str] = "linebreak"


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]
    kind: ClassVar[str] = "emphasis"


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]
    kind: ClassVar[str] = "strong"


@dataclass(frozen=True)
class Strikethrough:
    children: tuple[Inline, ...]
    kind: ClassVar[str] = "strikethrough"


@dataclass(frozen=True)
class Insertion:
    """Text marked as added, as a tracked change in a received draft (``++…++``); its
    counterpart, deleted text, is a :class:`Strikethrough`."""

    children: tuple[Inline, ...]
    kind: ClassVar[str] = "insertion"


@dataclass(frozen=True)
class Link:
    """A link; ``own`` marks one hoering made to a file of the project (the working copy's
    links to the sources), which may be relative: any other must be
    :func:`~hoering.model.links.clickable` to be made clickable."""

    target: str
    children: tuple[Inline, ...]
    title: str | None = None
    own: bool = False
    kind: ClassVar[str] = "link"


@dataclass(frozen=True)
class Image:
    """An image in running text. ``data`` holds the file's bytes once resolved."""

    source: str
    alt: str
    mime: str | None = None
    data: bytes | None = field(default=None, repr=False)
    kind: ClassVar[str] = "image"


@dataclass(frozen=True)
class FootnoteRef:
    """A reference to ``Document.footnotes[number - 1]``."""

    number: int
    kind: ClassVar[str] = "footnote_ref"


Inline = (
    Text
    | Code
    | SoftBreak
    | LineBreak
    | Emphasis
    | Strong
    | Strikethrough
    | Insertion
    | Link
    | Image
    | FootnoteRef
)

# --- blocks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A heading. ``topic``/``stance`` come from ``{topic=… stance=…}`` and are never printed.

    An imported source carries ``{… guess=0.62 matched="mentor,udskrivning"}`` while the
    topic and stance are machine guesses; a person confirms them by deleting ``guess``.
    """

    level: int
    children: tuple[Inline, ...]
    line: int | None = None
    topic: str | None = None
    stance: str | None = None
    number: str | None = None  # e.g. "3." for numbered agenda items, printed before the text
    guess: float | None = None  # set by import: topic/stance guessed with this confidence (0-1)
    matched: str | None = None  # set by import: the words that made the guess
    # {appendix=true}: kept with the response but not its remarks (a mail's quoted earlier
    # messages): no topic is matched there and the høringsnotat leaves the section out
    appendix: bool = False
    status: str | None = None  # remarks.md: the authority's answer to a remark (imoedekommet…)
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph. One that ``keep_with_next`` leads what follows it (a party's name above
    its remark, "Kommentar:" above the answer) and is never left alone at a page's foot."""

    children: tuple[Inline, ...]
    line: int | None = None
    keep_with_next: bool = False
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]
    checked: bool | None = None  # None: not a task; True/False: task list item
    line: int | None = None
    kind: ClassVar[str] = "list_item"


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]
    line: int | None = None
    kind: ClassVar[str] = "bullet_list"


@dataclass(frozen=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1
    line: int | None = None
    kind: ClassVar[str] = "ordered_list"


@dataclass(frozen=True)
class BlockQuote:
    blocks: tuple[Block, ...]
    line: int | None = None
    kind: ClassVar[str] = "block_quote"


@dataclass(frozen=True)
class CodeBlock:
    text: str
    language: str | None = None
    line: int | None = None
    kind: ClassVar[str] = "code_block"


@dataclass(frozen=True)
class ThematicBreak:
    line: int | None = None
    kind: ClassVar[str] = "thematic_break"


Alignment = Literal["left", "center", "right"] | None


@dataclass(frozen=True)
class TableCell:
    children: tuple[Inline, ...]
    kind: ClassVar[str] = "table_cell"


@dataclass(frozen=True)
class Table:
    """A table with one header row. ``align`` has one entry per column.

    ``widths`` gives each column's share of the width (empty: equal shares); with
    ``row_headers`` the first cell of each row names that row (``<th scope="row">``);
    a ``dense`` table is set in smaller type, for wide grids such as the overview matrix.
    """

    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    align: tuple[Alignment, ...] = ()
    caption: str | None = None
    widths: tuple[float, ...] = ()
    row_headers: bool = False
    dense: bool = False
    line: int | None = None
    kind: ClassVar[str] = "table"

    def column_shares(self) -> tuple[float, ...] | None:
        """Each column's fraction of the width, from ``widths``; None when they do not give
        one share per header cell (the renderers then size the columns themselves)."""
        total = sum(self.widths)
        if len(self.widths) != len(self.header) or total <= 0:
            return None
        return tuple(w / total for w in self.widths)


@dataclass(frozen=True)
class Callout:
    """A block set apart from the text, e.g. a decision in minutes ("Beslutning").

    ``role`` names what it is (``decision``, ``note``); ``label`` is printed as its title.
    """

    role: str
    label: str
    blocks: tuple[Block, ...]
    line: int | None = None
    kind: ClassVar[str] = "callout"


@dataclass(frozen=True)
class Figure:
    """An image block (a chart, a logo in text) with a required text alternative."""

    data: bytes = field(repr=False)
    mime: str
    alt: str
    caption: str | None = None
    width_cm: float | None = None
    line: int | None = None
    kind: ClassVar[str] = "figure"


@dataclass(frozen=True)
class TableOfContents:
    """The document's headings down to ``depth``, where this block stands: a TOC field in
    DOCX, an outline in the PDF (which also has bookmarks), a ``<nav>`` in HTML."""

    title: str
    depth: int = 2
    line: int | None = None
    kind: ClassVar[str] = "toc"


@dataclass(frozen=True)
class Group:
    """Blocks that belong together, e.g. one remark with its answer. Printed as its blocks;
    in HTML a ``<div class="ROLE">`` with ``data-KEY`` attributes, for a report's filters."""

    role: str
    blocks: tuple[Block, ...]
    data: tuple[tuple[str, str], ...] = ()
    line: int | None = None
    kind: ClassVar[str] = "group"


Block = (
    Heading
    | Paragraph
    | BulletList
    | OrderedList
    | BlockQuote
    | CodeBlock
    | ThematicBreak
    | Table
    | Callout
    | Figure
    | TableOfContents
    | Group
)


@dataclass(frozen=True)
class Footnote:
    """Footnote number ``number`` (1-based, in order of first reference)."""

    number: int
    label: str
    blocks: tuple[Block, ...]
    kind: ClassVar[str] = "footnote"


def plain_text(inlines: tuple[Inline, ...] | list[Inline]) -> str:
    """The text of inline runs without formatting (soft breaks become spaces)."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text | Code):
            parts.append(node.text)
        elif isinstance(node, SoftBreak | LineBreak):
            parts.append(" " if isinstance(node, SoftBreak) else "\n")
        elif isinstance(node, Emphasis | Strong | Strikethrough | Insertion | Link):
            parts.append(plain_text(node.children))
        elif isinstance(node, Image):
            parts.append(node.alt)
        elif isinstance(node, FootnoteRef):
            parts.append(f"[{node.number}]")
    return "".join(parts)


def task_items(blocks: tuple[Block, ...] | list[Block]) -> Iterator[ListItem]:
    """Every task-list item in ``blocks``, nested ones and those in quotes and callouts
    included, in document order."""
    for block in blocks:
        if isinstance(block, BulletList | OrderedList):
            for item in block.items:
                if item.checked is not None:
                    yield item
                yield from task_items(item.blocks)
        elif isinstance(block, BlockQuote | Callout | Group):
            yield from task_items(block.blocks)


def headings(blocks: tuple[Block, ...] | list[Block]) -> list[Heading]:
    """The printed headings of ``blocks`` in order, those inside groups included: what a
    table of contents lists."""
    found: list[Heading] = []
    for block in blocks:
        if isinstance(block, Heading) and block.children:
            found.append(block)
        elif isinstance(block, Group):
            found += headings(block.blocks)
    return found
