"""Match each section to the hearing's topics and suggest a stance, explainably.

A heading that names a topic's title (or its section number) is the strongest sign; else
the topic's keywords are looked for in the section, compared as Danish snowball stems so
"udskrivningsmentoren" and "mentorordning" count. The words that matched are kept, so a
person sees why. The stance comes from wording cues ("bekymrer", "foreslår", "positivt").
Everything is deterministic: the same text gives the same guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..messages import tr

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
SMALL_WORDS = {"og", "til", "under", "for", "med", "af", "om", "i", "på", "ved", "the", "of"}
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


# Words in many topic titles that do not tell topics apart on their own in a heading.
GENERAL_WORDS = (
    "borger",
    "borgere",
    "kommune",
    "kommuner",
    "region",
    "samarbejde",
    "indsats",
    "aftale",
    "aftalen",
)


@lru_cache(maxsize=1)
def _general_stems() -> frozenset[str]:
    return frozenset(stems(list(GENERAL_WORDS)))


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("danish")


def stems(words: list[str]) -> list[str]:
    return _stemmer().stemWords([w.lower() for w in words])


@dataclass
class TopicMatch:
    topic: str | None = None
    confidence: float = 0.0
    matched: list[str] = field(default_factory=list)  # the words that matched the topic
    stance: str | None = None
    stance_confidence: float = 0.0
    cues: list[str] = field(default_factory=list)  # the words that suggested the stance

    @property
    def guess(self) -> float:
        return self.confidence if self.topic else self.stance_confidence

    def explanation(self) -> str:
        """What matched, in words: "udskrivningsmentor (i overskriften); holdning: bekymr"."""
        parts = []
        if self.matched:
            parts.append(matched_words(self.matched))
        if self.cues:
            parts.append(stance_cues(self.cues))
        return "; ".join(parts)


def matched_words(matched: list[str]) -> str:
    """The words that matched a topic, in the language of messages ("… (heading)" and
    "section 4.3" are the marks :func:`match_section` sets)."""
    shown = []
    for item in matched:
        if item.endswith(" (heading)"):
            shown.append(tr("{words} (in the heading)", words=item.removesuffix(" (heading)")))
        elif item.startswith("section "):
            shown.append(tr("section {number}", number=item.removeprefix("section ")))
        else:
            shown.append(item)
    return ", ".join(shown)


def stance_cues(cues: list[str]) -> str:
    return tr("stance: {cues}", cues=", ".join(cues))


@dataclass(frozen=True)
class TopicSpec:
    id: str
    title: str
    section: str | None
    keywords: tuple[str, ...]


def _stem_hits(keyword_stem: str, token_stem: str) -> bool:
    if token_stem == keyword_stem or token_stem.startswith(keyword_stem):
        return True
    return len(keyword_stem) >= 6 and keyword_stem in token_stem  # Danish compounds


def match_section(
    heading: str, text: str, topics: list[TopicSpec], *, min_hits: int = 2
) -> TopicMatch:
    """The best topic and a stance for a section (its heading and its text). A topic needs
    ``min_hits`` keyword hits in the text (a heading's word counts three)."""
    result = TopicMatch()
    heading_words = WORD.findall(heading)
    heading_stems = stems(heading_words)
    body_words = WORD.findall(text)
    body_stems = stems(body_words)
    best: tuple[float, str, list[str]] | None = None
    scores: list[float] = []
    for topic in topics:
        found = _by_title(topic, heading, heading_words, heading_stems)
        if found is None:
            found = _by_keywords(
                topic,
                heading_words,
                heading_stems,
                body_words,
                body_stems,
                heading + "\n" + text,
                min_hits,
            )
        if found is None:
            continue
        scores.append(found[0])
        if best is None or found[0] > best[0]:
            best = (found[0], topic.id, found[1])
    if best is not None:
        confidence, topic_id, matched = best
        runner_up = sorted(scores)[-2] if len(scores) > 1 else 0.0
        if runner_up and not matched[0].endswith("(heading)"):
            confidence *= 1 - 0.4 * runner_up / confidence
        result.topic, result.confidence, result.matched = topic_id, round(confidence, 2), matched
    _stance(heading + "\n" + text, result)
    return result


def _by_title(
    topic: TopicSpec, heading: str, words: list[str], heading_stems: list[str]
) -> tuple[float, list[str]] | None:
    section = None
    if topic.section and re.match(rf"^{re.escape(topic.section)}(?:\.?\s|$)", heading.strip()):
        # "4.3 …" names the draft's section; "5. …" may just number the response's points
        section = (0.9 if "." in topic.section else 0.5), [f"section {topic.section}"]
    title = _title_words(topic, words, heading_stems)
    candidates = [c for c in (title, section) if c is not None]
    return max(candidates, key=lambda c: c[0]) if candidates else None


def _title_words(
    topic: TopicSpec, words: list[str], heading_stems: list[str]
) -> tuple[float, list[str]] | None:
    title_words = [w for w in WORD.findall(topic.title) if w.lower() not in SMALL_WORDS]
    if not title_words:
        return None
    title_stems = stems(title_words)
    hit = [
        w
        for w, s in zip(words, heading_stems, strict=True)
        if any(_stem_hits(t, s) for t in title_stems)
    ]
    covered = [t for t in title_stems if any(_stem_hits(t, s) for s in heading_stems)]
    if len(covered) == len(title_stems):
        return 0.95, [f"{' '.join(dict.fromkeys(hit))} (heading)"]
    distinctive = [t for t in covered if t not in _general_stems()]
    if distinctive and len(covered) * 2 >= len(title_stems) and len(title_stems) >= 2:
        share = len(covered) / len(title_stems)
        return round(0.5 + 0.4 * share, 2), [f"{' '.join(dict.fromkeys(hit))} (heading)"]
    return None


def _by_keywords(
    topic: TopicSpec,
    heading_words,
    heading_stems,
    body_words,
    body_stems,
    text: str,
    min_hits: int = 2,
) -> tuple[float, list[str]] | None:
    score = 0.0
    matched: list[str] = []
    distinct = 0
    lowered = text.lower()
    for keyword in topic.keywords:
        if " " in keyword.strip():
            count = len(re.findall(rf"(?<!\w){re.escape(keyword.lower())}", lowered))
            if count:
                distinct += 1
                score += count
                matched.append(keyword)
            continue
        keyword_stem = stems([keyword])[0]
        if min_hits < 2 and keyword_stem in _general_stems():
            continue  # one "samarbejdsaftalen" says nothing about the topic "samarbejde"
        hits = _hits(
            keyword_stem, ((heading_words, heading_stems, 3), (body_words, body_stems, 1)), matched
        )
        if hits:
            distinct += 1
            score += hits
    if score < min_hits:
        return None
    confidence = min(0.85, 0.3 + 0.1 * distinct + 0.04 * min(score, 8))
    return confidence, matched[:6]


def guess_stance(text: str) -> tuple[str | None, float]:
    """The stance the wording of ``text`` suggests (None: no cue) and how sure the guess is:
    the same guess import makes for a letter's section."""
    result = TopicMatch()
    _stance(text, result)
    return result.stance, result.stance_confidence


NEGATION_REACH = 60  # characters before a cue that may hold its negation ("ikke særlig …")


@cache
def _cue_pattern(cue: str) -> re.Pattern:
    tail = "" if cue in EXACT_CUES else r"\w*"
    return re.compile(rf"(?<!\w){re.escape(cue)}{tail}(?!\w)")


def _hits(keyword_stem: str, places, matched: list[str]) -> int:
    """Weighted hits of a keyword's stem in (words, stems, weight) places; the words that
    matched are added to ``matched``."""
    hits = 0
    for words, token_stems, weight in places:
        for word, stem in zip(words, token_stems, strict=True):
            if _stem_hits(keyword_stem, stem):
                hits += weight
                if word.lower() not in matched:
                    matched.append(word.lower())
    return hits


def _stance(text: str, result: TopicMatch) -> None:
    lowered = text.lower()
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
    if not counts:
        return
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], TIE_ORDER.index(kv[0])))
    stance, best = ordered[0]
    second = ordered[1][1] if len(ordered) > 1 else 0
    confidence = 0.45 + 0.12 * min(best, 4) - 0.15 * second
    result.stance = stance
    result.stance_confidence = round(max(0.3, min(0.9, confidence)), 2)
    result.cues = cues[stance][:5]
