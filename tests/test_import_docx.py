"""Importing DOCX drafts as ministries and regions send them: headings from any style with an
outline level, Word's automatic numbering as text, tracked changes kept visibly (and
reported), comments as footnotes, fields without their codes, the first-page header read.

The fixture is made here with python-docx plus the raw WordprocessingML python-docx has no API
for (outline levels, numbering definitions, w:ins/w:del, w:moveFrom/w:moveTo, fields). The
tests assert on the written Markdown source and, where the renderers are involved, on the
DOCX, PDF and HTML built from it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from lxml import etree

import hoering
from conftest import EXAMPLE_HEARING
from hoering.model import nodes as n
from hoering.sources import load_source

HEARING = Path("consultations") / EXAMPLE_HEARING
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
DATE = 'w:date="2025-03-01T10:00:00Z"'

NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="10">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:pStyle w:val="Kapitel1"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:pStyle w:val="kapiteloverskrift2"/><w:lvlText w:val="%1.%2"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="11">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
      <w:lvlText w:val="%2)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="12">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="11"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>"""


def _xml(fragment: str):
    return etree.fromstring(f'<w:root xmlns:w="{W_NS}">{fragment}</w:root>')[0]


def _style(document, style_id: str, name: str, ppr: str, based_on: str | None = None):
    from docx.enum.style import WD_STYLE_TYPE

    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(W + "styleId", style_id)
    if based_on:
        style.base_style = document.styles[based_on]
    style.element.append(_xml(f"<w:pPr>{ppr}</w:pPr>"))
    style.font.bold = True
    return style


def _paragraph(document, runs: str, ppr: str = "", style: str | None = None):
    """A paragraph from raw runs (and w:ins/w:del around them) appended to the body."""
    paragraph = document.add_paragraph(style=style)
    element = paragraph._p
    if ppr:
        properties = element.get_or_add_pPr()
        for child in _xml(f"<w:pPr>{ppr}</w:pPr>"):
            properties.append(child)
    for child in _xml(f"<w:p>{runs}</w:p>"):
        element.append(child)
    return paragraph


