"""E-mails: a mail printed to PDF (or pasted into Word) and ``.eml`` files.

A printed mail opens with the header block Outlook or Gmail prints (Fra/From, Sendt/Sent/
Dato/Date, Til/To, Cc, Emne/Subject). The top message is the response: its sender, date and
subject come from that block. What follows a later header block, "-----Original Message-----"
or "On … wrote:" is the earlier correspondence quoted below it: kept, but apart (an appendix
no topic is matched in), never read as the respondent's words or signature.

What both kinds share is here (the header, the quoted part, the sender); reading an ``.eml``
file is :mod:`hoering.imports.eml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from ..dates import find_dates
from ..messages import number, tr, tr_in
from ..sources.validation import MAX_TITLE
from .calibration import confidence
from .found import Found
from .lines import Extracted, Line, first_page_rows, row_text, rows_of
from .metadata import Metadata, email_sender, is_authority, party_in
from .structure import Block

if TYPE_CHECKING:
    pass

KEYS = {
    "from": ("fra", "from", "afsender"),
    "sent": ("sendt", "sent", "dato", "date"),
    "to": ("til", "to", "modtager"),
    "cc": ("cc", "bcc"),
    "subject": ("emne", "subject"),
    "other": (
        "vedhæftede filer",
        "vedhæftet",
        "attachments",
        "prioritet",
        "importance",
        "vigtighed",
    ),
}
HEADER_LINE = re.compile(
    r"^(?P<key>"
    + "|".join(re.escape(k) for keys in KEYS.values() for k in keys)
    + r")\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
ORIGINAL = re.compile(
    r"^[-_–—\s]*(?:original message|oprindelig meddelelse|videresendt "
    r"meddelelse|forwarded message|begin forwarded message)[-_–—:\s]*$",
    re.IGNORECASE,
)
# "On 3 March 2025, X wrote:"; "Den 10. februar 2025 kl. 09.00 skrev X <x@y.dk>:"
WROTE = re.compile(
    r"^(?:on|den|d\.)\s.{4,120}\s(?:wrote|skrev)(?:\s*:?|\s.{2,160}:)$", re.IGNORECASE
)
REPLY_PREFIX = re.compile(r"^(?:(?:sv|vs|re|fw|fwd|aw|wg|tr)\s*:\s*)+", re.IGNORECASE)
ADDRESS = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})", re.IGNORECASE)
EN_MONTHS = (
    "january february march april may june july august september october november december"
).split()
EN_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\.?\s+(?P<m1>[a-z]{3,9})\.?,?\s+(?P<y1>\d{4})|"
    r"(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4}))\b",
    re.IGNORECASE,
)


@dataclass
class MailHeader:
    """What a mail's header says about the response."""

    name: str = ""  # the sender's display name
    address: str = ""  # the sender's e-mail address
    date: dt.date | None = None
    date_words: str = ""
    subject: str = ""
    to: list[str] = field(default_factory=list)
    where: str = field(default_factory=lambda: tr("e-mail header"))  # "e-mail" for an .eml


@dataclass
class Mail:
    """A mail split into its top message (the response) and the quoted earlier messages."""

    header: MailHeader
    top: Extracted
    quoted: list[str]  # paragraphs; a quoted header block is one paragraph of lines
    covering: bool = False  # quoted is the text of a mail the response was attached to
    quoted_lines: list[Line] = field(default_factory=list)  # the lines ``quoted`` was made of
    attachment_sha256: str | None = None  # an .eml's attached letter, which is the response


def appendix(mail: Mail, lang: str) -> list[Block]:
    """The quoted messages (or the covering mail) as a section marked ``appendix=true``:
    kept with the response, no topic matched in it, no remark in the høringsnotat."""
    if mail.covering:
        title = tr_in(lang, "Covering e-mail")
    else:
        title = tr_in(lang, "Earlier correspondence")
    return [
        Block("heading", title, level=2, attributes={"appendix": "true"}),
        Block("quote", "\n\n".join(mail.quoted)),
    ]


def printed_mail(extracted: Extracted) -> Mail | None:
    """The mail, when the first page with text opens with a mail's header block; else None."""
    if not extracted.lines:
        return None
    rows = first_page_rows(extracted, 60)
    found = _header_block(rows)
    if found is None:
        return None
    header, start, end = found
    # a mail's "Fra:" block may sit under a banner (the mailbox that printed it): dropped
    banner = rows[:start] if header.name or header.address else []
    used = {id(line) for row in banner + rows[start:end] for line in row}
    top, quoted = split_quoted([line for line in extracted.lines if id(line) not in used])
    return Mail(
        header,
        Extracted(extracted.kind, top, extracted.pages, extracted.footnotes),
        quoted_paragraphs(quoted),
        quoted_lines=quoted,
    )


