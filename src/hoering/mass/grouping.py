"""The stages after reading, each a function of picklable values, so a Dask worker or a
process pool can run it where its inputs are:

* ``shuffle_pieces`` (per partition): every signature's band keys, cut by key into ``parts``
  pieces — the all-to-all shuffle between workers;
* ``bucket_edges`` (per piece of the key space): links between remarks sharing a band key;
* ``campaigns.components`` (once): candidate groups and their representatives;
* ``representatives_in`` (per partition) and ``merge_representatives`` (once): the
  representatives' signatures, small, sent to every partition;
* ``verify`` (per partition): the similarity check; what each group holds here, and a sample
  of the other remarks per topic — sent to the client, merged by :mod:`.assemble`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from .. import campaigns
from .matrix import MatrixPart, matrix_part
from .partition import ID_BITS, PartitionData

if TYPE_CHECKING:
    from datasketch import HyperLogLog

SAMPLE = 8  # distinct remarks kept per topic (the smallest text hashes: the same everywhere)
EXAMPLES = 3  # edited copies kept per campaign
COMMON = 5  # most used wordings kept per group and partition
EXACT_WORDINGS = 256  # distinct wordings counted exactly up to this; estimated beyond
HISTOGRAM = 11  # similarity to the representative in tenths, 0.0 … 1.0
_LOW = np.uint64((1 << ID_BITS) - 1)
Item = TypeVar("Item", bound=tuple[Any, ...])  # a text hash first, then what it is of


def shuffle_pieces(data: PartitionData, parts: int) -> list[np.ndarray]:
    pairs = campaigns.key_pairs(data.ids, campaigns.band_keys(data.sigs))
    where = pairs[:, 0] % np.uint64(parts)
    return [pairs[where == part] for part in range(parts)]


def piece(pieces: list[np.ndarray], part: int) -> np.ndarray:
    return pieces[part]


def bucket_edges(*pieces: np.ndarray) -> np.ndarray:
    return campaigns.candidate_edges(
        np.concatenate(pieces) if pieces else np.zeros((0, 2), dtype=np.uint64)
    )


@dataclass(frozen=True)
class Representatives:
    """Per group label, the representative's signature (what the check compares with)."""

    labels: np.ndarray
    sigs: np.ndarray


def representatives_in(data: PartitionData, groups: campaigns.Groups) -> Representatives:
    reps = groups.representatives
    here = np.nonzero((reps >> np.uint64(ID_BITS)) == np.uint64(data.job.number))[0]
    rows = np.searchsorted(data.ids, reps[here])
    return Representatives(here, data.sigs[rows])


def merge_representatives(groups: campaigns.Groups, *parts: Representatives) -> Representatives:
    count = len(groups.representatives)
    sigs = np.zeros((count, campaigns.NUM_PERM), dtype=np.uint32)
    for part in parts:
        sigs[part.labels] = part.sigs
    return Representatives(np.arange(count), sigs)


@dataclass
class GroupPart:
    """What one group holds in one partition (merged across partitions on the client)."""

    members: int = 0
    private: int = 0
    common: Counter[int] = field(default_factory=Counter)  # the most used wordings (text hash)
    texts: dict[int, str] = field(default_factory=dict)  # their texts
    organisations: Counter[str] = field(default_factory=Counter)
    stances: Counter[str] = field(default_factory=Counter)
    topics: Counter[str] = field(default_factory=Counter)
    similarity: np.ndarray = field(default_factory=lambda: np.zeros(HISTOGRAM, np.int64))
    wordings: HyperLogLog | None = None  # an estimate of the members' text hashes
    keys: set[int] | None = field(default_factory=set)  # them exactly, while few (else None)
    examples: list[tuple[int, str]] = field(default_factory=list)  # (text hash, text)


@dataclass
class Verified:
    """A partition after the check: the groups' parts here, a sample of remarks per topic
    (text hash, text, stance, label), and its rows of the matrix."""

    groups: dict[int, GroupPart]
    samples: dict[int, list[tuple[int, str, str, int]]]
    matrix: MatrixPart


