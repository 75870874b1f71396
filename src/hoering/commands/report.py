"""Every command of ``hoering`` as one function: what the command line calls, and all it calls.

Each function takes the command's arguments as Python values and returns a :class:`Report`,
the one shape in which every command tells what it did; ``hoering.cli`` parses the arguments,
calls one of these and prints the report::

    from hoering import api
    report = api.build([Path("consultations")], formats=["pdf"])
    report.lines, report.warnings, report.errors, report.written, report.failed

``project`` is the project folder (``--project``); without it the project is found from the
current folder, or from the paths given, as ``hoering`` does. An error that stops a command
(a missing hearing, a broken hoering.toml) is raised as :class:`~hoering.errors.HoeringError`;
errors in some of many files are listed in the report and the rest of the work is done.

The library is imported inside the functions, so importing this module (and ``hoering
--help``) stays as cheap as importing click.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import HoeringError, SourceErrors, display_path
from ..messages import ntr, tr

if TYPE_CHECKING:
    import datetime as dt

    from ..config import Config
    from ..log import WarningsShown

SHOWN_LATE = 5  # respondents named in compare's summary before "and N more"


@dataclass
class Report:
    """What a command did: printed the same way for every command.

    ``lines`` go to standard output in order; ``warnings`` and ``errors`` (one line each) to
    standard error; ``details`` (tracebacks of unexpected errors) only with ``--debug``;
    ``summary`` is the last line, on standard error when the command failed; ``output`` is
    written to standard output as bytes (a CSV). ``written`` lists the files made.
    """

    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    summary: str | None = None
    output: bytes | None = None
    failed: bool = False

    @property
    def exit_code(self) -> int:
        """1 when anything failed, else 0."""
        return 1 if self.failed or self.errors else 0

    def add_error(self, error: HoeringError, detail: str | None = None) -> None:
        self.errors.extend(error_lines(error))
        if detail:
            self.details.append(detail.rstrip())


class Progress(Protocol):
    """What a long command reports while it runs (the CLI shows it on standard error)."""

    def count(self, done: int, total: int) -> None: ...

    def step(self, what: str) -> None: ...


def error_lines(error: HoeringError) -> list[str]:
    """An error as the lines a user reads: one per problem."""
    if isinstance(error, SourceErrors):
        return [str(e) for e in error.errors]
    return [str(error)]


def project_language(folder: Path | None = None) -> str | None:
    """The ``lang`` of hoering.toml in the project around ``folder`` (default: the current
    folder), or None: what hoering speaks, before a command reads the whole configuration,
    when neither --lang nor HOERING_LANG says (its --help, a usage error). Cheap: the
    configuration itself is not loaded, and a broken file is left to the command to report."""
    from ..roots import CONFIG_FILE, find_root

    root = find_root(folder or Path.cwd())
    try:
        text = (root / CONFIG_FILE).read_text("utf-8") if root else ""
    except (OSError, UnicodeDecodeError):
        return None
    if "lang" not in text:
        return None
    import tomllib

    try:
        lang = tomllib.loads(text).get("lang")
    except tomllib.TOMLDecodeError:
        return None
    return lang if isinstance(lang, str) else None


def _hearing(hearing: Path | None, config: Config) -> Path:
    from ..hearing import hearing_here

    return hearing if hearing is not None else hearing_here(config)


def warnings_shown(show: Callable[[str], None]) -> AbstractContextManager[WarningsShown]:
    """While inside, each warning the library logs (a record of the ``hoering`` loggers, see
    :mod:`hoering.log`) is passed to ``show`` as one line, and counted (for ``--strict``).
    The reports list their warnings too, for programs that do not use logging."""
    from ..log import shown_with

    return shown_with(show)


# ---- build and check -------------------------------------------------------------------


def build(
    paths: Iterable[Path] = (),
    *,
    project: Path | None = None,
    formats: Iterable[str] = (),
    output: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Report:
    """``hoering build``: every source in ``paths`` (default: the sources folder) to
    DOCX, PDF and HTML; a failing source is reported and the others are still built."""
    from .build import build as run_build

    paths = list(paths)
    counted = progress.count if progress else None
    result = run_build(
        paths or None,
        config=_config(project, paths),
        formats=list(formats) or None,
        output=output,
        force=force,
        on_progress=(lambda _outcome, done, total: counted(done, total)) if counted else None,
    )
    report = _outcomes(result)
    report.written = [path for outcome in result.built for path in outcome.written]
    report.summary = tr(
        "{built} built, {skipped} up to date, {failed} failed",
        built=len(result.built),
        skipped=len(result.skipped),
        failed=len(result.failed),
    )
    return report


def check(paths: Iterable[Path] = (), *, project: Path | None = None) -> Report:
    """``hoering check``: validate every source in ``paths``; write nothing."""
    from .build import check as run_check

    paths = list(paths)
    result = run_check(paths or None, config=_config(project, paths))
    report = _outcomes(result)
    report.summary = ntr("{n} source checked", "{n} sources checked", len(result.outcomes))
    if result.failed:
        report.summary += tr(", {n} with errors", n=len(result.failed))
    return report


def _config(folder: Path | None, near: Iterable[Path | None]) -> Config:
    """The configuration of the project in ``folder`` (``--project``), or of the project
    around the current folder, or around the first of ``near`` (paths the command was
    given); its ``lang`` becomes the language of messages unless ``--lang`` or
    ``HOERING_LANG`` says otherwise."""
    from ..config import find_project
    from ..messages import configured_language

    config = find_project(folder, near=[path for path in near if path is not None])
    configured_language(config.lang)
    return config


def _outcomes(result: Any) -> Report:
    report = Report(failed=bool(result.failed))
    for outcome in result.outcomes:
        report.warnings.extend(outcome.warnings)
        if outcome.error is not None:
            report.add_error(outcome.error, outcome.detail)
    return report


# ---- new ---------------------------------------------------------------------------------


def _created(path: Path) -> Report:
    return Report(lines=[tr("Created {path}", path=display_path(path))], written=[path])


def new_response(*, project: Path | None = None, **options: Any) -> Report:
    """``hoering new response``: a høringssvar skeleton (options as
    :func:`hoering.commands.new.new_response`); never overwrites a file."""
    from .new import new_response as scaffold

    return _created(scaffold(_config(project, ()), **options))


def new_hearing(*, project: Path | None = None, **options: Any) -> Report:
    """``hoering new hearing``: a hearing folder with a hearing.yaml to fill in."""
    from .new import new_hearing as scaffold

    return _created(scaffold(_config(project, ()), **options))


def new_organisation(*, project: Path | None = None, **options: Any) -> Report:
    """``hoering new organisation``: a profile (letterhead) with every key explained."""
    from .new import new_organisation as scaffold

    return _created(scaffold(_config(project, ()), **options))


def new_minutes(*, project: Path | None = None, **options: Any) -> Report:
    """``hoering new minutes``: a referat skeleton."""
    from .new import new_minutes as scaffold

    return _created(scaffold(_config(project, ()), **options))


# ---- import and review --------------------------------------------------------------------


def import_files(
    files: Iterable[Path],
    hearing: Path | None = None,
    *,
    project: Path | None = None,
    force: bool = False,
    on_file: Callable[[Report], None] | None = None,
) -> Report:
    """``hoering import``: letters (PDF, DOCX, .eml) become sources, web-form exports are
    copied; ``on_file`` gets each file's report as soon as it is done. A bad file is
    reported and the others are still imported."""
    from ..imports.run import import_files as run_import

    config = _config(project, [hearing])
    folder = _hearing(hearing, config)
    shown = on_file or (lambda _report: None)
    result = run_import(
        files,
        folder,
        force=force,
        config=config,
        on_progress=lambda path, outcome: shown(_imported(path, outcome)),
    )
    report = Report(written=[i.path for i in result.imported], failed=bool(result.failed))
    if result.failed:
        report.summary = tr(
            "{imported} imported, {failed} failed: {names}",
            imported=len(result.imported),
            failed=len(result.failed),
            names=", ".join(display_path(path) for path, _ in result.failed),
        )
    elif any(i.table is None for i in result.imported):
        hint = tr("Check the guesses with: hoering review {hearing}", hearing=display_path(folder))
        report.lines.append(hint)
    return report


def _imported(path: Path, outcome: Any) -> Report:
    """One imported file's report: the source written, or the export copied, or the error."""
    report = Report()
    if isinstance(outcome, HoeringError):
        report.add_error(outcome, getattr(outcome, "detail", None))
    elif outcome.table is not None:  # a web form's export: copied, columns checked
        report.lines.append(
            tr(
                "Copied {path} to {copy} (columns read: {columns})",
                path=display_path(path),
                copy=display_path(outcome.path),
                columns=", ".join(outcome.table.columns),
            )
        )
        report.warnings.extend([outcome.table.warning] if outcome.table.warning else [])
    else:
        report.lines.append(
            tr(
                "Imported {path} ({guesses}; original kept as {original})",
                path=display_path(outcome.path),
                guesses=_guesses(outcome.guessed),
                original=display_path(outcome.original),
            )
        )
    return report


