"""Write a hearing's comparison into ``<output>/<hearing id>/``. Everything is made in
memory first (``comparison.outputs``), so a problem leaves no half-made set of files; the
matrix of a mass consultation is written as it arrives, one partition's table at a time:
``formularsvar.parquet`` and ``formularsvar.csv`` (semicolons, UTF-8 with BOM, no cell a
spreadsheet would run as a formula), neither file appearing until both are complete."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from ..comparison.answer_sheet import with_entries
from ..comparison.model import Comparison
from ..comparison.notat import notat_lang
from ..comparison.outputs import make_outputs
from ..comparison.remarks import REMARKS_FILE
from ..config import Config, load_config
from ..output import atomic_file, write_all, write_atomic
from ..paths import check_output_folder
from ..spreadsheet import FORMULA_STARTS


def write_comparison(
    comparison: Comparison,
    *,
    output: Path | str | None = None,
    formats: Iterable[str] | None = None,
    bundle: bool = True,
    config: Config | None = None,
    on_progress: Callable[[str], None] | None = None,
    layout: str = "emner",
    draft: bool = False,
) -> list[Path]:
    """Make and write every output; returns the files written. ``on_progress(name)`` is
    called before each file is made. ``layout``: emner, parter or oversigt; ``draft``: the
    DOCX and PDF carry the working details too."""
    config = config or load_config()
    check_output_folder(Path(output if output is not None else config.output), config)
    folder = Path(output if output is not None else config.output) / comparison.hearing.id
    files = make_outputs(
        comparison,
        formats=formats,
        bundle=bundle,
        config=config,
        on_progress=on_progress,
        layout=layout,
        draft=draft,
        folder=folder,
    )
    written = write_all(folder, files)  # the whole set or, on failure, the old one kept
    if getattr(comparison, "mass", None) is not None:  # streamed, chunk by chunk
        step = on_progress or (lambda _name: None)
        step("formularsvar.parquet, formularsvar.csv")
        written += write_matrix(comparison.mass.matrix_chunks(), folder)
    return written


def write_remarks(comparison: Comparison) -> tuple[Path, int]:
    """Add to the hearing's remarks.md an entry for every respondent and topic with a remark
    that has none yet (creating the file the first time); what is written is never changed.
    Returns the file and how many entries were added."""
    path = comparison.hearing.folder / REMARKS_FILE
    old = path.read_text("utf-8") if path.is_file() else ""
    new, added = with_entries(comparison, old, notat_lang(comparison))
    if new != old:
        write_atomic(path, new.encode("utf-8"))
    return path, added


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
