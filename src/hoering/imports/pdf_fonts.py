"""Fonts without widths, read with the widths of the standard font they stand for.

A PDF may name one of the 14 standard fonts and leave its widths out (/Widths): the reader
knows them. pdfminer knows them only under their exact names ("Helvetica"), so a font
called "ABCDEF+Helvetica", "Helvetica,Bold", "ArialMT" or nothing at all got the width 0
for every character: each line shrank to a point, pdfminer set it apart as empty, and a
letter with a text layer was refused as a scanned image (issue 21). Such a font is read
with the metrics of its standard font, as PDF readers substitute it; one that names no
standard family with Helvetica's, which keeps the words of a line apart.

Like :mod:`.pdf_limits`, a module of its own so that pdfminer is imported only when a PDF is
read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pdfminer.pdffont import PDFFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import LIT, literal_name

_SUBSET = re.compile(r"^[A-Z]{6}\+")  # a subset's tag: "ABCDEF+Helvetica"
_NOT_FAMILY = re.compile(r"bold|italic|oblique|regular|roman|psmt|mt|ps|[^a-z]")
_FAMILIES = {
    "helvetica": "Helvetica",
    "arial": "Helvetica",  # Arial has Helvetica's widths
    "times": "Times",
    "timesnew": "Times",  # TimesNewRoman, without the "roman" of Times-Roman
    "courier": "Courier",
    "couriernew": "Courier",
}
_STANDARD = {  # (family, bold, italic) -> the standard font's name
    ("Helvetica", False, False): "Helvetica",
    ("Helvetica", True, False): "Helvetica-Bold",
    ("Helvetica", False, True): "Helvetica-Oblique",
    ("Helvetica", True, True): "Helvetica-BoldOblique",
    ("Times", False, False): "Times-Roman",
    ("Times", True, False): "Times-Bold",
    ("Times", False, True): "Times-Italic",
    ("Times", True, True): "Times-BoldItalic",
    ("Courier", False, False): "Courier",
    ("Courier", True, False): "Courier-Bold",
    ("Courier", False, True): "Courier-Oblique",
    ("Courier", True, True): "Courier-BoldOblique",
}
_SIMPLE = ("Type1", "MMType1", "TrueType")  # fonts whose widths are a /Widths array


def standard_name(base_font: str) -> str:
    """The standard font whose widths a font called ``base_font`` has: "ArialMT" →
    "Helvetica", "ABCDEF+Times-BoldItalic" → "Times-BoldItalic"; Helvetica's family for a
    name of no standard family. Symbol and ZapfDingbats stay themselves."""
    name = _SUBSET.sub("", base_font)
    if name in ("Symbol", "ZapfDingbats"):
        return name
    lower = name.lower()
    family = _FAMILIES.get(_NOT_FAMILY.sub("", lower), "Helvetica")
    italic = "italic" in lower or "oblique" in lower
    return _STANDARD[family, "bold" in lower, italic]


class StandardWidthsManager(PDFResourceManager):
    """pdfminer's resource manager, reading a simple font without widths with its standard
    font's."""

    def get_font(self, objid: object, spec: Mapping[str, object]) -> PDFFont:
        return super().get_font(objid, with_standard_widths(spec))


def with_standard_widths(spec: Mapping[str, object]) -> Mapping[str, object]:
    """``spec`` (a font dictionary), named as its standard font when it has no widths."""
    subtype = resolve1(spec.get("Subtype", LIT("Type1")))
    if "Widths" in spec or literal_name(subtype) not in _SIMPLE:
        return spec
    base = resolve1(spec.get("BaseFont"))
    named = str(literal_name(base)) if base is not None else ""
    standard = standard_name(named)
    return spec if standard == named else {**spec, "BaseFont": LIT(standard)}
