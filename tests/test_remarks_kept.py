"""Never lose a remark: topics at every heading level, text on no topic counted, a response
with no topic warned about, two responses from one party both kept; and responses checked
against their hearing by check and build with the messages compare gives."""

from __future__ import annotations

from pathlib import Path

import hoering
from conftest import EXAMPLE_HEARING, snapshot
from hoering.comparison.missing import missing_answers_warnings

HEARING = Path("consultations") / EXAMPLE_HEARING
RESPONSES = HEARING / "responses"

NESTED = """---
type: response
title: Høringssvar fra Vallensbæk Kommune
hearing: samarbejdsaftale-psykisk-sygdom
sender: Vallensbæk Kommune
date: 2019-06-17
---

Vallensbæk Kommune takker for høringen.

## Bemærkninger

Vi har to bemærkninger til udkastet.

### Ledsagelse {topic=ledsagelse stance=concern}

Kommunen kan ikke ledsage borgerne.

#### Eksempel

En borger i Vallensbæk måtte opgive sin behandling.

### Mentor {topic=udskrivningsmentor stance=positive}

Mentoren er et godt tilbud.

## Afslutning

Vi deltager gerne i det videre arbejde.
"""


def _write(project: Path, name: str, text: str) -> Path:
    path = project / RESPONSES / name
    path.write_text(text, "utf-8")
    return path


def test_topics_on_level_three_headings_count_with_their_subsections(project):
    _write(project, "vallensbaek.md", NESTED)
    comparison = hoering.compare(HEARING)
    escort = next(t for t in comparison.topics if t.topic.id == "ledsagelse")
    remark = next(r for r in escort.remarks if r.respondent == "Vallensbæk Kommune")
    assert remark.stance == "concern" and remark.line == 15
    assert remark.text == (
        "Kommunen kan ikke ledsage borgerne.\n\nEksempel\n\n"
        "En borger i Vallensbæk måtte opgive sin behandling."
    )
    assert comparison.stances_of("Vallensbæk Kommune", "udskrivningsmentor") == ("positive",)
    general = [
        (r.heading, r.text, r.line)
        for r in comparison.unmatched
        if r.respondent == "Vallensbæk Kommune"
    ]
    # the opening thanks are the letter's wrapping, not a remark (comparison/wrapping.py)
    assert general == [
        ("Bemærkninger", "Vi har to bemærkninger til udkastet.", 11),
        ("Afslutning", "Vi deltager gerne i det videre arbejde.", 27),
    ]
    # no warning but the answers remarks.md does not give yet
    assert comparison.warnings == missing_answers_warnings(comparison)


def test_a_response_without_topics_is_kept_and_warned_about(cli, project):
    text = NESTED.replace(" {topic=ledsagelse stance=concern}", "").replace(
        " {topic=udskrivningsmentor stance=positive}", ""
    )
    _write(project, "vallensbaek.md", text)
    result = cli("compare", str(HEARING), "-f", "docx", "--no-bundle")
    assert result.exit_code == 0, result.output
    warnings = [
        line
        for line in result.stderr.splitlines()
        if line.startswith("Advarsel:") and "har endnu intet svar" not in line
    ]
    assert warnings == [
        (
            f"Advarsel: {RESPONSES}/vallensbaek.md:8: ingen overskrift nævner et emne; hele "
            "teksten tælles med under 'Generelle bemærkninger' (markér overskrifterne med "
            "{topic=…}, eller sæt no_remarks: true, hvis svaret kun siger det)"
        )
    ]  # progress lines may come first
    comparison = hoering.compare(HEARING)
    said = " ".join(r.text for r in comparison.unmatched if r.respondent == "Vallensbæk Kommune")
    assert "Kommunen kan ikke ledsage borgerne." in said and "Mentoren er et godt" in said


def test_a_response_with_no_remarks_is_not_warned_about(project):
    _write(
        project,
        "vallensbaek.md",
        NESTED.split("---\n\n")[0].replace("date: 2019-06-17", "date: 2019-06-17\nno_remarks: true")
        + "---\n\nVallensbæk Kommune har ingen bemærkninger.\n",
    )
    comparison = hoering.compare(HEARING)
    party = next(r for r in comparison.respondents if r.name == "Vallensbæk Kommune")
    assert party.no_remarks and comparison.warnings == missing_answers_warnings(comparison)


