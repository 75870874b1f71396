"""hoering works from any folder of a project: the root is found by walking up (as git finds
.git), a hearing's folder means that hearing, and outside a project every command says so
in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLE_HEARING, snapshot
from hoering.cli import main
from hoering.config import find_root, load_config
from import_fixtures import plain_docx

OUTSIDE = (
    "er ikke i et hoering-projekt (ingen hoering.toml eller mappe consultations/ her "
    "eller over) (gå til projektets mappe, eller angiv hoering --project MAPPE)"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def in_hearing(project, monkeypatch) -> Path:
    """The example project with the current folder in the example hearing's folder."""
    hearing = project / "consultations" / EXAMPLE_HEARING
    monkeypatch.chdir(hearing)
    return hearing


def _second_hearing(project: Path) -> Path:
    """A second hearing with one response, so that 'this hearing only' can be seen."""
    other = project / "consultations" / "trafikplan-2027"
    shutil.copytree(
        project / "consultations" / EXAMPLE_HEARING / "responses",
        other / "responses",
        ignore=shutil.ignore_patterns("[!i]*"),
    )
    text = (other / "responses" / "ishoj.md").read_text("utf-8")
    (other / "responses" / "ishoj.md").write_text(
        text.replace(f"hearing: {EXAMPLE_HEARING}", "hearing: trafikplan-2027"), "utf-8"
    )
    return other


def test_root_is_the_nearest_folder_with_hoering_toml_or_consultations(tmp_path):
    (tmp_path / "a" / "consultations" / "h" / "responses").mkdir(parents=True)
    assert find_root(tmp_path / "a" / "consultations" / "h" / "responses") == tmp_path / "a"
    (tmp_path / "a" / "consultations" / "h" / "hoering.toml").write_text("")
    assert find_root(tmp_path / "a" / "consultations" / "h" / "responses") == (
        tmp_path / "a" / "consultations" / "h"
    )
    assert find_root(tmp_path) is None


def test_config_found_from_a_subfolder(project, monkeypatch):
    (project / "hoering.toml").write_text('output = "ud"\n')
    monkeypatch.chdir(project / "consultations" / EXAMPLE_HEARING / "responses")
    config = load_config()
    assert config.root == project.resolve() and config.output == project.resolve() / "ud"


def test_build_in_a_hearing_folder_builds_that_hearing(in_hearing, project):
    _second_hearing(project)
    result = run("build", "-f", "html")
    assert result.exit_code == 0, result.output
    sources = sorted(p.relative_to(in_hearing) for p in in_hearing.glob("*/*.md"))
    assert result.stdout.strip() == f"{len(sources)} bygget, 0 allerede opdateret, 0 fejlede"
    built = sorted(
        p.relative_to(project / "output" / EXAMPLE_HEARING)
        for p in (project / "output").rglob("*.html")
    )
    assert built == [s.with_suffix(".html") for s in sources]
    assert (
        not (in_hearing / "output").exists()
        and not (project / "output" / "trafikplan-2027").exists()
    )


def test_build_a_file_given_relative_to_a_subfolder(in_hearing, project, monkeypatch):
    monkeypatch.chdir(in_hearing / "responses")
    result = run("build", "ishoj.md", "-f", "html")
    assert result.exit_code == 0, result.output
    assert (project / "output" / EXAMPLE_HEARING / "responses" / "ishoj.html").is_file()


def test_check_in_a_hearing_folder(in_hearing, project):
    _second_hearing(project)
    result = run("check")
    count = len(list(in_hearing.glob("*/*.md")))
    assert (result.exit_code, result.stdout.strip()) == (0, f"{count} kilder tjekket")


def test_compare_without_argument_in_a_hearing_folder(in_hearing, project):
    result = run("compare", "-f", "html", "--no-bundle")
    assert result.exit_code == 0, result.output
    assert (project / "output" / EXAMPLE_HEARING / "hoeringsnotat.html").is_file()


def test_compare_without_argument_in_a_hearings_subfolder(in_hearing, project, monkeypatch):
    monkeypatch.chdir(in_hearing / "responses")
    result = run("compare", "-f", "html", "--no-bundle")
    assert result.exit_code == 0, result.output
    assert (project / "output" / EXAMPLE_HEARING / "hoeringsnotat.html").is_file()


