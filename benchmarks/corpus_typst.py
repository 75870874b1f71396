"""Letters of the import corpus typeset by Typst with our own .typ layouts (not the project's
renderer): two-column letterhead, sidebar with footnotes, recipient window with an info grid,
justified and hyphenated text with a quotation, bold-labelled lists, a "no remarks" note.

All text goes into the markup as Typst strings (``#"…"``), so no character of a letter is
read as markup.
"""

from __future__ import annotations

from corpus_letters import RECIPIENT, Letter, danish_date, new_letter
from corpus_texts import FOOTNOTES, LIST_INTROS, QUOTES, TEXTS

FONTS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"]


def s(text: str) -> str:
    """A Typst string literal inserted as text."""
    return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lines(items) -> str:
    return " \\ ".join(s(x) for x in items)


def compile_typst(markup: str) -> bytes:
    import typst

    return typst.compile(markup.encode(), font_paths=FONTS)


PREAMBLE = """#set document(title: {title}, author: {author}, date: datetime(year: 2019, month: 6,
  day: 1))
#set text(font: {font}, size: {size}, lang: "da")
#set par(justify: {justify})
#show heading: it => block(above: 1.2em, below: 0.6em, text(size: {hsize}, weight: "bold",
  it.body))
"""


def preamble(
    letter: Letter,
    font: str = "Liberation Serif",
    size: str = "11pt",
    hsize: str = "14pt",
    justify: bool = False,
) -> str:
    return PREAMBLE.format(
        title=s(letter.title)[1:],
        author=s(letter.sender.name)[1:],
        font=f'"{font}"',
        size=size,
        hsize=hsize,
        justify="true" if justify else "false",
    )


def body(letter: Letter, marker: str = "•", notes: dict | None = None) -> str:
    out = [s(p) + "\n" for p in letter.intro]
    for section in letter.sections:
        if section.heading:
            out.append(f"#heading(level: 1, {s(section.heading)[1:]})\n")
        if section.bullet:
            out.append(s(section.paragraphs[0]) + "\n")
            out += [
                f"#list(marker: [{marker}], "
                + ", ".join(f"[{s(i)}]" for i in section.paragraphs[1:])
                + ")\n"
            ]
            continue
        for text in section.paragraphs:
            out.append(_with_notes(text, notes or {}) + "\n")
    return "\n".join(out)


def _with_notes(text: str, notes: dict) -> str:
    import re

    parts = re.split(r"\^(\d+)\^", text)
    markup = s(parts[0])
    for number, rest in zip(parts[1::2], parts[2::2], strict=True):
        markup += f"#footnote[{s(notes[number])}]" + (s(rest) if rest else "")
    return markup


def closing(letter: Letter, greeting: str = "Med venlig hilsen") -> str:
    name, title = letter.signatory
    return f"\n#v(1em)\n{s(greeting)}\n\n#v(1.5em)\n{s(name)} \\\n{s(title)}\n"


def page_footer(align: str = "right") -> str:
    return (
        f"footer: context align({align}, text(8pt)[Side #counter(page).display() af "
        f"#counter(page).final().first()])"
    )


def two_column(name, split, index):
    letter, c = new_letter(name, split, index, sections=4)
    x = letter.sender
    header = (
        f'grid(columns: (1fr, 1fr), [#text(16pt, weight: "bold", {s(x.name)[1:]}) \\ '
        f"#text(9pt, {s(x.department)[1:]})], align(right, text(8pt)["
        f"{lines([x.street, x.town, f'Tlf. {x.phone}', f'www.{x.domain}'])}]))"
    )
    markup = preamble(letter, "DejaVu Sans", "10pt", "15pt") + (
        f'#set page(paper: "a4", margin: (x: 2.2cm, top: 4cm, bottom: 2.5cm), '
        f"header: context {{ if here().page() == 1 {{ {header} }} }}, {page_footer()})\n"
        f"#align(right)[{s(danish_date(letter.date))}]\n"
        f'#text(13pt, weight: "bold", {s(letter.title)[1:]})\n\n' + body(letter) + closing(letter)
    )
    letter.features = [
        "two-column-letterhead",
        "first-page-header",
        "page-numbers",
        "typst-headings-15pt",
        "ligatures-shaped",
    ]
    letter.forbidden.append("Side 1 af")
    return [(letter, compile_typst(markup), None)]


