"""Build: discover sources → read → compose a Document → render each format → write.

Each source is one :class:`Job`, run by :func:`build_job` in any
``concurrent.futures.Executor`` (a process pool by default, so all cores work). A failing
source is reported with its path and the others go on.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .config import Config, load_config
from .errors import HoeringError, SourceError, display_path
from .render import FORMATS
from .render.templates import TemplateFinder

SOURCE_FOLDERS = ("responses", "minutes")
TEMPLATE_NAMES = ["document.typ", "document.html.j2", "document.css"]
PARALLEL_FROM = 4  # fewer sources than this build in-process (a pool costs more than it saves)
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Job:
    source: Path
    outputs: dict[str, Path]  # format → file
    templates: Path | None
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


def discover(paths: Iterable[Path], config: Config) -> list[Path]:
    """The sources below ``paths``: given files, and every ``.md`` in a responses/ or minutes/
    folder below given folders, sorted. A path that does not exist is an error."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir() and path.suffix != ".md":
            below = [p for p in path.rglob("*.md") if _in_source_folder(p, path)]
            if not below:
                raise SourceError(
                    path,
                    "no sources found in this folder",
                    hint="sources are .md files in responses/ or minutes/ folders",
                )
            found.extend(below)
        else:
            found.append(path)
    return sorted(dict.fromkeys(found))


def _in_source_folder(path: Path, root: Path) -> bool:
    if path.parent.name in SOURCE_FOLDERS:
        return True
    return root.name in SOURCE_FOLDERS and path.parent == root


def jobs_for(
    sources: list[Path],
    config: Config,
    formats: Iterable[str],
    output: Path | None = None,
    force: bool = False,
) -> list[Job]:
    output_root = output if output is not None else config.output
    templates = config.templates if config.templates.is_dir() else None
    from .output import mirrored_path

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
    except Exception as exc:  # a bug: report it with the source, keep building the others
        outcome.error = HoeringError(
            f"{display_path(job.source)}: internal error: {exc!r}",
            hint="run with --debug and report it",
        )
        outcome.detail = traceback.format_exc()
    return outcome


def _build(job: Job, outcome: Outcome) -> None:
    from .documents import compose, exports
    from .hearing import check_response
    from .output import is_up_to_date, write_all
    from .render import render
    from .sources import load_source

    templates = TemplateFinder(job.templates)
    source = load_source(job.source)
    outcome.warnings = source.warnings
    check_response(source)
    organisation = organisation_for(source, templates)
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
    from .render.pdf import PLACEHOLDER, undisplayable

    text = path.read_text("utf-8-sig")
    missing = undisplayable(text)
    if not missing:
        return []
    warnings = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = sorted(set(line) & missing)
        if found:
            warnings.append(
                f"{display_path(path)}:{number}: the PDF's fonts have no "
                f"{' '.join(found)}; printed as {PLACEHOLDER}"
            )
    return warnings


def organisation_for(source, templates: TemplateFinder):
    from .organisations import Organisation, load_organisation

    if source.meta.organisation is None:
        return Organisation.without_profile(source.meta.sender)
    try:
        return load_organisation(source.meta.organisation, templates)
    except SourceError as exc:
        if exc.path is None:  # unknown profile: point at the source's organisation line
            raise SourceError(
                source.path,
                exc.message,
                key=exc.key,
                hint=exc.hint,
                line=source.raw.line_of(("organisation",)),
            ) from None
        raise


def run_jobs(jobs: list[Job], executor: Executor | None = None) -> Iterator[Outcome]:
    """Run ``jobs`` in ``executor`` (default: a process pool over all cores), in order."""
    yield from map_in_processes(build_job, jobs, executor=executor, on_crash=_crashed)


def _crashed(job: Job, _exc: BaseException) -> Outcome:
    return Outcome(
        job.source,
        error=SourceError(
            job.source,
            "building it stopped the worker process (it crashed or ran out of memory)",
            hint="look for a very large image or table in it; the other sources were built",
        ),
    )


