"""Model → Markdown: the one place that writes the body of a source.

The inverse of :func:`hoering.sources.markdown.parse_body`: blocks and footnotes in,
Markdown text out, such that reading the text back gives the same blocks and footnotes.
Like the renderers it is a table of node kind → small function (:data:`BLOCKS`,
:data:`INLINES`); a kind Markdown has no syntax for (a callout, a figure) fails loudly.

Text is escaped where Markdown would read it as markup: ``*``, ``_``, brackets, ``<``, pipes,
``~`` and ``++`` everywhere, and at the start of a line what would begin a list, a heading, a
quote or a setext underline. Paragraphs are wrapped at ``width`` characters; a space inside
a code span or a link target is never a place to break (it is carried as :data:`~.text.KEEP`).

One module each: :mod:`.text` (escaping, wrapping), :mod:`.writer` (the walk over blocks
and inlines), :mod:`.blocks` and :mod:`.inlines` (the tables and their writers).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import nodes as n
from .blocks import BLOCKS, UNWRITABLE
from .inlines import INLINES
from .text import escape
from .writer import UnwritableNode, Writer

WIDTH = 96


def to_markdown(
    blocks: Sequence[n.Block], footnotes: Sequence[n.Footnote] = (), width: int | None = WIDTH
) -> str:
    """The Markdown text of ``blocks`` followed by the definitions of ``footnotes``.

    ``width`` None writes each paragraph on one line (soft breaks stay line breaks).
    """
    writer = Writer({note.number: note.label for note in footnotes}, width, BLOCKS, INLINES)
    chunks = [writer.block_lines(blocks)]
    chunks += [writer.footnote(note) for note in footnotes]
    return "\n\n".join("\n".join(lines) for lines in chunks if lines) + "\n"


__all__ = ["BLOCKS", "INLINES", "UNWRITABLE", "WIDTH", "UnwritableNode", "escape", "to_markdown"]
