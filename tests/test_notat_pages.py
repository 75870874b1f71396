"""The notat's pages: leads kept with what they lead, columns as wide as their words, a
table of contents with page numbers, no address broken — read back from the PDF and DOCX."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_HEARING, PROJECT
from hoering.cli import main
from hoering.comparison.outputs import notat_name
from hoering.model import nodes as n

PARTIES = 24
# long words that must stay whole in the narrow party column, then numbered councils
LONG_NAMES = ("Akademikerne", "Sundhedskartellet", "Danske Handicaporganisationer")
NAMES = [*LONG_NAMES, *(f"Kommune nr. {i:02d}" for i in range(len(LONG_NAMES), PARTIES))]
SENTENCES = (
    "Kommunen ønsker et varsel på flere hverdage, før en borger udskrives fra sengeafsnittet.",
    "Vi foreslår, at udskrivningsmødet holdes, mens borgeren stadig er indlagt.",
    "Borgere uden fast bopæl bør have en aftalt adresse, før udskrivningen finder sted.",
    "Ledsagelse til ambulant behandling bør aftales med kommunens hjemmepleje i god tid.",
)


def _hearing(root: Path) -> Path:
    """A hearing with PARTIES parties whose remarks differ in length, so that page breaks
    fall before, inside and after each party's name and each "Kommentar:" line."""
    folder = root / "consultations" / "mange"
    (folder / "responses").mkdir(parents=True)
    names = NAMES
    consulted = "".join(f"  - name: {name}\n" for name in names)
    (folder / "hearing.yaml").write_text(
        "id: mange\ntitle: Udkast til aftale om udskrivning\nauthority: region-hovedstaden\n"
        "draft: {name: udkast til aftale om udskrivning}\n"
        "period: {start: 2019-05-06, end: 2019-06-21}\ndeadline: 2019-06-21\n"
        f"consulted:\n{consulted}topics:\n"
        "  - {id: udskrivning, title: Indlæggelse og udskrivning, section: '4.1',"
        " keywords: [udskrivning]}\n"
        "  - {id: ledsagelse, title: Ledsagelse til behandling, section: '3.4',"
        " keywords: [ledsagelse]}\n",
        "utf-8",
    )
    answers = ["## udskrivning\n"]
    for i, name in enumerate(names):
        said = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(2 + i * 5 % 11))
        (folder / "responses" / f"kommune-{i:02d}.md").write_text(
            f"---\ntype: response\ntitle: Høringssvar fra {name}\nhearing: mange\n"
            f"sender: {name}\ndate: 2019-06-{1 + i % 20:02d}\nrecipient: [Region Hovedstaden]\n"
            f"signature: {{on_behalf_of: {name}}}\n---\n\n"
            f"## Udskrivning {{topic=udskrivning stance=bekymring}}\n\n{said}\n\n"
            f"## Ledsagelse {{topic=ledsagelse stance=forslag}}\n\n{SENTENCES[3]}\n",
            "utf-8",
        )
        reply = " ".join(SENTENCES[(i + k) % 3] for k in range(1 + i % 4))
        answers.append(f"### {name} {{status=delvist}}\n\nRegionen svarer: {reply}\n")
    (folder / "remarks.md").write_text("\n".join(answers), "utf-8")
    return folder


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """Each layout of the hearing's notat, as PDF and DOCX: {layout: output folder}."""
    root = tmp_path_factory.mktemp("many")
    shutil.copytree(PROJECT / "templates", root / "templates")
    _hearing(root)
    written = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        for layout in ("emner", "parter", "oversigt"):
            out = root / layout
            args = ["compare", "consultations/mange", "--no-bundle", "-f", "pdf", "-f", "docx"]
            result = CliRunner().invoke(main, [*args, "--layout", layout, "-o", str(out)])
            assert result.exit_code == 0, result.output
            written[layout] = out / "mange"
    return written


TOPICS = ("Indlæggelse og udskrivning", "Ledsagelse til behandling")
LEAD = re.compile(rf"^({'|'.join(map(re.escape, [*NAMES, *TOPICS]))}) – |^Kommentar:")


def _last_lines(pdf: Path) -> list[str]:
    """The last line of text above the footer on each page."""
    pages = [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in pypdf.PdfReader(pdf).pages
    ]
    footer = set.intersection(*(set(lines[-4:]) for lines in pages))
    body = [[x for x in lines if x not in footer and not x.startswith("Side ")] for lines in pages]
    return [lines[-1] for lines in body]


