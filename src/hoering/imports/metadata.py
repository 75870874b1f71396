"""Who sent it, when, under which case number, about what, signed by whom: each value with
a confidence and the place it was found, so a person can check it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ..dates import find_dates
from ..messages import ntr, tr
from ..text import slug
from .cleanup import CLOSING, Cleaned, join_text
from .lines import Line

ORGANISATION_WORDS = re.compile(
    r"\b(kommune|region|regionen|organisation|forening|forbund|styrelse|ministeriet|råd|"
    r"rådet|plo|hospital|center|selskab|fond|nævn|sekretariat|udvalg|lægeforening|"
    r"municipality|council)\b",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})", re.IGNORECASE)
CASE_LABEL = re.compile(
    r"\b(?:sagsnr|sags\.?\s?nr|sagsnummer|j\.\s?nr|jnr|journalnr|"
    r"journal\s?nr|vores\s+ref|our\s+ref|case\s+no|ref\.?\s?nr)\.?\s*:?\s*",
    re.IGNORECASE,
)
CASE_VALUE = re.compile(r"^[A-Za-z0-9][\w./-]*\d[\w./-]*")
NAME = re.compile(r"^[A-ZÆØÅ][\w'-]+\.?(?:\s+[A-ZÆØÅ][\w'.-]*){1,4}$")
FIELD_LABEL = re.compile(
    r"^(?:dato|date|sagsnr|sags\.?\s?nr|j\.?\s?nr|journalnr|kontakt|"
    r"kontaktperson|direkte|telefon|tlf|mobil|e-?mail|mail|web|cvr|ean|"
    r"sagsbehandler|reference|vores ref|deres ref|organisation|afsender|"
    r"modtager|høringspart|adresse)\b\.?\s*(?::|$)",
    re.IGNORECASE,
)
SENDER_LABEL = re.compile(
    r"^(?:organisation|afsender|høringspart|virksomhed|myndighed)\s*:?"
    r"\s*(?P<value>.*)$",
    re.IGNORECASE,
)
DATE_LABEL = re.compile(r"^(?:dato|date)\b\s*:?\s*", re.IGNORECASE)
T = TypeVar("T")
TOWN_DATE = re.compile(r"^[A-ZÆØÅ][\w-]+(?:\s[A-ZÆØÅ][\w-]+)?,?\s+(?:d(?:en)?\.?\s*)?\d")


@dataclass
class Found(Generic[T]):
    value: T
    confidence: float
    found_in: str


@dataclass
class Metadata:
    sender: Found[str] | None = None
    date: Found[dt.date] | None = None
    case_number: Found[str] | None = None
    title: Found[str] | None = None
    on_behalf_of: Found[str] | None = None
    signatories: list[tuple[str, str | None]] = field(default_factory=list)
    signatory: Found[str] | None = None
    recipient: Found[list[str]] | None = None  # the lines of the recipient's address block
    no_remarks: Found[bool] | None = None  # True when the letter only says it has none


def guess_metadata(
    cleaned: Cleaned, parties: list[tuple[str, list[str]]], authority: tuple[str, ...] = ()
) -> Metadata:
    """``parties``: (name, aliases) of the hearing's consulted parties; ``authority``: the
    names and web/e-mail domains of the hearing's authority, which never sent a response."""
    meta = Metadata()
    meta.on_behalf_of, meta.signatories = _signature(cleaned.closing)
    if meta.signatories:
        name, title = meta.signatories[0]
        meta.signatory = Found(
            name,
            0.75,
            tr("closing, the line after the greeting")
            if title is None
            else tr("closing, name and title under the greeting"),
        )
    if cleaned.recipient:
        meta.recipient = Found(
            [line.text.strip() for line in cleaned.recipient],
            0.8,
            tr("address block above the subject, page 1"),
        )
    meta.sender = _sender(cleaned, meta.on_behalf_of, parties, authority)
    meta.date = _date(cleaned)
    meta.case_number = _case_number(cleaned)
    meta.title = _title(cleaned)
    meta.no_remarks = no_remarks(" ".join(para.text for para in cleaned.body))
    return meta


