"""The guessed fields of an imported source (sender, date, signatory, recipient) judged
against a key: right, wrong or abstained, with the confidence import wrote; and the
calibration table that says whether a confidence means what it says.

What import wrote is read from the source's front matter as written (not through the
validated model, so that a source whose field was left empty still counts):

sender      ``sender:``                          confidence: ``guessed.sender.confidence``
date        ``date:`` (ISO)                      ``guessed.date.confidence``
signatory   ``signature.signatories[].name``     ``guessed.signatory.confidence``
recipient   ``recipient:`` (a list of lines)     ``guessed.recipient.confidence``

A field is **abstained** when its value is missing, null, empty (or an empty list), or its
``guessed:`` entry says ``unknown: true`` / ``abstained: true``. Judging:

- the key has a value: right when the written value matches it, wrong when another value was
  written, abstained when nothing was written;
- the key says there is none (null, no signatory, no recipient): right only when nothing was
  written; a written value is a wrong guess (an invented date, a signatory of an unsigned
  letter).

Only written values are guesses: the calibration table counts them, per bucket of confidence,
with the share that was right. "wrong at ≥ 0.8: k of n" is the issue's headline (at most 1 in
20). A guess written without a confidence falls in the bucket "none".
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIELDS = ("sender", "date", "signatory", "recipient")
STATES = ("right", "wrong", "abstained")
BUCKETS = [(0.0, 0.5, "<0.5"), (0.5, 0.8, "0.5-0.8"), (0.8, 0.9, "0.8-0.9"), (0.9, 1.01, "0.9-1.0")]
SURE = 0.8  # "a guess at >= 0.8 is right at least 19 times in 20"
UNKNOWN_MARKS = ("unknown", "abstained")


@dataclass
class Written:
    """What import wrote for one field: ``value`` None when it abstained."""

    value: Any
    confidence: float | None


def normal(text: object) -> str:
    """Text compared as a person reads it: NFKC, case and spacing folded, soft hyphens and
    surrounding punctuation dropped."""
    folded = unicodedata.normalize("NFKC", str(text)).replace("\u00ad", "").casefold()
    return " ".join(folded.split()).strip(" .,;:")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _confidence(guessed: Any, key: str) -> tuple[float | None, bool]:
    """(confidence, marked unknown) of ``guessed[key]``."""
    entry = guessed.get(key) if isinstance(guessed, dict) else None
    if not isinstance(entry, dict):
        return None, False
    unknown = any(entry.get(mark) is True for mark in UNKNOWN_MARKS)
    number = entry.get("confidence")
    number = float(number) if isinstance(number, int | float) else None
    return number, unknown


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def written_fields(metadata: Any) -> dict[str, Written]:
    """The four guessed fields as written in a source's front matter (a mapping)."""
    meta = metadata if isinstance(metadata, dict) else {}
    signature = meta.get("signature") if isinstance(meta.get("signature"), dict) else {}
    people = signature.get("signatories") or []
    names = [p.get("name") for p in people if isinstance(p, dict) and p.get("name")]
    recipient = meta.get("recipient")
    values = {
        "sender": meta.get("sender"),
        "date": _iso(meta.get("date")),
        "signatory": names,
        "recipient": recipient[0] if isinstance(recipient, list) and recipient else recipient,
    }
    guessed = meta.get("guessed")
    fields = {}
    for key, value in values.items():
        confidence, unknown = _confidence(guessed, key)
        fields[key] = Written(None if unknown or _empty(value) else value, confidence)
    return fields


def judge(expected: Any, written: Written, same) -> str:
    """right, wrong or abstained; ``expected`` None/empty means the key says there is none;
    ``same(expected, value)`` says whether a written value matches."""
    if _empty(expected):
        return "right" if written.value is None else "wrong"
    if written.value is None:
        return "abstained"
    return "right" if same(expected, written.value) else "wrong"


@dataclass
class Outcome:
    field: str
    group: str
    state: str
    confidence: float | None
    guessed: bool  # a value was written (an abstention is not a guess)
    invented: bool = False  # written where the key says there is none


