"""Layouts that imitate what real received documents have and the first corpus lacked (issue 19).

Seen on real public høringssvar (classes, not files; every text here is written for this
corpus, the committees and numbers are invented): Folketinget's archive stamp in the corner of
page 1, a Word sidebar letterhead that comes before the body in the PDF's content order, a date
printed in the right margin of every page beside "Side N af M", a window envelope's return
address above the authority's address, letters whose only sender cue is "<X> takker for …" or
"<X> har følgende bemærkninger", letters without a date line but with dates inside sentences,
web-form answers printed to PDF, and e-mails printed to PDF with a quoted thread in the other
language's headers. Every letter here carries the feature ``added-issue-19``, so a test or a
measure can tell the new layouts from the ones import was tuned on before.
"""

from __future__ import annotations

import corpus_reportlab as rl
from corpus_letters import RECIPIENT, danish_date, new_letter

NEW = "added-issue-19"
# An archive stamp like Folketinget's: committee and session, the bill or case and the
# appendix number, "Offentligt". Invented committees and numbers.
STAMPS = {
    "tune": [
        ("Udvalget for Sammenhængende Forløb 2018-19", "L 143 Bilag 7"),
        ("Psykiatri- og Bostøtteudvalget 2018-19", "B 52 Bilag 2"),
    ],
    "test": [
        ("Udvalget for Nære Sundhedstilbud 2018-19", "L 171 Bilag 4"),
        ("Social- og Netværksudvalget 2018-19", "SNU Alm.del Bilag 118"),
    ],
}
CUE_THANKS = {  # the only place the sender is named
    "tune": "{sender} takker for muligheden for at kommentere udkastet og bidrager gerne med "
    "erfaringer fra egne tilbud.",
    "test": "{sender} takker for invitationen til at give bemærkninger til den nye "
    "samarbejdsaftale.",
}
CUE_REMARKS = {
    "tune": "{sender} har følgende bemærkninger til udkastet til samarbejdsaftalen.",
    "test": "{sender} har følgende bemærkninger til det udsendte udkast om indsatsen for "
    "voksne med psykisk sygdom.",
}
DATES_IN_SENTENCES = {  # dates that are not the letter's: an undated letter keeps none
    "tune": [
        "Aftalen skal efter planen træde i kraft den 1. januar 2020, og vi foreslår en "
        "evaluering et år senere.",
        "Emnet blev også drøftet på dialogmødet den 14. maj 2019.",
    ],
    "test": [
        "Vi forstår, at den nye aftale får virkning fra den 1. februar 2020.",
        "Byrådet behandlede sagen på sit møde den 28. maj 2019, hvor svaret blev godkendt.",
    ],
}
COLLEAGUE_NOTES = {  # a colleague's message quoted below the reply
    "tune": "Hej, jeg har skrevet et udkast til vores svar. Kig gerne på afsnittet om "
    "udskrivning, inden det bliver sendt.",
    "test": "Her er mine rettelser til svaret. Jeg har strammet formuleringen om ventetiden "
    "lidt op.",
}
REPLY_OPENINGS = {
    "tune": "Hermed vores bemærkninger til høringen, som aftalt i vores ledergruppe.",
    "test": "Vi sender her vores svar på høringen om samarbejdsaftalen.",
}
FORM_QUESTION = {
    "tune": "Hvad vil du sige til udkastet?",
    "test": "Dine bemærkninger til høringen",
}


def _second(letter) -> tuple[str, str]:
    return next(p for p in letter.sender.signatories if p != letter.signatory)


def _stamp(c, split: str, index: int, x: float = rl.WIDTH - 40, y: float = 815) -> list[str]:
    """Folketinget's archive stamp, three right-aligned lines at the top right of page 1."""
    committee, case = STAMPS[split][index % 2]
    c.setFillGray(0.3)
    rl.draw_lines(c, x, y, [committee, case, "Offentligt"], font="arial", size=8, right=True)
    c.setFillGray(0)
    return [committee, case]