def _guesses(guessed: list[Any]) -> str:
    unknown = sum(1 for g in guessed if g.unknown)
    unsure = sum(1 for g in guessed if g.confidence < 0.7 and not g.unknown)
    text = ntr("{n} guess", "{n} guesses", len(guessed) - unknown)
    text += tr(", {n} uncertain", n=unsure) if unsure else ""
    return text + ntr(", {n} unknown", ", {n} unknown", unknown) if unknown else text


def review(hearing: Path | None = None, *, project: Path | None = None) -> Report:
    """``hoering review``: what import guessed in a hearing's responses, to confirm."""
    from ..imports.review import review_all

    config = _config(project, [hearing])
    items, removed = review_all(_hearing(hearing, config), config=config)
    report = Report(lines=[str(item) for item in items])
    if not items:
        report.lines.append(tr("Nothing to confirm: no guessed values left"))
    else:
        report.lines.append(_guesses_left(items))
    if removed:
        report.lines.append(tr("Taken out of the text by import (listed under removed:):"))
        report.lines += [str(item) for item in removed]
    return report


def _guesses_left(items: list) -> str:
    return ntr(
        "{n} guess to confirm in {files}",
        "{n} guesses to confirm in {files}",
        len(items),
        files=ntr("{n} file", "{n} files", len({item.path for item in items})),
    )


