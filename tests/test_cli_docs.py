"""Every command explains itself: help with an example, and a mention in the README."""

from __future__ import annotations

import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import REPO
from hoering.cli import main


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


ALL = list(commands(main))


@pytest.mark.parametrize("path,command", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_command_has_help_with_an_example(path, command):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert command.help and len(command.help) > 40
    assert "Eksempel:" in result.output or "Eksempler:" in result.output, (
        f"'hoering {' '.join(path)} --help' shows no example"
    )
    english = CliRunner().invoke(main, ["--lang", "en", *path, "--help"])
    assert "Example" in english.output, f"'hoering {' '.join(path)} --help' shows no example"


@pytest.mark.parametrize("path,command", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_examples_name_example_hearings_that_exist(path, command):
    """An example a user copies from the help must work on the examples we ship."""
    for lang in ("da", "en"):
        output = CliRunner().invoke(main, ["--lang", lang, *path, "--help"]).output
        for folder in re.findall(r"consultations/([a-z][a-z0-9-]+)", output):
            assert (REPO / "consultations" / folder).is_dir(), (
                f"'hoering {' '.join(path)} --help' names consultations/{folder}"
            )


def test_readme_names_example_hearings_that_exist():
    readme = (REPO / "README.md").read_text("utf-8")
    named = set(re.findall(r"consultations/([\w-]+)/?", readme))
    # made by the README's 'hoering new' examples
    made_by_an_example = {"trafikplan-2027", "minutes"}
    missing = {f for f in named - made_by_an_example if not (REPO / "consultations" / f).is_dir()}
    assert missing == set()


@pytest.mark.parametrize("path,command", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_command_is_in_the_readme(path, command):
    assert f"hoering {' '.join(path)}" in (REPO / "README.md").read_text("utf-8")


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.output.startswith("hoering, version ")


def test_help_does_not_import_the_heavy_libraries():
    code = (
        "import sys; from hoering.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = {'docx', 'typst', 'pydantic', 'babel', 'pypdf', 'markdown_it', 'ruamel'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