def archive_stamp(name, split, index):
    """A letter as Folketinget publishes it: the archive stamp at the top right of page 1,
    drawn before the body in the content order; letterhead at the top left."""
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    s = letter.sender
    sheet = rl.Sheet(rl.Frame(70, 690, 455, 80), rl.Frame(70, 770, 455, 80), family="arial")
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    rl.write_body(sheet, letter, heading_size=13)
    rl.signature(sheet, letter)
    stamp: list[str] = []

    def before(c_, page, total):
        if page == 1:
            stamp.extend(_stamp(c_, split, index))

    def decorate(c_, page, total):
        rl.page_number(c_, page, total, rl.WIDTH / 2, 40, font="arial")
        if page == 1:
            rl.draw_lines(c_, 70, 790, [(s.name, "arial-b"), s.department], size=12)
            rl.draw_lines(c_, 70, 750, [f"{s.street}, {s.town}"], font="arial", size=8)
            rl.draw_lines(
                c_,
                rl.WIDTH - 70,
                730,
                [danish_date(letter.date)],
                font="arial",
                size=10,
                right=True,
            )

    data = sheet.render(decorate, letter.title, s.name, before)
    letter.features = [NEW, "ft-archive-stamp", "stamp-before-body", "page-numbers"]
    letter.forbidden += [*stamp, "Offentligt", "Side 1 af"]
    return [(letter, data, None)]


def sidebar_first(name, split, index):
    """A Word letter with its letterhead in a sidebar frame on page 1 that comes before the
    body in the content order: J.nr., EAN-nr., "Åbningstid - reception", the address and the
    date. No name above the body: the sidebar is the letterhead. Two pages or more."""
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=6, sentences=2)
    from corpus_texts import NEUTRAL

    for section in letter.sections:
        section.paragraphs.append(c.rng.choice(NEUTRAL[split]))
    s = letter.sender
    sheet = rl.Sheet(rl.Frame(60, 760, 340, 70), rl.Frame(60, 780, 340, 70), family="arial")
    sheet.paragraph(letter.title, size=14, style="b", after=12)
    rl.write_body(sheet, letter, heading_size=12)
    rl.signature(sheet, letter)
    lines = [
        (s.name, "arial-b"),
        s.department,
        "",
        s.street,
        s.town,
        "",
        f"Tlf. {s.phone}",
        f"www.{s.domain}",
        "",
        f"J.nr. {letter.case_number}",
        f"EAN-nr. {s.ean}",
        "",
        ("Åbningstid - reception", "arial-b"),
        "Mandag-torsdag 8.00-15.00",
        "Fredag 8.00-12.00",
        "",
        ("Dato", "arial-b"),
        danish_date(letter.date),
    ]

    def before(c_, page, total):
        if page == 1:
            rl.draw_lines(c_, 430, 780, lines, font="arial", size=8)

    def decorate(c_, page, total):
        rl.page_number(c_, page, total, rl.WIDTH - 60, 40, font="arial", right=True)

    data = sheet.render(decorate, letter.title, s.name, before)
    letter.features = [NEW, "sidebar-before-body", "opening-hours-reception", "multi-page"]
    letter.forbidden += [
        f"J.nr. {letter.case_number}",
        "Åbningstid - reception",
        "Mandag-torsdag 8.00-15.00",
        "Side 1 af",
    ]
    return [(letter, data, None)]


def margin_date(name, split, index):
    """The date printed in the right margin of every page beside "Side N af M"; the body
    runs over three pages, so sentences cross page breaks."""
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=6, sentences=2)
    from corpus_texts import NEUTRAL

    for section in letter.sections:
        section.paragraphs[0] += " " + c.rng.choice(NEUTRAL[split])
    s = letter.sender
    sheet = rl.Sheet(rl.Frame(70, 700, 370, 90), rl.Frame(70, 770, 370, 90), size=10.5)
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    rl.write_body(sheet, letter, heading_size=13)
    rl.signature(sheet, letter)
    date_text = danish_date(letter.date)

    def before(c_, page, total):  # the letterhead, as a Word header, comes first
        if page == 1:
            rl.draw_lines(c_, 70, 790, [(s.name, "sans-b")], size=14)
            rl.draw_lines(c_, 70, 774, [s.department, f"{s.street} · {s.town}"], size=8)

    def decorate(c_, page, total):
        rl.draw_lines(
            c_, rl.WIDTH - 40, 770, [date_text, f"Side {page} af {total}"], size=8, right=True
        )

    data = sheet.render(decorate, letter.title, s.name, before)
    letter.features = [NEW, "date-in-right-margin-every-page", "page-n-of-m-beside-date"]
    letter.forbidden += ["Side 1 af", "Side 2 af", f"{s.street} · {s.town}"]
    return [(letter, data, None)]


