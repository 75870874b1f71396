"""Duplicates (issue 24, point 5): a file already imported is said so in Danish instead of
becoming a second response (the same file under another name, an e-mail and its own attached
letter, either way round, in one batch or two); the same web-form export twice is refused
before it doubles every count; the three notat layouts write files that live side by side."""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLE_FORM_HEARING, EXAMPLE_HEARING, snapshot
from letters import letter_pdf

HEARING = Path("consultations") / EXAMPLE_HEARING
RESPONSES = HEARING / "responses"


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def _letter() -> bytes:
    return letter_pdf(
        logo="Sundhed og Omsorg",
        date_top_right="3. marts 2025",
        subject="Høringssvar om samarbejdsaftalen",
        blocks=[
            ("heading", "Udskrivningsmentor"),
            "Vi hilser udskrivningsmentoren velkommen og finder ordningen positiv.",
        ],
        closing=["Med venlig hilsen", "Mette Frøslev", "Chef for psykiatri"],
    )


def _mail(letter: bytes) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Mette Frøslev <mef@hvidovre.dk>"
    mail["To"] = "hoering@regionh.dk"
    mail["Subject"] = "Høringssvar fra Hvidovre"
    mail["Date"] = "Thu, 06 Mar 2025 08:30:00 +0100"
    mail.set_content("Hej\n\nHermed vores høringssvar, vedhæftet.\n\nMette")
    mail.add_attachment(letter, maintype="application", subtype="pdf", filename="svar.pdf")
    return bytes(mail)


def _incoming(project: Path, name: str, data: bytes) -> str:
    path = project / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return f"incoming/{name}"


def _responses(project: Path) -> list[str]:
    return sorted(p.name for p in (project / RESPONSES).glob("*.md"))


def test_the_same_file_under_another_name_is_not_a_second_response(cli, project):
    letter = _letter()
    first = cli("import", _incoming(project, "svar.pdf", letter), "--hearing", str(HEARING))
    assert first.exit_code == 0, first.output
    assert _responses(project) == ["ishoj.md", "sundhed-og-omsorg.md"]
    again = _incoming(project, "svar (1).pdf", letter)
    before = snapshot(project)
    result = cli("import", again, "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Fejl: {again}: er allerede indlæst som {RESPONSES}/sundhed-og-omsorg.md (den kan "
        "indeholde rettelser; brug --force for at indlæse filen igen i stedet for den)",
        f"0 indlæst, 1 fejlede: {again}",
    ]
    assert snapshot(project) == before
    forced = cli("import", again, "--hearing", str(HEARING), "--force")
    assert forced.exit_code == 0, forced.output
    assert _responses(project) == ["ishoj.md", "sundhed-og-omsorg.md"]  # replaced, not added


def test_an_emails_attachment_imported_after_the_email_is_refused(cli, project):
    letter = _letter()
    mail = _incoming(project, "hvidovre.eml", _mail(letter))
    assert cli("import", mail, "--hearing", str(HEARING)).exit_code == 0
    attachment = _incoming(project, "svar.pdf", letter)
    before = snapshot(project)
    result = cli("import", attachment, "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Fejl: {attachment}: er bilaget til e-mailen hvidovre.eml, der allerede er indlæst som "
        f"{RESPONSES}/hvidovre-kommune.md (den kan indeholde rettelser; brug --force for at "
        "indlæse filen igen i stedet for den)"
    )
    assert snapshot(project) == before


def test_an_email_whose_attachment_was_imported_before_is_refused(cli, project):
    letter = _letter()
    first = cli("import", _incoming(project, "svar.pdf", letter), "--hearing", str(HEARING))
    assert first.exit_code == 0, first.output
    mail = _incoming(project, "hvidovre.eml", _mail(letter))
    before = snapshot(project)
    result = cli("--lang", "en", "import", mail, "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: {mail}: its attachment is already imported on its own as "
        f"{RESPONSES}/sundhed-og-omsorg.md (it may hold corrections; use --force to import the "
        "file again in its place)"
    )
    assert snapshot(project) == before


def test_an_email_and_its_attachment_in_one_batch_are_one_response(cli, project):
    letter = _letter()
    mail = _incoming(project, "hvidovre.eml", _mail(letter))
    attachment = _incoming(project, "svar.pdf", letter)
    result = cli("import", mail, attachment, "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert _responses(project) == ["hvidovre-kommune.md", "ishoj.md"]
    assert f"Fejl: {attachment}: er bilaget til e-mailen hvidovre.eml" in result.stderr


def test_the_same_form_export_twice_is_refused(cli, project):
    hearing = Path("consultations") / EXAMPLE_FORM_HEARING
    export = project / hearing / "responses" / "svar-fra-formular.csv"
    counted = cli("compare", str(hearing), "--no-bundle", "-f", "html")
    assert counted.exit_code == 0, counted.output
    shutil.rmtree(project / "output")
    copy = _incoming(project, "eksport (1).csv", export.read_bytes())
    before = snapshot(project)
    result = cli("import", copy, "--hearing", str(hearing))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Fejl: {copy}: er allerede indlæst som {hearing}/responses/svar-fra-formular.csv (den "
        "samme eksport to gange ville tælle hvert svar to gange; slet "
        f"{hearing}/responses/svar-fra-formular.csv først, hvis den skal indlæses under dette "
        "navn)"
    )
    assert snapshot(project) == before


def test_the_three_layouts_lie_side_by_side(cli, project):
    for layout in ("emner", "parter", "oversigt"):
        result = cli("compare", str(HEARING), "--no-bundle", "--layout", layout, "-f", "docx")
        assert result.exit_code == 0, result.output
    out = project / "output" / EXAMPLE_HEARING

    names = sorted(p.name for p in out.glob("hoeringsnotat*"))
    assert names == [
        "hoeringsnotat-oversigt.docx",
        "hoeringsnotat-parter.docx",
        "hoeringsnotat.docx",
    ]
    texts = {n: [p.text for p in docx.Document(out / n).paragraphs] for n in names}
    assert "2. Høringssvarene part for part" in texts["hoeringsnotat-parter.docx"]
    assert "2. Høringssvarene part for part" not in texts["hoeringsnotat.docx"]
