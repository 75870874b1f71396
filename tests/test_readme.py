"""The README's examples work as written.

Every ``hoering`` command in the README's examples is run, in the order it appears, in one
copy of the example project: the commands in ``sh`` blocks, the ``$ hoering …`` session
(whose printed output must match), and the commands quoted in the text that have options or
arguments (``hoering new hearing --id …``). Synopses with placeholders (``hoering build
[PATHS]``, ``--hearing ID``) and bare command names (``hoering review``) are not examples.
``hoering preview`` and ``hoering workspace`` serve until they are stopped: each runs in a
process of its own (with ``--port 0 --no-browser``) until its page has been fetched.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from conftest import REPO, copy_project
from hoering.cli import main
from import_fixtures import plain_docx, response_pdf
from test_preview import get, preview_command
from test_workspace_http import opened

PLACEHOLDER = re.compile(r"\[|\.\.\.|…|\b(?:ID|DIR|PATHS|COMMAND|FILES|HEARING|NAME|[TDX])\b")


@dataclass
class Example:
    command: str
    output: str | None = None  # what the README shows it printing, for a '$ …' session

    @property
    def args(self) -> list[str]:
        words = shlex.split(self.command, comments=True)
        assert words[0] == "hoering", self.command
        return [
            word.replace("~", "home", 1) if word.startswith("~/") else word for word in words[1:]
        ]


def _sh_block_commands(text: str) -> list[tuple[int, Example]]:
    found = []
    for block in re.finditer(r"```sh\n(.*?)```", text, re.S):
        joined = block.group(1).replace("\\\n", " ")
        for line in joined.splitlines():
            for part in line.split("&&"):
                if part.strip().startswith("hoering "):
                    found.append((block.start(), Example(part.strip())))
    return found


def _sessions(text: str) -> list[tuple[int, Example]]:
    found = []
    for block in re.finditer(r"```\n(\$ hoering .*?)```", text, re.S):
        first, _, output = block.group(1).partition("\n")
        found.append((block.start(), Example(first.removeprefix("$ "), output)))
    return found


def _quoted_commands(text: str) -> list[tuple[int, Example]]:
    found = []
    for span in re.finditer(r"`(hoering [^`]+)`", text):
        command = " ".join(span.group(1).split())
        if len(command.split()) > 2 and not PLACEHOLDER.search(command):
            found.append((span.start(), Example(command)))
    return found


def examples_in(text: str) -> list[tuple[int, Example]]:
    """The examples of a Markdown page with their places in it (file contents shown in
    markdown/yaml/toml/python blocks are not commands)."""
    text = re.sub(
        r"```(?:markdown|yaml|toml|python)[^\n]*\n.*?```",
        lambda block: " " * len(block.group(0)),  # the places of what follows stay
        text,
        flags=re.S,
    )
    return _sh_block_commands(text) + _sessions(text) + _quoted_commands(text)


def readme_examples() -> list[Example]:
    found = examples_in((REPO / "README.md").read_text("utf-8"))
    return [example for _, example in sorted(found, key=lambda item: item[0])]


def test_the_readme_has_examples_of_every_kind():
    commands = [e.command for e in readme_examples()]
    assert "hoering build" in commands
    assert any(c.startswith("hoering new hearing --id trafikplan-2027") for c in commands)
    assert any(c.startswith("hoering import ~/Downloads/") for c in commands)
    assert any(e.output for e in readme_examples())


def _downloads(project):
    """The files the import example names, made like letters we receive."""
    downloads = project / "home" / "Downloads"
    downloads.mkdir(parents=True)
    (downloads / "hoeringssvar-albertslund.pdf").write_bytes(response_pdf(seed=3)[0])
    (downloads / "brondby.docx").write_bytes(plain_docx(date_line="Brøndby, den 18. juni 2019"))
    _form_export(downloads / "export.xlsx", project / "consultations" / "trafikplan-bymidten")


def _form_export(path, hearing) -> None:
    """The web form's export the README imports: the example's answers as a spreadsheet."""
    import csv

    import xlsxwriter

    with (hearing / "responses" / "svar-fra-formular.csv").open(encoding="utf-8-sig") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r, row in enumerate(rows[:20]):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value)
    book.close()


def _run_session(runner, project, example: Example) -> None:
    """The README shows what a wrong date and a misspelt key give: make the mistakes, see
    the output shown, and put the file back as a reader would correct it."""
    source = project / example.args[-1]
    text = source.read_text("utf-8")
    wrong = text.replace("\ndate: 2019-06-19\n", "\ndate: 2019-13-01\n", 1)
    source.write_text(wrong.replace("\ncase_number:", "\ncase_nummer:", 1), "utf-8")
    result = runner.invoke(main, example.args, catch_exceptions=False)
    assert result.output == example.output, example.command
    source.write_text(text, "utf-8")


@pytest.fixture
def example_project(tmp_path, monkeypatch):
    """A copy of the example project the README's quick start works in (the repository's
    consultations/ and templates/, not the tests' fixture: the README is about this one)."""
    copy_project(tmp_path, REPO)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_readme_example_works_as_written(example_project):
    project = example_project
    _downloads(project)
    runner = CliRunner()
    readme = (REPO / "README.md").read_text("utf-8")
    for example in readme_examples():
        if example.output is not None:
            _run_session(runner, project, example)
            continue
        if example.args[0] == "preview":  # serves until stopped: run it in a process
            with preview_command(*example.args[1:]) as (_, url):
                assert get(url)[0] == 200, example.command
            continue
        if example.args[0] == "workspace":  # the same, and its address lets a browser in
            with preview_command(*example.args[1:], command="workspace") as (_, url):
                assert opened(url) == 200, example.command
            continue
        result = runner.invoke(main, example.args, catch_exceptions=False)
        assert result.exit_code == 0, f"{example.command}\n{result.output}"
        created = re.match(r"Oprettede (\S+)", result.stdout)
        if created:  # the README says where the new file goes
            assert f"`{created.group(1)}`" in readme, example.command


@pytest.mark.parametrize(
    "command", ["hoering build [PATHS] [-f pdf]", "hoering review", "hoering --project DIR COMMAND"]
)
def test_synopses_are_not_taken_for_examples(command):
    assert not _quoted_commands(f"`{command}`")