def return_address_window(name, split, index):
    """A window envelope: the sender's return address in small type above the window, the
    hearing authority's address in it, the sender's name only in the logo at the top right."""
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    letter.recipient = list(RECIPIENT)
    s = letter.sender
    sheet = rl.Sheet(rl.Frame(70, 590, 440, 80), rl.Frame(70, 770, 440, 80), family="arial")
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    rl.write_body(sheet, letter, heading_size=12)
    rl.signature(sheet, letter)
    back = f"Afs.: {s.name}, {s.street}, {s.town}"

    def decorate(c_, page, total):
        rl.page_number(c_, page, total, rl.WIDTH - 70, 40, font="arial", right=True)
        if page > 1:
            return
        rl.draw_lines(c_, rl.WIDTH - 70, 795, [(s.name, "arial-b")], size=15, right=True)
        c_.setLineWidth(0.4)
        c_.line(70, 722, 300, 722)
        rl.draw_lines(c_, 70, 726, [back], font="arial", size=6.5)
        rl.draw_lines(c_, 70, 708, RECIPIENT, font="arial", size=10)
        rl.draw_lines(
            c_, rl.WIDTH - 70, 640, [danish_date(letter.date)], font="arial", size=10, right=True
        )

    data = sheet.render(decorate, letter.title, s.name)
    letter.features = [NEW, "recipient-window-authority", "return-address-line", "logo-only"]
    letter.forbidden += RECIPIENT[1:] + [back, "Side 1 af"]
    return [(letter, data, None)]


def _cue_letter(name, split, index, cues: dict, feature: str):
    """No letterhead, no organisation under the signature, no author in the PDF: the one
    sentence that names the sender is the cue."""
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=2)
    letter.intro = [cues[split].format(sender=letter.sender.name)]
    sheet = rl.Sheet(rl.Frame(72, 700, 450, 80), rl.Frame(72, 770, 450, 80), family="serif")
    sheet.paragraph(letter.title, size=12, style="b", after=12)
    rl.write_body(sheet, letter, heading_size=12)
    rl.signature(sheet, letter, greeting="Venlig hilsen")

    def decorate(c_, page, total):
        if page == 1:
            rl.draw_lines(
                c_,
                rl.WIDTH - 72,
                760,
                [danish_date(letter.date)],
                font="serif",
                size=11,
                right=True,
            )

    data = sheet.render(decorate, letter.title, "")
    letter.features = [NEW, feature, "no-letterhead", "no-organisation-in-signature"]
    letter.forbidden = []
    return [(letter, data, None)]


def cue_thanks(name, split, index):
    return _cue_letter(name, split, index, CUE_THANKS, "sender-only-in-takker-for")


def cue_remarks(name, split, index):
    return _cue_letter(name, split, index, CUE_REMARKS, "sender-only-in-har-bemaerkninger")


def undated(name, split, index):
    """No date line anywhere; dates inside sentences (an entry into force, a meeting) are not
    the letter's: the key's date is null."""
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    letter.dated = False
    first, second = DATES_IN_SENTENCES[split]
    letter.intro.append(first)
    letter.sections[-1].paragraphs.append(second)
    s = letter.sender
    sheet = rl.Sheet(rl.Frame(70, 700, 455, 80), rl.Frame(70, 770, 455, 80))
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    rl.write_body(sheet, letter, heading_size=13)
    rl.signature(sheet, letter)

    def decorate(c_, page, total):
        rl.page_number(c_, page, total, rl.WIDTH / 2, 40)
        if page == 1:
            rl.draw_lines(c_, 70, 790, [(s.name, "sans-b"), s.department], size=12)
            rl.draw_lines(c_, 70, 760, [f"{s.street}, {s.town}"], size=8)

    data = sheet.render(decorate, letter.title, s.name)
    letter.features = [NEW, "no-date-line", "dates-in-sentences"]
    letter.forbidden += ["Side 1 af"]
    return [(letter, data, None)]


