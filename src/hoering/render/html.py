"""HTML: one standalone, accessible page per document.

The body is rendered here, node by node (:data:`BLOCKS`, :data:`INLINES`), every piece of
user text escaped; the page around it is ``document.html.j2`` with ``document.css`` inlined,
both overridable in the project's templates/ folder. The document title is the page's only
``h1``; body heading level L becomes ``h(L+1)``. Topic and stance are never printed; they are
kept as ``data-topic``/``data-stance`` attributes for reports that filter by them. No
external requests: images and the logo are inlined as data: URIs.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from markupsafe import Markup, escape

from ..i18n import label, page_label
from ..model import Document
from ..model import nodes as n
from ..model.links import clickable, with_clickable_info
from .templates import TemplateFinder


class _Page:
    """What block and inline functions need while rendering one document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.referenced: set[int] = set()
        self.anchors = _anchors(document.blocks)


def _anchors(items: tuple[n.Block, ...]) -> dict[int, str]:
    """An id for every heading, from its number where it has one ("afsnit-3-1")."""
    anchors: dict[int, str] = {}
    used: set[str] = set()
    for index, heading in enumerate(n.headings(items), start=1):
        number = re.sub(r"[^0-9a-z]+", "-", (heading.number or "").lower()).strip("-")
        anchor = f"afsnit-{number}" if number else f"h-{index}"
        while anchor in used:
            anchor += "-"
        used.add(anchor)
        anchors[id(heading)] = anchor
    return anchors


def render(document: Document, templates: TemplateFinder) -> bytes:
    return render_page(document, templates)


def render_page(
    document: Document, templates: TemplateFinder, template: str = "document.html.j2", **extra: Any
) -> bytes:
    """The page for ``document`` from ``template`` (which may extend document.html.j2 and
    fill its blocks); ``extra`` goes into the template's context as it is."""
    return b"".join(page_pieces(document, templates, template, **extra))


OURS = ("body", "closing", "footnotes")  # what we render, in the order we render it
_MARKER = re.compile(r"<!--hoering:(body|closing|footnotes)-->")


def page_pieces(
    document: Document, templates: TemplateFinder, template: str = "document.html.j2", **extra: Any
) -> Iterator[bytes]:
    """:func:`render_page` in pieces, the body a block at a time as it is rendered, so a
    long document (a hearing's report can be tens of MB) is never held whole as text."""
    document = with_clickable_info(document)
    page = _Page(document)
    words = page_label(document.lang)
    # What we render ourselves goes in after the template has run, so the template's output
    # limit measures what the template writes, not the length of the document. User text is
    # escaped, so it never contains a marker.
    present = {
        "body": bool(document.blocks),
        "closing": bool(document.closing),
        "footnotes": bool(document.footnotes),
    }  # empty stays empty: {% if closing %}
    markers = {name: Markup(f"<!--hoering:{name}-->") if present[name] else "" for name in OURS}
    context = {
        "document": document,
        "letterhead": document.letterhead,
        "logo": _data_uri(document.letterhead.logo, document.letterhead.logo_mime),
        **markers,
        "css": Markup(templates.find("document.css").read_text("utf-8")),
        "page_word": words[0],
        "of_word": words[1],
        "notes_label": label("footnotes", document.lang),
        "render_blocks": lambda items: blocks(page, items),
        **extra,
    }
    html = templates.render_jinja(template, **context)
    pieces = _MARKER.split(html)  # text, name, text, name, …, text
    ours: dict[str, Iterable[str]]
    if pieces[1::2] != [name for name in OURS if name in pieces[1::2]]:
        ours = {name: [str(_ours(page, name))] for name in OURS}  # a template of its own order
    else:
        ours = {name: _ours_in_pieces(page, name) for name in OURS}
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            yield piece.encode("utf-8")
        else:
            yield from (part.encode("utf-8") for part in ours[piece])


def _ours(page: _Page, name: str) -> Markup:
    if name == "footnotes":
        return footnotes(page)
    return blocks(page, page.document.blocks if name == "body" else page.document.closing)


def _ours_in_pieces(page: _Page, name: str) -> Iterable[str]:
    """What goes in at a marker, rendered only when the writer gets there."""
    if name == "footnotes":
        yield footnotes(page)
        return
    for index, item in enumerate(page.document.blocks if name == "body" else page.document.closing):
        yield ("\n" if index else "") + block(page, item)


def blocks(page: _Page, items: tuple[n.Block, ...] | list[n.Block]) -> Markup:
    return Markup("\n").join(block(page, item) for item in items)


def block(page: _Page, node: n.Block) -> Markup:
    handler = BLOCKS.get(node.kind)
    if handler is None:
        raise ValueError(f"HTML renderer has no rule for block '{node.kind}'")
    return handler(page, node)


