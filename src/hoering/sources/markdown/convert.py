"""The parser's syntax tree → the model's blocks and inlines, each with its line in the file.

A node type without a conversion is refused ("unsupported Markdown construct"); problems
that leave the blocks whole (a footnote without text, a heading attribute that is wrong)
are collected in :attr:`Converter.errors`, so every mistake is told at once.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import SourceError
from ...messages import tr
from ...model import nodes as n
from .headings import heading

TASK_MARKER = re.compile(r"^\[([ xX])\]\s+")
NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")


class Converter:
    """One body's conversion (its footnote numbers and errors are kept as it goes)."""

    def __init__(self, first_line: int, lines: list[str] | None = None) -> None:
        self.first_line = first_line  # file line number of the body's first line
        self.lines = lines or []  # the body's lines, to find a text's own line in its block
        self.span: list[int] = [0, 0]  # the lines of the block being converted
        self.footnote_numbers: dict[str, int] = {}
        self.errors: list[SourceError] = []

    def line(self, node: Any) -> int | None:
        if node.map:
            return int(node.map[0]) + self.first_line
        return None

    # blocks ------------------------------------------------------------------------------
    def blocks(self, children: list[Any]) -> list[n.Block]:
        result: list[n.Block] = []
        for child in children:
            block = self.block(child)
            if block is not None:
                result.append(block)
        return result

    def block(self, node: Any) -> n.Block | None:
        self.span = node.map or self.span
        handler = getattr(self, f"block_{node.type}", None)
        if handler is None:
            raise SourceError(
                None,
                tr("unsupported Markdown construct '{kind}'", kind=node.type),
                line=self.line(node),
            )
        block: n.Block | None = handler(node)
        return block

    def block_paragraph(self, node: Any) -> n.Paragraph:
        return n.Paragraph(self.inline_of(node), line=self.line(node))

    def block_heading(self, node: Any) -> n.Heading:
        return heading(node, list(self.inline_of(node)), self.line(node), self.errors)

    def block_bullet_list(self, node: Any) -> n.BulletList:
        return n.BulletList(tuple(self.list_item(c) for c in node.children), line=self.line(node))

    def block_ordered_list(self, node: Any) -> n.OrderedList:
        start = int(node.attrs.get("start", 1))
        items = tuple(self.list_item(c) for c in node.children)
        return n.OrderedList(items, start=start, line=self.line(node))

    def list_item(self, node: Any) -> n.ListItem:
        checked, blocks = task_marker(self.blocks(node.children))
        return n.ListItem(tuple(blocks), checked=checked, line=self.line(node))

    def block_blockquote(self, node: Any) -> n.BlockQuote:
        return n.BlockQuote(tuple(self.blocks(node.children)), line=self.line(node))

    def block_fence(self, node: Any) -> n.CodeBlock:
        language = (node.info or "").strip().split(" ")[0] or None
        return n.CodeBlock(node.content.rstrip("\n"), language=language, line=self.line(node))

    def block_code_block(self, node: Any) -> n.CodeBlock:
        return n.CodeBlock(node.content.rstrip("\n"), line=self.line(node))

    def block_hr(self, node: Any) -> n.ThematicBreak:
        return n.ThematicBreak(line=self.line(node))

    def block_html_block(self, node: Any) -> n.Paragraph:  # only reachable with html enabled
        return n.Paragraph((n.Text(node.content),), line=self.line(node))

    def block_footnote_block(self, node: Any) -> None:
        return None  # collected separately in footnotes()

    def block_footnote_anchor(self, node: Any) -> None:
        return None  # the parser's back-link from a note that ends in a list

    def block_table(self, node: Any) -> n.Table:
        header: tuple[n.TableCell, ...] = ()
        rows: list[tuple[n.TableCell, ...]] = []
        align: list[n.Alignment] = []
        for section in node.children:
            for row in section.children:
                cells = tuple(n.TableCell(self.inline_of(cell)) for cell in row.children)
                if section.type == "thead":
                    header = cells
                    align = [self.alignment(cell) for cell in row.children]
                else:
                    rows.append(cells)
        return n.Table(header, tuple(rows), tuple(align), line=self.line(node))

    @staticmethod
    def alignment(cell: Any) -> n.Alignment:
        style = str(cell.attrs.get("style", ""))
        for value in ("left", "center", "right"):
            if f"text-align:{value}" in style:
                return value
        return None

    # inline ------------------------------------------------------------------------------
    def inline_of(self, node: Any) -> tuple[n.Inline, ...]:
        for child in node.children:
            if child.type == "inline":
                return tuple(self.inlines(child.children))
        return ()

    def inlines(self, children: list[Any]) -> list[n.Inline]:
        result: list[n.Inline] = []
        for child in children:
            node = self.inline(child)
            if node is None or (isinstance(node, n.Text) and not node.text):
                continue  # markdown-it leaves empty texts where delimiters were used up
            if isinstance(node, n.Text) and result and isinstance(result[-1], n.Text):
                result[-1] = n.Text(result[-1].text + node.text)
            else:
                result.append(node)
        return result

    def inline(self, node: Any) -> n.Inline | None:  # noqa: C901 - a flat dispatch table
        kind = node.type
        if kind == "text" and "[^" in node.content:
            self.unresolved_notes(node.content)
        if kind in ("text", "html_inline"):
            return n.Text(node.content)
        if kind == "code_inline":
            return n.Code(node.content)
        if kind == "softbreak":
            return n.SoftBreak()
        if kind == "hardbreak":
            return n.LineBreak()
        if kind == "em":
            return n.Emphasis(tuple(self.inlines(node.children)))
        if kind == "strong":
            return n.Strong(tuple(self.inlines(node.children)))
        if kind == "s":
            return n.Strikethrough(tuple(self.inlines(node.children)))
        if kind == "ins":
            return n.Insertion(tuple(self.inlines(node.children)))
        if kind == "link":
            title = node.attrs.get("title")
            return n.Link(
                str(node.attrs["href"]),
                tuple(self.inlines(node.children)),
                title=str(title) if title else None,
            )
        if kind == "image":
            alt = "".join(c.content for c in node.children) if node.children else node.content
            return n.Image(str(node.attrs["src"]), alt)
        if kind == "footnote_ref":
            return n.FootnoteRef(self.footnote_number(note_key(node.meta)))
        if kind == "footnote_anchor":
            return None  # the parser's back-link from a note to its reference
        raise SourceError(None, tr("unsupported Markdown construct '{kind}'", kind=kind))

    def unresolved_notes(self, text: str) -> None:
        """A footnote reference left as text ("[^1]") has no note: the parser makes a
        reference only of a label that is defined. One the author escaped ("\\[^1]") is
        text on purpose."""
        for label in dict.fromkeys(NOTE_REFERENCE.findall(text)):
            written = re.compile(r"(?<!\\)\[\^" + re.escape(label) + r"\]")
            start, end = self.span
            line = next(
                (i for i in range(start, end) if written.search(self.lines[i])),
                None,
            )
            if line is None:
                continue
            self.errors.append(
                SourceError(
                    None,
                    tr("footnote [^{label}] has no text", label=label),
                    line=line + self.first_line,
                    hint=tr(
                        "write the note on a line of its own below the text: [^{label}]: …",
                        label=label,
                    ),
                )
            )

    def footnote_number(self, label: str) -> int:
        if label not in self.footnote_numbers:
            self.footnote_numbers[label] = len(self.footnote_numbers) + 1
        return self.footnote_numbers[label]

    def footnotes(self, root: Any) -> list[n.Footnote]:
        found: dict[str, tuple[n.Block, ...]] = {}
        for child in root.children:
            if child.type != "footnote_block":
                continue
            for note in child.children:
                label = note_key(note.meta)
                blocks = [b for b in self.blocks(note.children) if b is not None]
                found[label] = tuple(blocks)
        notes = []
        for label, number in sorted(self.footnote_numbers.items(), key=lambda kv: kv[1]):
            notes.append(n.Footnote(number, label, found.get(label, ())))
        return notes


def note_key(meta: dict[str, Any]) -> str:
    """A footnote's label, or for an inline note (``^[text]``, which has none) its number
    among the notes as the parser counts them."""
    return meta.get("label") or f"inline-{meta.get('id', 0)}"


def task_marker(blocks: list[n.Block]) -> tuple[bool | None, list[n.Block]]:
    """Whether a list item is a task ("[ ]" open, "[x]" done, None: not a task), and its
    blocks without the marker."""
    first = blocks[0] if blocks else None
    if not isinstance(first, n.Paragraph) or not first.children:
        return None, blocks
    text = first.children[0]
    if not isinstance(text, n.Text):
        return None, blocks
    match = TASK_MARKER.match(text.text)
    if not match:
        return None, blocks
    rest = text.text[match.end() :]
    head = (n.Text(rest),) if rest else ()
    return match.group(1) != " ", [
        n.Paragraph(head + first.children[1:], line=first.line),
        *blocks[1:],
    ]
