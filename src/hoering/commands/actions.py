"""``hoering actions``: the open action items of every referat, as a table or as CSV."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .report import Report

if TYPE_CHECKING:
    from ..config import Config


@dataclass(frozen=True, slots=True)
class ActionsOptions:
    """What ``hoering actions`` is asked: the referater (default: the sources folder), one
    owner's items only (part of the name), only the overdue ones as of ``today`` (default:
    the day it runs), and CSV for Excel instead of a table."""

    paths: tuple[Path, ...] = ()
    owner: str | None = None
    overdue: bool = False
    today: dt.date | None = None
    csv: bool = False


def run(config: Config, options: ActionsOptions) -> Report:
    """``hoering actions``: the open action items of every referat in ``options.paths``, as a table
    (``lines``) or as CSV for Excel (``output``); a referat that cannot be read is an
    error and the others are still listed."""
    from ..minutes.overview import open_actions, print_table, to_csv

    day = options.today or dt.date.today()
    result = open_actions(
        options.paths or None,
        config=config,
        owner=options.owner,
        overdue_on=day if options.overdue else None,
    )
    report = Report()
    for error in result.errors:
        report.add_error(error)
    if options.csv:
        report.output = to_csv(result, day)
    else:
        report.lines.append(print_table(result, day))
    return report
