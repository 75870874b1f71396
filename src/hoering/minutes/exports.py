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
from ..spreadsheet import csv_bytes, text_cell
from .actions import ActionItem
from .body import read_minutes

if TYPE_CHECKING:
    import icalendar

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
            text_cell(item.deadline or ""),  # "september 2019" stays words next to the due date
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
    if any(meeting.time for meeting in meta.next_meetings):  # the times refer to the zone
        cal.add_component(copenhagen_zone())
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


# Europe/Copenhagen as rules, not as a list of dates: a list made from the system's zone data
# ends in 2037 (and ical.js reads only the first date of an RDATE list), so a meeting in 2041
# was an hour off. Summer time begins on the last Sunday of March at 02:00 and ends on the
# last Sunday of October at 03:00 (the last Sunday of September until 1995); each onset's
# DTSTART is the local time before the change, as RFC 5545 wants it. The September rule's
# UNTIL (UTC) is two hours after its last change, so that readers that compare it with the
# local time (as icalendar and dateutil do) still count 1995.
ZONE_RULES = (
    ("daylight", "CEST", 1, 2, dt.datetime(1981, 3, 29, 2), "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
    (
        "standard",
        "CET",
        2,
        1,
        dt.datetime(1981, 9, 27, 3),
        "FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19950924T030000Z",
    ),
    ("standard", "CET", 2, 1, dt.datetime(1996, 10, 27, 3), "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
)


def copenhagen_zone() -> icalendar.Timezone:
    """The VTIMEZONE of Europe/Copenhagen, valid for every year from 1981 on."""
    import icalendar

    zone = icalendar.Timezone()
    zone.add("tzid", TIMEZONE)
    for kind, name, before, after, start, rule in ZONE_RULES:
        onset = icalendar.TimezoneDaylight() if kind == "daylight" else icalendar.TimezoneStandard()
        onset.add("tzname", name)
        onset.add("tzoffsetfrom", dt.timedelta(hours=before))
        onset.add("tzoffsetto", dt.timedelta(hours=after))
        onset.add("dtstart", start)
        onset.add("rrule", icalendar.vRecur.from_ical(rule))
        zone.add_component(onset)
    return zone


def _local(day: dt.date, time: str) -> dt.datetime:
    from zoneinfo import ZoneInfo

    hours, minutes = (int(part) for part in time.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=ZoneInfo(TIMEZONE))
