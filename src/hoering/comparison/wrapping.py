"""A letter's wrapping is not a remark: the opening courtesy ("Ishøj Kommune takker for
muligheden for at afgive høringssvar"), the closing ("Eventuelle spørgsmål kan rettes til
undertegnede", "Vi står gerne til rådighed …", "Med venlig hilsen") and the signature under
it. They are taken off the first and the last section of a response before its remarks are
quoted and counted; the response itself (the source, the bundle) keeps every word.

Only whole sentences at the very start or the very end are taken, and only sentences that
say nothing but courtesy; a sentence that also says something ("… takker for høringen og
bakker op om aftalen") is kept whole."""

from __future__ import annotations

import dataclasses
import re

from ..model import nodes as n
from .quotes import sentences
from .sections import Section, block_text

# A sentence that opens a letter with thanks and nothing more.
OPENING = re.compile(
    r"^(?:(?:mange )?tak for\b|.{0,160}\btakke[rs]? (?:hermed )?(?:for|mange gange for)\b"
    r"|.{0,160}\bthanks?(?: you)? for\b|.{0,160}\b(?:welcomes|appreciates) the opportunity\b)"
    r"(?!.*\b(?:men|dog|but|however|og (?:vil|har|er|skal|ønsker|støtter|bakker)|"
    r"and (?:would|has|is|supports))\b)",
    re.IGNORECASE,
)
# A sentence that closes one: questions, availability, looking forward, greetings.
CLOSING = re.compile(
    r"^(?:.{0,80}\bspørgsmål\b.{0,120}\b(?:rette[s]?|kontakt\w*|henvende\w*|velkomne?)\b"
    r"|.{0,120}\bstå[r]? (?:gerne |meget gerne )?til (?:rådighed|disposition)\b"
    r"|.{0,80}\bser (?:frem til|gerne)\b.{0,80}\b(?:samarbejde|dialog)\w*\b"
    r"|(?:du|i|man) er velkommen til at kontakte\b|kontakt (?:gerne|venligst)\b"
    r"|.{0,80}\bquestions\b.{0,80}\b(?:contact|directed)\b|.{0,80}\bdo not hesitate\b"
    r"|.{0,80}\blook(?:s|ing)? forward to\b)",
    re.IGNORECASE,
)
# A greeting after which only the signature follows.
GREETING = re.compile(
    r"^(?:med )?(?:venlig(?:st)?|de (?:bedste|venligste)) hilsen\w*\b|^mvh\b|^vh\b"
    r"|^(?:kind|best|warm) regards\b|^yours (?:sincerely|faithfully)\b|^på vegne af\b",
    re.IGNORECASE,
)


def unwrapped(found: list[Section]) -> list[Section]:
    """A response's sections without the opening of the first and the closing of the last
    (a section left with nothing is no remark)."""
    if not found:
        return found
    first = _without(found[0], opening=True)
    rest = found[1:]
    if rest:
        last = _without(rest[-1], opening=False)
        rest = [*rest[:-1], *([last] if last else [])]
    elif first is not None:
        first = _without(first, opening=False)
    return [*([first] if first else []), *rest]


def _without(section: Section, opening: bool) -> Section | None:
    blocks = _opened(list(section.blocks)) if opening else _closed(list(section.blocks))
    if blocks == list(section.blocks):
        return section
    text = "\n\n".join(t for t in map(block_text, blocks) if t.strip())
    if not text.strip():
        return None
    return dataclasses.replace(section, blocks=tuple(blocks), text=text)


def _opened(blocks: list[n.Block]) -> list[n.Block]:
    """``blocks`` without the courtesy sentences they start with."""
    while blocks and isinstance(blocks[0], n.Paragraph):
        said = sentences(block_text(blocks[0]))
        kept = said
        while kept and OPENING.match(kept[0]):
            kept = kept[1:]
        if kept == said:
            break
        rest = _rebuilt(blocks[0], kept)
        if rest is None:
            break  # formatted text: kept whole rather than cut
        blocks = ([rest] if kept else []) + blocks[1:]
        if kept:
            break
    return blocks


def _closed(blocks: list[n.Block]) -> list[n.Block]:
    """``blocks`` without the closing sentences, greeting and signature they end with."""
    for index, block in enumerate(blocks):
        if isinstance(block, n.Paragraph) and GREETING.match(block_text(block).strip()):
            blocks = blocks[:index]  # the greeting and the signature under it
            break
    while blocks and isinstance(blocks[-1], n.Paragraph):
        said = sentences(block_text(blocks[-1]))
        kept = said
        while kept and CLOSING.match(kept[-1]):
            kept = kept[:-1]
        if kept == said:
            break
        rest = _rebuilt(blocks[-1], kept)
        if rest is None:
            break
        blocks = blocks[:-1] + ([rest] if kept else [])
        if kept:
            break
    return blocks


def _rebuilt(paragraph: n.Block, kept: list[str]) -> n.Paragraph | None:
    """The paragraph with only the ``kept`` sentences; None when it has formatting (links,
    emphasis) that a cut would lose — unless nothing is kept."""
    assert isinstance(paragraph, n.Paragraph)
    plain = all(isinstance(c, n.Text | n.SoftBreak | n.LineBreak) for c in paragraph.children)
    if not kept:
        return paragraph  # dropped whole by the caller
    if not plain:
        return None
    return n.Paragraph((n.Text(" ".join(kept)),), line=paragraph.line)
