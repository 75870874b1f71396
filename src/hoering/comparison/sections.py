"""A response's body cut into sections, so that no word is lost.

A heading with a topic attribute (at any level) opens a topic section; the text below it
belongs to that topic until the next heading of the same or a higher level. Text under no
topic heading — the opening lines, a ``## Bemærkninger`` before its ``###`` topics, the
closing — forms sections without a topic, one per heading it stands under. Sub-headings
inside a section stay in it as text. A heading marked ``{appendix=true}`` (a mail's quoted
earlier messages) and what stands under it are no remark at all.
"""

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
    blocks: tuple[n.Block, ...] = ()  # what the section says, as written


def sections(blocks: list[n.Block] | tuple[n.Block, ...]) -> list[Section]:
    """The sections of a body, in order of their first block."""
    owners: dict[int, tuple[n.Heading | None, list[n.Block]]] = {}
    open_headings: list[n.Heading] = []
    for block in blocks:
        if isinstance(block, n.Heading):
            while open_headings and open_headings[-1].level >= block.level:
                open_headings.pop()
            open_headings.append(block)
        if any(heading.appendix for heading in open_headings):
            continue  # {appendix=true}: kept with the response, but not its remarks
        if isinstance(block, n.Heading):
            if block.topic is not None:
                owners.setdefault(id(block), (block, []))
                continue
        owner = _owner(open_headings)
        owners.setdefault(id(owner), (owner, []))[1].append(block)
    return [
        section
        for owner, content in owners.values()
        if (section := _section(owner, content)) is not None
    ]


def _owner(open_headings: list[n.Heading]) -> n.Heading | None:
    """The innermost open topic heading; else the innermost heading (text on no topic)."""
    for heading in reversed(open_headings):
        if heading.topic is not None:
            return heading
    return open_headings[-1] if open_headings else None


def _section(owner: n.Heading | None, content: list[n.Block]) -> Section | None:
    if owner is not None and owner.topic is None and content and content[0] is owner:
        content = content[1:]  # a heading on no topic is the section's name, not its text
    text = "\n\n".join(t for t in map(block_text, content) if t.strip())
    if owner is None or owner.topic is None:
        if not text:
            return None  # a heading with nothing under it says nothing
        first = owner.line if owner is not None else getattr(content[0], "line", None)
        title = n.plain_text(owner.children).strip() if owner is not None else ""
        return Section(title, first, None, None, False, text, tuple(content))
    return Section(
        n.plain_text(owner.children).strip(),
        owner.line,
        owner.topic,
        owner.stance,
        owner.guess is not None,
        text,
        tuple(content),
    )


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
    if isinstance(block, n.Figure):
        return block.alt
    return ""
