"""Who sent it, when, under which case number, about what, signed by whom: each value with
a confidence and the place it was found, so a person can check it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..messages import tr
from ..text import slug
from . import sender
from .calibration import abstains, confidence
from .cleanup import Cleaned
from .found import Found
from .letter_date import letter_date
from .letterhead import CLOSING
from .lines import Line
from .paragraphs import join_text
from .sender import beside, party_named, where_in

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
    # why a field is unknown (no candidate good enough): field → the words that say so
    unknown: dict[str, str] = field(default_factory=dict)


def guess_metadata(
    cleaned: Cleaned,
    parties: list[tuple[str, list[str]]],
    authority: tuple[str, ...] = (),
    file_name: str = "",
) -> Metadata:
    """``parties``: (name, aliases) of the hearing's consulted parties; ``authority``: the
    names and web/e-mail domains of the hearing's authority, which never sent a response;
    ``file_name``: the received file's name (a consulted party in it is weak evidence)."""
    meta = Metadata()
    meta.on_behalf_of, meta.signatories = _signature(cleaned.closing)
    meta.signatory = _signatory(cleaned, meta.signatories)
    if meta.signatory is not None and not meta.signatories:  # a web form's "Indsendt af"
        meta.signatories = [(str(meta.signatory.value), None)]
    meta.sender, own_address, person = _sender(cleaned, parties, authority, file_name)
    if own_address:  # the block is the sender's own letterhead: no recipient, not removed as one
        cleaned.recipient = []
    if meta.signatory is None and person and meta.sender is not None:
        meta.signatory = _person_signs(str(meta.sender.value))
        meta.signatories = [(str(meta.sender.value), None)]
    if cleaned.recipient:
        meta.recipient = Found(
            [line.text.strip() for line in cleaned.recipient],
            confidence("recipient", RECIPIENT_BLOCK),
            tr("address block above the subject, page 1"),
            RECIPIENT_BLOCK,
        )
    meta.date = letter_date(cleaned)
    meta.case_number = _case_number(cleaned)
    meta.title = _title(cleaned)
    meta.no_remarks = no_remarks(" ".join(para.text for para in cleaned.body))
    return meta


# the raw scores of a signatory (calibrated in imports/calibration.py) by where it was read
SIGNED_WITH_TITLE, SUBMITTED_BY, SIGNED, PERSON_WRITES = 0.9, 0.8, 0.7, 0.7
RECIPIENT_BLOCK = 0.8  # the address block above the subject (one band, calibrated)


def _signatory(cleaned: Cleaned, signatories: list[tuple[str, str | None]]) -> Found[str] | None:
    """The first signatory under the greeting, or the person a web form says sent it."""
    if signatories:
        name, title = signatories[0]
        score = SIGNED if title is None else SIGNED_WITH_TITLE
        where = (
            tr("closing, the line after the greeting")
            if title is None
            else tr("closing, name and title under the greeting")
        )
        return Found(name, confidence("signatory", score), where, score)
    submitted = sender.submitted_by(cleaned)
    if submitted is None:
        return None
    return Found(submitted[0], confidence("signatory", SUBMITTED_BY), submitted[1], SUBMITTED_BY)


NO_REMARKS = re.compile(
    r"\b(?:ingen|ikke(?: nogen| har)?)(?: yderligere| særlige)? (?:bemærkninger|kommentarer|"
    r"indvendinger)\b|\bikke (?:giver|gi'r) anledning til (?:bemærkninger|kommentarer)"
    r"|\bgiver ikke anledning til (?:bemærkninger|kommentarer)"
    r"|\bno (?:further )?(?:comments|remarks|observations|objections)\b"
    r"|\bnothing to (?:add|remark)\b",
    re.IGNORECASE,
)
NO_REMARKS_WORDS = 90  # a letter that only says it has no remarks is short


def no_remarks(text: str) -> Found[bool] | None:
    """True when ``text`` (a letter's body) only says that there are no remarks: a short
    text with "ingen bemærkninger", "har ikke bemærkninger til …", "no comments"."""
    match = NO_REMARKS.search(text)
    if match is None or len(text.split()) > NO_REMARKS_WORDS:
        return None
    return Found(True, 0.8, _quoting(tr("text"), match.group(0)))


def _quoting(place: str, words: str) -> str:
    """Where a value was found and the words there: 'afslutningen: "På vegne af …"'."""
    return f'{place}: "{words}"'


def _signature(closing: list[Line]) -> tuple[Found[str] | None, list[tuple[str, str | None]]]:
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


def is_authority(name: str, authority: tuple[str, ...]) -> bool:
    """Whether ``name`` is the hearing's authority (or one of its units, by its name)."""
    own = f"-{slug(name)}-"
    return any(f"-{slug(other)}-" in own for other in authority if other)


def party_in(text: str, parties: list[tuple[str, list[str]]]) -> str | None:
    """The consulted party ``text`` names, also when written without æ/ø/å (a file name
    such as "hoeringssvar_hoje-taastrup")."""
    party = party_named(text, parties)
    if party is not None:
        return party
    words = f"-{slug(text)}-"
    for name, aliases in parties:
        if any(f"-{slug(candidate)}-" in words for candidate in [name, *aliases]):
            return name
    return None