def test_compare_without_argument_at_the_root_asks_for_the_hearing(project):
    result = run("compare")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Fejl: ingen høring angivet, og den mappe, du står i, er ikke i en hørings mappe "
        "(angiv høringens mappe eller id, fx 'hoering compare consultations/trafikplan-2027', "
        "eller kør kommandoen i høringens mappe)"
    )
    assert not (project / "output").exists()


def test_review_and_actions_in_a_hearing_folder(in_hearing):
    review = run("review")
    assert review.exit_code == 0, review.output
    assert review.stdout.splitlines()[0].startswith("responses/glostrup-kommune.md:")
    actions = run("actions", "--today", "2019-08-15")
    assert actions.exit_code == 0, actions.output
    assert "minutes/2019-06-19-dialogmoede-snitflader.md:" in actions.stdout


def test_new_commands_in_a_hearing_folder_write_into_the_project(in_hearing, project):
    response = run("new", "response", "--organisation", "ishoj", "--hearing", "trafikplan")
    minutes = run(
        "new",
        "minutes",
        "--organisation",
        "ishoj",
        "--title",
        "Møde",
        "--date",
        "2019-06-20",
        "--hearing",
        EXAMPLE_HEARING,
    )
    hearing = run(
        "new",
        "hearing",
        "--id",
        "trafikplan",
        "--title",
        "Trafikplan",
        "--authority",
        "region-hovedstaden",
        "--start",
        "2026-12-01",
    )
    for result in (response, minutes, hearing):
        assert result.exit_code == 0, result.output
    sources = project / "consultations"
    assert (sources / "trafikplan" / "responses" / "ishoj.md").is_file()
    assert (sources / EXAMPLE_HEARING / "minutes" / "2019-06-20-mode.md").is_file()
    assert (sources / "trafikplan" / "hearing.yaml").is_file()
    assert response.stdout.strip() == "Oprettede ../trafikplan/responses/ishoj.md"
    assert not (in_hearing / "consultations").exists()


def test_import_in_a_hearing_folder(in_hearing, project):
    letter = project / "brev.docx"
    letter.write_bytes(plain_docx())
    result = run("import", str(letter), "--hearing", ".")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Indlæste responses/")


def test_project_option_overrides_the_current_folder(project, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    monkeypatch.chdir(elsewhere)
    result = run("--project", str(project), "check")
    count = len(list(project.glob("consultations/*/*/*.md")))
    assert (result.exit_code, result.stdout.strip()) == (0, f"{count} kilder tjekket")
    missing = run("--project", str(elsewhere / "nix"), "check")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == (
        "Fejl: nix: projektmappen findes ikke (angiv med --project den mappe, der har "
        "hoering.toml eller consultations/)"
    )


def test_paths_given_from_outside_find_their_project(project, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    result = run("check", str(project / "consultations" / EXAMPLE_HEARING))
    assert result.exit_code == 0, result.output


OUTSIDE_COMMANDS = [
    ("build",),
    ("check",),
    ("actions",),
    ("compare",),
    ("review",),
    ("compare", "nix"),
    ("review", "nix"),
    ("new", "response", "--hearing", "x", "--organisation", "ishoj"),
    ("new", "minutes", "--title", "Møde"),
    ("new", "hearing", "--id", "x", "--title", "X"),
    ("import", "brev.pdf", "--hearing", "x"),
]


@pytest.mark.parametrize("args", OUTSIDE_COMMANDS, ids=" ".join)
def test_outside_a_project_every_command_says_so_in_one_line(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert find_root(tmp_path) is None, "a folder above the test's has hoering.toml"
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr == f"Fejl: {tmp_path} {OUTSIDE}\n"
    assert result.stdout == "" and snapshot(tmp_path) == {}


def test_import_in_a_hearing_folder_needs_no_hearing_option(in_hearing, project):
    letter = project / "brev.docx"
    letter.write_bytes(plain_docx())
    result = run("import", str(letter))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Indlæste responses/")


def test_import_at_the_root_without_hearing_asks_for_it(project):
    letter = project / "brev.docx"
    letter.write_bytes(plain_docx())
    before = snapshot(project / "consultations")
    result = run("import", str(letter))
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(
        "Fejl: ingen høring angivet, og den mappe, du står i, er ikke i en hørings mappe"
    )
    assert snapshot(project / "consultations") == before
