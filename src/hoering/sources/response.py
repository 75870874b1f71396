"""The metadata of a høringssvar (``type: response``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..languages import DEFAULT
from ..messages import tr, tr_in
from .validation import Strict, known_language, one_line

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class Contact(Strict):
    name: str = Field(min_length=1)
    title: str | None = None
    email: str | None = Field(default=None, pattern=EMAIL_PATTERN)
    phone: str | None = None


class Signatory(Strict):
    name: str = Field(min_length=1)
    title: str | None = None


class Signature(Strict):
    on_behalf_of: str | None = None
    signatories: list[Signatory] = []


class ReceivedFile(Strict):
    """The original of an imported response, kept unchanged in the hearing's received/."""

    file: str = Field(min_length=1)  # relative to the hearing folder, e.g. received/x.pdf
    name: str = Field(min_length=1)  # the file's name when it arrived
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    # an e-mail whose attached letter is the response: the attachment's hash, so that the
    # letter imported on its own is known as the same response
    attachment_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")


class Guess(Strict):
    """How import guessed a metadata value; delete the entry once a person has checked it.

    ``unknown: true``: import found nothing good enough and left the value empty (the
    sender or the date) for a person to write."""

    confidence: float = Field(default=0.0, ge=0, le=1)
    found_in: str | None = None  # e.g. "signature", "letterhead", "e-mail domain"
    unknown: bool = False


# why 'hoering import' took a line out of the body (hoering.imports.ledger.REASONS)
RemovedReason = Literal[
    "letterhead",
    "archive_stamp",
    "recipient",
    "sidebar",
    "margin_date",
    "running_header",
    "running_footer",
    "page_number",
    "closing",
    "mail_header",
    "form_field",
    "quoted_thread",
]


class ResponseMeta(Strict):
    """Every key a høringssvar's metadata block may hold.

    Our own responses name an ``organisation`` profile (the letterhead); imported ones name
    the ``sender`` as written and the ``source`` file, with ``guessed`` listing what import
    guessed.
    """

    type: Literal["response"]
    title: str = Field(min_length=1)
    hearing: str = Field(min_length=1)
    organisation: str | None = Field(default=None, min_length=1)
    sender: str | None = Field(default=None, min_length=1)
    source: ReceivedFile | None = None
    guessed: dict[str, Guess] = {}
    # what import took out of the body, by reason: every word of the file is in the body,
    # a field above, or here
    removed: dict[RemovedReason, list[str]] = {}
    department: str | None = None
    date: dt.date | None  # empty only where import marked it unknown (see Guess)
    case_number: str | None = None
    document_number: str | None = None  # Dok. nr. in the sender's case system
    recipient: list[Annotated[str, Field(min_length=1)]] = []  # an address line each
    contact: Contact | None = None
    signature: Signature | None = None
    lang: str = DEFAULT.code
    keywords: list[str] = []
    # The party answered only that it has no remarks ("ingen bemærkninger"): the notat lists
    # it under that mark. Set by hand or by 'hoering import'.
    no_remarks: bool = False

    _title = field_validator("title", mode="before")(one_line)
    _lang = field_validator("lang", mode="before")(known_language)

    @model_validator(mode="after")
    def _someone_sent_it(self) -> ResponseMeta:
        if self.organisation is None and self.sender is None and not self.unknown("sender"):
            raise ValueError(tr("give 'organisation' (a profile id) or 'sender' (a name)"))
        return self

    @field_validator("date")
    @classmethod
    def _dated(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        guess = (info.data.get("guessed") or {}).get("date")
        if value is None and not (guess is not None and guess.unknown):
            raise ValueError(tr("write the date of the response (YYYY-MM-DD)"))
        return value

    def unknown(self, key: str) -> bool:
        """Whether import left ``key`` empty because it found nothing good enough."""
        guess = self.guessed.get(key)
        return guess is not None and guess.unknown

    @property
    def respondent(self) -> str | None:
        """The name the response is signed with, when known without a profile."""
        return self.sender

    def sender_shown(self, file_name: str) -> str | None:
        """The sender as documents name it: as written, or "Ukendt afsender (<file>)"
        where import left it unknown (so a notat and a bundle still say whose it is)."""
        if self.sender is None and self.unknown("sender"):
            return tr_in(self.lang, "Unknown sender ({file})", file=file_name)
        return self.sender

    @field_validator("guessed", mode="before")
    @classmethod
    def _all_confirmed(cls, value: object) -> object:
        return {} if value is None else value  # every entry deleted: nothing left to confirm

    @field_validator("recipient", mode="before")
    @classmethod
    def _recipient_lines(cls, value: object) -> object:
        if isinstance(value, str):
            return [line.strip() for line in value.splitlines() if line.strip()]
        return value
