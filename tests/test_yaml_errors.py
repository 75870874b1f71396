"""YAML mistakes in a metadata block are said in plain Danish, at the line the user must fix
(not where the parser gave up), and never in the parser's English words (issue 24, point 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE_HEARING, snapshot

SOURCE = Path("consultations") / EXAMPLE_HEARING / "responses" / "svar.md"

# The metadata of a small response; each case replaces one or more of its lines.
LINES = [
    "type: response",  # file line 2
    "title: Svar om trafik",  # 3
    f"hearing: {EXAMPLE_HEARING}",  # 4
    "organisation: ishoj",  # 5
    "date: 2019-06-19",  # 6
    "recipient:",  # 7
    '  - "Region Hovedstaden"',  # 8
    "contact:",  # 9
    "  name: Anne Holm",  # 10
    "  title: Konsulent",  # 11
]


def write(project: Path, replace: dict[int, str]) -> None:
    lines = [replace.get(number, line) for number, line in enumerate(LINES, start=2)]
    text = "---\n" + "\n".join(lines) + "\n---\n\nTekst.\n"
    (project / SOURCE).write_text(text, "utf-8")


MISTAKES = [  # (id, file line → new text, the message in Danish)
    (
        "no space after the colon",
        {3: 'title:"Svar om trafik"'},
        ":3: metadata er ikke gyldig YAML: der mangler et mellemrum efter 'title:' (skriv et "
        "mellemrum mellem ':' og værdien: title: \"Svar om trafik\")",
    ),
    (
        "no colon",
        {3: "title Svar om trafik"},
        ":3: metadata er ikke gyldig YAML: linjen har intet ':' efter nøglen (skriv 'nøgle: "
        "værdi', fx title: Svar om trafikken; hvis linjen fortsætter linjen over, så ryk den ind)",
    ),
    (
        "quote closed by the next quote five lines below",
        {3: 'title: "Svar om trafik'},
        ':3: metadata er ikke gyldig YAML: anførselstegnet " i starten af teksten bliver aldrig '
        "lukket (afslut teksten med samme anførselstegn på den linje, eller udelad "
        "anførselstegnene)",
    ),
    (
        "single quote never closed",
        {4: f"hearing: '{EXAMPLE_HEARING}"},
        ":4: metadata er ikke gyldig YAML: anførselstegnet ' i starten af teksten bliver aldrig "
        "lukket (afslut teksten med samme anførselstegn på den linje, eller udelad "
        "anførselstegnene)",
    ),
    (
        "a quote inside quoted text",
        {3: 'title: "Svar om "trafik" i byen"'},
        ':3: metadata er ikke gyldig YAML: teksten fortsætter efter anførselstegnet ", der '
        "afslutter den (skriv et anførselstegn inde i teksten som \\\", eller sæt teksten i ' ')",
    ),
    (
        "an apostrophe inside single quotes",
        {3: "title: 'Ishøj's svar'"},
        ":3: metadata er ikke gyldig YAML: teksten fortsætter efter anførselstegnet ', der "
        "afslutter den (skriv en apostrof inde i teksten som '', eller sæt teksten i \" \")",
    ),
    (
        "tab in the indentation",
        {10: "\tname: Anne Holm"},
        ":10: metadata er ikke gyldig YAML: linjen er rykket ind med en tabulator (YAML rykker "
        "kun ind med mellemrum: erstat tabulatoren med mellemrum, som på linjerne over)",
    ),
    (
        "tab after the colon",
        {3: "title:\tSvar om trafik"},
        ":3: metadata er ikke gyldig YAML: linjen har en tabulator, hvor YAML skal have et "
        "mellemrum (erstat tabulatoren efter ':' med et mellemrum)",
    ),
    (
        "indented too far",
        {11: "   title: Konsulent"},
        ":11: metadata er ikke gyldig YAML: indrykningen passer ikke med linjerne over (ryk "
        "nøgler der hører sammen, lige langt ind med mellemrum)",
    ),
    (
        "indented too little",
        {11: " title: Konsulent"},
        ":11: metadata er ikke gyldig YAML: indrykningen passer ikke med linjerne over (ryk "
        "nøgler der hører sammen, lige langt ind med mellemrum)",
    ),
    (
        "duplicate key",
        {6: "title: Andet svar"},
        ":6: metadata er ikke gyldig YAML: 'title' er skrevet to gange (første gang på linje 3) "
        "(behold den ene: en nøgle må kun stå én gang på samme niveau)",
    ),
    (
        "text that begins with @",
        {3: "title: @kommunen svarer"},
        ":3: metadata er ikke gyldig YAML: tekst kan ikke begynde med @ i YAML (sæt teksten i "
        'anførselstegn: title: "@kommunen svarer")',
    ),
    (
        "text that begins with a bracket",
        {3: "title: [Udkast] svar"},
        ":3: metadata er ikke gyldig YAML: tekst kan ikke begynde med [ i YAML (sæt teksten i "
        'anførselstegn: title: "[Udkast] svar")',
    ),
    (
        "text that begins with a star",
        {3: "title: *Vigtigt* svar"},
        ":3: metadata er ikke gyldig YAML: tekst kan ikke begynde med * i YAML (sæt teksten i "
        'anførselstegn: title: "*Vigtigt* svar")',
    ),
    (
        "a mapping in a list",
        {9: "  name: Anne Holm", 10: "  title: Konsulent", 11: "lang: da"},
        ":9: metadata er ikke gyldig YAML: indrykningen passer ikke med linjerne over (ryk "
        "nøgler der hører sammen, lige langt ind med mellemrum)",
    ),
]


@pytest.mark.parametrize("replace, danish", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_yaml_mistakes_in_danish_at_the_users_line(cli, project, replace, danish):
    write(project, replace)
    before = snapshot(project)
    result = cli("check", str(SOURCE))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"Fejl: {SOURCE}{danish}"
    assert snapshot(project) == before


def test_no_yaml_mistake_is_said_in_the_parsers_words(cli, project):
    """Every mistake above, and one no recogniser knows, reads without the parser's terms."""
    parser_words = ("expected", "found", "scalar", "block", "mapping", "simple key", "token")
    cases = [m[1] for m in MISTAKES] + [{3: "title: ]"}]
    for replace in cases:
        write(project, replace)
        message = cli("check", str(SOURCE)).stderr
        assert not [w for w in parser_words if w in message], message


