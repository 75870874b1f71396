"""Incoming høringssvar to import, made by the tests themselves, with the truth about them.

Used by tests/test_import*.py, benchmarks/bench_import.py and benchmarks/import_accuracy.py.
PDFs come from the project's own renderer (letterhead, address footer, "Side X af Y", two
pages or more) or, for the plain letter in the style of the seed, straight from Typst with
justified, hyphenated text; DOCX files from python-docx (letterhead in the page header, bold
headings, bullet lists, a table). Everything is deterministic for a given ``seed``.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zlib
from dataclasses import dataclass, field

from babel.dates import format_date

HEARING_TOPICS = [  # (id, title) of the example hearing's topics
    ("tvaerfagligt-samarbejde", "Tværfagligt samarbejde"),
    ("ledsagelse", "Ledsagelse til behandling"),
    ("ambulant-behandling", "Samarbejde under ambulant behandling"),
    ("udskrivningsmentor", "Udskrivningsmentor"),
    ("indlaeggelse-udskrivning", "Indlæggelse og udskrivning"),
    ("ventetid", "Orientering, varsling og færdigmelding"),
    ("netvaerksmoeder", "Netværksmøder under indlæggelse"),
    ("hjemloese", "Borgere i hjemløshed"),
]
# Fictional senders: (name, department, street, town, e-mail domain, signatory, title)
SENDERS = [
    (
        "Glostrup Kommune",
        "Social og Sundhed",
        "Rådhusvej 2",
        "2600 Glostrup",
        "glostrup.dk",
        "Birgitte Løkke Sørensen",
        "Sundhedschef",
    ),
    (
        "Albertslund Kommune",
        "Center for Social og Sundhed",
        "Nordmarks Allé 1",
        "2620 Albertslund",
        "albertslund.dk",
        "Søren Ærø Jensen",
        "Centerchef",
    ),
    (
        "Brøndby Kommune",
        "Social- og Sundhedsforvaltningen",
        "Park Allé 160",
        "2605 Brøndby",
        "brondby.dk",
        "Åse Mølgaard",
        "Direktør",
    ),
    (
        "Vallensbæk Kommune",
        "Center for Sundhed",
        "Vallensbæk Stationstorv 100",
        "2665 Vallensbæk Strand",
        "vallensbaek.dk",
        "Jørgen Hæstrup",
        "Afdelingsleder",
    ),
    (
        "Hvidovre Kommune",
        "Sundhed og Omsorg",
        "Hvidovrevej 278",
        "2650 Hvidovre",
        "hvidovre.dk",
        "Mette Frøslev",
        "Chef for psykiatri",
    ),
    (
        "Rødovre Kommune",
        "Social- og Sundhedsforvaltningen",
        "Rødovre Parkvej 150",
        "2610 Rødovre",
        "rk.dk",
        "Kåre Bøgh Nielsen",
        "Socialchef",
    ),
]
# What each topic's section says: (sentences, stance) — with the hearing's keywords.
TEXTS = {
    "tvaerfagligt-samarbejde": [
        (
            "Vi er bekymrede for, at de praktiserende læger fortsat er svære at inddrage i det "
            "tværfaglige samarbejde om borgeren.",
            "concern",
        ),
        (
            "Vi foreslår, at almen praksis får en fast plads i samarbejdet, og at "
            "ansvarsfordelingen beskrives for hver sektor.",
            "proposal",
        ),
    ],
    "ledsagelse": [
        (
            "Mange borgere kan ikke selv komme frem til ambulant behandling, og kommunen kan "
            "ikke tilbyde ledsagelse. Det er et problem for borgerne.",
            "concern",
        ),
        (
            "Vi foreslår, at regionen tilbyder befordring, når behandlingen ligger langt fra "
            "borgerens bopæl.",
            "proposal",
        ),
    ],
    "ambulant-behandling": [
        (
            "Vi er positive over for den fælles forventningsafstemning under ambulant "
            "behandling i distriktspsykiatrien.",
            "positive",
        ),
        (
            "Vi savner en beskrivelse af visitation og bevilling, så borgeren ikke får stillet "
            "ydelser i udsigt, som kommunen ikke kan give.",
            "concern",
        ),
    ],
    "udskrivningsmentor": [
        ("Vi hilser udskrivningsmentoren velkommen og finder ordningen positiv.", "positive"),
        (
            "Vi opfordrer til, at opgaven for en mentor beskrives nærmere, og foreslår en "
            "fælles evaluering efter et år.",
            "proposal",
        ),
    ],
    "indlaeggelse-udskrivning": [
        (
            "Vi oplever ofte, at udskrivningsdatoen meldes sent, og vi er bekymrede for "
            "udskrivning fra sengeafsnit uden et udskrivningsmøde.",
            "concern",
        ),
        (
            "Vi er enige i procedurerne for indlæggelse og udskrivning og finder dem positive.",
            "positive",
        ),
    ],
    "ventetid": [
        (
            "Vi mangler akuttilbud i ventetiden, og varsling og færdigmelding sker ofte for "
            "sent. Det er et problem.",
            "concern",
        ),
        (
            "Vi foreslår, at orientering om færdigmelding sker elektronisk, og at varsling "
            "følger en fast frist.",
            "proposal",
        ),
    ],
    "netvaerksmoeder": [
        (
            "Det er ikke realistisk at holde netværksmøder inden for tre dage; vi er "
            "bekymrede for kvaliteten af møderne.",
            "concern",
        ),
        (
            "Vi foreslår, at netværksmøder indkaldes skriftligt, og at en koordinerende "
            "indsatsplan følger med.",
            "proposal",
        ),
    ],
    "hjemloese": [
        (
            "Vi er bekymrede for borgere i hjemløshed, fordi der mangler pladser på herberg "
            "og forsorgshjem.",
            "concern",
        ),
        ("Vi foreslår en fælles indsats for hjemløse med psykisk sygdom.", "proposal"),
    ],
}
# Headings that do not name the topic: only the section's words can tell.
PARAPHRASES = {
    "tvaerfagligt-samarbejde": "Samspillet med almen praksis",
    "ledsagelse": "Transport til behandlingen",
    "ambulant-behandling": "Distriktspsykiatrien og kommunen",
    "udskrivningsmentor": "Mentorordningen",
    "indlaeggelse-udskrivning": "Når borgeren skal hjem",
    "ventetid": "Ventetiden",
    "netvaerksmoeder": "Møder med borgerens netværk",
    "hjemloese": "Borgere uden bolig",
}
FILLER = (
    "Kommunen har drøftet udkastet med de relevante fagområder og med brugerrådet. "
    "Bemærkningerne bygger på erfaringer fra den daglige sagsbehandling, hvor "
    "medarbejderne møder borgerne i deres eget hjem og i kommunens tilbud. "
)


@dataclass
class Truth:
    """What a fixture really says, to measure import against."""

    sender: str
    date: dt.date
    case_number: str
    headings: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    signatory: str = ""


def danish_date(date: dt.date, form: int) -> str:
    """One of the four forms Danish letters use for ``date``."""
    if form == 0:
        return format_date(date, format="long", locale="da_DK")  # 19. juni 2019
    if form == 1:
        return f"{date.day}/{date.month}-{date.year}"  # 19/6-2019
    if form == 2:
        return date.strftime("%d-%m-%Y")  # 19-06-2019
    return f"d. {date.day}.{date.month}.{date.year}"  # d. 19.6.2019


def plan(seed: int, sections: int = 6) -> tuple[tuple, Truth, list[tuple[str, str, str]]]:
    """A random but reproducible response: sender, truth and (heading, topic, text)s."""
    rng = random.Random(seed)
    sender = SENDERS[seed % len(SENDERS)]
    date = dt.date(2019, 6, 1) + dt.timedelta(days=rng.randint(0, 20))
    case = f"{rng.randint(10, 99)}.{rng.randint(10, 99)}.00-P20-{rng.randint(1, 99)}-19"
    truth = Truth(sender[0], date, case, signatory=sender[5])
    chosen = rng.sample(HEARING_TOPICS, sections)
    parts = []
    for number, (topic, title) in enumerate(chosen, start=1):
        sentence, stance = rng.choice(TEXTS[topic])
        form = rng.randrange(4)
        heading = (title, title, f"{number}. {title}", PARAPHRASES[topic])[form]
        parts.append((heading, topic, FILLER + sentence))
        truth.headings.append(heading)
        truth.topics.append(topic)
        truth.stances.append(stance)
    return sender, truth, parts


def response_pdf(seed: int = 0, sections: int = 6) -> tuple[bytes, Truth]:
    """A two-page (or longer) letterhead PDF from our own renderer."""
    from hoering.model import Document, InfoItem, Letterhead
    from hoering.render import pdf
    from hoering.render.templates import TemplateFinder
    from hoering.sources.markdown import parse_body

    sender, truth, parts = plan(seed, sections)
    name, department, street, town, domain, signer, role = sender
    markdown = [
        f"{name} takker for muligheden for at afgive høringssvar til udkastet. " + FILLER,
        "Vi vil særligt fremhæve:",
        "- at aftalen tydeliggør ansvarsfordelingen mellem sektorerne\n"
        "- at der lægges op til en tidlig og koordineret indsats",
    ]
    for heading, _, text in parts:
        markdown += [f"## {heading.replace('. ', chr(92) + '. ', 1)}", text, FILLER]
    body = parse_body("\n\n".join(markdown))
    closing = parse_body(f"På vegne af {name}, {department}\n\n{signer}  \n{role}")
    rng = random.Random(seed)
    document = Document(
        kind="response",
        lang="da",
        title="Høringssvar vedrørende samarbejdsaftale om voksne med psykisk sygdom",
        author=name,
        date=truth.date,
        letterhead=Letterhead(
            organisation=name,
            department=department,
            footer_lines=(f"{name} · {street} · {town}", f"post@{domain} · www.{domain}"),
        ),
        info=(
            InfoItem("Dato", danish_date(truth.date, rng.randrange(4))),
            InfoItem("Sagsnr.", truth.case_number),
            InfoItem("E-mail", f"sundhed@{domain}"),
        ),
        recipient=("Region Hovedstaden", "Center for Sundhed"),
        blocks=tuple(body.blocks),
        closing=tuple(closing.blocks),
        footnotes=(),
        subject="Samarbejdsaftale om voksne med psykisk sygdom",
        keywords=("høringssvar",),
    )
    return pdf.render(document, TemplateFinder(None)), truth


def response_docx(seed: int = 0, sections: int = 6) -> tuple[bytes, Truth]:
    """A DOCX as a municipality writes it in Word: letterhead in the page header, bold
    headings, a bullet list, a table, a closing with greeting and signatory."""
    import docx
    import docx.shared
    from docx.shared import Pt

    sender, truth, parts = plan(seed, sections)
    name, department, street, town, domain, signer, role = sender
    rng = random.Random(seed)
    document = docx.Document()
    section = document.sections[0]
    if seed % 2:  # letterhead in a table in a first-page header, as many templates do
        section.different_first_page_header_footer = True
        table = section.first_page_header.add_table(1, 2, docx.shared.Cm(16))
        run = table.cell(0, 0).paragraphs[0].add_run(name)
        table.cell(0, 0).add_paragraph(department)
        table.cell(0, 1).paragraphs[0].text = f"{street}, {town}"
        section.header.paragraphs[0].text = name
    else:
        run = section.header.paragraphs[0].add_run(name)
        section.header.add_paragraph(department)
    run.bold = True
    run.font.size = Pt(14)
    section.footer.paragraphs[0].text = f"{street} · {town} · post@{domain}"
    document.add_paragraph("Region Hovedstaden")
    document.add_paragraph(f"Dato: {danish_date(truth.date, rng.randrange(4))}")
    document.add_paragraph(f"J.nr.: {truth.case_number}")
    title = document.add_paragraph()
    run = title.add_run("Høringssvar om samarbejdsaftale om voksne med psykisk sygdom")
    run.bold = True
    run.font.size = Pt(16)
    document.add_paragraph(f"{name} har følgende bemærkninger til udkastet. " + FILLER)
    document.add_paragraph("Vi lægger vægt på:")
    document.add_paragraph("en klar ansvarsfordeling mellem region og kommune", style="List Bullet")
    document.add_paragraph("en tidlig og koordineret indsats for borgeren", style="List Bullet")
    for index, (heading, _, text) in enumerate(parts):
        if index % 3 == 1:
            document.add_paragraph(f"Vedr. {heading[0].lower()}{heading[1:]}:")
            truth.headings[index] = heading  # "Vedr. x:" is read as the heading "X"
        else:
            paragraph = document.add_paragraph()
            paragraph.add_run(heading).bold = True
        paragraph = document.add_paragraph(text)
        if index == 0:
            _add_footnote(document, paragraph, FOOTNOTE)
        if index == 2:
            table = document.add_table(rows=3, cols=2)
            cells = [
                ("Krav i udkastet", "Vores forslag"),
                ("Netværksmøde inden 3 dage", "Netværksmøde inden 7 hverdage"),
                ("Indkaldelse pr. telefon", "Indkaldelse via digital post"),
            ]
            for row, values in zip(table.rows, cells, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    document.add_paragraph("Med venlig hilsen")
    document.add_paragraph(signer)
    document.add_paragraph(role)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue(), truth


FOOTNOTE = "Jf. lov om social service § 85 om socialpædagogisk støtte."


def _add_footnote(document, paragraph, text: str) -> None:
    """A real Word footnote (python-docx has no API for it): a footnotes part with one
    note, and a reference run at the end of ``paragraph``."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = (
        f"<w:footnotes {ns}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space='
        f'"preserve"> {text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(parse_xml(f'<w:r {ns}><w:footnoteReference w:id="1"/></w:r>'))


