"""The ``hoering`` command: a thin layer over the library, one call per command.

Errors from the library (:class:`~hoering.errors.HoeringError`) are printed as one clear
line each and exit 1, never as a traceback (unless ``--debug``).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import HoeringError, SourceErrors
from .messages import ntr, tr

FORMAT_NAMES = ("docx", "pdf", "html")  # kept here so --help does not import the renderers


class HoeringGroup(click.Group):
    """Turns library errors into messages and exit code 1 in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except HoeringError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            for line in _error_lines(exc):
                click.echo(tr("Error: {message}", message=line), err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # a bug: one clear line and what to report, no traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(internal_error(exc), err=True)
            ctx.exit(INTERNAL_ERROR)


INTERNAL_ERROR = 70  # EX_SOFTWARE: distinct from 1 (an error in the user's input)


def internal_error(exc: BaseException) -> str:
    """The one line printed for an unexpected exception (a bug in hoering)."""
    what = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:200]
    return (
        f"Error: internal error in hoering {__version__} ({what.rstrip(': ')}). "
        "Please report it with the command you ran and the output of the same command "
        "with --debug first (hoering --debug ...)"
    )


def _error_lines(exc: HoeringError) -> list[str]:
    if isinstance(exc, SourceErrors):
        return [str(e) for e in exc.errors]
    return [str(exc)]


@click.group(cls=HoeringGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hoering")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (for bug reports).")
@click.option(
    "--project",
    type=click.Path(path_type=Path, file_okay=False),
    help="The project folder (default: the nearest folder, from the current one "
    "up, with hoering.toml or consultations/).",
)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    help="Language of messages (default: HOERING_LANG, or hoering.toml's lang, or da).",
)
@click.pass_context
def main(ctx: click.Context, debug: bool, project: Path | None, lang: str | None) -> None:
    """Høringssvar, referater og høringsnotater: Markdown → DOCX, PDF og HTML på brevpapir.

    \b
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
    ctx.obj["project"] = project
    from .messages import choose_language

    choose_language(lang)


def _config(near: tuple[Path, ...] | list[Path] = ()):
    """The project's configuration (``--project``, or found from the current folder, or from
    the paths the command was given); an error in one line outside any project."""
    from .config import find_project
    from .messages import configured_language

    ctx = click.get_current_context()
    config = find_project((ctx.find_root().obj or {}).get("project"), near=near)
    configured_language(config.lang)
    return config


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMAT_NAMES),
    help="Format to build (repeat for several). Default: all, or hoering.toml's.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Folder to write to. Default: output/ (or hoering.toml's).",
)
@click.option("--force", is_flag=True, help="Rebuild even sources whose outputs are up to date.")
@click.pass_context
def build(
    ctx: click.Context,
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

    \b
    Examples:
      hoering build
      hoering build consultations/samarbejdsaftale-psykisk-sygdom -f pdf -f docx
      hoering build --force -o /tmp/udkast
    """
    from .pipeline import build as run_build

    config = _config(paths)
    with _Progress() as progress:
        report = run_build(
            paths or None,
            config=config,
            formats=formats or None,
            output=output,
            force=force,
            on_progress=progress.update,
        )
    _print_report(ctx, report, "built")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_context
