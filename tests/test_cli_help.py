"""Help speaks the language of messages: Danish by default, English with --lang en or
HOERING_LANG=en, click's own words ("Usage:", "Missing argument") included."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from hoering.cli import main
from hoering.cli.translated import untranslated_help
from hoering.messages import translations


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    yield prefix, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


ALL = list(commands(main))


def invoke(args: list[str], env: dict[str, str] | None = None):
    return CliRunner().invoke(main, args, env=env, prog_name="hoering", catch_exceptions=False)


def help_of(*args: str, env: dict[str, str] | None = None) -> list[str]:
    result = invoke([*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_help_is_danish_by_default():
    lines = help_of()
    assert lines[0] == "Brug: hoering [TILVALG] KOMMANDO [ARGUMENTER]..."
    assert "  Hver kommando forklarer sig selv: hoering KOMMANDO --help." in lines
    assert "  -h, --help       Vis denne hjælp og afslut." in lines
    assert "  --version        Vis versionen og afslut." in lines
    assert "Tilvalg:" in lines and "Kommandoer:" in lines
    assert "  build      Byg dokumenter af kilderne i PATHS (standard: kildemappen)." in lines


def test_help_of_a_command_is_danish_by_default():
    lines = help_of("build")
    assert lines[0] == "Brug: hoering build [TILVALG] [PATHS]..."
    assert lines[2] == "  Byg dokumenter af kilderne i PATHS (standard: kildemappen)."
    assert "  Eksempler:" in lines
    assert "    hoering build --force -o /tmp/udkast" in lines  # examples kept as written
    assert "  --force                       Byg også kilder, hvis output allerede er" in lines
    options = [line.split()[0:2] for line in help_of("new", "hearing") if line.startswith("  --")]
    assert ["--title", "TEKST"] in options and ["--start", "[ÅÅÅÅ-MM-DD]"] in options


@pytest.mark.parametrize(
    "args, env",
    [(["--lang", "en"], None), ([], {"HOERING_LANG": "en"})],
    ids=["--lang en", "HOERING_LANG=en"],
)
def test_help_in_english_on_request(args, env):
    lines = help_of(*args, env=env)
    assert lines[0] == "Usage: hoering [OPTIONS] COMMAND [ARGS]..."
    assert "  -h, --help           Show this message and exit." in lines
    assert "  build      Build documents from the sources in PATHS (default: the..." in lines
    lines = help_of(*args, "build", env=env)
    assert lines[2] == "  Build documents from the sources in PATHS (default: the sources folder)."
    assert "  Examples:" in lines
    options = [line.split()[0:2] for line in help_of(*args, "new", "hearing", env=env)]
    assert ["--title", "TEXT"] in options and ["--start", "[YYYY-MM-DD]"] in options


def test_a_usage_error_is_danish():
    result = invoke(["import"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Brug: hoering import [TILVALG] FILES...",
        "Prøv 'hoering import --help' for at få hjælp.",
        "",
        "Fejl: Mangler argument 'FILES...'.",
    ]
    result = invoke(["compare", "--layout", "tabel"])
    assert result.stderr.splitlines()[-1] == (
        "Fejl: Ugyldig værdi for '--layout': 'tabel' er ikke en af 'emner', 'parter', 'oversigt'."
    )
    result = invoke(["--lang", "en", "build", "--colour"])
    assert result.stderr.splitlines()[-1] == "Error: No such option '--colour'."


def _opening(text: str) -> str:
    """The first words of a help text: they stay on the first line when click wraps it."""
    return " ".join(text.split()[:3])


@pytest.mark.parametrize("path,command", ALL, ids=["hoering " + " ".join(p) for p, _ in ALL])
def test_every_help_text_is_translated_and_shown_in_danish(path, command):
    danish = translations("da")
    texts = [untranslated_help(command)]
    texts += [untranslated_help(p) for p in command.params if isinstance(p, click.Option)]
    shown = "\n".join(help_of(*path))
    for text in texts:
        assert text, f"hoering {' '.join(path)}: a command or option without help"
        translated = danish.gettext(text)
        assert translated != text, f"not translated: {text!r}"
        assert _opening(translated) in shown
        assert _opening(text) not in shown, f"English help shown in Danish mode: {text!r}"
    english = "\n".join(help_of("--lang", "en", *path))
    assert all(_opening(text) in english for text in texts)


def test_help_of_an_english_project_is_english(tmp_path):
    (tmp_path / "hoering.toml").write_text('lang = "en"\n', "utf-8")
    (tmp_path / "consultations").mkdir()
    code = "from hoering.cli import main; main(['--help'], prog_name='hoering')"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env={}
    )
    assert result.stdout.splitlines()[0] == "Usage: hoering [OPTIONS] COMMAND [ARGS]..."
