"""Benchmark: ``hoering preview`` — from saving a 3-page response to the reloaded page.

In a temporary project, a response that is three pages in the PDF is previewed as the CLI
does it (one warm process: a file watcher, a rebuild, the HTTP server on 127.0.0.1). Each
round saves the source with one word changed and times what a browser's page does: its
waiting request to ``/events`` returns, it fetches ``/`` again and sees the new word. The
first round is left out (it may still find caches cold). For comparison: the rebuild alone
(in the warm process, no watcher, no HTTP) and a cold ``hoering build`` of the same file as
HTML (a new process, start-up included), which is what one had to do before.

Target: the median under 300 ms.

Run:  python benchmarks/bench_preview.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_build import HOERING, response

TARGET_MS = 300
PAGES = 3


def three_page_response(root: Path) -> Path:
    """A generated response whose PDF has three pages (paragraphs added until it does)."""
    import pypdf

    from hoering.config import load_config
    from hoering.preview.target import Target

    source = root / "consultations" / "benchmark" / "responses" / "svar.md"
    source.parent.mkdir(parents=True)
    rng = random.Random(20190619)
    text = response(1, rng)
    while True:
        source.write_text(text, "utf-8")
        pdf = Target.of(source, load_config(root)).make("pdf")[0]
        pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        if pages >= PAGES:
            return source
        text += "\n" + response(2, rng).split("---", 2)[2]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.read()


def save_and_reload(source: Path, url: str, version: int, word: str) -> tuple[float, int]:
    """Seconds from saving ``source`` with ``word`` in it to a page that shows it."""
    text = source.read_text("utf-8")
    start = time.perf_counter()
    source.write_text(text + f"\n{word}\n", "utf-8")
    new = json.loads(get(f"{url}events?since={version}"))["version"]
    page = get(url)
    elapsed = time.perf_counter() - start
    assert word.encode() in page, "the reloaded page does not show the change"
    return elapsed, new


def time_rounds(source: Path, rounds: int) -> tuple[list[float], list[float]]:
    from hoering.config import load_config
    from hoering.preview import Preview

    config = load_config(source.parents[3])
    reloads, rebuilds = [], []
    with Preview(source, config) as preview:
        url = preview.start(port=0)
        version = preview.version
        for index in range(rounds + 1):
            elapsed, version = save_and_reload(source, url, version, f"ordnummer{index}")
            if index:
                reloads.append(elapsed)
            time.sleep(0.05)
        for _ in range(rounds):
            start = time.perf_counter()
            preview.target.make("html")
            rebuilds.append(time.perf_counter() - start)
    return reloads, rebuilds


def time_cold_build(root: Path, source: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*HOERING, "build", str(source), "-f", "html", "--force"],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def row(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    return (
        f"| {name:<44} | {statistics.median(ms):>7.0f} | {p90:>7.0f} | {ms[0]:>7.0f} | "
        f"{ms[-1]:>7.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="hoering-bench-preview-"))
    try:
        source = three_page_response(root)
        reloads, rebuilds = time_rounds(source, args.rounds)
        cold = [time_cold_build(root, source) for _ in range(3)]
    finally:
        shutil.rmtree(root)
    print(f"{PAGES}-page response, {args.rounds} saves (ms)\n")
    print(f"| {'what':<44} | {'median':>7} | {'p90':>7} | {'min':>7} | {'max':>7} |")
    print(f"|{'-' * 46}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    print(row("save → reloaded page (preview)", reloads))
    print(row("rebuild of the HTML alone, warm process", rebuilds))
    print(row("cold 'hoering build -f html' of the file", cold))
    verdict = "met" if statistics.median(reloads) * 1000 < TARGET_MS else "NOT met"
    print(f"\ntarget: median save → reloaded page under {TARGET_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
