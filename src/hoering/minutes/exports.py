"""Files written next to a referat's documents: ``.actions.csv`` and ``.ics``.

Both are deterministic: the same source gives the same bytes (UIDs come from the source's
name and line, time stamps from SOURCE_DATE_EPOCH or the meeting's date).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import display_path
from ..i18n import format_date, label
from ..messages import tr_in
from ..model import Document
from ..render import timestamp_for
from ..sources import Source
from ..spreadsheet import csv_bytes
from .actions import ActionItem
from .body import read_minutes

if TYPE_CHECKING:
    import icalendar
    from icalendar import Calendar

    from ..sources.minutes import NextMeeting

TIMEZONE = "Europe/Copenhagen"
# The columns of .actions.csv: label keys, in the referat's language (or, for 'hoering
# actions --format csv', the language hoering speaks).
CSV_COLUMNS = ("csv_owner", "csv_task", "csv_deadline", "csv_due", "csv_status", "csv_source")
MEETING_LENGTH = dt.timedelta(hours=2)  # when a next meeting gives no end time


def exports(source: Source, document: Document) -> dict[str, bytes]:
    body = read_minutes(source)
    return {
        ".actions.csv": actions_csv(
            ((source.path, a) for a in body.actions), lang=source.meta.lang
        ),
        ".ics": calendar(source, body.actions, document),
    }


def actions_csv(
    items: Iterable[tuple[Path, ActionItem]], overdue_on: dt.date | None = None, lang: str = "da"
) -> bytes:
    """Action items as CSV for Excel: UTF-8 with BOM, semicolons (as Danish Excel expects),
    one row per item: owner; task; deadline as written; due date (ISO); status; file:line.
    The header and the status words are in ``lang``."""
    from functools import lru_cache

    shown = lru_cache(maxsize=None)(display_path)  # one path serves many items
    rows = (
        (
            item.owner,
            item.task,
            item.deadline or "",
            item.due.isoformat() if item.due else "",
            label(status(item, overdue_on), lang),
            f"{shown(path)}:{item.line}",
        )
        for path, item in items
    )
    return csv_bytes([tuple(label(column, lang) for column in CSV_COLUMNS), *rows])


def status(item: ActionItem, today: dt.date | None = None) -> str:
    """The item's status as a label key: status_done, status_overdue or status_open."""
    if item.done:
        return "status_done"
    if today is not None and item.overdue(today):
        return "status_overdue"
    return "status_open"


def _uid(source: Source, what: str) -> str:
    digest = hashlib.sha256(f"{source.path.name}\0{what}".encode()).hexdigest()[:24]
    return f"{digest}@hoering"


def calendar(source: Source, actions: Iterable[ActionItem], document: Document) -> bytes:
    """A VTODO per action item with a deadline, a VEVENT per next meeting."""
    import icalendar

    meta = source.meta
    lang = meta.lang
    stamp = timestamp_for(document)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//hoering//referat//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", meta.title)
    for item in actions:
        if item.deadline is None:
            continue
        todo = icalendar.Todo()
        todo.add("uid", _uid(source, f"action:{item.line}"))
        todo.add("dtstamp", stamp)
        todo.add("summary", f"{item.owner}: {item.task}")
        if item.due is not None:
            todo.add("due", item.due)
        deadline = "" if item.exact else f"{label('deadline', lang)}: {item.deadline}\n"
        minutes = tr_in(
            lang,
            "From the minutes: {title} ({date})",
            title=meta.title,
            date=format_date(meta.date, lang),
        )
        todo.add("description", deadline + minutes)
        todo.add("status", "COMPLETED" if item.done else "NEEDS-ACTION")
        cal.add_component(todo)
    for index, meeting in enumerate(meta.next_meetings):
        event = icalendar.Event()
        event.add("uid", _uid(source, f"meeting:{index}"))
        event.add("dtstamp", stamp)
        event.add("summary", meta.title)
        if meeting.time:
            _add_times(event, meeting)
        else:
            event.add("dtstart", meeting.date)
        if meeting.place:
            event.add("location", meeting.place)
        if meeting.invites:
            event.add("description", f"{meeting.invites} {label('invites', lang)}.")
        cal.add_component(event)
    cal.add_missing_timezones()
    _one_rdate_per_line(cal)
    data: bytes = cal.to_ical()
    return data


def _add_times(event: icalendar.Event, meeting: NextMeeting) -> None:
    """DTSTART and DTEND of a meeting with a start time; without an end time it lasts
    MEETING_LENGTH, given as DURATION where the end would pass the year 9999."""
    assert meeting.time is not None
    start = _local(meeting.date, meeting.time)
    event.add("dtstart", start)
    if meeting.end:
        event.add("dtend", _local(meeting.date, meeting.end))
    elif start.replace(tzinfo=None) <= dt.datetime.max - MEETING_LENGTH:
        event.add("dtend", start + MEETING_LENGTH)
    else:
        event.add("duration", MEETING_LENGTH)


def _one_rdate_per_line(cal: Calendar) -> None:
    """Split each comma list of RDATEs in the time zones into one RDATE per date. RFC 5545
    allows both, but ical.js (and calendars built on it) reads only the first date of a
    list, and then places meetings an hour off after the next change of summer time."""
    for zone in cal.walk("VTIMEZONE"):
        for transition in zone.subcomponents:
            dates = transition.pop("RDATE", None)
            if dates is None:
                continue
            for value in dates if isinstance(dates, list) else [dates]:
                for date in value.dts:
                    transition.add("RDATE", date.dt)


def _local(day: dt.date, time: str) -> dt.datetime:
    from zoneinfo import ZoneInfo

    hours, minutes = (int(part) for part in time.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=ZoneInfo(TIMEZONE))
