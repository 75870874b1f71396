"""The comparison of a hearing's responses: the model every output is made from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import HoeringError
from ..hearing import Hearing, Topic
from ..model import nodes as n
from ..model.stances import ORDER
from .remarks import Answer, AuthorityRemarks


@dataclass(frozen=True)
class Remark:
    """One section of one response: what a respondent said under one heading."""

    respondent: str
    topic: str | None  # a topic id of the hearing, or None (matches no topic)
    stance: str  # positive, concern, proposal, or "none"
    heading: str  # as written; "" for the text before the first heading
    text: str  # the section's plain text
    quote: str  # a short quote from it
    path: Path
    line: int | None
    guessed: bool = False  # topic/stance guessed by import, not yet confirmed
    shared_with: tuple[str, ...] = ()  # respondents who wrote the same sentences
    date: dt.date | None = None  # the date of the response it is in
    blocks: tuple[n.Block, ...] = field(default=(), repr=False)  # the section as written

    @property
    def source(self) -> str:
        """Where the remark comes from: "responses/ishoj.md, 'Udskrivningsmentor'"."""
        where = f"{self.path.parent.name}/{self.path.name}"
        return f"{where}, '{self.heading}'" if self.heading else where


@dataclass(frozen=True)
class Respondent:
    name: str
    date: dt.date | None  # the latest response's date; None when no date is known
    files: tuple[Path, ...]
    consulted: bool  # one of the parties the hearing was sent to
    late: bool  # arrived after the deadline
    imported: bool  # read from a received PDF/DOCX
    received: tuple[Path, ...] = ()  # the originals of imported responses
    dates: tuple[dt.date, ...] = ()  # every response's date, oldest first
    no_remarks: bool = False  # answered only that it has no remarks
    date_guessed: bool = False  # a date was guessed by import and not yet confirmed

    @property
    def answered_twice(self) -> bool:
        return len(self.files) > 1


@dataclass(frozen=True)
class TopicRemarks:
    topic: Topic
    remarks: tuple[Remark, ...]
    authority: tuple[n.Block, ...] = ()  # the authority's comment on the topic (remarks.md)
    answers: dict[str, Answer] = field(default_factory=dict)  # respondent → answer

    def count(self, stance: str) -> int:
        return sum(1 for r in self.remarks if r.stance == stance)

    @property
    def total(self) -> int:
        """ "I alt": the remarks on the topic (one respondent may make several)."""
        return len(self.remarks)

    def by_stance(self) -> list[tuple[str, tuple[Remark, ...]]]:
        groups = [(s, tuple(r for r in self.remarks if r.stance == s)) for s in ORDER]
        return [(stance, remarks) for stance, remarks in groups if remarks]

    @property
    def respondents(self) -> set[str]:
        return {r.respondent for r in self.remarks}


@dataclass(frozen=True)
class LeftOut:
    """A response the project refuses to read (over a limit, a broken table, a metadata
    error): left out of the comparison as build leaves it out, with the error build gives."""

    path: Path
    error: HoeringError


@dataclass(frozen=True)
class Comparison:
    hearing: Hearing
    respondents: tuple[Respondent, ...]
    not_answered: tuple[str, ...]  # consulted parties with no response
    topics: tuple[TopicRemarks, ...]
    unmatched: tuple[Remark, ...]  # remarks that match no topic: nothing said is lost
    warnings: list[str] = field(default_factory=list)
    mass: Any = None  # a hoering.mass.model.MassComparison: the answers in form tables
    authority: AuthorityRemarks = field(default_factory=AuthorityRemarks)
    left_out: tuple[LeftOut, ...] = ()  # responses that could not be read, in file order
    # every name a respondent may be called by in remarks.md, casefolded → the respondent
    names: dict[str, str] = field(default_factory=dict)

    @property
    def general_answers(self) -> dict[str, Answer]:
        return self.authority.answers.get(None, {})

    @property
    def general_comment(self) -> tuple[n.Block, ...]:
        return self.authority.comments.get(None, ())

    def stances_of(self, respondent: str, topic: str) -> tuple[str, ...]:
        """Every stance the respondent took on a topic, in the order of the stances' ORDER
        (two responses, or two sections, may take different ones); () : said nothing."""
        return self.matrix.get(respondent, {}).get(topic, ())

    @property
    def matrix(self) -> dict[str, dict[str, tuple[str, ...]]]:
        if "_matrix" not in self.__dict__:
            stances: dict[str, dict[str, set[str]]] = {}
            for entry in self.topics:
                for remark in entry.remarks:
                    stances.setdefault(remark.respondent, {}).setdefault(entry.topic.id, set()).add(
                        remark.stance
                    )
            order = ORDER
            object.__setattr__(
                self,
                "_matrix",
                {
                    who: {
                        topic: tuple(s for s in order if s in found)
                        for topic, found in topics.items()
                    }
                    for who, topics in stances.items()
                },
            )
        matrix: dict[str, dict[str, tuple[str, ...]]] = self.__dict__["_matrix"]
        return matrix