NO_REMARKS = re.compile(
    r"\b(?:ingen|ikke(?: nogen| har)?)(?: yderligere| særlige)? (?:bemærkninger|kommentarer|"
    r"indvendinger)\b|\bikke (?:giver|gi'r) anledning til (?:bemærkninger|kommentarer)"
    r"|\bgiver ikke anledning til (?:bemærkninger|kommentarer)"
    r"|\bno (?:further )?(?:comments|remarks|observations|objections)\b"
    r"|\bnothing to (?:add|remark)\b",
    re.IGNORECASE,
)
NO_REMARKS_WORDS = 90  # a letter that only says it has no remarks is short


def no_remarks(text: str) -> Found | None:
    """True when ``text`` (a letter's body) only says that there are no remarks: a short
    text with "ingen bemærkninger", "har ikke bemærkninger til …", "no comments"."""
    match = NO_REMARKS.search(text)
    if match is None or len(text.split()) > NO_REMARKS_WORDS:
        return None
    return Found(True, 0.8, _quoting(tr("text"), match.group(0)))


def _quoting(place: str, words: str) -> str:
    """Where a value was found and the words there: 'afslutningen: "På vegne af …"'."""
    return f'{place}: "{words}"'


def _where(line: Line, cleaned: Cleaned) -> str:
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


def _signature(closing: list[Line]) -> tuple[Found | None, list[tuple[str, str | None]]]:
    behalf = None
    people: list[tuple[str, str | None]] = []
    lines = [line.text.strip() for line in closing]
    index = 0
    while index < len(lines):
        text = lines[index]
        match = re.match(r"^(?:på vegne af|on behalf of)\s+(?P<who>.+)$", text, re.IGNORECASE)
        if match:
            who = match.group("who").strip().rstrip(".")
            behalf = Found(who, 0.9, _quoting(tr("closing"), text))
        elif CLOSING.match(text):
            pass
        elif NAME.match(text) and not ORGANISATION_WORDS.search(text):
            text, title = _name_and_title(text)
            if title is None and index + 1 < len(lines):
                nxt = lines[index + 1]
                if (
                    len(nxt.split()) <= 6
                    and not re.search(r"[\d@]", nxt)
                    and not NAME.match(nxt)
                    and not CLOSING.match(nxt)
                ):
                    title = nxt
                    index += 1
            people.append((text, title))
        index += 1
    return behalf, people


# the last word of "Camilla Ravn Centerchef" (a name and a title on one line, as Word keeps
# a signature with a line break): a title, not a surname
TITLE_WORD = re.compile(
    r"^(?:[\wæøå-]*(?:chef|direktør|konsulent|leder|formand|koordinator|"
    r"rådgiver|fuldmægtig|specialist|sekretær|medarbejder|borgmester|"
    r"sygeplejerske|overlæge|psykolog))$",
    re.IGNORECASE,
)


def _name_and_title(text: str) -> tuple[str, str | None]:
    words = text.split()
    for index in range(2, len(words)):
        if TITLE_WORD.match(words[index]):
            return " ".join(words[:index]), " ".join(words[index:])
    return text, None


def _party(text: str, parties: list[tuple[str, list[str]]]) -> str | None:
    lowered = text.lower()
    for name, aliases in parties:
        for candidate in [name, *aliases]:
            if re.search(rf"(?<!\w){re.escape(candidate.lower())}(?!\w)", lowered):
                return name
    return None


