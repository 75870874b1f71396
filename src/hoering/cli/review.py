"""``hoering review``: its argument parsed into one record, the command called."""

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
@click.argument("hearing_dir", required=False, type=PathType(file_okay=False))
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
    from ..commands.review import ReviewOptions, run

    finish(run(load_project(project(), [hearing_dir]), ReviewOptions(hearing_dir)))
