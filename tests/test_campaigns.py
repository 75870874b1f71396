"""Near-identical texts (campaigns, shared wording): the mechanism step by step and whole."""

from __future__ import annotations

import zlib

import numpy as np

from hoering import campaigns as c

BASE = (
    "Vi er imod at der lukkes for biltrafikken på hovedgaden fordi det vil gøre det svært "
    "for ældre at komme til butikkerne i bymidten"
)
OTHER = (
    "Cykelstierne langs havnen er alt for smalle og bør udvides inden der sker en ulykke "
    "med de mange børn der cykler i skole"
)
TEXTS = [
    BASE,
    BASE.replace("svært", "umuligt"),
    OTHER,
    BASE + " Venlig hilsen Anna",
    OTHER.replace("smalle", "snævre"),
    "Enig i forslaget",
    BASE,
    "Parkering i de indre gader er alt for dyr for de borgere der bor i bymidten",
]


def test_edited_copies_are_grouped_and_different_texts_are_not():
    assert c.near_duplicate_groups(TEXTS) == [[0, 1, 3, 6], [2, 4]]


def test_texts_given_as_digests_and_signatures_are_grouped_as_the_texts_are():
    """The readers send each sentence's digest and signature, not its text: the groups are
    the same, identical texts (0 and 6) signed once and counted as they first came."""
    found = [c.words(t) for t in TEXTS]
    digests = np.array([c.digest(w) for w in found], dtype=np.uint64)
    assert c.groups_of_prints(digests, c.signatures(found)) == [[0, 1, 3, 6], [2, 4]]
    long = [i for i, w in enumerate(found) if len(w) >= c.MIN_WORDS]  # "Enig i forslaget" not
    groups = c.groups_of_prints(digests[long], c.signatures([found[i] for i in long]))
    assert [[long[i] for i in g] for g in groups] == c.near_duplicate_groups(TEXTS)
    assert c.groups_of_prints(digests[[2, 4]], c.signatures([found[2], found[4]])) == [[0, 1]]
    assert c.groups_of_prints(np.zeros(0, np.uint64), c.signatures([])) == []


def test_signatures_are_datasketch_minhashes_of_word_pairs():
    from datasketch import MinHash

    words = c.words(BASE)
    sketch = MinHash(num_perm=c.NUM_PERM, seed=7, hashfunc=zlib.crc32)
    sketch.update_batch([f"{a} {b}".encode() for a, b in zip(words, words[1:], strict=False)])
    assert np.array_equal(c.signature(words), sketch.hashvalues)
    other = MinHash(num_perm=c.NUM_PERM, seed=7, hashfunc=zlib.crc32)
    edited = c.words(TEXTS[1])
    other.update_batch([f"{a} {b}".encode() for a, b in zip(edited, edited[1:], strict=False)])
    assert c.similar(c.signature(words)[None], c.signature(edited)[None])[0] == sketch.jaccard(
        other
    )


def test_the_steps_split_by_key_give_the_same_groups_as_in_one_piece():
    ids = np.arange(100, 100 + len(TEXTS), dtype=np.uint64)
    sigs = c.signatures([c.words(t) for t in TEXTS])
    pairs = c.key_pairs(ids, c.band_keys(sigs))
    whole = c.components(c.candidate_edges(pairs))
    parts = [c.candidate_edges(pairs[pairs[:, 0] % np.uint64(3) == part]) for part in range(3)]
    split = c.components(*parts)
    assert np.array_equal(whole.nodes, split.nodes)
    assert np.array_equal(whole.labels, split.labels)
    assert list(whole.nodes) == [100, 101, 102, 103, 104, 106]
    assert list(whole.label_of(ids)) == [0, 0, 1, 0, 1, -1, 0, -1]
    assert list(whole.representatives) == [100, 102]


def test_letters_share_a_sentence_with_a_word_changed():
    from hoering.comparison.similarity import shared_respondents

    shared = shared_respondents(
        [
            ("Albertslund", f"{OTHER}. Vi har ikke flere bemærkninger."),
            ("Brøndby", f"Indledning her. {OTHER.replace('smalle', 'snævre')}."),
            ("Glostrup", BASE),
        ]
    )
    assert shared == [("Brøndby",), ("Albertslund",), ()]


def test_signatures_in_bulk_equal_one_minhash_per_text():
    texts = [c.words(t) for t in TEXTS] + [["enig"]]
    bulk = c.signatures(texts, pairs=40)  # a few texts a step
    assert bulk.shape == (len(texts), c.NUM_PERM)
    for row, text in zip(bulk, texts, strict=True):
        assert np.array_equal(row, c.signature(text))
