"""Block nodes → paragraphs and tables: one small function per ``kind`` (BLOCK_RENDERERS)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from docx.oxml.ns import qn

from ...model import nodes
from ..columns import table_shares
from .context import TEXT_WIDTH_TWIPS, Context
from .inlines import hyperlink, image_run, inlines
from .xml import (
    EMU_PER_CM,
    EMU_PER_TWIP,
    Fmt,
    cell,
    finish_container,
    para,
    row,
    run,
    set_keep_next,
    sub,
    table,
)

HEADING_STYLES = ("Heading1", "Heading2", "Heading3")
BULLET_STYLES = ("ListBullet", "ListBullet2", "ListBullet3")
NUMBER_STYLES = ("ListNumber", "ListNumber2", "ListNumber3")
CONTINUE_STYLES = ("ListContinue", "ListContinue2", "ListContinue3")
CHECKBOXES = {False: "☐ ", True: "☒ "}
TABLE_STYLE = "TableGrid"
HEADER_FILL = "DCE6F1"
CALLOUT_COLOURS = {"decision": ("2E7D32", "EDF5EE"), "warning": ("9C5700", "FFF4E0")}
DEFAULT_CALLOUT = ("2F5496", "EAF0F8")  # (left rule and label, background)
CALLOUT_PADDING = {"top": 113, "left": 198, "bottom": 57, "right": 198}
DENSE_PADDING = {"left": 57, "right": 57}  # 1 mm: many narrow columns keep their words whole
DENSE_SIZE = 8.5  # points
TEXT_CELL = (11, 2 * 108)  # the text's size in points, Word's cell margins (twips) together
TWIPS_PER_POINT = 20


def blocks(ctx: Context, children: Iterable[nodes.Block]) -> None:
    """Append the paragraphs and tables for ``children`` to ``ctx.out``."""
    for node in children:
        renderer = BLOCK_RENDERERS.get(node.kind)
        if renderer is None:
            raise ValueError(f"DOCX: no renderer for block node kind {node.kind!r}")
        renderer(ctx, node)


def _heading(ctx: Context, node: nodes.Heading) -> None:
    p = para(ctx.out, HEADING_STYLES[min(max(node.level, 1), 3) - 1])
    mark = ctx.state.marks.get(id(node))
    if mark is not None:
        sub(p, "w:bookmarkStart", id=mark, name=bookmark(mark))
    if node.number:
        run(p, f"{node.number} ")
    inlines(ctx, p, node.children)
    if mark is not None:
        sub(p, "w:bookmarkEnd", id=mark)


def bookmark(mark: int) -> str:
    """A heading's bookmark; Word hides the names that start with "_" (as its own _Toc…)."""
    return f"_Toc{mark}"


def _paragraph(ctx: Context, node: nodes.Paragraph) -> None:
    inlines(ctx, para(ctx.out, ctx.style, keep_next=node.keep_with_next), node.children)


def _bullet_list(ctx: Context, node: nodes.BulletList) -> None:
    _items(ctx, node.items, BULLET_STYLES, None)


def _ordered_list(ctx: Context, node: nodes.OrderedList) -> None:
    style = NUMBER_STYLES[min(ctx.depth, 2)]
    _items(ctx, node.items, NUMBER_STYLES, ctx.state.restart_numbering(style, node.start))


def _items(
    ctx: Context, items: Iterable[nodes.ListItem], styles: tuple[str, ...], num_id: int | None
) -> None:
    """List paragraphs; task items in bullet lists show their box instead of a bullet."""
    level = min(ctx.depth, 2)
    inner = ctx.inside(depth=ctx.depth + 1, style=CONTINUE_STYLES[level])
    for item in items:
        task = item.checked is not None
        style = CONTINUE_STYLES[level] if task and num_id is None else styles[level]
        p = para(ctx.out, style, num=(num_id, 0) if num_id else None)
        if task:
            run(p, CHECKBOXES[bool(item.checked)])
        rest = item.blocks
        if rest and isinstance(rest[0], nodes.Paragraph):
            inlines(ctx, p, rest[0].children)
            if rest[0].keep_with_next:
                set_keep_next(p)
            rest = rest[1:]
        blocks(inner, rest)


def _block_quote(ctx: Context, node: nodes.BlockQuote) -> None:
    blocks(ctx.inside(style="Quote"), node.blocks)


def _code_block(ctx: Context, node: nodes.CodeBlock) -> None:
    run(para(ctx.out, "Code"), node.text.rstrip("\n"))


def _thematic_break(ctx: Context, node: nodes.ThematicBreak) -> None:
    para(ctx.out, border={"bottom": "A6A6A6"})


