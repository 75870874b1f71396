"""Who sent it, when, under which case number, about what, signed by whom: each value with
a confidence and the place it was found, so a person can check it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_dates
from ..scaffold import slug
from .cleanup import CLOSING, Cleaned, join_text
from .lines import Line

ORGANISATION_WORDS = re.compile(
    r"\b(kommune|region|regionen|organisation|forening|forbund|styrelse|ministeriet|råd|"
    r"rådet|plo|hospital|center|selskab|fond|nævn|sekretariat|udvalg|lægeforening|"
    r"municipality|council)\b", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)*\.[a-z]{2,})", re.IGNORECASE)
CASE_LABEL = re.compile(r"\b(?:sagsnr|sags\.?\s?nr|sagsnummer|j\.\s?nr|jnr|journalnr|"
                        r"journal\s?nr|vores\s+ref|ref\.?\s?nr)\.?\s*:?\s*", re.IGNORECASE)
CASE_VALUE = re.compile(r"^[A-Za-z0-9][\w./-]*\d[\w./-]*")
NAME = re.compile(r"^[A-ZÆØÅ][\w'-]+\.?(?:\s+[A-ZÆØÅ][\w'.-]*){1,4}$")
DATE_LABEL = re.compile(r"^(?:dato|date)\b\s*:?\s*", re.IGNORECASE)
TOWN_DATE = re.compile(r"^[A-ZÆØÅ][\w-]+(?:\s[A-ZÆØÅ][\w-]+)?,?\s+(?:d(?:en)?\.?\s*)?\d")


@dataclass
class Found:
    value: object
    confidence: float
    found_in: str


@dataclass
class Metadata:
    sender: Found | None = None
    date: Found | None = None
    case_number: Found | None = None
    title: Found | None = None
    on_behalf_of: Found | None = None
    signatories: list[tuple[str, str | None]] = field(default_factory=list)
    signatory: Found | None = None


def guess_metadata(cleaned: Cleaned, parties: list[tuple[str, list[str]]]) -> Metadata:
    """``parties``: (name, aliases) of the hearing's consulted parties."""
    meta = Metadata()
    meta.on_behalf_of, meta.signatories = _signature(cleaned.closing)
    if meta.signatories:
        name, title = meta.signatories[0]
        meta.signatory = Found(name, 0.75, "closing, the line after the greeting"
                               if title is None else "closing, name and title under the greeting")
    meta.sender = _sender(cleaned, meta.on_behalf_of, parties)
    meta.date = _date(cleaned)
    meta.case_number = _case_number(cleaned)
    meta.title = _title(cleaned)
    return meta


def _where(line: Line, cleaned: Cleaned) -> str:
    if line in cleaned.letterhead or line.region == "header":
        part = "letterhead"
    elif line in cleaned.closing:
        part = "closing"
    elif line.region == "footer":
        part = "footer"
    elif line in cleaned.subject:
        part = "subject line"
    else:
        part = "text"
    return f"{part}, page {line.page}" if line.page_height and not line.paragraph else part


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
            behalf = Found(who, 0.9, f'closing: "{text}"')
        elif CLOSING.match(text):
            pass
        elif NAME.match(text) and not ORGANISATION_WORDS.search(text):
            title = None
            if index + 1 < len(lines):
                nxt = lines[index + 1]
                if (len(nxt.split()) <= 6 and not re.search(r"[\d@]", nxt)
                        and not NAME.match(nxt) and not CLOSING.match(nxt)):
                    title = nxt
                    index += 1
            people.append((text, title))
        index += 1
    return behalf, people


def _party(text: str, parties: list[tuple[str, list[str]]]) -> str | None:
    lowered = text.lower()
    for name, aliases in parties:
        for candidate in [name, *aliases]:
            if re.search(rf"(?<!\w){re.escape(candidate.lower())}(?!\w)", lowered):
                return name
    return None


def _sender(cleaned: Cleaned, behalf: Found | None,
            parties: list[tuple[str, list[str]]]) -> Found | None:
    candidates: list[Found] = []
    if behalf is not None:
        name = str(behalf.value).split(",")[0].strip()
        candidates.append(Found(name, 0.9, 'signature "På vegne af"'))
    head = _letterhead_name(cleaned)
    if head is not None:
        candidates.append(head)
    candidates += _from_email(cleaned, parties)
    for line in cleaned.letterhead + cleaned.closing:
        town = TOWN_DATE.match(line.text)
        party = _party(line.text.split(",")[0], parties) if town else None
        if party:
            candidates.append(Found(party, 0.7, f'place and date: "{line.text.strip()}"'))
    named = _most_named(cleaned, parties)
    if named is not None:
        candidates.append(named)
    if not candidates:
        return None
    # a consulted party's own spelling wins; agreeing sources raise the confidence
    resolved = []
    for found in candidates:
        party = _party(str(found.value), parties)
        if party is not None:
            found = Found(party, min(0.95, found.confidence + 0.05), found.found_in)
        resolved.append(found)
    best = max(resolved, key=lambda f: f.confidence)
    agreeing = [f for f in resolved if f.value == best.value]
    confidence = min(0.98, best.confidence + 0.04 * (len(agreeing) - 1))
    places = ", ".join(dict.fromkeys(f.found_in for f in agreeing))
    return Found(best.value, round(confidence, 2), places)


