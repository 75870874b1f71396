"""Write a hearing's comparison into ``<output>/<hearing id>/``. Everything is made in
memory first (``comparison.outputs``), so a problem leaves no half-made set of files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .comparison.model import Comparison
from .config import Config, load_config


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
    from .comparison.outputs import make_outputs
    from .output import write_all
    from .paths import check_output_folder

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
        from .mass.outputs import write_matrix

        step = on_progress or (lambda _name: None)
        step("formularsvar.parquet, formularsvar.csv")
        written += write_matrix(comparison.mass.matrix_chunks(), folder)
    return written


def write_remarks(comparison: Comparison) -> tuple[Path, int]:
    """Add to the hearing's remarks.md an entry for every respondent and topic with a remark
    that has none yet (creating the file the first time); what is written is never changed.
    Returns the file and how many entries were added."""
    from .comparison.answer_sheet import with_entries
    from .comparison.notat import notat_lang
    from .comparison.remarks import REMARKS_FILE
    from .output import write_atomic

    path = comparison.hearing.folder / REMARKS_FILE
    old = path.read_text("utf-8") if path.is_file() else ""
    new, added = with_entries(comparison, old, notat_lang(comparison))
    if new != old:
        write_atomic(path, new.encode("utf-8"))
    return path, added
