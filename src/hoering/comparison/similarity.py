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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..campaigns import NUM_PERM, digest, groups_of_prints, signatures, words
from .quotes import sentences

MIN_WORDS = 8
COMMON = 25

# (respondent, text) of every remark → the other respondents sharing each one's sentences
Similarity = Callable[[list[tuple[str, str]]], list[tuple[str, ...]]]


@dataclass(frozen=True)
class Prints:
    """What comparing a remark's wording needs of it, made where it is read (a reader
    process) so the text is not cut and signed again: for each of its sentences of
    ``MIN_WORDS`` words or more, a digest of its words and its MinHash signature."""

    digests: np.ndarray  # (sentences,) uint64
    signatures: np.ndarray  # (sentences, NUM_PERM) uint32


def prints(text: str) -> Prints:
    """The :class:`Prints` of a remark's text."""
    found = [w for w in map(words, sentences(text)) if len(w) >= MIN_WORDS]
    digests = np.array([digest(w) for w in found], dtype=np.uint64)
    return Prints(digests, signatures(found))


def shared_respondents(remarks: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """For each (respondent, text), the other respondents who wrote one of its sentences."""
    return shared_by_prints([name for name, _ in remarks], [prints(text) for _, text in remarks])


def shared_by_prints(names: Sequence[str], found: Sequence[Prints]) -> list[tuple[str, ...]]:
    """For each remark (its respondent's name and its :class:`Prints`), the other
    respondents who wrote one of its sentences. Only the remark each sentence came from is
    kept beside the prints (8 bytes a sentence)."""
    owners = np.repeat(np.arange(len(found)), [len(p.digests) for p in found])
    groups = groups_of_prints(
        np.concatenate([p.digests for p in found] or [np.zeros(0, np.uint64)]),
        np.concatenate([p.signatures for p in found] or [np.zeros((0, NUM_PERM), np.uint32)]),
    )
    everyone = len(set(names))
    stock = max(COMMON, everyone // 2)
    others: list[set[str]] = [set() for _ in names]
    for group in groups:
        members = set(owners[group].tolist())
        writers = {names[m] for m in members}
        if not 1 < len(writers) <= stock:
            continue
        for member in members:
            others[member] |= writers - {names[member]}
    return [tuple(sorted(o)) for o in others]