# ---- minutes ------------------------------------------------------------------------------


def actions(
    paths: Iterable[Path] = (),
    *,
    project: Path | None = None,
    owner: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
    csv: bool = False,
) -> Report:
    """``hoering actions``: the open action items of every referat in ``paths``, as a table
    (``lines``) or as CSV for Excel (``output``); a referat that cannot be read is an
    error and the others are still listed."""
    import datetime as dt

    from ..minutes.overview import open_actions, print_table, to_csv

    paths = list(paths)
    day = today or dt.date.today()
    result = open_actions(
        paths or None,
        config=_config(project, paths),
        owner=owner,
        overdue_on=day if overdue else None,
    )
    report = Report()
    for error in result.errors:
        report.add_error(error)
    if csv:
        report.output = to_csv(result, day)
    else:
        report.lines.append(print_table(result, day))
    return report


# ---- comparison ---------------------------------------------------------------------------


def compare(
    hearing: Path | None = None,
    *,
    project: Path | None = None,
    formats: Iterable[str] = (),
    output: Path | None = None,
    bundle: bool = True,
    workers: int | None = None,
    scheduler: str | None = None,
    layout: str = "emner",
    draft: bool = False,
    progress: Progress | None = None,
    dashboard: bool = False,
) -> Report:
    """``hoering compare``: read a hearing's responses and write its høringsnotat, matrix and
    bundle (:func:`write_comparison`); with ``workers`` or ``scheduler`` the form tables are
    compared on a Dask cluster (a cluster of ``workers`` shows its dashboard on 127.0.0.1
    when ``dashboard`` is asked for). Nothing is written if a source has an error."""
    from ..comparison.collect import compare as run_compare
    from ..mass.runners import cluster

    config = _config(project, [hearing])
    with cluster(scheduler, workers, dashboard=dashboard and not scheduler) as client:
        if client is not None and dashboard and progress is not None:
            progress.step(tr("Dask's dashboard: {link}", link=client.dashboard_link))
        comparison = run_compare(
            _hearing(hearing, config),
            config=config,
            on_progress=progress.count if progress else None,
            client=client,
        )
        written = write_comparison(
            comparison,
            config,
            output=output,
            formats=formats,
            bundle=bundle,
            layout=layout,
            draft=draft,
            progress=progress,
        )
    return _compared(comparison, written)


