"""Confidences that are measured probabilities: a guess's raw score (the evidence combined,
see :mod:`hoering.imports.sender`) falls in a band, and its confidence is the share of
guesses in that band that were right on the tune half of the import corpus.

Measured with ``python benchmarks/calibrate_guesses.py --split tune``, which imports every
letter of the tune half, groups each field's raw scores into the bands below and prints
this table (right, of) to paste here. The confidence of a band is (right + 1) / (of + 2):
the share right with one right and one wrong guess added, so that a band seen a few
times only never claims certainty. Below ``ABSTAIN`` a field is written as unknown.
"""

from __future__ import annotations

# field → ((lowest raw score of the band, right, of), …), bands in increasing order; measured
# on the tune half of the corpus as it was on 7 December 2026 (52 letters)
BANDS: dict[str, tuple[tuple[float, int, int], ...]] = {
    "sender": ((0.0, 0, 0), (0.5, 2, 2), (0.7, 4, 4), (0.85, 15, 15), (0.95, 28, 28)),
    "date": ((0.0, 0, 0), (0.8, 0, 0), (0.85, 0, 0), (0.9, 18, 18), (0.95, 24, 24)),
    "signatory": ((0.0, 0, 0), (0.7, 0, 0), (0.8, 0, 0), (0.9, 48, 48)),
    "recipient": ((0.0, 0, 0), (0.8, 3, 4)),
    # the fields read from a printed web form's labels (sender, signatory, date; one band):
    # the tune half holds one printout, three fields, all right on 7 December 2026 — too few
    # to measure, so the band is left as unseen and its confidence is the unseen band's
    # (0 + 1) / (0 + 2) = 0.5 until the corpus has enough printouts to paste a tally here
    "web form": ((0.0, 0, 0),),
    # the fields read from a mail's header, one band each (their raw score is
    # email.MAIL_HEADER, above every band): the Date 7 right of 7 on the tune half; the To
    # line is in no key (the key lists address blocks), and no tune mail was unsigned, so
    # those two bands are unseen (0.5) until the corpus can measure them
    "e-mail date": ((0.0, 0, 0), (1.0, 7, 7)),
    "e-mail recipient": ((0.0, 0, 0),),
    "e-mail signatory": ((0.0, 0, 0),),
}
# the lowest raw score written as a guess; below it, the field is unknown
ABSTAIN = {
    "sender": 0.5,
    "date": 0.8,
    "signatory": 0.7,
    "recipient": 0.8,
    "web form": 1.0,
    "e-mail date": 1.0,
    "e-mail recipient": 1.0,
    "e-mail signatory": 1.0,
}


def confidence(field: str, score: float) -> float:
    """The measured share right of the band ``score`` falls in (see the module's text)."""
    right, of = 0, 0
    for low, band_right, band_of in BANDS[field]:
        if score >= low:
            right, of = band_right, band_of
    return round((right + 1) / (of + 2), 2)


def abstains(field: str, score: float) -> bool:
    """Whether no guess is good enough for ``field``: it is written as unknown."""
    return score < ABSTAIN[field]