def verify(data: PartitionData, groups: campaigns.Groups, reps: Representatives) -> Verified:
    long_labels = groups.label_of(data.ids)
    inside = long_labels >= 0
    similarity = np.zeros(len(data.ids))
    similarity[inside] = campaigns.similar(data.sigs[inside], reps.sigs[long_labels[inside]])
    long_labels[similarity < campaigns.SIMILAR] = -1
    labels = np.full(len(data.remarks.text), -1, dtype=np.int64)
    labels[data.long] = long_labels
    parts: dict[int, GroupPart] = {}
    for remark, label, score in zip(data.long, long_labels, similarity, strict=True):
        if label >= 0:
            _add_member(parts.setdefault(int(label), GroupPart()), data, int(remark), score)
    for part in parts.values():
        part.common = Counter(
            dict(sorted(part.common.items(), key=lambda kv: (-kv[1], kv[0]))[:COMMON])
        )
        part.texts = {key: part.texts[key] for key in part.common}
    return Verified(parts, _samples(data, labels), matrix_part(data, labels))


def _add_member(part: GroupPart, data: PartitionData, remark: int, score: float) -> None:
    from datasketch import HyperLogLog

    organisation = data.answers.organisation[data.remarks.row[remark]]
    key = data.remarks.key[remark]
    part.members += 1
    if organisation:
        part.organisations[organisation] += 1
    else:
        part.private += 1
    part.stances[data.remarks.stance[remark]] += 1
    part.topics[data.job.topics[data.remarks.topic[remark]]] += 1
    part.similarity[int(round(score * 10))] += 1
    part.common[key] += 1
    part.texts.setdefault(key, data.remarks.text[remark])
    part.examples = smallest([*part.examples, (key, data.remarks.text[remark])], EXAMPLES + 1)
    if part.wordings is None:
        part.wordings = HyperLogLog(p=10)
    part.wordings.update(key.to_bytes(4, "big"))
    part.keys = few_keys(part.keys, {key})


def few_keys(first: set[int] | None, second: set[int] | None) -> set[int] | None:
    """The union of two sets of text hashes, or None once it passes EXACT_WORDINGS."""
    if first is None or second is None:
        return None
    union = first | second
    return union if len(union) <= EXACT_WORDINGS else None


def smallest(items: list[Item], count: int) -> list[Item]:
    """The ``count`` items with the smallest text hash (their first value), each hash once."""
    seen: dict[int, Item] = {}
    for item in sorted(items, key=lambda i: (i[0], i[1:])):
        seen.setdefault(item[0], item)
    return list(seen.values())[:count]


def _samples(data: PartitionData, labels: np.ndarray) -> dict[int, list[tuple[int, str, str, int]]]:
    """Per topic, the SAMPLE remarks outside any group and the SAMPLE inside one with the
    smallest text hashes: the client keeps the smallest of those not in a campaign."""
    found: dict[int, list[tuple[int, str, str, int]]] = {}
    remarks = data.remarks
    for index, (topic, key) in enumerate(zip(remarks.topic, remarks.key, strict=True)):
        found.setdefault(topic, []).append(
            (key, remarks.text[index], remarks.stance[index], int(labels[index]))
        )
    return {
        topic: smallest([i for i in items if i[3] < 0], SAMPLE)
        + smallest([i for i in items if i[3] >= 0], SAMPLE)
        for topic, items in found.items()
    }


def group_sizes(verified: Verified) -> tuple[np.ndarray, np.ndarray]:
    """The groups in this partition and their members here: what the client decides the
    campaigns from (16 bytes a group, where the groups' parts are kilobytes)."""
    labels = np.fromiter(verified.groups, dtype=np.int64, count=len(verified.groups))
    members = np.fromiter(
        (p.members for p in verified.groups.values()), dtype=np.int64, count=len(verified.groups)
    )
    return labels, members


def group_parts(verified: Verified, choice: Choice) -> dict[int, GroupPart]:
    """The parts here of the groups chosen as campaigns (and those joined into them)."""
    return {label: part for label, part in verified.groups.items() if label in choice.wanted}


@dataclass(frozen=True)
class Choice:
    """The groups that make campaigns, and the groups joined into them (label → label)."""

    wanted: frozenset[int]
    alias: dict[int, int]


def samples_of(verified: Verified) -> dict[int, list[tuple[int, str, str, int]]]:
    return verified.samples
