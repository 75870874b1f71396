"""Every renderer covers every node kind of the model, or names it unsupported explicitly:
the DOCX and HTML renderers, the Markdown serialiser and the Typst template each hold a
table of node kind → function, and a kind missing from one of them would fail only when a
document first held it. A new node kind must be added to all four (or, for the serialiser,
to its named :data:`~hoering.sources.serialise.UNWRITABLE` kinds) before this passes."""

from __future__ import annotations

import dataclasses
import re
import typing

import pytest

from conftest import REPO
from hoering.model import nodes as n
from hoering.render.docx.blocks import BLOCK_RENDERERS
from hoering.render.docx.inlines import INLINE_RENDERERS
from hoering.render.html import BLOCKS as HTML_BLOCKS
from hoering.render.html import INLINES as HTML_INLINES
from hoering.sources import serialise

BLOCK_KINDS = {cls.kind for cls in typing.get_args(n.Block)}
INLINE_KINDS = {cls.kind for cls in typing.get_args(n.Inline)}
# rendered by the node that holds them (a list, a table, the document's notes), never alone
PARTS = {n.ListItem.kind, n.TableCell.kind, n.Footnote.kind}


def test_every_node_class_is_a_block_an_inline_or_a_part():
    classes = [
        value
        for value in vars(n).values()
        if isinstance(value, type) and dataclasses.is_dataclass(value) and hasattr(value, "kind")
    ]
    kinds = [cls.kind for cls in classes]
    assert len(kinds) == len(set(kinds)), "two node classes share a kind"
    assert set(kinds) == BLOCK_KINDS | INLINE_KINDS | PARTS
    assert not BLOCK_KINDS & INLINE_KINDS


@pytest.mark.parametrize(
    ("renderer", "blocks", "inlines"),
    [
        ("docx", BLOCK_RENDERERS, INLINE_RENDERERS),
        ("html", HTML_BLOCKS, HTML_INLINES),
        ("markdown", serialise.BLOCKS, serialise.INLINES),
    ],
)
def test_each_renderer_has_a_function_for_every_kind(renderer, blocks, inlines):
    assert set(blocks) == BLOCK_KINDS, renderer
    assert set(inlines) == INLINE_KINDS, renderer


def test_the_typst_template_has_a_handler_for_every_kind():
    template = (REPO / "src" / "hoering" / "templates" / "document.typ").read_text("utf-8")
    table = re.search(r"#let handlers = \((.*?)\n\)", template, re.S)
    assert table, "document.typ has no '#let handlers = (…)' table"
    handled = set(re.findall(r"^  ([a-z_]+):", table.group(1), re.M))
    assert handled == BLOCK_KINDS | INLINE_KINDS | {n.ListItem.kind, n.TableCell.kind}


def test_the_serialiser_names_what_markdown_cannot_write_and_refuses_it():
    unwritable = {
        kind for kind, writer in serialise.BLOCKS.items() if writer is serialise.blocks.unwritable
    }
    assert unwritable == set(serialise.UNWRITABLE) == {"callout", "figure", "toc", "group"}
    group = n.Group("decision", (n.Paragraph((n.Text("Beslutning"),)),))
    with pytest.raises(
        serialise.UnwritableNode, match="Markdown has no syntax for a 'group' block"
    ):
        serialise.to_markdown([group])
