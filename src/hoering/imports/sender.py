"""Who sent a letter, from evidence: every place a Danish letter names its sender gives a
candidate with a weight (the hearing's consulted parties in the letterhead, "<X> takker for
…", "<X> har følgende bemærkninger", "På vegne af <X>", a form's "Organisation:" field, the
e-mail domain, …). The evidence for each candidate is combined into one score; a candidate
that is the hearing's authority, a stamp, a label, a fragment or a pronoun is never one.
:mod:`hoering.imports.calibration` turns the score into a measured confidence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..messages import ntr, tr
from ..text import slug
from .cleanup import Cleaned
from .letterhead import CLOSING
from .lines import Line


@dataclass(frozen=True)
class Evidence:
    """One place that names ``name`` as the sender, and how much that place says."""

    name: str
    cue: str  # a key of WEIGHTS
    found_in: str


# how often a cue names the sender, alone (tuned on the corpus's tune half and on the
# layouts of issue 19; combined per candidate as independent evidence, see score())
WEIGHTS = {
    "form": 0.9,  # "Organisation: X", "Virksomhed / Organisation: X", "Afsender: X"
    "behalf": 0.85,  # "På vegne af X" opening a line of the closing
    "thanks": 0.85,  # "X takker for …"
    "remarks": 0.8,  # "X har følgende/ingen bemærkninger", "X fremsender høringssvar"
    "genitive": 0.75,  # "X's høringssvar", "Xs bemærkninger" opening the subject or text
    "from": 0.7,  # "Høringssvar fra X", "Til … fra X"
    "letterhead": 0.7,  # an organisation's name in the letterhead
    "party": 0.6,  # a consulted party named in the letterhead, subject, first lines
    "signature": 0.6,  # an organisation's name under the signatory
    "domain": 0.55,  # a consulted party's e-mail domain
    "received": 0.6,  # "X har (den …) modtaget …høring"
    "address": 0.5,  # the name above the sender's own address block
    "place": 0.5,  # a consulted party's town before the date: "Brøndby, den 18. juni 2019"
    "submitted": 0.55,  # a web form's "Indsendt af: X" (a person)
    "subject": 0.45,  # X opens two or more sentences ("KL ser …", "KL er …")
    "opening": 0.35,  # a consulted party named in the subject or the first paragraphs
    "file": 0.3,  # the file's name names a consulted party
    "logo": 0.55,  # the largest words at the top of page 1
    "head": 0.25,  # a bold line at the top of page 1, a running header
    "named": 0.2,  # a consulted party named in the text
}
# a consulted party of the hearing is a likelier sender than any other name
PARTY_BONUS = 0.3

ORG_SUFFIX = re.compile(
    r"\w{3,}(?:styrelsen|ministeriet|ministerium|rådet|råd|nævnet|tilsynet|kommune|"
    r"regionen|foreningen|forening|forbundet|forbund|selskabet|sekretariatet|centret|"
    r"center|fonden|organisationen|institut|instituttet|universitet)$",
    re.IGNORECASE,
)
ORG_WORD = re.compile(
    r"\b(?:kommune|region|regioner|organisation|forening|forbund|styrelse|ministeriet|råd|"
    r"rådet|hospital|center|selskab|fond|nævn|sekretariat|lægeforening|industri|"
    r"erhverv|landsforening|municipality|council)\b",
    re.IGNORECASE,
)
# words that open a sentence but never a name
NOT_NAMES = frozenset(
    """vi jeg du i man han hun de den det der dette denne disse som hvis når men og eller
    for til med på af efter hermed derfor endvidere desuden samtidig herudover her da så
    også kun alle begge flere mange nogle ingen hver tak venlig er har kan skal vil
    offentligt bilag dato side emne vedr vedrørende sagsnr""".split()
)
# nouns that name no one by themselves ("Kommunen har …", "Lovforslaget er …")
GENERIC = frozenset(
    """høringssvar høringen høringssvaret bemærkninger kommunen regionen ministeriet
    styrelsen rådet foreningen forbundet udvalget sekretariatet selskabet fonden nævnet
    lovforslaget forslaget udkastet bekendtgørelsen loven vejledningen aftalen strategien
    planen""".split()
)
STAMP = re.compile(r"\bOffentligt\b|\bBilag\s+\d+\b|\bAlm\.\s?del\b|\b\d{4}-\d{2}\b")
NAME_WORD = r"[A-ZÆØÅ][\w.&-]*"
# a name, and the short form a letter may give after it: "Dansk Industri (DI) …"
NAME_PART = rf"{NAME_WORD}(?:\s+(?:{NAME_WORD}|og|for|af|i|&))*?(?:\s+\([A-ZÆØÅ]{{2,6}}\))?"
CUES = [
    (
        "thanks",
        re.compile(rf"^(?P<x>{NAME_PART})\s+(?:vil\s+gerne\s+)?takke[r]?\s+(?:\w+\s+)?for\b"),
    ),
    (
        "remarks",
        re.compile(
            rf"^(?P<x>{NAME_PART})\s+(?:har|skal|vil)\s+(?:hermed\s+)?(?:følgende|ingen|enkelte|"
            r"nogle|en række|få|ikke)\s+(?:\w+\s+)?(?:bemærkninger|kommentarer|indvendinger)"
        ),
    ),
    (
        "remarks",
        re.compile(
            rf"^(?P<x>{NAME_PART})\s+(?:skal\s+|vil\s+|har\s+)?(?:hermed\s+)?(?:fremsender|"
            r"afgiver|fremsende|afgive|sender|sendte|sendt|afgav|afgivet|fremsendte|fremsendt)"
            r"\s+(?:[\w.]+\s+){0,4}?(?:høringssvar|bemærkninger)"
        ),
    ),
    (
        "received",
        re.compile(
            rf"^(?P<x>{NAME_PART})\s+har\s+(?:den\s+[\w. ]{{3,20}}?\s+)?modtaget\s+[^.]{{0,60}}"
            r"høring"
        ),
    ),
    (
        "genitive",
        re.compile(
            rf"^(?P<x>{NAME_PART})(?:'s|’s|s)\s+(?i:hør+ings?svar|bemærkninger|kommentarer)"
        ),
    ),
    (
        "from",
        re.compile(
            r"(?i:hør+ings?svar|indspil|bemærkninger|kommentarer|svar|^til\s.+?)\s+fra\s+"
            rf"(?P<x>{NAME_PART})(?=\s+til\b|\s*[.,:;(]|\s*$)"
        ),
    ),
]
SUBJECT_VERB = re.compile(
    rf"^(?P<x>{NAME_PART})\s+(?:har|er|ser|finder|mener|opfordrer|anbefaler|bakker|hilser|"
    r"støtter|vil|skal|kan|takker|fremsender|bemærker|foreslår|ønsker|noterer|savner|"
    r"konstaterer|sendte|modtog|deler|tilslutter|afgiver|påpeger|understreger|vurderer|"
    r"anerkender|forventer|finder|tager|ser)\b"
)
FORM_FIELD = re.compile(
    r"^(?:(?:virksomhed\s*/\s*)?organisation|afsender|høringspart|virksomhed|myndighed|"
    r"forening)\s*:\s*(?P<x>.*)$",
    re.IGNORECASE,
)
SUBMITTED = re.compile(r"^(?:indsendt\s+af|afgivet\s+af|navn)\s*:\s*(?P<x>.*)$", re.IGNORECASE)
FIELD = re.compile(r"^[\w /.-]{1,30}:\s")  # a form's field: "Postnr.: 2300", "By: København"
BEHALF = re.compile(r"^(?:på vegne af|on behalf of)\s+(?P<x>.+)$", re.IGNORECASE)
STREET = re.compile(r"^[A-ZÆØÅ][\w.' -]+\s\d+[A-Za-z]?\b")
POSTCODE = re.compile(r"^(?:DK-)?\d{4}\s+[A-ZÆØÅ]")
SEGMENTS = re.compile(r"\s{2,}|\s[·|•]\s")  # "Kommentarer fra X · 12. juni 2019"
# a date line opening with a place: "København Ø, den 19. juni 2019", "Vanløse d. 20. …"
PLACE_DATE = re.compile(
    r"^(?P<x>[A-ZÆØÅ][\w-]+(?:\s[A-ZÆØÅ][\w-]*)?)(?:,\s*(?:d(?:en)?\.?\s*)?|\s+d(?:en)?\.?\s*)\d"
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")
FIRST_PARAGRAPHS = 4  # where a letter says who it is: its first paragraphs


def evidence(
    cleaned: Cleaned, parties: list[tuple[str, list[str]]], recipient: set[int]
) -> list[Evidence]:
    """Every place in the letter that names a possible sender."""
    found = list(_form_fields(cleaned))
    found += _cues(cleaned)
    found += _subjects(cleaned)
    found += _letterhead(cleaned, parties, recipient)
    found += _closing(cleaned, parties)
    found += _named(cleaned, parties, recipient)
    found += _places(cleaned, parties)
    return found


def _places(cleaned: Cleaned, parties: list[tuple[str, list[str]]]) -> list[Evidence]:
    """A consulted party's town before the letter's date ("Brøndby, den 18. juni 2019")."""
    found = []
    for line in _top_lines(cleaned) + cleaned.closing + cleaned.all_lines[:3]:
        match = PLACE_DATE.match(line.text.strip())
        party = party_named(match.group("x"), parties) if match else None
        if party is not None:
            where = tr("place and date")
            found.append(Evidence(party, "place", f'{where}: "{_clip(line.text.strip())}"'))
    return found


def _opening_texts(cleaned: Cleaned, joined: bool = True) -> Iterator[tuple[str, str]]:
    """(text, place) of the subject line and the first paragraphs, where a letter says
    who writes; the subject's lines ``joined`` into one text, or one by one."""
    subject = [line.text.strip() for line in cleaned.subject]
    for text in [" ".join(subject)] if joined else subject:
        yield text, tr("subject line")
    for line in _top_lines(cleaned):
        for part in SEGMENTS.split(line.text.strip()):
            yield part, tr("letterhead")
    for para in cleaned.body[:FIRST_PARAGRAPHS]:
        yield para.text, tr("text")


