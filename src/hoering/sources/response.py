"""The metadata of a høringssvar (``type: response``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from .validation import Strict

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


class ResponseMeta(Strict):
    """Every key a høringssvar's metadata block may hold."""

    type: Literal["response"]
    title: str = Field(min_length=1)
    hearing: str = Field(min_length=1)
    organisation: str = Field(min_length=1)
    department: str | None = None
    date: dt.date
    case_number: str | None = None
    recipient: list[str] = []
    contact: Contact | None = None
    signature: Signature | None = None
    lang: Literal["da", "en"] = "da"
    keywords: list[str] = []

    @field_validator("recipient", mode="before")
    @classmethod
    def _recipient_lines(cls, value: object) -> object:
        if isinstance(value, str):
            return [line.strip() for line in value.splitlines() if line.strip()]
        return value
