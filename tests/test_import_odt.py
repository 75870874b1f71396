"""Importing OpenDocument text (.odt): a letter LibreOffice wrote (our own text, made by
``tests/odt_letter.py``) becomes a source with its headings, paragraphs, list and table, and
the same guesses a DOCX gets; hostile .odt files are refused as hostile DOCX files are.

The tests open the source import wrote (through the project's own reader) and the report of
guesses; the refusals assert the exact message and that nothing was written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING, REPO
from hoering.model import nodes as n
from hoering.sources import load_source
from odt_letter import PARAGRAPHS, ROWS
from test_import_bad_input import AGAIN, assert_refused

HEARING = Path("consultations") / EXAMPLE_HEARING
LETTER = REPO / "tests" / "fixtures" / "import" / "svar-vallensbaek.odt"
MIMETYPE = "application/vnd.oasis.opendocument.text"
OFFICE = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing as it was before its own imported example."""


@pytest.fixture
def imported(project) -> hoering.Imported:
    return hoering.import_file(LETTER, HEARING)


def test_headings_paragraphs_list_and_table_are_kept(imported):
    blocks = load_source(imported.path).blocks
    headings = [b for b in blocks if isinstance(b, n.Heading)]
    assert [(n.plain_text(h.children), h.level, h.topic, h.stance) for h in headings] == [
        ("Udskrivningsmentor", 2, "udskrivningsmentor", "concern"),
        ("Ledsagelse til behandling", 2, "ledsagelse", "positive"),
    ]
    paragraphs = [n.plain_text(b.children) for b in blocks if isinstance(b, n.Paragraph)]
    assert paragraphs[0].startswith("Vallensbæk Kommune takker for muligheden")
    assert "Vi foreslår derfor:" in paragraphs
    (bullets,) = [b for b in blocks if isinstance(b, n.BulletList)]
    assert [n.plain_text(item.blocks[0].children) for item in bullets.items] == [
        "at opstarten sker i to trin,",
        "at kommunerne inddrages i planlægningen, og",
        "at ordningen evalueres efter et år.",
    ]
    (table,) = [b for b in blocks if isinstance(b, n.Table)]
    cells = [[n.plain_text(c.children) for c in row] for row in (table.header, *table.rows)]
    assert cells == [list(row) for row in ROWS]


def test_the_guesses_are_those_of_any_letter(imported):
    source = load_source(imported.path)
    assert source.meta.sender == "Vallensbæk Kommune"
    assert source.meta.date == dt.date(2019, 6, 14)
    assert source.meta.title == (
        "Høringssvar vedr. udkast til samarbejdsaftale om voksne med psykisk sygdom"
    )
    signatory = source.meta.signature.signatories[0]
    assert (signatory.name, signatory.title) == ("Hanne Holm", "Sundhedschef")
    guessed = {g.key: g.value for g in imported.guessed}
    assert guessed["sender"] == "Vallensbæk Kommune"
    assert guessed["date"] == "2019-06-14"
    where = {g.key: g.found_in for g in imported.guessed}
    assert where["title"] == "dokumentets typografi Titel"  # an .odt is not Word


def test_no_word_of_the_letter_is_lost_and_the_original_is_kept(imported, project):
    written = " ".join(imported.path.read_text("utf-8").split())
    for text, _style in PARAGRAPHS:
        for line in (text or "").split("\n"):
            assert line in written, line
    assert imported.unaccounted == 0
    kept = project / HEARING / "received" / LETTER.name
    assert kept.read_bytes() == LETTER.read_bytes()