def inlines(page: _Page, items: tuple[n.Inline, ...]) -> Markup:
    parts = []
    for item in items:
        handler = INLINES.get(item.kind)
        if handler is None:
            raise ValueError(f"HTML renderer has no rule for inline '{item.kind}'")
        parts.append(handler(page, item))
    return Markup("").join(parts)


# --- blocks ----------------------------------------------------------------------------------


def _heading(page: _Page, node: n.Heading) -> Markup:
    level = min(node.level + 1, 6)
    data = ""
    if node.topic:
        data += f' data-topic="{escape(node.topic)}"'
    if node.stance:
        data += f' data-stance="{escape(node.stance)}"'
    number = f"{escape(node.number)} " if node.number else ""
    anchor = page.anchors.get(id(node))
    if anchor:
        data = f' id="{anchor}"' + data
    return Markup(f"<h{level}{data}>{number}{inlines(page, node.children)}</h{level}>")


def _paragraph(page: _Page, node: n.Paragraph) -> Markup:
    keep = ' class="keep"' if node.keep_with_next else ""
    return Markup(f"<p{keep}>{inlines(page, node.children)}</p>")


def _list_items(page: _Page, items: tuple[n.ListItem, ...]) -> Markup:
    return Markup("").join(_list_item(page, item) for item in items)


def _list_item(page: _Page, item: n.ListItem) -> Markup:
    content = item.blocks
    lead = content[0] if content else None  # a tight item's text is not in a <p>
    first = (
        inlines(page, lead.children) if isinstance(lead, n.Paragraph) else blocks(page, content[:1])
    )
    rest = blocks(page, content[1:])
    if item.checked is None:
        return Markup(f"<li>{first}{rest}</li>")
    lang = page.document.lang
    state = label("done", lang) if item.checked else label("open", lang)
    box = "☒" if item.checked else "☐"
    return Markup(
        f'<li class="task"><span class="box" role="img" aria-label="{state}">'
        f"{box}</span> {first}{rest}</li>"
    )


def _bullet_list(page: _Page, node: n.BulletList) -> Markup:
    return Markup(f"<ul>{_list_items(page, node.items)}</ul>")


def _ordered_list(page: _Page, node: n.OrderedList) -> Markup:
    start = f' start="{node.start}"' if node.start != 1 else ""
    return Markup(f"<ol{start}>{_list_items(page, node.items)}</ol>")


def _block_quote(page: _Page, node: n.BlockQuote) -> Markup:
    return Markup(f"<blockquote>{blocks(page, node.blocks)}</blockquote>")


def _code_block(page: _Page, node: n.CodeBlock) -> Markup:
    css = f' class="language-{escape(node.language)}"' if node.language else ""
    return Markup(f"<pre><code{css}>{escape(node.text)}</code></pre>")


def _thematic_break(page: _Page, node: n.ThematicBreak) -> Markup:
    return Markup("<hr>")


WIDE_TABLE_COLUMNS = 6


def _table(page: _Page, node: n.Table) -> Markup:
    caption = f"<caption>{escape(node.caption)}</caption>" if node.caption else ""
    shares = node.column_shares()
    columns = (
        ""
        if shares is None
        else "<colgroup>"
        + "".join(f'<col style="width: {100 * share:.1f}%">' for share in shares)
        + "</colgroup>"
    )
    head = _row(page, node.header, node.align, "col")
    # A dense table's cells carry their column's name, so a narrow screen can stack each row
    # as "name: value" lines (document.css) instead of running off the side.
    names = tuple(n.plain_text(c.children) for c in node.header) if node.dense else ()
    body = Markup("").join(
        _row(page, row, node.align, "row" if node.row_headers else None, names) for row in node.rows
    )
    dense = ' class="dense"' if node.dense else ""
    table = f"<table{dense}>{caption}{columns}<thead>{head}</thead><tbody>{body}</tbody></table>"
    if node.dense or len(node.header) > WIDE_TABLE_COLUMNS:
        # A wide table scrolls sideways in its own box instead of running off the page; the
        # box can take the keyboard focus so it can be scrolled without a mouse.
        name = escape(node.caption or label("table", page.document.lang))
        table = (
            f'<div class="table-scroll" role="region" aria-label="{name}" tabindex="0">'
            f"{table}</div>"
        )
    return Markup(table)


def _row(
    page: _Page,
    cells: tuple[n.TableCell, ...],
    align: tuple[n.Alignment, ...],
    scope: str | None,
    names: tuple[str, ...] = (),
) -> Markup:
    """One row; ``scope`` "col" makes every cell a column header, "row" the first a row
    header; ``names``: each column's name, for the data cells' ``data-label``."""
    parts = []
    for index, cell in enumerate(cells):
        where = align[index] if index < len(align) else None
        header = scope == "col" or (scope == "row" and index == 0)
        tag = "th" if header else "td"
        attributes = f' scope="{scope}"' if header else ""
        if not header and index < len(names):
            attributes += f' data-label="{escape(names[index])}"'
        if where:
            attributes += f' class="align-{where}"'
        parts.append(f"<{tag}{attributes}>{inlines(page, cell.children)}</{tag}>")
    return Markup("<tr>" + "".join(parts) + "</tr>")


