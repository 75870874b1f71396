"""Small builders for WordprocessingML elements, children always in schema order.

Word refuses (or "repairs") a file whose ``w:pPr``/``w:rPr``/``w:tblPr`` children are out
of the order the schema prescribes, so every builder here writes them in that order.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass, replace
from typing import Any

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from ..raster import is_svg, svg_to_png

EMU_PER_CM = 360_000
EMU_PER_TWIP = 635
TWIPS_PER_CM = 1440 / 2.54

MONO = {"ascii": "Consolas", "hAnsi": "Consolas", "cs": "Consolas"}
TABLE_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
TABLE_LOOK = {
    "val": "04A0",
    "firstRow": 1,
    "lastRow": 0,
    "firstColumn": 0,
    "lastColumn": 0,
    "noHBand": 0,
    "noVBand": 1,
}
_SPECIAL = re.compile("[\t\r\n]")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@functools.cache
def _name(tag: str) -> tuple[str, dict[str, str]]:
    """Clark name and namespace declaration of a prefixed name (``w:p``), looked up once."""
    prefix = tag.partition(":")[0]
    return qn(tag), {prefix: nsmap[prefix]}


def el(tag: str, attrs: dict[str, str] | None = None, **w_attrs: Any) -> Any:
    """A new element; keyword attributes are in the ``w:`` namespace (``val="x"``)."""
    name, declaration = _name(tag)
    element = oxml_parser.makeelement(name, nsmap=declaration)
    for key, value in (attrs or {}).items():
        element.set(_name(key)[0], str(value))
    for key, value in w_attrs.items():
        element.set(_name(f"w:{key}")[0], str(value))
    return element


def sub(parent: Any, tag: str, attrs: dict[str, str] | None = None, **w_attrs: Any) -> Any:
    """A new element appended to ``parent``."""
    child = el(tag, attrs, **w_attrs)
    parent.append(child)
    return child


def leaf(tag: str, attrs: dict[str, Any] | str | int | None) -> Any | None:
    """``el(tag, **attrs)`` when ``attrs`` is a dict (even empty), else None."""
    return el(tag, **attrs) if isinstance(attrs, dict) else None


def children(tag: str, items: list[Any]) -> Any | None:
    """``tag`` holding those ``items`` that are elements, or None when none are."""
    present = [item for item in items if etree.iselement(item)]
    if not present:
        return None
    parent = el(tag)
    parent.extend(present)
    return parent


def clean(text: str) -> str:
    """``text`` without the control characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


# --- runs ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fmt:
    """Character formatting of a run, turned into a ``w:rPr`` in schema order."""

    style: str | None = None  # character style id: Hyperlink, HTMLCode, FootnoteReference
    mono: bool = False  # monospace without a style (code inside a link)
    bold: bool = False
    italic: bool = False
    strike: bool = False
    color: str | None = None
    size: int | None = None  # half-points
    underline: bool = False
    superscript: bool = False

    def but(self, **changes: Any) -> Fmt:
        return replace(self, **changes)

    def rpr(self) -> Any | None:
        if self == PLAIN:
            return None
        flags = (
            ("w:b", self.bold),
            ("w:bCs", self.bold),
            ("w:i", self.italic),
            ("w:iCs", self.italic),
            ("w:strike", self.strike),
        )
        size = {"val": self.size} if self.size else None
        return children(
            "w:rPr",
            [
                leaf("w:rStyle", self.style and {"val": self.style}),
                leaf("w:rFonts", MONO if self.mono else None),
                *(el(tag) for tag, on in flags if on),
                leaf("w:color", self.color and {"val": self.color}),
                leaf("w:sz", size),
                leaf("w:szCs", size),
                leaf("w:u", {"val": "single"} if self.underline else None),
                leaf("w:vertAlign", {"val": "superscript"} if self.superscript else None),
            ],
        )


PLAIN = Fmt()


def run(parent: Any | None, text: str = "", fmt: Fmt = PLAIN) -> Any:
    """A ``w:r`` with ``text`` appended to ``parent`` (if any); tabs, newlines → w:tab/w:br."""
    r = el("w:r") if parent is None else sub(parent, "w:r")
    rpr = fmt.rpr()
    if rpr is not None:
        r.append(rpr)
    if not text:
        return r
    text = clean(text)
    if _SPECIAL.search(text):
        r.text = text  # python-docx turns tabs and newlines into w:tab / w:br
    else:
        t = sub(r, "w:t")
        t.text = text
        if text != text.strip() or "  " in text:
            t.set(_SPACE, "preserve")
    return r


def field(parent: Any, instruction: str, fmt: Fmt = PLAIN, shown: str = "1") -> Any:
    """A simple field (``PAGE``, ``NUMPAGES``) whose last computed value is ``shown``."""
    fld = sub(parent, "w:fldSimple", instr=f" {instruction} ")
    run(fld, shown, fmt)
    return fld


# --- paragraphs ---------------------------------------------------------------------------


