"""Who sent a letter, to whom, and when, read from letters laid out as other organisations
lay them out; each test reads the source import WROTE (metadata and body)."""

from __future__ import annotations

from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.imports.calibration import confidence
from hoering.sources.frontmatter import read_source
from letters import body_of, imported, letter_docx, letter_pdf

HEARING = Path("consultations") / EXAMPLE_HEARING
TO_THE_REGION = ["Region Hovedstaden", "Psykiatri og Social", "Kongens Vænge 2", "3400 Hillerød"]
MENTOR = (
    "Vi hilser udskrivningsmentoren velkommen og finder ordningen positiv. Vi foreslår en "
    "fælles evaluering efter et år."
)


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def test_recipient_block_is_recorded_and_never_the_sender(project):
    data = letter_pdf(
        logo="Brøndby Kommune",
        recipient=TO_THE_REGION,
        date_top_right="3. marts 2025",
        subject="Høringssvar om samarbejdsaftalen",
        blocks=[
            "Tak for udkastet, som Region Hovedstaden sendte os med svarfrist den 19. marts "
            "2025. Region Hovedstaden har bedt om svar fra alle kommuner.",
            ("heading", "Udskrivningsmentor"),
            MENTOR,
        ],
        closing=["Med venlig hilsen", "Åse Mølgaard", "Direktør"],
    )
    source, raw, path = imported(project, "svar.pdf", data)
    assert source.meta.sender == "Brøndby Kommune"
    assert source.meta.recipient == TO_THE_REGION
    assert raw["guessed"]["sender"]["found_in"].startswith("brevhovedet")
    assert raw["guessed"]["recipient"]["found_in"] == "adressefeltet over emnet, side 1"
    assert source.meta.date.isoformat() == "2025-03-03"  # not the svarfrist in the text
    assert raw["guessed"]["date"]["found_in"].endswith('"3. marts 2025"')
    assert "# Det, 'hoering import' har gættet." in path.read_text("utf-8")
    body = body_of(path)
    assert "Kongens Vænge" not in body and "3400 Hillerød" not in body
    # with English messages, import says where it found things in English
    from hoering.messages import choose_language

    choose_language("en")
    result = hoering.import_file(path.parent.parent / "received" / "svar.pdf", HEARING, force=True)
    raw = read_source(result.path).metadata
    assert raw["guessed"]["sender"]["found_in"].startswith("letterhead")
    assert raw["guessed"]["recipient"]["found_in"] == "address block above the subject, page 1"
    assert "# What 'hoering import' guessed." in result.path.read_text("utf-8")
    assert body.lstrip().startswith("Tak for udkastet")


def test_a_consultants_notat_addressed_to_a_consulted_party(project):
    data = letter_pdf(
        logo="Nordlys Rådgivning",
        recipient=["Glostrup Kommune", "Center for Sundhed", "Rådhusvej 2", "2600 Glostrup"],
        date_top_right="12. februar 2025",
        subject="Notat om netværksmøder",
        blocks=[
            "Glostrup Kommune har bedt os vurdere, hvordan netværksmøder kan holdes. "
            "Glostrup Kommune holder i dag møderne inden for en uge.",
            "Vi foreslår, at Glostrup Kommune indkalder skriftligt.",
        ],
        closing=["Med venlig hilsen", "Jens Holm", "Seniorkonsulent"],
    )
    source, raw, _ = imported(project, "notat.pdf", data)
    assert source.meta.sender == "Nordlys Rådgivning"
    assert raw["guessed"]["sender"]["found_in"] == "brevhovedet"
    assert source.meta.recipient[0] == "Glostrup Kommune"


def test_signature_on_behalf_of_a_consulted_party_wins(project):
    data = letter_pdf(
        logo="Sundhed og Omsorg",
        recipient=TO_THE_REGION,
        date_top_right="3. marts 2025",
        subject="Høringssvar",
        blocks=[
            "Vi har drøftet udkastet med Albertslund Kommune og Albertslund Kommunes "
            "psykiatrigruppe.",
            ("heading", "Udskrivningsmentor"),
            MENTOR,
        ],
        closing=[
            "Med venlig hilsen",
            "På vegne af Hvidovre Kommune",
            "Mette Frøslev",
            "Chef for psykiatri",
        ],
    )
    source, raw, _ = imported(project, "hvidovre.pdf", data)
    assert source.meta.sender == "Hvidovre Kommune"
    assert raw["guessed"]["sender"]["found_in"].startswith(
        'afslutningen: "På vegne af Hvidovre Kommune"'
    )
    assert source.meta.signature.on_behalf_of == "Hvidovre Kommune"