def _form_fields(letter, split: str, index: int, organisation: str) -> list[tuple[str, str]]:
    d = letter.date
    street, town = (
        CITIZEN_ADDRESSES[index % 2]
        if letter.respondent
        else (letter.sender.street, letter.sender.town)
    )
    return [
        ("Høring:", "Udkast til samarbejdsaftale om voksne med psykisk sygdom"),
        ("Høringsfrist:", "21. juni 2019"),
        ("Indsendt af:", letter.signatory[0]),
        ("Virksomhed / Organisation:", organisation),
        ("Dato:", f"{d.day:02d}.{d.month:02d}.{d.year} kl. {9 + index % 8}:{10 + index % 50}"),
        ("Svarnummer:", str(4700 + 17 * index)),
        ("Adresse:", street),
        ("Postnr.:", town.split(" ", 1)[0]),
        ("By:", town.split(" ", 1)[1]),
    ]


def web_form(name, split, index, *, organisation: bool = True, letter_and_c=None):
    """A web-form answer printed from the browser: the portal's header, the form's fields
    (labels in bold), the question and the free text, the page address and the time of
    printing at the foot."""
    rl.register_fonts()
    letter, c = letter_and_c or new_letter(name, split, index, sections=0)
    section = c.one_subject(2)
    letter.sections = [section]
    letter.intro = []
    org = letter.sender.name if organisation else ""
    fields = _form_fields(letter, split, index, org)
    sheet = rl.Sheet(rl.Frame(60, 560, 475, 70), rl.Frame(60, 780, 475, 70), family="arial")
    sheet.paragraph(FORM_QUESTION[split], size=12, style="b", after=8)
    rl.write_body(sheet, letter)
    url = f"https://hoeringsportal.regionh.dk/hoering/samarbejdsaftale/svar/{4700 + 17 * index}"
    printed = f"Udskrevet {letter.date.day + 5:02d}.0{letter.date.month}.2019 08:41"

    def before(c_, page, total):
        if page > 1:
            return
        rl.draw_lines(c_, 60, 805, [("Høringsportalen", "arial-b")], size=14)
        y = 770
        for label, value in fields:
            rl.draw_lines(c_, 60, y, [(label, "arial-b")], size=9.5)
            rl.draw_lines(c_, 230, y, [value], font="arial", size=9.5)
            y -= 15

    def decorate(c_, page, total):
        rl.draw_lines(c_, 60, 30, [url], font="arial", size=7)
        rl.draw_lines(
            c_, rl.WIDTH - 60, 30, [f"{printed}   {page}/{total}"], font="arial", size=7, right=True
        )

    data = sheet.render(decorate, "Høringsportalen", "", before)
    letter.title = FORM_QUESTION[split]
    letter.allowed_headings = ["Høringsportalen"]
    letter.features = [NEW, "web-form-printout", "form-labels", "print-footer-url"]
    letter.forbidden = [
        "Svarnummer",
        "Postnr.:",
        "Høringsfrist:",
        "Indsendt af:",
        "Virksomhed / Organisation:",
        url,
        "Udskrevet",
    ]
    return [(letter, data, None)]


