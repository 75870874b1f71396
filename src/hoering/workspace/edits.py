"""Every change the official makes on the workspace page, written into the hearing's
Markdown files as a person would have written it in an editor.

Each edit names the hearing folder, the file (``responses/ishoj.md``; ``remarks.md`` for the
answers) and the version the page read (:func:`read_response`, :func:`read_remarks_file`).
It is refused, and nothing is written, when the file changed on disk since
(:class:`ChangedOnDisk`), or when the input is wrong: an unknown topic, stance or status, a
value that would not be read, a file outside the hearing's responses/ (:class:`EditRefused`;
both are :class:`~hoering.errors.HoeringError` with a message in the user's language). What
is written is checked by the project's own readers before it replaces the file, atomically;
every other byte of the file (comments, key order, quoting, line ends) stays as it was.
Every edit returns the file as written (:class:`FileVersion`), with its new version.

Front matter of a response:
    :func:`accept_guess`, :func:`correct_field`, :func:`set_no_remarks`, :func:`restore_removed`
A section heading of a response (``## … {topic=… stance=…}``), by its line:
    :func:`set_heading_topic`, :func:`accept_heading`
``remarks.md``:
    :func:`answer_remark`, :func:`answer_topic`, :func:`write_changes`
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..hearing import load_hearing
from ..imports.review import VALUE_AT
from ..messages import tr
from ..model.stances import DANISH_STANCES, STANCES, stance_value
from ..response_in_hearing import check_response
from ..sources import load_source
from .files import (
    ABSENT,
    ChangedOnDisk,
    EditRefused,
    FileVersion,
    check_printable,
    check_topic,
    read,
    refused,
    response_path,
    save,
)
from .headings import rewrite_heading
from .metadata import Location, MetadataLines, changed, scalar
from .remarks import answer_remark, answer_topic, read_remarks_file, write_changes
from .removed import AT_START, removed_texts, unlist, unlisted, with_paragraphs

__all__ = [
    "ABSENT",
    "FIELDS",
    "ChangedOnDisk",
    "EditRefused",
    "FileVersion",
    "accept_guess",
    "accept_heading",
    "answer_remark",
    "answer_topic",
    "read_remarks_file",
    "write_changes",
    "correct_field",
    "read_response",
    "restore_removed",
    "set_heading_topic",
    "set_no_remarks",
]

# the fields the page may correct → where the value is in the metadata
FIELDS: dict[str, Location] = {
    **{key: location for key, location in VALUE_AT.items() if key != "no_remarks"},
    "signatory_title": ("signature", "signatories", 0, "title"),
}
GUESS_OF = {"signatory_title": "signatory"}  # a field checked with another's guess
# top-level keys in the order import writes them: a missing one goes after those before it
ORDER = ("type", "title", "hearing", "sender", "date", "case_number", "recipient", "no_remarks")
MAX_VALUE = 300  # characters of one metadata value
MAX_RECIPIENT_LINES = 12
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_response(hearing: Path, source: str | Path) -> FileVersion:
    """A response of the hearing as the page reads it: its text and version.

    ``source`` is relative to the hearing folder: ``responses/ishoj.md``."""
    return read(response_path(hearing, source))


def accept_guess(hearing: Path, source: str | Path, version: str, key: str) -> FileVersion:
    """The guessed value of ``key`` (sender, date, title, …) is right: its line under
    ``guessed:`` is deleted, the value stays."""
    path = response_path(hearing, source)

    def change(text: str) -> str:
        lines = MetadataLines.of(text, path)
        _guess_left(lines, key)
        return changed(text, path, lambda m: m.delete(("guessed", key)), _drop(("guessed", key)))

    return save(path, version, change, _check_response)


def correct_field(
    hearing: Path, source: str | Path, version: str, key: str, value: str | Sequence[str]
) -> FileVersion:
    """``key`` (one of :data:`FIELDS`) gets ``value`` (the recipient: its lines) and its
    guess, if any, is deleted: the official has checked it. The date is YYYY-MM-DD."""
    path = response_path(hearing, source)
    location = FIELDS.get(key)
    if location is None:
        raise EditRefused(
            tr(
                "'{key}' is not a field that can be corrected here; use one of: {keys}",
                key=key[:80],
                keys=", ".join(FIELDS),
            )
        )
    written = _checked_value(key, value)
    guess = ("guessed", GUESS_OF.get(key, key))

    def change(text: str) -> str:
        def edit(lines: MetadataLines) -> None:
            _set(lines, location, written)
            if lines.has(guess):
                lines.delete(guess)

        def meant(data: Any) -> None:
            _put(data, location, written)
            _drop(guess)(data)

        return changed(text, path, edit, meant)

    return save(path, version, change, _check_response)


def set_no_remarks(
    hearing: Path, source: str | Path, version: str, value: bool = True
) -> FileVersion:
    """Mark the response as saying only that its sender has no remarks (``no_remarks:
    true``), or take the mark away (the line is deleted); a guess of it is deleted."""
    path = response_path(hearing, source)
    location: Location = ("no_remarks",)
    guess: Location = ("guessed", "no_remarks")

    def change(text: str) -> str:
        def edit(lines: MetadataLines) -> None:
            if value:
                _set(lines, location, True)
            elif lines.has(location):
                lines.delete(location)
            if lines.has(guess):
                lines.delete(guess)

        def meant(data: Any) -> None:
            if value:
                data["no_remarks"] = True
            else:
                data.pop("no_remarks", None)
            _drop(guess)(data)

        return changed(text, path, edit, meant)

    return save(path, version, change, _check_response)


def restore_removed(
    hearing: Path, source: str | Path, version: str, reason: str, index: int | None = None
) -> FileVersion:
    """Put back into the body what import removed as ``reason`` (``removed:``): the text at
    ``index`` in its list, or all of them (None), each as a paragraph of its own where it
    stood: at the start of the body (letterhead, stamps, recipient, …) or at its end
    (closing, footer, page number, quoted thread). The entry leaves ``removed:``."""
    path = response_path(hearing, source)

    def change(text: str) -> str:
        lines = MetadataLines.of(text, path)
        texts = removed_texts(lines, reason, index)
        new = changed(text, path, lambda m: unlist(m, reason, index), unlisted(reason, index))
        return with_paragraphs(new, path, texts, at_start=reason in AT_START)

    return save(path, version, change, _check_response)


def set_heading_topic(
    hearing: Path,
    source: str | Path,
    version: str,
    line: int,
    topic: str | None,
    stance: str | None,
) -> FileVersion:
    """The section whose heading is on ``line`` (1-based, as the page read it) is about
    ``topic`` (an id of the hearing's topics; None: no topic, counted under the general
    remarks) with ``stance`` (positive, concern, proposal, or the Danish words; None: no
    stance). The heading's guess is deleted: the official has decided."""
    path = response_path(hearing, source)
    check_topic(load_hearing(Path(hearing)).topics, topic)
    if stance is not None and stance_value(stance) is None:
        raise _not_a_stance(stance)
    value = stance_value(stance) if stance is not None else None
    return save(
        path,
        version,
        lambda text: rewrite_heading(text, path, line, {"topic": topic, "stance": value}),
        _check_response,
    )


