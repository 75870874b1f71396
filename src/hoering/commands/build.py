"""``hoering build``: discover sources → read → compose a Document → render each format →
write.

Each source is one :class:`Job`, run by :func:`build_job` in any
``concurrent.futures.Executor`` (a process pool by default, so all cores work). A failing
source is reported with its path and the others go on. :func:`build` is the library's
build (a :class:`BuildReport` of outcomes); :func:`run` is the command (a report to print).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..config import FORMATS, Config, load_config
from ..documents import compose, exports
from ..documents.checks import load_checked, warnings_of
from ..errors import HoeringError, SourceError, display_path
from ..log import warn
from ..messages import either, tr
from ..organisations import source_organisation
from ..output import is_up_to_date, mirrored_path, write_all
from ..parallel import map_in_processes
from ..paths import check_output_folder
from ..render import render
from ..render.templates import TemplateFinder
from ..sources.discovery import discover
from .report import Progress, Report

TEMPLATE_NAMES = ["document.typ", "document.html.j2", "document.css"]


@dataclass(frozen=True)
class Job:
    source: Path
    outputs: dict[str, Path]  # format → file
    templates: TemplateFinder  # built once for all jobs; sent to workers as its folders
    force: bool = False


@dataclass
class Outcome:
    source: Path
    written: list[Path] = field(default_factory=list)
    skipped: bool = False
    error: HoeringError | None = None
    warnings: list[str] = field(default_factory=list)
    detail: str | None = None  # traceback of an unexpected error, shown with --debug


@dataclass
class BuildReport:
    outcomes: list[Outcome]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error is not None]

    @property
    def built(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.written]

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.skipped]

    @property
    def ok(self) -> bool:
        return not self.failed


def jobs_for(
    sources: list[Path],
    config: Config,
    formats: Iterable[str],
    output: Path | None = None,
    force: bool = False,
) -> list[Job]:
    output_root = output if output is not None else config.output
    templates = TemplateFinder.of_project(config)

    return [
        Job(
            source,
            {fmt: mirrored_path(source, config.sources, output_root, f".{fmt}") for fmt in formats},
            templates,
            force,
        )
        for source in sources
    ]


def build_job(job: Job) -> Outcome:
    """Build one source (runs in a worker process). Never raises: errors go in the outcome."""
    outcome = Outcome(job.source)
    try:
        _build(job, outcome)
    except HoeringError as exc:
        outcome.error = exc.located(job.source) if isinstance(exc, SourceError) else exc
        outcome.warnings = outcome.warnings or warnings_of(exc)
    except Exception as exc:  # a bug: report it with the source, keep building the others
        outcome.error = HoeringError(
            tr("{path}: internal error: {error}", path=display_path(job.source), error=repr(exc)),
            hint=tr("run with --debug and report it"),
        )
        outcome.detail = traceback.format_exc()
    return outcome


def _build(job: Job, outcome: Outcome) -> None:
    templates = job.templates
    source = load_checked(job.source, templates)
    outcome.warnings = source.warnings
    organisation = source_organisation(source, templates)
    inputs = [job.source, *organisation.files(), *templates.files(TEMPLATE_NAMES)]
    if not job.force and is_up_to_date(job.outputs.values(), inputs):
        outcome.skipped = True
        return
    document = compose(source, organisation)
    if "pdf" in job.outputs:
        outcome.warnings = outcome.warnings + missing_glyphs(job.source)
    rendered = {path: render(document, fmt, templates) for fmt, path in job.outputs.items()}
    first = next(iter(job.outputs.values()))
    for suffix, data in exports(source, document).items():
        rendered[first.with_name(first.stem + suffix)] = data
    # one source's documents and exports all or nothing (a full disk keeps the old set)
    outcome.written = write_all(first.parent, {path.name: data for path, data in rendered.items()})


def missing_glyphs(path: Path) -> list[str]:
    """A warning for each source line with characters the PDF cannot print (emoji, CJK):
    they are printed as a placeholder there (DOCX and HTML keep them)."""
    from ..render.pdf import PLACEHOLDER, undisplayable

    text = path.read_text("utf-8-sig")
    missing = undisplayable(text)
    if not missing:
        return []
    warnings = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = sorted(set(line) & missing)
        if found:
            warnings.append(
                f"{display_path(path)}:{number}: "
                + tr(
                    "the PDF's fonts have no {characters}; printed as {placeholder}",
                    characters=" ".join(found),
                    placeholder=PLACEHOLDER,
                )
            )
    return warnings


def run_jobs(jobs: list[Job], executor: Executor | None = None) -> Iterator[Outcome]:
    """Run ``jobs`` in ``executor`` (default: a process pool over all cores), in order."""
    yield from map_in_processes(build_job, jobs, executor=executor, on_crash=_crashed)


def _crashed(job: Job, _exc: BaseException) -> Outcome:
    return Outcome(
        job.source,
        error=SourceError(
            job.source,
            tr("building it stopped the worker process (it crashed or ran out of memory)"),
            hint=tr("look for a very large image or table in it; the other sources were built"),
        ),
    )


def build(
    paths: Iterable[Path | str] | None = None,
    *,
    config: Config | None = None,
    formats: Iterable[str] | None = None,
    output: Path | str | None = None,
    force: bool = False,
    executor: Executor | None = None,
    on_progress: Callable[[Outcome, int, int], None] | None = None,
) -> BuildReport:
    """Build every source below ``paths`` (default: the configured sources folder)."""
    config = config or load_config()
    formats = tuple(formats or config.formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise HoeringError(
            tr("unknown format '{format}'", format=unknown[0]),
            hint=tr("use {expected}", expected=either(FORMATS)),
        )

    check_output_folder(Path(output) if output else config.output, config)
    sources = discover(paths, config)
    jobs = jobs_for(sources, config, formats, Path(output) if output else None, force)
    outcomes = []
    for outcome in run_jobs(jobs, executor):
        warn("build", outcome.warnings)  # made in a worker: logged here, as it arrives
        outcomes.append(outcome)
        if on_progress is not None:
            on_progress(outcome, len(outcomes), len(jobs))
    return BuildReport(outcomes)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What ``hoering build`` is asked: the sources (default: the sources folder), the
    formats (default: hoering.toml's), another output folder, and whether to rebuild
    sources whose outputs are up to date."""

    paths: tuple[Path, ...] = ()
    formats: tuple[str, ...] = ()
    output: Path | None = None
    force: bool = False


def run(config: Config, options: BuildOptions, progress: Progress | None = None) -> Report:
    """``hoering build``: every source in ``options.paths`` to DOCX, PDF and HTML; a failing
    source is reported and the others are still built."""
    counted = progress.count if progress else None
    result = build(
        options.paths or None,
        config=config,
        formats=options.formats or None,
        output=options.output,
        force=options.force,
        on_progress=(lambda _outcome, done, total: counted(done, total)) if counted else None,
    )
    report = outcomes_report(result)
    report.written = [path for outcome in result.built for path in outcome.written]
    report.summary = tr(
        "{built} built, {skipped} up to date, {failed} failed",
        built=len(result.built),
        skipped=len(result.skipped),
        failed=len(result.failed),
    )
    return report


def outcomes_report(result: BuildReport) -> Report:
    """The errors and warnings of each source's outcome, as one report (build, check)."""
    report = Report(failed=bool(result.failed))
    for outcome in result.outcomes:
        report.warnings.extend(outcome.warnings)
        if outcome.error is not None:
            report.add_error(outcome.error, outcome.detail)
    return report
