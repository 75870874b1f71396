"""The campaigns, made where the groups are: decided from the groups' sizes
(:func:`choose`), made from the chosen groups' parts merged a few partitions at a time
(:func:`merge_groups`, :func:`campaigns_of`); and on the client, the per-topic samples merged
into one sample per topic as they arrive. What reaches the client is bounded: the
campaigns, their numbers, a topic's few samples; never a group per chance pair."""

from __future__ import annotations

import copy
import difflib
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from .. import campaigns as mechanism
from .grouping import (
    COMMON,
    EXAMPLES,
    SAMPLE,
    Choice,
    GroupPart,
    Representatives,
    few_keys,
    smallest,
)
from .model import Campaign, Edit, Sample
from .summary import by_name

if TYPE_CHECKING:
    from datasketch import HyperLogLog

MIN_RESPONDENTS = 5  # fewer near-identical remarks than this are not shown as a campaign


CAMPAIGN_ORGANISATIONS = 20  # organisations named per campaign; all are counted
WORDINGS_KEPT = 4 * COMMON  # most used wordings a campaign keeps while its parts are merged


def choose(
    reps: Representatives, min_campaign: int, *sizes: tuple[np.ndarray, np.ndarray]
) -> Choice:
    """Run where the groups' sizes are (a worker): every group's total, the near-identical
    groups joined, and only the campaigns' labels sent on (there are as many groups as
    chance pairs of alike remarks: they grow with the answers, the campaigns do not)."""
    totals = group_totals(list(sizes))
    labels = np.array(sorted(totals), dtype=np.int64)
    totals, alias = join_similar(totals, labels, reps.sigs[labels])
    chosen = {label for label, total in totals.items() if total >= min_campaign}
    into = {label: keep for label, keep in alias.items() if keep in chosen}
    return Choice(frozenset(chosen | set(into)), into)


def campaigns_of(
    choice: Choice, min_campaign: int, *parts: dict[int, GroupPart]
) -> tuple[list[Campaign], dict[int, int]]:
    """Run where the chosen groups' parts are merged: the campaigns, and each campaign's
    number by group label (the joined groups' labels too)."""
    merged = fold(merge_groups(*parts), choice.alias)
    found, numbers = campaigns(merged, min_campaign)
    joined = choice.alias.items()
    numbers.update({label: numbers[kept] for label, kept in joined if kept in numbers})
    return found, numbers


def merge_groups(*parts: dict[int, GroupPart]) -> dict[int, GroupPart]:
    """The groups' parts of several partitions added up, in their order."""
    merged: dict[int, GroupPart] = {}
    for partition in parts:
        for label, part in partition.items():
            if label in merged:
                _add(merged[label], part)
            else:  # a copy: the parts given stay as they were (a worker may keep them)
                merged[label] = copy.deepcopy(part)
    return merged


def group_totals(sizes: list[tuple[np.ndarray, np.ndarray]]) -> dict[int, int]:
    """Members per group, all partitions added up (for the groups of two or more)."""
    labels = np.concatenate([np.zeros(0, np.int64), *(labels for labels, _ in sizes)])
    members = np.concatenate([np.zeros(0, np.int64), *(members for _, members in sizes)])
    if len(labels) == 0:
        return {}
    found, where = np.unique(labels, return_inverse=True)
    totals = np.bincount(where, weights=members).astype(np.int64)
    return {int(label): int(total) for label, total in zip(found, totals, strict=True) if total > 1}


def join_similar(
    totals: dict[int, int], labels: np.ndarray, sigs: np.ndarray
) -> tuple[dict[int, int], dict[int, int]]:
    """Groups whose representatives are near-identical join the largest of them (a
    campaign's copies can fall into more than one star): the new totals, and each joined
    label's new one."""
    joined = dict(totals)
    alias: dict[int, int] = {}
    for together in mechanism.similar_groups(labels.astype(np.uint64), sigs):
        keep = max(together, key=lambda label: (totals[label], -label))
        for label in together:
            if label != keep:
                joined[keep] += joined.pop(label)
                alias[label] = keep
    return joined, alias


