"""Responses that arrive as rows of a table: a web form's export (CSV, XLSX or Parquet) in a
hearing's ``responses/``, read through the ``form:`` block of ``hearing.yaml``::

    form:
      respondent: navn          # the respondent's name (empty: anonymous)
      organisation: organisation
      date: indsendt
      topics: {spm_1: ledsagelse, spm_2: udskrivningsmentor}

``tables`` cuts the files into partitions and reads them batch by batch; ``rows`` turns
rows into answers and names the rows that cannot be read; this module checks a file's columns
against the mapping.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import HoeringError, SourceError, display_path
from ..hearing import Form, Hearing
from ..messages import tr
from .batches import BadLine, Partition, listed
from .parquet_table import check_parquet_answers
from .rows import FormRow, form_rows
from .tables import columns_of, partitions, read_batches, table_files

__all__ = [
    "FormRow",
    "Partition",
    "TableCheck",
    "check_table",
    "form_of",
    "read_partition",
    "table_files",
    "partitions",
]


@dataclass
class TableCheck:
    """A table file's columns against ``form:``: missing ones are errors, extra ones are
    reported as not read."""

    path: Path
    missing: list[SourceError] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    @property
    def warning(self) -> str | None:
        if not self.unmapped:
            return None
        names = ", ".join(f"'{c}'" for c in self.unmapped)
        return tr(
            "{path}: columns not in form: in hearing.yaml, so not read: {names} "
            "(map a column to a topic under form.topics to read it)",
            path=display_path(self.path),
            names=names,
        )


def form_of(hearing: Hearing, path: Path | None = None) -> Form:
    """The hearing's ``form:``; an error naming ``path`` (a table file) when there is none."""
    if hearing.meta.form is None:
        where = path if path is not None else hearing.path
        raise SourceError(
            where,
            tr("is a table of answers, but hearing.yaml has no form: block"),
            hint=tr(
                "map its columns in hearing.yaml under form: (respondent, "
                "organisation, date, topics); see the README"
            ),
        )
    return hearing.meta.form


def check_table(path: Path, form: Form, hearing: Hearing) -> TableCheck:
    """Which of the mapping's columns the file lacks (errors), and which it has unmapped."""
    columns = columns_of(path)
    check = TableCheck(path)
    for key, column in _mapped(form):
        if columns.count(column) > 1:
            check.missing.append(_twice(path, column, columns.count(column)))
        if column in columns:
            continue
        free = [c for c in columns if c not in form.columns]
        close = difflib.get_close_matches(column, free, n=1)
        check.missing.append(
            SourceError(
                path,
                tr(
                    "has no column '{column}' (form.{key} in {hearing})",
                    column=column,
                    key=key,
                    hearing=display_path(hearing.path),
                ),
                hint=(tr("did you mean '{key}'?", key=close[0]) + " " if close else "")
                + tr("the file's columns are: {columns}", columns=listed(columns)),
            )
        )
    check.unmapped = [c for c in columns if c not in form.columns]
    if path.suffix.lower() == ".parquet":
        check_parquet_answers(path, [c for c in form.columns if c in columns])
    return check


def _twice(path: Path, column: str, count: int) -> SourceError:
    """A mapped column whose name the file gives to more than one column."""
    return SourceError(
        path,
        tr("has {n} columns named '{column}'", n=count, column=column),
        hint=tr("give each column of the export a name of its own"),
    )


def _mapped(form: Form) -> Iterator[tuple[str, str]]:
    for key in ("respondent", "organisation", "date"):
        column = getattr(form, key)
        if column:
            yield key, column
    for column in form.topics:
        yield f"topics.{column}", column


def read_partition(part: Partition, form: Form) -> Iterator[FormRow | HoeringError]:
    """The answers in one partition, and an error for each row that cannot be read."""
    bad: list[BadLine] = []
    for batch in read_batches(part, form.columns, bad):
        yield from form_rows(batch, form, part.path)
    for line in bad:
        where = tr("row {n}", n=line.row) if line.row is not None else tr("a row")
        yield SourceError(
            part.path,
            f"{where}: {line.message}",
            hint=line.hint or tr("a cell with the delimiter in it must be in quotes"),
        )