@pytest.mark.parametrize("layout", ["emner", "parter"])
def test_no_page_ends_with_a_party_or_a_comment_label(many, layout):
    lasts = _last_lines(many[layout] / f"{notat_name(layout)}.pdf")
    assert len(lasts) >= 6  # enough pages for breaks to fall everywhere
    assert [line for line in lasts if LEAD.match(line)] == []


@pytest.mark.parametrize("layout", ["emner", "parter"])
def test_docx_keeps_every_lead_with_the_paragraph_after_it(many, layout):
    paragraphs = docx.Document(many[layout] / f"{notat_name(layout)}.docx").paragraphs
    leads = [p for p in paragraphs if LEAD.match(p.text)]
    assert len(leads) >= 2 * PARTIES  # every party's name (or topic) and every "Kommentar:"
    assert [p.text for p in leads if not p.paragraph_format.keep_with_next] == []
    others = [p for p in paragraphs if p.text.startswith("Regionen svarer:")]
    assert others and not any(p.paragraph_format.keep_with_next for p in others)


# --- column widths of the kommenteret høringsoversigt -------------------------------------

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # what LibreOffice prints for Calibri here
TWIPS_PER_EMU = 1 / 635


def _overview(document) -> docx.table.Table:
    heads = ["Høringspart", "Bemærkning", "Kommentar", "Status"]
    return next(t for t in document.tables if [c.text for c in t.rows[0].cells] == heads)


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs the DejaVu fonts to measure words")
def test_docx_overview_columns_hold_their_longest_words(many):
    from PIL import ImageFont

    fonts = {
        bold: ImageFont.truetype(str(DEJAVU / f"DejaVuSans{'-Bold' if bold else ''}.ttf"), 220)
        for bold in (False, True)
    }  # 11 pt in twips
    table = _overview(docx.Document(many["oversigt"] / "hoeringsnotat-oversigt.docx"))
    room = [column.width * TWIPS_PER_EMU - 2 * 108 for column in table.columns]  # less margins
    too_wide = [
        (word, round(fonts[bool(run.bold)].getlength(word)), round(room[index]))
        for number, row in enumerate(table.rows)
        for index, cell in enumerate(row.cells)
        if number == 0 or index in (0, 3)  # the heads, the parties and the statuses
        for run in (r for p in cell.paragraphs for r in p.runs)
        for word in re.findall(r"[^\s-]*-|[^\s-]+", run.text)
        if fonts[bool(run.bold)].getlength(word) > room[index]
    ]
    assert too_wide == []
    names = [row.cells[0].text for row in table.rows[1:]]
    assert set(LONG_NAMES) <= set(names)  # the long names are in the narrow column


FOOTER_TOP = 3 * 72 / 2.54  # points from the page's foot: document.typ's bottom margin


def _words(page) -> list[tuple[float, float, float, str]]:
    """(top, x0, x1, text) of every word on a pdfminer page, from its characters."""
    from pdfminer.layout import LTChar

    chars = sorted(
        (c for c in _leaves(page) if isinstance(c, LTChar)), key=lambda c: (-round(c.y0), c.x0)
    )
    words: list[list] = []
    for char in chars:
        last = words[-1] if words else None
        joined = (
            last is not None
            and round(char.y0) == last[0]
            and char.x0 - last[2] < 1.0
            and not char.get_text().isspace()
        )
        if joined:
            last[2], last[3] = char.x1, last[3] + char.get_text()
        elif not char.get_text().isspace():
            words.append([round(char.y0), char.x0, char.x1, char.get_text()])
    return [tuple(w) for w in words]


def _leaves(item):
    children = list(item) if hasattr(item, "__iter__") else []
    if not children:
        yield item
    for child in children:
        yield from _leaves(child)


def test_pdf_overview_words_stay_inside_their_columns(many):
    from pdfminer.high_level import extract_pages

    crossing, names = [], 0
    for page in extract_pages(many["oversigt"] / "hoeringsnotat-oversigt.pdf"):
        words = _words(page)
        heads = {w[3]: w for w in words if w[3] in ("Bemærkning", "Kommentar", "Status")}
        if len(heads) < 3:
            continue
        top = heads["Bemærkning"][0]
        captions = [w[0] for w in words if w[3] == "Tabel" and w[0] < top]
        bottom = max(captions, default=FOOTER_TOP)
        starts = sorted(w[1] for w in heads.values())
        for y, x0, x1, text in words:
            if not bottom < y <= top:
                continue
            names += any(text.startswith(name) for name in LONG_NAMES)
            after = next((s for s in starts if s > x0 + 1), None)
            if after is not None and x1 > after - 3:  # runs into the next column's inset
                crossing.append(text)
    assert names >= len(LONG_NAMES) - 1  # "Danske Handicaporganisationer" is two words
    assert crossing == []


