"""Letters laid out with reportlab's canvas: absolute positioning, as many letter systems do.

A tiny flow engine places the body in a column (greedy line breaking, forced breaks for
hyphenation, bold runs, superscript footnote markers) and each layout draws its own
letterhead, sidebar, recipient window, info table, running footer and archive stamp around it.
Pages are laid out first and drawn afterwards, so "Side N af M" knows M.
"""

from __future__ import annotations

import atexit
import io
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LIBERATION = "/usr/share/fonts/truetype/liberation/"
FONT_FILES = {
    "sans": DEJAVU + "DejaVuSans.ttf",
    "sans-b": DEJAVU + "DejaVuSans-Bold.ttf",
    "sans-i": DEJAVU + "DejaVuSans-Oblique.ttf",
    "serif": DEJAVU + "DejaVuSerif.ttf",
    "serif-b": DEJAVU + "DejaVuSerif-Bold.ttf",
    "serif-i": DEJAVU + "DejaVuSerif-Italic.ttf",
    "arial": LIBERATION + "LiberationSans-Regular.ttf",
    "arial-b": LIBERATION + "LiberationSans-Bold.ttf",
    "arial-i": LIBERATION + "LiberationSans-Italic.ttf",
}
WIDTH, HEIGHT = A4
LIGATURES = (
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
)


def register_fonts() -> None:
    for name, path in FONT_FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, unhinted(path)))


def unhinted(path: str) -> str:
    """A copy of the font without hinting and with Latin, bullets and ligatures only: the
    embedded subsets shrink to a third, which keeps the committed PDFs small."""
    import logging

    from fontTools import subset
    from fontTools.ttLib import TTFont as FontFile

    target = _font_folder() / Path(path).name
    if not target.exists():
        logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
        font = FontFile(path)
        options = subset.Options()
        options.hinting, options.layout_features, options.name_IDs = False, [], ["*"]
        options.notdef_outline = True
        keep = [
            c
            for c in font.getBestCmap()
            if c < 0x2200 or 0x25A0 <= c < 0x2600 or 0xFB00 <= c <= 0xFB06
        ]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep)
        subsetter.subset(font)
        font.save(str(target))
    return str(target)