def _cues(cleaned: Cleaned) -> list[Evidence]:
    found = []
    for text, place in _opening_texts(cleaned):
        for sentence in SENTENCE.split(text.strip()):
            for cue, pattern in CUES:
                match = pattern.search(sentence.strip())
                if match:
                    words = _clip(match.group(0))
                    found.append(Evidence(match.group("x"), cue, f'{place}: "{words}"'))
    return found


def where_in(line: Line, cleaned: Cleaned) -> str:
    """The part of the letter ``line`` is in, in words ("brevhovedet, side 1")."""
    if line.region == "aside":
        part = tr("beside the text")
    elif line in cleaned.letterhead or line.region == "header":
        part = tr("letterhead")
    elif line in cleaned.closing:
        part = tr("closing")
    elif line.region == "footer":
        part = tr("footer")
    elif line in cleaned.subject:
        part = tr("subject line")
    else:
        part = tr("text")
    if line.page_height and not line.paragraph:
        return tr("{place}, page {page}", place=part, page=line.page)
    return part


def _clip(words: str, limit: int = 60) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


def _subjects(cleaned: Cleaned) -> list[Evidence]:
    """A name that opens two or more sentences of the text ("KL ser …", "KL er …")."""
    counts: dict[str, int] = {}
    for para in cleaned.body:
        for sentence in SENTENCE.split(para.text):
            match = SUBJECT_VERB.match(sentence.strip())
            if match:
                key = match.group("x")
                counts[key] = counts.get(key, 0) + 1
    return [
        Evidence(name, "subject", tr("opens {n} sentences of the text", n=count))  # n >= 2
        for name, count in counts.items()
        if count >= 2
    ]


