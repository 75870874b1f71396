"""``hoering remarks``: its argument parsed into one record, the command called."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..commands.project import load_project
from .group import HoeringCommand
from .options import PathType, project
from .report import finish

if TYPE_CHECKING:
    from pathlib import Path


@click.command(cls=HoeringCommand)
@click.argument("hearing", required=False, type=PathType())
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
    from ..commands.remarks import RemarksOptions, run

    finish(run(load_project(project(), [hearing]), RemarksOptions(hearing)))