def odt(content: str, *, extra: dict[str, bytes] | None = None, mimetype: str = MIMETYPE) -> bytes:
    """An .odt as the format asks: the mimetype first and stored, then content.xml."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return stream.getvalue()


def body(paragraphs: str, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {OFFICE}>'
        f"<office:body><office:text>{paragraphs}</office:text></office:body>"
        "</office:document-content>"
    )


def bomb() -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", MIMETYPE, compress_type=zipfile.ZIP_STORED)
        with archive.open("content.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(b"0" * (1024 * 1024))
    return stream.getvalue()


def spreadsheet() -> bytes:
    return odt(body("<text:p>Et regneark</text:p>"), mimetype=MIMETYPE.replace("text", "sheet"))


XXE = '<!DOCTYPE office:document-content [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
CASES = {
    "entity": (
        lambda: odt(body("<text:p>Svar &secret;</text:p>", XXE)),
        "er beskadiget: dens XML kan ikke læses " + AGAIN,
    ),
    "zip bomb": (
        bomb,
        "fylder 300 MB udpakket, men kun 299 KB pakket; det ligner en zip-bombe, så den åbnes "
        "ikke (grænsen er 200 MB (max_unpacked_mb under [import] i hoering.toml) og et "
        "pakkeforhold på højst 200:1)",
    ),
    "many parts": (
        lambda: odt(body("<text:p>Svar</text:p>"), extra={f"p{i}.xml": b"" for i in range(5001)}),
        "indeholder 5003 pakkede filer; et tekstdokument har langt færre, så den åbnes ikke "
        + AGAIN,
    ),
    "spreadsheet": (
        spreadsheet,
        "er ikke et OpenDocument-dokument (.odt): filen er et zip-arkiv " + AGAIN,
    ),
    "no text": (
        lambda: odt(body("<text:p> </text:p>")),
        "har ingen tekst (tjek, at det er den rigtige fil)",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_hostile_odt_is_refused_and_nothing_is_written(cli, project, case):
    make, message = CASES[case]
    path = Path("incoming") / "svar.odt"
    (project / "incoming").mkdir()
    (project / path).write_bytes(make())
    assert_refused(cli, project, path, message)


def test_a_docx_named_odt_is_named_for_what_it_is(cli, project):
    from import_fixtures import plain_docx

    path = Path("incoming") / "svar.odt"
    (project / "incoming").mkdir()
    (project / path).write_bytes(plain_docx())
    message = (
        "navnet ender på .odt, men filen er et Word-dokument (DOCX) (omdøb den til svar.docx, "
        "hvis det passer)"
    )
    assert_refused(cli, project, path, message)


def test_spaces_tabs_line_breaks_and_footnotes_are_read(project):
    from hoering.imports.odt import read_odt
    from hoering.imports.safety import Limits

    paragraph = (
        '<text:p>To<text:s text:c="3"/>mellemrum<text:tab/>og en note<text:note text:id="n1">'
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>Se bilag 2."
        "</text:p></text:note-body></text:note><text:line-break/>Næste linje</text:p>"
    )
    path = project / "svar.odt"
    path.write_bytes(odt(body(paragraph)))
    extracted = read_odt(path, Limits())
    assert [line.text for line in extracted.lines] == [
        "To   mellemrum\tog en note[^1]",
        "Næste linje",
    ]
    assert extracted.footnotes == {1: "Se bilag 2."}
    assert re.fullmatch(r"odt", str(extracted.kind))


def test_xml_comments_are_no_text_and_do_not_stop_the_import(project):
    """An XML comment or processing instruction is not the letter's: its words are left out,
    the words after it kept (one among the paragraphs stopped the import with a Python error,
    one inside a paragraph put its words into the letter's text)."""
    from hoering.imports.odt import read_odt
    from hoering.imports.safety import Limits

    paragraphs = (
        "<!-- skrevet af et program --><?behandling intet?>"
        "<text:p>Vi har<!-- ikke --> ingen bemærkninger<?behandling intet?>.</text:p>"
    )
    path = project / "svar.odt"
    path.write_bytes(odt(body(paragraphs)))
    assert [line.text for line in read_odt(path, Limits()).lines] == ["Vi har ingen bemærkninger."]


def test_a_comment_in_a_list_style_does_not_shift_its_levels(project):
    """The first level of a numbered list style stays numbered when an XML comment stands
    before it (the comment was counted as a bulleted level)."""
    from hoering.imports.odt import read_odt
    from hoering.imports.safety import Limits

    style = 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {OFFICE} {style}>'
        '<office:automatic-styles><text:list-style style:name="L1"><!-- tal -->'
        '<text:list-level-style-number text:level="1"/></text:list-style>'
        "</office:automatic-styles><office:body><office:text>"
        '<text:list text:style-name="L1"><text:list-item><text:p>Første punkt</text:p>'
        "</text:list-item></text:list></office:text></office:body></office:document-content>"
    )
    path = project / "svar.odt"
    path.write_bytes(odt(content))
    [line] = read_odt(path, Limits()).lines
    assert (line.text, line.list_kind, line.level) == ("Første punkt", "number", 0)