def test_two_responses_from_one_party_are_both_kept_with_every_stance(project):
    original = project / RESPONSES / "ishoj.md"
    text = original.read_text("utf-8").replace("date: 2019-06-19", "date: 2019-06-27")
    text = text.replace(
        "topic=udskrivningsmentor stance=proposal", "topic=udskrivningsmentor stance=positive"
    )
    text = text.replace("Ideen om en udskrivningsmentor er god.", "Mentoren er en god idé.")
    (original.parent / "ishoj-tillaeg.md").write_text(text, "utf-8")
    comparison = hoering.compare(HEARING)
    ishoj = next(r for r in comparison.respondents if r.name == "Ishøj Kommune")
    assert [p.name for p in ishoj.files] == ["ishoj.md", "ishoj-tillaeg.md"]  # by date
    assert [d.isoformat() for d in ishoj.dates] == ["2019-06-19", "2019-06-27"]
    assert ishoj.late and ishoj.answered_twice
    mentor = next(t for t in comparison.topics if t.topic.id == "udskrivningsmentor")
    mine = [
        (r.stance, r.date.isoformat()) for r in mentor.remarks if r.respondent == "Ishøj Kommune"
    ]
    assert mine == [("proposal", "2019-06-19"), ("positive", "2019-06-27")]
    assert comparison.stances_of("Ishøj Kommune", "udskrivningsmentor") == ("positive", "proposal")
    escort = next(t for t in comparison.topics if t.topic.id == "ledsagelse")
    assert [r.respondent for r in escort.remarks].count("Ishøj Kommune") == 1  # same text


# --- check and build validate against the hearing ------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _all_fail_alike(cli, project: Path, source: Path, expected: list[str]) -> None:
    before = snapshot(project)
    for command in (("check", str(source)), ("build", str(source)), ("compare", str(HEARING))):
        result = cli(*command)
        assert result.exit_code == 1, (command, result.output)
        errors = [line for line in result.stderr.splitlines() if line.startswith("Fejl: ")]
        assert errors == [f"Fejl: {e}" for e in expected], command
        assert snapshot(project) == before and not (project / "output").exists()


def test_check_build_and_compare_report_an_unknown_topic_alike(cli, project):
    source = RESPONSES / "hvidovre.md"
    _edit(project / source, "topic=ventetid", "topic=ventetiden")
    _all_fail_alike(
        cli,
        project,
        source,
        [f"{source}:18: 'ventetiden' er ikke et emne i hearing.yaml (mente du 'ventetid'?)"],
    )


def test_check_build_and_compare_report_another_hearing_alike(cli, project):
    source = RESPONSES / "rodovre.md"
    _edit(project / source, "hearing: samarbejdsaftale-psykisk-sygdom", "hearing: trafikplan")
    _all_fail_alike(
        cli,
        project,
        source,
        [
            f"{source}:4: hearing: hører til høringen 'trafikplan', ikke "
            "'samarbejdsaftale-psykisk-sygdom' (flyt den til sin egen hørings mappe, eller ret "
            "'hearing')"
        ],
    )


def test_the_hearing_and_response_skeletons_agree(cli, project):
    """The hearing skeleton's example party and topic are refused until replaced (else the
    notat would list a party nobody consulted); then a response skeleton has its topics."""
    assert (
        cli(
            "new",
            "hearing",
            "--id",
            "trafikplan",
            "--title",
            "Trafikplan",
            "--authority",
            "region-hovedstaden",
        ).exit_code
        == 0
    )
    hearing_file = project / "consultations" / "trafikplan" / "hearing.yaml"
    before = hearing_file.read_bytes()
    refused = cli("compare", "consultations/trafikplan")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Fejl: consultations/trafikplan/hearing.yaml:21: consulted.name: høringsparten "
        "'Navn Kommune' er skabelonens eksempel (skriv høringens egne parter i stedet)\n"
        "Fejl: consultations/trafikplan/hearing.yaml:27: topics.id: emnet 'emne-et' er "
        "skabelonens eksempel (skriv høringens egne emner i stedet: id, titel og nøgleord)\n"
    )
    assert hearing_file.read_bytes() == before
    assert not (project / "output" / "trafikplan").exists()
    _edit(hearing_file, '  - name: "Navn Kommune"', '  - name: "Ishøj Kommune"')
    _edit(
        hearing_file,
        '  - id: emne-et\n    title: "Første emne"',
        '  - id: trafik\n    title: "Trafik"',
    )
    made = cli("new", "response", "--organisation", "ishoj", "--hearing", "trafikplan")
    assert made.exit_code == 0, made.output
    target = project / "consultations" / "trafikplan" / "responses" / "ishoj.md"
    assert "\n## Trafik {topic=trafik}\n" in target.read_text("utf-8")
    _fill_skeleton(target)
    checked = cli("check", "consultations/trafikplan")
    assert checked.exit_code == 0, checked.output


def _fill_skeleton(path: Path) -> None:
    """The empty fields of a response skeleton filled in (tests/test_skeletons.py)."""
    text = path.read_text("utf-8").replace('name: ""', 'name: "Anne Holm"')
    path.write_text(text.replace("Skriv jeres bemærkninger her.", "Vi bakker op."), "utf-8")
