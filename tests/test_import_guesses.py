"""Guesses that mean what they say (issue 19): the sender from the letter's own cues and the
hearing's parties, never from a stamp, the authority or a sentence; a date only from a date
line; a field nobody can tell written as unknown, listed first by review, and still built
and compared. Each test reads the source import wrote (our own fixture letters)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.imports.calibration import ABSTAIN, BANDS, abstains, confidence
from hoering.imports.review import review
from letters import imported, letter_docx, letter_pdf

HEARING = Path("consultations") / EXAMPLE_HEARING
MENTOR = (
    "Udskrivningsmentoren er en god idé, men ordningen bør evalueres efter et år, så vi ved, "
    "om borgerne får gavn af den."
)
NO_SENDER = "ingen afsender fundet: skriv, hvem der har sendt svaret"
NO_DATE = "ingen datolinje i dokumentet: skriv datoen, svaret blev modtaget"


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def test_an_archive_stamp_is_never_the_sender(project):
    data = letter_pdf(
        logo="Sundhedsudvalget 2024-25 L 12 Bilag 3 Offentligt",
        date_top_right="3. marts 2025",
        subject="Høringssvar om samarbejdsaftalen",
        blocks=["Albertslund Kommune takker for muligheden for at afgive høringssvar.", MENTOR],
    )
    source, raw, _ = imported(project, "svar.pdf", data)
    assert source.meta.sender == "Albertslund Kommune"
    assert raw["guessed"]["sender"]["found_in"].startswith(
        'teksten: "Albertslund Kommune takker for"'
    )


def test_a_stamp_and_no_cue_leave_the_sender_unknown(project):
    data = letter_pdf(
        logo="Offentligt",
        date_top_right="3. marts 2025",
        subject="Høringssvar om samarbejdsaftalen",
        blocks=["Vi er glade for udkastet.", MENTOR],
    )
    source, raw, path = imported(project, "svar.pdf", data)
    assert source.meta.sender is None
    assert raw["sender"] is None
    assert raw["guessed"]["sender"] == {"unknown": True, "found_in": NO_SENDER}
    assert "sender:\n" in path.read_text("utf-8")


def test_x_takker_for_names_a_sender_the_hearing_did_not_consult(project):
    data = letter_docx(
        [
            "Høringssvar om samarbejdsaftalen",
            "21. juni 2019",
            "DANSKE PATIENTFORENINGER takker for muligheden for at komme med bemærkninger.",
            MENTOR,
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.sender == "Danske Patientforeninger"
    assert raw["guessed"]["sender"]["confidence"] >= 0.8


def test_a_consulted_partys_alias_names_the_party(project):
    data = letter_docx(
        [
            "Bemærkninger til samarbejdsaftalen",
            "Glostrup har følgende bemærkninger til udkastet.",
            MENTOR,
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.sender == "Glostrup Kommune"
    assert 'teksten: "Glostrup har følgende bemærkninger"' in raw["guessed"]["sender"]["found_in"]


def test_the_authority_is_never_the_sender(project):
    data = letter_docx(
        [
            "Region Hovedstaden",
            "Høringssvar om samarbejdsaftalen",
            "Region Hovedstaden har sendt udkastet i høring. Region Hovedstaden har bedt om "
            "svar inden fristen.",
            MENTOR,
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.sender is None
    assert raw["guessed"]["sender"]["unknown"] is True


def test_the_authority_in_the_text_does_not_hide_the_sender(project):
    data = letter_docx(
        [
            "Høringssvar om samarbejdsaftalen",
            "Region Hovedstaden har sendt udkastet i høring. Region Hovedstaden har bedt om "
            "svar inden fristen.",
            MENTOR,
            "Med venlig hilsen",
            "På vegne af Vallensbæk Kommune",
            "Jørgen Hæstrup",
        ]
    )
    source, _, _ = imported(project, "svar.docx", data)
    assert source.meta.sender == "Vallensbæk Kommune"


def test_a_date_in_a_sentence_is_not_the_letters_date(project):
    data = letter_docx(
        [
            "Høringssvar om samarbejdsaftalen",
            "Albertslund Kommune har følgende bemærkninger til udkastet, som træder i kraft "
            "den 1. januar 2027.",
            MENTOR,
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.date is None
    assert raw["date"] is None
    assert raw["guessed"]["date"] == {"unknown": True, "found_in": NO_DATE}


def test_a_deadline_field_is_not_the_letters_date(project):
    data = letter_docx(
        [
            "Høringssvar om samarbejdsaftalen",
            "Høringsfrist: 21. juni 2019",
            "Dato: 14. juni 2019",
            "Albertslund Kommune har følgende bemærkninger til udkastet.",
            MENTOR,
        ]
    )
    source, _, _ = imported(project, "svar.docx", data)
    assert source.meta.date.isoformat() == "2019-06-14"


def test_a_print_date_in_the_footer_is_not_the_letters_date(project):
    data = letter_pdf(
        logo="Albertslund Kommune",
        subject="Høringssvar om samarbejdsaftalen",
        blocks=["Albertslund Kommune har følgende bemærkninger til udkastet.", MENTOR],
        footer="Udskrevet 13.06.2019 08:41",
    )
    source, raw, _ = imported(project, "svar.pdf", data)
    assert source.meta.sender == "Albertslund Kommune"
    assert raw["guessed"]["date"] == {"unknown": True, "found_in": NO_DATE}


def test_unknown_fields_come_first_in_review_and_the_source_builds_and_compares(project, cli):
    dated = letter_docx(
        ["Høringssvar", "Dato: 14. juni 2019", "Albertslund Kommune har følgende bemærkninger."]
    )
    imported(project, "albertslund.docx", dated)
    _, _, path = imported(project, "ukendt.docx", letter_docx(["Høringssvar", MENTOR]))
    items = review(HEARING)
    assert [(item.path.name, item.what, item.unknown) for item in items[:2]] == [
        ("ukendt.md", "sender", True),
        ("ukendt.md", "date", True),
    ]
    assert str(items[0]) == (f"{HEARING}/responses/ukendt.md:5: sender er ukendt ({NO_SENDER})")
    assert not any(item.unknown for item in items[2:])
    result = cli("build", str(path), "-f", "docx")
    assert result.exit_code == 0, result.output
    comparison = hoering.compare(HEARING)
    unknown = [r for r in comparison.respondents if r.name == "Ukendt afsender (ukendt.md)"]
    assert [(r.date, r.dates, r.late) for r in unknown] == [(None, (), False)]
    result = cli("compare", str(HEARING), "--no-bundle", "-f", "html")
    assert result.exit_code == 0, result.output
    html = (project / "output" / EXAMPLE_HEARING / "hoeringsnotat.html").read_text("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert (
        "Ukendt afsender (ukendt.md) svar modtaget; ikke hørt part "
        "[dato ukendt: skriv den i svaret]" in text
    )
    assert "efter fristen" not in text


def test_a_web_forms_submitter_signs_it_and_its_organisation_sends_it(project):
    data = letter_pdf(
        logo="Bliv hørt",
        subject="Forslag til samarbejdsaftale",
        blocks=[
            "Høringsfrist: 21. juni 2019",
            "Indsendt af: Mette Kragh",
            "Dato: 14.06.2019 kl. 16:55",
            "Virksomhed / Organisation: Bofællesskabet Lærkehøj",
            "Postnr.: 2620",
            MENTOR,
        ],
    )
    source, _, _ = imported(project, "formular.pdf", data)
    assert source.meta.sender == "Bofællesskabet Lærkehøj"
    assert [s.name for s in source.meta.signature.signatories] == ["Mette Kragh"]
    assert source.meta.date.isoformat() == "2019-06-14"


def test_the_senders_own_address_is_not_the_recipient(project):
    data = letter_pdf(
        logo="",
        recipient=["Lone Birk", "Skovvej 4", "2620 Albertslund"],
        subject="Høringssvar om samarbejdsaftalen",
        blocks=["Til Region Hovedstaden fra Lone Birk", "14. juni 2019", MENTOR],
    )
    source, raw, _ = imported(project, "svar.pdf", data)
    assert source.meta.sender == "Lone Birk"
    assert "recipient" not in raw


@pytest.mark.parametrize("field", sorted(BANDS))
def test_a_confidence_is_the_share_right_measured_in_its_band(field):
    bands = BANDS[field]
    assert [low for low, _, _ in bands] == sorted(low for low, _, _ in bands)
    for low, right, of in bands:
        assert 0 <= right <= of
        assert confidence(field, low) == round((right + 1) / (of + 2), 2)
    assert abstains(field, ABSTAIN[field] - 0.01)
    assert not abstains(field, ABSTAIN[field])


def test_x_sendte_hoeringssvar_names_the_sender_by_its_name_before_the_short_form(project):
    data = letter_docx(
        [
            "Supplerende bemærkninger om samarbejdsaftalen",
            "Foreningen for Bedre Bosteder (FBB) sendte i foråret 2019 høringssvar om udkastet, "
            "og vi uddyber her et enkelt punkt.",
            MENTOR,
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.sender == "Foreningen for Bedre Bosteder"
    assert raw["guessed"]["sender"]["found_in"].startswith(
        'teksten: "Foreningen for Bedre Bosteder (FBB) sendte i foråret 2019 h…"'
    )


def test_a_consulted_party_in_a_letterhead_line_with_a_case_number_is_named(project):
    data = letter_pdf(
        logo="J.nr. 19-0412 · Hvidovre Kommune · Postboks 12",
        date_top_right="3. marts 2019",
        subject="Høringssvar om samarbejdsaftalen",
        blocks=["Vi er glade for udkastet.", MENTOR],
    )
    source, raw, _ = imported(project, "svar.pdf", data)
    assert source.meta.sender == "Hvidovre Kommune"
    assert raw["guessed"]["sender"]["found_in"].startswith("brevhovedet")


def test_a_private_person_writing_from_themself_signs_the_letter(project):
    data = letter_docx(
        [
            "Høringssvar om samarbejdsaftalen",
            "Til Region Hovedstaden fra Lone Birk",
            "14. juni 2019",
            MENTOR,
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.sender == "Lone Birk"
    assert [s.name for s in source.meta.signature.signatories] == ["Lone Birk"]
    assert raw["guessed"]["signatory"] == {
        "confidence": 0.5,  # a band not yet measured on the corpus
        "found_in": "afsenderen er en person, der skriver, at brevet er fra vedkommende",
    }


def test_an_organisation_writing_from_itself_is_no_signatory(project):
    data = letter_docx(
        [
            "Høringssvar om samarbejdsaftalen",
            "Til Region Hovedstaden fra Bofællesskabet Lærkehøj",
            "14. juni 2019",
            MENTOR,
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.sender == "Bofællesskabet Lærkehøj"
    assert "signatory" not in raw["guessed"]


def test_an_address_under_the_writers_own_name_is_letterhead_not_recipient(project):
    data = letter_pdf(
        logo="Lone Birk",
        recipient=["Skovvej 4", "2620 Albertslund"],
        subject="Høringssvar om samarbejdsaftalen",
        blocks=["Til Region Hovedstaden fra Lone Birk", "14. juni 2019", MENTOR],
    )
    source, raw, _ = imported(project, "svar.pdf", data)
    assert source.meta.sender == "Lone Birk"
    assert "recipient" not in raw and "recipient" not in raw["removed"]
    assert {"Skovvej 4", "2620 Albertslund"} <= set(raw["removed"]["letterhead"])
