"""Benchmark: building høringssvar, against pandoc, and the CLI's start-up time.

Generates N realistic responses (default 200, ~2.5 pages each) in a temporary project and
times, in one run:

* ``hoering build`` per format (docx, pdf, html) and all three together, in one process
  with the default process pool (all cores);
* pandoc converting the same Markdown to DOCX, one process per file, as many at a time as
  there are cores (as the build uses them all), when pandoc is available (``apt-get install
  pandoc``, or ``pip install pypandoc_binary``, which ships it); without it the table says so;
* ``hoering --help`` against ``python -c "import click"`` (median of several runs).

The machine's load average is printed before and after: the figures are only as quiet as it.

Run:  python benchmarks/bench_build.py [-n 200] [--repeat-startup 9]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The installed console script, as a user runs it (python -m hoering when not installed).
_SCRIPT = Path(sys.executable).with_name("hoering")
HOERING = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "hoering"]

TOPICS = [
    ("Tværfagligt samarbejde", "tvaerfagligt-samarbejde"),
    ("Ledsagelse til behandling", "ledsagelse"),
    ("Samarbejde under ambulant behandling", "ambulant-behandling"),
    ("Udskrivningsmentor", "udskrivningsmentor"),
    ("Indlæggelse og udskrivning", "indlaeggelse-udskrivning"),
    ("Orientering, varsling og færdigmelding", "ventetid"),
    ("Netværksmøder under indlæggelse", "netvaerksmoeder"),
    ("Borgere i hjemløshed", "hjemloese"),
]
STANCES = ["positive", "concern", "proposal"]
WORDS = (
    "kommunen regionen borgeren samarbejde indsats behandling udskrivning aftalen "
    "praksis erfaring ansvar koordinering sagsbehandler tilbud ventetid psykiatri "
    "netværksmøde forventning dialog opfølgning støtte kvalitet"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def response(index: int, rng: random.Random) -> str:
    sections = []
    for title, topic in rng.sample(TOPICS, 6):
        body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.3:
            body += "\n\n" + "\n".join(f"- {sentence(rng)}" for _ in range(3))
        sections.append(f"## {title} {{topic={topic} stance={rng.choice(STANCES)}}}\n\n{body}")
    return f"""---
type: response
title: Høringssvar nr. {index} om udkast til samarbejdsaftale
hearing: benchmark
organisation: ishoj
department: Center for Socialservice
date: 2019-06-{1 + index % 28:02d}
case_number: 27.00.00-P20-{index}-19
recipient: [Region Hovedstaden]
contact: {{name: Thomas Petersen, title: Udviklingskonsulent, email: tp@ishoj.dk}}
signature: {{on_behalf_of: "Ishøj Kommune, Center for Socialservice"}}
---

{paragraph(rng)}

{chr(10).join(chr(10) * 1 + s + chr(10) for s in sections)}
"""


def make_project(root: Path, count: int) -> Path:
    rng = random.Random(20190619)
    folder = root / "consultations" / "benchmark" / "responses"
    folder.mkdir(parents=True)
    for index in range(count):
        (folder / f"response-{index:04d}.md").write_text(response(index, rng), "utf-8")
    return folder


def run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def time_build(root: Path, formats: list[str]) -> float:
    args = [*HOERING, "build", "--force"]
    for fmt in formats:
        args += ["-f", fmt]
    shutil.rmtree(root / "output", ignore_errors=True)
    return run(args, root)


def pandoc_path() -> str | None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        try:
            import pypandoc

            pandoc = pypandoc.get_pandoc_path()
        except (ImportError, OSError):
            return None
    return pandoc


def time_pandoc(root: Path, sources: list[Path], pandoc: str) -> float:
    """pandoc making DOCX of every source, one process per file, one per core at a time."""
    from concurrent.futures import ThreadPoolExecutor

    out = root / "pandoc"
    out.mkdir(exist_ok=True)

    def convert(source: Path) -> None:
        target = out / (source.stem + ".docx")
        subprocess.run([pandoc, str(source), "-o", str(target)], check=True, capture_output=True)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as cores:
        list(cores.map(convert, sources))
    return time.perf_counter() - start


def median_runtime(command: list[str], repeat: int) -> float:
    times = [run(command, REPO) for _ in range(repeat)]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="number of responses (200)")
    parser.add_argument("--repeat-startup", type=int, default=9)
    args = parser.parse_args()

    print(f"load average before: {os.getloadavg()[0]:.2f} (1 minute), {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = sorted(make_project(root, args.n).glob("*.md"))
        rows = []
        for formats in (["docx"], ["pdf"], ["html"], ["docx", "pdf", "html"]):
            seconds = time_build(root, formats)
            rows.append(("hoering build -f " + "/".join(formats), seconds))
        pages = count_pages(root)
        found = pandoc_path()
        pandoc = time_pandoc(root, sources, found) if found else None
        if pandoc is not None:
            rows.append((f"pandoc → docx, a process per file, {os.cpu_count()} at once", pandoc))

    print(
        f"\n{args.n} responses, {pages / max(args.n, 1):.1f} PDF pages each, "
        f"{os.cpu_count()} cores\n"
    )
    print(f"{'what':<42} {'seconds':>8} {'docs/s':>8} {'vs pandoc':>10}")
    for name, seconds in rows:
        ratio = f"{seconds / pandoc:.2f}×" if pandoc else "-"
        print(f"{name:<42} {seconds:>8.2f} {args.n / seconds:>8.1f} {ratio:>10}")
    if pandoc is None:
        print("(pandoc is not on this machine: apt-get install pandoc, or pip install ")
        print(" pypandoc_binary, then run again for the comparison)")

    click = median_runtime([sys.executable, "-c", "import click"], args.repeat_startup)
    hoering = median_runtime([*HOERING, "--help"], args.repeat_startup)
    print(f"\n{'start-up (median of ' + str(args.repeat_startup) + ')':<42} {'seconds':>8}")
    label = 'python -c "import click"'
    print(f"{label:<42} {click:>8.3f}")
    print(f"{'hoering --help':<42} {hoering:>8.3f}   ({hoering / click:.2f}× click)")
    print(f"\nload average after: {os.getloadavg()[0]:.2f} (1 minute)")


def count_pages(root: Path) -> int:
    from pypdf import PdfReader

    return sum(len(PdfReader(p).pages) for p in (root / "output").rglob("*.pdf"))


if __name__ == "__main__":
    main()