def email_thread(name, split, index):
    """An e-mail printed to PDF: Danish headers (Fra/Sendt/Til/Cc/Emne) over the reply, then
    the thread it answers in English headers (From/Sent/To/Subject): a colleague's message,
    signed with a name and title of the same organisation, and the authority's letter."""
    from corpus_texts import QUOTED_LETTER

    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=2, heading=False, sentences=1)
    s = letter.sender
    letter.intro = [REPLY_OPENINGS[split]]
    colleague = _second(letter)
    address = f"{letter.signatory[0].split()[0].lower()}@{s.domain}"
    other = f"{colleague[0].split()[0].lower()}@{s.domain}"
    subject = "SV: Høring – samarbejdsaftale om voksne med psykisk sygdom"
    letter.title = subject
    d = letter.date
    quoted = [
        f"From: {colleague[0]} <{other}>",
        f"Sent: {d.day - 1}. juni 2019 16:05",
        f"To: {letter.signatory[0]}",
        "Subject: Udkast til høringssvar",
        COLLEAGUE_NOTES[split],
        f"Med venlig hilsen\n{colleague[0]}\n{colleague[1]}\n{s.name}",
        "From: Region Hovedstaden <psykiatri-social@regionh.dk>",
        "Sent: 6. maj 2019 09:12",
        f"To: post@{s.domain}",
        "Subject: Høring – samarbejdsaftale om voksne med psykisk sygdom",
        *QUOTED_LETTER[:2],
    ]
    headers = [
        ("Fra:", f"{letter.signatory[0]} <{address}>"),
        ("Sendt:", f"{danish_date(d)} {8 + d.day % 9}:{d.day + 20:02d}"),
        ("Til:", "Høringspostkasse Psykiatri og Social <psykiatri-social@regionh.dk>"),
        ("Cc:", f"{colleague[0]} <{other}>"),
        ("Emne:", subject),
    ]
    sheet = rl.Sheet(rl.Frame(60, 690, 475, 60), rl.Frame(60, 780, 475, 60), family="arial")
    rl.write_body(sheet, letter)
    sheet.paragraph("Venlig hilsen", after=10)
    name_, title = letter.signatory
    sheet.paragraph(f"{name_}\n{title}\n{s.name}", after=14)
    sheet.paragraph("_" * 60, size=8, after=6)
    for line in quoted:
        sheet.paragraph(line, after=2 if line.split(":")[0] in ("From", "Sent", "To") else 6)

    def decorate(c_, page, total):
        rl.draw_lines(c_, rl.WIDTH - 60, 30, [f"{page}"], font="arial", size=8, right=True)
        if page > 1:
            return
        rl.draw_lines(c_, 60, 805, [(letter.signatory[0], "arial-b")], size=13)
        c_.line(60, 797, rl.WIDTH - 60, 797)
        rl.draw_lines(c_, 60, 780, [(label, "arial-b") for label, _ in headers], size=10)
        rl.draw_lines(c_, 120, 780, [value for _, value in headers], font="arial", size=10)

    data = sheet.render(decorate, subject, s.name)
    letter.features = [
        NEW,
        "email-printed",
        "danish-header-english-thread",
        "cc-line",
        "quoted-colleague-signature",
        "quoted-thread",
        "no-headings",
    ]
    letter.forbidden = [f"<{address}>", "Høringspostkasse Psykiatri og Social"]
    letter.quoted = [
        COLLEAGUE_NOTES[split][:50],
        colleague[0],
        "Sent: 6. maj 2019",
        QUOTED_LETTER[1][:60],
    ]
    return [(letter, data, None)]


CAPITAL_THANKS = {
    "tune": "{sender} takker hermed for muligheden for at afgive høringssvar på regionens "
    "udkast til samarbejdsaftale.",
    "test": "{sender} takker hermed for at være blevet hørt om det nye udkast til aftale.",
}
SENDS = {
    "tune": "{sender} fremsender hermed sit høringssvar på vegne af hele forvaltningen.",
    "test": "{sender} fremsender høringssvar efter drøftelse i den politiske ledelse.",
}
SENT_FOR_CONSULTATION = {  # the only date in an undated letter: when the draft was sent
    "tune": "Udkastet blev sendt i høring den 6. maj 2019 med en frist på seks uger.",
    "test": "Regionen udsendte materialet den 6. maj 2019 til alle parter i planområdet.",
}
RECIPIENT_CASE = {"tune": "Sagsnummer: 19-0815/PS", "test": "Sagsnummer: 2019-31177"}


