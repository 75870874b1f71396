"""PDF renderer: every construct, the letterhead, metadata, tagging (PDF/UA-1) and errors."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from typing import ClassVar

import pikepdf
import pypdf
import pytest

from conftest import REPO, make_document
from hoering.errors import TemplateError, display_path
from hoering.model import nodes as n
from hoering.render import render
from hoering.render.pdf import document_json
from hoering.render.templates import TemplateFinder
from support import png

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
    "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat."
)


def write_pdf(document, templates, tmp_path, name: str = "out.pdf"):
    path = tmp_path / name
    path.write_bytes(render(document, "pdf", templates))
    return path


def page_texts(path) -> list[str]:
    """The text of each page, whitespace normalised to single spaces."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def all_text(path) -> str:
    return " ".join(page_texts(path))


def alt_texts(path) -> list[str]:
    """Every /Alt in the structure tree."""
    found: list[str] = []

    def walk(element) -> None:
        if isinstance(element, pikepdf.Array):
            for child in element:
                walk(child)
        elif isinstance(element, pikepdf.Dictionary):
            if "/Alt" in element:
                found.append(str(element.Alt))
            if "/K" in element:
                walk(element.K)

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot)
    return found


@pytest.fixture
def every_pdf(every_construct, templates, tmp_path):
    return write_pdf(every_construct, templates, tmp_path)


@pytest.fixture
def long_pdf(templates, tmp_path):
    markdown = "\n\n".join(f"## Afsnit {i}\n\n{LOREM}" for i in range(14))
    return write_pdf(make_document(markdown), templates, tmp_path, "long.pdf")


# --- content --------------------------------------------------------------------------------


def test_every_construct_is_in_the_text(every_pdf):
    text = all_text(every_pdf)
    expected = [
        "Høring af udkast til samarbejdsaftale om voksne med psykisk sygdom",
        "Overskrift",
        "Tekst med kursiv, fed, kode, slet, indsat, link og en note",
        "Linje to <script>alert(1)</script>",
        "punkt",
        "underpunkt",
        "☐ opgave",
        "☒ færdig",
        "1. et",
        "2. to",
        "citat",
        "A B",
        "1 2",
        "print(1)",
        "[Billede: alt tekst]",
        "Fodnoten.",
        "På vegne af Ishøj Kommune, Center for Socialservice",
        "Helle Pernille Madsen",
        "Centerchef",
    ]
    for snippet in expected:
        assert snippet in text, snippet


def test_topic_and_stance_are_never_printed(every_pdf):
    text = all_text(every_pdf)
    assert "mentor" not in text
    assert "concern" not in text
    assert "{" not in text


def test_link_is_a_real_link(every_pdf):
    reader = pypdf.PdfReader(every_pdf)
    uris = [
        annotation.get_object().get("/A", {}).get("/URI")
        for annotation in reader.pages[0].get("/Annots", [])
    ]
    assert "https://x.dk" in uris
    assert "mailto:tp@ishoj.dk" in uris


def test_typst_syntax_in_user_text_prints_literally(templates, tmp_path):
    markdown = '#set page(width: 1cm) and $x$ and #panic("no") and <script>x</script>'
    path = write_pdf(make_document(markdown), templates, tmp_path)
    assert '#set page(width: 1cm) and $x$ and #panic("no") and <script>x</script>' in all_text(path)
    width = float(pypdf.PdfReader(path).pages[0].mediabox.width)
    assert width == pytest.approx(595.28, abs=0.1)  # still A4


def test_callout_and_figure(templates, tmp_path):
    body = make_document("Indledning.")
    callout = n.Callout(
        role="decision",
        label="Beslutning",
        blocks=(n.Paragraph((n.Text("Udvalget godkendte indstillingen."),)),),
    )
    figure = n.Figure(
        data=png(4, 3),
        mime="image/png",
        alt="Søjlediagram over svar",
        caption="Svar fordelt på holdning",
        width_cm=4,
    )
    document = dataclasses.replace(body, blocks=body.blocks + (callout, figure))
    path = write_pdf(document, templates, tmp_path)
    text = all_text(path)
    assert "Beslutning Udvalget godkendte indstillingen." in text
    assert "Svar fordelt på holdning" in text
    assert "Søjlediagram over svar" in alt_texts(path)


def test_image_with_data_and_without_alt_uses_the_file_name(templates, tmp_path):
    image = n.Image(source="billeder/kort.png", alt="", mime="image/png", data=png(4, 3))
    document = dataclasses.replace(make_document(""), blocks=(n.Paragraph((image,)),))
    path = write_pdf(document, templates, tmp_path)
    assert "kort.png" in alt_texts(path)


