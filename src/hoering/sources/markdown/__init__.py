"""Markdown body → model blocks (CommonMark + tables, footnotes, task lists, strikethrough,
``++insertions++``).

Raw HTML is never interpreted: the parser runs with ``html: False`` so ``<script>`` stays
literal text, escaped by every renderer. Heading attributes such as
``## Vedr. mentor {topic=udskrivningsmentor stance=concern}`` are taken off the heading text
and kept on the :class:`~hoering.model.nodes.Heading`.

The steps, one module each: :mod:`.refusals` refuses what no document can hold before the
parser runs, :mod:`.parser` is the markdown-it parser, :mod:`.convert` turns its syntax tree
into the model's nodes, and :mod:`.headings` reads a heading's attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...errors import SourceError, SourceErrors
from ...model import nodes as n
from ..images import FIRST_LINE
from .convert import TASK_MARKER, Converter, task_marker
from .headings import ATTRIBUTE, ATTRIBUTE_LIST, HEADING_ATTRIBUTES
from .parser import block_parser, parser
from .refusals import check_footnote_labels, check_nesting, check_tables

# Characters that start inline markup (emphasis, code, links, footnotes, escapes, entities,
# line breaks); text without them is one plain text to the inline parser.
INLINE_MARKUP = re.compile(r"[\n\\`*_~+\[\]!<>&^]")


@dataclass
class Body:
    """The converted body of one source."""

    blocks: list[n.Block] = field(default_factory=list)
    footnotes: list[n.Footnote] = field(default_factory=list)


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
    tokens = block_parser().parse(text, env)
    converter = Converter(first_line)
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
            inline = SyntaxTreeNode(parser().parseInline(content, env)).children[0]
            children = tuple(converter.inlines(inline.children))
        else:  # plain words: the inline parser would return them as one text
            children = (n.Text(content),)
        paragraph = n.Paragraph(children, line=converter.line(tokens[index + 1]))
        checked, blocks = task_marker([paragraph])
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
    root = SyntaxTreeNode(parser().parse(text, {FIRST_LINE: first_line}))
    check_nesting(root, first_line)
    converter = Converter(first_line, text.splitlines())
    blocks = converter.blocks(root.children)
    notes = converter.footnotes(root)
    return Body(blocks, notes), converter.errors


__all__ = [
    "ATTRIBUTE",
    "ATTRIBUTE_LIST",
    "HEADING_ATTRIBUTES",
    "Body",
    "body_and_errors",
    "check_tables",
    "parse_body",
    "task_list_items",
]