def _sender(
    cleaned: Cleaned,
    behalf: Found | None,
    parties: list[tuple[str, list[str]]],
    authority: tuple[str, ...],
) -> Found | None:
    """The sender: a consulted party named in the letterhead, the signature or the e-mail
    domain wins over other names; the authority and the recipient block never count."""
    strong: list[Found] = []  # the letter's own places: letterhead, signature, e-mail
    if behalf is not None:
        name = str(behalf.value).split(",")[0].strip()
        strong.append(Found(name, 0.9, tr('signature "På vegne af"')))
    head = _letterhead_name(cleaned, authority)
    if head is not None:
        strong.append(head)
    strong += _from_email(cleaned, parties, authority)
    strong += _labelled_sender(cleaned) + _signature_organisation(cleaned, parties)
    for line in cleaned.letterhead + cleaned.closing:
        town = TOWN_DATE.match(line.text)
        party = _party(line.text.split(",")[0], parties) if town else None
        if party:
            strong.append(Found(party, 0.7, _quoting(tr("place and date"), line.text.strip())))
    weak = [found for found in [_most_named(cleaned, parties, authority)] if found]
    strong = [
        _as_party(found, parties)
        for found in strong
        if not is_authority(str(found.value), authority)
    ]
    weak = [_as_party(found, parties) for found in weak]
    names = {name for name, _ in parties}
    consulted = [found for found in strong if found.value in names]
    candidates = consulted or strong + weak
    if not candidates:
        return None
    best = max(candidates, key=lambda f: f.confidence)
    agreeing = [f for f in strong + weak if f.value == best.value]
    confidence = min(0.98, best.confidence + 0.04 * (len(agreeing) - 1))
    places = ", ".join(dict.fromkeys(f.found_in for f in agreeing))
    return Found(best.value, round(confidence, 2), places)


def _labelled_sender(cleaned: Cleaned) -> list[Found]:
    """The value of a form's sender field ("Organisation: Ballerup Kommune")."""
    lines = cleaned.all_lines
    for line in lines[:60]:
        match = SENDER_LABEL.match(line.text.strip())
        if match is None:
            continue
        value = match.group("value").strip() or " ".join(
            other.text.strip() for other in _beside(line, lines)[:1]
        )
        if value and not re.search(r"[\d@]", value):
            field = tr('the field "{text}"', text=line.text.strip())
            return [Found(value, 0.9, f"{_where(line, cleaned)}: {field}")]
    return []


def _signature_organisation(cleaned: Cleaned, parties: list[tuple[str, list[str]]]) -> list[Found]:
    """A consulted party on a line of the signature ("Glostrup Kommune, Social og Sundhed")."""
    for line in cleaned.closing:
        party = _party(line.text.split(",")[0], parties)
        if party is not None and not CLOSING.match(line.text.strip()):
            return [Found(party, 0.75, tr("signature"))]
    return []


def _as_party(found: Found, parties: list[tuple[str, list[str]]]) -> Found:
    """A consulted party's own spelling of the name, a little surer; else as found."""
    party = _party(str(found.value), parties)
    if party is None:
        return found
    return Found(party, min(0.95, found.confidence + 0.05), found.found_in)


def is_authority(name: str, authority: tuple[str, ...]) -> bool:
    """Whether ``name`` is the hearing's authority (or one of its units, by its name)."""
    own = f"-{slug(name)}-"
    return any(f"-{slug(other)}-" in own for other in authority if other)


def party_in(text: str, parties: list[tuple[str, list[str]]]) -> str | None:
    """The consulted party ``text`` names, also when written without æ/ø/å (a file name
    such as "hoeringssvar_hoje-taastrup")."""
    party = _party(text, parties)
    if party is not None:
        return party
    words = f"-{slug(text)}-"
    for name, aliases in parties:
        if any(f"-{slug(candidate)}-" in words for candidate in [name, *aliases]):
            return name
    return None


def _from_email(
    cleaned: Cleaned, parties: list[tuple[str, list[str]]], authority: tuple[str, ...]
) -> list[Found]:
    """The sender from the first e-mail address's domain (glostrup.dk → Glostrup Kommune);
    addresses of the authority and in the recipient block say nothing about the sender."""
    recipient = {id(line) for line in cleaned.recipient}
    own = {slug(other.split(".")[-2]) for other in authority if "." in other}
    for line in cleaned.all_lines:
        if id(line) in recipient:
            continue
        for match in EMAIL.finditer(line.text):
            found = email_sender(match.group(1), parties)
            if slug(match.group(1).lower().split(".")[-2]) in own or is_authority(
                str(found.value), authority
            ):
                continue
            return [found]
    return []


