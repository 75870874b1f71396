"""The calibration of import's sender and date guesses: the raw evidence score of every guess
(``Guessed.score``), grouped into the bands of ``hoering.imports.calibration.BANDS``, with
how many in each band were right; and the confidences as written, in buckets, with the
share right. Run it on the tune half to measure the table that calibration.py holds, and on
the test half and the unseen letters to see whether it holds there (import_accuracy.py
judges ../shared/realdocs, with the confidences as written).

Each letter is imported with ``hoering.import_files`` into a temporary copy of the corpus
hearing (the files one sender sent together in one call). A field written as unknown is
"abstained".

Run:  python benchmarks/calibrate_guesses.py [--split tune|test|unseen|all]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "benchmarks")]
from import_accuracy import CORPUS, groups  # noqa: E402

FIELDS = ("sender", "date", "signatory", "recipient")
BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def corpus_letters(split: str) -> list[tuple[Path, dict, str | None]]:
    """(file, its key, its import group) of the corpus letters of ``split``."""
    key = json.loads((CORPUS / "key.json").read_text(encoding="utf-8"))
    entries = [e for e in key["letters"] if split == "all" or e["split"] == split]
    return [
        (CORPUS / "files" / e["file"], _corpus_key(e), e["group"] or e["file"])
        for batch in groups(entries)
        for e in batch
    ]


def _corpus_key(entry: dict) -> dict:
    return {
        "sender": [entry["sender"]],
        "date": entry["date"],
        "signatory": [entry["signatory"]] if entry["signatory"] else [],
        "recipient": entry["recipient"][:1],
        "web form": "web-form-printout" in entry["features"],
    }


def same_name(got: str, names: list[str]) -> bool:
    """Equal after case and spacing."""
    return any(" ".join(got.casefold().split()) == " ".join(n.casefold().split()) for n in names)


def imported(letters) -> list[tuple[dict, dict[str, object]]]:
    """(key, {field: Guessed}) per letter; a letter that does not import is left out."""
    import hoering

    config = hoering.load_config(REPO)
    results = []
    together: dict[str | None, list] = defaultdict(list)
    for path, key, group in letters:
        together[group or str(path)].append((path, key))
    with tempfile.TemporaryDirectory() as folder:
        hearing = Path(folder) / "hearing"
        for batch in together.values():
            shutil.rmtree(hearing, ignore_errors=True)
            shutil.copytree(CORPUS / "hearing", hearing)
            report = hoering.import_files([p for p, _ in batch], hearing, config=config)
            by_name = {i.original.name: i for i in report.imported}
            for path, key in batch:
                if path.name in by_name:
                    guessed = {g.key: g for g in by_name[path.name].guessed}
                    results.append((key, guessed))
    return results


def verdict(field: str, key: dict, guess) -> str:
    """ "right", "wrong", "abstained" (written unknown) or "none" (no guess, none wanted)."""
    want = key[field]
    if guess is None or getattr(guess, "unknown", False):
        if want is None:  # the key says none can be known: writing nothing is right
            return "right"
        return "none" if not want else "abstained"
    if field == "date":
        return "right" if guess.value == want else "wrong"
    if field == "recipient" and from_mail_header(guess):
        return "none"  # a mail's To line: the key lists address blocks only
    written = guess.value.split(" / ")[0] if field == "recipient" else guess.value
    return "right" if want and same_name(written, want) else "wrong"


def report(results, field: str) -> None:
    from hoering.imports.calibration import BANDS

    counts: dict[str, int] = defaultdict(int)
    bands = {low: [0, 0] for low, _, _ in BANDS.get(field, ())}
    buckets = {low: [0, 0] for low in BUCKETS}
    for key, guessed in results:
        guess = guessed.get(field)
        outcome = verdict(field, key, guess)
        counts[outcome] += 1
        if outcome not in ("right", "wrong") or guess is None or getattr(guess, "unknown", False):
            continue
        ok = int(outcome == "right")
        own_band = from_form(key, guess) or from_mail_header(guess)
        if getattr(guess, "score", None) is not None and bands and not own_band:
            low = max(b for b in bands if guess.score >= b)
            bands[low][0] += ok
            bands[low][1] += 1
        bucket = max(b for b in BUCKETS if guess.confidence >= b)
        buckets[bucket][0] += ok
        buckets[bucket][1] += 1
    total = sum(counts[k] for k in ("right", "wrong", "abstained"))
    print(
        f"{field:<10} right {counts['right']}/{total}, wrong {counts['wrong']}, "
        f"abstained {counts['abstained']}"
    )
    if bands:
        table = ", ".join(f"({low}, {r}, {n})" for low, (r, n) in bands.items())
        print(f"  raw score bands (low, right, of): {table}")
    for low, (right, of) in buckets.items():
        if of:
            print(f"  confidence >= {low:.2f}: {right}/{of} right ({100 * right / of:.0f}%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["tune", "test", "unseen", "all"], default="tune")
    args = parser.parse_args()
    letters = corpus_letters(args.split)
    results = imported(letters)
    print(f"{args.split}: {len(results)} of {len(letters)} letters imported")
    for field in FIELDS:
        report(results, field)
    web_form(results)
    mail_header(results)


def from_form(key: dict, guess) -> bool:
    """Whether ``guess`` was read from a printed web form's label (its own band)."""
    from hoering.imports.webform import FORM_FIELD

    return key["web form"] and getattr(guess, "score", None) == FORM_FIELD


def from_mail_header(guess) -> bool:
    """Whether ``guess`` was read from a mail's header (calibration's "e-mail …" bands)."""
    from hoering.imports.email import MAIL_HEADER

    return getattr(guess, "score", None) == MAIL_HEADER


def mail_header(results) -> None:
    """The fields read from mails' headers, a band per field, as calibration lists them."""
    for field in ("date", "recipient", "signatory"):
        tally = [
            verdict(field, key, g[field]) for key, g in results if from_mail_header(g.get(field))
        ]
        right, wrong = tally.count("right"), tally.count("wrong")
        print(
            f"e-mail {field:<10} read from the header: {right} right of {right + wrong}"
            f" (not in the key: {len(tally) - right - wrong})"
        )


def web_form(results) -> None:
    """The fields read from printed web forms' labels, as one band (calibration's "web form")."""
    right = of = 0
    for key, guessed in results:
        for field in ("sender", "date", "signatory"):
            guess = guessed.get(field)
            if from_form(key, guess):
                right += verdict(field, key, guess) == "right"
                of += 1
    print(f"web form   fields read from the labels: {right} right of {of}")


if __name__ == "__main__":
    main()