def _r(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _ins(author: str, runs: str, ident: int) -> str:
    return f'<w:ins w:id="{ident}" w:author="{author}" {DATE}>{runs}</w:ins>'


def _del(author: str, text: str, ident: int) -> str:
    return (
        f'<w:del w:id="{ident}" w:author="{author}" {DATE}><w:r>'
        f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def _numbered(num_id: int, level: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def draft_docx() -> bytes:
    """A ministry's remarks sent as the draft with tracked changes and comments."""
    import docx

    document = docx.Document()
    document.part.numbering_part._element = etree.fromstring(NUMBERING.encode())
    # A chapter style with an outline level, a custom style that inherits it through basedOn
    # and its own level-2 style, all numbered by one multi-level list bound to the styles.
    _style(document, "Kapitel1", "Kapitel 1", '<w:outlineLvl w:val="0"/>' + _numbered(1, 0))
    _style(document, "KapitelBase", "Kapitelbase", '<w:outlineLvl w:val="1"/>')
    _style(
        document,
        "kapiteloverskrift2",
        "kapiteloverskrift2",
        '<w:numPr><w:numId w:val="1"/></w:numPr>',
        based_on="Kapitelbase",
    )
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Social- og Boligministeriet"
    section.first_page_header.add_paragraph("Holmens Kanal 22, 1060 København K")
    section.header.paragraphs[0].text = "UDKAST – side 2 og frem"

    _paragraph(document, _r("Bemærkninger til udkast til bekendtgørelse om botilbud", "<w:b/>"))
    _paragraph(document, _r("Indledning"), style="Kapitel 1")
    _paragraph(
        document,
        _r("Kommunen ")
        + _del("Anna Jensen", "skal", 1)
        + _ins("Bo Hansen", _r("bør"), 2)
        + _r(" sikre en ")
        + _r("handleplan")
        + _r(" for hver borger.")
        + _ins("Anna Jensen", _r(" Planen skal være skriftlig."), 3),
    )
    _paragraph(document, _r("Baggrund"), style="kapiteloverskrift2")
    _paragraph(document, _r("Første punkt"), _numbered(2))
    _paragraph(document, _r("Andet punkt"), _numbered(2))
    _paragraph(document, _r("Et underpunkt"), _numbered(2, 1))
    _paragraph(document, _r("Et underpunkt til"), _numbered(2, 1))
    _paragraph(document, _r("Tredje punkt"), _numbered(2))
    _paragraph(document, _r("Anden liste, der begynder forfra"), _numbered(3))
    _paragraph(document, _r("Et punkt med prik"), _numbered(4))
    _paragraph(
        document,
        _r("Flyttet fra: ")
        + '<w:moveFrom w:id="4" w:author="Bo Hansen" '
        + DATE
        + "><w:r>"
        + '<w:t xml:space="preserve">denne sætning</w:t></w:r></w:moveFrom>',
    )
    _paragraph(
        document,
        _r("Flyttet til: ")
        + '<w:moveTo w:id="5" w:author="Bo Hansen" '
        + DATE
        + ">"
        + _r("denne sætning")
        + "</w:moveTo>",
    )
    _paragraph(
        document,
        _r("Se ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://sm.dk/udkast" '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("udkastet")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _r(" på side ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("2")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _r("."),
    )
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Krav", "Ændring"
    table.cell(1, 0).text = "Svarfrist"
    cell = table.cell(1, 1).paragraphs[0]._p
    for child in _xml(
        "<w:p>"
        + _del("Bo Hansen", "tre", 6)
        + _ins("Bo Hansen", _r("syv"), 7)
        + _r(" hverdage")
        + "</w:p>"
    ):
        cell.append(child)
    _paragraph(document, _r("Økonomi"), style="Kapitel 1")
    _paragraph(
        document, _r("Netværksmøder:", "<w:b/>") + _r(" Det er positivt, at de *fastholdes*.")
    )
    _paragraph(document, _r("Afsluttende bemærkning"), '<w:outlineLvl w:val="1"/>')
    _paragraph(document, _r("Ministeriet ser frem til det videre arbejde."))
    _paragraph(document, _r("Bemærk:", "<w:b/>") + _r(" Teksten er et udkast."))
    _paragraph(document, _r("Med venlig hilsen"))
    _paragraph(document, _r("Anna Jensen") + "<w:r><w:br/></w:r>" + _r("Kontorchef"))
    handleplan = [r for p in document.paragraphs for r in p.runs if r.text == "handleplan"]
    document.add_comment(
        handleplan, text="Hvad menes med handleplan her?", author="Anna Jensen", initials="AJ"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing as it was before its own imported example."""


@pytest.fixture
def imported(project) -> Path:
    original = project / "incoming" / "udkast-med-rettelser.docx"
    original.parent.mkdir(exist_ok=True)
    original.write_bytes(draft_docx())
    return hoering.import_file(original, HEARING).path


def body_of(path: Path) -> str:
    return path.read_text("utf-8").split("\n---\n", 1)[1]


def test_tracked_changes_are_kept_visibly(imported):
    body = body_of(imported)
    assert (
        "Kommunen ~~skal~~++bør++ sikre en handleplan[^1] for hver borger. ++Planen skal være\n"
        "skriftlig.++" in body
    )
    assert "Flyttet fra: ~~denne sætning~~" in body
    assert "Flyttet til: ++denne sætning++" in body
    assert "| Krav | Ændring |\n| --- | --- |\n| Svarfrist | ~~tre~~++syv++ hverdage |" in body


def test_the_report_names_the_authors_of_changes_and_comments(imported):
    source = load_source(imported)
    changes = source.meta.guessed["tracked_changes"].found_in
    assert changes.startswith(
        "DOCX-filen har registrerede ændringer fra Anna Jensen: 1 sletning, "
        "1 indsættelse; Bo Hansen: 1 sletning, 2 indsættelser, 1 flytning."
    )
    comments = source.meta.guessed["comments"].found_in
    assert comments.startswith("DOCX-filen har Word-kommentarer fra Anna Jensen: 1;")
    review = {item.what: item for item in hoering.review(HEARING)}
    assert review["tracked_changes"].value == "bevaret i teksten"
    assert "Bo Hansen" in review["tracked_changes"].why
    assert review["comments"].value == "bevaret som fodnoter"


def test_a_comment_is_labelled_in_the_language_of_the_hearing(project):
    hearing = project / HEARING / "hearing.yaml"
    hearing.write_text(hearing.read_text("utf-8") + "lang: en\n", "utf-8")
    original = project / "incoming" / "draft-with-comments.docx"
    original.parent.mkdir(exist_ok=True)
    original.write_bytes(draft_docx())
    body = body_of(hoering.import_file(original, HEARING).path)
    assert body.rstrip().endswith("[^1]: Comment by Anna Jensen: Hvad menes med handleplan her?")


def test_comment_becomes_a_footnote_where_it_was_made(imported):
    body = body_of(imported)
    assert body.rstrip().endswith("[^1]: Kommentar fra Anna Jensen: Hvad menes med handleplan her?")
    source = load_source(imported)
    [note] = source.body.footnotes
    assert n.plain_text(note.blocks[0].children) == (
        "Kommentar fra Anna Jensen: Hvad menes med handleplan her?"
    )


def test_headings_from_outline_levels_with_their_numbers(imported):
    headings = [line for line in body_of(imported).splitlines() if line.startswith("#")]
    assert [line.split(" {")[0] for line in headings] == [
        "## 1. Indledning",  # style with an outline level, numbered through its w:pStyle
        "### 1.1 Baggrund",  # custom "kapiteloverskrift2": outline level from its basedOn
        "## 2. Økonomi",
        "### Netværksmøder",  # a remark's bold label that names a topic, as in a PDF
        "### Afsluttende bemærkning",  # outline level in the paragraph itself
    ]


def test_automatic_numbering_is_restored(imported):
    body = body_of(imported)
    assert (
        "1. Første punkt\n2. Andet punkt\n\na) Et underpunkt\n\nb) Et underpunkt til\n\n"
        "3. Tredje punkt\n\n1) Anden liste, der begynder forfra\n\n- Et punkt med prik" in body
    )
    lists = [b for b in load_source(imported).blocks if isinstance(b, n.OrderedList)]
    assert [(b.start, len(b.items)) for b in lists] == [(1, 2), (3, 1), (1, 1)]


def test_fields_show_their_result_never_their_code(imported):
    body = body_of(imported)
    assert "Se [udkastet](https://sm.dk/udkast) på side 2." in body
    assert "HYPERLINK" not in body and "PAGE" not in body


def test_bold_labels_and_literal_markup_characters(imported):
    body = body_of(imported)
    assert "### Netværksmøder {topic=netvaerksmoeder" in body  # the label names a topic
    assert "\n\nDet er positivt, at de \\*fastholdes\\*.\n" in body
    assert "\n\n**Bemærk:** Teksten er et udkast.\n" in body  # a label naming none stays bold


def test_a_line_break_separates_the_signatory_from_her_title(imported):
    signature = load_source(imported).meta.signature
    assert [(s.name, s.title) for s in signature.signatories] == [("Anna Jensen", "Kontorchef")]


def test_first_page_header_is_read_as_letterhead(project, tmp_path):
    from hoering.imports.docx import read_docx

    path = tmp_path / "udkast.docx"
    path.write_bytes(draft_docx())
    header = [line.text for line in read_docx(path).lines if line.region == "header"]
    assert header == [
        "Social- og Boligministeriet",
        "Holmens Kanal 22, 1060 København K",
        "UDKAST – side 2 og frem",
    ]
    source = hoering.import_file(_incoming(project, path), HEARING).path
    assert load_source(source).meta.sender == "Social- og Boligministeriet"


def _incoming(project: Path, path: Path) -> Path:
    target = project / "incoming" / path.name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(path.read_bytes())
    return target


def test_built_outputs_show_insertions_and_deletions(cli, project, imported):
    result = cli("build", str(imported), "-f", "docx", "-f", "pdf", "-f", "html")
    assert result.exit_code == 0, result.output
    out = project / "output" / EXAMPLE_HEARING / "responses" / imported.with_suffix("").name

    import docx

    word = docx.Document(str(out.with_suffix(".docx")))
    runs = {run.text: run for p in word.paragraphs for run in p.runs}
    assert runs["skal"].font.strike and not runs["skal"].font.underline
    assert runs["bør"].font.underline and str(runs["bør"].font.color.rgb) == "1B6B3A"
    xml = b"".join(
        part.blob
        for part in word.part.package.iter_parts()
        if part.partname.endswith("footnotes.xml")
    )
    assert "Kommentar fra Anna Jensen: Hvad menes med handleplan her?" in xml.decode()

    from pypdf import PdfReader

    pages = PdfReader(out.with_suffix(".pdf")).pages
    text = " ".join(page.extract_text() for page in pages)
    assert "skalbør" in text.replace(" ", "") and "Kommentar fra Anna Jensen" in text
    assert "++" not in text and "~~" not in text
    # inserted text is set in the insertion green (#1b6b3a) and underlined (a stroke in it)
    drawn = pages[0].get_contents().get_data().decode("latin-1")
    green = r"0\.10588\d* 0\.41960\d* 0\.22745\d* "
    assert re.search(green + "scn", drawn) and re.search(green + "SCN", drawn)

    from htmltree import parse

    page = parse(out.with_suffix(".html").read_text("utf-8"))
    assert [e.text() for e in page.find_all("del")][:2] == ["skal", "denne sætning"]
    assert [" ".join(e.text().split()) for e in page.find_all("ins")][:3] == [
        "bør",
        "Planen skal være skriftlig.",
        "denne sætning",
    ]


# --- the parts, one at a time -------------------------------------------------------------


def _numbering(levels: str, nums: str):
    from hoering.imports.docx_numbering import Numbering

    return Numbering.read(
        etree.fromstring(
            f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{levels}'
            f"</w:abstractNum>{nums}</w:numbering>"
        )
    )


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def test_numbering_counts_per_level_and_restarts_deeper_levels():
    numbering = _numbering(
        _lvl(0, "upperRoman", "%1.")
        + _lvl(1, "lowerLetter", "%1.%2)")
        + _lvl(2, "decimal", "%3.", '<w:lvlRestart w:val="0"/>'),
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    )
    labels = [numbering.label(1, level).text for level in (0, 1, 1, 2, 0, 1, 2)]
    assert labels == ["I.", "I.a)", "I.b)", "1.", "II.", "II.a)", "2."]  # level 2 never restarts


def test_numbering_instances_share_their_definition_unless_one_restarts():
    numbering = _numbering(
        _lvl(0, "decimal", "%1."),
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
    )
    labels = [numbering.label(num, 0) for num in (1, 1, 2, 3, 3)]
    assert [(label.text, label.number) for label in labels] == [
        ("1.", 1),
        ("2.", 2),
        ("3.", 3),
        ("5.", 5),
        ("6.", 6),
    ]
    assert numbering.label(9, 0) is None  # an instance the part does not define


def test_numbering_that_makes_no_sense_gives_no_label_instead_of_failing():
    numbering = _numbering(
        _lvl(0, "decimal", "%1.%9.") + '<w:lvl w:ilvl="x"/>' + _lvl(12, "decimal", "%1."),
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="40">'
        '<w:startOverride w:val="3"/></w:lvlOverride></w:num><w:num w:numId="y"/>',
    )
    assert numbering.label(1, 0).text == "1.1."  # an undefined level counts from its start
    assert numbering.label(1, 12) is None and numbering.label(1, -1) is None
    assert numbering.label(0, 0) is None


def test_legal_numbering_and_letters_past_z():
    from hoering.imports.docx_numbering import format_number

    numbering = _numbering(
        _lvl(0, "upperRoman", "%1.") + _lvl(1, "decimal", "%1.%2", "<w:isLgl/>"),
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    )
    assert [numbering.label(1, level).text for level in (0, 0, 1)] == ["I.", "II.", "2.1"]
    assert [format_number(v, "lowerLetter") for v in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert format_number(1994, "upperRoman") == "MCMXCIV"


def test_styles_inherit_outline_level_and_survive_a_based_on_loop():
    from hoering.imports.docx_styles import Styles

    def style(style_id: str, based_on: str, ppr: str = "") -> str:
        return (
            f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            f'<w:basedOn w:val="{based_on}"/><w:pPr>{ppr}</w:pPr></w:style>'
        )

    styles = Styles(
        etree.fromstring(
            f'<w:styles xmlns:w="{W_NS}">'
            + style("Base", "None", '<w:outlineLvl w:val="2"/>')
            + style("Custom", "Base")
            + style("Body", "Base", '<w:outlineLvl w:val="9"/>')
            + style("A", "B")
            + style("B", "A")
            + "</w:styles>"
        )
    )
    assert styles.get("Custom").outline == 2
    assert styles.get("Body").outline is None  # level 9 is body text
    assert styles.get("A").outline is None and styles.get("missing").outline is None


def _spans(runs: str):
    from hoering.imports.docx_runs import Revisions, RunReader
    from hoering.imports.docx_styles import Styles

    reader = RunReader(Styles(None), {}, Revisions())
    return reader, reader.spans(
        etree.fromstring(
            f'<w:p xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/'
            f'markup-compatibility/2006">{runs}</w:p>'
        )
    )


def test_nested_fields_hidden_text_and_text_boxes_read_once():
    box = "<w:txbxContent><w:p>" + _r("i boksen") + "</w:p></w:txbxContent>"
    reader, spans = _spans(
        _r("A ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText>MERGEFIELD navn</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("indre")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = "x"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("resultat")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _r(" skjult", "<w:vanish/>")
        + "<w:r><mc:AlternateContent><mc:Choice><w:drawing>"
        + box
        + "</w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict>"
        + box
        + "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        + _r(" B")
    )
    assert "".join(span.text for span in spans) == "A resultat i boksen B"
    assert not reader.revisions.changes


def test_runs_keep_marks_and_white_space_is_tidied():
    reader, spans = _spans(
        _r("  Fed ", "<w:b/>")
        + _r(" og   kursiv", "<w:i/>")
        + _ins("Ida", _r(" ny"), 1)
        + _del("", "  gammel ", 2)
    )
    assert [(s.text, sorted(s.marks)) for s in spans] == [
        ("Fed ", ["strong"]),
        ("og kursiv", ["emphasis"]),
        (" ny", ["inserted"]),
        (" gammel", ["deleted"]),
    ]
    assert reader.revisions.changes == {
        "Ida": {"insertion": 1},
        "ukendt forfatter": {"deletion": 1},
    }
