"""The inline writers: one function per inline kind (:data:`INLINES`), each returning the
node's Markdown; marks take the spaces at their edges outside, and pick the delimiter that
reads back as the same mark next to their neighbours."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...model import nodes as n
from .text import KEEP, escape
from .writer import Around, InlineWriter, Writer

_MARKS = (n.Emphasis, n.Strong, n.Strikethrough, n.Insertion)


def _text(w: Writer, node: n.Text, around: Around) -> str:
    text = escape(node.text)
    if isinstance(around.before, n.FootnoteRef) and text.startswith(":"):
        text = "\\" + text  # "[^1]:" at the start of a line would define the note
    return text


def _code(w: Writer, node: n.Code, around: Around) -> str:
    content = node.text.replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    if (
        content.startswith("`")
        or content.endswith("`")
        or (content.startswith(" ") and content.endswith(" ") and content.strip())
    ):
        content = f" {content} "
    return (fence + content + fence).replace(" ", KEEP)


def _break(w: Writer, node: n.SoftBreak | n.LineBreak, around: Around) -> str:
    if around.one_line:
        return " "
    return "\n" if isinstance(node, n.SoftBreak) else "\\\n"


def _mark(delimiter: str) -> Callable[[Writer, Any, Around], str]:
    def write(w: Writer, node: Any, around: Around) -> str:
        lead, children, trail = _outer_spaces(_flat(node))
        inner = w.inline(children, one_line=around.one_line)
        if not inner:
            return lead + trail
        if delimiter == "++":
            inner = re.sub(r"^\+", r"\\+", inner)
            inner = re.sub(r"(?<!\\)\+$", r"\\+", inner)
        return f"{lead}{delimiter}{inner}{delimiter}{trail}"

    return write


def _emphasis(w: Writer, node: n.Emphasis, around: Around) -> str:
    """``_x_``, or ``*x*`` inside a word (where ``_`` is not emphasis) or around an emphasis
    at its edge (``__x__`` would be strong)."""
    inside_word = _last_char(around.before).isalnum() or _first_char(around.after).isalnum()
    return _mark("*" if inside_word or _edged(node) else "_")(w, node, around)


def _strong(w: Writer, node: n.Strong, around: Around) -> str:
    """``**x**``, or ``__x__`` around a strong at its edge (``****x****`` is no mark)."""
    return _mark("__" if _edged(node) else "**")(w, node, around)


def _edged(node: n.Emphasis | n.Strong) -> bool:
    """Whether the node's content begins or ends with a node of its own kind."""
    children = node.children
    return bool(children) and (type(children[0]) is type(node) or type(children[-1]) is type(node))


def _flat(node: Any) -> tuple[n.Inline, ...]:
    """A deletion's or insertion's content with the same mark directly inside it lifted out:
    ``~~~~x~~~~`` would be a code fence, and text deleted twice is deleted."""
    if not isinstance(node, n.Strikethrough | n.Insertion):
        return tuple(node.children)
    flat: list[n.Inline] = []
    for child in node.children:
        flat += _flat(child) if type(child) is type(node) else [child]
    return tuple(flat)


def _link(w: Writer, node: n.Link, around: Around) -> str:
    text = w.inline(node.children, one_line=around.one_line)
    target = node.target.replace("\\", "\\\\")
    if re.search(r"[\s<>]", target) or target.count("(") != target.count(")"):
        target = "<" + target.replace("<", "\\<").replace(">", "\\>") + ">"
    title = ""
    if node.title:
        title = ' "' + node.title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"[{text}](" + (target + title).replace(" ", KEEP) + ")"


def _image(w: Writer, node: n.Image, around: Around) -> str:
    link = _link(w, n.Link(node.source, (n.Text(node.alt),)), around)
    return "!" + link


def _footnote_ref(w: Writer, node: n.FootnoteRef, around: Around) -> str:
    return f"[^{w.labels.get(node.number, str(node.number))}]"


INLINES: dict[str, InlineWriter] = {
    "text": _text,
    "code": _code,
    "softbreak": _break,
    "linebreak": _break,
    "emphasis": _emphasis,
    "strong": _strong,
    "strikethrough": _mark("~~"),
    "insertion": _mark("++"),
    "link": _link,
    "image": _image,
    "footnote_ref": _footnote_ref,
}


def _outer_spaces(children: tuple[n.Inline, ...]) -> tuple[str, tuple[n.Inline, ...], str]:
    """Spaces at the edges of a mark's content, moved outside it: ``** a **`` is no mark."""
    items = list(children)
    lead = trail = ""
    if items:
        lead, items[0] = _strip_edge(items[0], start=True)
        trail, items[-1] = _strip_edge(items[-1], start=False)
    return lead, tuple(item for item in items if not _empty(item)), trail


def _strip_edge(node: n.Inline, start: bool) -> tuple[str, n.Inline]:
    if isinstance(node, n.Text):
        text = node.text.lstrip() if start else node.text.rstrip()
        return (" " if text != node.text else ""), n.Text(text)
    if isinstance(node, _MARKS) and node.children:
        index = 0 if start else -1
        space, edge = _strip_edge(node.children[index], start)
        children = list(node.children)
        children[index] = edge
        return space, type(node)(tuple(children))
    return "", node


def _empty(node: n.Inline) -> bool:
    if isinstance(node, n.Text):
        return not node.text
    return isinstance(node, _MARKS) and all(_empty(child) for child in node.children)


def _first_char(node: n.Inline | None) -> str:
    text = n.plain_text((node,)) if node is not None else ""
    return text[:1] or " "


def _last_char(node: n.Inline | None) -> str:
    text = n.plain_text((node,)) if node is not None else ""
    return text[-1:] or " "
