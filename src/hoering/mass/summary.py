"""What a mass consultation's answers add up to: counts that merge (one per partition, summed
on the client), so the client's memory does not grow with the number of answers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..forms import FormRow

ERRORS_KEPT = 50  # bad rows named one by one; the rest are counted


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
