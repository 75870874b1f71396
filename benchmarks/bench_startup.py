"""Benchmark: start-up of the ``hoering`` command against ``python -c "import click"``.

A user types ``hoering --help`` (or a command's ``--help``, or a command that fails at once)
and waits for Python, click and hoering's command-line layer to load. Heavy libraries
(python-docx, typst, Babel, …) must not load for that, so the help costs little more than
importing click. Each command runs ``--repeat`` times, the commands taking turns so that a
busy machine slows them all alike; the table gives the median and the ratio to click.

Target: ``hoering --help`` at most 1.5× ``import click``.

Run:  python benchmarks/bench_startup.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import HOERING

TARGET = 1.5


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


def timed(command: list[str], folder: Path | None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs of each command (20)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        (project / "hoering.toml").write_text('lang = "en"\n', "utf-8")
        table = commands(project)
        times: dict[str, list[float]] = {name: [] for name in table}
        for _ in range(args.repeat):
            for name, (command, folder) in table.items():
                times[name].append(timed(command, folder))
    click = statistics.median(times['python -c "import click"'])
    print(f"median of {args.repeat} runs each, {os.cpu_count()} cores; target: --help ≤ {TARGET}×")
    print(f"{'command':<38} {'ms':>7} {'× click':>8}")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:<38} {median * 1000:>7.1f} {median / click:>7.2f}×")


if __name__ == "__main__":
    main()
