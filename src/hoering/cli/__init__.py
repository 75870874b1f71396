"""The ``hoering`` command: a thin layer over the library, one call per command.

Errors from the library (:class:`~hoering.errors.HoeringError`) are printed as one clear
line each and exit 1, never as a traceback (unless ``--debug``).

Help is written in English in the code and shown in the language of messages
(:mod:`hoering.cli.translated`).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import __version__
from ..commands import report as api
from ..errors import HoeringError
from ..messages import choose_language, configured_language, ntr, terminal_line, tr
from .translated import HoeringCommand, HoeringOption, TranslatedCommand, option

if TYPE_CHECKING:
    import datetime as dt

FORMAT_NAMES = ("docx", "pdf", "html")  # kept here so --help does not import the renderers


def formats_option(help: str) -> Callable[[Any], Any]:
    """``-f``/``--format``, repeatable: the formats to make (build, compare)."""
    return option(
        "-f", "--format", "formats", multiple=True, type=click.Choice(FORMAT_NAMES), help=help
    )


def output_folder_option() -> Callable[[Any], Any]:
    """``-o``/``--output``: the folder to write to instead of the configured one."""
    return option(
        "-o",
        "--output",
        type=click.Path(path_type=Path),
        help="Folder to write to. Default: output/ (or hoering.toml's).",
    )


class HoeringGroup(TranslatedCommand, click.Group):
    """Turns library errors into messages and exit code 1 in one place; its commands' help
    speaks the language of messages."""

    command_class = HoeringCommand
    group_class = type  # subgroups are HoeringGroups too

    def make_context(self, *args: Any, **extra: Any) -> click.Context:
        """Each run starts in the language of the project around the current folder (until
        --lang, HOERING_LANG or the command's configuration says otherwise)."""
        if extra.get("parent") is None:
            choose_language(None)
            configured_language(api.project_language())
        return super().make_context(*args, **extra)

    def invoke(self, ctx: click.Context):
        with api.warnings_shown(_show_warning) as warnings:
            try:
                result = self._invoke(ctx)
            except click.exceptions.Exit as exc:
                if exc.exit_code == 0:
                    _fail_if_strict(ctx, warnings.count)
                raise
            _fail_if_strict(ctx, warnings.count)
            return result

    def _invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except HoeringError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            for line in api.error_lines(exc):
                click.echo(tr("Error: {message}", message=terminal_line(line)), err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # the reader went away (hoering actions | head): click's own
            raise  # handling ends quietly with exit 1, as other tools do
        except Exception as exc:  # a bug: one clear line and what to report, no traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(terminal_line(internal_error(exc)), err=True)
            ctx.exit(INTERNAL_ERROR)


def _show_warning(message: str) -> None:
    """How the CLI shows a warning of the library (the one handler of :mod:`hoering.log`)."""
    _Progress.end_line()
    click.echo(tr("Warning: {message}", message=terminal_line(message)), err=True)


def _fail_if_strict(ctx: click.Context, warnings: int) -> None:
    """With --strict, a command that succeeded with warnings fails (exit 1)."""
    if warnings and ctx.obj and ctx.obj.get("strict"):
        click.echo(
            ntr(
                "Error: --strict makes the warning above an error",
                "Error: --strict makes the {n} warnings above errors",
                warnings,
            ),
            err=True,
        )
        ctx.exit(1)


INTERNAL_ERROR = 70  # EX_SOFTWARE: distinct from 1 (an error in the user's input)


def internal_error(exc: BaseException) -> str:
    """The one line printed for an unexpected exception (a bug in hoering)."""
    what = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:200]
    return tr(
        "Error: internal error in hoering {version} ({what}). Please report it with the "
        "command you ran and the output of the same command with --debug first "
        "(hoering --debug ...)",
        version=__version__,
        what=what.rstrip(": "),
    )


def _project() -> Path | None:
    """The folder given with ``--project``, if any."""
    return (click.get_current_context().find_root().obj or {}).get("project")


def _day(value: dt.datetime | None) -> dt.date | None:
    """The date of a ``click.DateTime`` option."""
    return value.date() if value else None


def _show(report: api.Report) -> None:
    """Print a command's report: errors on stderr, its lines on stdout, the summary last (on
    stderr when the command failed). Its warnings were shown as the library logged them."""
    ctx = click.get_current_context()
    if ctx.find_root().obj.get("debug"):
        for detail in report.details:
            click.echo(detail, err=True)
    for error in report.errors:
        click.echo(tr("Error: {message}", message=terminal_line(error)), err=True)
    for line in report.lines:
        click.echo(terminal_line(line, lines=True))
    if report.output is not None:
        sys.stdout.buffer.write(report.output)
        sys.stdout.flush()
    if report.summary:
        click.echo(terminal_line(report.summary), err=bool(report.exit_code))


def _finish(report: api.Report) -> None:
    """Print the report and exit 1 if the command failed."""
    _show(report)
    if report.exit_code:
        click.get_current_context().exit(report.exit_code)


@click.group(cls=HoeringGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, prog_name="hoering", cls=HoeringOption, help="Show the version and exit."
)
@option("--debug", is_flag=True, help="Show tracebacks for errors (for bug reports).")
@option("--strict", is_flag=True, help="Treat warnings as errors: exit 1 if there were any.")
@option(
    "--project",
    type=click.Path(path_type=Path, file_okay=False),
    help="The project folder (default: the nearest folder, from the current one "
    "up, with hoering.toml or consultations/).",
)
@option(
    "--lang",
    type=click.Choice(["da", "en"]),
    is_eager=True,  # before --help, which is to speak it
    callback=lambda _ctx, _param, lang: choose_language(lang) if lang else None,
    help="Language of messages (default: HOERING_LANG, or hoering.toml's lang, or da).",
)
@click.pass_context
def main(
    ctx: click.Context, debug: bool, strict: bool, project: Path | None, lang: str | None
) -> None:
    """Høringssvar, referater and høringsnotater: Markdown → DOCX, PDF and HTML on letterhead.

    Examples:
      hoering new response --organisation ishoj --hearing samarbejdsaftale-psykisk-sygdom
      hoering check
      hoering build
      hoering build consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md -f pdf
      hoering actions --overdue
      hoering import ~/Downloads/svar.pdf --hearing consultations/samarbejdsaftale-psykisk-sygdom
      hoering compare consultations/samarbejdsaftale-psykisk-sygdom

    Each command explains itself: hoering COMMAND --help.

    Run it anywhere in your project: the project is the nearest folder, from the current one
    up, with hoering.toml or a consultations/ folder (as git finds .git); settings are read
    from its hoering.toml, if there is one. In a hearing's folder, build, check, actions and
    compare work on that hearing.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["strict"] = strict
    ctx.obj["project"] = project


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@formats_option("Format to build (repeat for several). Default: all, or hoering.toml's.")
@output_folder_option()
@option("--force", is_flag=True, help="Rebuild even sources whose outputs are up to date.")
def build(
    paths: tuple[Path, ...],
    formats: tuple[str, ...],
    output: Path | None,
    force: bool,
) -> None:
    """Build documents from the sources in PATHS (default: the sources folder).

    Every .md file in a responses/ or minutes/ folder below PATHS becomes DOCX, PDF and HTML
    in the output folder, mirroring the folders:
    consultations/X/responses/ishoj.md → output/X/responses/ishoj.pdf.
    Sources whose outputs are newer than the source, its profile and the templates are
    skipped (use --force). A failing source is reported and the others are still built.

    Examples:
      hoering build
      hoering build consultations/samarbejdsaftale-psykisk-sygdom -f pdf -f docx
      hoering build --force -o /tmp/udkast
    """
    with _Progress() as progress:
        report = api.build(
            paths,
            project=_project(),
            formats=formats,
            output=output,
            force=force,
            progress=progress,
        )
    _finish(report)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """Validate every source in PATHS (default: the sources folder); write nothing.

    Reports every problem with file, line and key, and exits 1 if there were any.

    Example:
      hoering check consultations/samarbejdsaftale-psykisk-sygdom
    """
    _finish(api.check(paths, project=_project()))


@main.group()
def new() -> None:
    """Create a new, ready-to-edit source file.

    Example:
      hoering new response --organisation ishoj --hearing samarbejdsaftale-psykisk-sygdom
    """


@new.command("response")
@option("--hearing", required=True, help="The hearing's id (its folder under the sources).")
@option(
    "--organisation",
    help="Organisation profile id (default: hoering.toml's, or the project's only profile).",
)
@option("--department", help="Department (default: the profile's first).")
@option("--title", help="Subject line of the response.")
@option(
    "--date", "date_", type=click.DateTime(["%Y-%m-%d"]), help="Date, YYYY-MM-DD (default: today)."
)
@option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to create (default: <sources>/<hearing>/responses/<organisation>.md).",
)
def new_response(
    hearing: str,
    organisation: str | None,
    department: str | None,
    title: str | None,
    date_: dt.datetime | None,
    output: Path | None,
) -> None:
    """Create a høringssvar skeleton with every metadata key explained.

    Never overwrites an existing file.

    Example:
      hoering new response --organisation ishoj --hearing samarbejdsaftale-psykisk-sygdom
    """
    report = api.new_response(
        project=_project(),
        hearing=hearing,
        organisation=organisation,
        department=department,
        title=title,
        date=_day(date_),
        path=output,
    )
    _finish(report)


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@option(
    "--hearing",
    "hearing_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The hearing folder (the one with hearing.yaml), or its id; in a "
    "hearing's folder it may be left out.",
)
@option("--force", is_flag=True, help="Replace a source (and a kept original) that already exists.")
def import_(files: tuple[Path, ...], hearing_dir: Path | None, force: bool) -> None:
    """Import høringssvar received as PDF, DOCX or e-mail (.eml) into Markdown sources, and
    web-form exports (CSV, XLSX, Parquet) as they are.

    Each file becomes <hearing>/responses/<sender>.md, with the sender, date, case number,
    subject and signatory read from the letter, and each section matched to the hearing's
    topics with a suggested stance. Everything guessed is marked as guessed: confirm it with
    'hoering review'. The original is copied unchanged to <hearing>/received/. A second file
    from the same sender is written beside the first (<sender>-2.md); a source made from the
    same file is never replaced without --force. A bad file is reported and the others are
    still imported; the exit code is then 1.

    A CSV, XLSX or Parquet file is a web form's export: its columns are checked against the
    hearing's form: mapping and it is copied unchanged to <hearing>/responses/.

    Examples:
      hoering import ~/Downloads/hoeringssvar-albertslund.pdf ~/Downloads/brondby.docx \\
          --hearing consultations/samarbejdsaftale-psykisk-sygdom
      hoering import ~/Downloads/export.xlsx --hearing consultations/trafikplan
    """
    report = api.import_files(files, hearing_dir, project=_project(), force=force, on_file=_show)
    _finish(report)


@main.command()
@click.argument("hearing_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
def review(hearing_dir: Path | None) -> None:
    """List what 'hoering import' guessed in a hearing's responses, to confirm by hand.

    HEARING_DIR is the hearing's folder or id; in a hearing's folder it may be left out.

    Each line gives file:line, what was guessed, the value, the confidence and why (where it
    was found, or which words matched). Confirm a value by deleting its entry under
    'guessed:' (after correcting the value if needed); confirm a heading's topic and stance
    by deleting its guess=… and matched=… attributes. After the guesses come the lines
    import took out of each text (letterhead, archive stamp, page numbers, …), by reason, as
    listed under 'removed:'.

    Example:
      hoering review consultations/samarbejdsaftale-psykisk-sygdom
    """
    _finish(api.review(hearing_dir, project=_project()))


@new.command("hearing")
@option("--id", "hearing", required=True, help="The hearing's id: its folder's name.")
@option("--title", required=True, help="What is sent for consultation.")
@option(
    "--authority",
    help="Organisation profile of the authority (default: "
    "hoering.toml's organisation, or the project's only profile).",
)
@option("--department", help="The authority's department (default: the profile's first).")
@option(
    "--start", type=click.DateTime(["%Y-%m-%d"]), help="First day, YYYY-MM-DD (default: today)."
)
@option(
    "--deadline",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Deadline, YYYY-MM-DD (default: six weeks after the start).",
)
def new_hearing(
    hearing: str,
    title: str,
    authority: str | None,
    department: str | None,
    start: dt.datetime | None,
    deadline: dt.datetime | None,
) -> None:
    """Create a hearing folder with a hearing.yaml to fill in (parties, topics).

    Never overwrites an existing hearing.yaml.

    Example:
      hoering new hearing --id trafikplan-2027 --title "Udkast til trafikplan 2027" \\
          --authority region-hovedstaden --start 2026-12-01 --deadline 2027-01-15
    """
    report = api.new_hearing(
        project=_project(),
        hearing=hearing,
        title=title,
        authority=authority,
        department=department,
        start=_day(start),
        deadline=_day(deadline),
    )
    _finish(report)


@new.command("organisation")
@option(
    "--id",
    "organisation",
    required=True,
    help="The profile's id, used as 'organisation: ID' in sources (e.g. gladsaxe).",
)
@option("--name", required=True, help="The organisation's name on the letterhead.")
def new_organisation(organisation: str, name: str) -> None:
    """Create an organisation profile (the letterhead) with every key explained.

    It is written to templates/organisations/ID.yaml in the project; fill in the address and
    the rest, and put a logo next to it. Never overwrites an existing profile.

    Example:
      hoering new organisation --id gladsaxe --name "Gladsaxe Kommune"
    """
    _finish(api.new_organisation(project=_project(), organisation=organisation, name=name))


@new.command("minutes")
@option("--title", required=True, help="The meeting's title.")
@option(
    "--date",
    "date_",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Meeting date, YYYY-MM-DD (default: today).",
)
@option(
    "--organisation",
    help="Organisation profile id (default: hoering.toml's, or the project's only profile).",
)
@option("--department", help="Department (default: the profile's first).")
@option("--hearing", help="The hearing the meeting belongs to (its folder's name).")
@option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to create (default: <sources>/<hearing>/minutes/<date>-<title>.md).",
)
def new_minutes(
    title: str,
    date_: dt.datetime | None,
    organisation: str | None,
    department: str | None,
    hearing: str | None,
    output: Path | None,
) -> None:
    """Create a referat skeleton: metadata explained, an agenda item, a decision and an
    action item to copy.

    Never overwrites an existing file.

    Example:
      hoering new minutes --organisation ishoj --title "Dialogmøde om snitflader" \\
          --date 2019-06-19 --hearing samarbejdsaftale-psykisk-sygdom
    """
    report = api.new_minutes(
        project=_project(),
        title=title,
        date=_day(date_),
        organisation=organisation,
        department=department,
        hearing=hearing,
        path=output,
    )
    _finish(report)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@option("--owner", help="Only this owner's items (part of the name is enough).")
@option("--overdue", is_flag=True, help="Only items whose deadline has passed.")
@option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The date to judge 'overdue' by, YYYY-MM-DD (default: today).",
)
@option(
    "--format",
    "format_",
    type=click.Choice(["table", "csv"]),
    default="table",
    show_default=True,
    help="A table to read, or CSV (semicolons, UTF-8) for Excel and other programs.",
)
def actions(
    paths: tuple[Path, ...],
    owner: str | None,
    overdue: bool,
    today: dt.datetime | None,
    format_: str,
) -> None:
    """List the open action items of every referat in PATHS (default: the sources folder).

    Oldest deadline first, each with its referat's file and line; overdue items are marked.
    An item is done when its box is ticked: "- [x] @Hvem: hvad — frist".

    Examples:
      hoering actions
      hoering actions --owner Ishøj --overdue
      hoering actions consultations/samarbejdsaftale-psykisk-sygdom --format csv > opgaver.csv
    """
    report = api.actions(
        paths,
        project=_project(),
        owner=owner,
        overdue=overdue,
        today=_day(today),
        csv=format_ == "csv",
    )
    _finish(report)


@main.command()
@click.argument("hearing", required=False, type=click.Path(path_type=Path))
@formats_option("Format of the høringsnotat (repeat for several). Default: all, or hoering.toml's.")
@output_folder_option()
@option("--no-bundle", is_flag=True, help="Skip samlede-hoeringssvar.pdf.")
@option(
    "--workers",
    type=click.IntRange(1),
    metavar="N",
    help="Compare form tables on a Dask cluster of N worker processes on this "
    "machine (needs pip install 'hoering[dask]').",
)
@option(
    "--scheduler",
    metavar="ADDRESS",
    help="Compare form tables on the Dask cluster whose scheduler is at ADDRESS, "
    "e.g. tcp://host:8786 (the workers must see the hearing folder).",
)
@option(
    "--dashboard",
    is_flag=True,
    help="With --workers: show Dask's dashboard, on 127.0.0.1 (this machine) only.",
)
@option(
    "--layout",
    type=click.Choice(["emner", "parter", "oversigt"]),
    default="emner",
    show_default=True,
    help="The notat by topic, by party (hvidbog), or as one table (kommenteret høringsoversigt).",
)
@option(
    "--draft",
    is_flag=True,
    help="Put the working details in the DOCX and PDF "
    "too: file and line of each remark, guesses, "
    "missing answers.",
)
def compare(
    hearing: Path | None,
    formats: tuple[str, ...],
    output: Path | None,
    no_bundle: bool,
    workers: int | None,
    scheduler: str | None,
    dashboard: bool,
    layout: str,
    draft: bool,
) -> None:
    """Compare the responses to a hearing: the høringsnotat, matrix and bundle.

    HEARING is the hearing's folder or id; in a hearing's folder it may be left out.

    Reads HEARING/hearing.yaml, every response in HEARING/responses/ and the authority's
    answers in HEARING/remarks.md (see 'hoering remarks'), and writes to
    output/<hearing id>/: hoeringsnotat.docx and .pdf (ready to publish), hoeringsnotat.html
    (the working copy, with links to the sources and filters by topic, respondent and
    stance), matrix.csv, matrix.xlsx and samlede-hoeringssvar.pdf. Nothing is written if a
    response, hearing.yaml or remarks.md has an error; a response that cannot be read at
    all is named, left out and the rest compared (exit 1), as build does.

    Answers from a web form (CSV, XLSX or Parquet in responses/, mapped by form: in
    hearing.yaml) are counted, grouped into campaigns and written to formularsvar.parquet
    and .csv; with --workers or --scheduler this runs on a Dask cluster.

    Examples:
      hoering compare consultations/samarbejdsaftale-psykisk-sygdom
      hoering compare consultations/trafikplan --workers 2
      hoering compare consultations/trafikplan --scheduler tcp://10.0.0.5:8786
      hoering compare samarbejdsaftale-psykisk-sygdom --layout parter --draft
    """
    with _Progress(tr("Reading responses")) as progress:
        report = api.compare(
            hearing,
            project=_project(),
            formats=formats,
            output=output,
            bundle=not no_bundle,
            workers=workers,
            scheduler=scheduler,
            layout=layout,
            draft=draft,
            progress=progress,
            dashboard=dashboard,
        )
    _finish(report)


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 to serve the preview on (0: any free port).",
)
@option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
def preview(path: Path | None, port: int, no_browser: bool) -> None:
    """Show a source's document, or a hearing's høringsnotat, in the browser while you write.

    PATH is a source (.md) or a hearing's folder or id (default: the hearing the current
    folder is in). The page is rebuilt and reloads by itself each time you save a file;
    an error shows on the page with its file and line, and the PDF is one click away. The
    server listens on 127.0.0.1 only; Ctrl+C stops it.

    Examples:
      hoering preview consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md
      hoering preview consultations/samarbejdsaftale-psykisk-sygdom --port 8001
    """
    with api.preview(path, project=_project(), port=port) as (report, url):
        _show(report)
        if not no_browser:
            import webbrowser

            webbrowser.open(url)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            click.echo(tr("Preview stopped"))


@main.command()
@click.argument("hearing", required=False, type=click.Path(path_type=Path))
def remarks(hearing: Path | None) -> None:
    """Write the authority's answer sheet: HEARING/remarks.md.

    HEARING is the hearing's folder or id; in a hearing's folder it may be left out.

    Adds a '### respondent' entry under each topic ('## title') for every respondent with a
    remark on it; the first run creates the file, later runs add only what is missing and
    never change what is written. Under each entry write the answer, and set its status on
    the heading: {status=imoedekommet}, {status=delvist}, {status=ikke-imoedekommet} or
    {status=noteret}. A '> quote' first under an entry is printed instead of the remark;
    text under a topic's heading answers the topic as a whole; text under '## Ændringer'
    goes into the notat's section 4.

    Example:
      hoering remarks consultations/samarbejdsaftale-psykisk-sygdom
    """
    _finish(api.remarks(hearing, project=_project()))


class _Progress:
    """Progress on stderr in a long run: a counter on a terminal, a line per quarter
    otherwise; silent for a handful of items. Steps of a run (``step``) are shown once it has
    taken a few seconds, so a quick run prints only its result."""

    SHOW_FROM = 8
    QUIET_SECONDS = 2.0

    def __init__(self, verb: str | None = None) -> None:
        self.verb = verb or tr("Building")
        self.tty = sys.stderr.isatty()
        self.shown = False
        self.started = time.monotonic()

    current: _Progress | None = None  # the one being shown, for warnings to end its line

    def __enter__(self) -> _Progress:
        _Progress.current = self
        return self

    @staticmethod
    def end_line() -> None:
        if _Progress.current is not None:
            _Progress.current._end_line()

    def count(self, done: int, total: int) -> None:
        if total < self.SHOW_FROM:
            return
        if self.tty:
            click.echo(f"\r{self.verb} {done}/{total}", err=True, nl=False)
            self.shown = True
        elif done == total or done % max(1, total // 4) == 0:
            click.echo(f"{self.verb} {done}/{total}", err=True)

    def step(self, what: str) -> None:
        if time.monotonic() - self.started >= self.QUIET_SECONDS:
            self._end_line()
            click.echo(tr("Making {what}", what=what), err=True)

    def _end_line(self) -> None:
        if self.shown:
            click.echo("", err=True)
            self.shown = False

    def __exit__(self, *exc) -> None:
        self._end_line()
        _Progress.current = None
