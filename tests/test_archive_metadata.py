"""What case systems (ESDH) and archives read from the files: the case number, document
number, hearing and authority as DOCX custom properties, in the PDF's XMP and as XLSX custom
properties; the XLSX's creator and language. Each file is read back as a case system would."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pikepdf
import pypdf
import pytest
from lxml import etree

from conftest import EXAMPLE_HEARING

HEARING = Path("consultations") / EXAMPLE_HEARING
OUT = Path("output") / EXAMPLE_HEARING
RESPONSE = HEARING / "responses" / "ishoj.md"
MINUTES = HEARING / "minutes" / "2019-06-19-dialogmoede-snitflader.md"
NAMESPACE = "urn:hoering:arkiv:1.0#"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
NOTAT = {
    "Sagsnummer": "19-012345",
    "Dokumentnummer": "1502211",
    "Hoering": EXAMPLE_HEARING,
    "Myndighed": "Region Hovedstaden",
}


def docx_custom_properties(path: Path) -> dict[str, str]:
    """The custom properties as Word lists them, read from the package python-docx opens."""
    package = docx.Document(str(path)).part.package
    (part,) = [p for p in package.iter_parts() if p.partname == "/docProps/custom.xml"]
    root = etree.fromstring(part.blob)
    properties = root.findall(f"{CUSTOM}property")
    assert [int(p.get("pid")) for p in properties] == list(range(2, 2 + len(properties)))
    assert {p.get("fmtid") for p in properties} == {"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"}
    return {p.get("name"): p.find(f"{VT}lpwstr").text for p in properties}


def xmp_archive(path: Path) -> dict[str, str]:
    """Our namespace's properties in the PDF's XMP, read with pikepdf."""
    with pikepdf.open(path) as pdf, pdf.open_metadata() as xmp:
        return {
            name: xmp[f"{{{NAMESPACE}}}{name}"] for name in NOTAT if f"{{{NAMESPACE}}}{name}" in xmp
        }


def build(cli, *paths: Path) -> None:
    result = cli("build", *map(str, paths))
    assert result.exit_code == 0, result.output


def test_a_responses_docx_and_pdf_carry_its_case_number_hearing_and_authority(cli, project):
    build(cli, RESPONSE)
    expected = {
        "Sagsnummer": "27.00.00-P20-3-19",
        "Hoering": EXAMPLE_HEARING,
        "Myndighed": "Ishøj Kommune",
    }
    assert docx_custom_properties(project / OUT / "responses" / "ishoj.docx") == expected
    pdf = project / OUT / "responses" / "ishoj.pdf"
    assert xmp_archive(pdf) == expected
    with pikepdf.open(pdf) as document, document.open_metadata() as xmp:
        assert xmp["dc:title"].startswith("Høringssvar om udkast")  # Typst's own stay
        assert xmp["pdfuaid:part"] == "1" and xmp["pdfaid:part"] == "3"
        assert document.Root.Lang == "da-DK" and "/StructTreeRoot" in document.Root
    reader = pypdf.PdfReader(pdf)
    assert "Ishøj Kommune har læst udkastet" in reader.pages[0].extract_text()  # text intact


def test_the_pdf_a_extension_schema_describes_our_namespace(cli, project):
    """PDF/A accepts an XMP namespace it does not know only when the packet describes it."""
    build(cli, RESPONSE)
    with pikepdf.open(project / OUT / "responses" / "ishoj.pdf") as pdf:
        packet = etree.fromstring(pdf.Root.Metadata.read_bytes())
    ns = {
        "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
        "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
    }
    (schema,) = [
        s.getparent()
        for s in packet.iterfind(".//pdfaSchema:namespaceURI", ns)
        if s.text == NAMESPACE
    ]
    assert schema.findtext("pdfaSchema:prefix", namespaces=ns) == "hoering"
    names = [e.text for e in schema.iterfind(".//pdfaProperty:name", ns)]
    assert names == ["Sagsnummer", "Hoering", "Myndighed"]
    types = {e.text for e in schema.iterfind(".//pdfaProperty:valueType", ns)}
    assert types == {"Text"}


def test_the_notat_and_the_matrix_carry_the_whole_record(cli, project):
    result = cli("compare", str(HEARING), "--no-bundle")
    assert result.exit_code == 0, result.output
    assert docx_custom_properties(project / OUT / "hoeringsnotat.docx") == NOTAT
    assert xmp_archive(project / OUT / "hoeringsnotat.pdf") == NOTAT
    book = openpyxl.load_workbook(project / OUT / "matrix.xlsx")
    assert (book.properties.creator, book.properties.language) == ("Region Hovedstaden", "da-DK")
    assert {p.name: p.value for p in book.custom_doc_props.props} == NOTAT


def test_a_referat_without_a_case_number_names_only_what_it_has(cli, project):
    build(cli, MINUTES)
    written = project / OUT / "minutes" / MINUTES.with_suffix(".docx").name
    expected = {"Hoering": EXAMPLE_HEARING, "Myndighed": "Ishøj Kommune"}
    assert docx_custom_properties(written) == expected
    assert xmp_archive(written.with_suffix(".pdf")) == expected


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_values_with_markup_characters_are_text(cli, project, fmt):
    path = project / RESPONSE
    text = path.read_text("utf-8")
    path.write_text(text.replace("27.00.00-P20-3-19", "'<x>&\"19\"</x>'", 1), "utf-8")
    build(cli, RESPONSE)
    written = project / OUT / "responses" / f"ishoj.{fmt}"
    read = docx_custom_properties if fmt == "docx" else xmp_archive
    assert read(written)["Sagsnummer"] == '<x>&"19"</x>'


def test_the_same_source_gives_the_same_pdf_bytes(cli, project):
    build(cli, RESPONSE)
    first = (project / OUT / "responses" / "ishoj.pdf").read_bytes()
    result = cli("build", "--force", "-o", "again", str(RESPONSE))
    assert result.exit_code == 0, result.output
    assert (project / "again" / EXAMPLE_HEARING / "responses" / "ishoj.pdf").read_bytes() == first


def test_the_pdf_typst_made_stays_whole_and_the_record_is_an_update(caplog):
    """The record is appended as an incremental update: Typst's PDF is the file's start,
    byte for byte, and both qpdf and pypdf (strict) read the whole file without a warning."""
    import io
    import logging

    from hoering.model import ArchiveRecord
    from hoering.render.xmp import with_archive_record

    typst = _typst_pdf()
    updated = with_archive_record(typst, ArchiveRecord("1", "2", "h", "A & B"))
    assert updated.startswith(typst) and updated.endswith(b"%%EOF\n")
    assert with_archive_record(typst, ArchiveRecord()) == typst  # nothing to add
    with pikepdf.open(io.BytesIO(updated)) as pdf:
        assert len(list(pdf.objects)) > 0 and pdf.get_warnings() == []
        with pdf.open_metadata() as xmp:
            assert xmp[f"{{{NAMESPACE}}}Myndighed"] == "A & B"
        assert pdf.trailer.ID == pikepdf.open(io.BytesIO(typst)).trailer.ID
    with caplog.at_level(logging.WARNING):
        reader = pypdf.PdfReader(io.BytesIO(updated), strict=True)
        assert len(reader.pages) == 1 and reader.xmp_metadata is not None
    assert caplog.records == []


def _typst_pdf() -> bytes:
    from conftest import make_document
    from hoering.render import render
    from hoering.render.templates import TemplateFinder

    return render(make_document("Et afsnit."), "pdf", TemplateFinder(None))


def _add_after(path: Path, line: str, added: str) -> None:
    text = path.read_text("utf-8")
    assert f"\n{line}\n" in text
    path.write_text(text.replace(f"\n{line}\n", f"\n{line}\n{added}\n", 1), "utf-8")


def test_a_responses_and_a_referats_document_number_is_shown_and_recorded(cli, project):
    """A response or referat with its own Dok. nr. prints it in the info block and gives it
    to the case system, as the notat does."""
    _add_after(project / RESPONSE, "case_number: 27.00.00-P20-3-19", 'document_number: "4471"')
    _add_after(
        project / MINUTES, "hearing: samarbejdsaftale-psykisk-sygdom", 'document_number: "95"'
    )
    build(cli, RESPONSE, MINUTES)
    response = project / OUT / "responses" / "ishoj.docx"
    assert docx_custom_properties(response)["Dokumentnummer"] == "4471"
    assert xmp_archive(response.with_suffix(".pdf"))["Dokumentnummer"] == "4471"
    info = docx.Document(str(response)).tables[0].rows[0].cells[1].text.splitlines()
    assert info[:2] == ["Dato\t19. juni 2019", "Sagsnr.\t27.00.00-P20-3-19"]
    assert info[2] == "Dok. nr.\t4471"
    page = pypdf.PdfReader(response.with_suffix(".pdf")).pages[0].extract_text()
    assert "Dok. nr." in page and "4471" in page
    referat = project / OUT / "minutes" / MINUTES.with_suffix(".docx").name
    assert docx_custom_properties(referat) == {
        "Dokumentnummer": "95",
        "Hoering": EXAMPLE_HEARING,
        "Myndighed": "Ishøj Kommune",
    }