def docx_capitals_cue(name, split, index):
    """A Word letter set from a web page: the authority's address and its case number at the
    top, "<town> d. <date>" at the right, a title with the draft's own date in it, the sender
    named only in capitals in the first sentence, no signature."""
    import corpus_office as office
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    letter, c = new_letter(name, split, index, sections=3, suffix="docx")
    s = letter.sender
    letter.signatory = ("", "")
    letter.intro = [CAPITAL_THANKS[split].format(sender=s.name.upper())]
    letter.title = (
        "Høringssvar til – udkast til samarbejdsaftale om voksne med psykisk sygdom, "
        "høringsudkast 6. maj 2019"
    )
    letter.recipient = [*RECIPIENT[:2], "psykiatri-social@regionh.dk", RECIPIENT_CASE[split]]
    document = office.new_document(letter)
    for line in letter.recipient:
        document.add_paragraph(line).paragraph_format.space_after = 0
    town = s.town.split(" ", 1)[1]
    place = document.add_paragraph(f"{town} d. {danish_date(letter.date)}")
    place.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph(letter.title, style="Heading 1")
    office.body(document, letter, heading_style="Heading 2")
    letter.allowed_headings = [letter.title]
    letter.features = [
        NEW,
        "sender-in-capitals",
        "recipient-case-number",
        "place-d-date",
        "draft-date-in-title",
        "unsigned",
    ]
    letter.forbidden = [RECIPIENT_CASE[split], "psykiatri-social@regionh.dk", "Psykiatri og Social"]
    return [(letter, office.to_bytes(document), None)]


def _broken(text: str, width: int = 72) -> list[str]:
    """``text`` in lines of about ``width`` characters (text pasted from a PDF)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def docx_undated_numbered(name, split, index):
    """A Word file set from a web page: "<X>s høringssvar over …" as the title, numbered
    headings on three levels, paragraphs with the pasted text's line breaks kept as manual
    breaks, no date line (the only date: when the draft was sent), no signature."""
    import corpus_office as office

    letter, c = new_letter(name, split, index, sections=3, suffix="docx")
    s = letter.sender
    letter.signatory = ("", "")
    letter.dated = False
    letter.intro = [SENDS[split].format(sender=s.name), SENT_FOR_CONSULTATION[split]]
    possessive = s.name + ("'" if s.name[-1] in "sxz" else "s")
    letter.title = f"{possessive} høringssvar over udkast til samarbejdsaftale"
    for section, number in zip(letter.sections, ("1.", "1.1", "1.1.1"), strict=True):
        section.heading = f"{number} {section.heading}"
    document = office.new_document(letter)
    document.add_paragraph(letter.title, style="Heading 1")
    for text in letter.intro:
        _paragraph_with_breaks(document, text)
    for level, section in enumerate(letter.sections, start=2):
        document.add_paragraph(section.heading, style=f"Heading {level}")
        for text in section.paragraphs:
            _paragraph_with_breaks(document, text)
    letter.allowed_headings = [letter.title]
    letter.features = [
        NEW,
        "no-date-line",
        "date-of-sending-in-text",
        "numbered-headings-3-levels",
        "manual-line-breaks",
        "sender-in-possessive-title",
        "unsigned",
    ]
    letter.forbidden = []
    return [(letter, office.to_bytes(document), None)]


def _paragraph_with_breaks(document, text: str) -> None:
    paragraph = document.add_paragraph()
    for number, line in enumerate(_broken(text)):
        run = paragraph.add_run(line)
        if number < len(_broken(text)) - 1:
            run.add_break()


RECIPES = [
    ("reportlab", "ft-archive-stamp", archive_stamp),
    ("reportlab", "sidebar-before-body", sidebar_first),
    ("reportlab", "margin-date", margin_date),
    ("reportlab", "return-address-window", return_address_window),
    ("reportlab", "cue-takker-for", cue_thanks),
    ("reportlab", "cue-har-bemaerkninger", cue_remarks),
    ("reportlab", "no-date-line", undated),
    ("reportlab", "web-form-printout", web_form),
    ("reportlab", "email-thread-two-languages", email_thread),
    ("docx", "capitals-cue-recipient-case", docx_capitals_cue),
    ("docx", "undated-numbered-line-breaks", docx_undated_numbered),
]


# --- the "unseen" split: layouts neither half has, worded like the held-out half.

CITIZENS = ["Karin Thorsø Lund", "Mads Egholm Rasmussen"]
CITIZEN_ADDRESSES = [("Lindevangen 14, 2. th.", "2600 Glostrup"), ("Skovbrynet 3", "2610 Rødovre")]
SECRETARIAT_NO_REMARKS = (
    "Vi har gennemgået det fremsendte materiale og har ingen bemærkninger til udkastet."
)


def _unseen_letter(name, index, **kwargs):
    letter, c = new_letter(name, "test", index, **kwargs)
    letter.split = "unseen"
    return letter, c


def web_form_citizen(name, split, index):
    """A citizen's web-form answer: no organisation, the person who sent it is the sender."""
    letter, c = _unseen_letter(name, index, sections=0)
    citizen = CITIZENS[index % 2]
    letter.signatory = (citizen, "")
    letter.respondent = citizen
    out = web_form(name, "test", index, organisation=False, letter_and_c=(letter, c))
    letter.split = "unseen"
    letter.features = [NEW, "web-form-printout", "citizen", "organisation-empty"]
    return out