def _table(ctx: Context, node: nodes.Table) -> None:
    widths = [int(TEXT_WIDTH_TWIPS * share) for share in _shares(node)]
    if node.caption:
        run(para(ctx.out, "Caption", keep_next=True), node.caption)
    tbl = table(
        ctx.out,
        widths,
        style=TABLE_STYLE,
        caption=node.caption,
        fixed=False,
        margins=DENSE_PADDING if node.dense else None,
    )
    fmt = Fmt(size=round(DENSE_SIZE * 2)) if node.dense else Fmt()  # in half-points
    _table_row(ctx, tbl, node.header, node.align, widths, fmt.but(bold=True), header=True)
    for cells in node.rows:
        _table_row(ctx, tbl, cells, node.align, widths, fmt, row_header=node.row_headers)


def _shares(node: nodes.Table) -> tuple[float, ...]:
    """The columns' shares of the text width: the table's own (equal ones when it gives
    none, or rows are longer than its header), widened where a word would not fit."""
    size, padding = (DENSE_SIZE, sum(DENSE_PADDING.values())) if node.dense else TEXT_CELL
    return table_shares(node, TEXT_WIDTH_TWIPS, size * TWIPS_PER_POINT, padding)


def _table_row(
    ctx: Context,
    tbl: Any,
    cells: tuple[nodes.TableCell, ...],
    align: tuple[nodes.Alignment, ...],
    widths: list[int],
    fmt: Fmt,
    header: bool = False,
    row_header: bool = False,
) -> None:
    tr = row(tbl, header=header)
    for index, width in enumerate(widths):
        tc = cell(tr, width, HEADER_FILL if header else None)
        p = para(tc, jc=align[index] if index < len(align) else None)
        if index < len(cells):
            inner = ctx.inside(tc, style=None, width=width * EMU_PER_TWIP)
            bold = fmt.bold or (row_header and index == 0)
            inlines(inner, p, cells[index].children, fmt.but(bold=bold))


def _callout(ctx: Context, node: nodes.Callout) -> None:
    """A one-cell table with a coloured rule on the left, its label in bold on top."""
    rule, fill = CALLOUT_COLOURS.get(node.role, DEFAULT_CALLOUT)
    tbl = table(
        ctx.out,
        [TEXT_WIDTH_TWIPS],
        borders={"left": (rule, 24)},
        look=False,
        margins=CALLOUT_PADDING,
        caption=node.label,
        indent=CALLOUT_PADDING["left"],
    )
    tc = cell(row(tbl), TEXT_WIDTH_TWIPS, fill)  # box flush with the margins (Word 2010 mode)
    run(para(tc, keep_next=True), node.label, Fmt(bold=True, color=rule))
    style = "FootnoteText" if ctx.in_note else None
    blocks(ctx.inside(tc, style=style, depth=0), node.blocks)
    finish_container(tc, needs_paragraph=True)


def _figure(ctx: Context, node: nodes.Figure) -> None:
    """The picture (its alt text as the description), the caption below it."""
    p = para(ctx.out, keep_next=bool(node.caption))
    width = round(node.width_cm * EMU_PER_CM) if node.width_cm else None
    image_run(ctx, p, node.data, node.mime, node.alt, width)
    if node.caption:
        run(para(ctx.out, "Caption"), node.caption)


def _toc(ctx: Context, node: nodes.TableOfContents) -> None:
    """The headings down to ``depth``, each a link to its heading and a PAGEREF field for
    its page number.

    Not a TOC field: LibreOffice shows a TOC field's stored text and Word refreshes one only
    after asking ("This document contains fields that may refer to other files …"), so
    neither shows page numbers unasked. A PAGEREF field outside a TOC field LibreOffice
    computes as it lays out the pages; Word computes it when fields are updated (F9, or
    printing), without asking. No page number is stored: the Word pages are not the PDF's,
    so a number from our own layout could be wrong.
    """
    run(para(ctx.out, "TOCHeading", keep_next=True), node.title)
    for heading in nodes.headings(ctx.state.document.blocks):
        if heading.level > node.depth:
            continue
        mark = ctx.state.marks[id(heading)]
        p = para(ctx.out, f"TOC{min(heading.level, 3)}", tabs=(("right", TEXT_WIDTH_TWIPS),))
        p.find(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}").set(qn("w:leader"), "dot")
        number = f"{heading.number} " if heading.number else ""
        run(hyperlink(ctx, p, f"#{bookmark(mark)}"), number + nodes.plain_text(heading.children))
        run(p, "\t")
        _page_reference(p, bookmark(mark))


def _page_reference(p: Any, name: str) -> None:
    """A PAGEREF field: the page ``name``'s bookmark is on."""
    sub(run(p), "w:fldChar", fldCharType="begin")
    instruction = sub(run(p), "w:instrText")
    instruction.text = f" PAGEREF {name} \\h "
    instruction.set(qn("xml:space"), "preserve")
    sub(run(p), "w:fldChar", fldCharType="separate")
    sub(run(p), "w:fldChar", fldCharType="end")


def _group(ctx: Context, node: nodes.Group) -> None:
    blocks(ctx, node.blocks)


# Each function takes its own node class; the table is looked up by the node's kind.
BLOCK_RENDERERS: dict[str, Callable[[Context, Any], None]] = {
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
