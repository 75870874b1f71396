"""The Markdown source of an imported response: metadata a person can read and confirm,
and a body that reads like a source a person wrote."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from ..model import nodes as n
from ..scaffold import yaml_text
from ..sources.serialise import WIDTH, to_markdown
from .metadata import Found, Metadata
from .structure import Block

FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")


@dataclass
class Draft:
    """Everything the writer needs, gathered by :mod:`hoering.imports.run`."""

    hearing: str
    meta: Metadata
    blocks: list[Block]
    footnotes: dict[int, str]
    source_file: str  # received/<name>, relative to the hearing folder
    source_name: str
    sha256: str
    date: dt.date
    date_guess: Found
    title: str
    title_guess: Found
    sender: str
    sender_guess: Found
    lang: str = "da"
    notes: list[str] = field(default_factory=list)


def _guess_line(key: str, found: Found) -> str:
    where = f", found_in: {yaml_text(found.found_in)}" if found.found_in else ""
    return f"  {key}: {{confidence: {found.confidence:.2f}{where}}}"


def render(draft: Draft) -> str:
    meta = draft.meta
    out = ["---", "type: response", f"title: {yaml_text(draft.title)}",
           f"hearing: {draft.hearing}", f"sender: {yaml_text(draft.sender)}",
           f"date: {draft.date.isoformat()}"]
    guesses = [("sender", draft.sender_guess), ("date", draft.date_guess),
               ("title", draft.title_guess)]
    if meta.case_number is not None:
        out.append(f"case_number: {yaml_text(str(meta.case_number.value))}")
        guesses.append(("case_number", meta.case_number))
    if meta.recipient is not None:
        out.append("recipient:")
        out += [f"  - {yaml_text(line)}" for line in meta.recipient.value]
        guesses.append(("recipient", meta.recipient))
    if meta.no_remarks is not None:
        out.append("no_remarks: true")
        guesses.append(("no_remarks", meta.no_remarks))
    if meta.on_behalf_of is not None or meta.signatories:
        out.append("signature:")
        if meta.on_behalf_of is not None:
            out.append(f"  on_behalf_of: {yaml_text(str(meta.on_behalf_of.value))}")
            guesses.append(("on_behalf_of", meta.on_behalf_of))
        if meta.signatories:
            out.append("  signatories:")
            for name, title in meta.signatories:
                out.append(f"    - name: {yaml_text(name)}")
                if title:
                    out.append(f"      title: {yaml_text(title)}")
            guesses.append(("signatory", meta.signatory))
    out += ["source:", f"  file: {yaml_text(draft.source_file)}",
            f"  name: {yaml_text(draft.source_name)}", f"  sha256: {draft.sha256}",
            "# What 'hoering import' guessed. Check each value above; when it is right (or",
            "# corrected), delete its line here. 'hoering review' lists what is left.",
            "guessed:"]
    out += [_guess_line(key, found) for key, found in guesses if found is not None]
    out += [f"lang: {draft.lang}", "---", ""]
    out += body(draft.blocks, draft.footnotes)
    return "\n".join(out).rstrip("\n") + "\n"


def body(blocks: list[Block], footnotes: dict[int, str]) -> list[str]:
    """The Markdown lines of the body: the blocks as model nodes, written by the one
    serialiser every source shares."""
    nodes, notes = to_model(blocks, footnotes)
    return to_markdown(nodes, notes, width=WIDTH).rstrip("\n").split("\n")


def to_model(blocks: list[Block], footnotes: dict[int, str]) -> tuple[list[n.Block],
                                                                        list[n.Footnote]]:
    """The import's blocks as the document model; ``footnotes`` (by the number the reader
    gave them) numbered in order of first reference, as the Markdown reader numbers them."""
    notes = _Notes(footnotes)
    nodes: list[n.Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind in LIST_KINDS:
            end = index
            while end < len(blocks) and blocks[end].kind in LIST_KINDS:
                end += 1
            nodes += _lists(blocks[index:end], notes)
            index = end
            continue
        nodes.append(BLOCKS[block.kind](block, notes))
        index += 1
    return nodes, notes.footnotes()


class _Notes:
    """Footnote references in imported text: ``[^n]`` for a note the reader found."""

    def __init__(self, texts: dict[int, str]) -> None:
        self.texts = texts
        self.numbers: dict[int, int] = {}  # reader's number → number in order of reference

    def inlines(self, text: str) -> list[n.Inline]:
        result: list[n.Inline] = []
        position = 0
        for match in FOOTNOTE_REF.finditer(text):
            if int(match.group(1)) not in self.texts:
                continue
            if match.start() > position:
                result.append(n.Text(text[position:match.start()]))
            result.append(self.reference(int(match.group(1))))
            position = match.end()
        if position < len(text):
            result.append(n.Text(text[position:]))
        return result

    def reference(self, key: int) -> n.FootnoteRef:
        return n.FootnoteRef(self.numbers.setdefault(key, len(self.numbers) + 1))

    def footnotes(self) -> list[n.Footnote]:
        """Every note, the referenced ones first; one nobody refers to is kept (its words
        are part of the letter) after them."""
        for key in sorted(self.texts):
            self.numbers.setdefault(key, len(self.numbers) + 1)
        return [n.Footnote(number, str(key), (n.Paragraph(tuple(self.inlines(self.texts[key]))),))
                for key, number in sorted(self.numbers.items(), key=lambda item: item[1])]


def _heading(block: Block, notes: _Notes) -> n.Heading:
    attributes = block.attributes
    guess = attributes.get("guess")
    return n.Heading(block.level, tuple(notes.inlines(block.text)),
                     topic=attributes.get("topic"), stance=attributes.get("stance"),
                     guess=float(guess) if guess is not None else None,
                     matched=attributes.get("matched"),
                     appendix=attributes.get("appendix") == "true")


def _paragraph(block: Block, notes: _Notes) -> n.Paragraph:
    return n.Paragraph(_labelled(block, notes))


def _labelled(block: Block, notes: _Notes) -> tuple[n.Inline, ...]:
    """The block's text, its opening bold label ("Netværksmøder:") as strong text."""
    if not block.label or not block.text.startswith(block.label):
        return tuple(notes.inlines(block.text))
    label = n.Strong(tuple(notes.inlines(block.label)))
    return (label, *notes.inlines(block.text[len(block.label):]))