SEED_STYLE = """\
Ishøj Kommune finder det positivt, at der i aftalen er en tydeliggørelse af ansvarsfordelingen \
de forskellige parter imellem, og at der lægges op til en tidlig koordineret indsats og et \
tættere samarbejde mellem sektorerne om social- og sundhedsområdet.

Ishøj Kommune har en række opmærksomhedspunkter vedr. samarbejdsaftalen, som gennemgås \
nedenfor:

Tværfagligt samarbejde:
Erfaringen er stadig, at det kan være en udfordring at få de privatpraktiserende læger med i \
samarbejdet, hvilket er afgørende, såfremt samarbejdet omkring borgeren skal fungere \
optimalt. Vi er bekymrede for, at tværsektorielle aftaler ikke bliver fulgt i hverdagen på \
socialpsykiatriområdet.

Vedr. ledsagelse til behandling:
Mange borgere visiteres til ambulant behandling, som foregår geografisk meget spredt i \
regionen. Det er ikke muligt at ledsage borgeren til behandlingen, og borgeren er ofte ikke \
selv i stand til at transportere sig derhen. Ledsagelse til konkret behandling er som \
udgangspunkt ikke en del af den kommunale tilbudsvifte.

Vedr. udskrivningsmentor:
Ishøj Kommune finder tanken om en udskrivningsmentor meget positiv, men efterspørger en \
tydeligere beskrivelse af, hvilken kommunal indsats der forventes at varetage opgaven som \
mentor i overgangen fra indlæggelse til eget hjem.

Borgere i hjemløshed:
Der mangler tilbud til hjemløse borgere med psykiske lidelser, og der er meget få herberger \
og forsorgshjem, som kan rumme målgruppen. Vi foreslår, at parterne forpligter sig til en \
fælles indsats.

Med venlig hilsen

Karen Brøndum Østergaard
Socialchef"""
SEED_TRUTH = Truth(
    "Ishøj Kommune",
    dt.date(2019, 6, 19),
    "",
    headings=[
        "Tværfagligt samarbejde",
        "Ledsagelse til behandling",
        "Udskrivningsmentor",
        "Borgere i hjemløshed",
    ],
    topics=["tvaerfagligt-samarbejde", "ledsagelse", "udskrivningsmentor", "hjemloese"],
    stances=["concern", "concern", "positive", "concern"],
    signatory="Karen Brøndum Østergaard",
)


