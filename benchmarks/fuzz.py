"""The long fuzz run: the property tests of tests/test_fuzz.py with many more examples,
counting crashes instead of stopping at the first. A crash is any outcome other than
outputs that hold every word of the input or a HoeringError about the input.

Run:  python benchmarks/fuzz.py [--examples 2000] [--seed 1] [--only svar.csv svar.xlsx …]

Targets: generated Markdown built in every format; damaged PDF, DOCX (bytes, and XML
changed but well formed) and e-mails imported; damaged CSV, XLSX and Parquet exports read.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))


def _markdown(root: Path, title: str, body: str) -> None:
    """Build a generated source: outputs with every word, or an error about the source."""
    import fuzz_inputs as fuzz
    from test_fuzz import build_source

    outcome, files = build_source(root, fuzz.source_text(title, body))
    assert outcome.detail is None, outcome.detail.strip().splitlines()[-1]
    if outcome.error is not None:
        assert str(outcome.error).startswith("fuzz/"), str(outcome.error)
        return
    for suffix, extract in (
        (".html", fuzz.html_text),
        (".docx", fuzz.docx_text),
        (".pdf", fuzz.pdf_text),
    ):
        text = fuzz.plain(extract(files[suffix]))
        missing = {w for w in fuzz.expected_words(body) if w not in text}
        assert not missing, f"{suffix} lost words"


def _targets(root: Path) -> dict[str, tuple[Callable[[], tuple[Any, ...]], Callable[..., None]]]:
    """Each target's name, its strategies (made when it runs) and the check of one example."""
    import fuzz_inputs as fuzz
    import hostile_files
    from test_fuzz import (
        assert_export_reads_or_fails_cleanly,
        assert_imports_or_fails_cleanly,
        export_bytes,
    )

    def importing(name: str) -> Callable[[bytes], None]:
        return lambda data: assert_imports_or_fails_cleanly(root, name, data)

    def reading(name: str) -> Callable[[bytes], None]:
        return lambda data: assert_export_reads_or_fails_cleanly(root, name, data)

    return {
        "markdown": (
            lambda: (fuzz.title(), fuzz.body),
            lambda title, body: _markdown(root, title, body),
        ),
        "svar.pdf": (lambda: (fuzz.damaged(hostile_files.plain_letter()),), importing("svar.pdf")),
        "svar.docx": (lambda: (fuzz.damaged(hostile_files.docx_bytes()),), importing("svar.docx")),
        "xml.docx": (  # its XML changed, still well formed
            lambda: (fuzz.damaged_parts(hostile_files.docx_letter_bytes()),),
            importing("xml.docx"),
        ),
        "svar.eml": (lambda: (fuzz.damaged(hostile_files.mail_bytes()),), importing("svar.eml")),
        **{
            name: (lambda damage=damage, name=name: (damage(export_bytes(name)),), reading(name))
            for name, damage in (
                ("svar.csv", fuzz.damaged),
                ("svar.xlsx", fuzz.damaged_parts),
                ("svar.parquet", fuzz.damaged),
            )
        },
    }


def _recorded(
    name: str, check: Callable[..., None], record: Callable[..., None]
) -> Callable[..., None]:
    """``check`` of the target ``name`` with its own signature (which hypothesis reads), its
    outcome recorded."""

    @functools.wraps(check)
    def example(**values: Any) -> None:
        record(name, check, **values)

    return example


def main() -> None:
    from hypothesis import HealthCheck, given, seed, settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="+", metavar="TARGET", help="run only these targets")
    args = parser.parse_args()
    crashes: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    run = settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    def record(kind: str, check: Callable[..., None], **values: Any) -> None:
        counts[kind] += 1
        try:
            check(**values)
        except Exception as exc:  # an assertion, or an exception that escaped the reader
            text = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else ""
            key = f"{kind}: {type(exc).__name__}: {text}"
            crashes[key] += 1
            first.setdefault(key, repr(tuple(values.values()))[:300])

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(REPO / "templates", root / "templates")
        hearing = root / "consultations" / "samarbejdsaftale-psykisk-sygdom"
        shutil.copytree(REPO / "consultations" / "samarbejdsaftale-psykisk-sygdom", hearing)
        for part in ("responses", "received", "minutes"):
            shutil.rmtree(hearing / part, ignore_errors=True)

        started = time.monotonic()
        targets = _targets(root)
        for name in args.only or targets:
            strategies, check = targets[name]
            seed(args.seed)(run(given(*strategies())(_recorded(name, check, record))))()
        seconds = time.monotonic() - started
    print(f"{'property':12} {'examples':>9}")
    for kind, count in counts.items():
        print(f"{kind:12} {count:9}")
    print(f"{sum(crashes.values())} crashes in {sum(counts.values())} examples, {seconds:.0f} s")
    for key, count in crashes.most_common():
        print(f"{count:5}  {key}\n       first: {first[key]}")


if __name__ == "__main__":
    main()
