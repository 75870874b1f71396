"""What a mass consultation's answers add up to: counts that merge (one per partition, added
up a few at a time where the partitions are), then :meth:`Summary.bounded` for the client,
whose memory then does not grow with the number of answers: the organisations are sent by
name only as many as the notat lists, and counted."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import reduce

from ..forms import FormRow

ERRORS_KEPT = 50  # bad rows named one by one; the rest are counted
ORGANISATIONS_KEPT = 200  # organisations sent to the client by name (the first by name)


@dataclass
class Summary:
    answers: int = 0
    anonymous: int = 0  # no name given
    private: int = 0  # no organisation: a private respondent
    late: int = 0  # answered after the deadline
    blank: int = 0  # answered no question
    organisations: Counter[str] = field(default_factory=Counter)  # name → answers
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # topic → stance → remarks
    first: dt.date | None = None
    last: dt.date | None = None
    errors: list[str] = field(default_factory=list)  # the first ERRORS_KEPT bad rows
    bad_rows: int = 0
    answered: Counter[str] = field(default_factory=Counter)  # topic → answers with a remark on it
    named: int | None = None  # organisations in all, once only the first are kept by name

    @property
    def organisations_named(self) -> int:
        """How many organisations answered (not only those ``organisations`` holds)."""
        return len(self.organisations) if self.named is None else self.named

    def bounded(self) -> Summary:
        """This summary as the client gets it: the first ORGANISATIONS_KEPT organisations
        by name (each with its answers) and how many there are in all; the others are in
        the matrix. (Merge summaries before, never after.)"""
        first = sorted(self.organisations, key=by_name)[:ORGANISATIONS_KEPT]
        kept = Counter({name: self.organisations[name] for name in first})
        return replace(self, organisations=kept, named=self.organisations_named)

    @classmethod
    def empty(cls, topics: tuple[str, ...]) -> Summary:
        return cls(counts={topic: Counter() for topic in topics})

    def add_answer(self, row: FormRow, late: bool) -> None:
        self.answers += 1
        self.anonymous += not row.respondent
        self.late += late
        self.blank += not row.cells
        self.answered.update({topic for topic, _text in row.cells})
        if row.organisation:
            self.organisations[row.organisation] += 1
        else:
            self.private += 1
        self.first = row.date if self.first is None else min(self.first, row.date)
        self.last = row.date if self.last is None else max(self.last, row.date)

    def add_remark(self, topic: str, stance: str) -> None:
        self.counts[topic][stance] += 1

    def add_error(self, message: str) -> None:
        self.bad_rows += 1
        if len(self.errors) < ERRORS_KEPT:
            self.errors.append(message)

    def merge(self, other: Summary) -> Summary:
        """This summary and ``other`` added up (partitions merged in their order)."""
        merged = Summary(
            self.answers + other.answers,
            self.anonymous + other.anonymous,
            self.private + other.private,
            self.late + other.late,
            self.blank + other.blank,
            self.organisations + other.organisations,
            {
                t: self.counts.get(t, Counter()) + other.counts.get(t, Counter())
                for t in {**self.counts, **other.counts}
            },
            min(d for d in (self.first, other.first) if d) if self.first or other.first else None,
            max(d for d in (self.last, other.last) if d) if self.last or other.last else None,
            (self.errors + other.errors)[:ERRORS_KEPT],
            self.bad_rows + other.bad_rows,
            self.answered + other.answered,
        )
        return merged

    @property
    def remarks(self) -> int:
        return sum(sum(c.values()) for c in self.counts.values())


def by_name(name: str) -> tuple[str, str]:
    """The order organisations are listed in: by name, case aside (then as written)."""
    return name.casefold(), name


def merged(topics: tuple[str, ...], *summaries: Summary) -> Summary:
    """Summaries added up in their order (the empty summary of ``topics`` for none)."""
    return reduce(Summary.merge, summaries, Summary.empty(topics))
