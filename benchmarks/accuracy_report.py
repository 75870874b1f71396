"""How the import accuracy benchmarks print what they measured: the measures per group, the
guessed fields (right/wrong/abstained) with their calibration, the word ledger, and the issue's
targets with the figure measured against each (issue 19)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from accuracy_fields import Judged, Ledger, print_calibration, print_fields
from accuracy_text import Tally, cell


@dataclass
class Run:
    """What one run measured: counts per producer, the guessed fields, the word ledger."""

    tally: Tally = field(default_factory=Tally)
    judged: Judged = field(default_factory=Judged)
    ledger: Ledger = field(default_factory=Ledger)


def merged(runs: list[Run]) -> Run:
    """One run holding what the given runs measured (the two halves of the real documents)."""
    whole = Run()
    for run in runs:
        for group, counts in run.tally.counts.items():
            whole.tally.counts[group].update(counts)
        whole.judged.outcomes += run.judged.outcomes
        for mine, theirs in (
            (whole.ledger.words, run.ledger.words),
            (whole.ledger.files, run.ledger.files),
            (whole.ledger.dirty, run.ledger.dirty),
        ):
            mine.update(theirs)
    return whole


ROWS = [
    ("files", "count"),
    ("crashes", "count"),
    ("no remarks", "%"),
    ("headings", "recall"),
    ("false headings", "per letter"),
    ("topics P", "ratio"),
    ("topics R", "ratio"),
    ("stances", "%"),
    ("body clean", "%"),
    ("debris removed", "%"),
    ("phrases kept", "%"),
    ("words kept", "%"),
    ("sentences", "%"),
    ("footnotes", "%"),
    ("tracked", "%"),
]


def print_table(tally: Tally, title: str, groups: list[str], rows=ROWS) -> None:
    present = [g for g in groups if g in tally.counts]
    total = Counter()
    for g in present:
        total.update(tally.counts[g])
    print(title)
    print(f"{'':<18}" + "".join(f"{c:>15}" for c in [*present, "all"]))
    for measure, kind in rows:
        cells = [cell(tally.counts[g], measure, kind) for g in present]
        cells.append(cell(total, measure, kind))
        print(f"{measure:<18}" + "".join(f"{c:>15}" for c in cells))


def print_run(run: Run, title: str, groups: list[str], rows=ROWS) -> None:
    """The measures table, the guessed fields (right/wrong/abstained), calibration, ledger."""
    present = [g for g in groups if g in run.tally.counts]
    print_table(run.tally, title, present, rows)
    print()
    print_fields(run.judged, present)
    print()
    print_calibration(run.judged)
    imported = sum(run.tally.counts[g]["files"] - run.tally.counts[g]["crashes"] for g in present)
    print(run.ledger.line(int(imported)))
    print("targets (issue 19):")
    for line in targets(run):
        print(f"  {line}")


def targets(run: Run) -> list[str]:
    """The issue's targets, each with the figure measured and whether it is met."""
    total = Counter()
    for counts in run.tally.counts.values():
        total.update(counts)

    def share(measure: str) -> float | None:
        return total[measure] / total[measure + " of"] if total[measure + " of"] else None

    judged = run.judged
    wrong, sure = judged.sure_wrong("sender")
    checks = [
        ("sender right", judged.share_right("sender"), None, ">=", 0.9),
        ("sender wrong at >= 0.8", sure and wrong / sure, f"{wrong} of {sure}", "<=", 0.05),
        ("date right", judged.share_right("date"), None, ">=", 0.95),
        ("dates invented", judged.invented("date"), str(judged.invented("date")), "<=", 0),
        ("signatory right", judged.share_right("signatory"), None, ">=", 0.8),
        ("phrases kept", share("phrases kept"), None, ">=", 1.0),
        ("debris removed", share("debris removed"), None, ">=", 0.95),
        ("false headings/doc", share("false headings"), "{:.2f}", "<=", 0.5),
    ]
    if run.ledger.files["all"]:
        words = run.ledger.words["all"]
        checks.append(("unaccounted words", words, str(words), "<=", 0))
    return [_target(*check) for check in checks]


def _target(label: str, value, shown: str | None, op: str, goal: float) -> str:
    if value is None:
        return f"{label}: - (target {op} {goal:g})"
    if shown is None:  # a share, as a percentage rounded down: 257 of 258 is not "100%"
        shown, goal_shown = f"{math.floor(1000 * value) / 10:g}%", f"{100 * goal:.0f}%"
    else:
        shown, goal_shown = shown.format(value), "1 in 20" if goal == 0.05 else f"{goal:g}"
    met = value >= goal if op == ">=" else value <= goal
    return f"{label}: {shown} (target {op} {goal_shown}) " + ("ok" if met else "MISSED")


def as_json(run: Run) -> dict:
    ledger = run.ledger
    return {
        "measures": {g: dict(c) for g, c in run.tally.counts.items()},
        "fields": run.judged.as_json(),
        "ledger": {"unaccounted_words": dict(ledger.words), "files": dict(ledger.files)}
        if ledger.files
        else None,
        "targets": targets(run),
    }
