"""Word letters of the import corpus (python-docx plus raw XML), kept as DOCX or exported to
PDF by LibreOffice, and HTML letters exported to PDF by LibreOffice."""

from __future__ import annotations

import html
import io
import os
import subprocess
import tempfile
from pathlib import Path

import docx
from corpus_letters import (
    RECIPIENT,
    TOPIC_TITLES,
    Composer,
    Letter,
    Section,
    danish_date,
    letterhead_debris,
    new_letter,
)
from corpus_texts import (
    DRAFT_DELETED,
    DRAFT_DELETED_TEST,
    DRAFT_KEPT,
    DRAFT_KEPT_TEST,
    LIST_INTROS,
    QUOTED_LETTER,
    TEXTS,
)
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FIXED_DATE = "2019-06-01T12:00:00Z"


def _letter(name, split, index, **kwargs) -> tuple[Letter, Composer]:
    return new_letter(name, split, index, suffix="docx", **kwargs)


# --- python-docx building blocks ------------------------------------------------------------


def new_document(letter: Letter) -> docx.document.Document:
    import datetime as dt

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = letter.signatory[0]
    props.title = letter.title
    props.created = props.modified = dt.datetime(2019, 6, 1, 12, 0)
    props.revision = 1
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.5)
    return document


def _field(paragraph, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def page_footer(paragraph) -> None:
    """'Side X af Y' as Word fields."""
    paragraph.add_run("Side ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" af ")
    _field(paragraph, "NUMPAGES")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def letterhead_table(container, letter: Letter, first_page: bool = True) -> None:
    """Two-column letterhead: name and department left, address right."""
    s = letter.sender
    table = container.add_table(1, 2, Cm(16))
    left, right = table.cell(0, 0), table.cell(0, 1)
    run = left.paragraphs[0].add_run(s.name)
    run.bold, run.font.size = True, Pt(16)
    left.add_paragraph(s.department)
    right.paragraphs[0].text = s.street
    for line in (s.town, f"Tlf. {s.phone}", f"www.{s.domain}"):
        right.add_paragraph(line)
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def custom_heading_style(
    document, name: str = "kapiteloverskrift2", level: int = 1, size: int = 14
):
    """A paragraph style whose outline level is set in the style, no 'Heading' in its name."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.bold, style.font.size = True, Pt(size)
    style.paragraph_format.space_before = Pt(12)
    ppr = style.element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level - 1))
    ppr.append(outline)
    return style


def numbering(document) -> str:
    """A two-level automatic numbering ("1.", "2.1") added to numbering.xml; its numId."""
    part = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, text in ((0, "%1."), (1, "%1.%2")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(567 * (level + 1)))
        ind.set(qn("w:hanging"), "567")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = part.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        part.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    part.append(num)
    return "90"


def numbered(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(level)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    ppr.append(num_pr)


def tracked(paragraph, kind: str, text: str, author: str, rev: int) -> None:
    """A tracked insertion ('ins') or deletion ('del') by ``author``."""
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), str(rev))
    change.set(qn("w:author"), author)
    change.set(qn("w:date"), FIXED_DATE)
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    change.append(run)
    paragraph._p.append(change)


def signature(document, letter: Letter, greeting: str = "Med venlig hilsen") -> None:
    document.add_paragraph(greeting)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(24)
    paragraph.add_run(letter.signatory[0])
    paragraph.add_run().add_break()
    paragraph.add_run(letter.signatory[1])


def bullets(document, section: Section) -> None:
    document.add_paragraph(section.paragraphs[0])
    for item in section.paragraphs[1:]:
        document.add_paragraph(item, style="List Bullet")


def body(document, letter: Letter, heading_style: str = "Heading 1") -> None:
    for text in letter.intro:
        document.add_paragraph(text)
    for section in letter.sections:
        if section.heading:
            document.add_paragraph(section.heading, style=heading_style)
        if section.bullet:
            bullets(document, section)
            continue
        for text in section.paragraphs:
            document.add_paragraph(text)


def to_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def date_block(document, letter: Letter) -> None:
    for label, value in (("Dato", danish_date(letter.date)), ("Sagsnr.", letter.case_number)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    letter.forbidden += [f"Sagsnr.: {letter.case_number}", "Dato:"]


def title(document, letter: Letter, size: int = 14) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(letter.title)
    run.bold, run.font.size = True, Pt(size)


# --- DOCX recipes (kept as DOCX) -------------------------------------------------------------


def custom_style(name, split, index):
    letter, c = _letter(name, split, index, sections=3)
    document = new_document(letter)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    letterhead_table(section.first_page_header, letter)
    section.header.paragraphs[0].text = f"{letter.sender.name} · {letter.title}"
    page_footer(section.footer.paragraphs[0])
    page_footer(section.first_page_footer.paragraphs[0])
    date_block(document, letter)
    title(document, letter)
    custom_heading_style(document)
    body(document, letter, heading_style="kapiteloverskrift2")
    signature(document, letter)
    letter.features = [
        "custom-heading-style-outline-level",
        "first-page-header-letterhead",
        "letterhead-table",
        "page-field-footer",
    ]
    letter.forbidden.append(f"{letter.sender.name} · {letter.title}")
    return [(letter, to_bytes(document), None)]


def _numbered_letter(name, split, index, suffix="docx"):
    letter, c = _letter(name, split, index, sections=3)
    letter.suffix = suffix
    general = "Generelle bemærkninger" if split == "tune" else "Overordnet"
    detail = "Bemærkninger til de enkelte afsnit" if split == "tune" else "Specifikke bemærkninger"
    letter.sections.insert(0, Section(general, list(letter.intro), [], None))
    letter.intro = []
    document = new_document(letter)
    document.sections[0].header.paragraphs[0].text = letter.sender.name
    page_footer(document.sections[0].footer.paragraphs[0])
    date_block(document, letter)
    title(document, letter)
    num_id = numbering(document)
    top = custom_heading_style(document, "Overskrift nummereret", 1, 14)
    sub = custom_heading_style(document, "Underoverskrift nummereret", 2, 12)
    for number, section in enumerate(letter.sections):
        if number == 1:
            paragraph = document.add_paragraph(detail, style=top)
            numbered(paragraph, num_id, 0)
        level = 0 if number == 0 else 1
        paragraph = document.add_paragraph(section.heading, style=top if level == 0 else sub)
        numbered(paragraph, num_id, level)
        for text in section.paragraphs:
            document.add_paragraph(text)
    letter.sections.insert(1, Section(detail, [], [], None))
    signature(document, letter)
    letter.features = [
        "automatic-numbering",
        "numbered-heading-levels",
        "custom-heading-style-outline-level",
    ]
    return letter, to_bytes(document)


def auto_numbering(name, split, index):
    letter, data = _numbered_letter(name, split, index)
    return [(letter, data, None)]


def tracked_changes(name, split, index):
    letter, c = _letter(name, split, index, sections=0)
    topics = c.topics(3)
    authors = [
        letter.signatory[0],
        c.sender.signatories[1][0]
        if c.sender.signatories[1][0] != letter.signatory[0]
        else c.sender.signatories[0][0],
    ]
    document = new_document(letter)
    section = document.sections[0]
    section.header.paragraphs[
        0
    ].text = f"Kommentarer fra {letter.sender.name} · {danish_date(letter.date)}"
    title(document, letter)
    letter.intro = []
    kept_text, deleted_text = (
        (DRAFT_KEPT, DRAFT_DELETED) if split == "tune" else (DRAFT_KEPT_TEST, DRAFT_DELETED_TEST)
    )
    deleted = []
    for n, topic in enumerate(topics):
        heading = f"{n + 3}.{n + 1} {TOPIC_TITLES[topic]}"
        document.add_paragraph(heading, style="Heading 2")
        paragraph = document.add_paragraph(kept_text[topic] + " ")
        tracked(paragraph, "del", deleted_text[topic], authors[n % 2], 100 + 2 * n)
        insertion = TEXTS[topic]["proposal"][c.family()]
        tracked(paragraph, "ins", " " + insertion, authors[n % 2], 101 + 2 * n)
        deleted.append(deleted_text[topic])
        letter.sections.append(Section(heading, [insertion], [topic], "proposal"))
    letter.extra_required = [kept_text[t] for t in topics]
    letter.tracked_authors = sorted(set(authors))
    letter.signatory = ("", "")
    letter.features = [
        "tracked-changes",
        "draft-as-response",
        "two-authors",
        "no-signature",
        "sender-in-header",
    ]
    letter.forbidden = []
    letter.deleted = deleted
    return [(letter, to_bytes(document), None)]


def comments(name, split, index):
    letter, c = _letter(name, split, index, sections=3)
    document = new_document(letter)
    document.sections[0].header.paragraphs[
        0
    ].text = f"{letter.sender.name} · {letter.sender.street} · {letter.sender.town}"
    date_block(document, letter)
    title(document, letter)
    notes = []
    for text in letter.intro:
        document.add_paragraph(text)
    for n, section in enumerate(letter.sections):
        document.add_paragraph(section.heading, style="Heading 2")
        paragraph = document.add_paragraph()
        run = paragraph.add_run(section.paragraphs[0])
        if n < 2:
            note = TEXTS[section.topics[0]][section.stance][c.family()]
            if note in section.paragraphs[0]:
                note = (
                    "Se også vores tidligere høringssvar om samme emne."
                    if split == "tune"
                    else "Dette har vi også påpeget i 2017."
                )
            document.add_comment(
                [run],
                text=note,
                author=letter.signatory[0],
                initials="".join(w[0] for w in letter.signatory[0].split()),
            )
            notes.append(note)
    signature(document, letter)
    for comment in document.part._comments_part.element.findall(qn("w:comment")):
        comment.set(qn("w:date"), FIXED_DATE)  # python-docx stamps the time of the run
    letter.footnotes = notes
    letter.features = ["comments", "heading-2-style", "address-in-header"]
    return [(letter, to_bytes(document), None)]


def labelled_first_page(name, split, index):
    letter, c = _letter(name, split, index, sections=3, heading=False, labelled=True, sentences=1)
    document = new_document(letter)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    letterhead_table(section.first_page_header, letter)
    section.header.paragraphs[0].text = letter.sender.name
    date_block(document, letter)
    title(document, letter, 13)
    for text in letter.intro:
        document.add_paragraph(text)
    document.add_paragraph(LIST_INTROS[split])
    for s in letter.sections:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{s.label}:").bold = True
        paragraph.add_run(" " + s.paragraphs[0])
    letter.extra_required = [LIST_INTROS[split]]
    signature(document, letter, "Venlig hilsen")
    letter.features = [
        "first-page-header-letterhead",
        "bold-labelled-bullets",
        "word-list-bullet",
        "no-headings",
    ]
    return [(letter, to_bytes(document), None)]


def no_remarks_docx(name, split, index):
    letter, c = _letter(name, split, index, sections=0)
    letter.intro = c.no_remarks()
    letter.no_remarks = True
    document = new_document(letter)
    document.sections[0].header.paragraphs[0].text = letter.sender.name
    date_block(document, letter)
    title(document, letter, 12)
    body(document, letter)
    signature(document, letter)
    letter.features = ["no-remarks", "short"]
    return [(letter, to_bytes(document), None)]


def remarks_for_cover(name, split, index, cover: Letter):
    """The remarks attached to a cover e-mail: same sender, Heading 1 sections."""
    letter, c = _letter(name, split, index, sections=3)
    letter.sender, letter.signatory, letter.date = cover.sender, cover.signatory, cover.date
    letter.forbidden = letterhead_debris(letter.sender)
    letter.group = cover.group
    letter.producer, letter.layout = "docx", "remarks-of-cover-email"
    document = new_document(letter)
    document.sections[0].header.paragraphs[0].text = letter.sender.name
    letterhead_table(document.sections[0].header, letter)
    date_block(document, letter)
    title(document, letter)
    body(document, letter)
    signature(document, letter)
    letter.features = ["two-files-one-sender", "heading-1-style", "letterhead-in-header"]
    return letter, to_bytes(document), None


DOCX = [
    ("docx", "custom-heading-style", custom_style),
    ("docx", "auto-numbering", auto_numbering),
    ("docx", "tracked-changes", tracked_changes),
    ("docx", "comments", comments),
    ("docx", "labelled-first-page", labelled_first_page),
    ("docx", "no-remarks", no_remarks_docx),
]


# --- LibreOffice: DOCX and HTML exported to PDF ---------------------------------------------


def lo_header_table(name, split, index):
    letter, c = _letter(name, split, index, sections=3)
    letter.suffix = "pdf"
    document = new_document(letter)
    section = document.sections[0]
    letterhead_table(section.header, letter)
    page_footer(section.footer.paragraphs[0])
    date_block(document, letter)
    title(document, letter)
    body(document, letter)
    signature(document, letter)
    letter.features = [
        "letterhead-table-in-header",
        "page-field-footer",
        "heading-1-style",
        "word-fonts",
    ]
    letter.forbidden.append("Side 1 af")
    return [(letter, to_bytes(document), "docx")]


def lo_sidebar_table(name, split, index):
    """The whole letter in a two-column table: contact details in a narrow left column."""
    letter, c = _letter(name, split, index, sections=3)
    letter.suffix = "pdf"
    s = letter.sender
    document = new_document(letter)
    table = document.add_table(1, 2)
    table.autofit = False
    side, main = table.cell(0, 0), table.cell(0, 1)
    side.width, main.width = Cm(4.2), Cm(11.8)
    side.paragraphs[0].add_run(s.name).bold = True
    for line in (
        s.department,
        "",
        s.street,
        s.town,
        "",
        f"Tlf. {s.phone}",
        f"EAN-nr. {s.ean}",
        "",
        "Dato:",
        danish_date(letter.date),
        "",
        "J.nr.",
        letter.case_number,
    ):
        paragraph = side.add_paragraph(line)
        for run in paragraph.runs:
            run.font.size = Pt(8)
    main.paragraphs[0].add_run(letter.title).bold = True
    for text in letter.intro:
        main.add_paragraph(text)
    for section in letter.sections:
        run = main.add_paragraph().add_run(section.heading)
        run.bold, run.font.size = True, Pt(14)
        for text in section.paragraphs:
            main.add_paragraph(text)
    main.add_paragraph("Med venlig hilsen")
    main.add_paragraph(letter.signatory[0])
    main.add_paragraph(letter.signatory[1])
    letter.features = ["sidebar-left-table-cell", "headings-bold-14pt-direct-format", "word-fonts"]
    letter.forbidden += [letter.case_number]
    return [(letter, to_bytes(document), "docx")]


def lo_numbered(name, split, index):
    letter, data = _numbered_letter(name, split, index, suffix="pdf")
    letter.features.append("exported-pdf")
    return [(letter, data, "docx")]


def _html(title_text: str, body_html: str, style: str) -> bytes:
    return (
        f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">'
        f"<title>{html.escape(title_text)}</title><style>{style}</style></head>"
        f"<body>{body_html}</body></html>"
    ).encode()


def _paragraphs(texts) -> str:
    return "".join(f"<p>{html.escape(t)}</p>" for t in texts)


def lo_html_float(name, split, index):
    letter, c = _letter(name, split, index, sections=3)
    letter.suffix = "pdf"
    s = letter.sender
    letter.recipient = list(RECIPIENT)
    section = letter.sections[2]
    items = [TEXTS[section.topics[0]][section.stance][f] for f in c.families]
    section.paragraphs = [LIST_INTROS[split]] + items
    section.bullet = "•"
    info = "".join(
        f"<tr><td><b>{k}</b></td><td>{html.escape(v)}</td></tr>"
        for k, v in (
            ("Dato", danish_date(letter.date)),
            ("Sagsnr.", letter.case_number),
            ("Kontakt", letter.signatory[0]),
            ("Direkte", s.phone),
        )
    )
    parts = [
        f'<p style="font-size:18pt"><b>{html.escape(s.name)}</b></p>',
        f'<table align="right" border="0" style="font-size:9pt">{info}</table>',
        "<p>" + "<br>".join(html.escape(x) for x in RECIPIENT) + "</p>",
        f"<h1>{html.escape(letter.title)}</h1>",
        _paragraphs(letter.intro),
    ]
    for sec in letter.sections:
        parts.append(f"<h2>{html.escape(sec.heading)}</h2>")
        if sec.bullet:
            parts.append(
                _paragraphs(sec.paragraphs[:1])
                + "<ul>"
                + "".join(f"<li>{html.escape(i)}</li>" for i in sec.paragraphs[1:])
                + "</ul>"
            )
        else:
            parts.append(_paragraphs(sec.paragraphs))
    parts.append(
        f"<p>Med venlig hilsen<br><br>{html.escape(letter.signatory[0])}<br>"
        f"{html.escape(letter.signatory[1])}</p>"
    )
    parts.append(
        f'<p style="font-size:8pt">{html.escape(s.name)} · {html.escape(s.street)} · '
        f"{html.escape(s.town)} · EAN-nr. {s.ean}</p>"
    )
    letter.features = [
        "html",
        "info-table-float-right",
        "recipient-block",
        "bullets-ul",
        "h2-headings",
    ]
    letter.forbidden += RECIPIENT[1:] + ["Kontakt", "Direkte"]
    style = "body{font-family:'Liberation Sans';font-size:11pt} h2{font-size:14pt}"
    return [(letter, _html(letter.title, "".join(parts), style), "html")]


def lo_html_email(name, split, index):
    letter, c = _letter(name, split, index, sections=2, heading=False, sentences=2)
    letter.suffix = "pdf"
    s = letter.sender
    address = f"{letter.signatory[0].split()[0].lower()}@{s.domain}"
    subject = "Høringssvar: samarbejdsaftale om voksne med psykisk sygdom"
    letter.title = subject
    d = letter.date
    sent = f"{danish_date(d)} kl. {9 + d.day % 7}:{10 + d.day:02d}"

    greeting = "Hej" if split == "tune" else "Kære høringssekretariat"

    def header(rows):
        return "<p>" + "<br>".join(f"<b>{k}:</b> {html.escape(v)}" for k, v in rows) + "</p>"

    parts = [
        header(
            [
                ("Fra", f"{letter.signatory[0]} <{address}>"),
                ("Sendt", sent),
                ("Til", "psykiatri-social@regionh.dk"),
                ("Cc", f"post@{s.domain}"),
                ("Emne", subject),
            ]
        ),
        "<hr>",
        _paragraphs([greeting] + letter.intro),
    ]
    for section in letter.sections:
        parts.append(_paragraphs(section.paragraphs))
    parts.append(
        f"<p>Mvh<br>{html.escape(letter.signatory[0])}<br>"
        f"{html.escape(letter.signatory[1])}<br>{html.escape(s.name)}</p>"
    )
    quoted = [
        ("Fra", "Region Hovedstaden <psykiatri-social@regionh.dk>"),
        ("Sendt", "6. maj 2019 kl. 09:12"),
        ("Til", f"post@{s.domain}"),
        ("Emne", "Høring over udkast til samarbejdsaftale"),
    ]
    parts.append(
        '<div style="border-left:2px solid #888;padding-left:8px;color:#444">'
        + "<p>-----Oprindelig meddelelse-----</p>"
        + header(quoted)
        + _paragraphs(QUOTED_LETTER)
        + "<p>Med venlig hilsen<br>Lone Kirkegaard</p>"
        + "</div>"
    )
    letter.extra_required = [greeting]
    letter.features = [
        "html",
        "email-printed",
        "quoted-thread",
        "original-message-marker",
        "no-headings",
        "cc-line",
    ]
    letter.forbidden = [f"<{address}>", f"Cc: post@{s.domain}"]
    letter.quoted = ["Lone Kirkegaard", "Oprindelig meddelelse", QUOTED_LETTER[0][:50]]
    style = "body{font-family:'Liberation Sans';font-size:10.5pt}"
    return [(letter, _html(subject, "".join(parts), style), "html")]


def lo_no_headings(name, split, index):
    letter, c = _letter(name, split, index, sections=0)
    letter.suffix = "pdf"
    letter.sections = [c.one_subject(3)]
    document = new_document(letter)
    s = letter.sender
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.add_run(s.name).bold = True
    paragraph.add_run(f"\t\t{s.street}, {s.town}")
    town = s.town.split(" ", 1)[1]
    date_paragraph = document.add_paragraph(f"{town}, {danish_date(letter.date)}")
    date_paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title(document, letter, 12)
    for text in letter.intro + letter.sections[0].paragraphs:
        p = document.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    signature(document, letter, "Venlig hilsen")
    letter.features = ["no-headings", "justified", "date-line-with-town", "address-in-header-tabs"]
    return [(letter, to_bytes(document), "docx")]


LIBREOFFICE = [
    ("libreoffice", "header-table", lo_header_table),
    ("libreoffice", "sidebar-table", lo_sidebar_table),
    ("libreoffice", "numbered-headings", lo_numbered),
    ("libreoffice", "html-info-float", lo_html_float),
    ("libreoffice", "html-email", lo_html_email),
    ("libreoffice", "no-headings", lo_no_headings),
]


def convert_with_libreoffice(pending):
    """Convert each (letter, bytes, suffix) to PDF in one soffice run; yield (letter, pdf)."""
    if not pending:
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sources = []
        for letter, data, suffix in pending:
            path = root / f"{letter.name}.{suffix}"
            path.write_bytes(data)
            sources.append(str(path))
        env = dict(os.environ, SOURCE_DATE_EPOCH="1559390400")
        profile = f"-env:UserInstallation=file://{root}/profile"
        subprocess.run(
            [
                "soffice",
                profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(root / "out"),
                *sources,
            ],
            check=True,
            env=env,
            capture_output=True,
            timeout=600,
        )
        for letter, _, _ in pending:
            yield letter, (root / "out" / f"{letter.name}.pdf").read_bytes()


# --- added after the first landing (appended: the letters above keep their senders/halves)


def form_table(name, split, index):
    """A hearing form in a Word table: one row per remark (Afsnit | Bemærkning)."""
    letter, c = _letter(name, split, index, sections=3, heading=False, sentences=1)
    document = new_document(letter)
    document.sections[0].header.paragraphs[0].text = f"{letter.sender.name} – høringsskema"
    date_block(document, letter)
    title(document, letter, 13)
    for text in letter.intro:
        document.add_paragraph(text)
    table = document.add_table(1, 2)
    table.style = "Table Grid"
    table.cell(0, 0).paragraphs[0].add_run("Afsnit").bold = True
    table.cell(0, 1).paragraphs[0].add_run("Bemærkning").bold = True
    for section in letter.sections:
        row = table.add_row()
        row.cells[0].text = TOPIC_TITLES[section.topics[0]]
        row.cells[1].text = section.paragraphs[0]
    signature(document, letter)
    letter.features = ["form-table", "remarks-in-table-rows", "no-headings"]
    letter.forbidden.append(f"{letter.sender.name} – høringsskema")
    return [(letter, to_bytes(document), None)]


def draft_of_letter(name, split, index):
    """The respondent's own letter with a colleague's tracked changes and a comment, in a
    custom heading style."""
    letter, c = _letter(name, split, index, sections=3)
    colleague = next(n for n, _ in c.sender.signatories if n != letter.signatory[0])
    document = new_document(letter)
    document.sections[0].header.paragraphs[0].text = letter.sender.name
    date_block(document, letter)
    title(document, letter)
    custom_heading_style(document, "Overskrift Kommune", 1, 13)
    for text in letter.intro:
        document.add_paragraph(text)
    insertions = []
    for n, section in enumerate(letter.sections):
        document.add_paragraph(section.heading, style="Overskrift Kommune")
        paragraph = document.add_paragraph(section.paragraphs[0])
        if n == 1:
            added = TEXTS[section.topics[0]][section.stance][c.family()]
            if added in section.paragraphs[0]:
                added = (
                    "Det gælder også i ferieperioder."
                    if split == "tune"
                    else "Det gælder hele året."
                )
            tracked(paragraph, "ins", " " + added, colleague, 200)
            section.paragraphs[0] += " " + added
            insertions.append(added)
        if n == 2:
            deleted = (
                "Vi har ikke yderligere at tilføje."
                if split == "tune"
                else "Mere har vi ikke at sige her."
            )
            tracked(paragraph, "del", " " + deleted, colleague, 201)
            letter.deleted = [deleted]
            note = (
                "Skal vi nævne tallene fra sidste år?"
                if split == "tune"
                else "Kan vi dokumentere dette?"
            )
            document.add_comment(paragraph.runs, text=note, author=colleague, initials="XX")
            letter.footnotes = [note]
    for comment in document.part._comments_part.element.findall(qn("w:comment")):
        comment.set(qn("w:date"), FIXED_DATE)
    signature(document, letter)
    letter.tracked_authors = [colleague]
    letter.features = [
        "tracked-changes",
        "comment",
        "custom-heading-style-outline-level",
        "own-letter-in-review",
    ]
    return [(letter, to_bytes(document), None)]


EXTRA_DOCX = [
    ("docx", "form-table", form_table),
    ("docx", "letter-in-review", draft_of_letter),
]


def lo_numeric_date(name, split, index):
    """Word letter exported to PDF: the date only as 14.06.2019 in an info block, other dates
    in the text (the hearing letter, a meeting, the deadline)."""
    from corpus_recipes_rl import REFERENCES

    letter, c = _letter(name, split, index, sections=3)
    letter.intro = c.intro(deadline=True)
    letter.suffix = "pdf"
    meeting = (
        "Sagen blev drøftet på mødet i det lokale samarbejdsudvalg den 28. maj 2019."
        if split == "tune"
        else "Vores sundhedsudvalg behandlede udkastet på sit møde den 4. juni 2019."
    )
    letter.intro = [REFERENCES[split], meeting] + letter.intro
    document = new_document(letter)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    letterhead_table(section.first_page_header, letter)
    page_footer(section.footer.paragraphs[0])
    numeric = f"{letter.date:%d.%m.%Y}"
    table = document.add_table(3, 2)
    for row, (label, value) in enumerate(
        (("Dato:", numeric), ("Vores ref.:", letter.case_number), ("Jeres ref.:", "19-0045123"))
    ):
        table.cell(row, 0).width, table.cell(row, 1).width = Cm(11), Cm(5)
        cell = table.cell(row, 1).paragraphs[0]
        cell.add_run(label + " ").bold = True
        cell.add_run(value)
    title(document, letter)
    for text in letter.intro:
        document.add_paragraph(text)
    for sec in letter.sections:
        document.add_paragraph(sec.heading, style="Heading 2")
        for text in sec.paragraphs:
            document.add_paragraph(text)
    signature(document, letter)
    letter.features = [
        "numeric-date-in-info-block",
        "other-dates-in-text",
        "deadline-in-text",
        "first-page-header-letterhead",
        "heading-2-style",
    ]
    letter.forbidden += [numeric, "Vores ref.", "Jeres ref.", "19-0045123"]
    return [(letter, to_bytes(document), "docx")]


LATER = [("libreoffice", "numeric-date", lo_numeric_date)]
