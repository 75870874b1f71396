"""``hoering --help`` (and every command's) starts as fast as importing click allows: it loads
the command line and the words, and nothing a command only needs when it runs. What is
checked is the set of modules imported, in a fresh interpreter, not a time
(``benchmarks/bench_startup.py`` measures the time)."""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest

from hoering.cli import main

# What the command line may load of hoering before a command runs.
LIGHT = {
    "hoering",
    "hoering.errors",
    "hoering.messages",
    "hoering.languages",  # the registry the messages read: dataclasses and paths only
    "hoering.roots",
    "hoering.commands",
    "hoering.commands.project",
}
# Libraries (and standard modules) only the commands need: each costs the start-up time.
HEAVY = {
    "docx", "lxml", "typst", "pandas", "dask", "distributed", "pyarrow", "numpy", "scipy",
    "jinja2", "markupsafe", "pydantic", "babel", "pypdf", "pikepdf", "pdfminer", "markdown_it",
    "mdit_py_plugins", "ruamel", "yaml", "openpyxl", "xlsxwriter", "PIL", "icalendar",
    "datasketch", "reportlab", "tomllib", "logging", "dataclasses", "shutil", "copy", "locale",
    "pathlib",  # a tenth of importing click: --help and the project's language use os.path
}  # fmt: skip


def leaf_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


RUNS = [(), ("--version",), *leaf_commands(main)]


def imported_by(args: list[str]) -> set[str]:
    """The modules a fresh interpreter has loaded after ``hoering ARGS``."""
    code = (
        "import json, sys\n"
        "from hoering.cli import main\n"
        f"try:\n    main({args!r}, prog_name='hoering')\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("path", RUNS, ids=["hoering " + " ".join(p) for p in RUNS])
def test_help_loads_the_command_line_and_nothing_a_command_needs_to_run(path):
    args = [*path] if path == ("--version",) else [*path, "--help"]
    modules = imported_by(args)
    ours = {m for m in modules if m == "hoering" or m.startswith("hoering.")}
    assert ours - LIGHT == {m for m in ours if m.startswith("hoering.cli")}
    assert {m.split(".")[0] for m in modules} & HEAVY == set()


def test_a_command_that_runs_loads_what_it_needs(tmp_path):
    """The control: the check above would see a heavy module if one were loaded."""
    modules = imported_by(["--project", str(tmp_path), "check"])
    assert {"hoering.commands.check", "logging", "dataclasses"} <= modules
