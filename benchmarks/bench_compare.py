"""Benchmark: ``hoering compare`` over 100, 1,000 and 10,000 generated responses.

For each size a hearing is generated in a temporary project: one consulted party per
response (a few parties answer twice, a few answer late), 3-6 topic sections per response,
and every 25th response repeats a joint paragraph word for word, so shared wording is found.
Each size runs in a fresh process that reports, in one table:

* ``compare``: reading every response and building the comparison (``hoering.compare``);
* ``outputs``: the høringsnotat as DOCX, PDF and HTML plus matrix.csv/.xlsx, written;
* the same time by phase: reading the sources, comparing, composing the notat, and each
  file (from the progress calls: a file's time runs until the next file is begun);
* ``CPU s``: processor seconds of all processes, which do not grow with the machine's load;
* peak memory (maximum resident set) of the main process, which holds the comparison;
  the reader processes (all cores, from 16 responses) each hold one chunk of files, and a
  large notat's PDF is laid out in a process of its own: ``MB all`` is the highest sum of
  the resident sets of the main process and every process under it, sampled every 50 ms
  (psutil), what the machine must have free.

The bundle PDF (every response built to PDF and joined) is timed once, at ``--bundle-n``
responses (default 100): it builds one PDF per authored response, so it scales like
``hoering build -f pdf`` (see bench_build.py).

Run:  python benchmarks/bench_compare.py [--sizes 100,1000,10000] [--bundle-n 100]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import STANCES, TOPICS, paragraph, sentence

JOINT = (
    "Kommunerne i klyngen står sammen om dette svar og peger på, at udskrivning uden "
    "varsel gør det umuligt at have bolig, bostøtte og medicin klar til borgeren."
)


def hearing_yaml(parties: int) -> str:
    lines = [
        "id: benchmark",
        "title: Udkast til samarbejdsaftale (benchmark)",
        "authority: ishoj",
        "draft: {name: Udkast til samarbejdsaftale}",
        "period: {start: 2019-05-06, end: 2019-06-21}",
        "deadline: 2019-06-21",
        "consulted:",
    ]
    lines += [f"  - name: Part {index:05d}" for index in range(parties + parties // 50)]
    lines.append("topics:")
    for number, (title, topic) in enumerate(TOPICS, start=1):
        lines += [
            f"  - id: {topic}",
            f"    title: {title}",
            f'    section: "{number}"',
            f"    keywords: [{title.split()[0].lower()}]",
        ]
    return "\n".join(lines) + "\n"


def response(index: int, party: int, rng: random.Random) -> str:
    day = dt.date(2019, 6, 1) + dt.timedelta(days=rng.randint(0, 20 if index % 40 else 30))
    sections = []
    for title, topic in rng.sample(TOPICS, rng.randint(3, 6)):
        body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(1, 2)))
        if index % 25 == 0 and topic == "indlaeggelse-udskrivning":
            body += "\n\n" + JOINT
        sections.append(f"## {title} {{topic={topic} stance={rng.choice(STANCES)}}}\n\n{body}")
    if index % 25 == 0 and not any("indlaeggelse-udskrivning" in s for s in sections):
        sections.append(
            "## Indlæggelse og udskrivning "
            f"{{topic=indlaeggelse-udskrivning stance=concern}}\n\n{JOINT}"
        )
    body = "\n\n".join(sections)
    return f"""---
type: response
title: Høringssvar fra Part {party:05d}
hearing: benchmark
sender: Part {party:05d}
department: Social og Sundhed
date: {day.isoformat()}
recipient: [Region Hovedstaden]
signature: {{on_behalf_of: Part {party:05d}}}
---

{sentence(rng)}

