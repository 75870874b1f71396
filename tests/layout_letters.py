"""Letters laid out as real ones are, with reportlab, for the ledger and layout tests: a
sidebar letterhead drawn before the body in the PDF's content order, the archive stamp
Folketinget prints on page 1, the authority's address in the recipient window, and a date in
the right margin beside "Side N af M" on every page. The wording is our own."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
WIDTH, HEIGHT = A4
LEFT, COLUMN = 70.0, 330.0  # the body's column: left edge and width
SIDEBAR_X, MARGIN_X = 430.0, 470.0
SIZE, LEADING = 10.5, 14.0

SIDEBAR = [
    "Nordvest Vandråd",
    "Havnegade 4",
    "7400 Herning",
    "Telefon 96 12 34 00",
    "EAN-nr. 5798000123456",
    "J.nr. 24-0815",
    "Åbningstid - reception",
    "Mandag-torsdag 9-15",
]
STAMP = ["Sundhedsudvalget 2024-25", "L 99 Bilag 3", "Offentligt"]
RECIPIENT = ["Region Hovedstaden", "Kongens Vænge 2", "3400 Hillerød"]
# the sender's own return address, printed in small type in the window above the recipient
RETURN_ADDRESS = "Afs.: Nordvest Vandråd, Havnegade 4, 7400 Herning"
MARGIN_DATE = "3. marts 2025"
# page 1 opens with running text; its first section heading comes after it
OPENING = (
    "Vandrådet takker for muligheden for at kommentere udkastet til samarbejdsaftalen. Rådet "
    "mødes hver måned med borgere, som har været indlagt, og kender derfor de svære overgange "
    "mellem hospital og hjem, som aftalen handler om. Vores medlemmer peger især på den første "
    "uge efter udskrivningen, hvor mange står alene med medicin, aftaler og breve."
)
SECOND = (
    "Rådet har samlet sine bemærkninger i tre afsnit nedenfor. De bygger på samtaler med "
    "pårørende og frivillige i foreningens lokalafdelinger i hele regionen gennem det seneste "
    "halve år, og de er drøftet på bestyrelsens møde i februar."
)
SECTIONS = [
    (
        "Bemærkninger til udskrivningen",
        "Vi foreslår, at en fast kontaktperson følger borgeren den første uge hjemme. Når "
        "borgeren skal tilbage i eget hjem, bør kommunen have besked i god tid, så hjælpen er "
        "på plads fra første dag. Vi har oplevet, at besked om udskrivning kom samme dag, og "
        "at ingen kunne tage imod borgeren. Det skaber utryghed for både borger og pårørende, "
        "og det kan føre til en ny indlæggelse inden for kort tid.",
    ),
    (
        "Bemærkninger til netværksmøderne",
        "Netværksmøder virker, når alle parter deltager og møderne holdes tidligt i forløbet. "
        "Vi anbefaler, at borgerens egne ønsker skrives ind i planen, og at planen sendes til "
        "borgeren på et sprog, der er til at forstå. Møderne bør kunne holdes som videomøder, "
        "så afstand ikke er en grund til at blive væk. En kort skriftlig opsamling efter hvert "
        "møde vil hjælpe de pårørende med at huske, hvem der gør hvad.",
    ),
    (
        "Bemærkninger til ledsagelse",
        "Mange borgere har brug for følgeskab til behandling de første gange. Vi er bekymrede "
        "for, at ledsagelse falder mellem to stole, fordi ingen part har ansvaret for den. "
        "Aftalen bør sige klart, hvem der ledsager, og hvordan udgiften fordeles mellem region "
        "og kommune. Frivillige kan hjælpe, men de kan ikke bære opgaven alene.",
    ),
]
CLOSING = ["Med venlig hilsen", "Birthe Holm", "Formand"]


@dataclass
class Layout:
    """Which real-letter features a letter has."""

    sidebar_first: bool = True  # the sidebar drawn before the body in content order
    stamp: bool = True
    recipient: bool = True
    margin_date: bool = True
    repeat_sections: int = 2  # each section twice: five pages or so
    page_lines: float = 26.0  # lines of body a page holds
    extra: list[str] = field(default_factory=list)
    short: bool = False  # only a sentence saying it has no remarks: the sidebar outweighs it
    return_address: bool = False  # "Afs.: …" one line above the recipient window
    # the date on the page number's line ("3. marts 2025   Side 1 af 4") on every page, in the
    # header or the footer band; "" for none
    numbered_date: str = ""


def register_fonts() -> None:
    for name, file in (("Sans", "DejaVuSans.ttf"), ("Sans-Bold", "DejaVuSans-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, DEJAVU + file))


def wrapped(text: str, font: str = "Sans", size: float = SIZE) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(candidate, font, size) > COLUMN:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current]


NO_REMARKS = "Nordvest Vandråd har ingen bemærkninger til udkastet til samarbejdsaftalen."


def body_items(layout: Layout) -> list[tuple[str, str]]:
    """(font, line) of the body in order; a blank line is ("", "")."""
    if layout.short:
        return (
            [("Sans", line) for line in wrapped(NO_REMARKS)]
            + [("", "")]
            + [("Sans", line) for line in CLOSING]
        )
    items = [("Sans", line) for line in wrapped(OPENING)] + [("", "")]
    items += [("Sans", line) for line in wrapped(SECOND)] + [("", "")]
    for round_ in range(layout.repeat_sections):
        for heading, text in SECTIONS:
            title = heading if round_ == 0 else f"{heading}, fortsat"
            items += [("Sans-Bold", title), ("", "")]
            items += [("Sans", line) for line in wrapped(text)] + [("", "")]
    items += [("Sans", line) for line in CLOSING]
    return items


def letter(layout: Layout | None = None) -> bytes:
    """The letter as PDF bytes."""
    layout = layout or Layout()
    register_fonts()
    pages = _paginate(body_items(layout), layout)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=1)
    for number, page in enumerate(pages, start=1):
        if number == 1 and layout.sidebar_first:
            _sidebar(pdf)
        top = HEIGHT - (230 if number == 1 else 80)
        for index, (font, text) in enumerate(page):
            if font:
                pdf.setFont(font, SIZE)
                pdf.drawString(LEFT, top - index * LEADING, text)
        if number == 1:
            _first_page_furniture(pdf, layout)
        if layout.numbered_date:
            pdf.setFont("Sans", 8)
            y = HEIGHT - 40 if layout.numbered_date == "header" else 40
            pdf.drawRightString(WIDTH - 70, y, f"{MARGIN_DATE}   Side {number} af {len(pages)}")
        if layout.margin_date:  # in the body's type, so that it pairs row by row with it
            pdf.setFont("Sans", SIZE)
            # level with the body's fourth and fifth line: outside any header band
            pdf.drawString(MARGIN_X, top - 3 * LEADING, f"Side {number} af {len(pages)}")
            pdf.drawString(MARGIN_X, top - 4 * LEADING, MARGIN_DATE)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _paginate(items: list[tuple[str, str]], layout: Layout) -> list[list[tuple[str, str]]]:
    pages: list[list[tuple[str, str]]] = [[]]
    for item in items:
        room = layout.page_lines - (11 if len(pages) == 1 else 0)
        if len(pages[-1]) >= room:
            pages.append([])
        if item[0] or pages[-1]:
            pages[-1].append(item)
    return pages


def _sidebar(pdf) -> None:
    pdf.setFont("Sans", 8)
    for index, text in enumerate(SIDEBAR):
        pdf.drawString(SIDEBAR_X, HEIGHT - 110 - index * 11, text)


def _first_page_furniture(pdf, layout: Layout) -> None:
    if not layout.sidebar_first:
        _sidebar(pdf)
    if layout.stamp:
        pdf.setFont("Sans", 8)
        for index, text in enumerate(STAMP):
            pdf.drawRightString(WIDTH - 30, HEIGHT - 30 - index * 10, text)
    if layout.recipient:
        pdf.setFont("Sans", SIZE)
        for index, text in enumerate(RECIPIENT):
            pdf.drawString(LEFT, HEIGHT - 140 - index * LEADING, text)
    if layout.return_address:
        pdf.setFont("Sans", 7)
        pdf.drawString(LEFT, HEIGHT - 140 + LEADING, RETURN_ADDRESS)
