"""The table files of a hearing (a web form's export in ``responses/``) cut into partitions
and read one partition at a time, so no table is ever held in memory whole.

A partition of a Parquet file is a run of row groups; of a CSV file, a run of the batches
pyarrow's streaming reader gives (a worker reads and skips the batches before its own, which
keeps quoted line breaks in cells right); an XLSX file is one partition, checked by
``workbook`` before it is opened and refused past ``xlsx_rows`` rows (``[limits]``). Rows
are numbered as a person finds them: in CSV and XLSX the header is row 1, as in a
spreadsheet; in Parquet the first record is record 1.

Over 400 lines: the three table formats' readers share the partition and row-numbering
machinery here, and are split by format in issue 22's readers-by-kind step.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import SourceError
from ..limits import active
from ..messages import ntr, number, tr
from .cells import Swallowed, cells, swallowed
from .encodings import UTF8, Encoding, csv_encoding
from .workbook import check_workbook, export_in_parts

if TYPE_CHECKING:
    from collections.abc import Callable

    import pyarrow as pa
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq
    from openpyxl.workbook.workbook import _WorksheetLike

TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")
CSV_BLOCK_BYTES = 1 << 22  # pyarrow reads a CSV in blocks of this size: one batch each
CSV_BATCHES_PER_PARTITION = 4
PARQUET_ROWS_PER_PARTITION = 50_000
BATCH_BYTES = 32 << 20  # Arrow bytes turned into Python values at a time


@dataclass(frozen=True)
class Partition:
    """Part of one table file: Parquet row groups or CSV batches [start, stop)."""

    path: Path
    start: int
    stop: int | None  # None: to the end of the file

    @property
    def kind(self) -> str:
        return self.path.suffix.lower().lstrip(".")


@dataclass(frozen=True)
class Batch:
    """Some rows of a table: each column as a list; ``rows`` are their numbers."""

    columns: dict[str, list[Any]]
    rows: list[int]


@dataclass(frozen=True)
class BadLine:
    """A CSV row that could not be split into the header's fields."""

    row: int | None
    message: str
    hint: str | None = None


def table_files(folder: Path) -> list[Path]:
    """The table files in ``folder`` (a hearing's responses/), sorted."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith((".", "~$"))
    )


def partitions(path: Path) -> list[Partition]:
    """The partitions of one table file, found from its size or Parquet footer only."""
    kind = path.suffix.lower()
    if kind == ".parquet":
        metadata = _parquet(path).metadata
        groups, bounds, rows = metadata.num_row_groups, [0], 0
        for index in range(groups):
            rows += metadata.row_group(index).num_rows
            if rows >= PARQUET_ROWS_PER_PARTITION and index + 1 < groups:
                bounds.append(index + 1)
                rows = 0
        return [
            Partition(path, start, stop)
            for start, stop in zip(bounds, [*bounds[1:], groups], strict=True)
        ]
    if kind == ".csv":
        per_part = CSV_BLOCK_BYTES * CSV_BATCHES_PER_PARTITION
        count = max(1, math.ceil(path.stat().st_size / per_part))
        return [
            Partition(
                path,
                i * CSV_BATCHES_PER_PARTITION,
                None if i == count - 1 else (i + 1) * CSV_BATCHES_PER_PARTITION,
            )
            for i in range(count)
        ]
    return [Partition(path, 0, None)]


def columns_of(path: Path) -> list[str]:
    """The column names of a table file, read from its header (or Parquet schema)."""
    kind = path.suffix.lower()
    if kind == ".parquet":
        return list(_parquet(path).schema_arrow.names)
    if kind == ".csv":
        with _open_csv(path, [], lambda _bad: "skip") as (reader, encoding):
            return [encoding.column_name(name) for name in reader.schema.names]
    with _xlsx(path) as sheet, closing(sheet.iter_rows(max_row=1, values_only=True)) as rows:
        header = next(_xlsx_rows(path, rows), (1, ()))[1]
    return [_header_name(value) for value in header]


def read_batches(part: Partition, columns: list[str], bad: list[BadLine]) -> Iterator[Batch]:
    """The rows of a partition, batch by batch, with only ``columns`` read. Rows that cannot
    be read at all (a CSV row with too many fields) are appended to ``bad``."""
    if part.kind == "parquet":
        yield from _parquet_batches(part, columns)
    elif part.kind == "csv":
        yield from _csv_batches(part, columns, bad)
    else:
        yield from _xlsx_batches(part.path, columns)


def _parquet(path: Path, columns: list[str] | None = None) -> pq.ParquetFile:
    """The Parquet file, its row count checked against ``form_rows`` from the metadata;
    ``columns`` are read as dictionaries, as they are stored (a recurring text once)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise _missing(path, "Parquet", "pyarrow") from None
    try:
        table = pq.ParquetFile(path, read_dictionary=columns)
    except Exception as exc:  # pyarrow raises several kinds for a broken file
        raise SourceError(
            path,
            tr("cannot be read as {kind}: {reason}", kind="Parquet", reason=exc),
            hint=tr("export the table again"),
        ) from None
    most = active().form_rows
    if table.metadata.num_rows > most:
        raise SourceError(
            path,
            tr(
                "has {n} rows, more than {limit}",
                n=number(table.metadata.num_rows),
                limit=number(most),
            ),
            hint=active().hint("form_rows"),
        )
    return table


