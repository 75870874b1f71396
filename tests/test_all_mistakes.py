"""Every mistake at once (issue 24, point 3): one mistake never hides another, and none passes
in silence. A metadata error leaves the body's checks to run, a stance that is none leaves its
heading's topic to be checked, a footnote without its note is an error, and a response to a
hearing without hearing.yaml is told so."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE_HEARING, snapshot
from support import error_lines

HEARING = Path("consultations") / EXAMPLE_HEARING
MINUTES = HEARING / "minutes" / "2019-06-19-dialogmoede-snitflader.md"
RESPONSE = HEARING / "responses" / "ishoj.md"


def _edit(project: Path, path: Path, *changes: tuple[str, str]) -> None:
    text = (project / path).read_text("utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    (project / path).write_text(text, "utf-8")


def _errors(cli, project: Path, *args: str) -> list[str]:
    """The errors of check and of build, which must be the same, with nothing written."""
    before = snapshot(project)
    found = []
    for command in ("check", "build"):
        result = cli(command, *args)
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        found.append(error_lines(result.stderr))
    assert snapshot(project) == before and not (project / "output").exists()
    assert found[0] == found[1]
    return found[0]


def test_a_metadata_error_does_not_hide_the_referats_body_errors(cli, project):
    _edit(
        project,
        MINUTES,
        ('end: "14:30"', 'end: "12:30"'),
        ("## Baggrunden for mødet", "## 2. Baggrunden for mødet"),
        ("- [ ] @Ishøj Kommune: inviterer", "- [ ] Ishøj Kommune: inviterer"),
        ("— 1. august 2019", "— 31. juni 2019"),
        ("præsenterede sig for hinanden.", "præsenterede sig for hinanden.[^1]"),
    )
    assert _errors(cli, project, str(MINUTES)) == [
        f"Fejl: {MINUTES}:7: end: '12:30' er før starten '13:00'; mødet skal slutte efter det "
        "begynder",
        f"Fejl: {MINUTES}:34: fodnote [^1] har ingen tekst (skriv noten på en linje for sig "
        "under teksten: [^1]: …)",
        f"Fejl: {MINUTES}:36: dagsordenspunktet '2. Baggrunden for mødet' er nummereret i hånden "
        "(fjern '2.': hoering nummererer selv dagsordenspunkterne)",
        f'Fejl: {MINUTES}:71: opgaven har ingen ansvarlig (skriv den som "- [ ] @Hvem: hvad — '
        'frist", fx "- [ ] @Ishøj Kommune: sender oversigten — 1/9-2019")',
        f"Fejl: {MINUTES}:72: fristen '31. juni 2019' er ikke en dato i kalenderen (tjek dagen "
        "og måneden)",
    ]


def test_a_stance_typo_does_not_hide_the_unknown_topic_on_its_heading(cli, project):
    _edit(
        project,
        RESPONSE,
        ("date: 2019-06-19", "date: 2019-06-31"),
        ("{topic=ledsagelse stance=concern}", "{topic=ledsagels stance=concen}"),
        ("sideløbende i region og kommune.", "sideløbende i region og kommune.[^kilde]"),
    )
    assert _errors(cli, project, str(RESPONSE)) == [
        f"Fejl: {RESPONSE}:7: date: '2019-06-31' er ikke en dato (skriv datoer som ÅÅÅÅ-MM-DD, "
        "fx 2019-06-19)",
        f"Fejl: {RESPONSE}:33: fodnote [^kilde] har ingen tekst (skriv noten på en linje for "
        "sig under teksten: [^kilde]: …)",
        f"Fejl: {RESPONSE}:43: stance: 'concen' er ikke en holdning (brug positiv, bekymring "
        "eller forslag (eller positive, concern eller proposal))",
        f"Fejl: {RESPONSE}:43: 'ledsagels' er ikke et emne i hearing.yaml (mente du 'ledsagelse'?)",
    ]


def test_a_note_reference_without_a_note_is_an_error_and_an_escaped_one_is_text(cli, project):
    _edit(
        project,
        RESPONSE,
        (
            "takker for muligheden for at give sine bemærkninger.",
            "takker for muligheden[^1] for at give sine bemærkninger (\\[^2] og `[^3]` er tekst).",
        ),
    )
    assert _errors(cli, project, str(RESPONSE)) == [
        f"Fejl: {RESPONSE}:24: fodnote [^1] har ingen tekst (skriv noten på en linje for sig "
        "under teksten: [^1]: …)"
    ]
    _edit(project, RESPONSE, ("[^1]", ""))
    result = cli("build", str(RESPONSE), "-f", "html")
    assert result.exit_code == 0, result.output
    html = (project / "output" / EXAMPLE_HEARING / "responses" / "ishoj.html").read_text()
    assert "([^2] og <code>[^3]</code> er tekst)" in html


def test_a_response_to_a_hearing_without_hearing_yaml_is_told_so(cli, project):
    folder = project / "consultations" / "ny-hoering" / "responses"
    folder.mkdir(parents=True)
    text = (project / RESPONSE).read_text("utf-8")
    text = text.replace(f"hearing: {EXAMPLE_HEARING}", "hearing: ny-hoering")
    text = text.replace("{topic=ledsagelse stance=concern}", "{topic=emne-et stance=concern}")
    (folder / "ishoj.md").write_text(text, "utf-8")
    source = Path("consultations/ny-hoering/responses/ishoj.md")
    result = cli("check", str(source))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Advarsel: {source}:4: hearing: consultations/ny-hoering/hearing.yaml findes ikke "
        "endnu, så svarets emner kan ikke tjekkes",
        f"Fejl: {source}:43: emnet 'emne-et' er skabelonens eksempel (skriv id'et på et af "
        "høringens emner (i dens hearing.yaml), eller fjern topic=emne-et)",
        "1 kilde tjekket, 1 med fejl",
    ]
    (folder / "ishoj.md").write_text(text.replace("topic=emne-et ", ""), "utf-8")
    result = cli("check", str(source))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith(f"Advarsel: {source}:4: hearing: ")