def sidebar(name, split, index):
    letter, c = new_letter(name, split, index, sections=3)
    x = letter.sender
    letter.sections[0].paragraphs[0] += "^1^"
    letter.sections[2].paragraphs[0] += "^2^"
    notes = {"1": FOOTNOTES[split][0], "2": FOOTNOTES[split][1]}
    letter.footnotes = list(FOOTNOTES[split])
    side = lines(
        [
            x.name,
            x.department,
            "",
            x.street,
            x.town,
            "",
            f"Tlf. {x.phone}",
            f"EAN-nr. {x.ean}",
            "",
            f"J.nr. {letter.case_number}",
            "",
            danish_date(letter.date),
        ]
    )
    markup = preamble(letter, "Liberation Sans", "10.5pt", "13pt") + (
        f'#set page(paper: "a4", margin: (left: 2.2cm, right: 6cm, top: 3cm, bottom: 2.5cm),'
        f" {page_footer('center')})\n"
        f"#place(top + right, dx: 4.5cm, dy: 1cm, block(width: 3.8cm, text(8pt)[{side}]))\n"
        f'#text(12pt, weight: "bold", {s(letter.title)[1:]})\n\n'
        + body(letter, notes=notes)
        + closing(letter)
    )
    letter.features = ["sidebar-right", "footnotes", "footnote-url", "page-numbers"]
    letter.forbidden += ["Side 1 af", f"J.nr. {letter.case_number}"]
    return [(letter, compile_typst(markup), None)]


def info_grid(name, split, index):
    letter, c = new_letter(name, split, index, sections=3)
    x = letter.sender
    letter.recipient = list(RECIPIENT)
    section = letter.sections[1]
    section.paragraphs = [LIST_INTROS[split]] + [
        TEXTS[section.topics[0]][section.stance][f] for f in c.families
    ]
    section.bullet = "–"
    info = ", ".join(
        f"[{s(k)}], [{s(v)}]"
        for k, v in (
            ("Dato", danish_date(letter.date)),
            ("Sagsnr.", letter.case_number),
            ("Kontakt", letter.signatory[0]),
            ("E-mail", f"sundhed@{x.domain}"),
        )
    )
    markup = preamble(letter, "Liberation Serif", "11pt", "13pt") + (
        f'#set page(paper: "a4", margin: (x: 2.5cm, top: 2cm, bottom: 2.5cm), '
        f"{page_footer()})\n"
        f'#place(top + right, text(15pt, weight: "bold", {s(x.name)[1:]}))\n'
        f"#v(2.5cm)\n"
        f"#grid(columns: (1fr, 5.5cm), text(10pt)[{lines(RECIPIENT)}], "
        f"text(8.5pt, grid(columns: 2, gutter: 4pt, {info})))\n#v(1.5cm)\n"
        f'#text(13pt, weight: "bold", {s(letter.title)[1:]})\n\n'
        + body(letter, marker="–")
        + closing(letter)
    )
    letter.features = ["recipient-window", "info-grid-right", "sender-only-in-logo", "bullets-–"]
    letter.forbidden += RECIPIENT[1:] + ["Kontakt", f"sundhed@{x.domain}", "Side 1 af"]
    return [(letter, compile_typst(markup), None)]