def beside(label: Line, lines: list[Line]) -> list[Line]:
    """The lines to the right of ``label`` on its row (the value cells of an info table)."""
    if label.paragraph:
        return []
    row = [
        line
        for line in lines
        if line.page == label.page
        and line is not label
        and abs(line.top - label.top) < 2
        and line.x0 >= label.x1 - 1
    ]
    return sorted(row, key=lambda line: line.x0)


def field_rows(cleaned: Cleaned) -> Iterator[tuple[Line, str]]:
    """Every line's text, a form's label in a column of its own joined with the value
    beside it ("Dato:" + "08.06.2019" → "Dato: 08.06.2019"); the value is not given again."""
    lines = cleaned.all_lines
    given: set[int] = set()
    for line in lines:
        if id(line) in given:
            continue
        text = line.text.strip()
        values = beside(line, lines)[:1] if text.endswith(":") else []
        given.update(id(value) for value in values)
        yield line, " ".join([text, *(value.text.strip() for value in values)])


def submitted_by(cleaned: Cleaned) -> tuple[str, str] | None:
    """The person a web form says sent the answer ("Indsendt af: Ida Rasmussen"), with
    where it says so."""
    for item in _form_fields(cleaned):
        if item.cue == "submitted" and _looks_like_name(item.name.strip()):
            return item.name.strip(), item.found_in
    return None


