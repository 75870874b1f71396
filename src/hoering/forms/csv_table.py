"""CSV exports read with pyarrow's streaming reader: a partition is a run of its batches (a
worker reads and skips the batches before its own, which keeps quoted line breaks in cells
right), rows numbered as a spreadsheet numbers them (the header is row 1), and a row Arrow
cannot split reported with its number, never lost."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import SourceError
from ..limits import active
from ..messages import ntr, tr
from .batches import BadLine, Batch, Partition, first_line, missing
from .cells import Swallowed, cells, swallowed
from .encodings import UTF8, Encoding, csv_encoding

if TYPE_CHECKING:
    from collections.abc import Callable

    import pyarrow.csv as pa_csv


def _not_csv(path: Path, exc: Exception) -> SourceError:
    return SourceError(
        path,
        tr("cannot be read as {kind}: {reason}", kind="CSV", reason=first_line(exc)),
        hint=tr("save it as UTF-8 CSV with a header row"),
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
def open_csv(
    path: Path,
    columns: list[str],
    on_bad: Callable[[pa_csv.InvalidRow], Literal["skip"]],
    block_bytes: int,
) -> Iterator[tuple[pa_csv.CSVStreamingReader, Encoding]]:
    """A streaming reader of the CSV file, with only ``columns`` read in blocks of
    ``block_bytes`` (one batch each), and the encoding it is read in (:mod:`.encodings`)."""
    try:
        import pyarrow as pa
        import pyarrow.csv as pc
    except ImportError:
        raise missing(path, "CSV", "pyarrow") from None
    encoding = csv_encoding(path)
    read = pc.ReadOptions(block_size=block_bytes, use_threads=False, encoding=encoding.name)
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


def csv_batches(
    part: Partition, columns: list[str], bad: list[BadLine], block_bytes: int
) -> Iterator[Batch]:
    """The partition's rows, batch by batch; the rows Arrow could not split go to ``bad``."""
    found: list[BadLine] = []
    delimiter, fields = _header(part.path)

    def on_bad(line: pa_csv.InvalidRow) -> Literal["skip"]:
        found.append(_bad_line(line, delimiter, fields))
        return "skip"

    numbering = _RowNumbers(found)
    before: int | None = None
    with open_csv(part.path, columns, on_bad, block_bytes) as (reader, encoding):
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
