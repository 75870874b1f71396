"""Benchmark: start-up of the ``hoering`` command against ``python -c "import click"``.

A user types ``hoering --help`` (or a command's ``--help``, or a command that fails at once)
and waits for Python, click and hoering's command-line layer to load. Heavy libraries
(python-docx, typst, Babel, …) must not load for that, so the help costs little more than
importing click. Each command runs ``--repeat`` times, the commands taking turns so that a
busy machine slows them all alike; the table gives the median wall time and the median CPU
time (user + system, which a busy machine disturbs less), each with its ratio to click.

Every command runs as an installed one does: with its modules' bytecode (and the catalogs'
messages, kept the same way) written once, in a folder of its own (PYTHONPYCACHEPREFIX),
before the runs that are timed; PYTHONDONTWRITEBYTECODE is not passed on (with it, every
start would compile hoering's modules again, which no installed copy does).

Target: ``hoering --help`` and ``hoering build --help`` at most 1.3× ``import click``.

Run:  python benchmarks/bench_startup.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import HOERING

TARGET = 1.3


def commands(english_project: Path) -> dict[str, tuple[list[str], Path | None]]:
    """What is timed: name → (command, folder to run it in)."""
    return {
        "python -c pass": ([sys.executable, "-c", "pass"], None),
        'python -c "import click"': ([sys.executable, "-c", "import click"], None),
        "hoering --help": ([*HOERING, "--help"], None),
        "hoering --lang en --help": ([*HOERING, "--lang", "en", "--help"], None),
        "hoering build --help": ([*HOERING, "build", "--help"], None),
        "hoering --help (lang = en project)": ([*HOERING, "--help"], english_project),
        "hoering --version": ([*HOERING, "--version"], None),
    }


def as_installed(bytecode: Path) -> dict[str, str]:
    """The environment of the runs: bytecode written, to a folder of the benchmark's own."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return environment | {"PYTHONPYCACHEPREFIX": str(bytecode)}


def timed(
    command: list[str], folder: Path | None, environment: dict[str, str]
) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, env=environment, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs of each command (20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "hoering.toml").write_text('lang = "en"\n', "utf-8")
        table = commands(project)
        environment = as_installed(project / "bytecode")
        for command, folder in table.values():  # bytecode written, not timed
            timed(command, folder, environment)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in table}
        for _ in range(args.repeat):
            for name, (command, folder) in table.items():
                times[name].append(timed(command, folder, environment))
    medians = {
        name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for name, runs in times.items()
    }
    wall, cpu = medians['python -c "import click"']
    print(f"median of {args.repeat} runs each, {os.cpu_count()} cores; target: --help ≤ {TARGET}×")
    print(f"{'command':<38} {'wall ms':>8} {'× click':>8} {'CPU ms':>8} {'× click':>8}")
    for name, (w, c) in medians.items():
        print(f"{name:<38} {w * 1000:>8.1f} {w / wall:>7.2f}× {c * 1000:>8.1f} {c / cpu:>7.2f}×")


if __name__ == "__main__":
    main()
