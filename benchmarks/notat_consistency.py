"""The høringsnotat never contradicts itself, over many made-up hearings: the longer run of
tests/test_notat_consistency.py (same generator, same checks).

    python benchmarks/notat_consistency.py --cases 200 [--first 1] [--layouts emner,parter]

For each seed a hearing is made (letters only, web form only or both; with or without
remarks.md; parties answering twice, late, with no remarks; unreadable form rows), compared,
and rendered in every layout as PDF, DOCX and HTML with matrix.csv and matrix.xlsx. Prints
the cases, the counts checked, the problems found (model vs. written, printed vs. model,
remarks/answers/comments missing from a layout) and the time taken."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from notat_hearings import (  # noqa: E402
    LAYOUTS,
    count_problems,
    form_samples,
    make_hearing,
    missing_texts,
    model_problems,
    render_all,
)


def run_case(root: Path, seed: int, layouts: tuple[str, ...]) -> tuple[dict[str, list[str]], int]:
    import hoering

    folder, truth = make_hearing(root, seed)
    comparison = hoering.compare(folder)
    rendered = render_all(comparison, layouts)
    counts, checked = count_problems(comparison, rendered)
    problems = {
        "model": model_problems(comparison, truth),
        "counts": counts,
        "remarks and answers": missing_texts(
            comparison, truth, rendered, truth.texts + truth.answers
        ),
        "form sample and campaigns": missing_texts(
            comparison, truth, rendered, form_samples(comparison) + truth.campaigns
        ),
        "comments": missing_texts(comparison, truth, rendered, truth.comments),
    }
    return problems, checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--first", type=int, default=1, help="the first seed")
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    args = parser.parse_args()
    layouts = tuple(args.layouts.split(","))
    failing: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    checked = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as root:
        for seed in range(args.first, args.first + args.cases):
            problems, count = run_case(Path(root), seed, layouts)
            kinds[("letters", "form", "both")[seed % 3]] += 1
            checked += count
            for what, found in problems.items():
                if found:
                    failing[what] += 1
                    print(f"seed {seed}: {what}: {found[:3]}{' …' if len(found) > 3 else ''}")
    took = time.perf_counter() - start
    print(
        f"{args.cases} hearings ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), "
        f"layouts {', '.join(layouts)} × pdf, docx, html + matrix.csv/xlsx + chart data: "
        f"{checked} counts checked in {took:.1f} s ({took / max(1, args.cases):.2f} s a hearing)"
    )
    for what in ("model", "counts", "remarks and answers", "form sample and campaigns", "comments"):
        print(f"  {what}: {failing[what]} hearings with problems")


if __name__ == "__main__":
    main()
