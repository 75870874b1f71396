"""``hoering compare``: its options parsed into one record, the command called."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..commands.project import load_project
from ..messages import tr
from .group import HoeringCommand
from .options import PathType, formats_option, output_folder_option, project
from .report import Progress, finish
from .translated import option

if TYPE_CHECKING:
    from pathlib import Path


@click.command(cls=HoeringCommand)
@click.argument("hearing", required=False, type=PathType())
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
    help="Put the working details in the DOCX and PDF too: file and line of each remark, "
    "guesses, missing answers; written as hoeringsnotat-udkast.docx and .pdf, beside the "
    "copy to publish.",
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
      hoering compare consultations/trafikplan-bymidten --workers 2
      hoering compare consultations/trafikplan-bymidten --scheduler tcp://10.0.0.5:8786
      hoering compare samarbejdsaftale-psykisk-sygdom --layout parter --draft
    """
    from ..commands.compare import CompareOptions, OutputOptions, run

    files = OutputOptions(formats=formats, bundle=not no_bundle, layout=layout, draft=draft)
    options = CompareOptions(
        hearing=hearing,
        output=output,
        files=files,
        workers=workers,
        scheduler=scheduler,
        dashboard=dashboard,
    )
    config = load_project(project(), [hearing])
    with Progress(tr("Reading responses")) as progress:
        report = run(config, options, progress)
    finish(report)