def test_pdf_matrix_heads_are_not_hyphenated(cli, project):
    result = cli("compare", f"consultations/{EXAMPLE_HEARING}", "--no-bundle", "-f", "pdf")
    assert result.exit_code == 0, result.output
    pdf = project / "output" / EXAMPLE_HEARING / "hoeringsnotat.pdf"
    lines = [
        line for page in pypdf.PdfReader(pdf).pages for line in page.extract_text().split("\n")
    ]
    start = lines.index("Bilag 1. Overblik over høringssvarene")
    heads = [line for line in lines[start:] if line.startswith("Høringssvar fra")]
    assert len(heads) >= 2  # the matrix in two tables (a head repeats on a new page)
    assert [line for line in lines if re.search(r"\w-$", line.strip())] == []
    assert any(line.startswith("Udskrivningsmentor ") for line in lines[start:])


def test_column_shares_widen_label_columns_first():
    from hoering.render.columns import fitted_shares

    # room for everything: a column gets what its word needs, the rest keep their proportions
    assert fitted_shares((1, 3), (0.4, 0.1), 1.0) == pytest.approx((0.4, 0.6))
    assert fitted_shares((1, 3), (0.1, 0.1), 1.0) == pytest.approx((0.25, 0.75))
    # too little room: the narrow (label) columns get what they need, prose shares the rest
    shares = fitted_shares((1.1, 2.6, 2.2, 1.0), (0.37, 0.45, 0.35, 0.19), 1.0)
    assert shares[0] == pytest.approx(0.37) and shares[3] == pytest.approx(0.19)
    assert sum(shares) == pytest.approx(1.0) and shares[1] > shares[2] > 0.15


# --- the bundle and the draft's references --------------------------------------------------

HEARING = Path("consultations") / EXAMPLE_HEARING
RECEIVED_DOCX = """---
type: response
title: Høringssvar fra Hvidovre Kommune
hearing: samarbejdsaftale-psykisk-sygdom
sender: Hvidovre Kommune
date: 2019-06-14
source:
  file: received/svar-hvidovre.docx
  name: svar-hvidovre.docx
  sha256: {sha}
guessed:
  title: {{confidence: 0.30, found_in: "ingen emnelinje i dokumentet"}}
---

Hvidovre Kommune bakker op om aftalen og har ingen yderligere bemærkninger.
"""


