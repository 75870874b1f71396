"""Open action items across every referat: what ``hoering actions`` lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from ..config import Config, load_config
from ..errors import HoeringError, SourceError, display_path
from ..messages import language, ntr, tr
from ..parallel import PARALLEL_FROM, map_in_processes
from ..sources import load_source
from ..sources.discovery import discover
from ..sources.frontmatter import split_source, top_level_entries
from ..sources.markdown import task_list_items
from ..sources.minutes import NextMeeting, next_meeting_after
from .actions import ActionItem, parse_item
from .body import read_minutes
from .exports import actions_csv

if TYPE_CHECKING:
    from ruamel.yaml import YAML


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
    config = config or load_config()
    found = discover(paths, config)
    report = ActionsReport([])
    referater = [p for p in found if p.parent.name == "minutes"]
    for path, meeting, items, error in _read_all(referater):
        if error is not None:
            report.errors.append(error)
            continue
        for item in items:
            if item.done or (owner and owner.casefold() not in item.owner.casefold()):
                continue
            if overdue_on is not None and not item.overdue(overdue_on):
                continue
            report.actions.append(OpenAction(path, meeting, item))
    report.actions.sort(key=lambda a: (a.item.due or dt.date.max, str(a.path), a.item.line or 0))
    return report


def _read_all(paths: list[Path]) -> Iterator[Read]:
    """Read every referat, in worker processes when there are many (like ``hoering build``);
    one is read in ~2 ms, so a pool pays off only from a few dozen."""
    return map_in_processes(_read, paths, serial_below=PARALLEL_FROM * 4)


Read = tuple[Path, dt.date, tuple[ActionItem, ...], HoeringError | None]


def _read(path: Path) -> Read:
    try:
        meeting, items = _items(path)
    except HoeringError as exc:
        return path, dt.date.min, (), exc.located(path) if isinstance(exc, SourceError) else exc
    return path, meeting, items, None


def _items(path: Path) -> tuple[dt.date, tuple[ActionItem, ...]]:
    """The meeting's date and action items. Reads only what it needs: three metadata keys
    (YAML is a third of the time of a full read) and the task-list items of the body (the
    rest is not converted); anything unexpected falls back to the full, strict read, which
    reports the problem with its line. Problems elsewhere in a referat (an agenda item
    numbered by hand) do not keep its action items from the list: 'hoering check' finds them."""
    try:
        return _quick_items(path)
    except Exception:  # noqa: BLE001 - the strict read below says what is wrong
        pass
    source = load_source(path)
    if source.type != "minutes":
        return dt.date.min, ()
    return source.meta.date, read_minutes(source).actions


class _Needed(BaseModel):
    """What the overview needs of a referat's metadata."""

    type: Literal["minutes"]
    date: dt.date
    next_meetings: list[NextMeeting] = []


@lru_cache(maxsize=1)
def _plain_yaml() -> YAML:
    """ruamel's YAML 1.2 reader without comments and line marks: about three times faster."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True)


def _quick_items(path: Path) -> tuple[dt.date, tuple[ActionItem, ...]]:
    metadata_text, body_text, first_line = split_source(path)
    needed = top_level_entries(metadata_text, {"type", "date", "next_meetings"})
    meta = _Needed.model_validate(_plain_yaml().load(needed))
    next_meeting = next_meeting_after(meta.next_meetings, meta.date)
    items = task_list_items(body_text, first_line)
    return meta.date, tuple(parse_item(item, path, next_meeting, meta.date) for item in items)


def to_csv(report: ActionsReport, today: dt.date) -> bytes:
    return actions_csv(
        ((a.path, a.item) for a in report.actions), overdue_on=today, lang=language()
    )


def print_table(report: ActionsReport, today: dt.date) -> str:
    """The open items as aligned columns for a terminal, with a count at the end."""
    shown = lru_cache(maxsize=None)(display_path)  # one path serves many items
    rows = [(tr("Due"), tr("Owner"), tr("Task"), tr("Source"))]
    late = tr("OVERDUE")
    for action in report.actions:
        item = action.item
        due = item.due.isoformat() if item.due else "-"
        if item.deadline and not item.exact:
            due += f" ({item.deadline})"
        if item.overdue(today):
            due = f"! {due} {late}"
        rows.append((due, item.owner, item.task, f"{shown(action.path)}:{item.line}"))
    if len(rows) == 1:
        return tr("No open action items")
    widths = [min(max(len(row[i]) for row in rows), 40) for i in range(3)]
    lines = [
        "  ".join(
            [*(_fit(cell, w) for cell, w in zip(row[:3], widths, strict=True)), row[3]]
        ).rstrip()
        for row in rows
    ]
    overdue = sum(1 for a in report.actions if a.item.overdue(today))
    lines.append(
        ntr(
            "{n} open action item, {overdue} overdue (on {day})",
            "{n} open action items, {overdue} overdue (on {day})",
            len(report.actions),
            overdue=overdue,
            day=today.isoformat(),
        )
    )
    return "\n".join(lines)


def _fit(cell: str, width: int) -> str:
    return (cell if len(cell) <= width else cell[: width - 1] + "…").ljust(width)