def _callout(page: _Page, node: n.Callout) -> Markup:
    role, title = escape(node.role), escape(node.label)
    return Markup(
        f'<aside class="callout callout-{role}" aria-label="{title}">'
        f'<p class="callout-label"><strong>{title}</strong></p>'
        f"{blocks(page, node.blocks)}</aside>"
    )


def _figure(page: _Page, node: n.Figure) -> Markup:
    source = _data_uri(node.data, node.mime)
    caption = f"<figcaption>{escape(node.caption)}</figcaption>" if node.caption else ""
    style = f' style="max-width:min(100%,{node.width_cm}cm)"' if node.width_cm else ""
    return Markup(f'<figure><img src="{source}" alt="{escape(node.alt)}"{style}>{caption}</figure>')


def _toc(page: _Page, node: n.TableOfContents) -> Markup:
    """A ``<nav>`` of links to the headings down to ``node.depth``."""
    items = []
    for heading in n.headings(page.document.blocks):
        if heading.level <= node.depth:
            number = f"{escape(heading.number)} " if heading.number else ""
            items.append(
                f'<li class="toc-{heading.level}"><a href="#'
                f'{page.anchors[id(heading)]}">{number}'
                f"{inlines(page, heading.children)}</a></li>"
            )
    title = escape(node.title)
    return Markup(
        f'<nav class="toc" aria-label="{title}"><h2 class="toc-title">{title}</h2>'
        f"<ol>{''.join(items)}</ol></nav>"
    )


def _group(page: _Page, node: n.Group) -> Markup:
    data = "".join(f' data-{escape(key)}="{escape(value)}"' for key, value in node.data)
    return Markup(f'<div class="{escape(node.role)}"{data}>{blocks(page, node.blocks)}</div>')


BLOCKS: dict[str, Callable[[_Page, Any], Markup]] = {
    "heading": _heading,
    "paragraph": _paragraph,
    "bullet_list": _bullet_list,
    "ordered_list": _ordered_list,
    "block_quote": _block_quote,
    "code_block": _code_block,
    "thematic_break": _thematic_break,
    "table": _table,
    "callout": _callout,
    "figure": _figure,
    "toc": _toc,
    "group": _group,
}

# --- inline ----------------------------------------------------------------------------------


def _wrap(tag: str) -> Callable[[_Page, Any], Markup]:
    def render_wrapped(page: _Page, node: Any) -> Markup:
        return Markup(f"<{tag}>{inlines(page, node.children)}</{tag}>")

    return render_wrapped


def _link(page: _Page, node: n.Link) -> Markup:
    text = inlines(page, node.children)
    if not (node.own or clickable(node.target)):
        return text  # javascript:, ms-msdt:, file:, relative paths: printed as their text
    title = f' title="{escape(node.title)}"' if node.title else ""
    return Markup(f'<a href="{escape(node.target)}"{title}>{text}</a>')


def _image(page: _Page, node: n.Image) -> Markup:
    if node.data is None or node.mime is None:
        return Markup(f"[{escape(label('image', page.document.lang))}: {escape(node.alt)}]")
    return Markup(f'<img src="{_data_uri(node.data, node.mime)}" alt="{escape(node.alt)}">')


def _footnote_ref(page: _Page, node: n.FootnoteRef) -> Markup:
    anchor = "" if node.number in page.referenced else f' id="fnref-{node.number}"'
    page.referenced.add(node.number)
    return Markup(
        f'<sup class="footnote-ref"><a href="#fn-{node.number}"{anchor}>{node.number}</a></sup>'
    )


INLINES: dict[str, Callable[[_Page, Any], Markup]] = {
    "text": lambda page, node: escape(node.text),
    "code": lambda page, node: Markup(f"<code>{escape(node.text)}</code>"),
    "softbreak": lambda page, node: Markup("\n"),
    "linebreak": lambda page, node: Markup("<br>\n"),
    "emphasis": _wrap("em"),
    "strong": _wrap("strong"),
    "strikethrough": _wrap("del"),
    "insertion": _wrap("ins"),
    "link": _link,
    "image": _image,
    "footnote_ref": _footnote_ref,
}

# --- footnotes and helpers -----------------------------------------------------------------


def footnotes(page: _Page) -> Markup:
    items = []
    for note in page.document.footnotes:
        back = (
            f' <a href="#fnref-{note.number}" class="footnote-back" '
            f'aria-label="{escape(label("back", page.document.lang))}">↩</a>'
        )
        items.append(f'<li id="fn-{note.number}">{blocks(page, note.blocks)}{back}</li>')
    return Markup("".join(items))


def _data_uri(data: bytes | None, mime: str | None) -> str | None:
    if not data or not mime:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