def _received_docx(hearing: Path) -> None:
    """Hvidovre's answer as if imported from a DOCX without a subject line."""
    import hashlib

    letter = docx.Document()
    letter.add_paragraph(
        "Hvidovre Kommune bakker op om aftalen og har ingen yderligere bemærkninger."
    )
    path = hearing / "received" / "svar-hvidovre.docx"
    letter.save(path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    (hearing / "responses" / "hvidovre.md").write_text(RECEIVED_DOCX.format(sha=sha), "utf-8")


def _second_answer(hearing: Path) -> None:
    """Glostrup answers a second time, two days later, written by hand."""
    (hearing / "responses" / "glostrup-tillaeg.md").write_text(
        "---\ntype: response\ntitle: Tillæg til Glostrup Kommunes høringssvar\n"
        "hearing: samarbejdsaftale-psykisk-sygdom\nsender: Glostrup Kommune\n"
        "date: 2019-06-20\n---\n\nGlostrup Kommune har intet at tilføje om ledsagelse.\n",
        "utf-8",
    )


def test_bundle_bookmarks_names_dates_and_retypeset_docx(cli, project):
    hearing = project / HEARING
    _received_docx(hearing)
    _second_answer(hearing)
    result = cli("compare", str(HEARING), "-f", "html")
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(project / "output" / EXAMPLE_HEARING / "samlede-hoeringssvar.pdf")
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    assert titles == [
        "Albertslund Kommune",
        "Brøndby Kommune",
        "Glostrup Kommune (svar af 18. juni 2019)",
        "Glostrup Kommune (svar af 20. juni 2019)",
        "Hvidovre Kommune",
        "Ishøj Kommune",
        "Rødovre Kommune",
        "Vallensbæk Kommune",
    ]
    assert not any(".md" in title for title in titles)
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Glostrup Kommune 18. juni 2019" in cover and "Glostrup Kommune 20. juni 2019" in cover
    starts = {item.title: reader.get_destination_page_number(item) for item in top}
    hvidovre = " ".join(reader.pages[starts["Hvidovre Kommune"]].extract_text().split())
    assert (
        "Modtaget som DOCX (svar-hvidovre.docx); gengivet her fra den importerede tekst, så "
        "opsætningen er ikke afsenderens." in hvidovre
    )
    assert "bakker op om aftalen" in hvidovre
    assert "Høringssvar fra Hvidovre Kommune" not in hvidovre  # the title import made up


def test_bundle_note_on_a_retypeset_docx_speaks_english(tmp_path):
    from hoering.comparison.bundle import retypeset
    from hoering.documents import compose
    from hoering.organisations import source_organisation
    from hoering.render.templates import TemplateFinder
    from hoering.sources import load_source

    (tmp_path / "responses").mkdir()
    (tmp_path / "received").mkdir()
    path = tmp_path / "responses" / "hvidovre.md"
    text = RECEIVED_DOCX.format(sha="a" * 64).replace("lang: da\n", "")
    path.write_text(text.replace("---\n\nHvidovre", "lang: en\n---\n\nHvidovre"), "utf-8")
    source = load_source(path)
    document = retypeset(compose(source, source_organisation(source, TemplateFinder(None))), source)
    assert document.title == ""  # import's made-up title, in whichever language it wrote it
    first = document.blocks[0]
    assert isinstance(first, n.Paragraph)
    assert n.plain_text(first.children) == (
        "Received as DOCX (svar-hvidovre.docx); set here again from the imported text, so the "
        "layout is not the sender's."
    )


def test_draft_docx_and_pdf_name_sources_without_links(cli, project):
    result = cli("compare", str(HEARING), "--draft", "--no-bundle", "-f", "pdf", "-f", "docx")
    assert result.exit_code == 0, result.output
    out = project / "output" / EXAMPLE_HEARING
    reader = pypdf.PdfReader(out / "hoeringsnotat-udkast.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "responses/glostrup-kommune.md:" in text  # where each remark is, as text
    targets = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    assert [t for t in targets if ".md" in t] == []
    rels = docx.Document(out / "hoeringsnotat-udkast.docx").part.rels.values()
    assert [r.target_ref for r in rels if r.is_external and ".md" in r.target_ref] == []


# --- the header: an e-mail address is never broken ----------------------------------------

LONG_ADDRESS = "birgitte.lund-hansen.jensen@regionhovedstaden.dk"


def _long_address_letter():
    from dataclasses import replace

    from conftest import make_document
    from hoering.model import InfoItem

    letter = make_document("Tekst.")
    info = (
        InfoItem("Sagsbehandler", "Birgitte Lund-Hansen Jensen"),
        InfoItem("E-mail", LONG_ADDRESS, f"mailto:{LONG_ADDRESS}"),
        InfoItem("Telefon", "38 66 50 00", "tel:+4538665000"),
    )
    return replace(letter, info=letter.info[:1] + info)


def test_pdf_header_keeps_a_long_address_on_one_line(templates):
    from hoering.render import render

    pdf = render(_long_address_letter(), "pdf", templates)
    lines = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().splitlines()
    assert LONG_ADDRESS in [line.strip() for line in lines]


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs the DejaVu fonts to measure words")
def test_docx_header_keeps_a_long_address_on_one_line(templates):
    from PIL import ImageFont

    from hoering.render import render
    from hoering.render.docx.letterhead import INFO_WIDTH

    word = docx.Document(io.BytesIO(render(_long_address_letter(), "docx", templates)))
    info = word.tables[0].rows[0].cells[1]
    rows = [p.text for p in info.paragraphs]
    assert rows == [
        "Dato\t19. juni 2019",
        "Sagsbehandler\tBirgitte Lund-Hansen Jensen",
        "E-mail\t",
        LONG_ADDRESS,  # too long beside its label: on a line of its own
        "Telefon\t38 66 50 00",
    ]
    size = info.paragraphs[3].hyperlinks[0].runs[0].font.size
    font = ImageFont.truetype(str(DEJAVU / "DejaVuSans.ttf"), size.pt * 20)  # in twips
    assert 6 <= size.pt < 8.5 and font.getlength(LONG_ADDRESS) <= INFO_WIDTH
    label = ImageFont.truetype(str(DEJAVU / "DejaVuSans-Bold.ttf"), 8.5 * 20)
    tab = info.paragraphs[1].paragraph_format.tab_stops[0].position.twips
    assert label.getlength("Sagsbehandler") < tab  # the label does not touch its value