def _form_fields(cleaned: Cleaned) -> Iterator[Evidence]:
    """A web form's or a cover sheet's sender fields ("Virksomhed / Organisation: X",
    "Indsendt af: Y")."""
    for line, text in list(field_rows(cleaned))[:60]:
        for cue, pattern in (("form", FORM_FIELD), ("submitted", SUBMITTED)):
            match = pattern.match(text)
            if match and match.group("x").strip():
                field = tr('the field "{text}"', text=_clip(text))
                yield Evidence(match.group("x"), cue, f"{where_in(line, cleaned)}: {field}")


def _letterhead(
    cleaned: Cleaned, parties: list[tuple[str, list[str]]], recipient: set[int]
) -> list[Evidence]:
    lines = [
        line
        for line in _top_lines(cleaned)
        if id(line) not in recipient and not STAMP.search(line.text)
    ]
    found = []
    named = False  # the line above named someone: this one is its unit or address
    for index, line in enumerate(lines):
        text = line.text.strip()
        place = tr("letterhead, beside the text") if line.region == "aside" else tr("letterhead")
        cue = _letterhead_cue(lines, index, parties, cleaned.body_size)
        if cue is not None and not named:
            name = _named_in_line(text, parties) if cue in ("letterhead", "party") else text
            found.append(Evidence(name, cue, place if cue != "address" else _above(place)))
        ends = index + 1 < len(lines) and _block_ends(line, lines[index + 1])
        named = not ends and (named or cue in ("letterhead", "party", "address", "logo"))
    return found


def _named_in_line(text: str, parties: list[tuple[str, list[str]]]) -> str:
    """The name a letterhead line gives: the whole line ("Københavns Kommune, Teknik- og
    Miljøforvaltningen"), or, where the line also holds a case number, a post box or a
    phone number ("J.nr. 24-118 · Ankestyrelsen · 7998 Statsservice"), the consulted party
    or the one organisation's word in it."""
    if not re.search(r"[\d@:/|·•]", text):
        return text
    party = party_named(text, parties)
    if party is not None:
        return party
    words = [w.strip(",.;") for w in text.split() if ORG_SUFFIX.fullmatch(w.strip(",.;"))]
    return words[0] if len(words) == 1 and words[0][:1].isupper() else text


def _block_ends(line: Line, after: Line) -> bool:
    """Whether a blank line or more lies between ``line`` and the next (PDF); a DOCX
    letterhead counts as one block."""
    if line.paragraph or after.page != line.page:
        return line.paragraph is False
    return after.top - line.bottom > (line.bottom - line.top) * 0.8


def _letterhead_cue(
    lines: list[Line], index: int, parties: list[tuple[str, list[str]]], body_size: float
) -> str | None:
    line = lines[index]
    text = line.text.strip()
    if ORG_WORD.search(text) or ORG_SUFFIX.search(text):
        return "letterhead"
    if party_named(text, parties) and not PLACE_DATE.match(text):  # a town: see _places
        return "party"
    if _above_address(lines, index):
        return "address"
    if line.size >= body_size * 1.3:  # a logo's words: the largest text on top of page 1
        return "logo"
    return "head" if line.bold or line.region == "header" else None


def _above(place: str) -> str:
    return tr("{place}, above an address", place=place)


def _top_lines(cleaned: Cleaned) -> list[Line]:
    """The letterhead: lines before the subject on page 1, running headers, sidebars."""
    return [
        line
        for line in cleaned.all_lines
        if line in cleaned.letterhead
        or (line.region == "header" and line.page == 1)
        or (line.region == "aside" and line.page == 1)
    ]


def _above_address(lines: list[Line], index: int) -> bool:
    """Whether the line is the first of an address block (a street, a postcode below)."""
    after = [line.text.strip() for line in lines[index + 1 : index + 3]]
    return len(after) == 2 and bool(STREET.match(after[0])) and bool(POSTCODE.match(after[1]))


