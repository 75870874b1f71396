"""The table files of a hearing (a web form's export in ``responses/``) cut into partitions
and read one partition at a time, so no table is ever held in memory whole.

A partition of a Parquet file is a run of row groups; of a CSV file, a run of the batches
pyarrow's streaming reader gives (a worker reads and skips the batches before its own, which
keeps quoted line breaks in cells right); an XLSX file is one partition, checked by
``workbook`` before it is opened and refused past ``xlsx_rows`` rows (``[limits]``). Rows
are numbered as a person finds them: in CSV and XLSX the header is row 1, as in a
spreadsheet; in Parquet the first record is record 1.

Each format has its reader (:mod:`.csv_table`, :mod:`.parquet_table`, :mod:`.xlsx_table`);
this module finds a file's partitions and columns and hands a partition to its reader.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from .batches import BadLine, Batch, Partition
from .csv_table import csv_batches, open_csv
from .parquet_table import parquet_batches, parquet_file
from .xlsx_table import first_sheet, header_name, xlsx_batches, xlsx_rows

TABLE_SUFFIXES = (".csv", ".xlsx", ".parquet")
CSV_BLOCK_BYTES = 1 << 22  # pyarrow reads a CSV in blocks of this size: one batch each
CSV_BATCHES_PER_PARTITION = 4
PARQUET_ROWS_PER_PARTITION = 50_000


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
        metadata = parquet_file(path).metadata
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
        return list(parquet_file(path).schema_arrow.names)
    if kind == ".csv":
        with open_csv(path, [], lambda _bad: "skip", CSV_BLOCK_BYTES) as (reader, encoding):
            return [encoding.column_name(name) for name in reader.schema.names]
    with first_sheet(path) as sheet, closing(sheet.iter_rows(max_row=1, values_only=True)) as rows:
        header = next(xlsx_rows(path, rows), (1, ()))[1]
    return [header_name(value) for value in header]


def read_batches(part: Partition, columns: list[str], bad: list[BadLine]) -> Iterator[Batch]:
    """The rows of a partition, batch by batch, with only ``columns`` read. Rows that cannot
    be read at all (a CSV row with too many fields) are appended to ``bad``."""
    if part.kind == "parquet":
        yield from parquet_batches(part, columns)
    elif part.kind == "csv":
        yield from csv_batches(part, columns, bad, CSV_BLOCK_BYTES)
    else:
        yield from xlsx_batches(part.path, columns)
