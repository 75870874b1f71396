"""Parquet exports read a run of row groups at a time (a partition), in batches of at most
BATCH_BYTES decoded, a recurring text read once (as the file stores it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SourceError
from ..limits import active
from ..messages import number, tr
from .batches import Batch, Partition, first_line, missing
from .cells import cells
from .parquet_limits import check_answer_sizes

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

BATCH_BYTES = 32 << 20  # Arrow bytes turned into Python values at a time


def parquet_file(path: Path, columns: list[str] | None = None) -> pq.ParquetFile:
    """The Parquet file, its row count checked against ``form_rows`` from the metadata;
    ``columns`` are read as dictionaries, as they are stored (a recurring text once)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise missing(path, "Parquet", "pyarrow") from None
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


def check_parquet_answers(path: Path, columns: list[str]) -> None:
    """Refuse a Parquet export whose metadata shows an answer in ``columns`` past the limit
    (import and compare ask before any row is read)."""
    metadata = parquet_file(path).metadata
    check_answer_sizes(path, metadata, list(range(metadata.num_row_groups)), columns)


def parquet_batches(part: Partition, columns: list[str]) -> Iterator[Batch]:
    table = parquet_file(part.path, columns)
    metadata = table.metadata
    first = sum(metadata.row_group(i).num_rows for i in range(part.start)) + 1
    groups = list(
        range(part.start, part.stop if part.stop is not None else metadata.num_row_groups)
    )
    check_answer_sizes(part.path, metadata, groups, columns)
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
            tr("cannot be read as {kind}: {reason}", kind="Parquet", reason=first_line(exc)),
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
