"""The writer of one text: where it stands (footnote labels, width, indent, list markers) and
how it walks blocks and inlines, each written by the function its kind's table names."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ...model import nodes as n
from .text import protect, wrap


class UnwritableNode(ValueError):
    """A node Markdown has no syntax for."""


@dataclass
class Writer:
    """Writes blocks and inlines through the tables it is given (:data:`BLOCKS`, :data:`INLINES`
    of :mod:`hoering.sources.serialise`); a nested block gets a copy with a larger indent."""

    labels: dict[int, str]  # footnote number → label
    width: int | None
    blocks: Mapping[str, BlockWriter]  # block kind → its writer
    inlines: Mapping[str, InlineWriter]  # inline kind → its writer
    indent: int = 0  # columns taken by the list markers and quotes around the current block
    bullets: list[str] = field(default_factory=lambda: ["-", "*"])

    # blocks ---------------------------------------------------------------------------------
    def block_lines(self, blocks: Sequence[n.Block], tight: bool = False) -> list[str]:
        """The lines of ``blocks``, a blank line between two (in a ``tight`` list item, none
        before a list that follows a paragraph); a list right after a list of the same kind
        changes its marker, or Markdown would read one list."""
        out: list[str] = []
        previous = ""
        alternate = False
        for block in blocks:
            alternate = block.kind == previous and not alternate
            writer = self.blocks.get(block.kind)
            if writer is None:
                raise UnwritableNode(f"Markdown has no syntax for a '{block.kind}' block")
            lines = writer(self, block, alternate)
            if not lines:
                continue
            if out and not (tight and previous == "paragraph" and interrupts(block)):
                out.append("")
            previous = block.kind
            out += lines
        return out

    def nested(self, blocks: Sequence[n.Block], indent: int, tight: bool = False) -> list[str]:
        inner = replace(self, indent=self.indent + indent)
        return inner.block_lines(blocks, tight)

    def paragraph(self, children: Sequence[n.Inline]) -> list[str]:
        width = None if self.width is None else max(30, self.width - self.indent)
        return [protect(line) for line in wrap(self.inline(children), width) if line]

    def footnote(self, note: n.Footnote) -> list[str]:
        lines = self.nested(note.blocks, 4)
        head = f"[^{note.label}]:"
        if not lines:
            return [head]
        return [f"{head} {lines[0]}"] + [("    " + line) if line else "" for line in lines[1:]]

    # inline ---------------------------------------------------------------------------------
    def inline(self, children: Sequence[n.Inline], *, one_line: bool = False) -> str:
        """Inline Markdown; soft breaks as newlines (spaces when ``one_line``)."""
        parts: list[str] = []
        items = list(children)
        for index, node in enumerate(items):
            writer = self.inlines.get(node.kind)
            if writer is None:
                raise UnwritableNode(f"Markdown has no syntax for a '{node.kind}' inline")
            before = items[index - 1] if index else None
            after = items[index + 1] if index + 1 < len(items) else None
            parts.append(writer(self, node, Around(before, after, one_line)))
        return "".join(parts)


@dataclass(frozen=True)
class Around:
    """An inline node's neighbours, which decide some of its delimiters and escapes."""

    before: n.Inline | None
    after: n.Inline | None
    one_line: bool


BlockWriter = Callable[[Writer, Any, bool], list[str]]  # (writer, block, alternate) → lines
InlineWriter = Callable[[Writer, Any, Around], str]  # (writer, inline, around) → text


def interrupts(block: n.Block) -> bool:
    """Whether ``block`` is a list that may start right below a paragraph's last line."""
    if isinstance(block, n.OrderedList) and block.start != 1:
        return False
    return isinstance(block, n.BulletList | n.OrderedList) and bool(
        block.items and block.items[0].blocks
    )