def accept_heading(hearing: Path, source: str | Path, version: str, line: int) -> FileVersion:
    """The topic and stance import guessed for the heading on ``line`` are right: its
    ``guess=`` and ``matched=`` attributes are deleted, the topic and stance stay."""
    path = response_path(hearing, source)
    return save(path, version, lambda text: rewrite_heading(text, path, line, {}), _check_response)


def _not_a_stance(stance: str) -> EditRefused:
    return refused(
        tr("'{stance}' is not a stance", stance=stance[:80]),
        tr(
            "use {choices} (or {english})",
            choices=", ".join(DANISH_STANCES),
            english=", ".join(STANCES),
        ),
    )


def _check_response(staged: Path) -> None:
    """The checks build and compare make of a response: it reads, validates, and names
    only topics of its hearing."""
    check_response(load_source(staged))


def _guess_left(lines: MetadataLines, key: str) -> None:
    guessed = lines.value(("guessed",))
    if not isinstance(guessed, dict) or key not in guessed:
        raise EditRefused(
            tr(
                "{file}: '{key}' is not among the guesses left to check",
                file=lines.path.name,
                key=key[:80],
            )
        )


def _drop(location: Location) -> Callable[[Any], None]:
    """What deleting ``location`` does to plain metadata."""

    def meant(data: Any) -> None:
        parent = data
        for step in location[:-1]:
            parent = parent.get(step) if isinstance(parent, dict) else None
        if isinstance(parent, dict):
            parent.pop(location[-1], None)

    return meant


