"""A hearing held through a web form only: the notat says so in words, shows the form's
answers in each topic's section and in Bilag 1, names no file in the published copy, and
leaves out the bundle with a warning (instead of '0 parter', empty topics, an empty matrix
and a bundle that is only a cover)."""

from __future__ import annotations

import csv
import io

import pypdf
import pytest
from click.testing import CliRunner

import hoering
from formtables import hearing, write_csv
from hoering.cli import main
from hoering.comparison.outputs import OutputOptions, make_outputs
from notat_hearings import docx_text, html_text, make_hearing, pdf_text


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    root = tmp_path_factory.mktemp("webform")
    folder = hearing(root)
    write_csv(folder / "responses" / "svar.csv")
    out = root / "out"
    result = CliRunner().invoke(main, ["compare", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out / "trafikplan", result


def test_section_one_says_the_hearing_was_held_through_a_web_form(compared):
    folder, _result = compared
    text = " ".join(pdf_text((folder / "hoeringsnotat.pdf").read_bytes()).split())
    assert (
        "1.2 Hørte parter Høringen blev gennemført som en offentlig høring via webformular, "
        "og der er modtaget 4 svar. 2. Generelle bemærkninger"
    ) in text
    assert "0 parter" not in text and "0 høringssvar" not in text
    assert "Ingen høringssvar nævner dette emne" not in text


def test_each_topic_shows_what_the_form_said_on_it(compared):
    folder, _result = compared
    text = " ".join(docx_text((folder / "hoeringsnotat.docx").read_bytes()).split())
    assert (
        "3.1 Cykelstier Svar fra webformular Fra webformularen: tre bemærkninger i tre svar: "
        "en positiv, en bekymring og "
        "et forslag. Et udvalg af de øvrige bemærkninger fra webformularen: "
        "Cykelstierne er for smalle og det er et problem bekymring "
        "Forbundet hilser planen velkommen positiv "
        "Vi foreslår flere cykelstier langs havnen forslag 3.2 Parkering"
    ) in text
    assert (
        "3.2 Parkering Svar fra webformular Fra webformularen: tre bemærkninger i tre svar:" in text
    )


def test_bilag_1_and_the_matrix_count_the_forms_answers(compared):
    folder, _result = compared
    text = html_text((folder / "hoeringsnotat.html").read_bytes())
    assert "Webformular (4 svar) 3 svar 3 svar" in text.splitlines()
    rows = list(
        csv.reader(io.StringIO((folder / "matrix.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert rows == [
        ["Høringssvar fra", "Modtaget", "Cykelstier", "Parkering"],
        ["Webformular (4 svar)", "", "3", "3"],
        ["I alt", "4", "3", "3"],
    ]


def test_an_unreadable_row_is_a_warning_and_the_published_copy_names_no_file(compared):
    folder, result = compared
    assert (
        "svar.csv: række 5: indsendt: 'i går' er ikke en dato (skriv den som 2019-06-21 eller "
        "21-06-2019) (rækken er ikke talt med)"
    ) in result.stderr
    for name, read in (("hoeringsnotat.pdf", pdf_text), ("hoeringsnotat.docx", docx_text)):
        text = " ".join(read((folder / name).read_bytes()).split())
        assert "1 række i webformularens eksport kunne ikke læses og er ikke talt med." in text
        assert "række 5" not in text and "responses/" not in text  # no row, no path
    working = html_text((folder / "hoeringsnotat.html").read_bytes())
    assert "svar.csv: række 5: indsendt" in working  # the working copy lists it


def test_no_bundle_of_letters_that_are_not_there(compared):
    folder, result = compared
    assert not (folder / "samlede-hoeringssvar.pdf").exists()
    assert (
        "Advarsel: samlede-hoeringssvar.pdf er ikke lavet: høringen har ingen breve at samle "
        "(svarene fra webformularen står i formularsvar.csv)"
    ) in result.stderr
    assert len(pypdf.PdfReader(folder / "hoeringsnotat.pdf").pages) >= 2


def test_with_letters_too_the_form_answers_are_counted_after_the_hoeringsliste(tmp_path):
    folder, truth = make_hearing(tmp_path, 8)  # 2 parties consulted, 2 letters, 13 form answers
    files = make_outputs(hoering.compare(folder), OutputOptions(formats=("docx",), bundle=False))
    lines = docx_text(files["hoeringsnotat.docx"]).splitlines()
    start = lines.index("1.2 Hørte parter", lines.index("1.2 Hørte parter") + 1)  # after the ToC
    # the letters' sentence is notat-answers' wording; its numbers are the model's
    assert lines[start + 1] == (
        "Udkastet blev sendt i høring hos to parter. Der er modtaget to høringssvar, heraf et "
        "fra en hørt part. Høringslisten:"
    )
    assert lines[start + 2 : start + 8] == [
        "Høringsliste",  # the table's caption
        "Høringspart Svar",
        "Albertslund Kommune ikke svaret",
        "Handelsstandsforeningen svar modtaget 20. juni 2019; ikke hørt part",
        "Rødovre Kommune svar modtaget 19. juni 2019 og 21. juni 2019",
        "Desuden er der modtaget 13 svar via webformularen.",
    ]
    assert (truth.consulted, len(truth.letters), truth.form_answers) == (2, 2, 13)


@pytest.mark.parametrize("layout", ["parter", "oversigt"])
def test_the_other_layouts_have_no_empty_section_of_letters(layout, tmp_path):
    folder = hearing(tmp_path)
    write_csv(folder / "responses" / "svar.csv")
    docx = OutputOptions(formats=("docx",), bundle=False, layout=layout)
    files = make_outputs(hoering.compare(folder), docx)
    headings = [line for line in docx_text(files[f"hoeringsnotat-{layout}.docx"]).splitlines()]
    body = headings[headings.index("1. Høringen", headings.index("1. Høringen") + 1) :]
    assert [h for h in body if h[:2] in ("2.", "3.")] == [
        "2. Svar fra webformular",
        "2.1 Bemærkninger pr. emne fra webformularen",
        "2.2 Kampagner",
        "2.3 Organisationer",
        "2.4 Udvalgte bemærkninger pr. emne",
        "3. Ændringer som følge af høringen",
    ]