def justified(name, split, index):
    letter, c = new_letter(name, split, index, sections=0)
    section = c.one_subject(3)
    intro = (
        "Vi vil gerne citere aftalens formål:"
        if split == "tune"
        else "Aftalen lyder på dette punkt således:"
    )
    section.paragraphs[1:1] = [intro, QUOTES[split]]
    letter.sections = [section]
    x = letter.sender
    paragraphs = [s(p) for p in letter.intro + section.paragraphs]
    paragraphs[3] = (
        f"#block(inset: (left: 1.5cm, right: 1cm))[#set par(leading: 1.3em)\n"
        f"#emph({paragraphs[3][1:]})]"
    )
    markup = preamble(letter, "Liberation Serif", "11pt", justify=True) + (
        "#set text(hyphenate: true)\n"
        f'#set page(paper: "a4", margin: (x: 3cm, top: 2.5cm, bottom: 2.5cm), '
        f"footer: align(center, text(7pt, {s(f'{x.name} · {x.street} · {x.town}')[1:]})))\n"
        f'#text(weight: "bold", {s(x.name)[1:]}) \\\n{s(x.department)}\n#v(1cm)\n'
        f"#align(right)[{s(x.town.split(' ', 1)[1] + ', ' + danish_date(letter.date))}]\n"
        f'#text(weight: "bold", {s(letter.title)[1:]})\n\n'
        + "\n\n".join(paragraphs)
        + "\n"
        + closing(letter, "Venlig hilsen")
    )
    letter.features = [
        "no-headings",
        "justified",
        "hyphenation",
        "quotation-wide-spacing",
        "quote-intro-colon",
        "address-footer",
    ]
    return [(letter, compile_typst(markup), None)]


def labelled(name, split, index):
    letter, c = new_letter(
        name, split, index, sections=4, heading=False, labelled=True, sentences=1
    )
    x = letter.sender
    items = ", ".join(
        f"[#strong({s(sec.label + ':')[1:]}) {s(sec.paragraphs[0])}]" for sec in letter.sections
    )
    letter.extra_required = [LIST_INTROS[split]]
    markup = preamble(letter, "DejaVu Sans", "10pt") + (
        f'#set page(paper: "a4", margin: (x: 2.5cm, top: 2.5cm, bottom: 2.5cm))\n'
        f'#grid(columns: (1fr, auto), text(14pt, weight: "bold", {s(x.name)[1:]}), '
        f"align(right, text(9pt)[{lines([danish_date(letter.date), x.street, x.town])}]))\n"
        f'#v(1.5cm)\n#text(12pt, weight: "bold", {s(letter.title)[1:]})\n\n'
        + "\n\n".join(s(p) for p in letter.intro)
        + "\n\n"
        + s(LIST_INTROS[split])
        + "\n"
        + f"#list(marker: [‣], {items})\n"
        + closing(letter)
    )
    letter.features = ["bold-labelled-bullets", "bullets-‣", "no-headings", "list-intro-colon"]
    return [(letter, compile_typst(markup), None)]


def no_remarks(name, split, index):
    letter, c = new_letter(name, split, index, sections=0)
    letter.intro = c.no_remarks()
    letter.no_remarks = True
    x = letter.sender
    markup = preamble(letter, "Liberation Sans", "11pt") + (
        f'#set page(paper: "a5", margin: 2cm)\n'
        f'#text(13pt, weight: "bold", {s(x.name)[1:]}) #h(1fr) {s(danish_date(letter.date))}\n'
        f'#line(length: 100%)\n#text(weight: "bold", {s(letter.title)[1:]})\n\n'
        + s(letter.intro[0])
        + "\n"
        + closing(letter, "Venlig hilsen")
    )
    letter.features = ["no-remarks", "a5", "date-beside-name"]
    return [(letter, compile_typst(markup), None)]


RECIPES = [
    ("typst", "two-column-letterhead", two_column),
    ("typst", "sidebar-footnotes", sidebar),
    ("typst", "recipient-info-grid", info_grid),
    ("typst", "justified-quote", justified),
    ("typst", "labelled-bullets", labelled),
    ("typst", "no-remarks", no_remarks),
]


# --- added after the first landing (appended: the letters above keep their senders/halves)


