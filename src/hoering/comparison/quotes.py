"""Short quotes: the first sentences of a remark, cut at a word, never mid-word."""

from __future__ import annotations

import dataclasses
import re

from ..model import nodes as n
from .sections import block_text

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"“»])")
QUOTE_LENGTH = 280


def short_quote(text: str, limit: int = QUOTE_LENGTH) -> str:
    """The first sentence(s) of ``text`` up to ``limit`` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    quote = ""
    for sentence in SENTENCE_END.split(text):
        candidate = f"{quote} {sentence}".strip()
        if len(candidate) > limit:
            break
        quote = candidate
    if quote:
        return quote + " …"
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def quotable(blocks: tuple[n.Block, ...], footnotes: tuple[n.Footnote, ...]) -> tuple[n.Block, ...]:
    """A response's section as it can stand in a quote in the notat, word for word: its
    sub-headings become bold paragraphs (they are not the notat's headings), its footnote
    references "[1]" with the notes' text after the section (the notes are the response's,
    not the notat's)."""
    used: list[int] = []
    quoted = tuple(_block(b, used) for b in blocks)
    by_number = {note.number: note for note in footnotes}
    notes = []
    for number in dict.fromkeys(used):
        if number in by_number:
            text = " ".join(block_text(b) for b in by_number[number].blocks)
            notes.append(n.Paragraph((n.Text(f"[{number}] {' '.join(text.split())}"),)))
    return quoted + tuple(notes)


def _block(block: n.Block, used: list[int]) -> n.Block:
    if isinstance(block, n.Heading):
        return n.Paragraph((n.Strong(_inlines(block.children, used)),), line=block.line)
    if isinstance(block, n.Paragraph):
        return dataclasses.replace(block, children=_inlines(block.children, used))
    if isinstance(block, n.BulletList | n.OrderedList):
        items = tuple(
            dataclasses.replace(i, blocks=tuple(_block(b, used) for b in i.blocks))
            for i in block.items
        )
        return dataclasses.replace(block, items=items)
    if isinstance(block, n.BlockQuote | n.Callout | n.Group):
        return dataclasses.replace(block, blocks=tuple(_block(b, used) for b in block.blocks))
    if isinstance(block, n.Table):

        def cells(row: tuple[n.TableCell, ...]) -> tuple[n.TableCell, ...]:
            return tuple(n.TableCell(_inlines(c.children, used)) for c in row)

        return dataclasses.replace(
            block, header=cells(block.header), rows=tuple(cells(r) for r in block.rows)
        )
    return block


def _inlines(inlines: tuple[n.Inline, ...], used: list[int]) -> tuple[n.Inline, ...]:
    out: list[n.Inline] = []
    for node in inlines:
        if isinstance(node, n.FootnoteRef):
            used.append(node.number)
            out.append(n.Text(f"[{node.number}]"))
        elif isinstance(node, n.Emphasis | n.Strong | n.Strikethrough | n.Link):
            out.append(dataclasses.replace(node, children=_inlines(node.children, used)))
        else:
            out.append(node)
    return tuple(out)
