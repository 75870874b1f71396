"""Every number the høringsnotat and its files print, counted once.

Letters (responses/*.md) and a web form's answers (hoering.mass) are respondents of the same
hearing. Section 1's counts, each topic's counts, Bilag 1's table, the chart and matrix.csv /
matrix.xlsx all read the one :class:`Tally` of a comparison (:func:`tally_of`), so no two
of them can disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model.stances import ORDER
from .model import Comparison


@dataclass(frozen=True)
class TopicTally:
    """One topic's remarks: per stance (in the stances' ORDER) from the letters and from the web
    form, and how many respondents made them."""

    topic: str  # the topic's id
    letters: tuple[int, ...]  # remarks per stance in letters
    form: tuple[int, ...]  # remarks per stance in the web form's answers
    letter_respondents: int  # respondents whose letters say something on the topic
    form_answers: int  # form answers with a remark on the topic
    in_campaigns: int  # of the form's remarks, those in a campaign

    def count(self, stance: str) -> int:
        """Remarks with ``stance``, letters and web form together."""
        index = ORDER.index(stance)
        return self.letters[index] + self.form[index]

    @property
    def total(self) -> int:
        return sum(self.letters) + sum(self.form)

    @property
    def letter_total(self) -> int:
        return sum(self.letters)

    @property
    def form_total(self) -> int:
        return sum(self.form)

    @property
    def respondents(self) -> int:
        """Respondents (letters' senders and form answers) who said something on it."""
        return self.letter_respondents + self.form_answers


@dataclass(frozen=True)
class Tally:
    """The hearing's numbers. ``letters``: respondents who sent a letter (one respondent
    sending two counts once); ``form_answers``: answers read from the web form."""

    consulted: int  # parties the draft was sent to
    letters: int
    from_consulted: int  # letters' respondents who are consulted parties
    no_remarks: int  # letters' respondents who said they have no remarks
    late: int  # letters' respondents with a response after the deadline
    form_answers: int
    form_late: int
    form_organisations: int  # organisations that answered through the form
    bad_rows: int  # form rows that could not be read (not counted anywhere else)
    topics: tuple[TopicTally, ...]
    general: tuple[int, ...]  # remarks outside the topics per stance (letters only)

    @property
    def respondents(self) -> int:
        return self.letters + self.form_answers

    @property
    def has_form(self) -> bool:
        return self.form_answers > 0 or self.bad_rows > 0

    def topic(self, topic_id: str) -> TopicTally:
        return next(t for t in self.topics if t.topic == topic_id)

    def general_count(self, stance: str) -> int:
        return self.general[ORDER.index(stance)]

    @property
    def general_total(self) -> int:
        return sum(self.general)


def tally_of(comparison: Comparison) -> Tally:
    """The comparison's numbers, counted the first time they are asked for and kept with
    it (a comparison does not change once made)."""
    kept = comparison.__dict__.get("_tally")
    if kept is None:
        kept = _counted(comparison)
        object.__setattr__(comparison, "_tally", kept)
    assert isinstance(kept, Tally)
    return kept


def _counted(comparison: Comparison) -> Tally:
    respondents = comparison.respondents
    summary = comparison.mass.summary if comparison.mass is not None else None
    in_campaigns = _in_campaigns(comparison.mass)
    topics = tuple(
        TopicTally(
            entry.topic.id,
            tuple(entry.count(s) for s in ORDER),
            _form_counts(summary, entry.topic.id),
            len(entry.respondents),
            summary.answered.get(entry.topic.id, 0) if summary is not None else 0,
            in_campaigns.get(entry.topic.id, 0),
        )
        for entry in comparison.topics
    )
    general = comparison.unmatched
    return Tally(
        consulted=len(comparison.hearing.meta.consulted),
        letters=len(respondents),
        from_consulted=sum(1 for r in respondents if r.consulted),
        no_remarks=sum(1 for r in respondents if r.no_remarks),
        late=sum(1 for r in respondents if r.late),
        form_answers=summary.answers if summary is not None else 0,
        form_late=summary.late if summary is not None else 0,
        form_organisations=summary.organisations_named if summary is not None else 0,
        bad_rows=summary.bad_rows if summary is not None else 0,
        topics=topics,
        general=tuple(sum(1 for r in general if r.stance == s) for s in ORDER),
    )


def _form_counts(summary: Any, topic: str) -> tuple[int, ...]:
    if summary is None:
        return (0,) * len(ORDER)
    counts: Mapping[str, int] = summary.counts.get(topic, {})
    return tuple(counts.get(s, 0) for s in ORDER)


def _in_campaigns(mass: Any) -> dict[str, int]:
    found: dict[str, int] = {}
    for campaign in mass.campaigns if mass is not None else ():
        found[campaign.topic] = found.get(campaign.topic, 0) + campaign.respondents
    return found
