"""Remarks several respondents share in near-identical words (text copied from a joint
response, say): found sentence by sentence, so the finding can be shown and checked.

Sentences of 8 words or more are grouped when near-identical, by the same mechanism that
finds campaigns in a mass consultation (:mod:`hoering.campaigns`: MinHash signatures, LSH
candidates, a similarity check in each group), so a sentence with a word changed still counts
as shared. A group of sentences from two or more respondents marks their remarks as shared. A
sentence written by more than ``COMMON`` respondents and by more than half of them is a stock
phrase ("Kommunen takker for muligheden for at afgive høringssvar …"), not a shared remark;
below that, text many respondents share (a campaign, a joint response) is what the notat must
show.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator

from ..campaigns import near_duplicate_groups
from .quotes import sentences

MIN_WORDS = 8
COMMON = 25

# (respondent, text) of every remark → the other respondents sharing each one's sentences
Similarity = Callable[[list[tuple[str, str]]], list[tuple[str, ...]]]


def shared_respondents(remarks: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """For each (respondent, text), the other respondents who wrote one of its sentences.
    The sentences are cut as they are signed; only the remark each came from is kept (an
    index, 8 bytes a sentence)."""
    owners = array("q")

    def every_sentence() -> Iterator[str]:
        for index, (_, text) in enumerate(remarks):
            for sentence in sentences(text):
                owners.append(index)
                yield sentence

    everyone = len({respondent for respondent, _ in remarks})
    stock = max(COMMON, everyone // 2)
    others: list[set[str]] = [set() for _ in remarks]
    for group in near_duplicate_groups(every_sentence(), MIN_WORDS):
        members = {owners[i] for i in group}
        writers = {remarks[m][0] for m in members}
        if not 1 < len(writers) <= stock:
            continue
        for member in members:
            others[member] |= writers - {remarks[member][0]}
    return [tuple(sorted(o)) for o in others]