def fold(parts: dict[int, GroupPart], alias: dict[int, int]) -> dict[int, GroupPart]:
    """The joined groups' parts added into the group they joined."""
    for label, keep in alias.items():
        if label in parts and keep in parts:
            _add(parts[keep], parts.pop(label))
    return parts


def _add(into: GroupPart, part: GroupPart) -> None:
    into.members += part.members
    into.private += part.private
    into.keys = few_keys(into.keys, part.keys)
    into.common += part.common
    into.common = Counter(
        dict(sorted(into.common.items(), key=lambda kv: (-kv[1], kv[0]))[:WORDINGS_KEPT])
    )
    texts = {**into.texts, **part.texts}
    into.texts = {key: texts[key] for key in into.common}
    into.organisations += part.organisations
    into.stances += part.stances
    into.topics += part.topics
    into.similarity = into.similarity + part.similarity
    if part.wordings is not None:
        into.wordings = (
            part.wordings if into.wordings is None else _union(into.wordings, part.wordings)
        )
    into.examples = smallest([*into.examples, *part.examples], EXAMPLES + 1)


def _union(first: HyperLogLog, second: HyperLogLog) -> HyperLogLog:
    first.merge(second)
    return first


def campaigns(
    groups: dict[int, GroupPart], min_respondents: int = MIN_RESPONDENTS
) -> tuple[list[Campaign], dict[int, int]]:
    """The groups large enough to be campaigns, largest first, numbered from 1; and each
    campaign's number by group label."""
    chosen = sorted(
        (label for label, part in groups.items() if part.members >= min_respondents),
        key=lambda label: (-groups[label].members, label),
    )
    found, numbers = [], {}
    for number, label in enumerate(chosen, start=1):
        found.append(_campaign(number, groups[label]))
        numbers[label] = number
    return found, numbers


def _campaign(number: int, part: GroupPart) -> Campaign:
    """The campaign shown with its most used wording (ties: the smallest text hash)."""
    key, identical = min(part.common.items(), key=lambda kv: (-kv[1], kv[0]))
    text = part.texts[key]
    bins = np.nonzero(part.similarity)[0]
    wordings = (
        len(part.keys)
        if part.keys is not None
        else round(part.wordings.count())
        if part.wordings is not None
        else 1
    )
    edits = tuple(_edit(text, example) for other, example in part.examples if other != key)[
        :EXAMPLES
    ]
    return Campaign(
        number,
        text,
        part.topics.most_common(1)[0][0],
        part.members,
        part.private,
        _first_by_name(part.organisations),
        len(part.organisations),
        tuple(sorted(part.stances.items(), key=lambda item: (-item[1], item[0]))),
        identical,
        max(1, min(int(wordings), part.members)),
        float(bins[0]) / 10 if len(bins) else 1.0,
        edits,
    )


def _first_by_name(organisations: Counter[str]) -> tuple[tuple[str, int], ...]:
    """The organisations a campaign names (the first CAMPAIGN_ORGANISATIONS by name)."""
    first = sorted(organisations, key=by_name)[:CAMPAIGN_ORGANISATIONS]
    return tuple((name, organisations[name]) for name in first)


def _edit(text: str, copy: str) -> Edit:
    """The words a copy leaves out of the campaign's text and the words it puts in."""
    original, edited = mechanism.words(text), mechanism.words(copy)
    removed: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=original, b=edited, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            removed.append(" ".join(original[a1:a2]))
        if op in ("replace", "insert"):
            added.append(" ".join(edited[b1:b2]))
    return Edit(copy, tuple(removed), tuple(added))


def samples(
    parts: Iterable[dict[int, list[tuple[int, str, str, int]]]],
    topics: tuple[str, ...],
    numbers: dict[int, int],
) -> dict[str, tuple[Sample, ...]]:
    """Per topic, SAMPLE distinct remarks outside the campaigns (the smallest text hashes),
    the partitions' samples merged as they come, SAMPLE kept per topic between them."""
    found: dict[int, list[tuple[int, str, str, int]]] = {}
    for partition in parts:
        for topic, items in partition.items():
            outside = [item for item in items if item[3] not in numbers]
            found[topic] = smallest([*found.get(topic, []), *outside], SAMPLE)
    return {
        topics[topic]: tuple(Sample(text, stance) for _key, text, stance, _label in items)
        for topic, items in sorted(found.items())
    }
