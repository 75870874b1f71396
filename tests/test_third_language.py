"""A third language is one record in the registry plus a catalog (hoering.languages).

The test registers a small Swedish that is not shipped — a record and a catalog of a few
labels in a temporary folder — and builds a response and a referat in it: the language tag
of DOCX, HTML and PDF, the dates and the labels come from that record and that catalog, and
a label the catalog lacks is the code's English, as gettext gives a missing message.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pikepdf
import pypdf
import pytest
from docx import Document as WordDocument

import hoering
from hoering.languages import Language, codes, forget, register
from htmltree import parse

HEARING = Path("consultations/samarbejdsaftale-psykisk-sygdom")
RESPONSE = HEARING / "responses/ishoj.md"
MINUTES = HEARING / "minutes/2019-06-19-dialogmoede-snitflader.md"

CATALOG = """\
msgid ""
msgstr ""
"Language: sv\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgctxt "label"
msgid "date"
msgstr "Datum"

msgctxt "label"
msgid "case_number"
msgstr "Diarienummer"

msgctxt "label"
msgid "page"
msgstr "Sida"

msgctxt "label"
msgid "of"
msgstr "av"

msgctxt "label"
msgid "next_meeting"
msgstr "Nästa möte"

msgctxt "label"
msgid "opening_hours"
msgstr "Öppettider"
"""


@pytest.fixture
def swedish(tmp_path_factory):
    catalog = tmp_path_factory.mktemp("locale") / "hoering.po"
    catalog.write_text(CATALOG, "utf-8")
    register(
        Language(
            code="sv",
            tag="sv-SE",
            locale="sv_SE",
            region="se",
            day_format="EEEE 'den' d MMMM y",
            number_words=tuple("inga en två tre fyra fem sex sju åtta nio tio elva tolv".split()),
            neuter_one="ett",
            quotes=("”", "”"),
            catalog=str(catalog),
        )
    )
    yield
    forget("sv")


def in_swedish(project: Path, source: Path) -> Path:
    """``source`` of the example project written with ``lang: sv``, beside the original."""
    text = (project / source).read_text("utf-8")
    text = text.replace("lang: da\n", "") if "lang: da\n" in text else text
    swedish = project / source.with_name("svensk.md")
    swedish.write_text(text.replace("---\n", "---\nlang: sv\n", 1), "utf-8")
    return swedish


def built(project: Path, source: Path, fmt: str) -> Path:
    report = hoering.build([source], formats=[fmt])
    assert report.ok, [str(o.error) for o in report.failed]
    (path,) = (project / "output").rglob(f"{source.stem}.{fmt}")
    return path


def test_a_response_in_a_registered_language_has_its_tag_dates_and_labels(project, swedish):
    source = in_swedish(project, RESPONSE)

    word = WordDocument(str(built(project, source, "docx")))
    assert word.core_properties.language == "sv-SE"
    info = word.tables[0].rows[0].cells[-1].text.splitlines()  # the info block, top right
    assert info[:2] == ["Datum\t19 juni 2019", "Diarienummer\t27.00.00-P20-3-19"]
    assert info[2].startswith("Contact\t")  # not in the small catalog: English, not Danish
    with zipfile.ZipFile(built(project, source, "docx")) as docx:
        styles = docx.read("word/styles.xml").decode()
        footers = "".join(docx.read(n).decode() for n in docx.namelist() if "footer" in n)
    assert 'w:val="sv-SE"' in styles
    assert "Sida" in footers and "Öppettider: " in footers

    page = parse(built(project, source, "html").read_text("utf-8"))
    assert page.find("html").attrs["lang"] == "sv"
    assert "19 juni 2019" in page.text() and "Datum" in page.text()

    pdf = built(project, source, "pdf")
    with pikepdf.open(pdf) as document:
        assert str(document.Root.Lang) == "sv-SE"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Datum" in text and "19 juni 2019" in text and "Sida 1 av" in text


def test_minutes_in_a_registered_language_write_its_weekdays(project, swedish):
    page = parse(built(project, in_swedish(project, MINUTES), "html").read_text("utf-8"))
    text = " ".join(page.text().split())
    assert "Nästa möte" in text
    assert "Onsdag den 18 september 2019 at 13:00–15:00" in text  # "at": English, as above


def test_a_language_nobody_registered_is_refused_with_the_registry_s_choices(project, swedish, cli):
    assert codes() == ("da", "en", "sv")
    source = in_swedish(project, RESPONSE)
    source.write_text(source.read_text("utf-8").replace("lang: sv", "lang: de"), "utf-8")
    result = cli("check", str(source))
    assert result.exit_code == 1
    assert "lang: 'de' er ikke tilladt (brug 'da', 'en' eller 'sv')" in result.stderr
