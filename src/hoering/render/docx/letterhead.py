"""The organisation's paper: A4 page, headers, footers with page numbers, the info block.

First page: logo (PNG/JPEG, or SVG drawn as PNG: python-docx cannot embed SVG; without a
logo the organisation's name in large type), organisation and department at the top right; the
recipient at the top left of the body beside the info block (Dato, Sagsnr., …). Later pages:
a small header with organisation and title. Every footer: the address lines and
"Side X af Y" from real PAGE and NUMPAGES fields.
"""

from __future__ import annotations

from typing import Any

from docx.shared import Cm, Twips

from ...i18n import page_label
from ...model import Document, InfoItem
from ...model.links import clickable
from ..columns import REGULAR, SLACK, widest_word, word_ems
from .context import (
    MARGIN_LEFT_CM,
    MARGIN_RIGHT_CM,
    PAGE_HEIGHT_CM,
    PAGE_WIDTH_CM,
    TEXT_WIDTH_TWIPS,
    Context,
    State,
)
from .inlines import hyperlink
from .xml import (
    EMU_PER_CM,
    TWIPS_PER_CM,
    Fmt,
    cell,
    field,
    finish_container,
    para,
    picture,
    row,
    run,
    table,
)

GREY = "595959"  # 7:1 on white
LOGOS = ("image/png", "image/jpeg", "image/svg+xml")
LOGO_HEIGHT = round(1.5 * EMU_PER_CM)
INFO_WIDTH = round(6.8 * TWIPS_PER_CM)
LABEL_TAB = round(2.6 * TWIPS_PER_CM)
LABEL_GAP = round(0.2 * TWIPS_PER_CM)
INFO_SIZE = 17  # half-points
SMALLEST = 12  # half-points: a long e-mail address is set no smaller than 6 pt
TIGHT = {"after": 0, "line": 240, "lineRule": "auto"}
SMALL = Fmt(size=16, color=GREY)


def apply(state: State) -> None:
    """Page size and margins, and the first-page and later-page headers and footers."""
    section = state.word.sections[0]
    section.page_width = Twips(round(PAGE_WIDTH_CM * TWIPS_PER_CM))
    section.page_height = Twips(round(PAGE_HEIGHT_CM * TWIPS_PER_CM))
    section.left_margin, section.right_margin = Cm(MARGIN_LEFT_CM), Cm(MARGIN_RIGHT_CM)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    section.different_first_page_header_footer = True
    _first_header(_story(state, section.first_page_header), state.document)
    _later_header(_story(state, section.header), state.document)
    for footer in (section.first_page_footer, section.footer):
        _footer(_story(state, footer), state.document)


def _story(state: State, header_or_footer: Any) -> Context:
    header_or_footer.is_linked_to_previous = False
    part = header_or_footer.part
    for child in list(part.element):
        part.element.remove(child)
    return Context(state, part.element, part)


def _first_header(ctx: Context, document: Document) -> None:
    letterhead = document.letterhead
    p = para(ctx.out, "Header", jc="left")
    logo = None
    if letterhead.logo and letterhead.logo_mime in LOGOS:
        logo = picture(
            ctx, letterhead.logo, f"{letterhead.organisation} logo", ctx.width, height=LOGO_HEIGHT
        )
    if logo is not None:
        run(p).append(logo)
        p = para(ctx.out, "Header", jc="left", spacing={"before": 80})
    run(p, letterhead.organisation, Fmt(bold=True, size=24 if logo is not None else 36))
    if letterhead.department:
        run(para(ctx.out, "Header", jc="left"), letterhead.department, Fmt(size=20, color=GREY))


def _later_header(ctx: Context, document: Document) -> None:
    run(para(ctx.out, "Header"), document.letterhead.organisation, SMALL.but(bold=True))
    run(para(ctx.out, "Header", border={"bottom": "BFBFBF"}), document.title, SMALL)


def _footer(ctx: Context, document: Document) -> None:
    page, of = page_label(document.lang)
    p = para(ctx.out, "Footer", jc="right", spacing={"after": 60})
    run(p, f"{page} ", SMALL)
    field(p, "PAGE", SMALL)
    run(p, f" {of} ", SMALL)
    field(p, "NUMPAGES", SMALL)
    for index, line in enumerate(document.letterhead.footer_lines):
        border = {"top": "BFBFBF"} if index == 0 else None
        run(para(ctx.out, "Footer", jc="center", border=border), line, SMALL.but(size=15))


def info_block(ctx: Context) -> None:
    """Recipient on the left, the info rows (label, tab, value) on the right."""
    document = ctx.state.document
    if not (document.recipient or document.info):
        return
    widths = [TEXT_WIDTH_TWIPS - INFO_WIDTH, INFO_WIDTH]
    tr = row(table(ctx.out, widths, borders={}, look=False, margins={"left": 0, "right": 0}))
    recipient, info = cell(tr, widths[0]), cell(tr, widths[1])
    for line in document.recipient:
        run(para(recipient, spacing=TIGHT), line)
    tab = _label_tab(document.info)
    for item in document.info:
        _info_row(ctx, info, item, tab)
    finish_container(recipient, needs_paragraph=True)
    finish_container(info, needs_paragraph=True)


def _info_row(ctx: Context, tc: Any, item: InfoItem, tab: int) -> None:
    """Label, tab, value; a wrapped value stays in the value column; links are hyperlinks,
    set smaller when they would not fit on one line (an e-mail address never breaks)."""
    p = para(tc, tabs=(("left", tab),), spacing=TIGHT, ind={"left": tab, "hanging": tab})
    run(p, f"{item.label}\t", Fmt(bold=True, size=INFO_SIZE))
    if not (item.link and clickable(item.link)):
        run(p, item.value, Fmt(size=INFO_SIZE))
        return
    size = _fitting_size(item.value, INFO_WIDTH - tab)
    if size is None:  # too long beside the label: on a line of its own, the column's width
        p = para(tc, spacing=TIGHT)
        size = _fitting_size(item.value, INFO_WIDTH) or SMALLEST
    run(hyperlink(ctx, p, item.link), item.value, Fmt(style="Hyperlink", size=size))


def _label_tab(items: tuple[InfoItem, ...]) -> int:
    """Where the values start: after the widest label ("Sagsbehandler"), at least LABEL_TAB."""
    widest = widest_word((item.label, True) for item in items)
    return max(LABEL_TAB, round(widest * INFO_SIZE / 2 * 20 * SLACK) + LABEL_GAP)


def _fitting_size(value: str, room: int) -> int | None:
    """The size (half-points) at which ``value`` fits ``room`` twips on one line, None when
    it would have to be smaller than SMALLEST."""
    needed = word_ems(value) * REGULAR * INFO_SIZE / 2 * 20 * SLACK  # all of it, on one line
    size = INFO_SIZE if needed <= room else int(INFO_SIZE * room / needed)
    return size if size >= SMALLEST else None
