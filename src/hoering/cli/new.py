"""``hoering new …``: each skeleton's options parsed into its record, the command called."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..commands.project import load_project
from .group import HoeringGroup
from .options import PathType, day, project
from .report import finish
from .translated import option

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path


@click.group(cls=HoeringGroup)
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
    type=PathType(),
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
    from ..commands.new import NewResponse, run

    options = NewResponse(
        hearing=hearing,
        organisation=organisation,
        department=department,
        title=title,
        date=day(date_),
        path=output,
    )
    finish(run(load_project(project()), options))


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
    from ..commands.new import NewHearing, run

    options = NewHearing(
        hearing=hearing,
        title=title,
        authority=authority,
        department=department,
        start=day(start),
        deadline=day(deadline),
    )
    finish(run(load_project(project()), options))


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
    from ..commands.new import NewOrganisation, run

    options = NewOrganisation(organisation=organisation, name=name)
    finish(run(load_project(project()), options))


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
    type=PathType(),
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
    from ..commands.new import NewMinutes, run

    options = NewMinutes(
        title=title,
        date=day(date_),
        organisation=organisation,
        department=department,
        hearing=hearing,
        path=output,
    )
    finish(run(load_project(project()), options))