def email_sender(domain: str, parties: list[tuple[str, list[str]]]) -> Found:
    """The party an e-mail domain belongs to (glostrup.dk → Glostrup Kommune), or the
    domain's name when it is no consulted party's."""
    domain = domain.lower()
    stem = domain.split(".")[-2]
    party = next(
        (
            name
            for name, aliases in parties
            if stem in {slug(a) for a in [name, *aliases]} or slug(name).startswith(stem + "-")
        ),
        None,
    )
    where = tr("e-mail domain {domain}", domain=domain)
    if party:
        return Found(party, 0.75, where)
    return Found(stem.capitalize(), 0.35, where)


def _most_named(
    cleaned: Cleaned, parties: list[tuple[str, list[str]]], authority: tuple[str, ...]
) -> Found | None:
    """The consulted party the text names most often (a letter names its sender), unless
    it is the authority or the letter is addressed to it (then the text is about it)."""
    recipient = {id(line) for line in cleaned.recipient}
    addressed = {_party(line.text, parties) for line in cleaned.recipient}
    counts: dict[str, int] = {}
    for line in cleaned.all_lines:
        if id(line) in recipient:
            continue
        for name, aliases in parties:
            if name in addressed or is_authority(name, authority):
                continue
            if any(
                re.search(rf"(?<!\w){re.escape(a.lower())}(?!\w)", line.text.lower())
                for a in [name, *aliases]
            ):
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda kv: kv[1])
    named = ntr("named once in the text", "named {n} times in the text", count)
    return Found(name, 0.6 if count >= 2 else 0.45, named)


def _letterhead_name(cleaned: Cleaned, authority: tuple[str, ...]) -> Found | None:
    recipient = {id(line) for line in cleaned.recipient}
    pool = [
        line
        for line in cleaned.all_lines
        if (line.region == "header" and line.paragraph)
        or (line.page == 1 and not line.paragraph and line.bottom < line.page_height * 0.2)
        or (line.region == "aside" and line.page == 1)
        or line in cleaned.letterhead
    ]
    pool = [
        line
        for line in pool
        if not re.search(r"[\d@]", line.text)
        and not FIELD_LABEL.match(line.text.strip())
        and id(line) not in recipient
        and not is_authority(line.text, authority)
        and line not in cleaned.subject
        and 1 <= len(line.text.split()) <= 6
    ]
    if not pool:
        return None
    with_word = [line for line in pool if ORGANISATION_WORDS.search(line.text)]
    if with_word:
        line = max(with_word, key=lambda line: (line.size, line.bold, -line.top))
        return Found(line.text.strip(), 0.85, _head_place(line))
    pool = [line for line in pool if line.bold or line.region == "header"]
    if not pool:
        return None
    line = max(pool, key=lambda line: (line.size, line.bold, -line.top))
    return Found(line.text.strip(), 0.5, _head_place(line))


def _head_place(line: Line) -> str:
    return tr("letterhead, beside the text") if line.region == "aside" else tr("letterhead")


# words just before a date that make it another date than the letter's own
OTHER_DATE = re.compile(
    r"(?:frist|fristen|senest|inden|før|mødet?|møder|mødedato|afholdt|"
    r"afholdes|fra|til|af|siden|indtil|pr\.|gældende|ikrafttræden|"
    r"deadline|by|until|from|meeting)\s+(?:d(?:en)?\.?\s*)?$",
    re.IGNORECASE,
)


