"""The body of an imported source: the import's blocks as the document model (headings,
paragraphs, lists, quotes, tables; a DOCX paragraph's runs as marks; notes numbered as the
Markdown reader numbers them), written by the one serialiser every source shares."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import groupby

from ..model import nodes as n
from ..model.stances import WRITTEN_STANCES
from ..sources.serialise import WIDTH, to_markdown
from .lines import Span
from .structure import Block

FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")


def body(
    blocks: list[Block],
    footnotes: dict[int, str],
    note_spans: dict[int, list[Span]] | None = None,
    lang: str = "da",
) -> list[str]:
    """The Markdown lines of the body: the blocks as model nodes, written by the one
    serialiser every source shares; stances in the words of the document's ``lang``."""
    nodes, notes = to_model(blocks, footnotes, note_spans)
    words = WRITTEN_STANCES.get(lang, {})
    nodes = [
        replace(node, stance=words.get(node.stance, node.stance))
        if isinstance(node, n.Heading) and node.stance
        else node
        for node in nodes
    ]
    return to_markdown(nodes, notes, width=WIDTH).rstrip("\n").split("\n")


def to_model(
    blocks: list[Block], footnotes: dict[int, str], note_spans: dict[int, list[Span]] | None = None
) -> tuple[list[n.Block], list[n.Footnote]]:
    """The import's blocks as the document model; ``footnotes`` (by the number the reader
    gave them) numbered in order of first reference, as the Markdown reader numbers them.
    Where the reader kept a paragraph's runs (DOCX), its marks become model inlines."""
    notes = _Notes(footnotes, note_spans or {})
    nodes: list[n.Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind in LIST_KINDS and not _labelled_apart(block):
            end = index
            while (
                end < len(blocks)
                and blocks[end].kind in LIST_KINDS
                and not _labelled_apart(blocks[end])
            ):
                end += 1
            nodes += _lists(blocks[index:end], notes)
            index = end
            continue
        nodes.append(
            _paragraph(block, notes) if _labelled_apart(block) else BLOCKS[block.kind](block, notes)
        )
        index += 1
    return nodes, notes.footnotes()


class _Notes:
    """Footnote references in imported text: ``[^n]`` for a note the reader found."""

    def __init__(self, texts: dict[int, str], spans: dict[int, list[Span]]) -> None:
        self.texts = texts
        self.spans = spans
        self.numbers: dict[int, int] = {}  # reader's number → number in order of reference

    def inlines(self, text: str) -> list[n.Inline]:
        result: list[n.Inline] = []
        position = 0
        for match in FOOTNOTE_REF.finditer(text):
            if int(match.group(1)) not in self.texts:
                continue
            if match.start() > position:
                result.append(n.Text(text[position : match.start()]))
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
        return [
            n.Footnote(number, str(key), (n.Paragraph(self.note(key)),))
            for key, number in sorted(self.numbers.items(), key=lambda item: item[1])
        ]

    def note(self, key: int) -> tuple[n.Inline, ...]:
        if self.spans.get(key):
            return tuple(marked(self.spans[key], self))
        return tuple(self.inlines(self.texts[key]))


def _heading(block: Block, notes: _Notes) -> n.Heading:
    attributes = block.attributes
    guess = attributes.get("guess")
    spans = _spans_of(block)
    children = (
        marked(spans, notes, HEADING_MARKS) if spans is not None else notes.inlines(block.text)
    )
    return n.Heading(
        block.level,
        tuple(children),
        topic=attributes.get("topic"),
        stance=attributes.get("stance"),
        guess=float(guess) if guess is not None else None,
        matched=attributes.get("matched"),
        appendix=attributes.get("appendix") == "true",
    )


def _paragraph(block: Block, notes: _Notes) -> n.Paragraph:
    return n.Paragraph(_labelled(block, notes))


def _labelled(block: Block, notes: _Notes) -> tuple[n.Inline, ...]:
    """The block's text with the marks the reader kept (DOCX runs), or with its opening
    bold label ("Netværksmøder:") as strong text."""
    spans = _spans_of(block)
    if spans is not None:
        return tuple(marked(spans, notes))
    if not block.label or not block.text.startswith(block.label):
        return tuple(notes.inlines(block.text))
    label = n.Strong(tuple(notes.inlines(block.label)))
    return (label, *notes.inlines(block.text[len(block.label) :]))


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
    cells = block.origin.cells if block.origin is not None else None
    if cells is None or [len(row) for row in cells] != [len(row) for row in block.rows]:
        cells = None
    rows = [
        tuple(
            n.TableCell(tuple(marked(cells[r][c], notes) if cells else notes.inlines(cell)))
            for c, cell in enumerate(row)
        )
        + (n.TableCell(()),) * (width - len(row))
        for r, row in enumerate(block.rows)
    ]
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
    for group in _runs(entries):
        list_items = tuple(
            n.ListItem(
                (
                    n.Paragraph(_labelled(item, notes)),
                    *(_lists(children, notes) if children else ()),
                )
            )
            for item, children in group
        )
        first = group[0][0]
        lists.append(
            n.BulletList(list_items)
            if first.kind == "bullet"
            else n.OrderedList(list_items, start=_number(first))
        )
    return lists


def _runs(entries: list[tuple[Block, list[Block]]]) -> list[list[tuple[Block, list[Block]]]]:
    """Items of one list: the same kind, and numbers that go on by one (Word restarts a
    list at 1 where a new one begins)."""
    runs: list[list[tuple[Block, list[Block]]]] = []
    for entry in entries:
        previous = runs[-1][-1][0] if runs else None
        if previous is None or previous.kind != entry[0].kind or _restarts(previous, entry[0]):
            runs.append([])
        runs[-1].append(entry)
    return runs


def _restarts(previous: Block, item: Block) -> bool:
    known = [b.origin.number for b in (previous, item) if b.origin and b.origin.number]
    return len(known) == 2 and known[1] != known[0] + 1


def _number(item: Block) -> int:
    return item.origin.number if item.origin and item.origin.number else item.number


def _labelled_apart(block: Block) -> bool:
    """A numbered item whose label Markdown cannot number ("a)", "2.1", "iv."): written as a
    paragraph that opens with the label, as Word shows it."""
    origin = block.origin
    return (
        block.kind == "number"
        and origin is not None
        and origin.number_label is not None
        and origin.number is None
    )


def _spans_of(block: Block) -> list[Span] | None:
    """The reader's spans for exactly the block's text (a list item's marker or a heading's
    colon taken off), or None when there are none or they do not hold the text."""
    origin = block.origin
    if origin is None or not origin.spans:
        return None
    text = block.text
    if _labelled_apart(block):
        return origin.spans
    joined = "".join(span.text for span in origin.spans)
    start = len(joined) - len(text) if joined.endswith(text) else joined.find(text)
    if start < 0 or not text:
        return None
    return _cut(origin.spans, start, start + len(text))


def _cut(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans covering characters ``start:end`` of their joined text."""
    result = []
    position = 0
    for span in spans:
        lo, hi = max(start, position), min(end, position + len(span.text))
        if lo < hi:
            whole = (lo, hi) == (position, position + len(span.text))
            result.append(
                span
                if whole
                else Span(span.text[lo - position : hi - position], span.marks, span.link)
            )
        position += len(span.text)
    return result


MARK_ORDER = ("link", "deleted", "inserted", "strong", "emphasis")
HEADING_MARKS = ("deleted", "inserted")  # a heading's own bold is its look, not a mark
WRAPPERS: dict[str, Callable[[tuple[n.Inline, ...]], n.Inline]] = {
    "deleted": n.Strikethrough,
    "inserted": n.Insertion,
    "strong": n.Strong,
    "emphasis": n.Emphasis,
}


def marked(spans: list[Span], notes: _Notes, marks: tuple[str, ...] = MARK_ORDER) -> list[n.Inline]:
    """Spans as model inlines, neighbours with the same mark under one node (links outside,
    then deletions and insertions, then bold and italic); struck-through text counts as
    deleted."""
    if not marks:
        return _joined(
            [
                notes.reference(span.footnote)
                if span.footnote in notes.texts
                else n.Text(span.text)
                for span in spans
            ]
        )
    mark, rest = marks[0], marks[1:]
    result: list[n.Inline] = []
    for value, run in groupby(spans, key=lambda span: _mark_value(span, mark)):
        inner = tuple(marked(list(run), notes, rest))
        if not value:
            result += inner
        elif mark == "link":
            result.append(n.Link(str(value), inner))
        else:
            result.append(WRAPPERS[mark](inner))
    return _joined(result)


def _mark_value(span: Span, mark: str) -> str | bool | None:
    if mark == "link":
        return span.link
    if mark == "deleted":
        return "deleted" in span.marks or "strike" in span.marks
    return mark in span.marks


def _joined(inlines: list[n.Inline]) -> list[n.Inline]:
    result: list[n.Inline] = []
    for item in inlines:
        if isinstance(item, n.Text) and result and isinstance(result[-1], n.Text):
            result[-1] = n.Text(result[-1].text + item.text)
        else:
            result.append(item)
    return result


LIST_KINDS = ("bullet", "number")
BLOCKS: dict[str, Callable[[Block, _Notes], n.Block]] = {
    "heading": _heading,
    "paragraph": _paragraph,
    "table": _table,
    "quote": _quote,
}