def check(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Validate every source in PATHS (default: the sources folder); write nothing.

    Reports every problem with file, line and key, and exits 1 if there were any.

    \b
    Example:
      hoering check consultations/samarbejdsaftale-psykisk-sygdom
    """
    from .pipeline import check as run_check

    report = run_check(paths or None, config=_config(paths))
    _print_report(ctx, report, "checked")


@main.group()
def new() -> None:
    """Create a new, ready-to-edit source file.

    \b
    Example:
      hoering new response --organisation ishoj --hearing samarbejdsaftale-psykisk-sygdom
    """


@new.command("response")
@click.option("--hearing", required=True, help="The hearing's id (its folder under the sources).")
@click.option(
    "--organisation",
    help="Organisation profile id (default: hoering.toml's, or the project's only profile).",
)
@click.option("--department", help="Department (default: the profile's first).")
@click.option("--title", help="Subject line of the response.")
@click.option(
    "--date", "date_", type=click.DateTime(["%Y-%m-%d"]), help="Date, YYYY-MM-DD (default: today)."
)
@click.option(
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

    \b
    Example:
      hoering new response --organisation ishoj --hearing samarbejdsaftale-psykisk-sygdom
    """
    from .scaffold import new_response as scaffold

    path = scaffold(
        _config(),
        hearing=hearing,
        organisation=organisation,
        department=department,
        title=title,
        date=date_.date() if date_ else None,
        path=output,
    )
    from .errors import display_path

    click.echo(tr("Created {path}", path=display_path(path)))


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--hearing",
    "hearing_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The hearing folder (the one with hearing.yaml), or its id; in a "
    "hearing's folder it may be left out.",
)
@click.option(
    "--force", is_flag=True, help="Replace a source (and a kept original) that already exists."
)
@click.pass_context
def import_(
    ctx: click.Context, files: tuple[Path, ...], hearing_dir: Path | None, force: bool
) -> None:
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

    \b
    Examples:
      hoering import ~/Downloads/hoeringssvar-albertslund.pdf ~/Downloads/brondby.docx \\
          --hearing consultations/samarbejdsaftale-psykisk-sygdom
      hoering import ~/Downloads/export.xlsx --hearing consultations/trafikplan
    """
    from .errors import display_path
    from .imports.run import import_files

    def progress(path: Path, result) -> None:
        if isinstance(result, HoeringError):
            if ctx.obj.get("debug") and getattr(result, "detail", None):
                click.echo(result.detail.rstrip(), err=True)
            for line in _error_lines(result):
                click.echo(tr("Error: {message}", message=line), err=True)
            return
        if result.table is not None:  # a web form's export: copied, columns checked
            click.echo(
                f"Copied {display_path(path)} to {display_path(result.path)} (columns "
                f"read: {', '.join(result.table.columns)})"
            )
            if result.table.warning:
                click.echo(tr("Warning: {message}", message=result.table.warning), err=True)
            return
        unsure = sum(1 for g in result.guessed if g.confidence < 0.7)
        guesses = ntr("{n} guess", "{n} guesses", len(result.guessed))
        if unsure:
            guesses += tr(", {n} uncertain", n=unsure)
        click.echo(
            tr(
                "Imported {path} ({guesses}; original kept as {original})",
                path=display_path(result.path),
                guesses=guesses,
                original=display_path(result.original),
            )
        )

    config = _config(_given(hearing_dir))
    hearing_dir = hearing_dir or _hearing_here(config)
    report = import_files(files, hearing_dir, force=force, config=config, on_progress=progress)
    if report.failed:
        names = ", ".join(display_path(path) for path, _ in report.failed)
        click.echo(
            tr(
                "{imported} imported, {failed} failed: {names}",
                imported=len(report.imported),
                failed=len(report.failed),
                names=names,
            ),
            err=True,
        )
        ctx.exit(1)
    if any(i.table is None for i in report.imported):
        click.echo(
            tr(
                "Check the guesses with: hoering review {hearing}",
                hearing=display_path(hearing_dir),
            )
        )


@main.command()
@click.argument("hearing_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
def review(hearing_dir: Path | None) -> None:
    """List what 'hoering import' guessed in a hearing's responses, to confirm by hand.

    HEARING_DIR is the hearing's folder or id; in a hearing's folder it may be left out.

    Each line gives file:line, what was guessed, the value, the confidence and why (where it
    was found, or which words matched). Confirm a value by deleting its entry under
    'guessed:' (after correcting the value if needed); confirm a heading's topic and stance
    by deleting its guess=… and matched=… attributes.

    \b
    Example:
      hoering review consultations/samarbejdsaftale-psykisk-sygdom
    """
    from .imports.review import review as list_guesses

    config = _config(_given(hearing_dir))
    items = list_guesses(hearing_dir or _hearing_here(config), config=config)
    for item in items:
        click.echo(str(item))
    files = len({item.path for item in items})
    if items:
        click.echo(
            ntr(
                "{n} guess to confirm in {files}",
                "{n} guesses to confirm in {files}",
                len(items),
                files=ntr("{n} file", "{n} files", files),
            )
        )
    else:
        click.echo(tr("Nothing to confirm: no guessed values left"))


@new.command("hearing")
@click.option("--id", "hearing", required=True, help="The hearing's id: its folder's name.")
@click.option("--title", required=True, help="What is sent for consultation.")
@click.option(
    "--authority",
    help="Organisation profile of the authority (default: "
    "hoering.toml's organisation, or the project's only profile).",
)
@click.option("--department", help="The authority's department (default: the profile's first).")
@click.option(
    "--start", type=click.DateTime(["%Y-%m-%d"]), help="First day, YYYY-MM-DD (default: today)."
)
@click.option(
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

    \b
    Example:
      hoering new hearing --id trafikplan-2027 --title "Udkast til trafikplan 2027" \\
          --authority region-hovedstaden --start 2026-12-01 --deadline 2027-01-15
    """
    from .errors import display_path
    from .scaffold import new_hearing as scaffold

    path = scaffold(
        _config(),
        hearing=hearing,
        title=title,
        authority=authority,
        department=department,
        start=start.date() if start else None,
        deadline=deadline.date() if deadline else None,
    )
    click.echo(tr("Created {path}", path=display_path(path)))