def map_in_processes(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    serial_below: int = PARALLEL_FROM,
    chunk_max: int = 16,
    executor: Executor | None = None,
    on_crash: Callable[[T, BaseException], R] | None = None,
) -> Iterator[R]:
    """``function`` over ``items``, results in order: in ``executor`` when one is given; in
    this process for fewer than ``serial_below`` items or on one core; else in a fresh
    process pool over all cores. Items go to the workers in chunks of at most ``chunk_max``
    (small chunks for slow items keep the cores evenly busy to the end).

    When a worker process dies (a crash, or the system killing it for memory), the items
    not yet done run again one at a time, each in a worker of its own; an item that kills
    its worker again gives ``on_crash(item, error)`` (without ``on_crash``: a HoeringError).
    """
    if executor is not None:
        yield from executor.map(function, items)
        return
    cores = os.cpu_count() or 1
    if len(items) < serial_below or cores == 1:
        yield from map(function, items)
        return
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        with process_pool() as pool:
            chunk = max(1, min(chunk_max, len(items) // (cores * 4)))
            for result in pool.map(function, items, chunksize=chunk):
                yield result
                done += 1
    except BrokenProcessPool:
        yield from _one_by_one(function, items[done:], on_crash or _refuse_crash)


def _one_by_one(
    function: Callable[[T], R], items: Sequence[T], on_crash: Callable[[T, BaseException], R]
) -> Iterator[R]:
    """``function`` over ``items`` in one worker process, a new one after each crash."""
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for item in items:
            pool = pool or process_pool(workers=1)
            try:
                result = pool.submit(function, item).result()
            except BrokenProcessPool as exc:
                pool.shutdown()
                pool = None
                result = on_crash(item, exc)
            yield result
    finally:
        if pool is not None:
            pool.shutdown()


def _refuse_crash(item, _exc: BaseException):
    raise HoeringError(
        f"a worker process stopped (it crashed or ran out of memory) on {item}",
        hint="look for a very large image, table or file in it",
    )


def process_pool(workers: int | None = None) -> Executor:
    """A pool of fresh worker processes. Not plain fork: a forked child inherits locks held
    by the parent's threads (a caller's thread pool, Typst's compilers) and can hang."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    from .limits import active
    from .messages import language

    # The fork server keeps the environment it started with; hand workers the caller's
    # SOURCE_DATE_EPOCH so reproducible time stamps follow the caller, not the first pool,
    # and the limits of the caller's hoering.toml.
    return ProcessPoolExecutor(
        max_workers=workers or os.cpu_count(),
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.environ.get("SOURCE_DATE_EPOCH"), active(), language()),
    )


def _start_worker(value: str | None, limits, lang: str) -> None:
    from .limits import activate
    from .messages import choose_language

    activate(limits)
    choose_language(lang)  # workers speak the caller's language
    if value is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = value


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
        raise HoeringError(f"unknown format '{unknown[0]}'", hint="use " + ", ".join(FORMATS))
    from .paths import check_output_folder

    check_output_folder(Path(output) if output else config.output, config)
    sources = discover([Path(p) for p in (paths or [config.default_sources()])], config)
    jobs = jobs_for(sources, config, formats, Path(output) if output else None, force)
    outcomes = []
    for outcome in run_jobs(jobs, executor):
        outcomes.append(outcome)
        if on_progress is not None:
            on_progress(outcome, len(outcomes), len(jobs))
    return BuildReport(outcomes)


def check(
    paths: Iterable[Path | str] | None = None, *, config: Config | None = None
) -> BuildReport:
    """Validate every source below ``paths`` (metadata, body, profile); write nothing."""
    from .documents import compose
    from .hearing import check_response
    from .sources import load_source

    config = config or load_config()
    templates = TemplateFinder(config.templates if config.templates.is_dir() else None)
    outcomes = []
    for path in discover([Path(p) for p in (paths or [config.default_sources()])], config):
        outcome = Outcome(path)
        try:
            source = load_source(path)
            outcome.warnings = source.warnings
            check_response(source)
            compose(source, organisation_for(source, templates))
        except HoeringError as exc:
            outcome.error = exc.located(path) if isinstance(exc, SourceError) else exc
        outcomes.append(outcome)
    return BuildReport(outcomes)
