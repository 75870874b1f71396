"""Answers from a web form printed to PDF (a municipality's "Bliv hørt" portal).

The printout opens with the page's headline, the hearing's name and a block of labelled
fields ("Indsendt af:", "Dato:", "Svarnummer:", "Virksomhed / Organisation:", "By:",
"Postnr.:") before the answer's text. The fields are read into the front matter (the
organisation as sender when one is given, else the person who sent it; the person as
signatory; the answer's date), the headline becomes the title, and the whole header is taken
out of the body: the answer's text is the body. A label is read whole, so "Virksomhed /
Organisation" is never split at its slash, and no field is ever glued into the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as default
from typing import TypeVar

from ..dates import find_dates
from ..messages import tr
from .calibration import confidence
from .found import Found
from .lines import Extracted, Line, first_page_rows, row_text
from .metadata import Metadata, is_authority, party_in

# label → the field it is; the first four are only seen on such forms
LABELS: dict[str, tuple[str, ...]] = {
    "person": ("indsendt af", "afgivet af", "submitted by"),
    "organisation": (
        "virksomhed / organisation",
        "virksomhed/organisation",
        "organisation / virksomhed",
        "company / organisation",
    ),
    "answer_number": ("svarnummer", "svar nr.", "høringssvar nr.", "answer number"),
    "deadline": ("høringsfrist", "deadline"),
    "date": ("dato", "indsendt", "indsendt den", "date", "submitted"),
    "name": ("navn", "name"),
    "org": ("organisation", "virksomhed", "forening", "organization", "company"),
    "city": ("by", "city"),
    "postcode": ("postnr.", "postnr", "postnummer", "postal code"),
    "email": ("e-mail", "email", "mail"),
    "address": ("adresse", "address"),
    "phone": ("telefon", "tlf.", "phone"),
}
T = TypeVar("T")
DISTINCTIVE = ("person", "organisation", "answer_number", "deadline")


def _label_pattern(label: str) -> str:
    """A label as printed: any spacing between its words and around its slash."""
    parts = (r"\s+".join(map(re.escape, part.split())) for part in label.split("/"))
    return r"\s*/\s*".join(parts)


FIELD = re.compile(
    r"^(?P<label>"
    + "|".join(_label_pattern(label) for labels in LABELS.values() for label in labels)
    + r")\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# the raw score of a field read from a form's label: one band, calibrated in calibration.py
FORM_FIELD = 1.0
HEADLINE_ROWS = 4  # rows above the fields: the page's headline and the hearing's name
MIN_FIELDS = 3


@dataclass(frozen=True)
class FormField:
    key: str  # one of LABELS
    label: str  # as printed: "Virksomhed / Organisation"
    value: str
    line: Line


@dataclass
class FormAnswer:
    """A printed web-form answer: its headline, its fields, the lines of its header (taken
    out of the body) and the rest (the answer's text)."""

    headline: Line | None
    fields: list[FormField]
    header: list[Line]
    top: Extracted
    kept: set[str] = default(default_factory=set)  # the keys read into the front matter

    def field(self, *keys: str) -> FormField | None:
        """The first field filled in under one of ``keys``."""
        return next((f for key in keys for f in self.fields if f.key == key and f.value), None)

    def left_out(self) -> list[FormField]:
        """The fields not read into the front matter (the answer's number, the town, …)."""
        return [f for f in self.fields if f.key not in self.kept]


def printed_form(extracted: Extracted) -> FormAnswer | None:
    """The form answer, when page 1 opens with a block of a web form's labelled fields."""
    if not extracted.lines:
        return None
    rows = first_page_rows(extracted, 40)
    found = _field_block(rows)
    if found is None:
        return None
    fields, start, end = found
    header_rows = rows[: end + 1]
    used = {id(line) for row in header_rows for line in row}
    headline = next((row[0] for row in rows[:start] if row[0].bold), None)
    return FormAnswer(
        headline,
        fields,
        [line for row in header_rows for line in row],
        Extracted(
            extracted.kind,
            [line for line in extracted.lines if id(line) not in used],
            extracted.pages,
            extracted.footnotes,
        ),
    )


def _field_block(rows: list[list[Line]]) -> tuple[list[FormField], int, int] | None:
    """The labelled fields near the top, with the rows their block starts and ends at."""
    start = next((i for i, row in enumerate(rows[: HEADLINE_ROWS + 2]) if _field(row)), None)
    if start is None:
        return None
    fields: list[FormField] = []
    end = start
    for index in range(start, len(rows)):
        found = _field(rows[index])
        if found is None:
            break
        fields.append(found)
        end = index
    keys = {f.key for f in fields}
    if len(fields) < MIN_FIELDS or not keys & set(DISTINCTIVE):
        return None
    return fields, start, end


def _field(row: list[Line]) -> FormField | None:
    match = FIELD.match(row_text(row))
    if match is None:
        return None
    label = " ".join(match.group("label").split())
    key = next(k for k, labels in LABELS.items() if _plain(label) in map(_plain, labels))
    return FormField(key, label, match.group("value").strip(), row[0])


def _plain(label: str) -> str:
    return re.sub(r"\s*/\s*", "/", label.lower())


def apply_form(
    meta: Metadata,
    form: FormAnswer,
    parties: list[tuple[str, list[str]]],
    authority: tuple[str, ...],
) -> None:
    """The form's fields over what the text suggested: the organisation (else the person)
    as sender, the person as signatory, the answer's date, the headline as title."""
    person = form.field("person", "name")
    sender = form.field("organisation", "org") or person
    if sender is not None and not is_authority(sender.value, authority):
        party = party_in(sender.value, parties) if sender is not person else None
        meta.sender = _read(party or sender.value, sender)
        form.kept.add(sender.key)
    if person is not None:
        meta.signatories = [(person.value, None)]
        meta.signatory = _read(person.value, person)
        form.kept.add(person.key)
    dated = form.field("date")
    # the date the answer was sent, with or without its time ("08.06.2019 kl. 16:55")
    when = next(iter(find_dates(dated.value)), (None, ""))[0] if dated is not None else None
    if dated is not None and when is not None:
        meta.date = _read(when, dated)
        form.kept.add(dated.key)
    if form.headline is not None:
        meta.title = Found(form.headline.text.strip(), 0.8, tr("web form: its headline"))


def _read(value: T, found: FormField) -> Found[T]:
    """``value`` as read from the form's field ``found``, with the web-form band's confidence."""
    return Found(value, confidence("web form", FORM_FIELD), _where(found), FORM_FIELD)


def _where(found: FormField) -> str:
    return tr('web form: the field "{label}"', label=found.label)
