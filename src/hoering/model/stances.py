"""Stances: the words for what a remark says about a topic, and the guess from its wording.

One vocabulary for every path: a letter's heading (``{topic=mentor stance=bekymring}``), the
guess import makes for a received letter's section, the guess the mass comparison makes for
each answer of a web form, and the order every table, chart and sentence counts them in.
The model keeps the English value; documents show it in the document's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

STANCES: tuple[str, ...] = ("positive", "concern", "proposal")
NO_STANCE = "none"  # a remark whose wording suggests no stance
ORDER: tuple[str, ...] = (*STANCES, NO_STANCE)  # the order every table and sentence uses
# The Danish words an author may write instead ({topic=mentor stance=bekymring}).
DANISH_STANCES: dict[str, str] = {
    "positiv": "positive",
    "bekymring": "concern",
    "forslag": "proposal",
}
# the stance words written in a source of each language (the reader takes both)
WRITTEN_STANCES = {"da": {english: danish for danish, english in DANISH_STANCES.items()}}


def stance_value(written: str) -> str | None:
    """The stance ``written`` names, in Danish or English ("Bekymring" → "concern")."""
    word = written.strip().lower()
    if word in STANCES:
        return word
    return DANISH_STANCES.get(word)


def main_stance(stances: list[str]) -> str:
    """The stance stated most often; when tied, concern before proposal before positive (for
    one word per cell where there is no room for every stance, as in a mass matrix)."""
    order = ("concern", "proposal", "positive", NO_STANCE)
    return max(order, key=lambda s: (stances.count(s), -order.index(s)))


# --- the guess from wording ---------------------------------------------------------------

STANCE_CUES: dict[str, tuple[str, ...]] = {
    "concern": (
        "bekymr",
        "udfordr",
        "savn",
        "mangl",
        "problem",
        "kritisk",
        "risiko",
        "vanskelig",
        "urealistisk",
        "ikke realistisk",
        "ikke muligt",
        "uklar",
        "utilstrækkelig",
        "betænkelig",
        "ikke kan",
        "kan ikke",
        "svær",
        "desværre",
        "i praksis",
        "kun muligt",
        "lade sig gøre i få",
        "for kort",
        "for sent",
        "for få",
        "for lidt",
        "ikke tid",
        "ikke altid",
        "concern",
        "worr",
    ),
    "proposal": (
        "foreslå",
        "forslag",
        "anbefal",
        "opfordr",
        "bør",
        "ønsk",
        "efterspørg",
        "henstil",
        "opmærksom på",
        "propos",
        "recommend",
        "suggest",
    ),
    "positive": (
        "positiv",
        "hilser",
        "glæd",
        "enig",
        "enige",
        "god idé",
        "god ide",
        "tilfreds",
        "støtter",
        "fornuftig",
        "glad",
        "godt initiativ",
        "gode initiativ",
        "god ordning",
        "gerne",
        "bakker op",
        "ser frem til",
        "er godt",
        "godt, at",
        "værdsæt",
        "tilslutter",
        "anerkend",
        "welcome",
        "support",
    ),
}
# Whole words only, no endings: "støtte" (the noun) says nothing
EXACT_CUES = {"støtter", "bør", "enig", "enige", "gerne"}
NEGATION = re.compile(r"(?<!\w)(?:ikke|ikke så|ikke særlig|ingenlunde|not)\s+(?:\w+\s+)?$")
TIE_ORDER = ("concern", "proposal", "positive")
NEGATION_REACH = 60  # characters before a cue that may hold its negation ("ikke særlig …")


@dataclass(frozen=True)
class StanceGuess:
    """What the wording of a text suggests: a stance (None: no cue), how sure the guess
    is, and the words that suggested it (at most five, as found)."""

    stance: str | None = None
    confidence: float = 0.0
    cues: tuple[str, ...] = ()


def guess_stance(text: str) -> StanceGuess:
    """The stance the wording of ``text`` suggests, from cues ("bekymrer", "foreslår",
    "positivt"); "ikke positiv" is a concern. The same text always gives the same guess."""
    counts, cues = _cue_counts(text.lower())
    if not counts:
        return StanceGuess()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], TIE_ORDER.index(kv[0])))
    stance, best = ordered[0]
    second = ordered[1][1] if len(ordered) > 1 else 0
    confidence = 0.45 + 0.12 * min(best, 4) - 0.15 * second
    return StanceGuess(stance, round(max(0.3, min(0.9, confidence)), 2), tuple(cues[stance][:5]))


def _cue_counts(lowered: str) -> tuple[dict[str, int], dict[str, list[str]]]:
    """How often each stance's cues occur in ``lowered``, and the words found, in order."""
    counts: dict[str, int] = {}
    cues: dict[str, list[str]] = {}
    for stance, patterns in STANCE_CUES.items():
        for cue in patterns:
            if cue not in lowered:  # most cues are absent: skip their regex
                continue
            for match in _cue_pattern(cue).finditer(lowered):
                said, word = stance, match.group(0)
                # a negation ends right before the cue: look back a few words, not the text
                begin = lowered.rfind(" ", 0, max(0, match.start() - NEGATION_REACH)) + 1
                negation = NEGATION.search(lowered, begin, match.start())
                if stance == "positive" and negation:  # "ikke positiv" is a concern
                    said, word = "concern", negation.group(0).strip() + " " + word
                counts[said] = counts.get(said, 0) + 1
                if word not in cues.setdefault(said, []):
                    cues[said].append(word)
    return counts, cues


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    tail = "" if cue in EXACT_CUES else r"\w*"
    return re.compile(rf"(?<!\w){re.escape(cue)}{tail}(?!\w)")