def _header_block(rows: list[list[Line]]) -> tuple[MailHeader, int, int] | None:
    """The header near the top, and the rows it starts and ends at."""
    start = next(
        (i for i, row in enumerate(rows[:6]) if _key(row_text(row)) in ("from", "sent", "to")),
        None,
    )
    if start is None:
        return None
    fields: dict[str, str] = {}
    last: str | None = None
    end = start
    for index in range(start, len(rows)):
        text = row_text(rows[index])
        key = _key(text)
        if key is None:
            if last not in ("to", "cc") or "subject" in fields:
                break  # a wrapped recipient list goes on; anything else ends the header
            fields[last] = f"{fields[last]} {text}".strip()
        elif key in fields and key != "other":
            break  # a second "Fra:": the next message
        else:
            fields[key], last = _value(text), key
        end = index + 1
    if len({"from", "sent", "subject"} & fields.keys()) < 2 or (
        "from" not in fields and "to" not in fields
    ):
        return None
    return _header(fields), start, end


def _key(text: str) -> str | None:
    match = HEADER_LINE.match(text.strip())
    if match is None:
        return None
    word = match.group("key").lower()
    return next(key for key, words in KEYS.items() if word in words)


def _value(text: str) -> str:
    """The value of a header line that :func:`_key` recognised ("Fra: X" → "X")."""
    match = HEADER_LINE.match(text.strip())
    return match.group("value").strip() if match else ""


def _header(fields: dict[str, str]) -> MailHeader:
    sender = fields.get("from", "")
    address = ADDRESS.search(sender)
    name = re.sub(r"[<\[(].*$", "", sender).strip().strip('"').strip()
    header = MailHeader(
        name=name if "@" not in name else "",
        address=address.group(0) if address else "",
        subject=REPLY_PREFIX.sub("", fields.get("subject", "")).strip(),
        to=[part.strip() for part in re.split(r"[;,]", fields.get("to", "")) if part.strip()][:10],
    )
    header.date, header.date_words = mail_date(fields.get("sent", ""))
    return header


def mail_date(text: str) -> tuple[dt.date | None, str]:
    """The date in a header's Sendt/Date value, Danish or English."""
    dates = find_dates(text)
    if dates:
        return dates[0]
    for match in EN_DATE.finditer(text):
        day, month, year = (
            (match.group("d1"), match.group("m1"), match.group("y1"))
            if match.group("d1")
            else (match.group("d2"), match.group("m2"), match.group("y2"))
        )
        number = next(
            (
                i
                for i, name in enumerate(EN_MONTHS, 1)
                if name.startswith(month.lower()) and len(month) >= 3
            ),
            None,
        )
        try:
            return (dt.date(int(year), number, int(day)), match.group(0)) if number else (None, "")
        except ValueError:
            continue
    return None, ""


