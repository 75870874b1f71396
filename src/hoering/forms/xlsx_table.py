"""XLSX exports: the first sheet, checked (:mod:`.workbook`) before openpyxl streams it, read
in batches of 10,000 rows and refused past ``xlsx_rows`` rows or where its XML is damaged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SourceError
from ..limits import active
from ..messages import number, tr
from .batches import Batch, first_line, listed, missing
from .workbook import check_workbook, export_in_parts

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import _WorksheetLike


class first_sheet:
    """The first sheet of an XLSX file, opened read-only (streamed by openpyxl)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> _WorksheetLike:
        try:
            import openpyxl
        except ImportError:
            raise missing(self.path, "XLSX", "openpyxl") from None
        check_workbook(self.path)
        try:
            self.book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException
            raise SourceError(
                self.path,
                tr("cannot be read as {kind}: {reason}", kind="XLSX", reason=first_line(exc)),
                hint=tr("open it in Excel and save it again as .xlsx"),
            ) from None
        if not self.book.worksheets:  # found by the fuzzer: a workbook of no sheet
            self.book.close()
            raise SourceError(
                self.path,
                tr("has no sheet"),
                hint=tr("open it in Excel and save it again as .xlsx"),
            )
        return self.book.worksheets[0]

    def __exit__(self, *_exc: object) -> None:
        self.book.close()


def header_name(value: Any) -> str:
    return "" if value is None else str(value).strip()


def xlsx_batches(path: Path, columns: list[str]) -> Iterator[Batch]:
    # closing the rows closes the sheet's file in the archive at once, also on an error
    with first_sheet(path) as sheet, closing(sheet.iter_rows(values_only=True)) as values:
        rows = xlsx_rows(path, values)
        header = [header_name(v) for v in next(rows, (1, ()))[1]]
        where = _places(path, header, columns)
        most = active().xlsx_rows
        batch = Batch({name: [] for name in columns}, [])
        for row, cells in rows:
            if row > most + 1:
                raise SourceError(
                    path,
                    tr("has more than {n} rows", n=number(most)),
                    hint=export_in_parts("xlsx_rows"),
                )
            for name, index in where.items():
                batch.columns[name].append(cells[index] if index < len(cells) else None)
            batch.rows.append(row)
            if len(batch.rows) == 10_000:
                yield batch
                batch = Batch({name: [] for name in columns}, [])
        if batch.rows:
            yield batch


def xlsx_rows(path: Path, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The sheet's rows with their numbers (the header is row 1). A row openpyxl cannot read
    (damaged XML: a cell naming a text the workbook does not hold, a cell reference with no
    column; found by the fuzzer as IndexError and ValueError) refuses the file, saying where."""
    row = 1
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # openpyxl raises what its parsing meets
            raise SourceError(
                path,
                tr(
                    "cannot be read as {kind}: the sheet is damaged from row {n} on ({reason})",
                    kind="XLSX",
                    n=number(row),
                    reason=first_line(exc),
                ),
                hint=tr("open it in Excel and save it again as .xlsx"),
            ) from None
        yield row, cells
        row += 1


def _places(path: Path, header: list[str], columns: list[str]) -> dict[str, int]:
    """Where each of ``columns`` is in the header; one it lacks refuses the file (check_table
    says so first, naming the hearing; a damaged text table can lose a name on the way)."""
    for name in columns:
        if name not in header:
            raise SourceError(
                path,
                tr("has no column '{column}'", column=name),
                hint=tr("the file's columns are: {columns}", columns=listed(header)),
            )
    return {name: header.index(name) for name in columns}