def _closing(cleaned: Cleaned, parties: list[tuple[str, list[str]]]) -> list[Evidence]:
    found = []
    for line in cleaned.closing:
        text = line.text.strip()
        match = BEHALF.match(text)
        if match:
            who = match.group("x").split(",")[0]
            where = tr("closing")
            found.append(Evidence(who, "behalf", f'{where}: "{_clip(text)}"'))
        elif not CLOSING.match(text) and (
            ORG_WORD.search(text)
            or ORG_SUFFIX.search(text.split(",")[0])
            or party_named(text, parties)
        ):
            found.append(Evidence(text.split(",")[0], "signature", tr("signature")))
    return found


def _named(
    cleaned: Cleaned, parties: list[tuple[str, list[str]]], recipient: set[int]
) -> list[Evidence]:
    """Consulted parties named in the letter's first paragraphs and in its text at all."""
    found = []
    for text, place in _opening_texts(cleaned, joined=False):
        other_field = FIELD.match(text) and not FORM_FIELD.match(text)  # "By: Frederiksberg C"
        party = None if STAMP.search(text) or other_field else party_named(text[:200], parties)
        if party is not None:
            found.append(Evidence(party, "opening", place))
    counts: dict[str, int] = {}
    for line in cleaned.all_lines:
        party = party_named(line.text, parties) if id(line) not in recipient else None
        if party is not None:
            counts[party] = counts.get(party, 0) + 1
    for party, count in counts.items():
        named = ntr("named once in the text", "named {n} times in the text", count)
        found.append(Evidence(party, "named", named))
    return found


def party_named(text: str, parties: list[tuple[str, list[str]]]) -> str | None:
    lowered = text.lower()
    for name, aliases in parties:
        for candidate in [name, *aliases]:
            if re.search(rf"(?<!\w){re.escape(candidate.lower())}(?!\w)", lowered):
                return name
    return None


# --- the candidates -------------------------------------------------------------------


def as_name(text: str, parties: list[tuple[str, list[str]]]) -> str | None:
    """``text`` as a sender's name ("KØBENHAVNS KOMMUNE" → "Københavns Kommune"; a
    consulted party's own spelling), or None when it cannot be one: a label, a stamp, a
    fragment of a sentence, a pronoun, an address."""
    text = re.sub(r"\s+", " ", text).strip().strip(",.;:–- ")
    text = re.sub(r"^(?:fra|from)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+\([A-ZÆØÅ]{2,6}\)$", "", text)  # "Dansk Industri (DI)"
    party = _whole_party(text, parties)
    if party is not None:
        return party
    if not _looks_like_name(text):
        return None
    return _cased(text)


def _whole_party(text: str, parties: list[tuple[str, list[str]]]) -> str | None:
    """The consulted party ``text`` is (its name or an alias, as the whole text, or the
    text with a unit after a comma)."""
    head = f"-{slug(text.split(',')[0])}-"
    for name, aliases in parties:
        for candidate in [name, *aliases]:
            own = slug(candidate)
            if own and (head == f"-{own}-" or head.startswith(f"-{own}-")):
                return name
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or re.search(r"[\d@:/|]", text) or STAMP.search(text):
        return False
    if not words[0][:1].isupper():
        return False
    if words[0].lower().strip(".") in NOT_NAMES and not (len(words) > 1 and words[1][:1].isupper()):
        return False  # "Vi", "Det er"; but "Det Centrale Handicapråd"
    if text.endswith(("?", "!")):
        return False
    if len(words) == 1:
        return _acronym(text) or bool(ORG_SUFFIX.match(text)) and text.lower() not in GENERIC
    capitals = [w for w in words if w[:1].isupper()]
    return words[-1][:1].isupper() and len(capitals) * 2 > len(words)


def _acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÆØÅ]{2,5}", word))


def _cased(text: str) -> str:
    """A name written in capitals as a name is written ("DANSKE ÆLDRERÅD" → "Danske
    Ældreråd"); an acronym ("KL", "DI") stays."""
    if not text.isupper() or (len(text.split()) == 1 and _acronym(text)):
        return text
    return " ".join(_cased_word(word, index == 0) for index, word in enumerate(text.split()))


SMALL_WORDS = frozenset({"og", "for", "af", "i", "til", "på", "med"})


def _cased_word(word: str, first: bool) -> str:
    if not first and word.lower() in SMALL_WORDS:
        return word.lower()
    if _acronym(word) and len(word) <= 3:  # "KL", "DI" inside a name
        return word
    return word.capitalize()