def _checked_value(key: str, value: str | Sequence[str]) -> Any:
    """``value`` as it will be stored, or EditRefused when it is not one for ``key``."""
    if key == "recipient":
        found = [value] if isinstance(value, str) else list(value)
        found = [line.strip() for line in found if line.strip()]
        if not found or len(found) > MAX_RECIPIENT_LINES:
            raise EditRefused(tr("the recipient is 1 to {n} lines", n=MAX_RECIPIENT_LINES))
        return [_one_line(key, line) for line in found]
    if not isinstance(value, str):
        raise EditRefused(tr("{key}: write one line of text", key=key))
    text = _one_line(key, value)
    if key == "date":
        return _date(text)
    return text


def _one_line(key: str, value: str) -> str:
    text = value.strip()
    if not text:
        raise EditRefused(tr("{key}: the value is empty; write it, or accept the guess", key=key))
    if len(text) > MAX_VALUE:
        raise EditRefused(tr("{key}: at most {n} characters", key=key, n=MAX_VALUE))
    if "\n" in text or "\r" in text:
        raise EditRefused(tr("{key}: write one line of text", key=key))
    check_printable(key, text)
    return text


def _date(text: str) -> str:
    try:
        if DATE.fullmatch(text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise EditRefused(
        tr("date: '{value}' is not a date (write YYYY-MM-DD, e.g. 2019-06-18)", value=text[:40])
    )


def _set(lines: MetadataLines, location: Location, value: Any) -> None:
    """Write ``value`` at ``location``: in place, or a new top-level line where import
    would have written it."""
    if lines.has(location):
        if isinstance(value, list):
            key = location[-1]
            lines.replace_entry(location, _list_lines(str(key), value))
            return
        lines.set_value(location, _written(value, lines.style(location), location))
        return
    if len(location) > 1:
        raise EditRefused(
            tr(
                "{file}: there is no '{key}' to correct; write it in an editor",
                file=lines.path.name,
                key=str(location[-2]),
            )
        )
    key = str(location[0])
    new = (
        _list_lines(key, value)
        if isinstance(value, list)
        else [f"{key}: {_written(value, '', location)}"]
    )
    before = [k for k in ORDER[: ORDER.index(key)] if k in lines.data] if key in ORDER else []
    if before:
        lines.insert_after((before[-1],), new)
    else:
        lines.splice(1, 1, new)


def _list_lines(key: str, values: list[str]) -> list[str]:
    """A list written as import writes the recipient: one double-quoted line each."""
    return [f"{key}:", *("  - " + scalar(v, '"') for v in values)]


def _written(value: Any, style: str, location: Location) -> str:
    if value is True:
        return "true"
    if location == ("date",):
        return str(value)  # a date is written plain, as import writes it
    return scalar(str(value), style or ("" if location == ("no_remarks",) else '"'))


def _put(data: Any, location: Location, value: Any) -> None:
    node = data
    for step in location[:-1]:
        node = node[step]
    node[location[-1]] = value
