""".eml files: a mail saved by the mail program, read with the standard library. Its header
gives the sender, date and subject; its text (plain, or the HTML body's text) is the response
unless a PDF or Word letter is attached, which is then imported with the mail's sender and
date (:mod:`hoering.imports.run`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ImportFileError
from ..messages import tr
from .email import HEADER_LINE, ORIGINAL, REPLY_PREFIX, MailHeader
from .kinds import SUFFIXES, Kind
from .lines import Line
from .paragraphs import join_text

if TYPE_CHECKING:
    from email.message import EmailMessage

WRITTEN_YEAR = re.compile(r"\b\d{1,2}\s+[A-Za-z]{3}\w*\s+(\d+)\b")  # "1 Jan 0000": 0000
MAX_PARTS = 200  # a mail with more parts than this is not a letter with an attachment
ATTACHED = {suffix for suffix, kind in SUFFIXES.items() if kind is not Kind.EML}


@dataclass
class EmlFile:
    header: MailHeader
    text: str  # the body as plain text
    attachment: tuple[str, bytes] | None  # the first PDF or DOCX attached: (name, content)


def read_eml(path: Path) -> EmlFile:
    """The header, the plain text and the first PDF/DOCX attachment of an .eml file."""
    import email
    from email import policy

    try:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        parts = list(_parts(message, path))
        header = _eml_header(message)
        text = _unescaped(_body_text(message))
    except (ValueError, TypeError, LookupError, IndexError) as exc:
        raise ImportFileError(
            path,
            tr("is damaged and cannot be read as an e-mail ({reason})", reason=str(exc)[:100]),
            hint=tr("save the mail again from the mail program"),
        ) from None
    attachment = next((part for part in parts if Path(part[0]).suffix.lower() in ATTACHED), None)
    if not text.strip() and attachment is None:
        raise ImportFileError(
            path,
            tr("has no text and no PDF or Word attachment"),
            hint=tr("check that it is the right mail"),
        )
    return EmlFile(header, text, attachment)


def _parts(message: EmailMessage, path: Path) -> Iterator[tuple[str, bytes]]:
    """(file name, content) of each attachment; refuses a mail with too many parts."""
    for count, part in enumerate(message.walk(), start=1):
        if count > MAX_PARTS:
            raise ImportFileError(
                path,
                tr(
                    "has more than {n} parts; a mail with a letter attached has far fewer, "
                    "so it is not read",
                    n=MAX_PARTS,
                ),
                hint=tr("save the attachment and import it instead"),
            )
        name = part.get_filename()
        if name and not part.is_multipart():
            payload = part.get_payload(decode=True)  # bytes, or None when there is none
            yield Path(name).name, payload if isinstance(payload, bytes) else b""


def _eml_header(message: EmailMessage) -> MailHeader:
    header = MailHeader(where=tr("e-mail"))
    sender = message.get("From")
    addresses = getattr(sender, "addresses", ()) if sender is not None else ()
    if addresses:
        header.name, header.address = addresses[0].display_name, addresses[0].addr_spec
    date = message.get("Date")
    written = next((str(v) for k, v in message.raw_items() if k.lower() == "date"), "")
    day = eml_date(written, getattr(date, "datetime", None)) if date is not None else None
    if day is not None:
        header.date, header.date_words = day, str(date)
    header.subject = REPLY_PREFIX.sub("", str(message.get("Subject") or "")).strip()
    to = message.get("To")
    header.to = [a.display_name or a.addr_spec for a in getattr(to, "addresses", ())][:10]
    header.name, header.address = _unescaped(header.name), _unescaped(header.address)
    header.subject, header.date_words = _unescaped(header.subject), _unescaped(header.date_words)
    header.to = [_unescaped(name) for name in header.to]
    return header


def eml_date(words: str, stamp: dt.datetime | None) -> dt.date | None:
    """The day of an e-mail's Date: header as Python's parser read it (``stamp``), or None
    when its year is not the one written in ``words`` (the raw header: the parsed one is
    rewritten). The parser reads year 0000 as 2000, as if it were a two-digit year, and
    such a header dates nothing."""
    if stamp is None:
        return None
    written = WRITTEN_YEAR.search(words)
    if written and len(written.group(1)) == 4 and int(written.group(1)) != stamp.year:
        return None
    return stamp.date()


# the surrogates Python's mail parser puts for bytes that are no text in their charset (a
# raw 0x80 in a From line): no file can hold them, so they are shown as U+FFFD, which says
# a character could not be read
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unescaped(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _body_text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = body.get_content()
    return html_text(text) if body.get_content_subtype() == "html" else text


def html_text(html: str) -> str:
    """The text of a mail's HTML body: blocks on lines of their own, tags and scripts gone."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 (HTMLParser's)
            self.skip += tag in ("script", "style", "head")
            if tag in ("td", "th"):
                self.parts.append(" ")  # cells of a row apart, not glued into one word
            if tag in ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"):
                self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4") else "\n")
            if tag == "li":
                self.parts.append("- ")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("script", "style", "head") and self.skip > 0

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return "".join(parser.parts).replace("\xa0", " ")


def text_lines(text: str) -> list[Line]:
    """A mail's plain text as paragraphs (lines wrapped at 72 characters joined again; list
    items and quoted lines kept one a line), in the form the DOCX reader gives."""
    lines: list[Line] = []
    current = ""
    for raw in text.replace("\r\n", "\n").split("\n") + [""]:
        stripped = raw.strip()
        single = stripped.startswith((">", "- ", "* ", "• ")) or bool(HEADER_LINE.match(stripped))
        if current and (not stripped or single or ORIGINAL.match(stripped)):
            lines.append(Line(current, top=len(lines), paragraph=True))
            current = ""
        if single or ORIGINAL.match(stripped):
            lines.append(Line(stripped, top=len(lines), paragraph=True))
        elif stripped:
            current = join_text(current, stripped)
    return lines
