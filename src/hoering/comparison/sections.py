"""A response's body cut into sections: one per top-level heading, plus the text before
the first heading. Each section keeps its heading's topic, stance and line."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import nodes as n


@dataclass(frozen=True)
class Section:
    heading: str  # "" for the text before the first heading
    line: int | None
    topic: str | None
    stance: str | None
    guessed: bool
    text: str


def sections(blocks: list[n.Block] | tuple[n.Block, ...]) -> list[Section]:
    levels = [b.level for b in blocks if isinstance(b, n.Heading)]
    top = min(levels, default=1)
    found: list[Section] = []
    heading: n.Heading | None = None
    texts: list[str] = []
    first_line: int | None = None

    def close() -> None:
        text = "\n\n".join(t for t in texts if t.strip())
        if heading is not None:
            found.append(Section(n.plain_text(heading.children).strip(), heading.line,
                                 heading.topic, heading.stance, heading.guess is not None, text))
        elif text:
            found.append(Section("", first_line, None, None, False, text))

    for block in blocks:
        if isinstance(block, n.Heading) and block.level == top:
            close()
            heading, texts = block, []
        else:
            if first_line is None:
                first_line = getattr(block, "line", None)
            texts.append(block_text(block))
    close()
    return found


def block_text(block: n.Block) -> str:
    """The words of a block, without formatting; list items and table rows on own lines."""
    if isinstance(block, n.Paragraph | n.Heading):
        return n.plain_text(block.children)
    if isinstance(block, n.BulletList | n.OrderedList):
        return "\n".join(" ".join(block_text(b) for b in item.blocks) for item in block.items)
    if isinstance(block, n.BlockQuote | n.Callout):
        return "\n\n".join(block_text(b) for b in block.blocks)
    if isinstance(block, n.Table):
        rows = (block.header, *block.rows)
        return "\n".join(" | ".join(n.plain_text(c.children) for c in row) for row in rows)
    if isinstance(block, n.CodeBlock):
        return block.text
    return ""
