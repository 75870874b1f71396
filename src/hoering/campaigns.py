"""Near-identical texts found in any number of them: campaigns in a mass consultation, shared
wording between letters. One mechanism, in steps that also run apart on a cluster:

1. ``signatures``: each text's word pairs as a MinHash signature (datasketch; CRC-32 as the
   hash, so every process and machine computes the same values);
2. ``band_keys``: locality-sensitive hashing cuts a signature into bands (datasketch chooses
   how many for ``THRESHOLD``); texts with one band alike are candidates;
3. ``candidate_edges``: within each band key, every text is linked to the first — the keys can
   be split between machines by key (``key % parts``) and each part done alone;
4. ``components``: linked texts form candidate groups, each around a representative (the
   best-linked text, taking the texts linked to it);
5. ``similar``: the check inside each group — a text belongs to it when its signature agrees
   with the representative's in at least ``SIMILAR`` of the positions (the estimated Jaccard
   similarity of their word pairs); the others are set free.

``near_duplicate_groups`` runs the steps in one process, for the texts of one hearing's letters.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, overload

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 64
THRESHOLD = 0.5  # LSH: texts this similar are candidates with high probability
SIMILAR = 0.5  # the check: share of signature positions equal to the representative's
MIN_WORDS = 8  # shorter texts ("Enig", "Vi støtter forslaget") are opinions, not campaigns
WORD = re.compile(r"[0-9a-zæøåéü]+")
_MIX = np.uint64(0x9E3779B97F4A7C15)
STEP = 1 << 14  # texts compared with their representatives at a time


def words(text: str) -> list[str]:
    """The text as lower-case words (letters and digits only): what signatures compare."""
    return WORD.findall(text.lower())


def normalised(text: str) -> str:
    return " ".join(words(text))


@lru_cache(maxsize=1)
def _prototype() -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32)


@lru_cache(maxsize=1)
def lsh_bands() -> tuple[int, int]:
    """(bands, rows per band), datasketch's choice for ``THRESHOLD`` and ``NUM_PERM``."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _pairs(text_words: list[str]) -> list[bytes]:
    pairs = [f"{a} {b}".encode() for a, b in zip(text_words, text_words[1:], strict=False)]
    return pairs or [" ".join(text_words).encode()]


def signature(text_words: list[str]) -> np.ndarray:
    """The MinHash signature of a text's word pairs (``NUM_PERM`` uint32 values): a
    datasketch ``MinHash`` with the shared permutations and CRC-32."""
    from datasketch import MinHash

    proto = _prototype()
    sketch = MinHash(
        num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=proto.permutations, scheme=proto.scheme
    )
    sketch.update_batch(_pairs(text_words))
    values: np.ndarray = sketch.hashvalues
    return values