def test_e_mail_domain_names_the_party_and_the_authoritys_address_does_not(project):
    data = letter_docx(
        [
            "Svar på høring om samarbejdsaftalen",
            "Vi har læst udkastet, som blev sendt fra hoering@regionh.dk, og har disse "
            "bemærkninger.",
            MENTOR,
            "Med venlig hilsen",
            "Mette Frøslev",
            "mef@hvidovre.dk",
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    assert source.meta.sender == "Hvidovre Kommune"
    assert raw["guessed"]["sender"]["found_in"].startswith("e-maildomænet hvidovre.dk")


def test_date_from_the_date_line_not_from_a_sentence(project):
    data = letter_docx(
        [
            "Høringssvar om netværksmøder",
            "På mødet den 27. februar 2025 drøftede vi netværksmøder, og vi foreslår, at de "
            "indkaldes skriftligt. Høringsfristen er den 21. marts 2025.",
            "København, den 4. marts 2025",
            "Med venlig hilsen",
            "På vegne af Vallensbæk Kommune",
            "Jørgen Hæstrup",
        ]
    )
    source, raw, _ = imported(project, "vallensbaek.docx", data)
    assert source.meta.date.isoformat() == "2025-03-04"
    assert raw["guessed"]["date"]["confidence"] == confidence("date", 0.95)


def test_date_in_an_info_table_floated_right(project):
    data = letter_pdf(
        logo="Rødovre Kommune",
        recipient=TO_THE_REGION,
        info=[("Dato:", "6. marts 2025"), ("Sagsnr.:", "25-881"), ("Kontakt:", "Kåre Nielsen")],
        subject="Høringssvar om samarbejdsaftalen",
        blocks=[
            "Vi skal svare inden den 21. marts 2025 og gør det hermed.",
            ("heading", "Udskrivningsmentor"),
            MENTOR,
        ],
        closing=["Med venlig hilsen", "Kåre Bøgh Nielsen"],
    )
    source, raw, path = imported(project, "rk.pdf", data)
    assert source.meta.date.isoformat() == "2025-03-06"
    assert source.meta.case_number == "25-881"
    assert source.meta.sender == "Rødovre Kommune"
    assert "Sagsnr" not in body_of(path)


@pytest.mark.parametrize(
    "text",
    [
        "Albertslund Kommune har ingen bemærkninger til udkastet til samarbejdsaftale.",
        "Kommunen har ikke bemærkninger til høringen.",
        "Høringen giver ikke anledning til bemærkninger fra Albertslund Kommune.",
    ],
)
def test_a_letter_saying_only_that_there_are_no_remarks(project, text):
    data = letter_docx(
        [
            "Høring om samarbejdsaftale",
            "Tak for høringen.",
            text,
            "Med venlig hilsen",
            "Søren Ærø Jensen",
        ]
    )
    source, raw, path = imported(project, "albertslund.docx", data)
    assert source.meta.no_remarks is True
    assert raw["guessed"]["no_remarks"]["found_in"].startswith("teksten: ")
    assert text in " ".join(body_of(path).split())


def test_remarks_ending_in_no_further_remarks_are_remarks(project):
    data = letter_docx(
        [
            "Høring om samarbejdsaftale",
            *[MENTOR] * 8,
            "Albertslund Kommune har ingen yderligere bemærkninger.",
            "Med venlig hilsen",
            "Søren Ærø Jensen",
        ]
    )
    source, raw, _ = imported(project, "albertslund.docx", data)
    assert source.meta.no_remarks is False
    assert "no_remarks" not in raw and "no_remarks" not in raw["guessed"]


def import_run(project: Path, *files: tuple[str, bytes]):
    paths = []
    for name, data in files:
        path = project / "incoming" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return hoering.import_files(paths, HEARING)


def test_a_second_file_from_the_same_party_in_a_later_run_goes_beside_the_first(cli, project):
    from import_fixtures import response_docx

    first, _ = response_docx(seed=0, sections=2)  # Glostrup Kommune
    second, _ = response_docx(seed=6, sections=3)  # Glostrup Kommune again, other remarks
    assert not import_run(project, ("svar.docx", first)).failed
    responses = project / HEARING / "responses"
    kept = (responses / "glostrup-kommune.md").read_bytes()
    report = import_run(project, ("bilag.docx", second))
    assert not report.failed
    assert [i.path.name for i in report.imported] == ["glostrup-kommune-2.md"]
    assert (responses / "glostrup-kommune.md").read_bytes() == kept
    meta = read_source(responses / "glostrup-kommune-2.md").metadata
    assert meta["sender"] == "Glostrup Kommune" and meta["source"]["name"] == "bilag.docx"
    result = cli("import", "incoming/svar.docx", "--hearing", str(HEARING))  # the same again
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Fejl: incoming/svar.docx: er allerede indlæst som {HEARING}/responses/"
        "glostrup-kommune.md (den kan indeholde rettelser; brug --force for at indlæse filen "
        "igen i stedet for den)"
    )
    comparison = hoering.compare(HEARING)
    [glostrup] = [r for r in comparison.respondents if r.name == "Glostrup Kommune"]
    assert sorted(p.name for p in glostrup.files) == [
        "glostrup-kommune-2.md",
        "glostrup-kommune.md",
    ]
    assert len(comparison.respondents) == 2  # Ishøj and Glostrup: one respondent each


def test_a_file_name_alone_never_names_the_sender(project):
    """A cover letter that names nobody is written with the sender unknown, although its
    file name names a consulted party; the letter sent with it names its sender."""
    cover = letter_docx(["Hermed vores svar på høringen.", "Svaret er vedhæftet."])
    remarks = letter_docx(
        [
            "Høringssvar fra Glostrup Kommune",
            MENTOR,
            "Med venlig hilsen",
            "På vegne af Glostrup Kommune",
            "Birgitte Løkke Sørensen",
        ]
    )
    report = import_run(
        project, ("hoeringssvar_glostrup.docx", cover), ("bemaerkninger.docx", remarks)
    )
    assert [i.path.name for i in report.imported] == [
        "hoeringssvar-glostrup.md",
        "glostrup-kommune.md",
    ]
    meta = read_source(report.imported[0].path).metadata
    assert meta["sender"] is None
    assert meta["guessed"]["sender"] == {
        "unknown": True,
        "found_in": "ingen afsender fundet: skriv, hvem der har sendt svaret",
    }
    assert read_source(report.imported[1].path).metadata["sender"] == "Glostrup Kommune"
    assert [r.name for r in hoering.compare(HEARING).respondents] == [
        "Glostrup Kommune",
        "Ishøj Kommune",
        "Ukendt afsender (hoeringssvar-glostrup.md)",
    ]


def test_a_form_names_its_sender_in_a_field_and_labels_are_never_senders(project):
    data = letter_pdf(
        logo="Høringsskema",
        info=[
            ("Organisation:", "Ballerup Kommune"),
            ("Sagsbehandler:", "Rasmus Grøn"),
            ("Dato:", "17. juni 2019"),
        ],
        subject="Høringssvar om samarbejdsaftalen",
        blocks=[
            "Vi har læst udkastet med interesse og har følgende bemærkninger.",
            ("heading", "Udskrivningsmentor"),
            MENTOR,
        ],
    )
    source, raw, _ = imported(project, "skema.pdf", data)
    assert source.meta.sender == "Ballerup Kommune"
    assert raw["guessed"]["sender"]["found_in"].startswith(
        'brevhovedet, side 1: feltet "Organisation:'
    )
    assert source.meta.date.isoformat() == "2019-06-17"


def test_signature_with_name_and_title_on_one_line_and_the_party_under_it(project):
    data = letter_docx(
        [
            "Høringssvar om samarbejdsaftalen",
            MENTOR,
            "Med venlig hilsen",
            "Camilla Ravn Centerchef",
            "Rødovre Kommune, Social og Sundhed",
        ]
    )
    source, raw, _ = imported(project, "svar.docx", data)
    [signatory] = source.meta.signature.signatories
    assert (signatory.name, signatory.title) == ("Camilla Ravn", "Centerchef")
    assert source.meta.sender == "Rødovre Kommune"
    assert "underskriften" in raw["guessed"]["sender"]["found_in"]
