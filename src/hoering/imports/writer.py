"""The Markdown source of an imported response: metadata a person can read and confirm,
and a body that reads like a source a person wrote (:mod:`.body_writer`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..messages import tr
from ..text import yaml_text
from .body_writer import body
from .found import Found
from .lines import Span
from .metadata import Metadata
from .structure import Block


@dataclass
class Draft:
    """Everything the writer needs, gathered by :mod:`hoering.imports.understand`."""

    hearing: str
    meta: Metadata
    blocks: list[Block]
    footnotes: dict[int, str]
    source_file: str  # received/<name>, relative to the hearing folder
    source_name: str
    sha256: str
    date: dt.date | None  # None: no date line in the document (written as unknown)
    date_guess: Found[dt.date] | None
    title: str
    title_guess: Found[str]
    sender: str | None  # None: no candidate good enough (written as unknown)
    sender_guess: Found[str] | None
    lang: str = "da"
    notes: list[str] = field(default_factory=list)
    note_spans: dict[int, list[Span]] = field(default_factory=dict)  # DOCX: notes' runs
    notices: list[tuple[str, Found[str]]] = field(default_factory=list)  # tracked changes, …
    # what was taken out of the body: reason → the texts (hoering.imports.ledger)
    removed: dict[str, list[str]] = field(default_factory=dict)
    body_lines: list[str] | None = None  # the body as written already (the ledger read it)
    attachment_sha256: str | None = None  # an e-mail's attached letter (imports.duplicates)


def _guess_line(key: str, found: Found[object]) -> str:
    where = f", found_in: {yaml_text(found.found_in)}" if found.found_in else ""
    return f"  {key}: {{confidence: {found.confidence:.2f}{where}}}"


def _unknown_line(key: str, why: str) -> str:
    return f"  {key}: {{unknown: true, found_in: {yaml_text(why)}}}"


def unknown_fields(draft: Draft) -> list[tuple[str, str]]:
    """The fields import found nothing good enough for, with what a person should write."""
    unknown = []
    if draft.sender is None:
        unknown.append(("sender", tr("no sender found: write who sent the response")))
    if draft.date is None:
        unknown.append(("date", tr("no date line in the document: write the date it was received")))
    return unknown


def render(draft: Draft) -> str:
    """The source: the front matter (each guessed value with its confidence below it under
    ``guessed:``, each field left empty under ``unknown``), then the body."""
    fields, guesses = _fields(draft)
    out = [
        "---",
        *fields,
        "source:",
        f"  file: {yaml_text(draft.source_file)}",
        f"  name: {yaml_text(draft.source_name)}",
        f"  sha256: {draft.sha256}",
        *([f"  attachment_sha256: {draft.attachment_sha256}"] if draft.attachment_sha256 else []),
        *_removed(draft.removed),
        *_comment(
            tr(
                "What 'hoering import' guessed. Check each value above; when it is right (or\n"
                "corrected), delete its line here. 'hoering review' lists what is left."
            )
        ),
        "guessed:",
        *_guessed(draft, [*guesses, *draft.notices]),
        f"lang: {draft.lang}",
        "---",
        "",
    ]
    out += draft.body_lines or body(draft.blocks, draft.footnotes, draft.note_spans, draft.lang)
    return "\n".join(out).rstrip("\n") + "\n"


Guesses = list[tuple[str, Found[object] | None]]  # a field and what was guessed for it


def _fields(draft: Draft) -> tuple[list[str], Guesses]:
    """The front matter's fields, and the guesses behind them."""
    meta = draft.meta
    out = [
        "type: response",
        f"title: {yaml_text(draft.title)}",
        f"hearing: {draft.hearing}",
        f"sender: {yaml_text(draft.sender)}" if draft.sender is not None else "sender:",
        f"date: {draft.date.isoformat()}" if draft.date is not None else "date:",
    ]
    guesses: Guesses = [
        ("sender", draft.sender_guess),
        ("date", draft.date_guess),
        ("title", draft.title_guess),
    ]
    if meta.case_number is not None:
        out.append(f"case_number: {yaml_text(str(meta.case_number.value))}")
        guesses.append(("case_number", meta.case_number))
    if meta.recipient is not None:
        out.append("recipient:")
        out += [f"  - {yaml_text(line)}" for line in meta.recipient.value]
        guesses.append(("recipient", meta.recipient))
    if meta.no_remarks is not None:
        out.append("no_remarks: true")
        guesses.append(("no_remarks", meta.no_remarks))
    out += _signature(meta, guesses)
    return out, guesses


def _signature(meta: Metadata, guesses: Guesses) -> list[str]:
    """The ``signature:`` field (on whose behalf, who signed), its guesses added to ``guesses``."""
    if meta.on_behalf_of is None and not meta.signatories:
        return []
    out = ["signature:"]
    if meta.on_behalf_of is not None:
        out.append(f"  on_behalf_of: {yaml_text(str(meta.on_behalf_of.value))}")
        guesses.append(("on_behalf_of", meta.on_behalf_of))
    if meta.signatories:
        out.append("  signatories:")
        for name, title in meta.signatories:
            out.append(f"    - name: {yaml_text(name)}")
            if title:
                out.append(f"      title: {yaml_text(title)}")
        guesses.append(("signatory", meta.signatory))
    return out


def _guessed(draft: Draft, guesses: Sequence[tuple[str, Found[object] | None]]) -> list[str]:
    """The lines under ``guessed:``: the fields left empty first, then each guess."""
    out = []
    unknown = unknown_fields(draft)
    if unknown:
        out += _comment(tr("unknown: nothing good enough was found; write the value above."))
    out += [_unknown_line(key, why) for key, why in unknown]
    out += [_guess_line(key, found) for key, found in guesses if found is not None]
    return out


def _removed(removed: dict[str, list[str]]) -> list[str]:
    if not removed:
        return []
    out = [*_comment(tr("What 'hoering import' took out of the text, and why.")), "removed:"]
    for reason, texts in removed.items():
        out.append(f"  {reason}:")
        out += [f"    - {yaml_text(text)}" for text in texts]
    return out


def _comment(text: str) -> list[str]:
    return [f"# {line}" for line in text.split("\n")]