def para(
    parent: Any,
    style: str | None = None,
    *,
    keep_next: bool = False,
    num: tuple[int, int] | None = None,
    border: dict[str, str] | None = None,
    tabs: tuple[tuple[str, int], ...] = (),
    spacing: dict[str, Any] | None = None,
    ind: dict[str, int] | None = None,
    jc: str | None = None,
) -> Any:
    """A ``w:p`` appended to ``parent``; ``num`` is (numId, ilvl), ``border`` side → colour."""
    p = sub(parent, "w:p")
    ppr = children(
        "w:pPr",
        [
            leaf("w:pStyle", style and {"val": style}),
            leaf("w:keepNext", {} if keep_next else None),
            num and children("w:numPr", [el("w:ilvl", val=num[1]), el("w:numId", val=num[0])]),
            border
            and children(
                "w:pBdr",
                [
                    el(f"w:{side}", val="single", sz=6, space=1, color=border[side])
                    for side in TABLE_SIDES[:4]
                    if side in border
                ],
            ),
            tabs and children("w:tabs", [el("w:tab", val=kind, pos=pos) for kind, pos in tabs]),
            leaf("w:spacing", spacing),
            leaf("w:ind", ind),
            leaf("w:jc", jc and {"val": jc}),
        ],
    )
    if ppr is not None:
        p.append(ppr)
    return p


def set_keep_next(p: Any) -> None:
    """Keep paragraph ``p`` on the same page as the next one."""
    ppr = p.get_or_add_pPr()
    if ppr.find(qn("w:keepNext")) is None:
        style = ppr.find(qn("w:pStyle"))
        ppr.insert(0 if style is None else 1, el("w:keepNext"))


# --- tables -------------------------------------------------------------------------------


def table(
    parent: Any,
    widths: list[int],
    *,
    style: str | None = None,
    borders: dict[str, tuple[str, int]] | None = None,
    look: bool = True,
    margins: dict[str, int] | None = None,
    caption: str | None = None,
    fixed: bool = True,
    indent: int = 0,
) -> Any:
    """A ``w:tbl`` with column ``widths`` (twips) and no rows yet; borders side → (colour, sz)."""
    tbl = sub(parent, "w:tbl")
    tbl.append(
        children(
            "w:tblPr",
            [
                leaf("w:tblStyle", style and {"val": style}),
                el("w:tblW", type="dxa", w=sum(widths)),
                leaf("w:tblInd", indent and {"w": indent, "type": "dxa"}),
                None
                if borders is None
                else children(
                    "w:tblBorders",
                    [_border(side, *borders.get(side, ("auto", 0))) for side in TABLE_SIDES],
                ),
                el("w:tblLayout", type="fixed" if fixed else "autofit"),
                margins
                and children(
                    "w:tblCellMar",
                    [
                        el(f"w:{side}", w=margins[side], type="dxa")
                        for side in TABLE_SIDES[:4]
                        if side in margins
                    ],
                ),
                leaf("w:tblLook", TABLE_LOOK if look else None),
                leaf("w:tblCaption", caption and {"val": clean(caption)}),
            ],
        )
    )
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", w=width)
    return tbl


def _border(side: str, color: str, size: int) -> Any:
    if not size:
        return el(f"w:{side}", val="nil")
    return el(f"w:{side}", val="single", sz=size, space=0, color=color)


def row(tbl: Any, *, header: bool = False) -> Any:
    tr = sub(tbl, "w:tr")
    if header:
        sub(sub(tr, "w:trPr"), "w:tblHeader")
    return tr


def cell(tr: Any, width: int, fill: str | None = None) -> Any:
    tc = sub(tr, "w:tc")
    tcpr = sub(tc, "w:tcPr")
    sub(tcpr, "w:tcW", w=width, type="dxa")
    if fill:
        sub(tcpr, "w:shd", val="clear", color="auto", fill=fill)
    return tc


def finish_container(container: Any, *, needs_paragraph: bool) -> None:
    """Keep tables apart (Word merges adjacent ones); end cells and notes with a paragraph."""
    tbl, p = qn("w:tbl"), qn("w:p")
    for child in list(container):
        following = child.getnext()
        if child.tag == tbl and following is not None and following.tag == tbl:
            child.addnext(el("w:p"))
    blocks = [c for c in container if c.tag in (tbl, p)]
    if needs_paragraph and (not blocks or blocks[-1].tag != p):
        container.append(el("w:p"))


# --- pictures -----------------------------------------------------------------------------


def picture(
    ctx: Any,
    data: bytes,
    alt: str,
    max_width: int,
    *,
    width: int | None = None,
    height: int | None = None,
) -> Any | None:
    """A ``w:drawing`` holding the image ``data`` with ``alt`` as its description.

    Sized by ``width`` or ``height`` (EMU, aspect kept), else the image's own size; never
    wider than ``max_width``. An SVG goes in drawn as a PNG. None when the bytes are not an
    image Word can show.
    """
    from docx.oxml.shape import CT_Inline
    from docx.shared import Emu

    if is_svg(data):
        png = svg_to_png(data)
        if png is None:
            return None
        data = png

    try:
        rid, image = ctx.part.get_or_add_image(io.BytesIO(data))
        natural_cx, natural_cy = int(image.width), int(image.height)
    except Exception:  # damaged bytes: python-docx's parsers raise all kinds of errors
        return None
    if not (natural_cx and natural_cy):
        return None
    cx = round(natural_cx * height / natural_cy) if height else width or natural_cx
    cx = min(cx, max_width)
    cy = round(natural_cy * cx / natural_cx)
    shape_id = ctx.state.new_shape_id()
    inline = CT_Inline.new_pic_inline(shape_id, rid, image.filename, Emu(cx), Emu(cy))
    inline.docPr.set("name", f"{ctx.state.image_word} {shape_id}")
    inline.docPr.set("descr", clean(alt))
    drawing = el("w:drawing")
    drawing.append(inline)
    return drawing
