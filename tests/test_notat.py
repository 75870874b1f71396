"""The høringsnotat's other layouts, the draft copy, the notat's date, the answer sheet
(hoering remarks) and mistakes in remarks.md — each read back from what was written."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf

from conftest import EXAMPLE_HEARING, snapshot

HEARING = Path("consultations") / EXAMPLE_HEARING
OUT = Path("output") / EXAMPLE_HEARING


def _compare(cli, *args: str) -> None:
    result = cli("compare", str(HEARING), "--no-bundle", *args)
    assert result.exit_code == 0, result.output


def _lines(project: Path, name: str = "hoeringsnotat") -> list[str]:
    document = docx.Document(project / OUT / f"{name}.docx")
    return [p.text for p in document.paragraphs if not p.style.name.startswith("toc")]


def test_layout_by_party_gives_each_respondent_a_section(cli, project):
    _compare(cli, "--layout", "parter", "-f", "docx")
    lines = _lines(project, "hoeringsnotat-parter")
    assert "2. Høringssvarene part for part" in lines
    start = lines.index("2.2 Brøndby Kommune")
    brondby = lines[start : lines.index("2.3 Glostrup Kommune")]
    leads = [line for line in brondby if " – " in line or line == "Generelt"]
    assert leads == [
        "Generelt",
        "Ledsagelse til behandling – → forslag",
        "Indlæggelse og udskrivning – ! bekymring",
        "Borgere i hjemløshed – ! bekymring",
    ]
    assert "Kommentar: Delvis imødekommet" in brondby
    vallensbaek = lines[lines.index("2.7 Vallensbæk Kommune") :]
    assert (
        "Vallensbæk Kommune har gennemgået udkastet og har ingen bemærkninger til det."
        in vallensbaek
    )
    assert "3. Region Hovedstadens bemærkninger" in lines
    assert "4. Ændringer som følge af høringen" in lines


def test_layout_overview_is_one_table_with_answers_and_statuses(cli, project):
    _compare(cli, "--layout", "oversigt", "-f", "docx", "-f", "pdf")
    document = docx.Document(project / OUT / "hoeringsnotat-oversigt.docx")
    table = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Høringspart" and len(t.columns) == 4
    )
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Høringspart", "Bemærkning", "Kommentar", "Status"]
    rodovre = next(
        r for r in rows if r[0] == "Rødovre Kommune" and r[1].startswith("Borgere i hjemløshed:")
    )
    assert rodovre[3] == "Ikke imødekommet"
    assert rodovre[2].startswith("Regionen har ikke adgang til kommunernes oplysninger")
    statuses = {r[3] for r in rows[1:]}
    assert statuses == {
        "",
        "Imødekommet",
        "Delvis imødekommet",
        "Ikke imødekommet",
        "Taget til efterretning",
    }
    text = " ".join(
        " ".join(p.extract_text().split())
        for p in pypdf.PdfReader(project / OUT / "hoeringsnotat-oversigt.pdf").pages
    )
    assert "2. Kommenteret høringsoversigt" in text and "Taget til efterretning" in text


def test_draft_puts_the_working_details_in_the_docx(cli, project):
    _compare(cli, "--draft", "-f", "docx")
    assert not (project / OUT / "hoeringsnotat.docx").exists()  # the published name is free
    text = "\n".join(_lines(project, "hoeringsnotat-udkast"))
    assert "responses/glostrup-kommune.md:" in text
    assert "emne og holdning foreslået ved indlæsning, ikke bekræftet" in text
    assert "[Bemærkninger til dette emne skrives i remarks.md under '## ledsagelse'.]" in text


def test_notat_date_defaults_to_source_date_epoch(cli, project, monkeypatch):
    hearing = project / HEARING / "hearing.yaml"
    hearing.write_text(hearing.read_text("utf-8").replace("  date: 2019-08-28\n", ""), "utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1567296000")  # 1 September 2019
    _compare(cli, "-f", "docx")
    header = docx.Document(project / OUT / "hoeringsnotat.docx").tables[0].rows[0].cells[1]
    assert header.text.splitlines()[0] == "Dato\t1. september 2019"


# --- hoering remarks ------------------------------------------------------------------------


def test_remarks_adds_only_missing_entries_and_keeps_what_is_written(cli, project):
    path = project / HEARING / "remarks.md"
    before = path.read_text("utf-8")
    result = cli("remarks", str(HEARING))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Tilføjede 15 punkter til {HEARING}/remarks.md"
    after = path.read_text("utf-8")
    new_lines = iter(after.splitlines())
    assert all(line in new_lines for line in before.splitlines())  # every old line, in order
    hjemloese = after[after.index("## hjemloese") : after.index("## Tværfagligt samarbejde")]
    assert hjemloese.rstrip().endswith("### Glostrup Kommune\n\n### Ishøj Kommune")
    assert after.index("## Netværksmøder under indlæggelse") < after.index("## Ændringer")
    again = cli("remarks", str(HEARING))
    assert again.stdout.strip() == f"{HEARING}/remarks.md har et punkt for hver bemærkning"
    assert path.read_text("utf-8") == after
    _compare(cli, "-f", "docx")  # the sheet as written is a valid remarks.md


def test_remarks_creates_the_sheet_the_first_time(cli, project):
    (project / HEARING / "remarks.md").unlink()
    result = cli("remarks", str(HEARING))
    assert result.exit_code == 0
    assert result.stderr == ""  # not compare's "remarks.md findes ikke" as it makes the file
    text = (project / HEARING / "remarks.md").read_text("utf-8")
    assert text.startswith("## Tværfagligt samarbejde\n\n### Glostrup Kommune\n\n")
    assert text.endswith("## Ændringer\n")
    assert text.count("### ") == 24  # one per respondent and topic it remarked on


# --- mistakes in remarks.md ----------------------------------------------------------------


def _fails(cli, project, expected: list[str], lang: str = "da") -> None:
    before = snapshot(project)
    result = cli("--lang", lang, "compare", str(HEARING))
    assert result.exit_code == 1
    error = {"da": "Fejl", "en": "Error"}[lang]
    assert result.stderr.splitlines() == [f"{error}: {e}" for e in expected]
    assert snapshot(project) == before and not (project / "output").exists()


def test_unknown_respondent_and_status_in_remarks_are_errors_with_lines(cli, project):
    path = project / HEARING / "remarks.md"
    text = path.read_text("utf-8").replace(
        "### Albertslund Kommune {status=imoedekommet}",
        "### Albertslun Kommune {status=imoedekommet}",
    )
    text = text.replace(
        "### Rødovre Kommune {status=noteret}", "### Rødovre Kommune {status=afvist}"
    )
    path.write_text(text, "utf-8")
    _fails(
        cli,
        project,
        [
            f"{HEARING}/remarks.md:12: 'Albertslun Kommune' er ikke part i denne høring "
            "(mente du 'Albertslund Kommune'?)",
            f"{HEARING}/remarks.md:48: status: 'afvist' er ikke en status (brug en af "
            "imoedekommet, delvist, ikke-imoedekommet, noteret)",
        ],
    )
    _fails(
        cli,
        project,
        [
            f"{HEARING}/remarks.md:12: 'Albertslun Kommune' is not a respondent of this hearing "
            "(did you mean 'Albertslund Kommune'?)",
            f"{HEARING}/remarks.md:48: status: 'afvist' is not a status (use one of imoedekommet, "
            "delvist, ikke-imoedekommet, noteret)",
        ],
        lang="en",
    )
