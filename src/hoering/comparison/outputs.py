"""Write a comparison's files into ``<output>/<hearing id>/``: the høringsnotat (DOCX, PDF,
HTML report), matrix.csv, matrix.xlsx and samlede-hoeringssvar.pdf. Everything is made in
memory first, so a problem leaves no half-written set of files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..config import Config, load_config
from ..errors import SourceError
from ..organisations import Organisation, load_organisation
from ..render.templates import TemplateFinder
from .model import Comparison

NOTAT = "hoeringsnotat"
BUNDLE = "samlede-hoeringssvar.pdf"


def write_comparison(comparison: Comparison, *, output: Path | str | None = None,
                     formats: Iterable[str] | None = None, bundle: bool = True,
                     config: Config | None = None,
                     on_progress: Callable[[str], None] | None = None) -> list[Path]:
    """Make and write every output; returns the files written. ``on_progress(name)`` is
    called before each file is made."""
    from ..output import write_atomic
    from ..paths import check_output_folder

    config = config or load_config()
    check_output_folder(Path(output if output is not None else config.output), config)
    files = make_outputs(comparison, formats=formats, bundle=bundle, config=config,
                         on_progress=on_progress)
    config = config or load_config()
    folder = Path(output if output is not None else config.output) / comparison.hearing.id
    written = []
    for name, data in files.items():
        write_atomic(folder / name, data)
        written.append(folder / name)
    if comparison.mass is not None:  # streamed from where the answers are, chunk by chunk
        from ..mass.outputs import write_matrix

        step = on_progress or (lambda _name: None)
        step("formularsvar.parquet, formularsvar.csv")
        written += write_matrix(comparison.mass.matrix_chunks(), folder)
    return written


def make_outputs(comparison: Comparison, *, formats: Iterable[str] | None = None,
                 bundle: bool = True, config: Config | None = None,
                 on_progress: Callable[[str], None] | None = None) -> dict[str, bytes]:
    from ..render import render, timestamp_for
    from .chart import chart_png
    from .matrix import matrix_csv, matrix_xlsx
    from .notat import compose_notat, notat_front, notat_lang
    from .report import report_html

    config = config or load_config()
    formats = tuple(formats or config.formats)
    step = on_progress or (lambda _name: None)
    templates = TemplateFinder(config.templates if config.templates.is_dir() else None)
    authority = _authority(comparison, templates)
    lang = notat_lang(comparison)
    chart = chart_png(comparison, lang)
    document = compose_notat(comparison, authority, chart)
    files: dict[str, bytes] = {}
    for fmt in formats:
        step(f"{NOTAT}.{fmt}")
        if fmt == "html":
            front = notat_front(comparison, authority, chart, matrix_limit=None)
            files[f"{NOTAT}.html"] = report_html(comparison, document, front, templates,
                                                 authority.name)
        else:
            files[f"{NOTAT}.{fmt}"] = render(document, fmt, templates)
    step("matrix.csv, matrix.xlsx")
    files["matrix.csv"] = matrix_csv(comparison, lang)
    files["matrix.xlsx"] = matrix_xlsx(comparison, lang, timestamp_for(document))
    if bundle:
        from .bundle import bundle_pdf

        step(BUNDLE)
        files[BUNDLE] = bundle_pdf(comparison, authority, templates, document.date)
    return files


def _authority(comparison: Comparison, templates: TemplateFinder) -> Organisation:
    hearing = comparison.hearing
    try:
        return load_organisation(hearing.meta.authority, templates)
    except SourceError as exc:
        if exc.path is None:
            raise SourceError(hearing.path, exc.message, key="authority", hint=exc.hint,
                              line=hearing.line_of(("authority",))) from None
        raise
