"""The Python API: every public name resolves to what it says, never to a submodule; the
commands as functions (hoering.commands), each returning one Report, and the CLI calling
only them."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import types
from pathlib import Path

import hoering
from hoering.commands import build, check, new
from hoering.commands.project import load_project
from htmltree import parse as parse_html


def test_every_api_name_survives_importing_every_submodule():
    for module in pkgutil.walk_packages(hoering.__path__, "hoering."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in hoering.__all__:
        value = getattr(hoering, name)
        assert not isinstance(value, types.ModuleType), f"hoering.{name} is a module"


def test_unknown_name_is_an_attribute_error():
    try:
        hoering.frobnicate  # noqa: B018
    except AttributeError as exc:
        assert "frobnicate" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


# ---- hoering.commands: the commands as functions, each returning one Report ------------

SOURCE = Path("consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md")


COMMANDS = (
    "actions",
    "build",
    "check",
    "compare",
    "import_",
    "new",
    "preview",
    "remarks",
    "review",
    "workspace",
)


def test_cli_imports_nothing_of_hoering_but_the_commands_messages_and_errors():
    """The command line parses and prints: of hoering it uses the commands (one module for
    each, of the same name as its module in the CLI), the errors it prints, the words and
    the languages they are in, and its own modules (one per command; the group, the shared
    options, the printing of reports, and the one that makes click speak the words)."""
    cli = Path(hoering.__file__).parent / "cli"
    imported = set()
    for path in cli.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                package = ["hoering", "cli"][: 3 - node.level]
                names = [node.module] if node.module else [a.name for a in node.names]
                imported |= {".".join([*package, name]) for name in names}
    own = {name for name in imported if name.startswith("hoering.cli.")}
    commands = {name for name in imported if name.startswith("hoering.commands.")}
    allowed = {"hoering.errors", "hoering.messages", "hoering.__version__"}
    allowed |= {"hoering.languages"}  # --lang's choices
    assert imported - own - commands == allowed, imported
    assert commands == {f"hoering.commands.{name}" for name in (*COMMANDS, "project", "report")}
    shared = {"translated", "group", "options", "report"}
    assert own == {f"hoering.cli.{name}" for name in (*COMMANDS, *shared)}


def test_build_reports_the_files_it_wrote(project):
    options = build.BuildOptions(paths=(SOURCE,), formats=("html",), force=True)
    report = build.run(load_project(near=[SOURCE]), options)
    html = project / "output/samarbejdsaftale-psykisk-sygdom/responses/ishoj.html"
    assert report.written == [html]
    page = parse_html(html.read_text("utf-8"))
    assert "Høringssvar om udkast til samarbejdsaftale" in page.find("h1").text()
    assert report.summary == "1 bygget, 0 allerede opdateret, 0 fejlede"
    assert (report.errors, report.exit_code) == ([], 0)


def test_check_reports_every_error_as_one_line_and_fails(project):
    path = project / SOURCE
    path.write_text(path.read_text("utf-8").replace("date: 2019-06-19", "date: 2019-19-06"))
    report = check.run(load_project(near=[SOURCE]), check.CheckOptions(paths=(SOURCE,)))
    assert report.errors == [
        f"{SOURCE}:7: date: '2019-19-06' er ikke en dato (skriv datoer som ÅÅÅÅ-MM-DD, "
        "fx 2019-06-19)"
    ]
    assert report.summary == "1 kilde tjekket, 1 med fejl"
    assert report.exit_code == 1
    assert report.written == []


def test_new_organisation_reports_the_profile_it_created(project):
    options = new.NewOrganisation(organisation="gladsaxe", name="Gladsaxe Kommune")
    report = new.run(load_project(), options)
    profile = project / "templates/organisations/gladsaxe.yaml"
    assert report.written == [profile]
    assert report.lines == ["Oprettede templates/organisations/gladsaxe.yaml"]
    assert "Gladsaxe Kommune" in profile.read_text("utf-8")