def _missing(path: Path, kind: str, package: str) -> SourceError:
    return SourceError(
        path,
        tr(
            "reading {kind} files needs {package}: pip install '{package}'",
            kind=kind,
            package=package,
        ),
    )


def _not_csv(path: Path, exc: Exception) -> SourceError:
    return SourceError(
        path,
        tr("cannot be read as {kind}: {reason}", kind="CSV", reason=_first_line(exc)),
        hint=tr("save it as UTF-8 CSV with a header row"),
    )


def _parquet_batches(part: Partition, columns: list[str]) -> Iterator[Batch]:
    table = _parquet(part.path, columns)
    metadata = table.metadata
    first = sum(metadata.row_group(i).num_rows for i in range(part.start)) + 1
    groups = list(
        range(part.start, part.stop if part.stop is not None else metadata.num_row_groups)
    )
    batches = table.iter_batches(batch_size=10_000, row_groups=groups, columns=columns)
    while (batch := _next_parquet_batch(part.path, batches)) is not None:
        for piece in _pieces(batch):
            yield _batch(piece, columns, first)
            first += piece.num_rows


def _next_parquet_batch(path: Path, batches: Iterator[Any]) -> Any:
    """The next batch, None at the end; a page pyarrow cannot decode (a damaged file: its
    metadata read, a page not) refuses the file with pyarrow's reason, as opening does."""
    try:
        return next(batches)
    except StopIteration:
        return None
    except (OSError, ValueError) as exc:  # ArrowInvalid is a ValueError, ArrowIOError OSError
        raise SourceError(
            path,
            tr("cannot be read as {kind}: {reason}", kind="Parquet", reason=_first_line(exc)),
            hint=tr("export the table again"),
        ) from None


