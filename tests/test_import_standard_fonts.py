"""Received PDFs whose text is in a standard font without widths (/Widths left out, as the
PDF standard allows for its 14 fonts): the words are read whole and apart.

pdfminer knew such a font only under its exact name ("Helvetica"); named as producers name
it ("ABCDEF+Helvetica", "Helvetica,Bold", "ArialMT", or not at all) every character had the
width 0, each line shrank to a point and was set apart, and the letter was refused as a
scanned image (issue 21). The pages here place every word on its own, with no space
character between them, where the standard font's widths put it: only right widths read
them as the sentences they are."""

from __future__ import annotations

import pikepdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from conftest import EXAMPLE_HEARING, snapshot
from hoering.imports.pdf import read_pdf
from hoering.imports.safety import Limits

HEARING = "consultations/" + EXAMPLE_HEARING
LINES = [
    "Høringssvar fra Testby Kommune",
    "Vi har ingen bemærkninger til udkastet om æblerne ved åen.",
    "Med venlig hilsen Søren Ærø",
]
SIZE = 11


def _word(word: str) -> bytes:
    text = word.encode("cp1252")
    return b"(" + text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _page_text(metrics: str) -> bytes:
    """Every word shown on its own at the place ``metrics``' widths give it."""
    space = stringWidth(" ", metrics, SIZE)
    out = [b"BT /F1 %d Tf" % SIZE]
    for number, line in enumerate(LINES):
        x = 72.0
        for word in line.split(" "):
            out.append(b"1 0 0 1 %.3f %d Tm %s Tj" % (x, 760 - 24 * number, _word(word)))
            x += stringWidth(word, metrics, SIZE) + space
    return b"\n".join([*out, b"ET"])


def _letter(base_font: str | None, subtype: str, metrics: str) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name("/" + subtype),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )
    if base_font is not None:
        font.BaseFont = pikepdf.Name("/" + base_font)
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    page.Contents = pdf.make_stream(_page_text(metrics))
    return pdf


FONTS = {  # the font's name in the PDF, its kind, the standard font whose widths it has
    "Helvetica": ("Helvetica", "Type1", "Helvetica"),  # read right before, too
    "subset tag": ("ABCDEF+Helvetica", "Type1", "Helvetica"),
    "Windows style": ("Helvetica,Bold", "TrueType", "Helvetica-Bold"),
    "Arial": ("ArialMT", "TrueType", "Helvetica"),
    "Arial bold": ("Arial-BoldMT", "TrueType", "Helvetica-Bold"),
    "Times New Roman": ("TimesNewRomanPSMT", "TrueType", "Times-Roman"),
    "Courier New italic": ("CourierNewPS-ItalicMT", "TrueType", "Courier-Oblique"),
    "no name": (None, "Type1", "Helvetica"),
}


@pytest.mark.parametrize("font", FONTS.values(), ids=list(FONTS))
def test_words_in_a_standard_font_without_widths_are_read_whole_and_apart(tmp_path, font):
    base_font, subtype, metrics = font
    path = tmp_path / "svar.pdf"
    _letter(base_font, subtype, metrics).save(path)
    pdf = pikepdf.open(path)
    assert "/Widths" not in pdf.pages[0].Resources.Font.F1
    assert [line.text for line in read_pdf(path, Limits()).lines] == LINES


def test_a_letter_in_arial_without_widths_is_imported_not_refused_as_scanned(
    cli, project, bare_hearing
):
    received = project / "svar.pdf"
    _letter("ArialMT", "TrueType", "Helvetica").save(received)
    original = received.read_bytes()
    result = cli("import", "--hearing", HEARING, "svar.pdf")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "OCR" not in result.output
    (source,) = (bare_hearing / "responses").glob("testby*.md")
    text = source.read_text("utf-8")
    assert "Vi har ingen bemærkninger til udkastet om æblerne ved åen." in text
    assert received.read_bytes() == original


def test_a_page_without_text_is_still_refused_as_scanned(cli, project, bare_hearing):
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    pdf.save(project / "scan.pdf")
    before = snapshot(project)
    result = cli("import", "--hearing", HEARING, "scan.pdf")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "Fejl: scan.pdf: har ingen tekst: den er et indscannet billede og skal først have "
        "tekstgenkendelse (OCR) (kør først tekstgenkendelse (OCR) på den, fx 'ocrmypdf "
        "ind.pdf ud.pdf', og indlæs så resultatet)"
    )
    assert snapshot(project) == before