def _person_signs(name: str) -> Found[str]:
    """A private person who says the letter is from them signs it, greeting or not."""
    where = tr("the sender is a person who says the letter is from them")
    return Found(name, confidence("signatory", PERSON_WRITES), where, PERSON_WRITES)


def _sender(
    cleaned: Cleaned,
    parties: list[tuple[str, list[str]]],
    authority: tuple[str, ...],
    file_name: str,
) -> tuple[Found[str] | None, bool, bool]:
    """The sender with the most evidence (see :mod:`hoering.imports.sender`), its confidence
    measured (:mod:`hoering.imports.calibration`); None when no candidate is good enough.
    The name over the recipient block is never the sender, unless the letter says it
    writes ("… fra X", "X takker for"): then the block is the sender's own address, and
    the second value says so. The third says whether the sender is a private person who
    says the letter is from them ("Høringssvar fra Jens Holm")."""
    recipient = {id(line) for line in cleaned.recipient}
    found = sender.evidence(cleaned, parties, recipient)
    found += _from_email(cleaned, parties, authority, recipient)
    party = party_in(file_name.replace("_", " "), parties) if file_name else None
    if party is not None:
        found.append(sender.Evidence(party, "file", tr("the file name")))
    addressee = cleaned.recipient[0].text if cleaned.recipient else ""
    addressed = sender.as_name(addressee, parties) if addressee else None
    own = addressed is not None and sender.says_it_writes(found, addressed, parties)
    if own:
        where = tr("{place}, above an address", place=tr("letterhead"))
        found.append(sender.Evidence(addressee, "address", where))
    own = own or _under_the_writer(cleaned, found, parties)

    def never(name: str) -> bool:  # the authority, or whom the letter is addressed to
        return is_authority(name, authority) or (name == addressed and not own)

    ranked = sender.candidates(found, parties, never)
    score = sender.margin(ranked)
    if not ranked or abstains("sender", score):
        return None, own, False
    best = ranked[0]
    places = ", ".join(best.places[:3])
    person = sender.person_writes(found, best.name, parties)
    return Found(best.name, confidence("sender", score), places, round(score, 3)), own, person


def _under_the_writer(
    cleaned: Cleaned, found: list[sender.Evidence], parties: list[tuple[str, list[str]]]
) -> bool:
    """Whether the recipient block is an address (a street first) right under a name the
    letter says writes it ("Lone Birk" over "Skovvej 4", and "… fra Lone Birk" in the text):
    the sender's own letterhead, not the recipient's."""
    first = cleaned.recipient[0] if cleaned.recipient else None
    if first is None or not sender.STREET.match(first.text.strip()):
        return False
    index = next((i for i, line in enumerate(cleaned.all_lines) if line is first), 0)
    above = sender.as_name(cleaned.all_lines[index - 1].text, parties) if index else None
    return above is not None and sender.says_it_writes(found, above, parties)


def _from_email(
    cleaned: Cleaned,
    parties: list[tuple[str, list[str]]],
    authority: tuple[str, ...],
    recipient: set[int],
) -> list[sender.Evidence]:
    """A consulted party owning the first e-mail domain in the letter (glostrup.dk →
    Glostrup Kommune); addresses of the authority and in the recipient block say nothing
    about the sender, and a domain no party owns names nobody."""
    own = {slug(other.split(".")[-2]) for other in authority if "." in other}
    for line in cleaned.all_lines:
        if id(line) in recipient:
            continue
        for match in EMAIL.finditer(line.text):
            domain = match.group(1).lower()
            found = email_sender(domain, parties)
            if slug(domain.split(".")[-2]) in own or found.confidence < 0.5:
                continue
            return [sender.Evidence(str(found.value), "domain", found.found_in)]
    return []


def email_sender(domain: str, parties: list[tuple[str, list[str]]]) -> Found[str]:
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


def _case_number(cleaned: Cleaned) -> Found[str] | None:
    lines = cleaned.all_lines
    for index, line in enumerate(lines):
        for match in CASE_LABEL.finditer(line.text):
            rest = line.text[match.end() :].strip()
            if not rest:  # the value in the next cell of an info table, or on the next line
                rest = " ".join(
                    other.text.strip()
                    for other in beside(line, lines)[:1] or lines[index + 1 : index + 2]
                )
            value = CASE_VALUE.match(rest)
            if value:
                label = match.group(0).strip().rstrip(":")
                score = (
                    0.9 if line in cleaned.letterhead or line.region in ("header", "aside") else 0.8
                )
                after = tr('after "{label}"', label=label)
                return Found(
                    value.group(0).rstrip(".,"), score, f"{where_in(line, cleaned)}: {after}"
                )
    return None


def _title(cleaned: Cleaned) -> Found[str] | None:
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
        return tr("the document's Title style")
    if how == "bold":
        return tr('bold line that reads like a subject ("Høringssvar …", "Vedr. …")')
    if how == "largest":
        return tr("largest text on page 1")
    return tr('first line that reads like a subject ("Høring …", "Vedr.: …")')