def structure_headings(path) -> list[str]:
    """The heading tags of the structure tree (H1, H2, …; Title), in document order."""
    found: list[str] = []

    def walk(element) -> None:
        if isinstance(element, pikepdf.Array):
            for child in element:
                walk(child)
        elif isinstance(element, pikepdf.Dictionary):
            tag = str(element.get("/S", ""))
            if re.fullmatch(r"/H\d|/Title", tag):
                found.append(tag[1:])
            if "/K" in element:
                walk(element.K)

    with pikepdf.open(path) as pdf:
        walk(pdf.Root.StructTreeRoot)
    return found


def test_title_is_the_h1_and_headings_have_the_htmls_levels(templates, tmp_path):
    """Screen readers find the same outline in the PDF as in the HTML: the title is the one
    H1 (Typst's own title element is tagged as a paragraph in PDF/UA-1), then H2, H3."""
    from htmltree import parse

    document = make_document("# Første\n\ntekst\n\n## Under\n\ntekst\n\n# Anden\n\nslut")
    path = write_pdf(document, templates, tmp_path)
    html = parse(render(document, "html", templates).decode("utf-8"))
    levels = [e.tag.upper() for e in html.iter() if re.fullmatch(r"h\d", e.tag)]
    assert structure_headings(path) == levels == ["H1", "H2", "H3", "H2"]
    assert page_texts(path)[0].count(document.title) == 1


def test_heading_levels_that_skip_still_make_a_valid_document(templates, tmp_path):
    path = write_pdf(make_document("### Dybt\n\ntekst\n\n# Top\n\n#### Under"), templates, tmp_path)
    assert "Dybt tekst Top Under" in all_text(path)


def test_numbered_heading_prints_its_number(templates, tmp_path):
    heading = n.Heading(level=2, children=(n.Text("Godkendelse af dagsorden"),), number="3.")
    document = dataclasses.replace(make_document(""), blocks=(heading,))
    assert "3. Godkendelse af dagsorden" in all_text(write_pdf(document, templates, tmp_path))


def test_footnote_referenced_twice_is_printed_once(templates, tmp_path):
    path = write_pdf(make_document("Et[^a] og to[^a].\n\n[^a]: Kilden."), templates, tmp_path)
    assert all_text(path).count("Kilden.") == 1


def test_table_caption_and_ordered_list_start(templates, tmp_path):
    table = n.Table(
        header=(n.TableCell((n.Text("Emne"),)), n.TableCell((n.Text("Antal"),))),
        rows=((n.TableCell((n.Text("Mentor"),)),),),
        align=("left", "right"),
        caption="Høringssvar pr. emne",
    )
    document = dataclasses.replace(
        make_document("3. tre\n4. fire"),
    )
    document = dataclasses.replace(document, blocks=document.blocks + (table,))
    text = all_text(write_pdf(document, templates, tmp_path))
    assert "3. tre 4. fire" in text
    assert "Emne Antal Mentor" in text
    assert "Høringssvar pr. emne" in text


def test_degenerate_content_still_renders(templates, tmp_path):
    blocks = (
        n.Heading(level=2, children=()),
        n.Paragraph((n.Link("", (n.Text("uden adresse"),)),)),
        n.BulletList((n.ListItem(()), n.ListItem((), checked=True))),
        n.Table(header=(n.TableCell((n.Text("Kun overskrift"),)),), rows=(), align=(None,)),
        n.Table(header=(n.TableCell((n.Text("Ingen justering"),)),), rows=()),
        n.CodeBlock("x = 1", language="ukendt"),
        n.Callout(role="note", label="", blocks=()),
    )
    document = dataclasses.replace(make_document(""), blocks=blocks, info=(), recipient=())
    assert "uden adresse" in all_text(write_pdf(document, templates, tmp_path))


def test_document_json_is_data_with_a_kind_on_every_node(every_construct):
    data = json.loads(document_json(every_construct))
    assert data["kind"] == "response"
    assert data["letterhead"]["logo"][:4] == list(b"<svg")
    assert data["blocks"][0] == {
        "kind": "heading",
        "level": 1,
        "children": [{"kind": "text", "text": "Overskrift"}],
        "line": 1,
        "topic": "mentor",
        "stance": "concern",
        "number": None,
        "guess": None,
        "matched": None,
        "appendix": False,
        "status": None,
    }
    assert data["labels"] == {"page": "Side", "of": "af", "image": "Billede"}
    assert data["created"] == {
        "year": 2019,
        "month": 6,
        "day": 19,
        "hour": 0,
        "minute": 0,
        "second": 0,
    }


