"""A user's Typst template (templates/document.typ) is laid out in a process of its own:
one that loops is stopped after ``template_seconds``, one that grows without end at
``template_memory_mb``, each with a message naming the template; Ctrl+C stops a build at
once, says "Afbrudt!", and leaves no process and no file behind (issue 21). Before, Typst
ran in the build's own process, where neither Python's alarm nor Ctrl+C reaches it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import snapshot
from support import fails_cleanly
from test_limits import HEARING, SOURCE, capped, hoering_toml

NESTED_LOOP = "#for i in range(100000) { for j in range(100000) { } }\n"
GROWING = "#let grown = range(100000000).map(x => x)\n"


def user_template(project: Path, first_line: str) -> None:
    """The built-in PDF template as the project's own, with ``first_line`` added on top."""
    from hoering.render.templates import BUILTIN_TEMPLATES

    template = project / "templates" / "document.typ"
    shutil.copy(BUILTIN_TEMPLATES / "document.typ", template)
    template.write_text(first_line + template.read_text("utf-8"), "utf-8")


def test_a_typst_template_that_loops_is_stopped_with_its_name(project):
    user_template(project, NESTED_LOOP)
    hoering_toml(project, "[limits]\ntemplate_seconds = 2\n")
    before = snapshot(project)
    started = time.monotonic()
    result = capped("build", "-f", "pdf", str(SOURCE))
    fails_cleanly(
        result,
        [
            "templates/document.typ: skabelonen kørte i mere end 2 sekunder (se efter løkker, "
            "der aldrig slutter; grænsen er template_seconds = 2 under [limits] i hoering.toml)"
        ],
        project,
        before,
    )
    assert time.monotonic() - started < 60


def test_a_typst_template_that_grows_without_end_is_stopped_with_its_name(project):
    user_template(project, GROWING)
    hoering_toml(project, "[limits]\ntemplate_memory_mb = 400\n")
    before = snapshot(project)
    result = capped("build", "-f", "pdf", str(SOURCE))
    fails_cleanly(
        result,
        [
            "templates/document.typ: Typst stoppede under opsætningen af skabelonen: den skulle "
            "bruge mere end 400 MB hukommelse, eller den fejlede (se efter løkker, der bygger "
            "store lister eller tekster; grænsen er template_memory_mb = 400 under [limits] i "
            "hoering.toml)"
        ],
        project,
        before,
    )
    assert "memory allocation" not in result.stderr  # Rust's own words stay with the helper


def test_a_user_template_that_works_still_makes_the_pdf(project):
    import pypdf

    user_template(project, "// our letterhead\n")
    result = capped("build", "-f", "pdf", str(SOURCE))
    assert result.returncode == 0, result.stderr
    pdf = pypdf.PdfReader(
        project / "output" / HEARING.relative_to("consultations") / "responses" / "ishoj.pdf"
    )
    assert "Høringssvar" in pdf.pages[0].extract_text()


def _running(group: int) -> list[int]:
    """The processes of ``group`` that have not ended (zombies wait only to be reaped)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            state, _parent, its_group = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, ValueError):
            continue
        if int(its_group) == group and state != "Z":
            found.append(int(entry.name))
    return found


def _interrupted(project: Path, *args: str) -> tuple[subprocess.CompletedProcess, int]:
    """``hoering build`` with ``args`` given Ctrl+C as a terminal gives it (SIGINT to the
    whole process group) once Typst is at work (4 processes or more), and the group."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from hoering.cli import main; main()", "build", *args],
        cwd=project,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while len(_running(process.pid)) < 4 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    os.killpg(process.pid, signal.SIGINT)
    try:
        out, err = process.communicate(timeout=30)
    finally:
        for pid in _running(process.pid):
            os.kill(pid, signal.SIGKILL)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), process.pid


def _stopped_cleanly(
    project: Path, interrupted: tuple[subprocess.CompletedProcess, int], before: dict
) -> None:
    """Exit 1, "Afbrudt!" and nothing else, no process left running, no file changed."""
    result, group = interrupted
    assert result.returncode == 1
    assert result.stderr == "\nAfbrudt!\n"
    assert result.stdout == ""
    deadline = time.monotonic() + 5
    while _running(group) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running(group) == []
    assert snapshot(project) == before


def test_ctrl_c_stops_a_build_in_a_looping_template_at_once(project):
    user_template(project, NESTED_LOOP)
    hoering_toml(project, "[limits]\ntemplate_seconds = 600\n")
    before = snapshot(project)
    started = time.monotonic()
    interrupted = _interrupted(project, "-f", "pdf", str(SOURCE))
    assert time.monotonic() - started < 90  # not the 600 seconds the template may run
    _stopped_cleanly(project, interrupted, before)


def test_ctrl_c_stops_a_build_of_many_sources_in_worker_processes(project):
    """Several sources are built in a pool of workers: each notes Ctrl+C and starts nothing
    more, instead of printing its own traceback (which also broke the pool)."""
    sources = list((project / "consultations").rglob("responses/*.md"))
    assert len(sources) >= 4  # map_in_processes uses a pool from 4 items
    user_template(project, NESTED_LOOP)
    hoering_toml(project, "[limits]\ntemplate_seconds = 600\n")
    before = snapshot(project)
    _stopped_cleanly(project, _interrupted(project, "-f", "pdf"), before)