class Judged:
    """Every field outcome of a run, for the right/wrong/abstained table and calibration."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []

    def add(
        self, field: str, group: str, state: str, written: Written, expected: Any = "?"
    ) -> None:
        guessed = written.value is not None
        invented = guessed and _empty(expected)
        self.outcomes.append(Outcome(field, group, state, written.confidence, guessed, invented))

    def invented(self, field: str) -> int:
        """Values written where the key says there is none (a date made up)."""
        return sum(o.invented for o in self.outcomes if o.field == field)

    def share_right(self, field: str) -> float | None:
        states = [o.state for o in self.outcomes if o.field == field]
        return states.count("right") / len(states) if states else None

    def counts(self, field: str) -> dict[str, Counter]:
        """group → Counter(state); also "all"."""
        per: dict[str, Counter] = defaultdict(Counter)
        for o in self.outcomes:
            if o.field == field:
                per[o.group][o.state] += 1
                per["all"][o.state] += 1
        return per

    def calibration(self, field: str) -> list[tuple[str, int, int]]:
        """(bucket, guesses, right) for the written values of ``field``."""
        rows = []
        guesses = [o for o in self.outcomes if o.field == field and o.guessed]
        for low, high, label in BUCKETS:
            inside = [o for o in guesses if o.confidence is not None and low <= o.confidence < high]
            rows.append((label, len(inside), sum(o.state == "right" for o in inside)))
        loose = [o for o in guesses if o.confidence is None]
        if loose:
            rows.append(("none", len(loose), sum(o.state == "right" for o in loose)))
        return rows

    def sure_wrong(self, field: str) -> tuple[int, int]:
        """(wrong, guesses) among the guesses at confidence >= SURE."""
        sure = [
            o
            for o in self.outcomes
            if o.field == field and o.guessed and o.confidence is not None
            if o.confidence >= SURE
        ]
        return sum(o.state == "wrong" for o in sure), len(sure)

    def as_json(self) -> dict:
        return {
            field: {
                "counts": {g: dict(c) for g, c in self.counts(field).items()},
                "calibration": [
                    {"bucket": b, "guesses": n, "right": r} for b, n, r in self.calibration(field)
                ],
                "wrong_at_0.8": dict(zip(("wrong", "of"), self.sure_wrong(field), strict=True)),
            }
            for field in FIELDS
            if any(o.field == field for o in self.outcomes)
        }


def rwa_cell(counts: Counter) -> str:
    """'95% 38/1/1': share right, then right/wrong/abstained."""
    total = sum(counts[s] for s in STATES)
    if not total:
        return "-"
    right, wrong, abstained = (counts[s] for s in STATES)
    return f"{100 * right / total:.0f}% {right}/{wrong}/{abstained}"


def print_fields(judged: Judged, groups: list[str], width: int = 15) -> None:
    """Per field and group: share right, right/wrong/abstained."""
    print(f"{'right/wrong/abst.':<18}" + "".join(f"{g:>{width}}" for g in [*groups, "all"]))
    for field in FIELDS:
        per = judged.counts(field)
        if not per:
            continue
        cells = [rwa_cell(per.get(g, Counter())) for g in [*groups, "all"]]
        print(f"{field:<18}" + "".join(f"{c:>{width}}" for c in cells))


def print_calibration(judged: Judged) -> None:
    """Confidence bucket → guesses and share right, per field; and the headline."""
    fields = [f for f in FIELDS if any(o.field == f and o.guessed for o in judged.outcomes)]
    if not fields:
        print("calibration: no guesses")
        return
    labels = [label for _, _, label in BUCKETS]
    if any(label == "none" for f in fields for label, _, _ in judged.calibration(f)):
        labels.append("none")
    print("calibration (guesses, share right)" + "".join(f"{b:>14}" for b in labels))
    for field in fields:
        rows = {label: (count, right) for label, count, right in judged.calibration(field)}
        cells = [_share(*rows.get(b, (0, 0))) for b in labels]
        wrong, sure = judged.sure_wrong(field)
        print(
            f"{field:<34}"
            + "".join(f"{c:>14}" for c in cells)
            + f"   wrong at >= {SURE}: {wrong} of {sure}"
        )


def _share(count: int, right: int) -> str:
    return f"{count:>3} {100 * right / count:>3.0f}%" if count else "-"


def ledger_count(imported: Any, metadata: Any) -> int | None:
    """Words import could not account for in one file, if the import exposes the count
    (the word ledger, issue 19): on the import report's entry or in the front matter."""
    for name in ("unaccounted_words", "unaccounted"):
        value = getattr(imported, name, None)
        if value is None:
            value = getattr(getattr(imported, "ledger", None), name, None)
        number = _count(value)
        if number is not None:
            return number
    ledger = metadata.get("ledger") if isinstance(metadata, dict) else None
    if isinstance(ledger, dict):
        for name in ("unaccounted_words", "unaccounted"):
            number = _count(ledger.get(name))
            if number is not None:
                return number
    return None


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    try:
        return len(value)
    except TypeError:
        return None


class Ledger:
    """Unaccounted words per group, over the files whose import exposed a count."""

    def __init__(self) -> None:
        self.words: Counter = Counter()
        self.files: Counter = Counter()  # files with a count
        self.dirty: Counter = Counter()  # files with words unaccounted for

    def add(self, group: str, count: int | None) -> None:
        if count is None:
            return
        for g in (group, "all"):
            self.words[g] += count
            self.files[g] += 1
            self.dirty[g] += int(count > 0)

    def line(self, total_files: int) -> str:
        if not self.files["all"]:
            return "ledger: not available"
        return (
            f"ledger: {self.words['all']} unaccounted words in {self.dirty['all']} of "
            f"{self.files['all']} files (of {total_files} imported)"
        )


def read_front_matter(path: Path) -> Any:
    """The front matter of a written source as a mapping (ruamel), or {} if unreadable."""
    from hoering.sources.frontmatter import read_source

    try:
        return read_source(path).metadata or {}
    except Exception:  # an unreadable source is scored as abstaining, the run goes on
        return {}