def murmur_finalised(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser (fmix32) on every value: the mixing a datasketch
    ``MinHash`` applies to each hash before its permutations (our own, as datasketch keeps
    its copy private; tests/test_campaigns.py checks both give the same signatures)."""
    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    finalised: np.ndarray = hashes ^ (hashes >> np.uint32(16))
    return finalised


def signatures(texts: Sequence[list[str]], pairs: int = 1 << 14) -> np.ndarray:
    """Signatures of many texts (given as words), one row each: the same values as
    :func:`signature`, with datasketch's permutation step applied to the word pairs of
    several texts at once (one MinHash object per text costs ~5x). A step takes texts until
    they hold ``pairs`` word pairs: it needs NUM_PERM x 8 bytes a pair three times over (24
    MB), however long the texts are (2,048 long texts at once took 2.4 GB); larger steps
    are no faster. Each text is asked for once, in order, when its step comes."""
    a, b = _prototype().permutations
    out = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    start = 0
    while start < len(texts):
        hashes: list[int] = []
        offsets: list[int] = []
        while start + len(offsets) < len(texts) and (not offsets or len(hashes) < pairs):
            offsets.append(len(hashes))
            hashes.extend(map(zlib.crc32, _pairs(texts[start + len(offsets) - 1])))
        mixed = murmur_finalised(np.array(hashes, dtype=np.uint32).reshape(-1, 1))
        with np.errstate(over="ignore"):
            permuted = mixed * a + b
        out[start : start + len(offsets)] = np.minimum.reduceat(permuted, offsets, axis=0)
        start += len(offsets)
    return out


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """One 64-bit key per band of each signature: (texts, bands). Equal bands, equal keys; a
    rare collision of unequal bands only adds a candidate the check then sets free."""
    bands, rows = lsh_bands()
    keys = np.zeros((len(sigs), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            key = np.full(len(sigs), band + 1, dtype=np.uint64)
            for value in sigs[:, band * rows : (band + 1) * rows].T:
                key = (key ^ value.astype(np.uint64)) * _MIX
            keys[:, band] = key ^ (key >> np.uint64(29))
    return keys


def key_pairs(ids: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """(key, id) rows for every band key of every text: what is shuffled by key."""
    pairs = np.empty((keys.size, 2), dtype=np.uint64)
    pairs[:, 0] = keys.reshape(-1)
    pairs[:, 1] = np.repeat(ids.astype(np.uint64), keys.shape[1])
    return pairs


def candidate_edges(pairs: np.ndarray) -> np.ndarray:
    """Links (first id, other id) between texts that share a band key, each link once."""
    if len(pairs) == 0:
        return np.zeros((0, 2), dtype=np.uint64)
    order = np.lexsort((pairs[:, 1], pairs[:, 0]))
    keys, ids = pairs[order, 0], pairs[order, 1]
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = keys[1:] != keys[:-1]
    first = ids[starts][np.cumsum(starts) - 1]
    linked = ~starts & (ids != first)
    edges = np.stack([first[linked], ids[linked]], axis=1)
    return np.unique(edges, axis=0) if len(edges) else edges


@dataclass(frozen=True)
class Groups:
    """Candidate groups: ``nodes`` (sorted ids), their group ``labels``, and per label the
    id of its representative (the text with most links, the lowest id when tied)."""

    nodes: np.ndarray
    labels: np.ndarray
    representatives: np.ndarray

    def label_of(self, ids: np.ndarray) -> np.ndarray:
        """Each id's label, or -1 for ids in no group."""
        if len(self.nodes) == 0:
            return np.full(len(ids), -1, dtype=np.int64)
        where = np.clip(np.searchsorted(self.nodes, ids), 0, len(self.nodes) - 1)
        found = self.nodes[where] == ids
        return np.where(found, self.labels[where], -1)


def components(*edge_lists: np.ndarray) -> Groups:
    """Candidate groups from the links, as stars: the best-linked text not yet in a group
    becomes a representative and takes every linked text not yet taken, and so on down.
    (Plain connected components would chain unrelated texts through texts that are merely
    alike — short remarks sharing a stock opening — into one group.)"""
    from scipy.sparse import coo_matrix

    edges = np.concatenate([e for e in edge_lists if len(e)] or [np.zeros((0, 2), np.uint64)])
    if len(edges) == 0:
        empty = np.zeros(0, dtype=np.uint64)
        return Groups(empty, np.zeros(0, dtype=np.int64), empty)
    nodes, index = np.unique(edges.reshape(-1), return_inverse=True)
    index = index.reshape(-1, 2)
    size = len(nodes)
    both = np.concatenate([index, index[:, ::-1]])
    graph = coo_matrix(
        (np.ones(len(both), dtype=np.int8), (both[:, 0], both[:, 1])), shape=(size, size)
    ).tocsr()
    starts, linked = graph.indptr, graph.indices
    degree = np.diff(starts)
    labels = np.full(size, -1, dtype=np.int64)
    centres: list[int] = []
    for node in np.lexsort((np.arange(size), -degree)):
        if labels[node] >= 0:
            continue
        neighbours = linked[starts[node] : starts[node + 1]]
        labels[neighbours[labels[neighbours] < 0]] = len(centres)
        labels[node] = len(centres)
        centres.append(node)
    return Groups(nodes, labels, nodes[np.array(centres, dtype=np.int64)])


def similar(sigs: np.ndarray, representative_sigs: np.ndarray) -> np.ndarray:
    """The estimated similarity of each signature to the representative's (row by row)."""
    if len(sigs) == 0:
        return np.zeros(0)
    shares: np.ndarray = (sigs == representative_sigs).mean(axis=1)
    return shares


def similar_groups(ids: np.ndarray, sigs: np.ndarray) -> list[list[int]]:
    """Every step in one process: groups (of two or more) of the ids whose signatures are
    near-identical, each checked against its representative. The band keys are linked one
    band at a time: a band's keys are a part of the keys like any other (see
    :func:`candidate_edges`)."""
    if len(ids) < 2:
        return []
    keys = band_keys(sigs)  # band by band: all bands' pairs at once took ~1 KB a text
    groups = components(
        *(
            candidate_edges(key_pairs(ids, keys[:, band : band + 1]))
            for band in range(keys.shape[1])
        )
    )
    labels = groups.label_of(ids)
    kept = labels >= 0
    order = np.argsort(ids)
    rows = order[np.searchsorted(ids[order], groups.representatives)]
    members = np.flatnonzero(kept)
    representatives = rows[labels[members]]
    kept[members] = (
        np.concatenate(
            [  # a step at a time: two copies of all members' signatures are 512 bytes a text
                similar(sigs[members[at : at + STEP]], sigs[representatives[at : at + STEP]])
                for at in range(0, len(members), STEP)
            ]
            or [np.zeros(0)]
        )
        >= SIMILAR
    )
    found: dict[int, list[int]] = {}
    for identity, label, keep in zip(ids, labels, kept, strict=True):
        if keep:
            found.setdefault(int(label), []).append(int(identity))
    return sorted(sorted(g) for g in found.values() if len(g) > 1)


class _Split(Sequence[list[str]]):
    """Normalised texts seen as their words, each split only when asked for (the words of
    every text at once would be several times the texts)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> list[str]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...
    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            return [text.split(" ") for text in self.texts[index]]
        return self.texts[index].split(" ")


def near_duplicate_groups(texts: Iterable[str], min_words: int = MIN_WORDS) -> list[list[int]]:
    """Groups (of two or more) of near-identical texts, as indexes in the order ``texts``
    gives them (read once: it may be a generator); texts of fewer than ``min_words`` words
    take no part. Identical texts are signed once."""
    kept: list[int] = []
    distinct: dict[str, int] = {}
    rows: list[int] = []
    for index, text in enumerate(texts):
        found = words(text)
        if len(found) >= min_words:
            kept.append(index)
            rows.append(distinct.setdefault(" ".join(found), len(distinct)))
    sigs = signatures(_Split(list(distinct)))
    del distinct
    return [[kept[i] for i in group] for group in duplicate_groups(np.array(rows), sigs)]


def digest(text_words: list[str]) -> int:
    """A text's words as 64 bits: identical words, identical digests (a different text has
    the same one with a chance of one in 2**64 per pair: 1 in 400 million for 300,000)."""
    data = " ".join(text_words).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def groups_of_prints(digests: np.ndarray, sigs: np.ndarray) -> list[list[int]]:
    """:func:`near_duplicate_groups` of texts given as their :func:`digest` and signature
    (one row each; identical texts, identical rows), made where the texts were read."""
    if len(digests) == 0:
        return []
    _, first, inverse = np.unique(digests, return_index=True, return_inverse=True)
    if len(first) == len(digests):  # no text twice: each is its own row (no copy)
        return duplicate_groups(np.arange(len(digests)), sigs)
    order = np.argsort(first, kind="stable")  # the distinct texts as they first came
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return duplicate_groups(rank[inverse.reshape(-1)], sigs[first[order]])


def duplicate_groups(rows: np.ndarray, sigs: np.ndarray) -> list[list[int]]:
    """The groups (of two or more) of texts, each given as its row in ``sigs`` (the
    signatures of the distinct texts, in the order they first came): the same row, or rows
    found near-identical by :func:`similar_groups`."""
    label = np.arange(len(sigs))
    for group in similar_groups(np.arange(len(sigs), dtype=np.uint64), sigs):
        label[group] = group[0]
    texts = label[rows]
    order = np.argsort(texts, kind="stable")
    starts = np.flatnonzero(np.diff(texts[order], prepend=-1))
    found = np.split(order, starts[1:])
    return sorted(group.tolist() for group in found if len(group) > 1)
