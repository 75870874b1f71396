"""DOCX rendering: real Word styles, letterhead, footnotes, metadata, same bytes every time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from conftest import make_document
from hoering.model import Document, nodes
from hoering.render import render
from support import png

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


@dataclass
class Rendered:
    """A rendered file: its bytes, python-docx's view of it and every part's XML."""

    data: bytes
    word: docx.document.Document
    parts: dict[str, bytes]

    def xml(self, name: str) -> str:
        return self.parts[name].decode("utf-8")

    def body_paragraphs(self) -> list[tuple[str, str]]:
        return [(p.style.name, p.text) for p in self.word.paragraphs]

    def text(self) -> str:
        """All visible text of body and footnotes, whitespace collapsed."""
        chunks = []
        for name in ("word/document.xml", "word/footnotes.xml"):
            if name in self.parts:
                chunks.extend(_paragraph_texts(self.parts[name]))
        return _squash(" ".join(chunks))

    def rels(self, part: str = "word/document.xml") -> list[etree._Element]:
        folder, _, name = part.rpartition("/")
        tree = etree.fromstring(self.parts[f"{folder}/_rels/{name}.rels"])
        return list(tree)


def _paragraph_texts(xml: bytes) -> list[str]:
    texts = []
    for p in etree.fromstring(xml).iter(f"{W}p"):
        parts = []
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}br"):
            parts.append(node.text or "" if node.tag == f"{W}t" else " ")
        texts.append("".join(parts))
    return texts


def _squash(text: str) -> str:
    return " ".join(text.split())


def render_docx(document: Document, templates, tmp_path: Path) -> Rendered:
    data = render(document, "docx", templates)
    path = tmp_path / "out.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    return Rendered(data, docx.Document(str(path)), parts)


@pytest.fixture
def rendered(every_construct, templates, tmp_path) -> Rendered:
    return render_docx(every_construct, templates, tmp_path)


def paragraph(*children: nodes.Inline) -> nodes.Paragraph:
    return nodes.Paragraph(tuple(children))


# --- styles per construct ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "text"),
    [
        ("Title", "Høring af udkast til samarbejdsaftale om voksne med psykisk sygdom"),
        ("Heading 1", "Overskrift"),
        ("List Bullet", "punkt"),
        ("List Bullet 2", "underpunkt"),
        ("List Continue", "☐ opgave"),
        ("List Continue", "☒ færdig"),
        ("List Number", "et"),
        ("List Number", "to"),
        ("Quote", "citat"),
        ("Code", "print(1)"),
        ("Normal", "[Billede: alt tekst]"),
    ],
)
def test_each_construct_has_its_word_style(rendered, style, text):
    assert (style, text) in rendered.body_paragraphs()


def test_headings_map_to_three_levels_and_print_their_number(templates, tmp_path):
    document = make_document("# Et\n\n## To\n\n### Tre\n\n#### Fire\n")
    numbered = nodes.Heading(2, (nodes.Text("Økonomi"),), number="3.")
    document = dataclasses.replace(document, blocks=document.blocks + (numbered,))
    paragraphs = render_docx(document, templates, tmp_path).body_paragraphs()
    assert [p for p in paragraphs if p[0].startswith("Heading")] == [
        ("Heading 1", "Et"),
        ("Heading 2", "To"),
        ("Heading 3", "Tre"),
        ("Heading 3", "Fire"),
        ("Heading 2", "3. Økonomi"),
    ]


def test_list_styles_follow_the_nesting_depth(templates, tmp_path):
    markdown = "- a\n  - b\n    - c\n      - d\n\n1. e\n   1. f\n      1. g\n"
    paragraphs = render_docx(make_document(markdown), templates, tmp_path).body_paragraphs()
    assert [p for p in paragraphs if p[0].startswith("List")] == [
        ("List Bullet", "a"),
        ("List Bullet 2", "b"),
        ("List Bullet 3", "c"),
        ("List Bullet 3", "d"),
        ("List Number", "e"),
        ("List Number 2", "f"),
        ("List Number 3", "g"),
    ]


def test_inline_formatting_uses_real_run_properties(rendered):
    runs = {run.text: run for p in rendered.word.paragraphs for run in p.runs}
    assert runs["kursiv"].italic and runs["fed"].bold and runs["slet"].font.strike
    inserted = runs["indsat"].font
    assert inserted.underline and str(inserted.color.rgb) == "1B6B3A" and not inserted.strike
    assert runs["kode"].style.name == "HTML Code"
    assert "Linje to <script>alert(1)</script>" in rendered.text()
    assert "&lt;script&gt;" in rendered.xml("word/document.xml")
    assert "<script>" not in rendered.xml("word/document.xml")


def test_links_are_real_hyperlinks(rendered):
    targets = {
        r.get("Id"): r.get("Target") for r in rendered.rels() if r.get("Type") == HYPERLINK_REL
    }
    links = etree.fromstring(rendered.parts["word/document.xml"]).iter(f"{W}hyperlink")
    shown = {targets[link.get(qn("r:id"))]: "".join(link.itertext()) for link in links}
    assert shown["https://x.dk"] == "link"
    assert shown["mailto:tp@ishoj.dk"] == "tp@ishoj.dk"
    assert 'w:tooltip="t"' in rendered.xml("word/document.xml")
    assert 'w:rStyle w:val="Hyperlink"' in rendered.xml("word/document.xml")


def test_unsafe_link_targets_are_plain_text(every_construct, templates, tmp_path):
    link = nodes.Link("javascript:alert(1)", (nodes.Text("klik"),))
    broken = nodes.Link("http://[::1", (nodes.Text("brudt"),))
    document = dataclasses.replace(every_construct, blocks=(paragraph(link, broken),))
    result = render_docx(document, templates, tmp_path)
    assert "klikbrudt" in result.text()
    assert "javascript" not in "".join(r.get("Target") for r in result.rels())


def test_ordered_lists_number_and_restart_at_their_start(templates, tmp_path):
    result = render_docx(make_document("3. tre\n4. fire\n\nTekst\n\n1. en\n"), templates, tmp_path)
    numbered = [p for p in result.word.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["tre", "fire", "en"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2]
    numbering = result.xml("word/numbering.xml")
    for num_id, start in ((num_ids[0], 3), (num_ids[2], 1)):
        match = re.search(rf'<w:num w:numId="{num_id}">.*?</w:num>', numbering)
        assert f'<w:startOverride w:val="{start}"/>' in match.group(0)


def test_table_has_style_header_row_and_alignment(rendered):
    table = next(t for t in rendered.word.tables if t.style.name == "Table Grid")
    assert [[c.text for c in row.cells] for row in table.rows] == [["A", "B"], ["1", "2"]]
    header = table.rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None
    assert [c.paragraphs[0].alignment for c in table.rows[1].cells] == [0, 2]  # left, right
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)


def test_footnotes_are_word_footnotes(rendered):
    footnotes = rendered.xml("word/footnotes.xml")
    assert "Fodnoten." in footnotes and "<w:footnoteRef/>" in footnotes
    assert '<w:footnoteReference w:id="1"/>' in rendered.xml("word/document.xml")
    assert "wordprocessingml.footnotes+xml" in rendered.xml("[Content_Types].xml")
    assert '<w:footnotePr><w:footnote w:id="-1"/>' in rendered.xml("word/settings.xml")


def test_unreferenced_footnote_is_listed_under_notes(every_construct, templates, tmp_path):
    document = dataclasses.replace(every_construct, blocks=(paragraph(nodes.Text("Uden note")),))
    result = render_docx(document, templates, tmp_path)
    assert "word/footnotes.xml" not in result.parts
    assert ("Heading 2", "Noter") in result.body_paragraphs()
    assert ("footnote text", "1. Fodnoten.") in result.body_paragraphs()


def test_topic_and_stance_are_never_printed(rendered):
    everything = " ".join(part.decode("utf-8", "ignore") for part in rendered.parts.values())
    assert "mentor" not in everything and "concern" not in everything


def test_nothing_from_the_model_is_dropped(every_construct, rendered):
    text = rendered.text()
    for expected in model_texts(every_construct.blocks + every_construct.closing):
        assert _squash(expected) in text
    for note in every_construct.footnotes:
        for expected in model_texts(note.blocks):
            assert _squash(expected) in text


def model_texts(blocks) -> list[str]:
    """The text of every paragraph-like unit of the model, footnote markers left out."""
    found = []
    for block in blocks:
        if isinstance(block, nodes.Paragraph | nodes.Heading):
            found.append(re.sub(r"\[\d+\]", "", nodes.plain_text(block.children)))
        elif isinstance(block, nodes.BulletList | nodes.OrderedList):
            for item in block.items:
                found.extend(model_texts(item.blocks))
        elif isinstance(block, nodes.BlockQuote | nodes.Callout):
            found.extend(model_texts(block.blocks))
        elif isinstance(block, nodes.Table):
            found.extend(
                nodes.plain_text(c.children) for r in (block.header, *block.rows) for c in r
            )
        elif isinstance(block, nodes.CodeBlock):
            found.append(block.text)
    return found


# --- blocks built by hand ------------------------------------------------------------------


def test_callout_and_figure(every_construct, templates, tmp_path):
    callout = nodes.Callout("decision", "Beslutning", (paragraph(nodes.Text("Godkendt.")),))
    figure = nodes.Figure(
        png(4, 2),
        "image/png",
        "Søjlediagram over udgifter",
        caption="Figur 1. Udgifter",
        width_cm=8,
    )
    document = dataclasses.replace(every_construct, blocks=(callout, figure))
    result = render_docx(document, templates, tmp_path)
    box = next(t for t in result.word.tables if t.cell(0, 0).paragraphs[0].text == "Beslutning")
    assert box.cell(0, 0).paragraphs[0].runs[0].bold
    assert [p.text for p in box.cell(0, 0).paragraphs] == ["Beslutning", "Godkendt."]
    assert "w:shd" in box.cell(0, 0)._tc.tcPr.xml
    picture_at = next(i for i, p in enumerate(result.word.paragraphs) if "w:drawing" in p._p.xml)
    assert 'descr="Søjlediagram over udgifter"' in result.word.paragraphs[picture_at]._p.xml
    caption = result.word.paragraphs[picture_at + 1]
    assert (caption.style.name, caption.text) == ("Caption", "Figur 1. Udgifter")
    assert result.word.inline_shapes[0].width == 8 * 360_000
    assert any(r.get("Type") == IMAGE_REL for r in result.rels())


def test_adjacent_tables_are_kept_apart(every_construct, templates, tmp_path):
    callout = nodes.Callout("note", "Bemærk", (paragraph(nodes.Text("Et")),))
    document = dataclasses.replace(every_construct, blocks=(callout, callout))
    body = render_docx(document, templates, tmp_path).word.element.body
    tags = [etree.QName(child).localname for child in body]
    assert "tbl" not in {b for a, b in zip(tags, tags[1:], strict=False) if a == "tbl"}


def test_image_that_cannot_be_embedded_becomes_its_alt_text(every_construct, templates, tmp_path):
    svg = nodes.Figure(b"<svg/>", "image/svg+xml", "Kort over Ishøj")  # no size, nothing drawn
    broken = nodes.Figure(b"not a png", "image/png", "Ødelagt billede")
    inline = paragraph(nodes.Image("x.png", "Indlejret", "image/png", png(4, 2)))
    document = dataclasses.replace(every_construct, blocks=(svg, broken, inline))
    result = render_docx(document, templates, tmp_path)
    assert "[Billede: Kort over Ishøj]" in result.text()
    assert "[Billede: Ødelagt billede]" in result.text()
    assert 'descr="Indlejret"' in result.xml("word/document.xml")


def test_unknown_node_kind_is_an_error(every_construct, templates):
    @dataclass(frozen=True)
    class Mystery:
        kind: ClassVar[str] = "mystery"

    document = dataclasses.replace(every_construct, blocks=(Mystery(),))
    with pytest.raises(ValueError, match="mystery"):
        render(document, "docx", templates)


# --- letterhead ----------------------------------------------------------------------------


def test_first_page_header_with_png_logo(every_construct, templates, tmp_path):
    letterhead = dataclasses.replace(
        every_construct.letterhead, logo=png(4, 2), logo_mime="image/png"
    )
    result = render_docx(
        dataclasses.replace(every_construct, letterhead=letterhead), templates, tmp_path
    )
    section = result.word.sections[0]
    assert section.different_first_page_header_footer
    header = section.first_page_header
    texts = [p.text for p in header.paragraphs]
    assert "Ishøj Kommune" in texts and "Center for Socialservice" in texts
    assert any(r.reltype == IMAGE_REL for r in header.part.rels.values())
    assert 'descr="Ishøj Kommune logo"' in header.part.element.xml


def _pictures(part) -> list[tuple[str, int, int, bytes]]:
    """(description, width EMU, height EMU, image bytes) of every picture in ``part``."""
    found = []
    for inline in part.element.iter(qn("wp:inline")):
        extent = inline.find(qn("wp:extent"))
        rid = next(inline.iter(qn("a:blip"))).get(qn("r:embed"))
        found.append(
            (
                inline.find(qn("wp:docPr")).get("descr"),
                int(extent.get("cx")),
                int(extent.get("cy")),
                part.related_parts[rid].blob,
            )
        )
    return found


def test_svg_logo_is_drawn_as_a_png_at_logo_height(rendered):
    header = rendered.word.sections[0].first_page_header
    ((alt, width, height, blob),) = _pictures(header.part)
    assert alt == "Ishøj Kommune logo"
    assert blob.startswith(b"\x89PNG") and b"pHYs" in blob
    assert height == round(1.5 * 360_000) and width == 3 * height  # the SVG is 120 x 40
    assert [p.text for p in header.paragraphs[:2]] == ["", "Ishøj Kommune"]
    assert header.paragraphs[1].runs[0].font.size.pt == 12  # beside a logo: not large type


def test_svg_figure_is_drawn_as_a_png_at_its_own_size(every_construct, templates, tmp_path):
    svg = (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="240" '
        b'height="120"><circle cx="60" cy="60" r="50" fill="#c00"/></svg>'
    )
    figure = nodes.Figure(svg, "image/svg+xml", "Kort over Ishøj", caption="Kort")
    result = render_docx(
        dataclasses.replace(every_construct, blocks=(figure,)), templates, tmp_path
    )
    ((alt, width, height, blob),) = _pictures(result.word.part)
    assert alt == "Kort over Ishøj" and blob.startswith(b"\x89PNG")
    assert (width, height) == (240 * 9525, 120 * 9525)  # CSS pixels: 96 to the inch
    assert "[Billede" not in result.text()


def test_later_pages_have_a_small_header(rendered):
    texts = [p.text for p in rendered.word.sections[0].header.paragraphs]
    assert texts == [
        "Ishøj Kommune",
        "Høring af udkast til samarbejdsaftale om voksne med psykisk sygdom",
    ]


def test_every_footer_has_address_and_page_x_of_y(rendered, every_construct):
    section = rendered.word.sections[0]
    for footer in (section.first_page_footer, section.footer):
        xml = footer.part.element.xml
        assert 'w:instr=" PAGE "' in xml and 'w:instr=" NUMPAGES "' in xml
        texts = _paragraph_texts(etree.tostring(footer.part.element))
        assert texts[0] == "Side 1 af 1"  # the fields' last values, updated by Word
        assert list(every_construct.letterhead.footer_lines) == texts[1:]


def test_page_is_a4(rendered):
    section = rendered.word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_recipient_and_info_block_open_the_body(rendered):
    first = rendered.word.element.body[0]
    assert first.tag == qn("w:tbl")
    layout = rendered.word.tables[0]
    recipient, info = layout.rows[0].cells
    assert [p.text for p in recipient.paragraphs] == ["Region Hovedstaden", "Center for Sundhed"]
    assert [p.text for p in info.paragraphs][:2] == [
        "Dato\t19. juni 2019",
        "Sagsnr.\t27.00.00-P20-1-19",
    ]
    assert rendered.word.paragraphs[0].style.name == "Title"


def test_signature_follows_the_body_and_keeps_together(rendered):
    paragraphs = rendered.word.paragraphs
    assert paragraphs[-1].text == "Helle Pernille Madsen\nCenterchef"
    assert paragraphs[-2].text.startswith("På vegne af")
    assert paragraphs[-2].paragraph_format.keep_with_next


# --- metadata and bytes --------------------------------------------------------------------


def test_core_properties(rendered):
    props = rendered.word.core_properties
    assert props.title == "Høring af udkast til samarbejdsaftale om voksne med psykisk sygdom"
    assert props.author == props.last_modified_by == "Ishøj Kommune"
    assert props.subject == "Samarbejdsaftale om voksne med psykisk sygdom"
    assert props.keywords == "høringssvar, psykiatri"
    assert props.language == "da-DK"
    assert props.created == props.modified == dt.datetime(2019, 6, 19, tzinfo=dt.UTC)
    assert props.revision == 1
    core = rendered.xml("docProps/core.xml")
    assert dt.date.today().isoformat() not in core and "python-docx" not in core


def test_spelling_language_is_set_on_the_document_defaults(rendered):
    styles = rendered.xml("word/styles.xml")
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S).group(0)
    assert '<w:lang w:val="da-DK" w:eastAsia="da-DK" w:bidi="ar-SA"/>' in defaults


def test_english_document(templates, tmp_path):
    result = render_docx(make_document("Tekst", lang="en"), templates, tmp_path)
    footer = result.word.sections[0].footer.part.element
    assert _paragraph_texts(etree.tostring(footer))[0] == "Page 1 of 1"
    assert result.word.core_properties.language == "en-GB"
    assert 'w:val="en-GB"' in result.xml("word/styles.xml")


def test_same_document_same_bytes(every_construct, templates):
    first = render(every_construct, "docx", templates)
    assert render(every_construct, "docx", templates) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2019, 6, 19, 0, 0, 0)}


def test_source_date_epoch_sets_the_time(every_construct, templates, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "315532800")  # 1980-01-01
    result = render_docx(every_construct, templates, tmp_path)
    assert result.word.core_properties.created == dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


# Children order the schema requires (subset hoering writes); Word repairs files that differ.
SCHEMA_ORDER = {
    "pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "numPr",
        "pBdr",
        "shd",
        "tabs",
        "spacing",
        "ind",
        "contextualSpacing",
        "jc",
        "outlineLvl",
        "rPr",
    ],
    "rPr": [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "strike",
        "noProof",
        "color",
        "sz",
        "szCs",
        "u",
        "shd",
        "vertAlign",
        "lang",
    ],
    "tblPr": [
        "tblStyle",
        "tblW",
        "jc",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
    ],
    "tcPr": ["tcW", "gridSpan", "vMerge", "tcBorders", "shd", "vAlign"],
    "sectPr": [
        "headerReference",
        "footerReference",
        "footnotePr",
        "pgSz",
        "pgMar",
        "cols",
        "titlePg",
        "docGrid",
    ],
}


def test_property_children_are_in_schema_order(rendered):
    for name, data in rendered.parts.items():
        if not name.startswith("word/") or not name.endswith(".xml"):
            continue
        for parent, order in SCHEMA_ORDER.items():
            for element in etree.fromstring(data).iter(f"{W}{parent}"):
                children = [etree.QName(c).localname for c in element]
                known = [c for c in children if c in order]
                assert known == sorted(known, key=order.index), (name, parent, children)
