"""Open action items across every referat: what ``hoering actions`` lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, load_config
from ..errors import HoeringError, SourceError
from .actions import ActionItem


@dataclass(frozen=True)
class OpenAction:
    path: Path  # the referat
    meeting: dt.date
    item: ActionItem


@dataclass
class ActionsReport:
    actions: list[OpenAction]
    errors: list[HoeringError] = field(default_factory=list)


def open_actions(
    paths: Iterable[Path | str] | None = None,
    *,
    config: Config | None = None,
    owner: str | None = None,
    overdue_on: dt.date | None = None,
) -> ActionsReport:
    """Every action item not marked done in the referater below ``paths`` (default: the
    sources folder), oldest deadline first; only ``owner``'s (case-insensitive, part of the
    name is enough) and only those overdue on ``overdue_on`` when given. A referat that
    cannot be read is reported in ``errors`` and the others are still listed."""
    from ..pipeline import discover

    config = config or load_config()
    found = discover([Path(p) for p in (paths or [config.sources])], config)
    report = ActionsReport([])
    for path in (p for p in found if p.parent.name == "minutes"):
        try:
            meeting, items = _items(path)
        except HoeringError as exc:
            report.errors.append(exc.located(path) if isinstance(exc, SourceError) else exc)
            continue
        for item in items:
            if item.done or (owner and owner.casefold() not in item.owner.casefold()):
                continue
            if overdue_on is not None and not item.overdue(overdue_on):
                continue
            report.actions.append(OpenAction(path, meeting, item))
    report.actions.sort(key=lambda a: (a.item.due or dt.date.max, str(a.path), a.item.line or 0))
    return report


def _items(path: Path) -> tuple[dt.date, tuple[ActionItem, ...]]:
    from ..sources import load_source
    from .body import read_minutes

    source = load_source(path)
    if source.type != "minutes":
        return dt.date.min, ()
    return source.meta.date, read_minutes(source).actions


def to_csv(report: ActionsReport, today: dt.date) -> bytes:
    from .exports import actions_csv

    return actions_csv(((a.path, a.item) for a in report.actions), overdue_on=today)


def print_table(report: ActionsReport, today: dt.date) -> str:
    """The open items as aligned columns for a terminal, with a count at the end."""
    from ..errors import display_path

    rows = [("Due", "Owner", "Task", "Source")]
    for action in report.actions:
        item = action.item
        due = item.due.isoformat() if item.due else "-"
        if item.deadline and not item.exact:
            due += f" ({item.deadline})"
        if item.overdue(today):
            due = f"! {due} OVERDUE"
        rows.append((due, item.owner, item.task, f"{display_path(action.path)}:{item.line}"))
    if len(rows) == 1:
        return "No open action items"
    widths = [min(max(len(row[i]) for row in rows), 40) for i in range(3)]
    lines = ["  ".join([*(_fit(cell, w) for cell, w in zip(row[:3], widths, strict=True)),
                        row[3]]).rstrip() for row in rows]
    overdue = sum(1 for a in report.actions if a.item.overdue(today))
    count = len(report.actions)
    lines.append(f"{count} open action item{'s' if count != 1 else ''}, {overdue} overdue "
                 f"(on {today.isoformat()})")
    return "\n".join(lines)


def _fit(cell: str, width: int) -> str:
    return (cell if len(cell) <= width else cell[:width - 1] + "…").ljust(width)