@lru_cache(maxsize=1)
def _font_folder() -> Path:
    """A private folder for this process's subset fonts (a fixed name in the shared temp
    folder could be a link another user planted)."""
    folder = Path(tempfile.mkdtemp(prefix="hoering-corpus-fonts-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def ligate(text: str) -> str:
    for letters, glyph in LIGATURES:
        text = text.replace(letters, glyph)
    return text


@dataclass
class Frame:
    x: float
    top: float
    width: float
    bottom: float


@dataclass
class Sheet:
    """The pages of one letter: body text flowed into frames, then decorations on each page."""

    first: Frame
    rest: Frame
    family: str = "sans"
    size: float = 10.5
    ligatures: bool = False
    pages: list[list[tuple]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def __post_init__(self):
        self.y = self.first.top

    @property
    def frame(self) -> Frame:
        return self.first if len(self.pages) == 1 else self.rest

    def font(self, style: str = "") -> str:
        return self.family + (f"-{style}" if style else "")

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.rest.top

    def skip(self, space: float) -> None:
        self.y -= space

    def put(self, x: float, y: float, text: str, font: str, size: float) -> None:
        self.pages[-1].append((x, y, text, font, size))

    def paragraph(
        self,
        text: str,
        *,
        size: float | None = None,
        style: str = "",
        leading: float | None = None,
        indent: float = 0,
        after: float = 8,
        bullet: str | None = None,
        hang: float = 14,
        notes: dict | None = None,
        keep: int = 2,
    ) -> None:
        """Flow ``text`` (``**bold**``, ``^n^`` footnote markers, ``\\n`` forced breaks,
        ``\\u00ad\\n`` hyphenation) into the column."""
        size = size or self.size
        leading = leading or size * 1.35
        left = indent + (hang if bullet else 0)
        lines = self._lines(text, style, size, self.frame.width - left)
        if self.y - leading * min(keep, len(lines)) < self.frame.bottom:
            self.new_page()
        for number, line in enumerate(lines):
            if self.y - leading < self.frame.bottom:
                self.new_page()
            self.y -= leading
            if bullet and number == 0:
                self.put(self.frame.x + indent, self.y, bullet, self.font(), size)
            self._draw_line(line, self.frame.x + left, size, notes)
        self.y -= after

    def side_by_side(self, left: list[str], right: list[str], gap: float = 230) -> None:
        """Two blocks of lines beside each other (two signatures)."""
        leading = self.size * 1.35
        rows = max(len(left), len(right))
        if self.y - leading * rows < self.frame.bottom:
            self.new_page()
        for row in range(rows):
            self.y -= leading
            for offset, column in ((0, left), (gap, right)):
                if row < len(column):
                    self.put(self.frame.x + offset, self.y, column[row], self.font(), self.size)
        self.y -= 8

    def _draw_line(self, line, x, size, notes) -> None:
        for word, font, sup in line:
            shown = ligate(word) if self.ligatures else word
            if sup:
                self.pages[-1].append((x, self.y + size * 0.35, shown, font, size * 0.6))
                x += pdfmetrics.stringWidth(shown, font, size * 0.6)
                continue
            self.put(x, self.y, shown, font, size)
            x += pdfmetrics.stringWidth(shown, font, size)

    def _tokens(self, text: str, style: str):
        """(word, font, superscript, space_before) for each word piece."""
        bold = False
        for part in re.split(r"(\*\*|\^\d+\^|\n| )", text):
            if part == "**":
                bold = not bold
            elif part in (" ", "\n"):
                yield part, None, False
            elif part.startswith("^") and part.endswith("^") and len(part) > 2:
                yield part.strip("^"), self.font("b" if bold else style), True
            elif part:
                yield part, self.font("b" if bold else style), False

    def _lines(self, text: str, style: str, size: float, width: float):
        lines, line, used, space = [], [], 0.0, False
        for word, font, sup in self._tokens(text, style):
            if word == " ":
                space = True
                continue
            if word == "\n":
                lines.append(line)
                line, used, space = [], 0.0, False
                continue
            piece = ((" " if space and line else "") + word, font, sup)
            w = pdfmetrics.stringWidth(piece[0], font, size * (0.6 if sup else 1))
            if line and used + w > width and not sup:
                lines.append(line)
                piece, w = (word, font, sup), pdfmetrics.stringWidth(word, font, size)
                line, used = [], 0.0
            line.append(piece)
            used += w
            space = False
        lines.append(line)
        return [[(self._soft(w), f, s) for w, f, s in ln] for ln in lines if ln]

    @staticmethod
    def _soft(word: str) -> str:
        return word[:-1] + "-" if word.endswith("\u00ad") else word.replace("\u00ad", "")

    def render(
        self, decorate: Callable, title: str, author: str, before: Callable | None = None
    ) -> bytes:
        """Draw every page: ``before(c, page, total)`` (what comes before the body in the
        content order, as a Word sidebar frame does), the flowed text, then ``decorate``."""
        out = io.BytesIO()
        c = canvas.Canvas(out, pagesize=A4, invariant=1, pageCompression=1)
        c.setTitle(title)
        c.setAuthor(author)
        c.setCreator("corpus reportlab")
        total = len(self.pages)
        for number, items in enumerate(self.pages, start=1):
            if before is not None:
                before(c, number, total)
            for x, y, text, font, size in items:
                c.setFont(font, size)
                c.drawString(x, y, text)
            decorate(c, number, total)
            c.showPage()
        c.save()
        return out.getvalue()


def draw_lines(
    c,
    x: float,
    y: float,
    lines,
    font: str = "sans",
    size: float = 8.5,
    leading: float | None = None,
    right: bool = False,
) -> float:
    """Draw ``lines`` downwards from ``y``; ``(text, font)`` tuples override the font."""
    leading = leading or size * 1.3
    for line in lines:
        text, face = line if isinstance(line, tuple) else (line, font)
        c.setFont(face, size)
        (c.drawRightString if right else c.drawString)(x, y, text)
        y -= leading
    return y


def footnote_area(
    c,
    sheet: Sheet,
    page: int,
    notes: dict,
    bottom: float,
    x: float,
    width: float,
    size: float = 7.5,
) -> None:
    """The footnotes whose markers are on ``page``, above ``bottom``, with a short rule."""
    markers = [m for m in sheet.pages[page - 1] if m[4] < sheet.size * 0.7 and m[2] in notes]
    if not markers:
        return
    texts = [f"{m[2]} {notes[m[2]]}" for m in markers]
    y = bottom + len(texts) * size * 1.4 + 4
    c.setLineWidth(0.5)
    c.line(x, y + 4, x + 120, y + 4)
    for text in texts:
        y -= size * 1.4
        c.setFont(sheet.font(), size)
        c.drawString(x, y, ligate(text) if sheet.ligatures else text)


# ---------------------------------------------------------------------------------------------
# Layouts. Each takes a Letter (content already chosen) and returns the PDF bytes; the recipes
# in make_import_corpus.py choose the content and the features the key records.


def write_body(
    sheet: Sheet,
    letter,
    *,
    heading_size: float = 15,
    svar: bool = False,
    quote_size: float | None = None,
    notes: dict | None = None,
) -> None:
    """Intro, sections (heading, optional "Svar:" line, paragraphs or a list), closing."""
    for text in letter.intro:
        sheet.paragraph(text, notes=notes)
    for section in letter.sections:
        if section.heading:
            sheet.skip(8)
            sheet.paragraph(section.heading, size=heading_size, style="b", after=5, keep=3)
        if svar:
            sheet.paragraph("Svar:", after=3)
        if section.bullet:
            sheet.paragraph(section.paragraphs[0], after=4, notes=notes)
            for item in section.paragraphs[1:]:
                sheet.paragraph(item, bullet=section.bullet, after=3, notes=notes)
            sheet.skip(5)
            continue
        for text in section.paragraphs:
            if text.startswith("> "):
                sheet.paragraph(
                    text[2:],
                    style="i",
                    indent=28,
                    leading=(quote_size or 10) * 2,
                    size=quote_size or 10,
                    after=10,
                )
            else:
                sheet.paragraph(text, notes=notes)


def labelled_list(sheet: Sheet, letter, intro: str, glyph: str) -> None:
    for text in letter.intro:
        sheet.paragraph(text)
    sheet.paragraph(intro, after=4)
    for section in letter.sections:
        sheet.paragraph(f"**{section.label}:** {section.paragraphs[0]}", bullet=glyph, after=5)


def signature(
    sheet: Sheet, letter, greeting: str = "Med venlig hilsen", on_behalf: bool = False
) -> None:
    sheet.skip(6)
    if on_behalf:
        greeting += f"\nPå vegne af {letter.sender.name}"
    sheet.paragraph(greeting, after=22, keep=4)
    name, title = letter.signatory
    sheet.paragraph(f"{name}\n{title}", after=0, keep=2)


def page_number(
    c,
    page: int,
    total: int,
    x: float,
    y: float,
    font: str = "sans",
    size: float = 8,
    right: bool = False,
) -> None:
    c.setFont(font, size)
    text = f"Side {page} af {total}"
    (c.drawRightString if right else c.drawCentredString)(x, y, text)


def sidebar_right(letter, date_text: str) -> bytes:
    s = letter.sender
    sheet = Sheet(Frame(70, 690, 330, 80), Frame(70, 770, 330, 80), ligatures=True)
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    write_body(sheet, letter, heading_size=16)
    signature(sheet, letter)

    def decorate(c, page, total):
        page_number(c, page, total, WIDTH / 2, 40)
        if page > 1:
            return
        c.setFont("sans-b", 17)
        c.drawString(70, 780, s.name)
        c.setFont("sans", 10)
        c.drawString(70, 764, s.department)
        draw_lines(
            c,
            430,
            700,
            [
                (s.name, "sans-b"),
                s.department,
                s.street,
                s.town,
                "",
                f"Tlf. {s.phone}",
                f"www.{s.domain}",
                "",
                "Postadresse:",
                "Postboks 120",
                "7998 Statsservice",
                "",
                f"EAN-nr. {s.ean}",
                f"J.nr. {letter.case_number}",
                "",
                "Åbningstider:",
                "Man-ons 9.00-15.00",
                "Tors 9.00-17.30",
                "Fre 9.00-13.00",
                "",
                ("Dato:", "sans-b"),
                date_text,
            ],
        )

    return sheet.render(decorate, letter.title, s.name)


def sidebar_left(letter, date_text: str) -> bytes:
    s = letter.sender
    sheet = Sheet(Frame(200, 700, 330, 90), Frame(200, 770, 330, 90), family="serif")
    sheet.paragraph(letter.title, size=14, style="b", after=14)
    write_body(sheet, letter, heading_size=14)
    signature(sheet, letter, on_behalf=True)

    def decorate(c, page, total):
        c.setFillGray(0.35)
        draw_lines(c, 40, 120, [f"Side {page} af {total}"], size=8)
        if page == 1:
            c.setFillColorRGB(0.1, 0.3, 0.5)
            draw_lines(c, 40, 790, [(s.name, "sans-b")], size=13)
            c.setFillGray(0.2)
            draw_lines(
                c,
                40,
                700,
                [
                    s.department,
                    "",
                    s.street,
                    s.town,
                    "",
                    f"Tlf. {s.phone}",
                    f"post@{s.domain}",
                    "",
                    f"Sagsnr. {letter.case_number}",
                    f"EAN-nr. {s.ean}",
                    "",
                    date_text,
                ],
                size=8,
            )
        c.setFillGray(0)

    return sheet.render(decorate, letter.title, s.name)


def recipient_window(letter, date_text: str, recipient: list[str]) -> bytes:
    s = letter.sender
    sheet = Sheet(Frame(70, 600, 300, 80), Frame(70, 770, 440, 80), family="arial")
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    write_body(sheet, letter, heading_size=13)
    signature(sheet, letter)
    contact = letter.signatory[0]

    def decorate(c, page, total):
        page_number(c, page, total, WIDTH - 70, 40, right=True)
        if page > 1:
            return
        draw_lines(c, WIDTH - 70, 790, [(s.name, "arial-b")], size=16, right=True)
        draw_lines(c, WIDTH - 70, 772, [s.department], size=9, right=True)
        draw_lines(c, 70, 720, recipient, font="arial", size=10)
        draw_lines(
            c,
            400,
            600,
            [
                ("Dato", "arial-b"),
                date_text,
                "",
                ("Sagsnr.", "arial-b"),
                letter.case_number,
                "",
                ("Kontakt", "arial-b"),
                contact,
                f"Tlf. {s.phone}",
                f"sundhed@{s.domain}",
            ],
            font="arial",
            size=9,
        )

    return sheet.render(decorate, letter.title, s.name)


def two_column_letterhead(letter, date_text: str) -> bytes:
    s = letter.sender
    sheet = Sheet(Frame(70, 700, 455, 90), Frame(70, 760, 455, 90), ligatures=True)
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    write_body(sheet, letter, heading_size=15)
    signature(sheet, letter, greeting="Venlig hilsen")

    def decorate(c, page, total):
        c.setLineWidth(0.6)
        c.line(70, 60, WIDTH - 70, 60)
        draw_lines(c, 70, 48, [f"{s.name} · {s.street} · {s.town} · Tlf. {s.phone}"], size=7)
        page_number(c, page, total, WIDTH - 70, 48, size=7, right=True)
        if page > 1:
            return
        draw_lines(c, 70, 800, [(s.name, "sans-b")], size=15)
        draw_lines(c, 70, 782, [s.department], size=9)
        draw_lines(
            c,
            WIDTH - 70,
            800,
            [s.street, s.town, f"Tlf. {s.phone}", f"www.{s.domain}"],
            size=8,
            right=True,
        )
        c.line(70, 752, WIDTH - 70, 752)
        draw_lines(
            c, WIDTH - 70, 730, [f"{s.town.split(' ', 1)[1]}, {date_text}"], size=9, right=True
        )

    return sheet.render(decorate, letter.title, s.name)


def skema(letter, date_text: str, stamp: str) -> bytes:
    s = letter.sender
    sheet = Sheet(Frame(70, 640, 455, 80), Frame(70, 760, 455, 80))
    sheet.paragraph("Høringsskema", size=18, style="b", after=10)
    write_body(sheet, letter, heading_size=18, svar=True)
    signature(sheet, letter)

    def decorate(c, page, total):
        c.setFillGray(0.4)
        draw_lines(c, 70, 815, [stamp], font="arial-i", size=7)
        c.setFillGray(0)
        page_number(c, page, total, WIDTH / 2, 40)
        if page == 1:
            draw_lines(
                c,
                70,
                760,
                [("Organisation:", "sans-b"), ("Sagsbehandler:", "sans-b"), ("Dato:", "sans-b")],
                size=10,
            )
            draw_lines(c, 180, 760, [s.name, letter.signatory[0], date_text], size=10)
            draw_lines(c, 70, 700, [f"Høringen vedrører: {letter.title}"], size=9)

    return sheet.render(decorate, letter.title, s.name)


def labelled(letter, date_text: str, intro: str, glyph: str) -> bytes:
    s = letter.sender
    sheet = Sheet(Frame(80, 690, 430, 80), Frame(80, 770, 430, 80), family="serif")
    labelled_list(sheet, letter, intro, glyph)
    signature(sheet, letter)

    def decorate(c, page, total):
        draw_lines(c, WIDTH - 80, 40, [f"{page}/{total}"], size=8, right=True)
        if page == 1:
            draw_lines(c, 80, 790, [(s.name.upper(), "serif-b")], size=12)
            draw_lines(c, 80, 774, [s.department, f"{s.street}, {s.town}"], size=8)
            draw_lines(c, WIDTH - 80, 740, [date_text], size=10, right=True)
            draw_lines(c, 80, 715, [(letter.title, "serif-b")], size=12)

    return sheet.render(decorate, letter.title, s.name)


def plain_letter(letter, place_date: str, footer: bool = True) -> bytes:
    """A letter without headings: name and address at the top, date line, the text."""
    s = letter.sender
    sheet = Sheet(Frame(72, 660, 450, 90), Frame(72, 770, 450, 90), family="serif", size=11)
    sheet.paragraph(letter.title, size=12, style="b", after=12)
    write_body(sheet, letter)
    signature(sheet, letter, on_behalf=True)

    def decorate(c, page, total):
        if footer:
            draw_lines(c, 72, 50, [f"{s.name} | {s.street} | {s.town} | EAN-nr. {s.ean}"], size=7)
            page_number(c, page, total, WIDTH - 72, 50, size=7, right=True)
        if page == 1:
            draw_lines(c, 72, 790, [(s.name, "serif-b"), s.department], size=11)
            draw_lines(c, WIDTH - 72, 700, [place_date], font="serif", size=11, right=True)

    return sheet.render(decorate, letter.title, s.name)


def running_header(letter, date_text: str) -> bytes:
    s = letter.sender
    sheet = Sheet(Frame(70, 680, 455, 80), Frame(70, 760, 455, 80), family="arial", size=10)
    sheet.paragraph(letter.title, size=14, style="b", after=12)
    write_body(sheet, letter, heading_size=15)
    signature(sheet, letter)

    def decorate(c, page, total):
        if page > 1:
            draw_lines(c, 70, 800, [f"Høringssvar fra {s.name}"], font="arial", size=8)
            page_number(c, page, total, WIDTH - 70, 800, font="arial", right=True)
        else:
            draw_lines(c, 70, 790, [(s.name, "arial-b"), s.department], size=12)
            draw_lines(
                c,
                WIDTH - 70,
                790,
                [date_text, f"Sagsnr. {letter.case_number}"],
                font="arial",
                size=9,
                right=True,
            )
            page_number(c, page, total, WIDTH - 70, 40, font="arial", right=True)

    return sheet.render(decorate, letter.title, s.name)


def email(
    letter,
    sent: str,
    to: str,
    subject: str,
    quoted: list[str] | None,
    sender_address: str,
    labels=("Fra:", "Sendt:", "Til:", "Emne:"),
    greeting: str = "Venlig hilsen",
) -> bytes:
    """An Outlook message printed to PDF, optionally with the quoted message below."""
    s = letter.sender
    sheet = Sheet(Frame(60, 690, 475, 60), Frame(60, 780, 475, 60), family="arial", size=10.5)
    for text in letter.extra_required[:1]:
        sheet.paragraph(text)
    write_body(sheet, letter)
    name, title = letter.signatory
    sheet.paragraph(greeting, after=10)
    sheet.paragraph(f"{name}\n{title}\n{s.name}, {s.department}\nTlf. {s.phone}", after=14)
    if quoted:
        sheet.paragraph("_" * 60, size=8, after=6)
        for line in quoted:
            sheet.paragraph(line, after=2 if line.split(":")[0] in ("Fra", "Sendt", "Til") else 6)

    def decorate(c, page, total):
        draw_lines(c, WIDTH - 60, 30, [f"{page}"], font="arial", size=8, right=True)
        if page > 1:
            return
        draw_lines(c, 60, 800, [(to.split(" <")[0], "arial-b")], size=13)
        c.line(60, 792, WIDTH - 60, 792)
        draw_lines(c, 60, 770, [(label, "arial-b") for label in labels], size=10)
        draw_lines(
            c, 120, 770, [f"{name} <{sender_address}>", sent, to, subject], font="arial", size=10
        )

    return sheet.render(decorate, subject, s.name)


def footnoted(letter, date_text: str, notes: dict) -> bytes:
    """Headings, footnotes at the page foot (markers raised), an indented quotation."""
    s = letter.sender
    sheet = Sheet(Frame(70, 690, 455, 125), Frame(70, 770, 455, 125), ligatures=True)
    sheet.paragraph(letter.title, size=14, style="b", after=12)
    write_body(sheet, letter, heading_size=14, quote_size=10, notes=notes)
    signature(sheet, letter)

    def decorate(c, page, total):
        footnote_area(c, sheet, page, notes, 72, 70, 455)
        page_number(c, page, total, WIDTH / 2, 40)
        if page == 1:
            draw_lines(c, 70, 790, [(s.name, "sans-b")], size=16)
            draw_lines(c, 70, 772, [s.department], size=9)
            draw_lines(
                c, WIDTH - 70, 790, [date_text, f"J.nr. {letter.case_number}"], size=9, right=True
            )

    return sheet.render(decorate, letter.title, s.name)


def sidebar_every_page(letter, date_text: str) -> bytes:
    """A long letter with the sidebar (and the page number in it) on every page."""
    s = letter.sender
    sheet = Sheet(Frame(60, 740, 360, 70), Frame(60, 780, 360, 70), family="arial", size=10)
    sheet.paragraph(letter.title, size=14, style="b", after=12)
    write_body(sheet, letter, heading_size=13)
    signature(sheet, letter, on_behalf=True)

    def decorate(c, page, total):
        c.setFillColorRGB(0.93, 0.93, 0.93)
        c.rect(445, 0, WIDTH - 445, HEIGHT, stroke=0, fill=1)
        c.setFillGray(0)
        draw_lines(
            c,
            460,
            790,
            [
                (s.name, "arial-b"),
                s.department,
                "",
                s.street,
                s.town,
                f"Tlf. {s.phone}",
                f"www.{s.domain}",
                "",
                f"Sagsnr. {letter.case_number}",
                date_text,
                "",
                f"Side {page} af {total}",
            ],
            font="arial",
            size=8,
        )

    return sheet.render(decorate, letter.title, s.name)


def bold_body_headings(letter, date_text: str, top: list[str], glyphs=("⁃", "*")) -> bytes:
    """Headings in bold at the body's size, a top block of 'Label: value' lines, lists."""
    s = letter.sender
    sheet = Sheet(Frame(70, 650, 455, 80), Frame(70, 770, 455, 80), size=10.5)
    sheet.paragraph(letter.title, size=12, style="b", after=10)
    for text in letter.intro:
        sheet.paragraph(text)
    for number, section in enumerate(letter.sections):
        sheet.skip(4)
        sheet.paragraph(section.heading, style="b", after=3, keep=3)
        if section.bullet:
            sheet.paragraph(section.paragraphs[0], after=3)
            for item in section.paragraphs[1:]:
                sheet.paragraph(item, bullet=glyphs[number % len(glyphs)], after=2)
            sheet.skip(4)
            continue
        for text in section.paragraphs:
            sheet.paragraph(text)
    signature(sheet, letter)

    def decorate(c, page, total):
        page_number(c, page, total, WIDTH / 2, 40)
        if page == 1:
            draw_lines(c, 70, 790, [(s.name, "sans-b")], size=14)
            draw_lines(c, 70, 740, top, size=9.5)
            draw_lines(c, WIDTH - 70, 740, [date_text], size=9.5, right=True)

    return sheet.render(decorate, letter.title, s.name)


def date_at_end(letter, place_date: str, second: tuple[str, str]) -> bytes:
    """No date at the top; two signatures side by side, the date line under them."""
    s = letter.sender
    sheet = Sheet(Frame(75, 700, 445, 80), Frame(75, 770, 445, 80), size=10.5)
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    write_body(sheet, letter, heading_size=14)
    sheet.skip(6)
    sheet.paragraph(f"Med venlig hilsen\nPå vegne af {s.name}", after=26, keep=6)
    sheet.side_by_side(list(letter.signatory), list(second))
    sheet.skip(10)
    sheet.paragraph(place_date, after=0)

    def decorate(c, page, total):
        page_number(c, page, total, WIDTH - 75, 40, right=True)
        if page == 1:
            draw_lines(c, 75, 790, [(s.name, "sans-b")], size=15)
            draw_lines(c, 75, 773, [s.department, f"{s.street} · {s.town}"], size=8.5)

    return sheet.render(decorate, letter.title, s.name)