def split_quoted(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(the top message, the quoted messages below it)."""
    texts = [line.text.strip() for line in lines]
    for index, text in enumerate(texts):
        if (
            ORIGINAL.match(text)
            or _wrote(texts, index)
            or _starts_header(texts, index)
            or _starts_quote(texts, index)
        ):
            return lines[:index], lines[index:]
    return lines, []


WROTE_START = re.compile(r"^(?:on|den|d\.)\s", re.IGNORECASE)
WROTE_LINES = 3  # "Den 10. februar 2025 kl. 09.00 skrev …" wraps when the name is long


def _wrote(texts: list[str], index: int) -> bool:
    """A reply's "Den … skrev X:" ("On … wrote:") line, also when printed over two or three
    lines."""
    if not WROTE_START.match(texts[index]):
        return False
    joined = ""
    for text in texts[index : index + WROTE_LINES]:
        joined = f"{joined} {text}".strip()
        if WROTE.match(joined):
            return True
    return False


def _starts_header(texts: list[str], index: int) -> bool:
    """A later "Fra: …" followed by a "Sendt:"/"Til:"/"Emne:" line: a quoted message."""
    if _key(texts[index]) != "from":
        return False
    return any(_key(text) in ("sent", "to", "subject") for text in texts[index + 1 : index + 4])


def _starts_quote(texts: list[str], index: int) -> bool:
    """Two or more lines in a row starting with ">" (a plain-text reply's quotation)."""
    return (
        texts[index].startswith(">") and index + 1 < len(texts) and texts[index + 1].startswith(">")
    )


def quoted_paragraphs(lines: list[Line]) -> list[str]:
    """The quoted messages as paragraphs: each header block one paragraph of lines (joined
    with newlines), the text between them joined where the lines sit close together."""
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in _joined_rows(lines):
        text = line.text.lstrip("> ").strip()
        if not text or line.table:
            previous = None
            continue
        if previous is None or _new_paragraph(previous, line, text):
            paragraphs.append(text)
        else:
            joiner = "\n" if _key(text) or _key(previous.text.lstrip("> ")) else " "
            paragraphs[-1] += joiner + text
        previous = line
    return paragraphs


def _joined_rows(lines: list[Line]) -> list[Line]:
    """PDF lines side by side (a quoted header's labels and values) as one line each, page
    by page; the lines of a DOCX or a mail's text as they are."""
    result: list[Line] = []
    for page in dict.fromkeys(line.page for line in lines):
        for row in rows_of([line for line in lines if line.page == page]):
            first = min(row, key=lambda line: line.x0)
            result.append(
                Line(
                    row_text(row),
                    page=first.page,
                    top=first.top,
                    bottom=max(line.bottom for line in row),
                    x0=first.x0,
                    size=first.size,
                    paragraph=first.paragraph,
                    table=first.table,
                )
            )
    return result


def _new_paragraph(previous: Line, line: Line, text: str) -> bool:
    if line.paragraph or line.page != previous.page:
        return line.paragraph or previous.text.rstrip().endswith((".", ":", "!", "?"))
    header_change = bool(_key(text)) != bool(_key(previous.text.lstrip("> ")))
    return header_change or line.top - previous.bottom > previous.size * 0.6


def _subject_as_title(header: MailHeader) -> Found[str]:
    """The subject as the title; one too long for a title is cut at a word, with "…", and
    the guess says so (the whole subject stays in the kept original)."""
    subject, where = header.subject, tr("{place}: subject", place=header.where)
    if len(subject) <= MAX_TITLE:
        return Found(subject, 0.85, where)
    cut = subject[: MAX_TITLE - 1].rsplit(" ", 1)[0].rstrip(" ,.;:-") + "…"
    shortened = tr(
        "{place}, shortened from {n} characters; the whole subject is in the original",
        place=where,
        n=number(len(subject)),
    )
    return Found(cut, 0.85, shortened)


def apply_header(
    meta: Metadata,
    header: MailHeader,
    parties: list[tuple[str, list[str]]],
    authority: tuple[str, ...],
) -> None:
    """The header's sender, date and subject over what the text suggested; the recipients
    as ``recipient``; the sender's name as signatory when the message is not signed."""
    meta.sender = _surer(mail_sender(header, parties, authority), meta.sender)
    if header.date is not None:
        meta.date = _from_header(
            "e-mail date", header.date, f'{header.where}: "{header.date_words}"'
        )
    if header.subject:
        meta.title = _subject_as_title(header)
    if header.to and meta.recipient is None:
        meta.recipient = _from_header(
            "e-mail recipient", header.to, tr("{place}: to", place=header.where)
        )
    person = header.name and party_in(header.name, parties) is None and " " in header.name
    if not meta.signatories and person:
        meta.signatories = [(header.name, None)]
        meta.signatory = _from_header(
            "e-mail signatory", header.name, tr("{place}: from", place=header.where)
        )


MAIL_HEADER = 1.5  # the raw score of a field read from a mail's header: above every band
V = TypeVar("V")  # what a header field holds: a name, a date, the recipients' lines


def _from_header(band: str, value: V, where: str) -> Found[V]:
    """A field read from the mail's header, with its band's measured confidence."""
    return Found(value, confidence(band, MAIL_HEADER), where, MAIL_HEADER)


def mail_sender(
    header: MailHeader, parties: list[tuple[str, list[str]]], authority: tuple[str, ...]
) -> Found[str] | None:
    """The party the mail is from: named in the From line, or owning its e-mail domain."""
    where = tr("{place}: from", place=header.where)
    party = party_in(header.name, parties) if header.name else None
    if party is not None:
        return Found(party, 0.9, where)
    address = ADDRESS.search(header.address)
    if address is None:
        return None
    found = email_sender(address.group("domain"), parties)
    if is_authority(str(found.value), authority) or any(
        address.group("domain").lower().endswith(other.lower())
        for other in authority
        if "." in other
    ):
        return None  # the authority forwarding a mail is not its sender
    return Found(found.value, min(0.9, found.confidence + 0.1), f"{where} ({found.found_in})")


def _surer(header: Found[str] | None, text: Found[str] | None) -> Found[str] | None:
    """The header's sender, unless the letter's own text is surer (a domain that is no
    consulted party's, such as htk.dk, says less than a signature)."""
    if header is None or (text is not None and text.confidence > header.confidence):
        return text
    return header
