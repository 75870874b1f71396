"""``hoering import``: its arguments parsed into one record, the command called."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..commands.project import load_project
from .group import HoeringCommand
from .options import PathType, project
from .report import finish, show
from .translated import option

if TYPE_CHECKING:
    from pathlib import Path


@click.command("import", cls=HoeringCommand)
@click.argument("files", nargs=-1, required=True, type=PathType())
@option(
    "--hearing",
    "hearing_dir",
    type=PathType(file_okay=False),
    help="The hearing folder (the one with hearing.yaml), or its id; in a "
    "hearing's folder it may be left out.",
)
@option("--force", is_flag=True, help="Replace a source (and a kept original) that already exists.")
def import_(files: tuple[Path, ...], hearing_dir: Path | None, force: bool) -> None:
    """Import høringssvar received as PDF, DOCX, ODT or e-mail (.eml) into Markdown sources,
    and web-form exports (CSV, XLSX, Parquet) as they are.

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
      hoering import ~/Downloads/export.xlsx --hearing consultations/trafikplan-bymidten
    """
    from ..commands.import_ import ImportOptions, run

    options = ImportOptions(files=files, hearing=hearing_dir, force=force)
    finish(run(load_project(project(), [hearing_dir]), options, on_file=show))