def _quote(block: Block, notes: _Notes) -> n.BlockQuote:
    """Quoted text (a mail's earlier messages): paragraphs apart by blank lines, lines kept
    apart within a paragraph (a quoted header block)."""
    paragraphs = []
    for text in block.text.split("\n\n"):
        inlines: list[n.Inline] = []
        for number, line in enumerate(text.split("\n")):
            inlines += [n.LineBreak()] * bool(number) + notes.inlines(line)
        paragraphs.append(n.Paragraph(tuple(inlines)))
    return n.BlockQuote(tuple(paragraphs))


def _table(block: Block, notes: _Notes) -> n.Table:
    width = max(len(row) for row in block.rows)
    rows = [tuple(n.TableCell(tuple(notes.inlines(cell))) for cell in row)
            + (n.TableCell(()),) * (width - len(row)) for row in block.rows]
    return n.Table(rows[0], tuple(rows[1:]))


def _lists(items: list[Block], notes: _Notes) -> list[n.Block]:
    """Consecutive list items as lists, nested by their level; a change of kind (bullets,
    numbers) at one level starts a new list."""
    base = min(item.level for item in items)
    entries: list[tuple[Block, list[Block]]] = []
    for item in items:
        if item.level <= base or not entries:
            entries.append((item, []))
        else:
            entries[-1][1].append(item)
    lists: list[n.Block] = []
    for kind, run in groupby(entries, key=lambda entry: entry[0].kind):
        group = list(run)
        list_items = tuple(
            n.ListItem((n.Paragraph(_labelled(item, notes)),
                        *(_lists(children, notes) if children else ())))
            for item, children in group)
        lists.append(n.BulletList(list_items) if kind == "bullet"
                     else n.OrderedList(list_items, start=group[0][0].number))
    return lists


LIST_KINDS = ("bullet", "number")
BLOCKS: dict[str, Callable[[Block, _Notes], n.Block]] = {
    "heading": _heading,
    "paragraph": _paragraph,
    "table": _table,
    "quote": _quote,
}
