"""Bad input gets a clear error naming file, line and key; nothing is written or changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE_HEARING, snapshot
from support import commands_fail_cleanly

SOURCE = Path("consultations") / EXAMPLE_HEARING / "responses" / "ishoj.md"


@pytest.fixture(autouse=True)
def only_one_source(project: Path) -> None:
    """The example project reduced to ishoj.md, so "nothing written" means the whole build."""
    for path in (project / "consultations").rglob("*.md"):
        if path != project / SOURCE and path.parent.name in ("responses", "minutes"):
            path.unlink()


def write_source(project: Path, text: str | bytes, name: str = "ishoj.md") -> Path:
    path = project / "consultations" / EXAMPLE_HEARING / "responses" / name
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def replace_in_source(project: Path, old: str, new: str) -> None:
    path = project / SOURCE
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def assert_fails_cleanly(cli, project: Path, expected: list[str], *args: str) -> None:
    """Build and check both exit 1 with exactly ``expected`` errors and write nothing."""
    commands_fail_cleanly(cli, project, expected, ["build", *args], ["check", *args])
    assert not (project / "output").exists()


def test_malformed_yaml_names_the_line(cli, project):
    replace_in_source(
        project, "department: Center for Socialservice", "department: [Center for Socialservice"
    )
    assert_fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:6: metadata er ikke gyldig YAML: den [ der begynder på denne linje, bliver "
            "aldrig lukket med ] (afslut den med ] på samme linje, eller sæt tekst med ',' eller "
            "':' i anførselstegn)"
        ],
    )


YAML_MISTAKES = [  # (what is changed, the message in Danish and in English)
    (
        "title: Høringssvar om udkast",
        'title: "Høringssvar om udkast',
        ':3: metadata er ikke gyldig YAML: anførselstegnet " i starten af teksten bliver aldrig '
        "lukket (afslut teksten med samme anførselstegn på den linje, eller udelad "
        "anførselstegnene)",
        ':3: metadata is not valid YAML: the quote " that begins the text is never closed (end '
        "the text with the same quote mark on that line, or leave the quotes out)",
    ),
    (
        "  - Center for Sundhed",
        "\t- Center for Sundhed",
        ":11: metadata er ikke gyldig YAML: linjen er rykket ind med en tabulator (YAML rykker "
        "kun ind med mellemrum: erstat tabulatoren med mellemrum, som på linjerne over)",
        ":11: metadata is not valid YAML: the line is indented with a tab (YAML indents with "
        "spaces only: replace the tab with spaces, as on the lines above)",
    ),
    (
        "case_number: 27",
        "title: Dobbelt\ncase_number: 27",
        ":8: metadata er ikke gyldig YAML: 'title' er skrevet to gange (første gang på linje 3) "
        "(behold den ene: en nøgle må kun stå én gang på samme niveau)",
        ":8: metadata is not valid YAML: 'title' is written twice (first on line 3) (keep one of "
        "them: a key may appear only once at the same level)",
    ),
    (
        "department: Center for Socialservice",
        "department: Center: Socialservice",
        ":6: metadata er ikke gyldig YAML: teksten indeholder et ':', som YAML læser som en ny "
        'nøgle (sæt tekst med ": " i anførselstegn, fx title: "Svar: om trafikken")',
        ":6: metadata is not valid YAML: the text has a ':' in it, which YAML reads as a new key "
        '(put text that contains ": " in quotes, e.g. title: "Svar: om trafikken")',
    ),
]


@pytest.mark.parametrize(
    "old, new, danish, english",
    YAML_MISTAKES,
    ids=["unclosed quote", "tab", "duplicate key", "colon in text"],
)
def test_yaml_mistakes_in_plain_words_where_they_start(cli, project, old, new, danish, english):
    replace_in_source(project, old, new)
    assert_fails_cleanly(cli, project, [f"{SOURCE}{danish}"])
    result = cli("--lang", "en", "check")
    assert f"Error: {SOURCE}{english}" in result.stderr.splitlines()


# Errors of metadata, profiles, hearings and images in both languages: Danish by default,
# English with --lang en (old text, new text, the error's line and words in Danish, in English).
CORE_MISTAKES = [
    (
        "lang: da",
        "lang: de",
        ":19: lang: 'de' er ikke tilladt (brug 'da' eller 'en')",
        ":19: lang: 'de' is not allowed (use 'da' or 'en')",
    ),
    (
        "organisation: ishoj",
        "organisation: ishoej",
        ":5: organisation: ukendt organisation 'ishoej' (mente du 'ishoj'? kendte "
        "organisationer: ishoj, region-hovedstaden; eller opret den med: hoering new "
        'organisation --id ishoej --name "…")',
        ":5: organisation: unknown organisation 'ishoej' (did you mean 'ishoj'? known "
        "organisations: ishoj, region-hovedstaden; or create it with: hoering new "
        'organisation --id ishoej --name "…")',
    ),
    (
        "stance=positive}",
        "stance=glad}",
        ":67: stance: 'glad' er ikke en holdning (brug positiv, bekymring eller forslag "
        "(eller positive, concern eller proposal))",
        ":67: stance: 'glad' is not a stance (use positiv, bekymring or forslag (or positive, "
        "concern or proposal))",
    ),
    (
        "{topic=ventetid ",
        "{topic=ventetider ",
        ":73: 'ventetider' er ikke et emne i hearing.yaml (mente du 'ventetid'?)",
        ":73: topic 'ventetider' is not a topic of hearing.yaml (did you mean 'ventetid'?)",
    ),
    (
        "hearing: samarbejdsaftale-psykisk-sygdom",
        "hearing: trafikplan-bymidten",
        ":4: hearing: hører til høringen 'trafikplan-bymidten', ikke "
        "'samarbejdsaftale-psykisk-sygdom' (flyt den til sin egen hørings mappe, eller ret "
        "'hearing')",
        ":4: hearing: belongs to hearing 'trafikplan-bymidten', not "
        "'samarbejdsaftale-psykisk-sygdom' (move it to its own hearing's folder or correct "
        "'hearing')",
    ),
    (
        "Vi hæfter os især",
        "![Kort over området](kort.png)\n\nVi hæfter os især",
        f":26: billedet 'kort.png' findes ikke (ledte efter {SOURCE.parent / 'kort.png'})",
        f":26: image 'kort.png' not found (looked for {SOURCE.parent / 'kort.png'})",
    ),
]


@pytest.mark.parametrize(
    "old, new, danish, english",
    CORE_MISTAKES,
    ids=["value not allowed", "organisation", "stance", "topic", "hearing", "image"],
)
def test_core_mistakes_in_danish_and_in_english(cli, project, old, new, danish, english):
    replace_in_source(project, old, new)
    assert_fails_cleanly(cli, project, [f"{SOURCE}{danish}"])
    result = cli("--lang", "en", "check")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("Error: ")] == [
        f"Error: {SOURCE}{english}"
    ]


def test_a_guess_with_a_confidence_out_of_range(cli, project):
    replace_in_source(project, "lang: da\n", "lang: da\nguessed:\n  date: {confidence: 2}\n")
    assert_fails_cleanly(cli, project, [f"{SOURCE}:21: guessed.date.confidence: 2 er mere end 1"])


def test_unknown_key_suggests_the_right_one(cli, project):
    replace_in_source(project, "case_number:", "case_nummer:")
    assert_fails_cleanly(
        cli, project, [f"{SOURCE}:8: case_nummer: ukendt nøgle (mente du 'case_number'?)"]
    )


def test_missing_required_key(cli, project):
    replace_in_source(project, "hearing: samarbejdsaftale-psykisk-sygdom\n", "")
    assert_fails_cleanly(cli, project, [f"{SOURCE}:2: hearing: påkrævet nøgle mangler"])


def test_invalid_date(cli, project):
    replace_in_source(project, "date: 2019-06-19", "date: 2019-13-01")
    assert_fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:7: date: '2019-13-01' er ikke en dato "
            "(skriv datoer som ÅÅÅÅ-MM-DD, fx 2019-06-19)"
        ],
    )


def test_every_problem_is_reported_at_once(cli, project):
    replace_in_source(project, "date: 2019-06-19", "date: 19/6")
    replace_in_source(project, "lang: da", "lang: de")
    replace_in_source(project, "  email: socialservice@ishoj.dk", "  email: socialservice")
    assert_fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:7: date: '19/6' er ikke en dato "
            "(skriv datoer som ÅÅÅÅ-MM-DD, fx 2019-06-19)",
            f"{SOURCE}:15: contact.email: 'socialservice' har den forkerte form",
            f"{SOURCE}:19: lang: 'de' er ikke tilladt (brug 'da' eller 'en')",
        ],
    )


def test_folder_without_sources(cli, project):
    (project / "tom").mkdir()
    assert_fails_cleanly(
        cli,
        project,
        ["tom: ingen kilder i denne mappe (kilder er .md-filer i mapperne responses/ og minutes/)"],
        "tom",
    )


def test_missing_logo_file(cli, project):
    profile = project / "templates" / "organisations" / "region-hovedstaden.yaml"
    (project / "templates" / "organisations" / "region-hovedstaden.svg").unlink()
    replace_in_source(project, "organisation: ishoj", "organisation: region-hovedstaden")
    replace_in_source(
        project, "department: Center for Socialservice", "department: Center for Sundhed"
    )
    logo = profile.parent / "region-hovedstaden.svg"
    assert_fails_cleanly(
        cli,
        project,
        [
            f"{Path('templates/organisations/region-hovedstaden.yaml')}:15: logo: logofilen "
            f"'region-hovedstaden.svg' findes ikke (læg filen i {logo.relative_to(project)}, "
            "eller fjern linjen 'logo')"
        ],
    )


def test_non_utf8_file(cli, project):
    text = (project / SOURCE).read_text("utf-8")
    write_source(project, text.encode("latin-1"))
    assert_fails_cleanly(
        cli,
        project,
        [f"{SOURCE}:3: er ikke UTF-8-tekst (byte 0xf8) (gem filen som UTF-8 i din editor)"],
    )


def test_empty_file(cli, project):
    write_source(project, b"")
    assert_fails_cleanly(
        cli, project, [f"{SOURCE}: filen er tom (begynd den med 'hoering new response')"]
    )


def test_file_without_metadata(cli, project):
    write_source(project, "Bare tekst\n")
    assert_fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:1: ingen metadatablok øverst "
            "(filen skal begynde med en linje '---', metadata og '---')"
        ],
    )


def test_source_that_is_missing(cli, project):
    missing = Path("consultations") / "nope.md"
    assert_fails_cleanly(cli, project, [f"{missing}: filen findes ikke"], str(missing))


def test_source_that_is_a_directory(cli, project):
    folder = project / "consultations" / "mappe.md"
    folder.mkdir()
    assert_fails_cleanly(
        cli,
        project,
        [
            f"{Path('consultations/mappe.md')}: er en mappe, ikke en kildefil "
            "(angiv en .md-fil, eller byg mappen med 'hoering build MAPPE')"
        ],
        "consultations/mappe.md",
    )


def test_unknown_heading_attribute_and_stance(cli, project):
    replace_in_source(
        project, "{topic=ledsagelse stance=concern}", "{topic=ledsagelse stanse=concern}"
    )
    replace_in_source(project, "stance=positive}", "stance=glad}")
    assert_fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:43: stanse: ukendt overskriftsegenskab 'stanse' "
            "(en overskrift kan have topic, stance, guess, matched, appendix, status)",
            f"{SOURCE}:67: stance: 'glad' er ikke en holdning (brug positiv, bekymring eller "
            "forslag (eller positive, concern eller proposal))",
        ],
    )


def test_template_with_syntax_error(cli, project):
    (project / "templates" / "document.html.j2").write_text("<p>{{ document.title </p>\n")
    before = snapshot(project)
    result = cli("build", "-f", "html")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Fejl: {Path('templates/document.html.j2')}:1: syntaksfejl i skabelonen: unexpected '/'"
    )
    assert snapshot(project) == before


def test_output_folder_that_cannot_be_written(cli, project):
    (project / "blocked").write_text("a file where a folder should be")
    before = snapshot(project)
    result = cli("build", "-f", "html", "-o", "blocked/out")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Fejl: kan ikke skrive {Path('blocked/out') / EXAMPLE_HEARING / 'responses'}: en fil "
        "står, hvor der skal være en mappe "
        "(tjek, at outputmappen findes, og at du må skrive i den)"
    )
    assert snapshot(project) == before


@pytest.mark.parametrize("args", [["build", "-f", "rtf"], ["frobnicate"]])
def test_wrong_command_line_is_a_usage_error(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_remarks_is_a_yes_or_no(cli, project):
    replace_in_source(project, "lang: da", "lang: da\nno_remarks: måske")
    assert_fails_cleanly(
        cli,
        project,
        [f"{SOURCE}:20: no_remarks: 'måske' er hverken true eller false (skriv true eller false)"],
    )


def test_a_response_title_with_a_carriage_return_is_refused(cli, project):
    replace_in_source(project, "title: Høringssvar om", 'title: "Høringssvar\\rom')
    replace_in_source(project, "psykisk sygdom\nhearing:", 'psykisk sygdom"\nhearing:')
    assert_fails_cleanly(
        cli, project, [f"{SOURCE}:3: title: skal stå på én linje; fjern linjeskiftet"]
    )


def test_a_title_longer_than_a_title_may_be_is_refused(cli, project):
    """Issue 21, item 5: a 108,000-character title (a mail's subject) failed only in the
    PDF ("a PDF string is longer than 32767 characters"), after the other formats."""
    replace_in_source(project, "title: Høringssvar om", "title: " + "Lang titel " * 40 + "om")
    assert_fails_cleanly(
        cli,
        project,
        [f"{SOURCE}:3: title: er 499 tegn lang; en titel har højst 400: skriv resten i teksten"],
    )
