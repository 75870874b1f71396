"""Answers from a municipality's web form printed to PDF (issue 19): the labelled fields are
read into the front matter, none is glued into the title, an organisation is never split at
its slash, and the body is the answer's text alone. Printouts set by us with Typst."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.sources import load_source
from letters import compile_typst, typst_text

ANSWER = (
    "Vi er bekymrede for trafikken ved skolen, når vejen lukkes i byggeperioden. Børnene "
    "cykler ad den vej hver dag, og der er ingen anden sikker rute. Vi foreslår, at der "
    "laves en midlertidig sti langs parken, indtil arbejdet er færdigt."
)


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def printout(fields: list[tuple[str, str]]) -> bytes:
    """A "Bliv hørt" answer as the browser prints it: headline, the hearing, the fields, the
    answer."""
    lines = " \\\n".join(typst_text(f"{label}: {value}".rstrip()) for label, value in fields)
    source = (
        '#set page(paper: "a4", margin: 2.5cm)\n#set text(lang: "da", size: 11pt)\n'
        '#text(weight: "bold", size: 12pt)[Lokalplan for Skolevejen]\n\n'
        "Høring om lokalplan og trafik ved Skolevejen \\\n"
        f"{lines}\n\n{typst_text(ANSWER)}\n"
    )
    return compile_typst(source)


def imported(project: Path, fields: list[tuple[str, str]]):
    path = project / "incoming" / "svar-42.pdf"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(printout(fields))
    result = hoering.import_file(path, Path("consultations") / EXAMPLE_HEARING)
    return load_source(result.path), result.path.read_text("utf-8")


FIELDS = [
    ("Høringsfrist", "14. maj 2024"),
    ("Indsendt af", "Karen Holm"),
    ("Dato", "12. maj 2024"),
    ("Svarnummer", "42"),
    ("Virksomhed / Organisation", "Forældrerådet / Skovbørnehaven Egern"),
    ("By", "Vallensbæk"),
    ("Postnr.", "2625"),
]


def test_the_fields_of_a_printed_web_form_go_into_the_front_matter(project):
    source, written = imported(project, FIELDS)
    meta = source.meta
    assert meta.sender == "Forældrerådet / Skovbørnehaven Egern"  # never split at the slash
    assert [s.name for s in meta.signature.signatories] == ["Karen Holm"]
    assert meta.date == dt.date(2024, 5, 12)  # the answer's date, not the deadline
    assert meta.title == "Lokalplan for Skolevejen"
    assert 'sender: {confidence: 0.50, found_in: "webformularen: feltet \\"Virksomhed / ' in written
    body = written.split("\n---\n", 1)[1]
    assert " ".join(body.split()) == ANSWER
    for label, _value in FIELDS:
        assert f"{label}:" not in written.split("\n---\n", 1)[0].split("source:")[0]
    # the fields are listed as what was taken out of the text (the ledger)
    assert source.meta.removed["form_field"][-3:] == [
        "Virksomhed / Organisation: Forældrerådet / Skovbørnehaven Egern",
        "By: Vallensbæk",
        "Postnr.: 2625",
    ]


def test_the_fields_of_a_printed_web_form_have_the_measured_web_form_confidence(project):
    """No fixed confidence: sender, signatory and date read from the labels carry the
    calibrated web-form band's confidence (unseen on the tune half so far: 0.5)."""
    from hoering.imports.calibration import confidence

    _source, written = imported(project, FIELDS)
    front = written.split("\n---\n", 1)[0]
    expected = confidence("web form", 1.0)
    assert expected == 0.5
    for field in ("sender", "date", "signatory"):
        assert f'{field}: {{confidence: {expected:.2f}, found_in: "webformularen: feltet' in front
    assert "confidence: 0.95" not in front


def test_without_an_organisation_the_person_who_sent_it_is_the_sender(project):
    fields = [f if f[0] != "Virksomhed / Organisation" else (f[0], "") for f in FIELDS]
    source, written = imported(project, fields)
    assert source.meta.sender == "Karen Holm"
    assert [s.name for s in source.meta.signature.signatories] == ["Karen Holm"]
    assert " ".join(written.split("\n---\n", 1)[1].split()) == ANSWER


def test_a_letter_with_one_labelled_line_is_no_web_form(project):
    from hoering.imports.lines import Extracted, Line
    from hoering.imports.webform import printed_form

    lines = [Line("Dato: 12. maj 2024", top=10), Line("Kære kommune", top=30), Line(ANSWER, top=50)]
    assert printed_form(Extracted("pdf", lines)) is None