def _typst_text(text: str) -> str:
    """Plain text as Typst content: every character that Typst reads as markup escaped."""
    special = set("\\#*_`$<>@[]~/=+:'\"")  # not "-": "\\-" is a soft hyphen
    return "".join("\\" + c if c in special else c for c in text)


def plain_pdf(
    text: str = SEED_STYLE,
    *,
    date_line: str = "Ishøj, den 19. juni 2019",
    subject: str = "Høring af udkast til samarbejdsaftaler om voksne med psykisk sygdom",
    width_cm: float = 9,
) -> bytes:
    """A text-only letter like the seed, straight from Typst: justified and hyphenated
    (so lines end in "-"), a running header and "Side X af Y" on every page."""
    import tempfile
    from pathlib import Path

    import typst

    lines = []
    for block in text.split("\n\n"):
        lines.append(" \\\n".join(_typst_text(line) for line in block.split("\n")))
    source = (
        '#set page(paper: "a4", margin: (x: (21cm - ' + str(width_cm) + "cm) / 2, y: 4.5cm),\n"
        "  header: context { if counter(page).get().first() > 1 [Ishøj Kommune #h(1fr) "
        "Høringssvar] },\n"
        "  footer: context [#h(1fr) Side #counter(page).display() af "
        "#counter(page).final().first()])\n"
        '#set text(lang: "da", size: 12pt, hyphenate: true)\n'
        "#set par(justify: true, spacing: 1.2em)\n"
        f"{_typst_text(date_line)}\n\n"
        f'#text(weight: "bold")[{_typst_text(subject)}]\n\n' + "\n\n".join(lines) + "\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.typ"
        path.write_text(source, "utf-8")
        return typst.compile(str(path))


def plain_docx(text: str = SEED_STYLE, *, date_line: str = "Ishøj, den 19. juni 2019") -> bytes:
    """The seed-style letter as unformatted Word paragraphs (one per line of text)."""
    import docx

    document = docx.Document()
    document.add_paragraph(date_line)
    document.add_paragraph("Høring af udkast til samarbejdsaftaler om voksne med psykisk sygdom")
    for block in text.split("\n\n"):
        for line in block.split("\n"):
            document.add_paragraph(line)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def scanned_pdf() -> bytes:
    """A PDF with a page that is only a picture (no text layer)."""
    import tempfile
    from pathlib import Path

    import typst

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scan.typ"
        path.write_text(
            '#set page(paper: "a4")\n#rect(width: 15cm, height: 20cm, fill: luma(200))\n', "utf-8"
        )
        return typst.compile(str(path))


def encrypted_pdf(password: str = "hemmelig", owner: str = "hemmelig") -> bytes:
    """A PDF that needs ``password`` to open (none: only editing is restricted)."""
    import pikepdf

    data, _ = response_pdf(0, 3)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        stream = io.BytesIO()
        pdf.save(stream, encryption=pikepdf.Encryption(user=password, owner=owner))
    return stream.getvalue()


def many_parts_docx(count: int = 6000) -> bytes:
    """A DOCX-like zip with thousands of tiny parts (another way to exhaust a reader)."""
    import zipfile

    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(count):
            archive.writestr(f"word/media/x{index}.xml", "")
    return stream.getvalue()


def zip_bomb_docx(unpacked_mb: int = 300) -> bytes:
    """A DOCX whose document.xml expands to ``unpacked_mb`` MB of zeros (~300 KB packed)."""
    import zipfile

    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return stream.getvalue()


def pdf_bomb(unpacked_mb: int) -> bytes:
    """A one-page PDF with a line of text whose content stream inflates to ``unpacked_mb``
    MB (the text, then spaces): small on disk, enormous in memory."""
    text = b"BT /F1 12 Tf 72 720 Td (Kommunen har ingen bemaerkninger til udkastet.) Tj ET\n"
    packed = zlib.compress(text + b" " * (unpacked_mb * 1024 * 1024), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


GLOSTRUP_TRUTH = Truth(
    "Glostrup Kommune",
    dt.date(2019, 6, 18),
    "19/04512",
    headings=[
        "1. Samarbejdet med almen praksis",
        "2. Ledsagelse og transport til ambulant behandling",
        "3. Udskrivningsmentor",
        "4. Varsling og færdigmelding",
        "5. Borgere i hjemløshed",
    ],
    topics=["tvaerfagligt-samarbejde", "ledsagelse", "udskrivningsmentor", "ventetid", "hjemloese"],
    stances=["proposal", "concern", "positive", "proposal", "concern"],
    signatory="Lene Vestergaard Holm",
)


def glostrup_pdf() -> bytes:
    """A realistic response from a fictional Glostrup Kommune (tests/fixtures/import/
    glostrup.md on a Glostrup letterhead): two pages, lists, a table, "Side X af Y"."""
    from pathlib import Path

    from hoering.model import Document, InfoItem, Letterhead
    from hoering.render import pdf
    from hoering.render.templates import TemplateFinder
    from hoering.sources.markdown import parse_body

    text = (Path(__file__).parent / "fixtures" / "import" / "glostrup.md").read_text("utf-8")
    body = parse_body(text)
    closing = parse_body(
        "På vegne af Glostrup Kommune, Social og Sundhed\n\n"
        "Lene Vestergaard Holm  \nSocial- og sundhedsdirektør"
    )
    document = Document(
        kind="response",
        lang="da",
        title="Høringssvar til udkast til samarbejdsaftale om voksne med psykisk sygdom",
        author="Glostrup Kommune",
        date=GLOSTRUP_TRUTH.date,
        letterhead=Letterhead(
            organisation="Glostrup Kommune",
            department="Social og Sundhed",
            footer_lines=(
                "Glostrup Kommune · Rådhusvej 2 · 2600 Glostrup · Telefon 43 23 60 00",
                "social@glostrup.dk · www.glostrup.dk",
            ),
        ),
        info=(
            InfoItem("Dato", "18. juni 2019"),
            InfoItem("Sagsnr.", "19/04512"),
            InfoItem("Kontakt", "Anders Kjær, specialkonsulent"),
            InfoItem("E-mail", "social@glostrup.dk"),
        ),
        recipient=("Region Hovedstaden", "Psykiatri og Social"),
        blocks=tuple(body.blocks),
        closing=tuple(closing.blocks),
        footnotes=(),
        subject="Samarbejdsaftale om voksne med psykisk sygdom",
        keywords=("høringssvar",),
    )
    return pdf.render(document, TemplateFinder(None))


def sidebar_letter_pdf() -> bytes:
    """A letter laid out as municipalities lay theirs, made with Typst's absolute placement
    (not our renderer): the sender's name as a logo, the recipient (the hearing's own
    authority) in the window, a sidebar with address, EAN and opening hours beside the text,
    bold 14 pt headings next to plain "Svar:" labels, a list whose items open with a bold
    label, a ligature typed as its code point, an archive stamp and "Side N af M" on every
    page."""
    import tempfile
    from pathlib import Path

    import typst

    sidebar = " \\\n".join(
        [
            "Hvidovre Kommune",
            "Sundhed og Omsorg",
            "Hvidovrevej 278",
            "2650 Hvidovre",
            "EAN-nr. 5798000000001",
            "Åbningstider: man-fre 10-14",
            "Dato: 3. marts 2025",
            "J.nr.: 27.00.00-P20-7-25",
        ]
    )
    body = "\n\n".join(
        [
            '#text(size: 14pt, weight: "bold")[Høringssvar vedrørende samarbejdsaftalen]',
            "Hvidovre Kommune har læst udkastet og har nogle ﬂere bemærkninger til det, som vi "
            "beskriver nedenfor. " * 2,
            '#text(size: 14pt, weight: "bold")[Udskrivningsmentor]',
            "Ordningen med en udskrivningsmentor er et godt initiativ for borgerne. " * 3,
            "Svar:",
            "Kommunen ønsker, at mentoren ansættes i regionen og følger borgeren hjem. " * 3,
            '#text(size: 14pt, weight: "bold")[Netværksmøder]',
            '- #text(weight: "bold")[Indkaldelse:] Vi foreslår en fast frist for indkaldelsen.\n'
            '- #text(weight: "bold")[Deltagere:] Det er positivt, at pårørende deltager.',
            "Svar:",
            "Vi er bekymrede for, at møderne aflyses med kort varsel. " * 40,
            "Med venlig hilsen",
            "Mette Frøslev \\\nChef for psykiatri",
        ]
    )
    source = (
        '#set page(paper: "a4", margin: (left: 2.5cm, right: 6.5cm, top: 9cm, bottom: 3cm),\n'
        "  background: context [#place(top + right, dx: -1cm, dy: 3cm, block(width: 4.5cm,\n"
        f"    text(size: 8pt)[{sidebar}]))\n"
        "    #place(bottom + left, dx: 1cm, dy: -0.8cm, text(size: 6pt)[Offentliggjort "
        "af Aktindsigtsarkivet 2. april 2025])],\n"
        "  footer: context [#h(1fr) #text(size: 8pt)[Side #counter(page).display() af "
        "#counter(page).final().first()]])\n"
        '#set text(lang: "da", size: 10pt)\n'
        "#set par(spacing: 1.1em)\n"
        '#place(top + left, dy: -6.5cm, text(size: 18pt, weight: "bold")[HVIDOVRE KOMMUNE])\n'
        "#place(top + left, dy: -4cm, [Region Hovedstaden \\\nPsykiatri og Social \\\n"
        "Kongens Vænge 2 \\\n3400 Hillerød])\n" + body + "\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.typ"
        path.write_text(source, "utf-8")
        return typst.compile(str(path))