@new.command("organisation")
@click.option(
    "--id",
    "organisation",
    required=True,
    help="The profile's id, used as 'organisation: ID' in sources (e.g. gladsaxe).",
)
@click.option("--name", required=True, help="The organisation's name on the letterhead.")
def new_organisation(organisation: str, name: str) -> None:
    """Create an organisation profile (the letterhead) with every key explained.

    It is written to templates/organisations/ID.yaml in the project; fill in the address and
    the rest, and put a logo next to it. Never overwrites an existing profile.

    \b
    Example:
      hoering new organisation --id gladsaxe --name "Gladsaxe Kommune"
    """
    from .errors import display_path
    from .scaffold import new_organisation as scaffold

    path = scaffold(_config(), organisation=organisation, name=name)
    click.echo(tr("Created {path}", path=display_path(path)))


@new.command("minutes")
@click.option("--title", required=True, help="The meeting's title.")
@click.option(
    "--date",
    "date_",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Meeting date, YYYY-MM-DD (default: today).",
)
@click.option(
    "--organisation",
    help="Organisation profile id (default: hoering.toml's, or the project's only profile).",
)
@click.option("--department", help="Department (default: the profile's first).")
@click.option("--hearing", help="The hearing the meeting belongs to (its folder's name).")
@click.option(
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

    \b
    Example:
      hoering new minutes --organisation ishoj --title "Dialogmøde om snitflader" \\
          --date 2019-06-19 --hearing samarbejdsaftale-psykisk-sygdom
    """
    from .errors import display_path
    from .scaffold import new_minutes as scaffold

    path = scaffold(
        _config(),
        title=title,
        date=date_.date() if date_ else None,
        organisation=organisation,
        department=department,
        hearing=hearing,
        path=output,
    )
    click.echo(tr("Created {path}", path=display_path(path)))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--owner", help="Only this owner's items (part of the name is enough).")
@click.option("--overdue", is_flag=True, help="Only items whose deadline has passed.")
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The date to judge 'overdue' by, YYYY-MM-DD (default: today).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "csv"]),
    default="table",
    show_default=True,
    help="A table to read, or CSV (semicolons, UTF-8) for Excel and other programs.",
)
@click.pass_context
def actions(
    ctx: click.Context,
    paths: tuple[Path, ...],
    owner: str | None,
    overdue: bool,
    today: dt.datetime | None,
    format_: str,
) -> None:
    """List the open action items of every referat in PATHS (default: the sources folder).

    Oldest deadline first, each with its referat's file and line; overdue items are marked.
    An item is done when its box is ticked: "- [x] @Hvem: hvad — frist".

    \b
    Examples:
      hoering actions
      hoering actions --owner Ishøj --overdue
      hoering actions consultations/samarbejdsaftale-psykisk-sygdom --format csv > opgaver.csv
    """
    from .minutes.overview import open_actions, print_table, to_csv

    day = today.date() if today else dt.date.today()
    report = open_actions(
        paths or None, config=_config(paths), owner=owner, overdue_on=day if overdue else None
    )
    for error in report.errors:
        for line in _error_lines(error):
            click.echo(tr("Error: {message}", message=line), err=True)
    if format_ == "csv":
        sys.stdout.buffer.write(to_csv(report, day))
        sys.stdout.flush()
    else:
        click.echo(print_table(report, day))
    if report.errors:
        ctx.exit(1)


@main.command()
@click.argument("hearing", required=False, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMAT_NAMES),
    help="Format of the høringsnotat (repeat for several). Default: all, or hoering.toml's.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Folder to write to. Default: output/ (or hoering.toml's).",
)
@click.option("--no-bundle", is_flag=True, help="Skip samlede-hoeringssvar.pdf.")
@click.option(
    "--workers",
    type=click.IntRange(1),
    metavar="N",
    help="Compare form tables on a Dask cluster of N worker processes on this "
    "machine (needs pip install 'hoering[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Compare form tables on the Dask cluster whose scheduler is at ADDRESS, "
    "e.g. tcp://host:8786 (the workers must see the hearing folder).",
)
@click.option(
    "--layout",
    type=click.Choice(["emner", "parter", "oversigt"]),
    default="emner",
    show_default=True,
    help="The notat by topic, by party (hvidbog), or as one table (kommenteret høringsoversigt).",
)
@click.option(
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
    response, hearing.yaml or remarks.md has an error.

    Answers from a web form (CSV, XLSX or Parquet in responses/, mapped by form: in
    hearing.yaml) are counted, grouped into campaigns and written to formularsvar.parquet
    and .csv; with --workers or --scheduler this runs on a Dask cluster.

    \b
    Examples:
      hoering compare consultations/samarbejdsaftale-psykisk-sygdom
      hoering compare consultations/trafikplan --workers 2
      hoering compare consultations/trafikplan --scheduler tcp://10.0.0.5:8786
      hoering compare samarbejdsaftale-psykisk-sygdom --layout parter --draft
    """
    from .comparison.collect import compare as run_compare
    from .errors import display_path
    from .mass.runners import cluster
    from .publish import write_comparison

    config = _config(_given(hearing))
    with _Progress(tr("Reading responses")) as progress, cluster(scheduler, workers) as client:
        comparison = run_compare(
            hearing or _hearing_here(config),
            config=config,
            on_progress=progress.count,
            client=client,
        )
        written = write_comparison(
            comparison,
            output=output,
            formats=formats or None,
            bundle=not no_bundle,
            config=config,
            on_progress=progress.step,
            layout=layout,
            draft=draft,
        )
    for warning in comparison.warnings:
        click.echo(tr("Warning: {message}", message=warning), err=True)
    if comparison.mass is not None:
        for line in comparison.mass.outline():
            click.echo(line)
    late = [r.name for r in comparison.respondents if r.late]
    guessed = sum(1 for t in comparison.topics for r in t.remarks if r.guessed)
    if len(late) > 5:  # the høringsnotat lists them all
        late_text = tr("{names} and {n} more", names=", ".join(late[:3]), n=len(late) - 3)
    else:
        late_text = ", ".join(late)
    if comparison.respondents or comparison.mass is None:
        summary = ntr("{n} respondent", "{n} respondents", len(comparison.respondents))
        summary += ", " + ntr(
            "{n} consulted party did not answer",
            "{n} consulted parties did not answer",
            len(comparison.not_answered),
        )
        click.echo(summary + (tr(", late: {names}", names=late_text) if late else ""))
    if guessed:
        click.echo(
            ntr(
                "{n} remark has a topic guessed by import; confirm it with "
                "'hoering review {hearing}'",
                "{n} remarks have topics guessed by import; confirm them with "
                "'hoering review {hearing}'",
                guessed,
                hearing=display_path(comparison.hearing.folder),
            )
        )
    for path in written:
        click.echo(tr("Wrote {path}", path=display_path(path)))


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 to serve the preview on (0: any free port).",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
def preview(path: Path | None, port: int, no_browser: bool) -> None:
    """Show a source's document, or a hearing's høringsnotat, in the browser while you write.

    PATH is a source (.md) or a hearing's folder or id (default: the hearing the current
    folder is in). The page is rebuilt and reloads by itself each time you save a file;
    an error shows on the page with its file and line, and the PDF is one click away. The
    server listens on 127.0.0.1 only; Ctrl+C stops it.

    \b
    Examples:
      hoering preview consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md
      hoering preview consultations/samarbejdsaftale-psykisk-sygdom --port 8001
    """
    from .errors import display_path
    from .preview import Preview

    config = _config(_given(path))
    with Preview(path or _hearing_here(config), config) as running:
        url = running.start(port)
        click.echo(
            tr(
                "Preview of {path} at {url} (Ctrl+C stops it)",
                path=display_path(running.target.path),
                url=url,
            )
        )
        if not no_browser:
            import webbrowser

            webbrowser.open(url)
        try:
            threading_event().wait()
        except KeyboardInterrupt:
            click.echo(tr("Preview stopped"))


def threading_event():
    import threading

    return threading.Event()


def _given(path: Path | None) -> tuple[Path, ...]:
    return (path,) if path is not None else ()


def _hearing_here(config) -> Path:
    from .hearing import hearing_here

    return hearing_here(config)


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

    \b
    Example:
      hoering remarks consultations/samarbejdsaftale-psykisk-sygdom
    """
    from .comparison.collect import compare as run_compare
    from .errors import display_path
    from .publish import write_remarks

    config = _config(_given(hearing))
    comparison = run_compare(hearing or _hearing_here(config), config=config)
    path, added = write_remarks(comparison)
    if added:
        click.echo(
            ntr(
                "Added {n} entry to {path}",
                "Added {n} entries to {path}",
                added,
                path=display_path(path),
            )
        )
    else:
        click.echo(tr("{path} has an entry for every remark", path=display_path(path)))


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

    def __enter__(self) -> _Progress:
        return self

    def update(self, outcome, done: int, total: int) -> None:
        self.count(done, total)

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


def _print_report(ctx: click.Context, report, verb: str) -> None:
    for outcome in report.outcomes:
        for warning in outcome.warnings:
            click.echo(tr("Warning: {message}", message=warning), err=True)
        if outcome.error is not None:
            for line in _error_lines(outcome.error):
                click.echo(tr("Error: {message}", message=line), err=True)
            if ctx.obj.get("debug") and outcome.detail:
                click.echo(outcome.detail, err=True)
    if verb == "built":
        summary = tr(
            "{built} built, {skipped} up to date, {failed} failed",
            built=len(report.built),
            skipped=len(report.skipped),
            failed=len(report.failed),
        )
    else:
        summary = ntr("{n} source checked", "{n} sources checked", len(report.outcomes))
        if report.failed:
            summary += tr(", {n} with errors", n=len(report.failed))
    click.echo(summary, err=bool(report.failed))
    if report.failed:
        ctx.exit(1)
