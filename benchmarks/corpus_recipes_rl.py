"""The reportlab letters of the import corpus: what each layout says and which traps it sets."""

from __future__ import annotations

import corpus_reportlab as rl
from corpus_letters import RECIPIENT, danish_date, new_letter
from corpus_texts import COVER_NOTES, FOOTNOTES, LIST_INTROS, QUOTED_LETTER, QUOTES

GLYPHS = ["•", "◦", "▪", "‣", "⁃", "–", "-", "*"]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]


def sidebar_right(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    letter.features = [
        "sidebar-right",
        "postbox-7998",
        "opening-hours",
        "headings-bold-16pt",
        "ligatures",
        "page-numbers",
    ]
    date_text = danish_date(letter.date)
    data = rl.sidebar_right(letter, date_text)
    letter.forbidden += [
        "7998 Statsservice",
        "Åbningstider",
        f"J.nr. {letter.case_number}",
        "Tors 9.00-17.30",
        "Side 1 af",
    ]
    return [(letter, data, None)]


def sidebar_left(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=2)
    glyph = GLYPHS[index % len(GLYPHS)]
    extra = c.section(c.topics(1)[0], sentences=1)
    while extra.topics[0] in [t for s in letter.sections for t in s.topics]:
        extra = c.section(c.topics(1)[0], sentences=1)
    from corpus_texts import NEUTRAL, TEXTS

    items = [TEXTS[extra.topics[0]][extra.stance][f] for f in c.families]
    extra.paragraphs = [LIST_INTROS[split]] + items + [c.rng.choice(NEUTRAL[split])]
    extra.bullet = glyph
    letter.sections.append(extra)
    letter.features = [
        "sidebar-left",
        "serif",
        f"bullets-{glyph}",
        "list-intro-colon",
        "headings-bold-14pt",
        "on-behalf-of",
    ]
    data = rl.sidebar_left(letter, danish_date(letter.date))
    letter.forbidden += [
        f"Sagsnr. {letter.case_number}",
        f"post@{letter.sender.domain}",
        "Side 1 af",
    ]
    return [(letter, data, None)]


def recipient_window(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    letter.recipient = list(RECIPIENT)
    letter.features = [
        "recipient-window",
        "info-table-right",
        "sender-only-in-logo",
        "headings-bold-13pt",
    ]
    data = rl.recipient_window(letter, danish_date(letter.date), RECIPIENT)
    letter.forbidden += RECIPIENT[1:] + ["Kontakt", f"sundhed@{letter.sender.domain}", "Side 1 af"]
    return [(letter, data, None)]


def two_column(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    glyph = GLYPHS[(index + 3) % len(GLYPHS)]
    section = letter.sections[1]
    from corpus_texts import TEXTS

    items = [TEXTS[section.topics[0]][section.stance][f] for f in c.families]
    section.paragraphs = [LIST_INTROS[split]] + items
    section.bullet = glyph
    letter.features = [
        "two-column-letterhead",
        "running-footer",
        "ligatures",
        f"bullets-{glyph}",
        "date-line-with-town",
    ]
    data = rl.two_column_letterhead(letter, danish_date(letter.date))
    letter.forbidden += ["Side 1 af", f"{letter.sender.name} · {letter.sender.street}"]
    return [(letter, data, None)]


def skema(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=4)
    received = letter.date.replace(day=min(letter.date.day + 3, 28))
    stamp = (
        f"Region Hovedstaden · Modtaget {received:%d.%m.%Y} · Sag 19-0{index}5531 · "
        f"Dokument {index}8213/19 · Offentliggjort på høringsportalen"
    )
    letter.features = [
        "hearing-form",
        "svar-colon-lines",
        "sagsbehandler-label",
        "headings-bold-18pt",
        "archive-stamp",
        "page-numbers",
    ]
    data = rl.skema(letter, danish_date(letter.date), stamp)
    letter.forbidden += [
        "Modtaget",
        "Offentliggjort på høringsportalen",
        "Side 1 af",
        "Organisation:",
    ]
    return [(letter, data, None)]


def labelled(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(
        name, split, index, sections=4, labelled=True, heading=False, sentences=1
    )
    glyph = GLYPHS[index % 4]
    letter.extra_required = [LIST_INTROS[split]]
    letter.features = [
        "bold-labelled-bullets",
        f"bullets-{glyph}",
        "no-headings",
        "list-intro-colon",
        "serif",
        "page-n-of-m-short",
    ]
    data = rl.labelled(letter, danish_date(letter.date), LIST_INTROS[split], glyph)
    return [(letter, data, None)]


def no_headings(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=0, deadline=True)
    section = c.one_subject(2)
    s = letter.sender
    url = f"https://{s.domain}/politik/social-\nog-sundhedspolitik-2018.pdf"
    section.paragraphs.append(
        "Vi henviser desuden til kommunens politik på det samlede social-\nog "
        f"sundhedsområde, som kan læses på {url}. Politikken er vedtaget i 2018 og "
        "gælder for alle sammen\u00ad\nhængende forløb i kommunen."
        if split == "tune"
        else "Se også vores strategi for hele social-\nog sundhedsområdet på "
        f"{url}, som byrådet vedtog i 2018, og som omfatter alle sammen\u00ad\nhængende "
        "indsatser."
    )
    letter.sections = [section]
    town = s.town.split(" ", 1)[1]
    letter.features = [
        "no-headings",
        "hyphenation",
        "url-hyphen-at-line-end",
        "compound-hyphen-social-og",
        "deadline-in-text",
        "serif",
        "date-line-with-town",
        "on-behalf-of",
    ]
    data = rl.plain_letter(letter, f"{town}, den {danish_date(letter.date)}")
    letter.forbidden += ["Side 1 af", f"EAN-nr. {s.ean}"]
    return [(letter, data, None)]


def footnotes(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    first, second = letter.sections[0], letter.sections[1]
    first.paragraphs[0] = (
        first.paragraphs[0].replace(". ", ".^1^ ", 1)
        if ". " in first.paragraphs[0]
        else first.paragraphs[0] + "^1^"
    )
    second.paragraphs[0] += "^2^"
    intro = (
        "I udkastet står der:"
        if split == "tune"
        else "Vi hæfter os ved denne formulering i aftalen:"
    )
    letter.sections[2].paragraphs = [intro, "> " + QUOTES[split]] + letter.sections[2].paragraphs
    letter.footnotes = list(FOOTNOTES[split])
    notes = {"1": FOOTNOTES[split][0], "2": FOOTNOTES[split][1]}
    letter.features = [
        "footnotes",
        "footnote-url",
        "quotation-wide-spacing",
        "quote-intro-colon",
        "ligatures",
        "page-numbers",
    ]
    data = rl.footnoted(letter, danish_date(letter.date), notes)
    letter.forbidden += ["Side 1 af", f"J.nr. {letter.case_number}"]
    for section in letter.sections:  # the quote's "> " marker is layout, not text
        section.paragraphs = [p[2:] if p.startswith("> ") else p for p in section.paragraphs]
    return [(letter, data, None)]


def _sent(letter, hour: int) -> str:
    d = letter.date
    return f"{WEEKDAYS[d.weekday()]} {danish_date(d)} {hour}:{17 + d.day:02d}"


def _quoted_thread(letter) -> list[str]:
    return [
        "Fra: Region Hovedstaden, Psykiatri og Social <psykiatri-social@regionh.dk>",
        "Sendt: 6. maj 2019 09:12",
        f"Til: {letter.sender.name} <post@{letter.sender.domain}>",
        "Emne: Høring over udkast til samarbejdsaftale om voksne med psykisk sygdom",
        *QUOTED_LETTER,
        "Med venlig hilsen\nLone Kirkegaard\nSpecialkonsulent, Region Hovedstaden",
    ]


def email(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=2, heading=False, sentences=1)
    greeting = "Kære Region Hovedstaden" if split == "tune" else "Til rette vedkommende"
    letter.extra_required = [greeting]
    quoted = _quoted_thread(letter)
    subject = "SV: Høring over udkast til samarbejdsaftale om voksne med psykisk sygdom"
    letter.title = subject
    address = f"{letter.signatory[0].split()[0].lower()}@{letter.sender.domain}"
    to = "Høringspostkasse Psykiatri og Social <psykiatri-social@regionh.dk>"
    letter.features = [
        "email-printed",
        "outlook-header",
        "quoted-thread",
        "no-headings",
        "quoted-signatory",
    ]
    data = rl.email(letter, _sent(letter, 14), to, subject, quoted, address)
    # the signature's phone and address may stay; the headers and the quoted thread not
    letter.forbidden = [f"<{address}>", "Høringspostkasse Psykiatri og Social"]
    letter.quoted = [
        "Lone Kirkegaard",
        "Sendt: 6. maj 2019",
        QUOTED_LETTER[1][:60],
        "psykiatri-social@regionh.dk",
    ]
    return [(letter, data, None)]


def no_remarks(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=0)
    letter.intro = c.no_remarks()
    letter.no_remarks = True
    letter.features = ["no-remarks", "short", "date-line-with-town"]
    town = letter.sender.town.split(" ", 1)[1]
    data = rl.plain_letter(letter, f"{town}, {danish_date(letter.date)}")
    letter.forbidden += ["Side 1 af"]
    return [(letter, data, None)]


def running_header(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=6)
    for number, section in enumerate(letter.sections, start=1):
        section.heading = f"{number}. {section.heading}"
    letter.features = [
        "running-header",
        "numbered-headings-in-text",
        "three-pages",
        "page-numbers-in-header",
    ]
    data = rl.running_header(letter, danish_date(letter.date))
    letter.forbidden += [
        f"Høringssvar fra {letter.sender.name}",
        "Side 2 af",
        f"Sagsnr. {letter.case_number}",
    ]
    return [(letter, data, None)]


def cover_email(name, split, index):
    """A cover e-mail (this PDF) and the remarks (a DOCX) from one sender."""
    import corpus_office

    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=0)
    letter.intro = [COVER_NOTES[split]]
    subject = "Høringssvar – samarbejdsaftale om voksne med psykisk sygdom"
    letter.title = subject
    letter.group = name
    letter.features = ["email-printed", "cover-note", "two-files-one-sender"]
    address = f"{letter.signatory[0].split()[0].lower()}@{letter.sender.domain}"
    to = "Høringspostkasse Psykiatri og Social <psykiatri-social@regionh.dk>"
    data = rl.email(letter, _sent(letter, 10), to, subject, None, address)
    letter.name += "-mail"
    letter.forbidden = [f"<{address}>", "Høringspostkasse Psykiatri og Social"]
    remarks = corpus_office.remarks_for_cover(name + "-bilag", split, index, letter)
    return [(letter, data, None), remarks]


RECIPES = [
    ("reportlab", "sidebar-right", sidebar_right),
    ("reportlab", "sidebar-left", sidebar_left),
    ("reportlab", "recipient-window", recipient_window),
    ("reportlab", "two-column-letterhead", two_column),
    ("reportlab", "hearing-form", skema),
    ("reportlab", "labelled-bullets", labelled),
    ("reportlab", "no-headings", no_headings),
    ("reportlab", "footnotes-quote", footnotes),
    ("reportlab", "email", email),
    ("reportlab", "no-remarks", no_remarks),
    ("reportlab", "running-header", running_header),
    ("reportlab", "cover-email", cover_email),
]


# --- added after the first landing: appended so the letters above keep their names, senders
# and halves.


def sidebar_long(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=6, sentences=2)
    from corpus_texts import NEUTRAL

    for section in letter.sections:
        section.paragraphs.append(c.rng.choice(NEUTRAL[split]) + " " + c.rng.choice(NEUTRAL[split]))
    glyph = "-"
    section = letter.sections[3]
    section.paragraphs = [LIST_INTROS[split]] + section.paragraphs
    section.bullet = glyph
    letter.features = [
        "sidebar-right-every-page",
        "page-number-in-sidebar",
        "multi-page",
        "bullets--",
        "on-behalf-of",
    ]
    data = rl.sidebar_every_page(letter, danish_date(letter.date))
    letter.forbidden += [f"Sagsnr. {letter.case_number}", "Side 1 af", "Side 2 af"]
    return [(letter, data, None)]


def email_english(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3, heading=False, sentences=1)
    greeting = "Hej høringsteam" if split == "tune" else "Goddag"
    letter.extra_required = [greeting]
    subject = "RE: Høring - samarbejdsaftale om voksne med psykisk sygdom"
    letter.title = subject
    address = f"{letter.signatory[0].split()[0].lower()}@{letter.sender.domain}"
    to = "Psykiatri og Social, høringer <hoering-psyk@regionh.dk>"
    d = letter.date
    sent = f"{d.day}. juni 2019 {8 + d.day % 9}:{d.day + 20:02d}"
    quoted = [
        "-----Original Message-----",
        "From: Region Hovedstaden <hoering-psyk@regionh.dk>",
        "Sent: 6. maj 2019 09:12",
        f"To: post@{letter.sender.domain}",
        "Subject: Høring - samarbejdsaftale om voksne med psykisk sygdom",
        *QUOTED_LETTER,
        "Med venlig hilsen\nLone Kirkegaard",
    ]
    letter.features = [
        "email-printed",
        "english-outlook-header",
        "original-message-marker",
        "quoted-thread",
        "no-headings",
        "signature-with-org",
    ]
    data = rl.email(
        letter,
        sent,
        to,
        subject,
        quoted,
        address,
        labels=("From:", "Sent:", "To:", "Subject:"),
        greeting="Med venlig hilsen",
    )
    letter.forbidden = [f"<{address}>", "Psykiatri og Social, høringer"]
    letter.quoted = ["Lone Kirkegaard", "Original Message", QUOTED_LETTER[2][:50]]
    return [(letter, data, None)]


def bold_headings(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    for section in letter.sections:
        section.heading = (
            f"Vedr. {section.heading.lower()}:" if c.rng.random() < 0.5 else section.heading
        )
    from corpus_texts import TEXTS

    section = letter.sections[0]
    section.paragraphs = [LIST_INTROS[split]] + [
        TEXTS[section.topics[0]][section.stance][f] for f in c.families
    ]
    section.bullet = "⁃"
    top = [
        f"Sagsbehandler: {letter.signatory[0]}",
        f"Sagsnr.: {letter.case_number}",
        f"Direkte tlf.: {letter.sender.phone}",
    ]
    letter.features = [
        "headings-bold-body-size",
        "vedr-colon-headings",
        "bullets-⁃",
        "sagsbehandler-label",
    ]
    data = rl.bold_body_headings(letter, danish_date(letter.date), top)
    letter.forbidden += ["Sagsbehandler:", "Direkte tlf.", "Side 1 af"]
    return [(letter, data, None)]


EXTRA = [
    ("reportlab", "sidebar-every-page", sidebar_long),
    ("reportlab", "email-english", email_english),
    ("reportlab", "bold-body-size-headings", bold_headings),
]


def eml_with_attachment(name, split, index):
    """An .eml as saved from a mail program: a short cover text, the letter as a PDF
    attachment (two-column letterhead, • list). The mail's sender and date are the letter's."""
    import datetime as dt
    import email.policy
    from email.message import EmailMessage
    from email.utils import format_datetime

    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3)
    from corpus_texts import TEXTS

    section = letter.sections[2]
    section.paragraphs = [LIST_INTROS[split]] + [
        TEXTS[section.topics[0]][section.stance][f] for f in c.families
    ]
    section.bullet = "•"
    pdf = rl.two_column_letterhead(letter, danish_date(letter.date))
    address = f"{letter.signatory[0].split()[0].lower()}@{letter.sender.domain}"
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = f"{letter.signatory[0]} <{address}>"
    message["To"] = "Høringspostkasse Psykiatri og Social <psykiatri-social@regionh.dk>"
    message["Subject"] = "Høringssvar fra " + letter.sender.name
    when = dt.datetime(
        letter.date.year,
        letter.date.month,
        letter.date.day,
        10,
        12,
        tzinfo=dt.timezone(dt.timedelta(hours=2)),
    )
    message["Date"] = format_datetime(when)
    message["Message-ID"] = f"<{name}@{letter.sender.domain}>"
    message.set_content(COVER_NOTES[split] + f"\n\nVenlig hilsen\n{letter.signatory[0]}\n")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename="hoeringssvar.pdf")
    message.set_boundary(f"=={name}==")
    letter.suffix = "eml"
    letter.features = [
        "eml",
        "pdf-attachment",
        "cover-text-in-mail",
        "two-column-letterhead",
        "bullets-•",
        "ligatures",
    ]
    letter.forbidden += ["Side 1 af", f"{letter.sender.name} · {letter.sender.street}"]
    return [(letter, message.as_bytes(), None)]


REFERENCES = {  # sentences naming other dates than the letter's
    "tune": "Vi henviser til Region Hovedstadens brev af 6. maj 2019 om høring over udkastet.",
    "test": "Med brev af 6. maj 2019 har regionen bedt om vores bemærkninger til udkastet.",
}


def date_at_end(name, split, index):
    rl.register_fonts()
    letter, c = new_letter(name, split, index, sections=3, deadline=True)
    letter.intro = [REFERENCES[split]] + letter.intro
    second = next(p for p in c.sender.signatories if p != letter.signatory)
    town = letter.sender.town.split(" ", 1)[1]
    letter.features = [
        "date-line-after-signature",
        "two-signatures-side-by-side",
        "other-dates-in-text",
        "deadline-in-text",
        "on-behalf-of",
    ]
    data = rl.date_at_end(letter, f"{town}, den {danish_date(letter.date)}", second)
    letter.forbidden += ["Side 1 af", f"{letter.sender.street} · {letter.sender.town}"]
    return [(letter, data, None)]


LATER = [
    ("eml", "mail-with-pdf", eml_with_attachment),
    ("reportlab", "date-after-two-signatures", date_at_end),
]
