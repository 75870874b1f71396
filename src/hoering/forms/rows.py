"""Rows of a web form's export as answers: a respondent, an organisation, a date, and a
remark per non-empty topic cell. A row that cannot be read (no date, a date that is not
one, a cell too long to be an answer) is a :class:`~hoering.errors.SourceError` naming the
file and the row, and the other rows are still read."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..dates import parse_date
from ..errors import SourceError
from ..hearing import Form
from ..limits import active
from ..messages import ntr, number, tr
from .batches import Batch
from .cells import NotText, Oversized, Swallowed

MAX_NAME = 300


@dataclass(frozen=True)
class FormRow:
    """One respondent's answers: ``cells`` are (topic id, text) for each non-empty cell."""

    row: int
    respondent: str  # "" when anonymous
    organisation: str  # "" for a private respondent
    date: dt.date
    cells: tuple[tuple[str, str], ...]


def row_label(path: Path, row: int) -> str:
    return tr("record {n}", n=row) if path.suffix.lower() == ".parquet" else tr("row {n}", n=row)


def form_rows(batch: Batch, form: Form, path: Path) -> Iterator[FormRow | SourceError]:
    """Each row of ``batch`` as a :class:`FormRow`, or the error that makes it unreadable."""
    columns = batch.columns
    names = columns[form.respondent] if form.respondent else None
    organisations = columns[form.organisation] if form.organisation else None
    dates = columns[form.date]
    topics = [(topic, columns[column], column) for column, topic in form.topics.items()]
    for index, row in enumerate(batch.rows):
        try:
            respondent = _name(names[index] if names else None, form.respondent)
            organisation = _name(organisations[index] if organisations else None, form.organisation)
            date = _date(dates[index], form.date)
            cells = tuple(
                (topic, text)
                for topic, values, column in topics
                if (text := _cell(values[index], column))
            )
        except _BadCell as bad:
            yield SourceError(
                path, f"{row_label(path, row)}: {bad.column}: {bad.message}", hint=bad.hint
            )
            continue
        yield FormRow(row, respondent, organisation, date, cells)


class _BadCell(Exception):
    def __init__(self, column: str, message: str, hint: str | None = None) -> None:
        super().__init__(column, message, hint)
        self.column, self.message, self.hint = column, message, hint


def _text(value: Any, column: str) -> str:
    """A cell as text (:func:`text_of`); a cell a reader could not give as text is a bad row."""
    if isinstance(value, NotText):
        raise _BadCell(
            column,
            tr(
                "has a byte that is not UTF-8 (0x{byte:02x}, byte {n} of the cell)",
                byte=value.byte,
                n=value.position,
            ),
            hint=tr("export the table again, as UTF-8"),
        )
    if isinstance(value, Swallowed):
        raise _BadCell(
            column,
            ntr(
                "holds a line that looks like a row of its own",
                "holds {n} lines that look like rows of their own",
                value.rows,
            ),
            hint=tr('a quote (") at the start of a cell is not closed: close it, or remove it'),
        )
    return text_of(value)


def text_of(value: Any) -> str:
    """A cell as text: empty for nothing (None, NaN, blanks)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _name(value: Any, column: str | None) -> str:
    text = " ".join(_text(value, column or "").split())
    if len(text) > MAX_NAME:
        raise _BadCell(
            column or "",
            tr("is {n} characters long, not a name", n=number(len(text))),
            hint=tr("check that the columns of the export are the ones form: names"),
        )
    return text


def _cell(value: Any, column: str) -> str:
    """The answer in a cell; one longer than ``answer_characters`` (``[limits]``) is a bad
    row (a reader gives such a cell as :class:`Oversized`, never decoded)."""
    most = active().answer_characters
    length = value.characters if isinstance(value, Oversized) else None
    text = "" if length is not None else _text(value, column)
    if length is not None or len(text) > most:
        raise _BadCell(
            column,
            tr(
                "is {n} characters long; an answer has at most {most}",
                n=number(length if length is not None else len(text)),
                most=number(most),
            ),
            hint=active().hint("answer_characters"),
        )
    return text


def _date(value: Any, column: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value, column)
    if not text:
        raise _BadCell(column, tr("no date"), hint=tr("every answer needs the date it was sent"))
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass

    date = parse_date(text.split(" ")[0]) if text[:1].isdigit() else None
    if date is None:
        raise _BadCell(
            column,
            tr("{value} is not a date", value="'" + text[:40] + "'"),
            hint=tr("write it as 2019-06-21 or 21-06-2019"),
        )
    return date
