"""Warnings travel as logging records of the ``hoering`` loggers, are shown by the CLI as
'Advarsel: file:line: …' on stderr, and --strict turns them into a failure. Warnings made in
worker processes all reach the caller."""

from __future__ import annotations

import logging
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from conftest import EXAMPLE_HEARING
from hoering.commands.build import build
from hoering.config import load_config

HEARING = Path("consultations") / EXAMPLE_HEARING
SOURCE = HEARING / "responses" / "ishoj.md"


def bell_at_the_end(project: Path, source: Path) -> int:
    """Append a paragraph with a control character (BEL) to ``source``; the line it is on."""
    file = project / source
    text = file.read_text("utf-8").rstrip("\n") + "\n\n"
    file.write_text(text + "Et afsnit med en klokke \x07 i.\n", "utf-8")
    return text.count("\n") + 1


def warning_for(source: Path, line: int, lang: str = "da") -> str:
    if lang == "en":
        return f"{source}:{line}: control character U+0007 replaced by \ufffd"
    return f"{source}:{line}: kontroltegnet U+0007 er erstattet af \ufffd"


def test_a_build_with_a_warning_prints_it_and_succeeds(cli, project):
    line = bell_at_the_end(project, SOURCE)
    result = cli("build", str(SOURCE), "-f", "html")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"Advarsel: {warning_for(SOURCE, line)}"]
    assert result.stdout.splitlines() == ["1 bygget, 0 allerede opdateret, 0 fejlede"]


def test_strict_makes_a_warning_a_failure(cli, project):
    line = bell_at_the_end(project, SOURCE)
    result = cli("--strict", "build", str(SOURCE), "-f", "html")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Advarsel: {warning_for(SOURCE, line)}",
        "Fejl: --strict gør advarslen ovenfor til en fejl",
    ]


def test_strict_check_fails_on_warnings_in_english(cli, project):
    line = bell_at_the_end(project, SOURCE)
    result = cli("--lang", "en", "--strict", "check", str(SOURCE))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Warning: {warning_for(SOURCE, line, 'en')}",
        "Error: --strict makes the warning above an error",
    ]


def test_strict_without_warnings_succeeds(cli, project):
    result = cli("--strict", "check", str(SOURCE))
    assert result.exit_code == 0
    assert result.stderr == ""


def test_every_warning_of_a_pooled_build_arrives(cli, project):
    sources = sorted((HEARING / "responses").glob("*.md"))
    assert len(sources) >= 4  # enough to be built in a process pool
    expected = [warning_for(source, bell_at_the_end(project, source)) for source in sources]
    result = cli("--strict", "build", str(HEARING / "responses"), "-f", "html")
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Advarsel: ")]
    assert sorted(warnings) == sorted(f"Advarsel: {w}" for w in expected)
    assert result.stderr.splitlines()[-1] == (
        f"Fejl: --strict gør de {len(sources)} advarsler ovenfor til fejl"
    )


def test_the_library_logs_warnings_from_its_workers_once_each(project, caplog):
    sources = sorted((HEARING / "responses").glob("*.md"))[:2]
    expected = [warning_for(source, bell_at_the_end(project, source)) for source in sources]
    with ProcessPoolExecutor(max_workers=2) as pool, caplog.at_level(logging.WARNING):
        report = build(sources, config=load_config(project), formats=["html"], executor=pool)
    records = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert records == [("hoering.build", logging.WARNING, w) for w in expected]
    assert [o.warnings for o in report.outcomes] == [[w] for w in expected]


def _retitle(project: Path, title_line: str) -> None:
    file = project / SOURCE
    text = file.read_text("utf-8")
    old = "title: Høringssvar om udkast til samarbejdsaftale om voksne med psykisk sygdom"
    assert old in text
    file.write_text(text.replace(old, title_line, 1), "utf-8")


def test_text_yaml_reads_as_a_comment_is_named(cli, project):
    """'title: Svar #2' is the title 'Svar' to YAML: the '#2' would be lost without a word."""
    import docx

    _retitle(project, "title: Høringssvar nr. #2")
    result = cli("build", "-f", "docx", str(SOURCE))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Advarsel: {SOURCE}:3: '#2' læses som en YAML-kommentar og kommer ikke med i "
        "værdien; sæt værdien i anførselstegn, hvis det hører med"
    ]
    built = project / "output" / EXAMPLE_HEARING / "responses" / "ishoj.docx"
    assert docx.Document(built).core_properties.title == "Høringssvar nr."


def test_a_comment_written_as_one_or_quoted_text_is_not_named(cli, project):
    import docx

    _retitle(project, 'title: "Høringssvar nr. #2"  # rettet efter mødet')
    result = cli("--strict", "build", "-f", "docx", str(SOURCE))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    built = project / "output" / EXAMPLE_HEARING / "responses" / "ishoj.docx"
    assert docx.Document(built).core_properties.title == "Høringssvar nr. #2"
