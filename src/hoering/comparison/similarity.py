"""Remarks several respondents share in near-identical words (text copied from a joint
response, say): found sentence by sentence, so the finding can be shown and checked.

Each sentence of 8 words or more is normalised (lower case, letters and digits only, one
space) and hashed; a sentence that occurs in remarks of two or more respondents marks those
remarks as shared. One pass over all sentences: linear in the size of the input. A sentence
written by more than ``COMMON`` respondents and by more than half of them is a stock phrase
("Kommunen takker for muligheden for at afgive høringssvar …"), not a shared remark; below
that, text many respondents share (a campaign, a joint response) is what the notat must show.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .quotes import sentences

MIN_WORDS = 8
COMMON = 25
WORD = re.compile(r"[0-9a-zæøåéü]+")


def normalised(sentence: str) -> str | None:
    words = WORD.findall(sentence.lower())
    return " ".join(words) if len(words) >= MIN_WORDS else None


def shared_respondents(remarks: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    """For each (respondent, text), the other respondents who wrote one of its sentences."""
    keys: list[list[str]] = []
    writers: dict[str, set[str]] = defaultdict(set)
    for respondent, text in remarks:
        found = [k for k in (normalised(s) for s in sentences(text)) if k]
        keys.append(found)
        for key in found:
            writers[key].add(respondent)
    everyone = len({respondent for respondent, _ in remarks})
    stock = max(COMMON, everyone // 2)
    shared = []
    for (respondent, _), found in zip(remarks, keys, strict=True):
        groups = [writers[k] for k in found if 1 < len(writers[k]) <= stock]
        others = set().union(*groups) - {respondent} if groups else set()
        shared.append(tuple(sorted(others)))
    return shared