def stamp_sidebar_margin(name, split, index):
    """Everything at once: the archive stamp and a sidebar letterhead before the body on page
    1, and the date beside "Side N af M" in the right margin of every page."""
    rl.register_fonts()
    letter, c = _unseen_letter(name, index, sections=5, sentences=2)
    s = letter.sender
    sheet = rl.Sheet(rl.Frame(60, 740, 330, 70), rl.Frame(60, 780, 400, 70), family="serif")
    sheet.paragraph(letter.title, size=13, style="b", after=12)
    rl.write_body(sheet, letter, heading_size=12)
    rl.signature(sheet, letter)
    date_text = danish_date(letter.date)
    side = [
        (s.name, "sans-b"),
        s.street,
        s.town,
        "",
        f"J.nr. {letter.case_number}",
        f"EAN-nr. {s.ean}",
        "",
        ("Åbningstid - reception", "sans-b"),
        "Hverdage 9.00-14.00",
    ]
    stamp: list[str] = []

    def before(c_, page, total):
        if page == 1:
            stamp.extend(_stamp(c_, "test", index, y=828))
            rl.draw_lines(c_, 420, 740, side, size=8)

    def decorate(c_, page, total):
        rl.draw_lines(
            c_, rl.WIDTH - 30, 40, [f"{date_text}   Side {page} af {total}"], size=8, right=True
        )

    data = sheet.render(decorate, letter.title, s.name, before)
    letter.features = [NEW, "ft-archive-stamp", "sidebar-before-body", "date-beside-page-n-of-m"]
    letter.forbidden += [
        *stamp,
        "Offentligt",
        f"J.nr. {letter.case_number}",
        "Åbningstid - reception",
        "Side 1 af",
        "Side 2 af",
    ]
    return [(letter, data, None)]


def secretariat_no_remarks(name, split, index):
    """Nothing says who sent it or when: no letterhead, no date, signed by "Sekretariatet".
    The key's sender, date and signatory are null: import should abstain on all three."""
    rl.register_fonts()
    letter, c = _unseen_letter(name, index, sections=0)
    letter.intro = [SECRETARIAT_NO_REMARKS]
    letter.no_remarks, letter.anonymous, letter.dated = True, True, False
    letter.signatory = ("", "")
    sheet = rl.Sheet(rl.Frame(72, 720, 450, 80), rl.Frame(72, 770, 450, 80), family="serif")
    sheet.paragraph("Vedr. høring om samarbejdsaftale", size=12, style="b", after=12)
    rl.write_body(sheet, letter)
    sheet.paragraph("Venlig hilsen\nSekretariatet", after=0)
    data = sheet.render(lambda *_: None, "", "")
    letter.title = "Vedr. høring om samarbejdsaftale"
    letter.features = [NEW, "no-sender", "no-date", "unsigned", "no-remarks"]
    letter.forbidden = []
    return [(letter, data, None)]


