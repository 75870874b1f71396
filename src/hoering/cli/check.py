"""``hoering check``: its arguments parsed into one record, the command called."""

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
@click.argument("paths", nargs=-1, type=PathType())
def check(paths: tuple[Path, ...]) -> None:
    """Validate every source in PATHS (default: the sources folder); write nothing.

    Reports every problem with file, line and key, and exits 1 if there were any.

    Example:
      hoering check consultations/samarbejdsaftale-psykisk-sygdom
    """
    from ..commands.check import CheckOptions, run

    finish(run(load_project(project(), paths), CheckOptions(paths)))
