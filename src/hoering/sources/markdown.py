"""Markdown body → model blocks (CommonMark + tables, footnotes, task lists, strikethrough,
``++insertions++``).

Raw HTML is never interpreted: the parser runs with ``html: False`` so ``<script>`` stays
literal text, escaped by every renderer. Heading attributes such as
``## Vedr. mentor {topic=udskrivningsmentor stance=concern}`` are taken off the heading text
and kept on the :class:`~hoering.model.nodes.Heading`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..errors import SourceError, SourceErrors
from ..limits import active
from ..messages import either, tr
from ..messages import number as number_text
from ..model import nodes as n
from ..model.stances import DANISH_STANCES, STANCES, stance_value
from .images import FIRST_LINE, image_count_plugin
from .insertions import insertion_plugin

HEADING_ATTRIBUTES = re.compile(r"\s*\{([^{}]*)\}\s*$")
ATTRIBUTE = re.compile(r'([A-Za-z_][\w-]*)=("[^"]*"|[^\s"{}]+)')
ATTRIBUTE_LIST = re.compile(r'\s*(?:[A-Za-z_][\w-]*=(?:"[^"]*"|[^\s"{}]+)\s*)+')
HEADING_KEYS = ("topic", "stance", "guess", "matched", "appendix", "status")
TASK_MARKER = re.compile(r"^\[([ xX])\]\s+")
NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")
# Characters that start inline markup (emphasis, code, links, footnotes, escapes, entities,
# line breaks); text without them is one plain text to the inline parser.
INLINE_MARKUP = re.compile(r"[\n\\`*_~+\[\]!<>&^]")


@lru_cache(maxsize=1)
def _parser() -> Any:
    return _new_parser()


def _new_parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False, "maxNesting": 200}
    )
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(insertion_plugin)
    for rule in _LABEL_RULES:
        _guard_label_rule(md, rule)
    md.use(image_count_plugin)
    return md


# Inline rules that scan forward from an opening "[" for its closing "]". Where no "]" follows
# at all, each of them scanned to the end of the paragraph before giving up, once per "[":
# a megabyte of "[" took minutes (issue 21, item 11).
_LABEL_RULES = ("link", "image", "footnote_inline", "footnote_ref")


def _guard_label_rule(md: Any, name: str) -> None:
    """Wrap the inline rule ``name`` so that it gives up at once where no "]" follows: it
    could not have matched there, so the result is the same, in constant time."""
    scan = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == name)

    def guarded(state: Any, silent: bool) -> bool:
        if state.pos > _last_closing_bracket(state.src):
            return False
        return bool(scan(state, silent))

    md.inline.ruler.at(name, guarded)


@lru_cache(maxsize=16)
def _last_closing_bracket(src: str) -> int:
    """Where the last "]" of an inline text is (-1 if none); a text is scanned once (a str
    caches its own hash, so the lookup is constant after the first)."""
    return src.rfind("]")


@dataclass
class Body:
    """The converted body of one source."""

    blocks: list[n.Block] = field(default_factory=list)
    footnotes: list[n.Footnote] = field(default_factory=list)


class _Converter:
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
        inlines = list(self.inline_of(node))
        attributes = self.heading_attributes(inlines, self.line(node))
        return n.Heading(
            level=int(node.tag[1]),
            children=tuple(inlines),
            line=self.line(node),
            topic=attributes.get("topic"),
            stance=attributes.get("stance"),
            guess=self.confidence(attributes.get("guess"), self.line(node)),
            matched=attributes.get("matched"),
            appendix=self.appendix(attributes.get("appendix"), self.line(node)),
            status=attributes.get("status"),
        )

    def appendix(self, value: str | None, line: int | None) -> bool:
        if value in (None, "false"):
            return False
        if value != "true":
            self.errors.append(
                SourceError(
                    None,
                    tr("{value} is not true or false", value=repr(value)),
                    line=line,
                    key="appendix",
                    hint=tr("write appendix=true"),
                )
            )
        return value == "true"

    def confidence(self, value: str | None, line: int | None) -> float | None:
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0.0 <= number <= 1.0:
            self.errors.append(
                SourceError(
                    None,
                    tr("'{value}' is not a confidence", value=value),
                    line=line,
                    key="guess",
                    hint=tr("use a number from 0 to 1"),
                )
            )
            return None
        return number

    def heading_attributes(self, inlines: list[n.Inline], line: int | None) -> dict[str, str]:
        if not inlines or not isinstance(inlines[-1], n.Text):
            return {}
        match = HEADING_ATTRIBUTES.search(inlines[-1].text)
        if not match or not ATTRIBUTE_LIST.fullmatch(match.group(1)):
            return {}  # "{2019}" at the end of a heading is text, not attributes
        found = {k: v.strip('"') for k, v in ATTRIBUTE.findall(match.group(1))}
        for key in found:
            if key not in HEADING_KEYS:
                self.errors.append(
                    SourceError(
                        None,
                        tr("unknown heading attribute '{key}'", key=key),
                        line=line,
                        key=key,
                        hint=tr("heading attributes are {keys}", keys=", ".join(HEADING_KEYS)),
                    )
                )
        stance = found.get("stance")
        if stance is not None and stance_value(stance) is None:
            self.errors.append(
                SourceError(
                    None,
                    tr("'{stance}' is not a stance", stance=stance),
                    line=line,
                    key="stance",
                    hint=tr(
                        "use {choices} (or {english})",
                        choices=either(DANISH_STANCES),
                        english=either(STANCES),
                    ),
                )
            )
        elif stance is not None:
            found["stance"] = stance_value(stance) or stance
        rest = inlines[-1].text[: match.start()]
        if rest:
            inlines[-1] = n.Text(rest)
        else:
            inlines.pop()
        return found

    def block_bullet_list(self, node: Any) -> n.BulletList:
        return n.BulletList(tuple(self.list_item(c) for c in node.children), line=self.line(node))

    def block_ordered_list(self, node: Any) -> n.OrderedList:
        start = int(node.attrs.get("start", 1))
        items = tuple(self.list_item(c) for c in node.children)
        return n.OrderedList(items, start=start, line=self.line(node))

    def list_item(self, node: Any) -> n.ListItem:
        checked, blocks = _task_marker(self.blocks(node.children))
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
            return n.FootnoteRef(self.footnote_number(_note_key(node.meta)))
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
                label = _note_key(note.meta)
                blocks = [b for b in self.blocks(note.children) if b is not None]
                found[label] = tuple(blocks)
        notes = []
        for label, number in sorted(self.footnote_numbers.items(), key=lambda kv: kv[1]):
            notes.append(n.Footnote(number, label, found.get(label, ())))
        return notes


def _note_key(meta: dict[str, Any]) -> str:
    """A footnote's label, or for an inline note (``^[text]``, which has none) its number
    among the notes as the parser counts them."""
    return meta.get("label") or f"inline-{meta.get('id', 0)}"


def _task_marker(blocks: list[n.Block]) -> tuple[bool | None, list[n.Block]]:
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


@lru_cache(maxsize=1)
def _block_parser() -> Any:
    """The same parser without its inline pass: block structure (and lines) only."""
    md = _new_parser()
    md.disable("inline")
    return md


def task_list_items(text: str, first_line: int = 1) -> list[n.ListItem]:
    """The task-list items of a Markdown body, each with its first paragraph only, found
    without converting the rest (half the time of :func:`parse_body`): what ``hoering
    actions`` needs. Items in footnotes are left out, as :func:`parse_body` leaves them out
    of the blocks. A body with footnotes is converted whole: a reference's number depends on
    every reference before it."""
    from markdown_it.tree import SyntaxTreeNode

    if "[^" in text:
        return list(n.task_items(parse_body(text, first_line).blocks))

    env: dict[str, Any] = {}  # the footnote and link definitions the items may refer to
    tokens = _block_parser().parse(text, env)
    converter = _Converter(first_line)
    items = []
    in_footnote = 0
    for index, token in enumerate(tokens[:-2]):
        in_footnote += {"footnote_block_open": 1, "footnote_block_close": -1}.get(token.type, 0)
        content = tokens[index + 2].content
        marker = TASK_MARKER.match(content)
        if (
            in_footnote
            or token.type != "list_item_open"
            or tokens[index + 1].type != "paragraph_open"
            or not marker
        ):
            continue
        if INLINE_MARKUP.search(content, marker.end()):
            inline = SyntaxTreeNode(_parser().parseInline(content, env)).children[0]
            children = tuple(converter.inlines(inline.children))
        else:  # plain words: the inline parser would return them as one text
            children = (n.Text(content),)
        paragraph = n.Paragraph(children, line=converter.line(tokens[index + 1]))
        checked, blocks = _task_marker([paragraph])
        items.append(n.ListItem(tuple(blocks), checked=checked, line=converter.line(token)))
    if converter.errors:
        raise SourceErrors(converter.errors)
    return items


def parse_body(text: str, first_line: int = 1) -> Body:
    """Convert a Markdown body to blocks; ``first_line`` is the body's line in the file.

    Raises :class:`SourceErrors` listing every problem found (without a path: the caller
    adds it).
    """
    body, errors = body_and_errors(text, first_line)
    if errors:
        raise SourceErrors(errors)
    return body


def body_and_errors(text: str, first_line: int = 1) -> tuple[Body, list[SourceError]]:
    """The body's blocks and the problems that leave them whole (an unknown heading
    attribute, a stance that is none, a footnote without text), so that checks of the blocks
    (the topics of a response, a referat's action items) can still run and every mistake is
    told at once. A problem that stops the reading (a table too large) is raised."""
    from markdown_it.tree import SyntaxTreeNode

    check_tables(text, first_line)
    check_footnote_labels(text, first_line)
    root = SyntaxTreeNode(_parser().parse(text, {FIRST_LINE: first_line}))
    check_nesting(root, first_line)
    converter = _Converter(first_line, text.splitlines())
    blocks = converter.blocks(root.children)
    notes = converter.footnotes(root)
    return Body(blocks, notes), converter.errors


_DELIMITER_ROW = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


_LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])[ \t]")


def inside_containers(line: str) -> str:
    """A line without the quote markers (``>``), list markers (``-``, ``1.``) and indents
    that put it inside a block quote or a list item: what a table there starts with."""
    at = 0
    while True:
        while at < len(line) and line[at] in " \t":
            at += 1
        if line.startswith(">", at):
            at += 1
            continue
        marker = _LIST_MARKER.match(line, at)
        if marker is None:
            return line[at:]
        at = marker.end()


def check_tables(text: str, first_line: int = 1) -> None:
    """Refuse a table with more rows or cells than the limits before the Markdown parser
    reads it (a 100,000-row table took 40 s and 3 GB to build). A table is the lines after a
    delimiter row (``|---|---|``) up to the next blank line; its columns are the delimiter
    row's. Quote and list markers before a line are looked through: a table in a block quote
    or a list item counts the same."""
    limits = active()
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if (
            "-" in lines[index]
            and "|" in lines[index]
            and _DELIMITER_ROW.match(delimiter := inside_containers(lines[index]))
        ):
            start = index
            columns = delimiter.strip().strip("|").count("|") + 1
            while index + 1 < len(lines) and inside_containers(lines[index + 1]).strip():
                index += 1
            rows = index - start
            key = (
                "table_rows"
                if rows > limits.table_rows
                else "table_cells"
                if rows * columns > limits.table_cells
                else None
            )
            if key is not None:
                raise SourceErrors(
                    [
                        SourceError(
                            None,
                            tr(
                                "the table has {rows} rows of {columns} cells, more than a "
                                "document can hold",
                                rows=number_text(rows),
                                columns=columns,
                            ),
                            line=start - 1 + first_line,
                            hint=tr("put the data in a spreadsheet and summarise it here")
                            + "; "
                            + limits.hint(key),
                        )
                    ]
                )
        index += 1


MAX_NESTING = 10  # quotes and lists inside each other (Typst stops at ~13 list levels)


def check_nesting(root: Any, first_line: int = 1) -> None:
    """Refuse quotes or lists nested deeper than MAX_NESTING: the PDF cannot lay them out,
    and markdown-it silently drops what lies deeper than its own limit."""
    stack = [(child, 0) for child in root.children]
    while stack:
        node, depth = stack.pop()
        if node.type in ("blockquote", "bullet_list", "ordered_list"):
            depth += 1
            if depth > MAX_NESTING:
                line = node.map[0] + first_line if node.map else None
                raise SourceErrors(
                    [
                        SourceError(
                            None,
                            tr(
                                "quotes or lists are nested more than {n} levels deep",
                                n=MAX_NESTING,
                            ),
                            line=line,
                            hint=tr("nest them less deeply"),
                        )
                    ]
                )
        stack.extend((child, depth) for child in node.children)


_NOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")


def check_footnote_labels(text: str, first_line: int = 1) -> None:
    """Refuse a footnote label defined twice: the parser keeps the first note and drops the
    other's text without a word."""
    seen: dict[str, int] = {}
    fenced = False
    for number, line in enumerate(text.splitlines(), start=first_line):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _NOTE_DEFINITION.match(line)
        if match and match[1] in seen:
            raise SourceErrors(
                [
                    SourceError(
                        None,
                        tr(
                            "footnote [^{label}] is defined twice (first on line {line})",
                            label=match[1],
                            line=seen[match[1]],
                        ),
                        line=number,
                        hint=tr("give each note its own label"),
                    )
                ]
            )
        if match:
            seen[match[1]] = number
