"""``hoering actions``: its options parsed into one record, the command called."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..commands.project import load_project
from .group import HoeringCommand
from .options import PathType, day, project
from .report import finish
from .translated import option

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path


@click.command(cls=HoeringCommand)
@click.argument("paths", nargs=-1, type=PathType())
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
    from ..commands.actions import ActionsOptions, run

    options = ActionsOptions(
        paths=paths, owner=owner, overdue=overdue, today=day(today), csv=format_ == "csv"
    )
    finish(run(load_project(project(), paths), options))
