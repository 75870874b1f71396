"""The metadata of a referat (``type: minutes``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from ..languages import DEFAULT
from ..messages import tr
from .validation import Strict, known_language, one_line

TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def _time(value: object) -> object:
    """ "14:30" or "14.30" → "14:30"; anything else is left for pydantic to refuse."""
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(tr("must not be empty"))
        match = TIME.match(value.strip())
        if not match:
            raise ValueError(tr("'{value}' is not a time; write it as 14:30", value=value))
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    return value


def _ends_after_start(
    start_key: str,
) -> classmethod[Strict, [str | None, ValidationInfo], str | None]:
    """A validator of 'end': it may not be before the time in ``start_key``."""

    def check(cls: type[Strict], end: str | None, info: ValidationInfo) -> str | None:  # noqa: ARG001
        start = info.data.get(start_key)
        if end is not None and start is not None and end < start:
            raise ValueError(
                tr(
                    "'{end}' is before the start '{start}'; the meeting must end after it begins",
                    end=end,
                    start=start,
                )
            )
        return end

    return field_validator("end")(classmethod(check))


class Person(Strict):
    name: str = Field(min_length=1)
    title: str | None = None

    @property
    def text(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


def _person(value: object) -> object:
    """ "Navn, titel" as a string is a person too."""
    if isinstance(value, str):
        name, _, title = value.partition(",")
        return {"name": name.strip(), "title": title.strip() or None}
    return value


class NextMeeting(Strict):
    date: dt.date
    time: str | None = None  # start, "14:30"
    end: str | None = None
    place: str | None = None
    invites: str | None = None  # who sends the invitation

    _times = field_validator("time", "end", mode="before")(_time)
    _in_order = _ends_after_start("time")


def next_meeting_after(meetings: list[NextMeeting], day: dt.date) -> dt.date | None:
    """The first of ``meetings`` on or after ``day``."""
    return min((m.date for m in meetings if m.date >= day), default=None)


class MinutesMeta(Strict):
    """Every key a referat's metadata block may hold."""

    type: Literal["minutes"]
    title: str = Field(min_length=1)
    subject: str | None = None  # "Mødets overskrift": what the meeting was about
    date: dt.date
    start: str | None = None
    end: str | None = None
    place: str | None = None
    organisation: str = Field(min_length=1)
    department: str | None = None
    case_number: str | None = None
    document_number: str | None = None  # Dok. nr. in the case system
    hearing: str | None = None
    participants: dict[str, list[Person]] = Field(min_length=1)
    absent: dict[str, list[Person]] = {}
    chair: Person | None = None
    referent: Person
    next_meetings: list[NextMeeting] = []
    lang: str = DEFAULT.code
    keywords: list[str] = []

    _title = field_validator("title", mode="before")(one_line)
    _lang = field_validator("lang", mode="before")(known_language)
    _times = field_validator("start", "end", mode="before")(_time)
    _in_order = _ends_after_start("start")
    _one = field_validator("chair", "referent", mode="before")(_person)

    @field_validator("participants", "absent", mode="before")
    @classmethod
    def _by_organisation(cls, value: object) -> object:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValueError(
                tr(
                    "list the people under their organisation, e.g.\n"
                    "  Ishøj Kommune:\n    - Navn Navnesen, titel"
                )
            )
        people = {}
        for organisation, names in value.items():
            if isinstance(names, str):
                names = [names]
            if not isinstance(names, list):
                raise ValueError(
                    tr(
                        "'{organisation}' must list names, one per line with '- '",
                        organisation=organisation,
                    )
                )
            people[organisation] = [_person(name) for name in names]
        return people

    @property
    def next_meeting_date(self) -> dt.date | None:
        """The first next meeting on or after this one ("inden næste møde" means it)."""
        return next_meeting_after(self.next_meetings, self.date)

    @property
    def time_text(self) -> str | None:
        if self.start and self.end:
            return f"{self.start}–{self.end}"
        return self.start