def write_comparison(
    comparison: Any,
    config: Config,
    *,
    output: Path | None = None,
    formats: Iterable[str] = (),
    bundle: bool = True,
    layout: str = "emner",
    draft: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the outputs of a comparison (hoeringsnotat.docx/.pdf/.html, the matrix, the
    bundle); returns the files written."""
    from .compare import write_comparison as publish

    return publish(
        comparison,
        output=output,
        formats=list(formats) or None,
        bundle=bundle,
        config=config,
        on_progress=progress.step if progress else None,
        layout=layout,
        draft=draft,
    )


def _compared(comparison: Any, written: list[Path]) -> Report:
    """The report of compare: warnings, the form answers' outline, who answered, what is
    left to confirm, the files written."""
    report = Report(warnings=list(comparison.warnings), written=written)
    _left_out(report, comparison)
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


def _left_out(report: Report, comparison: Any) -> None:
    """Each response that could not be read as an error, in the words build gives it, and
    how many were left out as the summary (the command then exits 1)."""
    for left in comparison.left_out:
        report.add_error(left.error)
    files = len({left.path for left in comparison.left_out})
    if files:
        report.summary = ntr(
            "{n} response was left out of the comparison: it could not be read",
            "{n} responses were left out of the comparison: they could not be read",
            files,
        )


def _respondents(comparison: Any) -> str:
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


def remarks(hearing: Path | None = None, *, project: Path | None = None) -> Report:
    """``hoering remarks``: add an entry for every remark to the hearing's remarks.md."""
    from ..comparison.collect import compare as run_compare
    from .compare import write_remarks

    config = _config(project, [hearing])
    comparison = run_compare(_hearing(hearing, config), config=config)
    path, added = write_remarks(comparison)
    if not added:
        report = Report(lines=[tr("{path} has an entry for every remark", path=display_path(path))])
    else:
        said = ntr(
            "Added {n} entry to {path}",
            "Added {n} entries to {path}",
            added,
            path=display_path(path),
        )
        report = Report(lines=[said], written=[path])
    _left_out(report, comparison)  # their remarks get no entry until they can be read
    return report


# ---- preview ------------------------------------------------------------------------------


@contextmanager
def preview(
    path: Path | None = None, *, project: Path | None = None, port: int = 8000
) -> Iterator[tuple[Report, str]]:
    """``hoering preview``: while the block runs, a source's document (or a hearing's
    notat) is served on 127.0.0.1 and rebuilt when a file changes; yields the report of
    the start and the page's address."""
    from ..preview import Preview

    config = _config(project, [path])
    with Preview(_hearing(path, config), config) as running:
        url = running.start(port)
        started = tr(
            "Preview of {path} at {url} (Ctrl+C stops it)",
            path=display_path(running.target.path),
            url=url,
        )
        yield Report(lines=[started]), url
