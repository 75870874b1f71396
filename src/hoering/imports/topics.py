"""Match each section to the hearing's topics and suggest a stance, explainably.

A heading that names a topic's title (or its section number) is the strongest sign; else
the topic's keywords are looked for in the section. A keyword matches a word with the same
Danish snowball stem ("grænseværdien" for "grænseværdier"), or as the head of a compound
("mentor" in "udskrivningsmentoren"), or, when long, as the first part of one
("mentorordningen"), never as the start of an unrelated word ("for" is not in "forslag").
The words that matched are kept, so a person sees why. The stance comes from wording cues
("bekymrer", "foreslår", "positivt"). Everything is deterministic: the same text gives the
same guesses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Protocol

from ..messages import tr
from ..model.stances import guess_stance

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
SMALL_WORDS = {"og", "til", "under", "for", "med", "af", "om", "i", "på", "ved", "the", "of"}


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


class _Stemmer(Protocol):
    """The one method of snowballstemmer's stemmers used here (the library is untyped)."""

    def stemWords(self, words: list[str]) -> list[str]: ...  # noqa: N802 (the library's name)


@lru_cache(maxsize=1)
def _stemmer() -> _Stemmer:
    import snowballstemmer

    stemmer: _Stemmer = snowballstemmer.stemmer("danish")
    return stemmer


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


# How a keyword may sit in a compound (lengths in letters of stems):
# - as its head, if it leaves a modifier before it: "støj" in "vejstøj", "mentor" in
#   "udskrivningsmentoren", not "ring" alone;
# - as its first part only if it is long and a word follows: "mentor" in "mentorordningen",
#   never "for" in "forslag".
SHORTEST_HEAD = 4
SHORTEST_MODIFIER = 3
SHORTEST_LEADING_KEYWORD = 6
# A stem this short says little ("forrige" stems to "for"): the keyword's own letters must
# begin the word, followed by at most an inflection ("forriges").
SHORT_STEM = 4
LONGEST_ENDING = 3


Form = tuple[str, str]  # a word in lower case and its stem


def forms(words: list[str]) -> list[Form]:
    lowered = [w.lower() for w in words]
    return list(zip(lowered, _stemmer().stemWords(lowered), strict=True))


@lru_cache(maxsize=1024)
def _keyword_forms(keyword: str) -> tuple[Form, ...]:
    return tuple(forms(WORD.findall(keyword)))


@cache
def _function_words() -> frozenset[str]:
    """Danish and English small words, which never match a keyword (the stem of
    "forrige" is "for")."""
    return frozenset(STOP_WORDS.split())


STOP_WORDS = (
    "af alle andet andre at blev blive bliver da de dem den denne der deres det dette dig din "
    "dog du efter eller en end er et for fra ham han hans har havde have hende hendes her hos "
    "hun hvad hvis hvor i ikke ind jeg jer jo kunne man mange med meget men mig min mine mit "
    "mod ned noget nogle nu når og også om op os over på sig sin sine sit skal skulle som "
    "sådan thi til ud under var vi vil ville vor være været the of and to in for on"
)


def keyword_matches(keyword: str, word: str, *, in_heading: bool = False) -> bool:
    """Whether ``word`` (as written in a section's text, or in its heading) is a form of the
    one-word ``keyword``."""
    found = _keyword_forms(keyword)
    return len(found) == 1 and _is_form_of(found[0], forms([word])[0], in_heading)


def _is_form_of(keyword: Form, token: Form, in_heading: bool = False) -> bool:
    """Whether a word is a form of a keyword's word: the same stem, the keyword as the head
    of a compound, or, in a heading, as the first part of one ("Mentorordningen"; in running
    text such compounds name other things: "Transportministeriet", "Transportudvalget")."""
    (word, stem), (keyword_word, keyword_stem) = token, keyword
    if word in _function_words():
        return False
    if len(keyword_stem) < SHORT_STEM:
        return word.startswith(keyword_word) and len(word) - len(keyword_word) <= LONGEST_ENDING
    if stem == keyword_stem:
        return True
    if in_heading and _may_lead(keyword_stem) and word.startswith(keyword_stem):
        return len(word) - len(keyword_stem) >= SHORTEST_HEAD  # "mentorordningen"
    return (
        len(keyword_stem) >= SHORTEST_HEAD
        and stem.endswith(keyword_stem)
        and len(stem) - len(keyword_stem) >= SHORTEST_MODIFIER
    )


@lru_cache(maxsize=1024)
def _may_lead(keyword_stem: str) -> bool:
    """Whether a keyword counts as the first part of a compound: long, and not a word many
    topics share ("samarbejdsaftalen" is an agreement, not the topic "samarbejde")."""
    return len(keyword_stem) >= SHORTEST_LEADING_KEYWORD and keyword_stem not in _general_stems()