def test_an_unknown_mistake_is_still_said_in_danish_at_its_line(cli, project):
    write(project, {3: "title: ]"})
    result = cli("check", str(SOURCE))
    assert result.stderr.splitlines()[0] == (
        f"Fejl: {SOURCE}:3: metadata er ikke gyldig YAML: linjen kan ikke læses som 'nøgle: "
        "værdi' (tjek, at den er rykket lige så langt ind som de linjer, den hører sammen med, "
        "og sæt tekst med ':', '#', anførselstegn eller klammer i anførselstegn)"
    )


def test_yaml_mistakes_in_english(cli, project):
    write(project, {3: 'title:"Svar om trafik"'})
    result = cli("--lang", "en", "check", str(SOURCE))
    assert result.stderr.splitlines()[0] == (
        f"Error: {SOURCE}:3: metadata is not valid YAML: there is no space after 'title:' "
        "(write a space between the ':' and the value: title: \"Svar om trafik\")"
    )


def test_a_quoted_text_over_two_lines_is_no_mistake(cli, project):
    """YAML lets quoted text go on over lines: a quote closed on a later line is only blamed
    when the parser fails there."""
    write(project, {3: 'title: "Svar om trafik', 4: f'  i byen"\nhearing: {EXAMPLE_HEARING}'})
    result = cli("check", str(SOURCE))
    assert result.exit_code == 0, result.output


def test_the_hearing_file_gets_the_same_words(cli, project):
    path = project / "consultations" / EXAMPLE_HEARING / "hearing.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("\ntitle: ", '\ntitle: "', 1), "utf-8")
    result = cli("compare", f"consultations/{EXAMPLE_HEARING}")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Fejl: consultations/{EXAMPLE_HEARING}/hearing.yaml:3: metadata er ikke gyldig YAML: "
        'anførselstegnet " i starten af teksten bliver aldrig lukket (afslut teksten med samme '
        "anførselstegn på den linje, eller udelad anførselstegnene)"
    )