# --- letterhead and pages ---------------------------------------------------------------------


def test_letterhead_on_the_first_page(every_pdf):
    first = page_texts(every_pdf)[0]
    for snippet in [
        "Ishøj Kommune",
        "Center for Socialservice",
        "Dato",
        "19. juni 2019",
        "Sagsnr.",
        "27.00.00-P20-1-19",
        "Region Hovedstaden Center for Sundhed",
    ]:
        assert snippet in first, snippet


def test_page_numbers_footer_and_running_header(long_pdf):
    pages = page_texts(long_pdf)
    assert len(pages) >= 2
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} af {total}" in text
        assert "Ishøj Rådhus · Ishøj Store Torv 20 · 2635 Ishøj" in text
        assert "ishojkommune@ishoj.dk · www.ishoj.dk" in text
    assert "Region Hovedstaden" not in pages[1]
    assert pages[1].startswith("Ishøj Kommune Høring af udkast til samarbejdsaftale")


def test_english_document_says_page_of(templates, tmp_path):
    path = write_pdf(make_document("Text.", lang="en"), templates, tmp_path)
    assert "Page 1 of 1" in all_text(path)
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"


def test_png_logo(every_construct, templates, tmp_path):
    logo = (REPO / "src/hoering/templates/organisations/ishoj.png").read_bytes()
    letterhead = dataclasses.replace(every_construct.letterhead, logo=logo, logo_mime="image/png")
    document = dataclasses.replace(every_construct, letterhead=letterhead)
    assert "Ishøj Kommune" in page_texts(write_pdf(document, templates, tmp_path))[0]


# --- metadata, fonts, accessibility, determinism ------------------------------------------------


def test_metadata(every_pdf, every_construct):
    metadata = pypdf.PdfReader(every_pdf).metadata
    assert metadata.title == every_construct.title
    assert metadata.author == "Ishøj Kommune"
    assert metadata["/Keywords"] == "høringssvar, psykiatri"
    assert metadata["/CreationDate"] == "D:20190619000000Z"


def test_every_font_is_embedded(every_pdf):
    reader = pypdf.PdfReader(every_pdf)
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    for font in fonts:
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]


def test_tagged_pdf_ua_and_pdf_a(every_pdf):
    with pikepdf.open(every_pdf) as pdf:
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "da-DK"
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        xmp = str(pdf.open_metadata())
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", xmp)
    assert re.search(r"<pdfaid:part>3</pdfaid:part>|pdfaid:part=\"3\"", xmp)


def test_same_document_same_bytes(every_construct, templates):
    assert render(every_construct, "pdf", templates) == render(every_construct, "pdf", templates)


def test_renders_in_threads_give_the_same_bytes(every_construct, templates):
    from concurrent.futures import ThreadPoolExecutor

    expected = render(every_construct, "pdf", templates)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: render(every_construct, "pdf", templates), range(8)))
    assert all(result == expected for result in results)


def test_source_date_epoch_sets_the_dates(every_construct, templates, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    metadata = pypdf.PdfReader(write_pdf(every_construct, templates, tmp_path)).metadata
    assert metadata["/ModDate"] == "D:20231114221320Z"


# --- templates and errors ----------------------------------------------------------------------


def test_project_template_overrides_the_builtin(every_construct, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "document.typ").write_text(
        "#let doc = json(bytes(sys.inputs.document))\n"
        '#set document(title: doc.title)\n#set text(lang: "da")\n'
        "Eget brevpapir: #doc.title\n",
        "utf-8",
    )
    path = write_pdf(every_construct, TemplateFinder(folder), tmp_path)
    assert all_text(path).startswith("Eget brevpapir: Høring af udkast")


def test_template_syntax_error_names_file_and_line(every_construct, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "document.typ"
    template.write_text("#let doc = json(bytes(sys.inputs.document))\nHej\n#let x = 1 +\n")
    with pytest.raises(TemplateError) as caught:
        render(every_construct, "pdf", TemplateFinder(folder))
    assert caught.value.path == template
    assert caught.value.line == 3
    assert str(caught.value) == (
        f"{display_path(template)}:3: fejl i PDF-skabelonen: expected expression"
    )


@dataclass(frozen=True)
class Mystery:
    line: int | None = None
    kind: ClassVar[str] = "mystery"


def test_unknown_node_kind_is_a_clear_error(templates):
    document = dataclasses.replace(make_document(""), blocks=(Mystery(),))
    with pytest.raises(TemplateError, match="fejl i PDF-skabelonen: .*'mystery'"):
        render(document, "pdf", templates)
