"""Make a comparison's files, one at a time: the høringsnotat (DOCX and PDF: the published
copy; HTML: the working copy as a report with filters), matrix.csv, matrix.xlsx and
samlede-hoeringssvar.pdf. Nothing here writes files (``hoering.commands.compare`` does)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Config, load_config
from ..log import warn
from ..messages import tr
from ..model import Document
from ..organisations import Organisation, organisation_for
from ..output import Content
from ..parallel import process_pool
from ..render import UNDATED, render
from ..render.templates import TemplateFinder
from .bundle import bundle_pdf
from .chart import chart_png
from .matrix import matrix_csv, matrix_xlsx
from .model import Comparison
from .notat import NotatOptions, compose_notat, notat_lang
from .report import report_html

NOTAT = "hoeringsnotat"
DEFAULT_LAYOUT = "emner"


def notat_name(layout: str = DEFAULT_LAYOUT) -> str:
    """The notat's file name without suffix: ``hoeringsnotat`` in the default layout,
    ``hoeringsnotat-parter`` and ``hoeringsnotat-oversigt`` in the others, so the three can
    lie side by side in the output folder."""
    return NOTAT if layout == DEFAULT_LAYOUT else f"{NOTAT}-{layout}"


DRAFT_SUFFIX = "-udkast"  # a --draft DOCX or PDF: never under the name that is published


BUNDLE = "samlede-hoeringssvar.pdf"
PDF_APART_FROM = 2_000  # remarks: from here the notat's PDF is laid out in a process apart


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """Which of a comparison's files to make, and how: the notat's ``formats`` (default:
    hoering.toml's), the ``bundle`` of all responses, the ``layout`` (emner, parter or
    oversigt), and ``draft``: the DOCX and PDF are the working copy too (file references,
    guess marks, placeholders)."""

    formats: tuple[str, ...] = ()
    bundle: bool = True
    layout: str = DEFAULT_LAYOUT
    draft: bool = False


def make_outputs(
    comparison: Comparison,
    options: OutputOptions = OutputOptions(),
    *,
    config: Config | None = None,
    on_progress: Callable[[str], None] | None = None,
    folder: Path | None = None,
) -> dict[str, bytes]:
    """Every output ``options`` asks for, as file name → bytes: :func:`outputs`, each file
    joined whole."""
    made = outputs(comparison, options, config=config, on_progress=on_progress, folder=folder)
    return {name: b"".join(_pieces(content)) for name, content in made}


def outputs(
    comparison: Comparison,
    options: OutputOptions = OutputOptions(),
    *,
    config: Config | None = None,
    on_progress: Callable[[str], None] | None = None,
    folder: Path | None = None,
) -> Iterator[tuple[str, Content]]:
    """Every output ``options`` asks for, as (file name, bytes or pieces of bytes), one file
    at a time, so the writer can put each away before the next is made. ``folder``: where
    they will be written, so the report's references to the sources can be links. A large
    notat's PDF is laid out in a process of its own while the other files are made (Typst
    keeps what it laid out until its process ends)."""
    config = config or load_config()
    formats = options.formats or config.formats
    layout, draft, bundle = options.layout, options.draft, options.bundle
    step = on_progress or (lambda _name: None)
    templates = TemplateFinder.of_project(config)
    authority = _authority(comparison, templates)
    lang = notat_lang(comparison)
    chart = chart_png(comparison, lang)
    # The draft's DOCX and PDF name each remark's file and line without linking to it: they
    # are mailed and filed, where a link to ../consultations/… leads nowhere. The HTML
    # report, which stays in the output folder, links.
    paper = NotatOptions(layout=layout, working=draft)
    document = compose_notat(comparison, authority, chart, paper)
    asked = replace(options, formats=tuple(formats))
    made = (authority, chart, templates)
    yield from _notat_files(comparison, document, made, asked, folder, step)
    step("matrix.csv, matrix.xlsx")
    yield "matrix.csv", matrix_csv(comparison, lang)
    yield "matrix.xlsx", matrix_xlsx(comparison, lang, document)
    if bundle and not any(r.files for r in comparison.respondents):
        no_letters = tr(
            "{bundle} is not made: the hearing has no letters to join (the web form's answers "
            "are in formularsvar.csv)",
            bundle=BUNDLE,
        )
        warn("compare", [no_letters])
    elif bundle:
        step(BUNDLE)
        yield BUNDLE, bundle_pdf(comparison, authority, templates, document.date or UNDATED)


def _notat_files(
    comparison: Comparison,
    document: Document,
    made: tuple[Organisation, bytes, TemplateFinder],
    options: OutputOptions,
    folder: Path | None,
    step: Callable[[str], None],
) -> Iterator[tuple[str, Content]]:
    """The notat in each format asked for: ``document`` (the published copy) as DOCX and
    PDF, the working copy as the HTML report."""
    authority, chart, templates = made
    formats, layout = options.formats, options.layout
    name = notat_name(layout)
    # the draft's DOCX and PDF hold file names and guesses: they must not take the place of
    # the copy that is sent and published
    paper_name = name + DRAFT_SUFFIX if options.draft else name
    with ExitStack() as stack:
        pdf = _pdf_apart(comparison, document, templates, stack) if "pdf" in formats else None
        for fmt in formats:
            step(f"{name}.{fmt}")
            if fmt == "html":
                working = NotatOptions(
                    layout=layout, working=True, links_from=folder, matrix_limit=None
                )
                report = compose_notat(comparison, authority, chart, working)
                yield f"{name}.html", report_html(comparison, report, templates)
                del report  # written: let the working copy go
            elif fmt == "pdf" and pdf is not None:
                yield f"{paper_name}.pdf", pdf.result()
            else:
                yield f"{paper_name}.{fmt}", render(document, fmt, templates)


def _pdf_apart(
    comparison: Comparison, document: Document, templates: TemplateFinder, stack: ExitStack
) -> Future[bytes] | None:
    """The notat's PDF being made in a process of its own, for a notat of at least
    ``PDF_APART_FROM`` remarks (None: a smaller one is made here, where it costs less than
    starting a process)."""
    remarks = sum(t.total for t in comparison.topics) + len(comparison.unmatched)
    if remarks < PDF_APART_FROM:
        return None
    pool = stack.enter_context(process_pool(1))
    return pool.submit(render, document, "pdf", templates)


def _pieces(content: Content) -> Iterable[bytes]:
    return [content] if isinstance(content, bytes) else content


def _authority(comparison: Comparison, templates: TemplateFinder) -> Organisation:
    hearing = comparison.hearing
    return organisation_for(
        hearing.meta.authority,
        templates,
        origin=hearing.path,
        line=hearing.line_of(("authority",)),
        key="authority",
    )
