"""Benchmark: building referater, and ``hoering actions`` over many of them.

Generates N referater (default 200) with 5-10 agenda items, decisions and 10 action items
each in a temporary project and times, in one run:

* ``hoering build`` per format (docx, pdf, html; the .actions.csv and .ics exports are
  written with every format) with the default process pool (all cores);
* ``hoering actions`` (and ``--format csv``) over ``--actions-n`` referater (default 1,000),
  a whole CLI run each, start-up included: the median of ``--repeat`` runs (default 3;
  the first run after writing the files is often the slowest).

Run:  python benchmarks/bench_minutes.py [-n 200] [--actions-n 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench_build import HOERING, paragraph, time_build

OWNERS = [
    "Ishøj Kommune",
    "Distriktspsykiatrien",
    "PC Glostrup",
    "Region Hovedstaden",
    "Albertslund Kommune",
    "Socialpsykiatrien",
]
ITEMS = [
    "Status på samarbejdet",
    "Udskrivning og overgange",
    "Ventetid på tilbud",
    "Netværksmøder",
    "Ledsagelse til behandling",
    "Hjemløse borgere",
    "Fælles rammebeskrivelse",
    "Orientering fra kommunerne",
    "Eventuelt",
    "Evaluering af dialogforum",
]
DEADLINES = [
    "1. september 2019",
    "15/10-2019",
    "september 2019",
    "inden næste møde",
    "uge 45",
    "2019-12-01",
    "d. 3.2.2020",
]


def minutes(index: int, rng: random.Random) -> str:
    day = dt.date(2019, 1, 7) + dt.timedelta(days=index % 700)
    agenda = rng.sample(ITEMS, rng.randint(5, 10))
    lines = [
        "---",
        "type: minutes",
        f"title: Dialogmøde nr. {index + 1} om snitflader",
        "subject: Samarbejdet mellem kommune og psykiatri",
        f"date: {day.isoformat()}",
        'start: "13:00"',
        'end: "14:30"',
        "place: Ishøj Rådhus",
        "organisation: ishoj",
        "department: Center for Voksne og Velfærd",
        "participants:",
        "  Ishøj Kommune: [Helle Pernille Madsen, Thomas Petersen, udviklingskonsulent]",
        "  PC Glostrup: [Darius Mardosas, Tina Eggert, m.fl.]",
        "absent:",
        "  Region Hovedstaden: [Anne Jensen]",
        "chair: Helle Pernille Madsen, centerchef",
        "referent: Thomas Petersen, udviklingskonsulent",
        "next_meetings:",
        f'  - {{date: {(day + dt.timedelta(days=90)).isoformat()}, time: "13:00", '
        "place: Ishøj Rådhus, invites: Ishøj Kommune}",
        "---",
        "",
    ]
    actions = 10
    for number, item in enumerate(agenda):
        lines += [f"## {item}", "", paragraph(rng), ""]
        if rng.random() < 0.5:
            lines += [f"Beslutning: {paragraph(rng)}", ""]
        share = actions if number == len(agenda) - 1 else rng.randint(0, min(3, actions))
        for _ in range(share):
            box = "x" if rng.random() < 0.3 else " "
            lines.append(
                f"- [{box}] @{rng.choice(OWNERS)}: følger op på punktet om "
                f"{item.lower()} — {rng.choice(DEADLINES)}"
            )
        actions -= share
        lines.append("")
    return "\n".join(lines)


def make_project(root: Path, count: int) -> None:
    rng = random.Random(20190619)
    folder = root / "consultations" / "benchmark" / "minutes"
    folder.mkdir(parents=True)
    for index in range(count):
        (folder / f"referat-{index:04d}.md").write_text(minutes(index, rng), "utf-8")


def time_command(args: list[str], cwd: Path, repeat: int = 1) -> tuple[float, str]:
    """The median wall-clock time of ``repeat`` runs, and what the last one printed."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="referater to build (200)")
    parser.add_argument(
        "--actions-n", type=int, default=1000, help="referater for hoering actions (1000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of hoering actions; the median is shown (3)"
    )
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root, args.n)
        for formats in (["docx"], ["pdf"], ["html"], ["docx", "pdf", "html"]):
            rows.append(
                ("hoering build -f " + "/".join(formats), time_build(root, formats), args.n)
            )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root, args.actions_n)
        seconds, out = time_command(
            [*HOERING, "actions", "--today", "2020-01-01"], root, args.repeat
        )
        rows.append(("hoering actions", seconds, args.actions_n))
        summary = out.strip().splitlines()[-1]
        seconds, _ = time_command([*HOERING, "actions", "--format", "csv"], root, args.repeat)
        rows.append(("hoering actions --format csv", seconds, args.actions_n))
        shutil.rmtree(root / "consultations")

    print(f"\nreferater with 5-10 agenda items and 10 action items each, {os.cpu_count()} cores\n")
    print(f"{'what':<36} {'files':>6} {'seconds':>8} {'files/s':>8}")
    for name, seconds, count in rows:
        print(f"{name:<36} {count:>6} {seconds:>8.2f} {count / seconds:>8.1f}")
    print(f"\nhoering actions said: {summary}")


if __name__ == "__main__":
    main()
