"""Accuracy of ``hoering import`` on generated fixtures whose truth is known.

Imports N letterhead PDFs (our renderer), N Word DOCX files, the Glostrup example and the
two seed-style plain letters (tests/import_fixtures.py) into a copy of the example hearing,
reads the sources back with ``load_source`` and counts what import got right: headings
(text), topics and stances (per heading), dates, organisations (sender), case numbers and
signatories.

The generated letters use the hearing's own vocabulary, so their figures are an upper bound;
the Glostrup example and the plain letters are written more freely, and the last column is
our own example responses (the five authored ones) built to PDF and imported again,
measured against the topics and stances a person set on their headings.

Printed by ``python benchmarks/import_accuracy.py --own N`` after the corpus table (the
corpus, tests/fixtures/import/corpus, is the measure that counts: these letters share our
own layout). Alone:  python benchmarks/import_accuracy_own.py [-n 30]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]

from hoering.imports.run import import_file  # noqa: E402
from hoering.model import nodes as n  # noqa: E402
from hoering.sources import load_source  # noqa: E402
from import_fixtures import (  # noqa: E402
    GLOSTRUP_TRUTH,
    SEED_TRUTH,
    Truth,
    glostrup_pdf,
    plain_docx,
    plain_pdf,
    response_docx,
    response_pdf,
)


def _text(node) -> str:
    return "".join(c.text for c in node.children if isinstance(c, n.Text))


def score(source, truth, tally: Counter, kind: str) -> None:
    meta = source.meta
    headings = [b for b in source.blocks if isinstance(b, n.Heading)]
    found = [_text(h) for h in headings]
    tally[kind, "headings"] += sum(1 for h in truth.headings if h in found)
    tally[kind, "headings of"] += len(truth.headings)
    tally[kind, "extra headings"] += sum(1 for h in found if h not in truth.headings)
    by_text = {_text(h): h for h in headings}
    for heading, topic, stance in zip(truth.headings, truth.topics, truth.stances, strict=True):
        got = by_text.get(heading)
        tally[kind, "topics"] += bool(got and got.topic == topic)
        tally[kind, "stances"] += bool(got and got.stance == stance)
    tally[kind, "topics of"] += len(truth.topics)
    tally[kind, "stances of"] += len(truth.stances)
    for key, value, expected in (
        ("dates", meta.date, truth.date),
        ("organisations", meta.sender, truth.sender),
    ):
        tally[kind, key] += value == expected
        tally[kind, key + " of"] += 1
    if truth.case_number:
        tally[kind, "case numbers"] += meta.case_number == truth.case_number
        tally[kind, "case numbers of"] += 1
    if truth.signatory:
        signed = (
            meta.signature.signatories[0].name
            if meta.signature and meta.signature.signatories
            else None
        )
        tally[kind, "signatories"] += signed == truth.signatory
        tally[kind, "signatories of"] += 1


def _example_round_trips(root: Path):
    """The example responses we authored (not the imported one), built to PDF, with the
    topics and stances a person set on their headings as the truth."""
    import hoering

    folder = REPO / "consultations" / "samarbejdsaftale-psykisk-sygdom" / "responses"
    authored = [p for p in sorted(folder.glob("*.md")) if load_source(p).meta.source is None]
    config = hoering.load_config(REPO)
    report = hoering.build(
        authored, config=config, formats=["pdf"], output=root / "built", force=True
    )
    assert report.ok, [o.error for o in report.failed]
    for source_path in authored:
        source = load_source(source_path)
        headings = [b for b in source.blocks if isinstance(b, n.Heading)]
        truth = Truth(
            str(source.meta.signature.on_behalf_of).split(",")[0],
            source.meta.date,
            source.meta.case_number or "",
            headings=[_text(h) for h in headings],
            topics=[h.topic for h in headings],
            stances=[h.stance for h in headings],
        )
        pdf = next((root / "built").rglob(f"{source_path.stem}.pdf"))
        yield f"{source_path.stem}.pdf", pdf.read_bytes(), truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30, help="PDFs and DOCX files (default 30)")
    own_renderer(parser.parse_args().n)


def own_renderer(count: int) -> None:
    """Import ``count`` renderer PDFs and python-docx files (and the fixed examples) and
    print the table per kind of letter."""
    tally: Counter = Counter()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        hearing = root / "hearing"
        shutil.copytree(REPO / "consultations" / "samarbejdsaftale-psykisk-sygdom", hearing)
        cases = []
        for seed in range(count):
            cases.append(("PDF (renderer)", f"p{seed}.pdf", *response_pdf(seed)))
            cases.append(("DOCX (Word)", f"d{seed}.docx", *response_docx(seed)))
        cases.append(("Glostrup example", "glostrup.pdf", glostrup_pdf(), GLOSTRUP_TRUTH))
        cases.append(("plain letter", "plain.pdf", plain_pdf(), SEED_TRUTH))
        cases.append(("plain letter", "plain.docx", plain_docx(), SEED_TRUTH))
        cases += [("example round trip", *case) for case in _example_round_trips(root)]
        for kind, name, data, truth in cases:
            path = root / name
            path.write_bytes(data)
            imported = import_file(path, hearing, force=True)
            score(load_source(imported.path), truth, tally, kind)
            imported.path.unlink()
    kinds = list(dict.fromkeys(kind for kind, _ in tally))
    measures = [
        "headings",
        "topics",
        "stances",
        "dates",
        "organisations",
        "case numbers",
        "signatories",
    ]
    print("Own renderer and python-docx (tests/import_fixtures.py), truth per heading:")
    print(f"{'measure':<16}" + "".join(f"{k:>20}" for k in kinds) + f"{'all':>14}")
    for measure in measures:
        cells, right, total = [], 0, 0
        for kind in kinds:
            got, of = tally[kind, measure], tally[kind, measure + " of"]
            right, total = right + got, total + of
            cells.append(f"{got}/{of}" if of else "-")
        share = f"{right}/{total} {100 * right / total:.0f}%" if total else "-"
        print(f"{measure:<16}" + "".join(f"{c:>20}" for c in cells) + f"{share:>14}")
    extra = sum(tally[kind, "extra headings"] for kind in kinds)
    print(
        f"{'extra headings':<16}"
        + "".join(f"{tally[k, 'extra headings']:>20}" for k in kinds)
        + f"{extra:>14}"
    )


if __name__ == "__main__":
    main()