def portal_answer_typst(name, split, index):
    """Typst: a hearing portal's answer page printed to PDF: the portal's name, the hearing as
    a bold line, the form's fields in a grid (label, value), then the answer as one long
    paragraph; no signature."""
    from corpus_typst import compile_typst
    from corpus_typst import s as lit

    letter, c = _unseen_letter(name, index, sections=0)
    section = c.one_subject(2)
    section.paragraphs = [" ".join(section.paragraphs)]
    letter.sections, letter.intro = [section], []
    x = letter.sender
    fields = [
        ("Indsendt af", letter.signatory[0]),
        ("Virksomhed / Organisation", x.name),
        ("Dato", danish_date(letter.date)),
        ("Svarnummer", str(90210 + index)),
        ("By", x.town.split(" ", 1)[1]),
        ("Postnr.", x.town.split(" ", 1)[0]),
    ]
    grid = ", ".join(f'text(weight: "bold", {lit(k)[1:]}), {lit(v)[1:]}' for k, v in fields)
    hearing = "Samarbejdsaftale om voksne med psykisk sygdom"
    markup = (
        '#set document(title: "Borgerportalen", date: datetime(year: 2019, month: 6, day: 1))\n'
        '#set text(font: "Liberation Sans", size: 10pt, lang: "da")\n'
        '#set page(paper: "a4", margin: 2cm)\n'
        "#text(9pt, fill: gray)[Borgerportalen · Høringer]\n\n"
        f'#text(15pt, weight: "bold", {lit(hearing)[1:]})\n\n'
        f"#grid(columns: (5cm, 1fr), row-gutter: 0.7em, {grid})\n\n#v(1em)\n"
        f"{lit(section.paragraphs[0])}\n"
    )
    letter.title = hearing
    letter.allowed_headings = [hearing, "Borgerportalen · Høringer"]
    letter.features = [NEW, "web-form-printout", "typst", "fields-grid", "one-long-paragraph"]
    letter.forbidden = ["Svarnummer", f"Postnr. {fields[5][1]}", "Borgerportalen"]
    return [(letter, compile_typst(markup), None)]


def email_in_word(name, split, index):
    """DOCX: an e-mail pasted into a Word document: the header lines (Fra/Sendt/Til/Emne) as
    paragraphs, the reply, its signature, then the authority's message it answers, in English
    headers (From/Sent/To/Subject)."""
    import corpus_office as office
    from corpus_texts import QUOTED_LETTER

    letter, c = _unseen_letter(name, index, sections=2, heading=False, sentences=1)
    letter.suffix = "docx"
    x = letter.sender
    letter.intro = [REPLY_OPENINGS["test"]]
    address = f"{letter.signatory[0].split()[0].lower()}@{x.domain}"
    subject = "SV: Høring – samarbejdsaftale"
    letter.title = subject
    d = letter.date
    document = office.new_document(letter)
    for line in (
        f"Fra: {letter.signatory[0]} <{address}>",
        f"Sendt: {WEEKDAYS_DA[d.weekday()]} {danish_date(d)} 11:{d.day + 20}",
        "Til: Høringspostkasse Psykiatri og Social",
        f"Emne: {subject}",
    ):
        document.add_paragraph(line).paragraph_format.space_after = 0
    document.add_paragraph()
    office.body(document, letter)
    document.add_paragraph(f"Venlig hilsen\n{letter.signatory[0]}\n{letter.signatory[1]}\n{x.name}")
    for line in (
        "From: Region Hovedstaden <psykiatri-social@regionh.dk>",
        "Sent: 6. maj 2019 09:12",
        f"To: post@{x.domain}",
        "Subject: Høring – samarbejdsaftale om voksne med psykisk sygdom",
        *QUOTED_LETTER,
    ):
        document.add_paragraph(line)
    letter.recipient = ["Høringspostkasse Psykiatri og Social"]  # the To line
    letter.features = [
        NEW,
        "email-in-word",
        "danish-header",
        "english-quoted-header",
        "no-headings",
    ]
    letter.forbidden = [f"<{address}>", "Høringspostkasse Psykiatri og Social"]
    letter.quoted = ["Sent: 6. maj 2019", QUOTED_LETTER[1][:60], "psykiatri-social@regionh.dk"]
    return [(letter, office.to_bytes(document), None)]


WEEKDAYS_DA = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]


UNSEEN = [
    ("reportlab", "web-form-citizen", web_form_citizen),
    ("reportlab", "stamp-sidebar-margin-date", stamp_sidebar_margin),
    ("reportlab", "no-sender-no-date", secretariat_no_remarks),
    ("typst", "portal-answer", portal_answer_typst),
    ("docx", "email-in-word", email_in_word),
]
