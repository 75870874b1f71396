"""Action items in a referat: task-list items that name who does what, by when.

    - [ ] @Distriktspsykiatrien: sender mulige datoer for dialogmøder — 1. august 2019
    - [x] @Ishøj Kommune: inviterer til første møde — september 2019

The owner follows ``@`` and ends at the first colon (so it may hold spaces); the deadline
follows the last dash (— or –, or "frist:"). A deadline is an exact date in any Danish form,
or a period ("september 2019", "uge 38", "inden næste møde") kept as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..dates import end_of_period, is_period, looks_like_date, parse_date, week_number_problem
from ..errors import SourceError
from ..messages import tr
from ..model import nodes as n

OWNER = re.compile(r"^\s*@(?P<owner>[^:\n]+?)\s*:\s*(?P<rest>.*)$", re.DOTALL)
DEADLINE = re.compile(
    r"^(?P<task>.*?)\s*(?:\s[—–]\s*|\s--\s*|[(,;]?\s*\bfrist\s*:?\s+|"
    r"[(,;]?\s*\bdeadline\s*:?\s+)(?P<deadline>[^—–]+?)\)?\s*$",
    re.DOTALL | re.IGNORECASE,
)
NEXT_MEETING = re.compile(r"\b(næste|kommende)\s+møde|\bnext\s+meeting", re.IGNORECASE)
SYNTAX = '"- [ ] @Hvem: hvad — frist"'
EXAMPLE = '"- [ ] @Ishøj Kommune: sender oversigten — 1/9-2019"'


@dataclass(frozen=True)
class ActionItem:
    owner: str
    task: str
    deadline: str | None  # as written
    due: dt.date | None  # the exact date, or the end of the period when it names one
    exact: bool  # the deadline is an exact date
    done: bool
    line: int | None

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due is not None and self.due < today


def parse_item(
    item: n.ListItem,
    path: Path,
    next_meeting: dt.date | None = None,
    meeting: dt.date | None = None,
) -> ActionItem:
    """The action item a task-list item states; a clear error when it names no owner or
    its deadline is neither a date nor a period. ``meeting`` is the meeting's date: a
    week without a year ("uge 38") is the first such week after it."""
    first = item.blocks[0] if item.blocks else None
    text = n.plain_text(first.children).strip() if isinstance(first, n.Paragraph) else ""
    owner = OWNER.match(text)
    if not owner:
        raise SourceError(
            path,
            tr("action item has no owner"),
            line=item.line,
            hint=tr("write it as {syntax}, e.g. {example}", syntax=SYNTAX, example=EXAMPLE),
        )
    rest = " ".join(owner.group("rest").split())
    task, deadline = rest, None
    split = DEADLINE.match(rest)
    if split and split.group("task"):
        task, deadline = split.group("task").rstrip(" ,;("), split.group("deadline").strip()
    if not task:
        raise SourceError(
            path,
            tr("action item for {owner} says nothing to do", owner=owner.group("owner")),
            line=item.line,
            hint=tr("write it as {syntax}, e.g. {example}", syntax=SYNTAX, example=EXAMPLE),
        )
    due, exact = _due(deadline, path, item.line, next_meeting, meeting)
    return ActionItem(
        owner.group("owner").strip(), task, deadline, due, exact, bool(item.checked), item.line
    )


def _due(
    deadline: str | None,
    path: Path,
    line: int | None,
    next_meeting: dt.date | None,
    meeting: dt.date | None,
) -> tuple[dt.date | None, bool]:
    if deadline is None:
        return None, False
    exact = parse_date(deadline)
    if exact is not None:
        return exact, True
    if looks_like_date(deadline):
        raise SourceError(
            path,
            tr("deadline '{deadline}' is not a date in the calendar", deadline=deadline),
            line=line,
            hint=tr("check the day and the month"),
        )
    if not is_period(deadline):
        raise SourceError(
            path,
            tr("deadline '{deadline}' is neither a date nor a period", deadline=deadline),
            line=line,
            hint=tr(
                'write a date ("1. september 2019", "1/9-2019") '
                'or a period ("september 2019", "uge 38", '
                '"inden næste møde")'
            ),
        )
    week = week_number_problem(deadline)
    if week:
        raise SourceError(
            path,
            tr("deadline '{deadline}': {problem}", deadline=deadline, problem=week),
            line=line,
            hint=tr('write the week as "uge 38", or a date'),
        )
    if NEXT_MEETING.search(deadline) and next_meeting is not None:
        return next_meeting, False
    return end_of_period(deadline, meeting), False
