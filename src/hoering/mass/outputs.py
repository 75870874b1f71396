"""The matrix of a mass consultation written as it arrives, one partition's table at a
time: ``formularsvar.parquet`` and ``formularsvar.csv`` (semicolons, UTF-8 with BOM, no cell
a spreadsheet would run as a formula). Neither file appears until both are complete."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from ..output import atomic_file
from ..spreadsheet import FORMULA_STARTS

MATRIX_FILES = ("formularsvar.parquet", "formularsvar.csv")  # beside the letters' matrix.csv


def write_matrix(chunks: Iterable[Any], folder: Path) -> list[Path]:
    """Write the matrix's chunks (pyarrow tables, all with the same columns) to ``folder``."""
    import pyarrow.csv as csv
    import pyarrow.parquet as pq

    targets = [folder / name for name in MATRIX_FILES]
    with ExitStack() as stack:
        parquet_path, csv_path = (stack.enter_context(atomic_file(p)) for p in targets)
        stream = stack.enter_context(csv_path.open("wb"))
        stream.write("\ufeff".encode())
        writer = None
        for chunk in chunks:
            if writer is None:
                writer = stack.enter_context(pq.ParquetWriter(parquet_path, chunk.schema))
            writer.write_table(chunk)
            csv.write_csv(
                _safe(chunk),
                stream,
                csv.WriteOptions(include_header=stream.tell() == 3, delimiter=";"),
            )
        if writer is None:
            raise ValueError("no chunks")  # the engine always gives one per partition
    return targets


def _safe(table: Any) -> Any:
    """Text cells beginning as a formula get an apostrophe (see hoering.spreadsheet)."""
    import re

    import pyarrow as pa
    import pyarrow.compute as pc

    starts = "".join(re.escape(c) for c in FORMULA_STARTS)
    columns = [
        pc.replace_substring_regex(column, f"^([{starts}])", "'\\1")
        if pa.types.is_string(column.type)
        else column
        for column in table.columns
    ]
    return pa.Table.from_arrays(columns, names=table.column_names)