def _pieces(batch: pa.RecordBatch) -> Iterator[pa.RecordBatch]:
    """``batch`` in slices of at most BATCH_BYTES decoded (long answers, few rows each)."""
    rows = max(1, batch.num_rows * BATCH_BYTES // max(batch.nbytes, 1))
    for start in range(0, batch.num_rows, rows):
        yield batch.slice(start, rows)


def _batch(batch: pa.RecordBatch, columns: list[str], first: int) -> Batch:
    most = active().answer_characters
    return Batch(
        {name: cells(batch.column(name), most) for name in columns},
        list(range(first, first + batch.num_rows)),
    )


def _delimiter(path: Path) -> str:
    return _header(path)[0]


def _header(path: Path) -> tuple[str, int]:
    """The CSV's delimiter (the one its header row uses most) and the header's field count."""
    with path.open("rb") as stream:
        header = stream.readline(65536).decode("utf-8", errors="replace")
    delimiter = max((";", ",", "\t"), key=header.count)
    return delimiter, header.count(delimiter) + 1


@contextmanager
def _open_csv(
    path: Path, columns: list[str], on_bad: Callable[[pa_csv.InvalidRow], Literal["skip"]]
) -> Iterator[tuple[pa_csv.CSVStreamingReader, Encoding]]:
    """A streaming reader of the CSV file, with only ``columns`` read, and the encoding it is
    read in (:mod:`.encodings`)."""
    try:
        import pyarrow as pa
        import pyarrow.csv as pc
    except ImportError:
        raise _missing(path, "CSV", "pyarrow") from None
    encoding = csv_encoding(path)
    read = pc.ReadOptions(block_size=CSV_BLOCK_BYTES, use_threads=False, encoding=encoding.name)
    # UTF-8 is read as bytes and decoded per batch: a byte that is not UTF-8 is then one row
    # reported, not the whole file refused
    kind = pa.binary() if encoding is UTF8 else pa.string()
    parse = pc.ParseOptions(
        delimiter=_delimiter(path), newlines_in_values=True, invalid_row_handler=on_bad
    )
    names = [encoding.arrow_name(c) for c in columns]
    convert = pc.ConvertOptions(
        column_types=dict.fromkeys(names, kind), include_columns=names or None
    )
    with path.open("rb") as stream:
        stream.seek(encoding.skip)
        try:
            reader = pc.open_csv(
                stream, read_options=read, parse_options=parse, convert_options=convert
            )
        except Exception as exc:  # pyarrow.ArrowInvalid and friends
            raise _not_csv(path, exc) from None
        yield reader, encoding


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _csv_batches(part: Partition, columns: list[str], bad: list[BadLine]) -> Iterator[Batch]:
    found: list[BadLine] = []
    delimiter, fields = _header(part.path)

    def on_bad(line: pa_csv.InvalidRow) -> Literal["skip"]:
        found.append(_bad_line(line, delimiter, fields))
        return "skip"

    numbering = _RowNumbers(found)
    before: int | None = None
    with _open_csv(part.path, columns, on_bad) as (reader, encoding):
        for index in _counting():
            if part.stop is not None and index >= part.stop:
                break
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                part = Partition(part.path, part.start, None)  # the last: all to the end
                break
            except Exception as exc:
                raise _not_csv(part.path, exc) from None
            if index == part.start:
                before = numbering.row
            numbers = numbering.next(batch.num_rows)
            if index >= part.start:
                columns_read = {
                    c: encoding.cell_bytes(batch.column(encoding.arrow_name(c))) for c in columns
                }
                yield _csv_batch(columns_read, numbers, delimiter, fields)
    if before is None and part.start == 0:
        before = 1  # no row could be read at all: every bad line is this partition's
    if before is not None:  # this partition's bad lines: after the rows before it, up to its end
        bad.extend(
            b
            for b in found
            if (b.row or 0) > before and (part.stop is None or (b.row or 0) <= numbering.row)
        )


def _csv_batch(columns: dict[str, Any], numbers: list[int], delimiter: str, fields: int) -> Batch:
    most = active().answer_characters
    return Batch(
        {
            name: swallowed(cells(column, most), delimiter, fields)
            for name, column in columns.items()
        },
        numbers,
    )


def _bad_line(line: Any, delimiter: str, fields: int) -> BadLine:
    """A row Arrow could not split; one that took in lines looking like rows of their own
    (a quote opened at the start of a cell and never closed) says how many, so that every
    row of the file is read or reported."""
    message = tr(
        "has {fields} fields, the header has {header}",
        fields=line.actual_columns,
        header=line.expected_columns,
    )
    rows = swallowed([line.text or ""], delimiter, fields)[0]
    if not isinstance(rows, Swallowed):
        return BadLine(line.number, message)
    return BadLine(
        line.number,
        message
        + "; "
        + ntr(
            "it holds a line that looks like a row of its own",
            "it holds {n} lines that look like rows of their own",
            rows.rows,
        ),
        hint=tr('a quote (") at the start of a cell is not closed: close it, or remove it'),
    )


class _RowNumbers:
    """Row numbers of the rows a CSV reader gives, passing over the rows it skipped."""

    def __init__(self, skipped: list[BadLine]) -> None:
        self.skipped = skipped
        self.seen = 0
        self.row = 1  # the header
        self.pending: list[int] = []

    def next(self, count: int) -> list[int]:
        skipped = sorted(
            [*self.pending, *(b.row for b in self.skipped[self.seen :] if b.row is not None)]
        )
        self.seen = len(self.skipped)
        numbers = []
        for _ in range(count):
            self.row += 1
            while skipped and skipped[0] <= self.row:
                self.row += skipped.pop(0) == self.row
            numbers.append(self.row)
        self.pending = skipped
        return numbers


def _counting() -> Iterator[int]:
    index = 0
    while True:
        yield index
        index += 1


class _xlsx:
    """The first sheet of an XLSX file, opened read-only (streamed by openpyxl)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> _WorksheetLike:
        try:
            import openpyxl
        except ImportError:
            raise _missing(self.path, "XLSX", "openpyxl") from None
        check_workbook(self.path)
        try:
            self.book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException
            raise SourceError(
                self.path,
                tr("cannot be read as {kind}: {reason}", kind="XLSX", reason=_first_line(exc)),
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


def _header_name(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _xlsx_batches(path: Path, columns: list[str]) -> Iterator[Batch]:
    # closing the rows closes the sheet's file in the archive at once, also on an error
    with _xlsx(path) as sheet, closing(sheet.iter_rows(values_only=True)) as values:
        rows = _xlsx_rows(path, values)
        header = [_header_name(v) for v in next(rows, (1, ()))[1]]
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


def _xlsx_rows(
    path: Path, rows: Iterator[tuple[Any, ...]]
) -> Iterator[tuple[int, tuple[Any, ...]]]:
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
                    reason=_first_line(exc),
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


def listed(columns: list[str]) -> str:
    """A file's column names for a message: the first twelve, quoted."""
    return ", ".join(f"'{c}'" for c in columns[:12]) + (", …" if len(columns) > 12 else "")
