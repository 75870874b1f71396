"""``hoering compare``: write a hearing's comparison into ``<output>/<hearing id>/``.

The files are made one at a time (``comparison.outputs``) and staged as they come, then
moved in together, so a problem leaves no half-made set of files and only one file at a time
is held in memory; the matrix of a mass consultation is written as it arrives, one
partition's table at a time: ``formularsvar.parquet`` and ``formularsvar.csv`` (semicolons,
UTF-8 with BOM, no cell a spreadsheet would run as a formula), neither file appearing until
both are complete."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..comparison.model import Comparison
from ..comparison.outputs import OutputOptions, outputs
from ..config import Config, load_config
from ..errors import display_path
from ..messages import ntr, tr
from ..output import atomic_file, write_all
from ..paths import check_output_folder
from ..spreadsheet import FORMULA_STARTS
from .project import hearing_or_here
from .remarks import left_out
from .report import Progress, Report

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "CompareOptions",
    "OutputOptions",
    "run",
    "write_comparison",
    "write_matrix",
]

SHOWN_LATE = 5  # respondents named in compare's summary before "and N more"


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What ``hoering compare`` is asked: the hearing (default: the one the current folder
    is in), another output folder, which files to make and how (``files``), and where the
    form tables are compared: a Dask cluster of ``workers`` on this machine (its dashboard
    on 127.0.0.1 with ``dashboard``) or the cluster whose scheduler is at ``scheduler``."""

    hearing: Path | None = None
    output: Path | None = None
    files: OutputOptions = OutputOptions()
    workers: int | None = None
    scheduler: str | None = None
    dashboard: bool = False


def run(config: Config, options: CompareOptions, progress: Progress | None = None) -> Report:
    """``hoering compare``: read a hearing's responses and write its høringsnotat, matrix and
    bundle (:func:`write_comparison`), comparing the form tables on a Dask cluster when the
    options say so. Nothing is written if a source has an error."""
    from ..comparison.collect import compare
    from ..mass.runners import cluster

    dashboard = options.dashboard and not options.scheduler
    with cluster(options.scheduler, options.workers, dashboard=dashboard) as client:
        if client is not None and options.dashboard and progress is not None:
            progress.step(tr("Dask's dashboard: {link}", link=client.dashboard_link))
        comparison = compare(
            hearing_or_here(options.hearing, config),
            config=config,
            on_progress=progress.count if progress else None,
            client=client,
        )
        written = write_comparison(
            comparison, options, config=config, on_progress=progress.step if progress else None
        )
    return _compared(comparison, written)


def write_comparison(
    comparison: Comparison,
    options: CompareOptions = CompareOptions(),
    *,
    config: Config | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Make and write every output (the files ``options.files`` asks for, into
    ``<output>/<hearing id>/``); returns the files written. ``on_progress(name)`` is called
    before each file is made."""
    config = config or load_config()
    output = options.output if options.output is not None else config.output
    check_output_folder(Path(output), config)
    folder = Path(output) / comparison.hearing.id
    files = outputs(
        comparison, options.files, config=config, on_progress=on_progress, folder=folder
    )
    written = write_all(folder, files)  # the whole set or, on failure, the old one kept
    if getattr(comparison, "mass", None) is not None:  # streamed, chunk by chunk
        step = on_progress or (lambda _name: None)
        step("formularsvar.parquet, formularsvar.csv")
        written += write_matrix(comparison.mass.matrix_chunks(), folder)
    return written


MATRIX_FILES = ("formularsvar.parquet", "formularsvar.csv")  # beside the letters' matrix.csv


def write_matrix(chunks: Iterable[pa.Table], folder: Path) -> list[Path]:
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


def _safe(table: pa.Table) -> pa.Table:
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


def _compared(comparison: Comparison, written: list[Path]) -> Report:
    """The report of compare: warnings, the form answers' outline, who answered, what is
    left to confirm, the files written."""
    report = Report(warnings=list(comparison.warnings), written=written)
    left_out(report, comparison)
    if comparison.mass is not None:
        report.lines.extend(comparison.mass.outline())
    if comparison.respondents or comparison.mass is None:
        report.lines.append(_respondents(comparison))
    guessed = sum(1 for t in comparison.topics for r in t.remarks if r.guessed)
    if guessed:
        report.lines.append(
            ntr(
                "{n} remark has a topic guessed by import; confirm it with "
                "'hoering review {hearing}'",
                "{n} remarks have topics guessed by import; confirm them with "
                "'hoering review {hearing}'",
                guessed,
                hearing=display_path(comparison.hearing.folder),
            )
        )
    report.lines.extend(tr("Wrote {path}", path=display_path(path)) for path in written)
    return report


def _respondents(comparison: Comparison) -> str:
    """ "7 respondents, 2 consulted parties did not answer, late: …"."""
    late = [r.name for r in comparison.respondents if r.late]
    summary = ntr("{n} respondent", "{n} respondents", len(comparison.respondents))
    summary += ", " + ntr(
        "{n} consulted party did not answer",
        "{n} consulted parties did not answer",
        len(comparison.not_answered),
    )
    if not late:
        return summary
    if len(late) > SHOWN_LATE:  # the høringsnotat lists them all
        names = tr("{names} and {n} more", names=", ".join(late[:3]), n=len(late) - 3)
    else:
        names = ", ".join(late)
    return summary + tr(", late: {names}", names=names)