@dataclass(frozen=True)
class Place:
    """The words of a heading or a text: in order, and each form once with its count (small
    words left out), so a keyword is compared with each form once."""

    tokens: list[Form]
    counts: Counter[Form]
    weight: int  # a hit in a heading counts more
    in_heading: bool


def place(tokens: list[Form], weight: int, in_heading: bool) -> Place:
    small = _function_words()
    counts = Counter(t for t in tokens if t[0] not in small)
    return Place(tokens, counts, weight, in_heading)


def _phrase_count(phrase: tuple[Form, ...], where: Place) -> int:
    """How often the words of a phrase stand together in a place, each a form of its own."""
    first = {t for t in where.counts if _is_form_of(phrase[0], t, where.in_heading)}
    if not first:
        return 0
    tokens, width = where.tokens, len(phrase)
    return sum(
        tokens[i] in first
        and all(
            _is_form_of(k, t, where.in_heading)
            for k, t in zip(phrase[1:], tokens[i + 1 : i + width], strict=True)
        )
        for i in range(len(tokens) - width + 1)
    )


def match_section(
    heading: str, text: str, topics: list[TopicSpec], *, min_hits: int = 2
) -> TopicMatch:
    """The best topic and a stance for a section (its heading and its text). A topic needs
    ``min_hits`` keyword hits in the text (a heading's word counts three)."""
    result = TopicMatch()
    heading_words = WORD.findall(heading)
    heading_forms = forms(heading_words)
    places = (place(heading_forms, 3, True), place(forms(WORD.findall(text)), 1, False))
    best: tuple[float, str, list[str]] | None = None
    scores: list[float] = []
    for topic in topics:
        found = _by_title(topic, heading, heading_words, heading_forms)
        if found is None:
            found = _by_keywords(topic, places, min_hits)
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
    topic: TopicSpec, heading: str, words: list[str], heading_forms: list[Form]
) -> tuple[float, list[str]] | None:
    section = None
    if topic.section and re.match(rf"^{re.escape(topic.section)}(?:\.?\s|$)", heading.strip()):
        # "4.3 …" names the draft's section; "5. …" may just number the response's points
        section = (0.9 if "." in topic.section else 0.5), [f"section {topic.section}"]
    title = _title_words(topic, words, heading_forms)
    candidates = [c for c in (title, section) if c is not None]
    return max(candidates, key=lambda c: c[0]) if candidates else None


def _title_words(
    topic: TopicSpec, words: list[str], heading_forms: list[Form]
) -> tuple[float, list[str]] | None:
    title = [f for f in _keyword_forms(topic.title) if f[0] not in SMALL_WORDS]
    if not title:
        return None
    hit = [
        w
        for w, form in zip(words, heading_forms, strict=True)
        if any(_is_form_of(t, form, True) for t in title)
    ]
    covered = [t for t in title if any(_is_form_of(t, form, True) for form in heading_forms)]
    if len(covered) == len(title):
        return 0.95, [f"{' '.join(dict.fromkeys(hit))} (heading)"]
    distinctive = [t for t in covered if t[1] not in _general_stems()]
    if distinctive and len(covered) * 2 >= len(title) and len(title) >= 2:
        share = len(covered) / len(title)
        return round(0.5 + 0.4 * share, 2), [f"{' '.join(dict.fromkeys(hit))} (heading)"]
    return None


def _by_keywords(
    topic: TopicSpec, places: tuple[Place, ...], min_hits: int = 2
) -> tuple[float, list[str]] | None:
    score = 0.0
    matched: list[str] = []
    distinct = 0
    for keyword in topic.keywords:
        phrase = _keyword_forms(keyword)
        if len(phrase) > 1:
            count = sum(_phrase_count(phrase, where) for where in places)
            if count:
                distinct += 1
                score += count
                matched.append(keyword)
            continue
        if not phrase or (min_hits < 2 and phrase[0][1] in _general_stems()):
            continue  # one "samarbejdsaftalen" says nothing about the topic "samarbejde"
        hits = _hits(phrase[0], places, matched)
        if hits:
            distinct += 1
            score += hits
    if score < min_hits:
        return None
    confidence = min(0.85, 0.3 + 0.1 * distinct + 0.04 * min(score, 8))
    return confidence, matched[:6]


def _hits(keyword: Form, places: tuple[Place, ...], matched: list[str]) -> int:
    """Weighted hits of a keyword in the places; the words that matched are added to
    ``matched``."""
    hits = 0
    for where in places:
        for token, count in where.counts.items():
            if _is_form_of(keyword, token, where.in_heading):
                hits += where.weight * count
                if token[0] not in matched:
                    matched.append(token[0])
    return hits


def _stance(text: str, result: TopicMatch) -> None:
    guess = guess_stance(text)
    if guess.stance is not None:
        result.stance, result.stance_confidence = guess.stance, guess.confidence
        result.cues = list(guess.cues)
