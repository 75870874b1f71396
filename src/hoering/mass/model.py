"""A mass consultation's comparison: counts, campaigns, organisations and a sample of what
was said per topic — small, whatever the number of answers (the answers themselves stay in
the partitions until the matrix is written)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..messages import ntr, number, tr
from .summary import Summary


@dataclass(frozen=True)
class Edit:
    """One edited copy of a campaign's text: the words left out and the words put in."""

    text: str
    removed: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class Campaign:
    """Near-identical remarks from many respondents, shown once."""

    number: int
    text: str  # the representative's text (the copy most others are closest to)
    topic: str  # the topic most of its copies answer
    respondents: int
    private: int  # respondents without an organisation
    organisations: tuple[tuple[str, int], ...]  # the first by name, with their copies
    organisations_named: int  # how many organisations sent it (all, not only those named)
    stances: tuple[tuple[str, int], ...]
    identical: int  # copies word for word the text
    wordings: int  # distinct wordings (estimated for large campaigns)
    lowest_similarity: float  # how far the most edited copy is from the text (0-1)
    edits: tuple[Edit, ...]  # a few edited copies


@dataclass(frozen=True)
class Sample:
    text: str
    stance: str


@dataclass
class MassComparison:
    """The comparison of the answers in a hearing's form tables."""

    summary: Summary
    campaigns: tuple[Campaign, ...]
    samples: dict[str, tuple[Sample, ...]]  # topic id → distinct remarks outside campaigns
    files: tuple[str, ...]  # the table files read
    partitions: int
    warnings: list[str] = field(default_factory=list)
    matrix: Any = None  # a .engine.MatrixSource: the matrix, partition by partition

    @property
    def campaign_remarks(self) -> int:
        return sum(c.respondents for c in self.campaigns)

    def outline(self) -> list[str]:
        """What the run found, in a few lines for the terminal."""
        s = self.summary
        lines = [
            tr(
                "{answers} from {files} ({partitions}): {remarks}, {campaigns} holding {held}, "
                "{organisations}",
                answers=ntr("{n} answer", "{n} answers", s.answers),
                files=", ".join(self.files),
                partitions=ntr("{n} partition", "{n} partitions", self.partitions),
                remarks=ntr("{n} remark", "{n} remarks", s.remarks),
                campaigns=ntr("{n} campaign", "{n} campaigns", len(self.campaigns)),
                held=number(self.campaign_remarks),
                organisations=ntr("{n} organisation", "{n} organisations", s.organisations_named),
            )
        ]
        return lines

    def unread(self, shown: int = 10) -> list[str]:
        """A warning for each of the first ``shown`` rows that could not be read, and one
        for how many more there are."""
        s = self.summary
        lines = [tr("{error} (the row is not counted)", error=e) for e in s.errors[:shown]]
        if s.bad_rows > shown:
            lines.append(
                ntr(
                    "… and {count} more row could not be read (the working copy of the "
                    "høringsnotat, --draft, lists the first)",
                    "… and {count} more rows could not be read (the working copy of the "
                    "høringsnotat, --draft, lists the first)",
                    s.bad_rows - shown,
                    count=s.bad_rows - shown,
                )
            )
        return lines

    def matrix_chunks(self) -> Iterator[Any]:
        """The matrix as pyarrow tables, one per partition, in the files' order."""
        if self.matrix is None:
            return iter(())
        chunks: Iterator[Any] = self.matrix.chunks()
        return chunks