# cues where the letter says who writes it (not merely names someone)
SELF_CUES = frozenset(
    {"form", "behalf", "thanks", "remarks", "genitive", "from", "received", "domain", "submitted"}
)


def says_it_writes(
    found: Iterable[Evidence], name: str, parties: list[tuple[str, list[str]]]
) -> bool:
    """Whether the letter says ``name`` writes it ("Til … fra X", "X takker for")."""
    return any(item.cue in SELF_CUES and as_name(item.name, parties) == name for item in found)


def person_writes(
    found: Iterable[Evidence], name: str, parties: list[tuple[str, list[str]]]
) -> bool:
    """Whether ``name`` is a private person's and the letter says it is from them
    ("Høringssvar fra Jens Holm", "Til ministeriet fra Jens Holm"): two to four capitalised
    words, none an organisation's, not a consulted party."""
    words = name.split()
    if not 2 <= len(words) <= 4 or _whole_party(name, parties) is not None:
        return False
    if ORG_WORD.search(name) or any(ORG_SUFFIX.match(w) or _acronym(w) for w in words):
        return False
    if any(_group_word(w.lower()) for w in words):
        return False
    cues = {item.cue for item in found if as_name(item.name, parties) == name}
    return "from" in cues and all(w[:1].isupper() and w[1:].islower() for w in words)


# the heads of the names of groups, places and institutions ("Børnehuset Bryggen",
# "Beboergruppen Nord", "Bofællesskabet Lærkehøj"), which no person's name ends with
GROUP_HEADS = (
    "hus", "huset", "gruppe", "gruppen", "skole", "skolen", "klub", "klubben", "laug",
    "lauget", "udvalg", "udvalget", "netværk", "netværket", "bestyrelse", "bestyrelsen",
    "fællesskab", "fællesskabet", "institution", "institutionen", "have", "haven", "stue",
    "stuen", "hjem", "hjemmet", "boliger", "beboere", "forældre", "borgere", "kirke",
)  # fmt: skip


def _group_word(word: str) -> bool:
    """Whether ``word`` names a group or a place rather than a person: one of GROUP_HEADS
    or a compound ending in one, or a long noun in the definite form ("-et")."""
    return word.endswith(GROUP_HEADS) or (len(word) >= 7 and word.endswith("et"))


@dataclass(frozen=True)
class Candidate:
    name: str
    score: float
    places: tuple[str, ...]


def candidates(
    found: Iterable[Evidence],
    parties: list[tuple[str, list[str]]],
    is_authority: Callable[[str], bool],
) -> list[Candidate]:
    """The candidates, best first: one score per name from all its evidence (each cue
    counted once, at its weight, as independent evidence: 1 - Π(1 - w)); a consulted
    party is surer; the authority is never a candidate."""
    weights: dict[str, dict[str, float]] = {}
    places: dict[str, list[tuple[float, str]]] = {}
    names = {name for name, _ in parties}
    found = list(found)
    form = any(item.cue == "form" for item in found)  # the person who filled it in sent it for
    for item in found:
        name = None if form and item.cue == "submitted" else as_name(item.name, parties)
        if name is None or is_authority(name):
            continue
        cues = weights.setdefault(name, {})
        cues[item.cue] = max(cues.get(item.cue, 0.0), WEIGHTS[item.cue])
        places.setdefault(name, []).append((WEIGHTS[item.cue], item.found_in))
    result = []
    for name, cues in weights.items():
        if set(cues) <= {"named", "file"}:  # named in passing, a file name: they only add
            continue
        if name in names and set(cues) - {"named"}:
            cues["party bonus"] = PARTY_BONUS
        remaining = 1.0
        for weight in cues.values():
            remaining *= 1 - weight
        strongest = sorted(places[name], key=lambda place: -place[0])  # stable: text order
        result.append(Candidate(name, 1 - remaining, tuple(dict.fromkeys(p for _, p in strongest))))
    return sorted(result, key=lambda c: (-c.score, c.name))


def margin(ranked: list[Candidate]) -> float:
    """The raw score of the best candidate: its own score, less half of the next one's
    (two names with the same evidence make neither sure)."""
    if not ranked:
        return 0.0
    second = ranked[1].score if len(ranked) > 1 else 0.0
    return max(0.0, ranked[0].score - second / 2)
