"""Make a comparison's files in memory: the høringsnotat (DOCX and PDF: the published copy;
HTML: the working copy as a report with filters), matrix.csv, matrix.xlsx and
samlede-hoeringssvar.pdf. Nothing here writes files (``hoering.commands.compare`` does)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..config import Config, load_config
from ..log import warn
from ..messages import tr
from ..organisations import Organisation, organisation_for
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


BUNDLE = "samlede-hoeringssvar.pdf"


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
    """Every output ``options`` asks for, as file name → bytes. ``folder``: where they will
    be written, so the report's references to the sources can be links."""
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
    files: dict[str, bytes] = {}
    name = notat_name(layout)
    for fmt in formats:
        step(f"{name}.{fmt}")
        if fmt == "html":
            working = NotatOptions(
                layout=layout, working=True, links_from=folder, matrix_limit=None
            )
            report = compose_notat(comparison, authority, chart, working)
            files[f"{name}.html"] = report_html(comparison, report, templates)
        else:
            files[f"{name}.{fmt}"] = render(document, fmt, templates)
    step("matrix.csv, matrix.xlsx")
    files["matrix.csv"] = matrix_csv(comparison, lang)
    files["matrix.xlsx"] = matrix_xlsx(comparison, lang, document)
    if bundle and not any(r.files for r in comparison.respondents):
        no_letters = tr(
            "{bundle} is not made: the hearing has no letters to join (the web form's answers "
            "are in formularsvar.csv)",
            bundle=BUNDLE,
        )
        warn("compare", [no_letters])
    elif bundle:
        step(BUNDLE)
        files[BUNDLE] = bundle_pdf(comparison, authority, templates, document.date or UNDATED)
    return files


def _authority(comparison: Comparison, templates: TemplateFinder) -> Organisation:
    hearing = comparison.hearing
    return organisation_for(
        hearing.meta.authority,
        templates,
        origin=hearing.path,
        line=hearing.line_of(("authority",)),
        key="authority",
    )