def _date(cleaned: Cleaned) -> Found | None:
    """The letter's own date: in the letterhead or the date line ("Dato: …", "København,
    3. marts 2025", a date alone on a line, an info table cell, the top right of page 1),
    not a date inside a sentence ("svarfrist den 19. marts 2025")."""
    best: tuple[float, int, Found] | None = None
    for order, (line, text, labelled) in enumerate(_date_lines(cleaned)):
        for date, words in find_dates(text)[:1]:
            score = _date_score(line, text, words, labelled, cleaned)
            if score and (best is None or score > best[0]):
                best = (score, order, Found(date, score, f'{_where(line, cleaned)}: "{words}"'))
    return best[2] if best else None


def _date_lines(cleaned: Cleaned):
    """(line, text, labelled) of every line that may hold a date; table rows as text."""
    lines = [
        line for line in cleaned.all_lines if id(line) not in {id(r) for r in cleaned.recipient}
    ]
    for index, line in enumerate(lines):
        for text in ["  ".join(row) for row in line.table] if line.table else [line.text]:
            labelled = bool(DATE_LABEL.match(text)) or (
                index > 0 and bool(DATE_LABEL.fullmatch(lines[index - 1].text.strip()))
            )
            yield line, text.strip(), labelled


def _date_score(line: Line, text: str, words: str, labelled: bool, cleaned: Cleaned) -> float:
    """How surely the date ``words`` in ``text`` is the letter's own date (0: it is not)."""
    before = text[: text.find(words)]
    if OTHER_DATE.search(before) and not labelled:
        return 0.0
    if labelled or TOWN_DATE.match(text):
        return 0.95
    alone = len(text.split()) <= len(words.split()) + 2  # "3. marts 2025", "Dato 3/3-2025"
    top_right = (
        line.page == 1
        and not line.paragraph
        and line.x0 > line.page_width * 0.5
        and line.top < line.page_height * 0.35
    )
    if top_right or (alone and line.region in ("aside", "header")):
        return 0.9
    if alone:
        return 0.85 if line in cleaned.letterhead or line in cleaned.closing else 0.8
    if line in cleaned.letterhead or line in cleaned.subject:
        return 0.6
    return 0.3  # inside a sentence: only when nothing better is found


def _case_number(cleaned: Cleaned) -> Found | None:
    lines = cleaned.all_lines
    for index, line in enumerate(lines):
        for match in CASE_LABEL.finditer(line.text):
            rest = line.text[match.end() :].strip()
            if not rest:  # the value in the next cell of an info table, or on the next line
                rest = " ".join(
                    other.text.strip()
                    for other in _beside(line, lines)[:1] or lines[index + 1 : index + 2]
                )
            value = CASE_VALUE.match(rest)
            if value:
                label = match.group(0).strip().rstrip(":")
                score = (
                    0.9 if line in cleaned.letterhead or line.region in ("header", "aside") else 0.8
                )
                after = tr('after "{label}"', label=label)
                return Found(
                    value.group(0).rstrip(".,"), score, f"{_where(line, cleaned)}: {after}"
                )
    return None


def _beside(label: Line, lines: list[Line]) -> list[Line]:
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


def _title(cleaned: Cleaned) -> Found | None:
    if not cleaned.subject:
        return None
    text = ""
    for line in cleaned.subject:
        text = join_text(text, line.text.strip())
    text = re.sub(r"^(?:emne|vedr\.?|vedrørende)\s*:\s*", "", text, flags=re.IGNORECASE)
    confidence = SUBJECT_CONFIDENCE.get(cleaned.subject_found_by, 0.75)
    return Found(text, confidence, subject_found_by(cleaned.subject_found_by))


SUBJECT_CONFIDENCE = {"title style": 0.9, "largest": 0.85}


def subject_found_by(how: str) -> str:
    """How the subject line was found (one of cleanup's ways), in words."""
    if how == "title style":
        return tr("Word title style")
    if how == "bold":
        return tr('bold line that reads like a subject ("Høringssvar …", "Vedr. …")')
    if how == "largest":
        return tr("largest text on page 1")
    return tr('first line that reads like a subject ("Høring …", "Vedr.: …")')