def running_header(name, split, index):
    letter, c = new_letter(name, split, index, sections=6, sentences=2)
    from corpus_texts import NEUTRAL

    for section in letter.sections:
        section.paragraphs.append(" ".join(c.rng.sample(NEUTRAL[split], 2)))
    section = letter.sections[2]
    section.paragraphs = [LIST_INTROS[split]] + [
        TEXTS[section.topics[0]][section.stance][f] for f in c.families
    ]
    section.bullet = "*"
    x = letter.sender
    header = (
        f"context {{ if here().page() > 1 {{ text(8pt)[{s('Høringssvar · ' + x.name)} "
        f"#h(1fr) Side #counter(page).display() af #counter(page).final().first()] }} "
        f'else {{ grid(columns: (1fr, auto), text(15pt, weight: "bold", '
        f"{s(x.name)[1:]}), align(right, text(8.5pt)["
        f"{lines([danish_date(letter.date), 'Sagsnr. ' + letter.case_number])}])) }} }}"
    )
    markup = preamble(letter, "Liberation Sans", "10.5pt", "13pt") + (
        '#set heading(numbering: "1.")\n'
        "#show heading: it => block(above: 1.2em, below: 0.6em, text(size: 13pt, "
        'weight: "bold", [#counter(heading).display() #it.body]))\n'
        f'#set page(paper: "a4", margin: (x: 2.4cm, top: 3cm, bottom: 2.2cm), '
        f"header: {header})\n"
        f'#text(14pt, weight: "bold", {s(letter.title)[1:]})\n\n'
        + body(letter, marker="\\*")
        + closing(letter)
    )
    letter.features = [
        "running-header",
        "page-number-in-header",
        "typst-heading-numbering",
        "multi-page",
        "bullets-*",
    ]
    letter.forbidden += [f"Høringssvar · {x.name}", "Side 2 af", f"Sagsnr. {letter.case_number}"]
    return [(letter, compile_typst(markup), None)]


def email(name, split, index):
    from corpus_texts import QUOTED_LETTER

    letter, c = new_letter(name, split, index, sections=2, heading=False, sentences=2)
    x = letter.sender
    address = f"{letter.signatory[0].split()[0].lower()}@{x.domain}"
    subject = "VS: Høringssvar vedrørende samarbejdsaftalen"
    letter.title = subject
    d = letter.date
    top = [
        ("Fra:", f"{letter.signatory[0]} <{address}>"),
        ("Sendt:", f"{danish_date(d)} {10 + d.day % 6}:{d.day + 30:02d}"),
        ("Til:", "Høringer Psykiatri <hoering-psyk@regionh.dk>"),
        ("Emne:", subject),
    ]
    quoted = [
        ("Fra:", "Region Hovedstaden <hoering-psyk@regionh.dk>"),
        ("Sendt:", "6. maj 2019 09:12"),
        ("Til:", f"post@{x.domain}"),
        ("Emne:", "Høring over udkast til samarbejdsaftale"),
    ]

    def grid(rows):
        return (
            "#grid(columns: (2cm, 1fr), row-gutter: 3pt, "
            + ", ".join(f"[#strong({s(k)[1:]})], [{s(v)}]" for k, v in rows)
            + ")\n"
        )

    paragraphs = [s(p) for p in letter.intro] + [
        s(p) for sec in letter.sections for p in sec.paragraphs
    ]
    markup = preamble(letter, "Liberation Sans", "10.5pt") + (
        '#set page(paper: "a4", margin: 2cm)\n'
        f'#text(13pt, weight: "bold", {s(x.name + " – " + letter.signatory[0])[1:]})\n'
        "#line(length: 100%)\n"
        + grid(top)
        + "#v(1em)\n"
        + "\n\n".join(paragraphs)
        + f"\n\nMed venlig hilsen \\\n{s(letter.signatory[0])} \\\n{s(letter.signatory[1])}"
        f" \\\n{s(x.name)}\n\n#v(1em)#line(length: 100%)\n"
        + grid(quoted)
        + "\n\n".join(s(p) for p in QUOTED_LETTER)
        + "\n"
    )
    letter.features = [
        "email-printed",
        "forwarded-vs",
        "quoted-thread",
        "no-headings",
        "printed-by-header",
    ]
    letter.forbidden = [f"<{address}>", "Høringer Psykiatri", f"{x.name} – {letter.signatory[0]}"]
    letter.quoted = ["Sendt: 6. maj 2019", QUOTED_LETTER[0][:50]]
    return [(letter, compile_typst(markup), None)]


EXTRA = [
    ("typst", "running-header-numbered", running_header),
    ("typst", "email", email),
]
