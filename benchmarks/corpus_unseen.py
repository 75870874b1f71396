"""Layouts kept out of both halves: the "unseen" split (``--split unseen``).

The tuning and held-out halves share their layouts (each layout makes one letter in each half),
so the held-out half measures new wording and senders, not new layouts. These layouts occur
only here; they are worded like the held-out half (phrasing families 2-3) and were added after
the parser was tuned, to show how far the tuning carries to letters laid out otherwise:
letterhead at the foot of the page, headings in capitals without bold, headings in a margin
column beside their text, a DOCX whose letterhead sits in a text box, and an .eml whose letter
is an attached DOCX.
"""

from __future__ import annotations

import corpus_office as office
import corpus_reportlab as rl
from corpus_letters import Composer, Letter, danish_date, new_letter
from corpus_texts import COVER_NOTES
from corpus_typst import closing, compile_typst, preamble, s
from docx.oxml import parse_xml


def _letter(name, index, **kwargs) -> tuple[Letter, Composer]:
    """Worded like the held-out half ("test"), but in the split "unseen"."""
    letter, c = new_letter(name, "test", index, **kwargs)
    letter.split = "unseen"
    return letter, c


def footer_letterhead(name, split, index):
    """reportlab: the whole letterhead in a band at the foot of every page, ISO date at the
    top right, headings in capitals at body size and weight."""
    rl.register_fonts()
    letter, c = _letter(name, index, sections=4)
    for section in letter.sections:
        section.heading = section.heading.upper()
    x = letter.sender
    sheet = rl.Sheet(rl.Frame(70, 720, 455, 120), rl.Frame(70, 790, 455, 120), size=10)
    sheet.paragraph(letter.title.upper(), after=12)
    for text in letter.intro:
        sheet.paragraph(text)
    for section in letter.sections:
        sheet.skip(6)
        sheet.paragraph(section.heading, after=3, keep=3)
        for text in section.paragraphs:
            sheet.paragraph(text)
    rl.signature(sheet, letter)

    def decorate(c_, page, total):
        c_.setFillColorRGB(0.85, 0.9, 0.95)
        c_.rect(0, 0, rl.WIDTH, 100, stroke=0, fill=1)
        c_.setFillGray(0)
        rl.draw_lines(c_, 70, 75, [(x.name, "sans-b"), x.department], size=10)
        rl.draw_lines(c_, 300, 75, [x.street, x.town, f"Tlf. {x.phone}", f"www.{x.domain}"], size=8)
        rl.draw_lines(c_, rl.WIDTH - 70, 75, [f"{page}/{total}"], size=8, right=True)
        if page == 1:
            rl.draw_lines(
                c_,
                rl.WIDTH - 70,
                790,
                [f"{letter.date:%Y-%m-%d}", f"J.nr. {letter.case_number}"],
                size=9,
                right=True,
            )

    data = sheet.render(decorate, letter.title, x.name)
    letter.features = [
        "letterhead-in-footer-band",
        "iso-date",
        "headings-capitals-not-bold",
        "title-in-capitals",
        "page-n/m",
    ]
    letter.forbidden += [f"{letter.date:%Y-%m-%d}", f"J.nr. {letter.case_number}"]
    return [(letter, data, None)]


def margin_headings(name, split, index):
    """Typst: each heading in a left margin column, level with the start of its text."""
    letter, c = _letter(name, index, sections=4)
    x = letter.sender
    rows = [f"[], [{s(p)}]" for p in letter.intro]
    for section in letter.sections:
        rows.append(
            f'[#text(weight: "bold", {s(section.heading)[1:]})], '
            f"[{' #parbreak() '.join(s(p) for p in section.paragraphs)}]"
        )
    markup = preamble(letter, "Liberation Sans", "10pt") + (
        '#set page(paper: "a4", margin: (x: 2cm, top: 2.5cm, bottom: 2.5cm))\n'
        f'#grid(columns: (1fr, auto), text(16pt, weight: "bold", {s(x.name)[1:]}), '
        f"align(right, text(8.5pt)[{s(x.street)} \\ {s(x.town)} \\ "
        f"{s(danish_date(letter.date))}]))\n#v(1.5cm)\n"
        f"#grid(columns: (4cm, 1fr), column-gutter: 0.6cm, row-gutter: 1em, "
        f'[], text(13pt, weight: "bold", {s(letter.title)[1:]}), '
        + ", ".join(rows)
        + ")\n"
        + closing(letter)
    )
    letter.features = ["headings-in-margin-column", "heading-level-with-text", "address-top-right"]
    return [(letter, compile_typst(markup), None)]


TEXTBOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="letterhead" type="#_x0000_t202"
 style="position:absolute;margin-left:330pt;margin-top:0;width:150pt;height:110pt;z-index:1"
 stroked="f"><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape>
</w:pict></w:r>"""


def _box_paragraph(text: str, bold: bool = False) -> str:
    from xml.sax.saxutils import escape

    props = (
        '<w:rPr><w:b/><w:sz w:val="18"/></w:rPr>' if bold else '<w:rPr><w:sz w:val="16"/></w:rPr>'
    )
    return f'<w:p><w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def textbox_letterhead(name, split, index):
    """DOCX: the sender's name, address and the date in a floating text box."""
    letter, c = _letter(name, index, sections=3)
    letter.suffix = "docx"
    x = letter.sender
    document = office.new_document(letter)
    lines = [
        (x.name, True),
        (x.department, False),
        (x.street, False),
        (x.town, False),
        (f"Tlf. {x.phone}", False),
        (danish_date(letter.date), False),
    ]
    box = TEXTBOX.format(paragraphs="".join(_box_paragraph(t, b) for t, b in lines))
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(box))
    for _ in range(5):
        document.add_paragraph()
    office.title(document, letter)
    office.body(document, letter, heading_style="Heading 2")
    office.signature(document, letter)
    letter.features = ["letterhead-in-text-box", "date-in-text-box", "heading-2-style"]
    return [(letter, office.to_bytes(document), None)]


def eml_docx(name, split, index):
    """An .eml with the letter attached as DOCX (custom heading style)."""
    import datetime as dt
    import email.policy
    from email.message import EmailMessage
    from email.utils import format_datetime

    letter, c = _letter(name, index, sections=3)
    x = letter.sender
    document = office.new_document(letter)
    document.sections[0].header.paragraphs[0].text = x.name
    office.date_block(document, letter)
    office.title(document, letter)
    office.custom_heading_style(document, "Afsnitsoverskrift", 1, 13)
    office.body(document, letter, heading_style="Afsnitsoverskrift")
    office.signature(document, letter)
    attachment = office.to_bytes(document)
    from corpus_normalise import normalise

    attachment = normalise(attachment, ".docx")
    address = f"{letter.signatory[0].split()[0].lower()}@{x.domain}"
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = f"{letter.signatory[0]} <{address}>"
    message["To"] = "psykiatri-social@regionh.dk"
    message["Subject"] = "Svar på høring – samarbejdsaftale"
    message["Date"] = format_datetime(
        dt.datetime(
            letter.date.year,
            letter.date.month,
            letter.date.day,
            15,
            40,
            tzinfo=dt.timezone(dt.timedelta(hours=2)),
        )
    )
    message["Message-ID"] = f"<{name}@{x.domain}>"
    message.set_content(COVER_NOTES["test"] + "\n")
    message.add_attachment(
        attachment,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="bemaerkninger.docx",
    )
    message.set_boundary(f"=={name}==")
    letter.suffix = "eml"
    letter.features = ["eml", "docx-attachment", "custom-heading-style-outline-level"]
    return [(letter, message.as_bytes(), None)]


UNSEEN = [
    ("reportlab", "letterhead-in-footer", footer_letterhead),
    ("typst", "margin-headings", margin_headings),
    ("docx", "text-box-letterhead", textbox_letterhead),
    ("eml", "mail-with-docx", eml_docx),
]
