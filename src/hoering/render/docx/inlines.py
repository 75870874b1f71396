"""Inline nodes → runs: one small function per ``kind`` in :data:`INLINE_RENDERERS`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ...i18n import label
from ...model import nodes
from ...model.links import clickable
from .context import Context
from .xml import PLAIN, Fmt, clean, picture, run, sub

WEB_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
INSERTION_COLOUR = "1B6B3A"  # dark green: 6.6:1 on white, readable and distinct from links
_UNSAFE_IN_URI = re.compile(r'[\s"<>\\^`{|}]')  # not allowed in a URI


def inlines(ctx: Context, parent: Any, children: Iterable[nodes.Inline], fmt: Fmt = PLAIN) -> None:
    """Append the runs for ``children`` to ``parent`` (a ``w:p`` or ``w:hyperlink``)."""
    for node in children:
        renderer = INLINE_RENDERERS.get(node.kind)
        if renderer is None:
            raise ValueError(f"DOCX: no renderer for inline node kind {node.kind!r}")
        renderer(ctx, parent, node, fmt)


def _text(ctx: Context, parent: Any, node: nodes.Text, fmt: Fmt) -> None:
    run(parent, node.text, fmt)


def _code(ctx: Context, parent: Any, node: nodes.Code, fmt: Fmt) -> None:
    run(parent, node.text, fmt.but(mono=True) if fmt.style else fmt.but(style="HTMLCode"))


def _softbreak(ctx: Context, parent: Any, node: nodes.SoftBreak, fmt: Fmt) -> None:
    run(parent, " ", fmt)


def _linebreak(ctx: Context, parent: Any, node: nodes.LineBreak, fmt: Fmt) -> None:
    run(parent, "\n", fmt)


def _emphasis(ctx: Context, parent: Any, node: nodes.Emphasis, fmt: Fmt) -> None:
    inlines(ctx, parent, node.children, fmt.but(italic=True))


def _strong(ctx: Context, parent: Any, node: nodes.Strong, fmt: Fmt) -> None:
    inlines(ctx, parent, node.children, fmt.but(bold=True))


def _strikethrough(ctx: Context, parent: Any, node: nodes.Strikethrough, fmt: Fmt) -> None:
    inlines(ctx, parent, node.children, fmt.but(strike=True))


def _insertion(ctx: Context, parent: Any, node: nodes.Insertion, fmt: Fmt) -> None:
    """Added text as Word shows an insertion: underlined and coloured."""
    inlines(ctx, parent, node.children, fmt.but(underline=True, color=INSERTION_COLOUR))


def _link(ctx: Context, parent: Any, node: nodes.Link, fmt: Fmt) -> None:
    if parent.tag == qn("w:hyperlink") or not (node.own or clickable(node.target)):
        inlines(ctx, parent, node.children, fmt)  # Word cannot nest links
        return
    link = hyperlink(ctx, parent, node.target, node.title)
    inlines(ctx, link, node.children, fmt.but(style="Hyperlink"))


def hyperlink(ctx: Context, parent: Any, target: str, title: str | None = None) -> Any:
    """A ``w:hyperlink`` to ``target`` (external relationship, or ``#anchor`` in the file)."""
    attrs: dict[str, Any] = {"history": 1}
    if title:
        attrs["tooltip"] = clean(title)
    if target.startswith("#"):
        return sub(parent, "w:hyperlink", anchor=clean(target[1:]), **attrs)
    target = _UNSAFE_IN_URI.sub(lambda m: f"%{ord(m.group()):02X}", clean(target))
    rid = ctx.part.relate_to(target, RT.HYPERLINK, is_external=True)
    return sub(parent, "w:hyperlink", {"r:id": rid}, **attrs)


def _image(ctx: Context, parent: Any, node: nodes.Image, fmt: Fmt) -> None:
    image_run(ctx, parent, node.data, node.mime, node.alt, None, fmt)


def image_run(
    ctx: Context,
    parent: Any,
    data: bytes | None,
    mime: str | None,
    alt: str,
    width: int | None,
    fmt: Fmt = PLAIN,
) -> None:
    """The picture, or "[Billede: alt]" when there are no bytes Word can show (a remote
    image, a damaged file)."""
    drawing = None
    if data and (mime in WEB_IMAGES or mime is None):
        drawing = picture(ctx, data, alt, ctx.width, width=width)
    if drawing is None:
        run(parent, f"[{label('image', ctx.lang)}: {alt}]", fmt)
    else:
        run(parent, "", fmt).append(drawing)


def _footnote_ref(ctx: Context, parent: Any, node: nodes.FootnoteRef, fmt: Fmt) -> None:
    ctx.state.notes.reference(ctx, parent, node.number)


# Each function takes its own node class; the table is looked up by the node's kind.
INLINE_RENDERERS: dict[str, Callable[[Context, Any, Any, Fmt], None]] = {
    "text": _text,
    "code": _code,
    "softbreak": _softbreak,
    "linebreak": _linebreak,
    "emphasis": _emphasis,
    "strong": _strong,
    "strikethrough": _strikethrough,
    "insertion": _insertion,
    "link": _link,
    "image": _image,
    "footnote_ref": _footnote_ref,
}