{body}
"""


def make_hearing(root: Path, count: int) -> Path:
    rng = random.Random(20190621)
    folder = root / "consultations" / "benchmark"
    (folder / "responses").mkdir(parents=True)
    (folder / "hearing.yaml").write_text(hearing_yaml(count), "utf-8")
    for index in range(count):
        party = index if index % 50 else max(0, index - 1)  # every 50th: a second answer
        (folder / "responses" / f"svar-{index:05d}.md").write_text(
            response(index, party, rng), "utf-8"
        )
    return folder


class TreeMemory:
    """The highest sum of the resident sets of this process and all under it, sampled at the
    same moment every ``every`` seconds, and the processor time they used (user + system, the
    last sample of each process; a worker's last 50 ms may be missed)."""

    def __init__(self, every: float = 0.05) -> None:
        import threading

        import psutil

        self.me, self.every, self.peak = psutil.Process(), every, 0
        self.cpu: dict[tuple[int, float], float] = {}  # (pid, start time) → seconds
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.stopped.wait(self.every):
            self._measure()

    def _measure(self) -> None:
        import psutil

        total = 0
        for process in [self.me, *self.me.children(recursive=True)]:
            try:
                with process.oneshot():
                    total += process.memory_info().rss
                    times = process.cpu_times()
                    key = (process.pid, process.create_time())
            except psutil.Error:  # ended between the listing and the look
                continue
            self.cpu[key] = times.user + times.system
        self.peak = max(self.peak, total)

    def stop(self) -> tuple[float, float]:
        """Peak MB of all processes together, and their processor seconds."""
        self.stopped.set()
        self.thread.join()
        self._measure()
        return self.peak / 2**20, sum(self.cpu.values())


class Phases:
    """Seconds spent in each phase, from the progress calls: reading the sources (until the
    last response is read), comparing them, composing the notat (until the first file is
    begun), then each output file until the next one is begun (a file's time includes
    writing it; the notat's PDF, when laid out apart, counts the wait for it)."""

    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.name = "read sources"
        self.seconds: dict[str, float] = {}

    def read(self, done: int, total: int) -> None:
        if done == total:
            self.next("compare")

    def next(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[self.name] = self.seconds.get(self.name, 0.0) + now - self.last
        self.name, self.last = name, now

    def total(self) -> float:
        return self.last - self.start


def child(root: Path, bundle: bool) -> None:
    """Run in a fresh process: time compare and the outputs by phase, report peak memory as
    JSON."""
    os.chdir(root)
    import hoering

    tree = TreeMemory()
    phases = Phases()
    comparison = hoering.compare("consultations/benchmark", on_progress=phases.read)
    phases.next("notat model")
    compared = phases.last
    kib = 1024 if sys.platform != "darwin" else 1
    compare_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 2**20
    files = hoering.OutputOptions(bundle=bundle)
    hoering.write_comparison(
        comparison, hoering.CompareOptions(files=files), on_progress=phases.next
    )
    phases.next("")
    tree_mb, cpu_s = tree.stop()
    print(
        json.dumps(
            {
                "compare": compared - phases.start,
                "outputs": phases.last - compared,
                "phases": phases.seconds,
                "respondents": len(comparison.respondents),
                "compare_mb": compare_mb,
                "shared": sum(1 for t in comparison.topics for r in t.remarks if r.shared_with),
                "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib / 2**20,
                "tree_mb": tree_mb,
                "cpu_s": cpu_s,
                "output_kb": sum(
                    p.stat().st_size for p in (root / "output").rglob("*") if p.is_file()
                )
                / 1024,
            }
        )
    )


def run_size(count: int, bundle: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = make_hearing(root, count)
        size = sum(p.stat().st_size for p in (folder / "responses").iterdir())
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(root)] + (["--bundle"] if bundle else []),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:  # say why, not only that the child failed
            raise SystemExit(f"{count} responses failed:\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["input_mb"] = size / 2**20
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="100,1000,10000",
        help="numbers of responses, comma-separated (100,1000,10000)",
    )
    parser.add_argument(
        "--bundle-n",
        type=int,
        default=100,
        help="responses for the bundle PDF run (100; 0 skips it)",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bundle", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.bundle)
        return

    print(
        f"load average before: {os.getloadavg()[0]:.2f} (1 minute), {os.getloadavg()[2]:.2f} (15)"
    )
    rows = [(f"{n:,}", run_size(n, bundle=False)) for n in map(int, args.sizes.split(","))]
    if args.bundle_n:
        rows.append((f"{args.bundle_n:,} + bundle", run_size(args.bundle_n, bundle=True)))

    print(
        f"\nhoering compare, {os.cpu_count()} cores; outputs: notat DOCX/PDF/HTML, matrix "
        "CSV/XLSX\n"
    )
    print(
        f"{'responses':<15} {'input MB':>8} {'compare s':>9} {'outputs s':>9} "
        f"{'total s':>8} {'CPU s':>7} {'resp./s':>8} {'MB model':>8} {'MB peak':>8} "
        f"{'MB all':>7} {'shared':>7}"
    )
    for name, r in rows:
        total = r["compare"] + r["outputs"]
        count = int(name.split()[0].replace(",", ""))
        print(
            f"{name:<15} {r['input_mb']:>8.1f} {r['compare']:>9.2f} {r['outputs']:>9.2f} "
            f"{total:>8.2f} {r['cpu_s']:>7.1f} {count / total:>8.0f} {r['compare_mb']:>8.0f} "
            f"{r['self_mb']:>8.0f} {r['tree_mb']:>7.0f} {r['shared']:>7}"
        )
    print("\nseconds by phase (a file's time includes writing it):")
    for name, r in rows:
        print(f"  {name}: " + ", ".join(f"{k} {v:.2f}" for k, v in r["phases"].items()))
    print(
        "\nMB model: maximum resident set of the main process once the comparison is "
        "made; MB peak: after the outputs too; MB all: the highest sum of the resident sets "
        "of it and every process under it at one moment (sampled every 50 ms); CPU s: "
        "processor seconds of all of them (what a busy machine stretches the time by). "
        "shared: remarks flagged as shared wording."
    )
    print(f"load average after: {os.getloadavg()[0]:.2f} (1 minute), {os.getloadavg()[2]:.2f} (15)")


if __name__ == "__main__":
    main()