def _from_email(cleaned: Cleaned, parties: list[tuple[str, list[str]]]) -> list[Found]:
    """The sender from the first e-mail address's domain (glostrup.dk → Glostrup Kommune)."""
    for line in cleaned.all_lines:
        match = EMAIL.search(line.text)
        if match is None:
            continue
        domain = match.group(1).lower()
        stem = domain.split(".")[-2]
        party = next((name for name, aliases in parties
                      if stem in {slug(a) for a in [name, *aliases]}
                      or slug(name).startswith(stem + "-")), None)
        if party:
            return [Found(party, 0.75, f"e-mail domain {domain}")]
        return [Found(stem.capitalize(), 0.35, f"e-mail domain {domain}")]
    return []


def _most_named(cleaned: Cleaned, parties: list[tuple[str, list[str]]]) -> Found | None:
    """The consulted party the text names most often (a letter names its sender)."""
    counts: dict[str, int] = {}
    for line in cleaned.all_lines:
        for name, aliases in parties:
            if any(re.search(rf"(?<!\w){re.escape(a.lower())}(?!\w)", line.text.lower())
                   for a in [name, *aliases]):
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    name, count = max(counts.items(), key=lambda kv: kv[1])
    return Found(name, 0.6 if count >= 2 else 0.45, f"named {count} times in the text")


def _letterhead_name(cleaned: Cleaned) -> Found | None:
    pool = [line for line in cleaned.all_lines
            if (line.region == "header" and line.paragraph)
            or (line.page == 1 and not line.paragraph and line.bottom < line.page_height * 0.2)
            or line in cleaned.letterhead]
    pool = [line for line in pool if not re.search(r"[\d@]", line.text)
            and line not in cleaned.subject and 1 <= len(line.text.split()) <= 6]
    if not pool:
        return None
    with_word = [line for line in pool if ORGANISATION_WORDS.search(line.text)]
    if with_word:
        line = max(with_word, key=lambda line: (line.size, line.bold, -line.top))
        return Found(line.text.strip(), 0.85, "letterhead")
    pool = [line for line in pool if line.bold or line.region == "header"]
    if not pool:
        return None
    line = max(pool, key=lambda line: (line.size, line.bold, -line.top))
    return Found(line.text.strip(), 0.5, "letterhead")


def _date(cleaned: Cleaned) -> Found | None:
    places = [(cleaned.letterhead, 0.9), (cleaned.subject, 0.8), (cleaned.closing, 0.85),
              ([line for line in cleaned.all_lines if line.region == "header"], 0.8)]
    for lines, confidence in places:
        for index, line in enumerate(lines):
            dates = find_dates(line.text)
            labelled = DATE_LABEL.match(line.text) or (
                index > 0 and DATE_LABEL.fullmatch(lines[index - 1].text.strip()))
            if dates:
                date, words = dates[0]
                score = 0.95 if labelled or TOWN_DATE.match(line.text) else confidence
                return Found(date, score, f'{_where(line, cleaned)}: "{words}"')
    for line in cleaned.all_lines:
        if line.region != "body":
            continue
        dates = find_dates(line.text)
        if dates:
            date, words = dates[0]
            score = 0.9 if DATE_LABEL.match(line.text) or TOWN_DATE.match(line.text) else 0.4
            return Found(date, score, f'{_where(line, cleaned)}: "{words}"')
    return None


def _case_number(cleaned: Cleaned) -> Found | None:
    lines = cleaned.all_lines
    for index, line in enumerate(lines):
        for match in CASE_LABEL.finditer(line.text):
            rest = line.text[match.end():].strip()
            if not rest and index + 1 < len(lines):
                rest = lines[index + 1].text.strip()
            value = CASE_VALUE.match(rest)
            if value:
                label = match.group(0).strip().rstrip(":")
                score = 0.9 if line in cleaned.letterhead or line.region == "header" else 0.8
                return Found(value.group(0).rstrip(".,"), score,
                             f'{_where(line, cleaned)}: after "{label}"')
    return None


def _title(cleaned: Cleaned) -> Found | None:
    if not cleaned.subject:
        return None
    text = ""
    for line in cleaned.subject:
        text = join_text(text, line.text.strip())
    text = re.sub(r"^(?:emne|vedr\.?|vedrørende)\s*:\s*", "", text, flags=re.IGNORECASE)
    how = cleaned.subject_found_by
    confidence = 0.9 if how == "Word title style" else 0.85 if how.startswith("largest") \
        else 0.75
    return Found(text, confidence, how)
