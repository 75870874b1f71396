"""A referat's body as written → as printed: agenda items numbered, decisions set apart,
action items read (owner, task, deadline). Every problem is reported at once, with its line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..dates import implausible_year
from ..errors import SourceError, SourceErrors, display_path
from ..i18n import format_date, label
from ..messages import tr
from ..model import nodes as n
from ..sources import Source
from .actions import ActionItem, parse_item

HAND_NUMBER = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)*\.?)\s+\S")
DECISION = re.compile(r"^\s*(beslutning|decision)\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class MinutesBody:
    blocks: tuple[n.Block, ...]
    agenda: tuple[str, ...]  # "1. Velkomst", in order
    actions: tuple[ActionItem, ...]


def read_minutes(source: Source) -> MinutesBody:
    """The body read as minutes; adds a warning for each next meeting dated in the past."""
    meta = source.meta
    body = read_body(source.blocks, source.path, meta.lang, meta.next_meeting_date, meta.date)
    for index, meeting in enumerate(meta.next_meetings):
        line = source.raw.line_of(("next_meetings", index, "date"))
        if implausible_year(meeting.date, meta.date):
            _warn(source, _far_year(source, line, "next_meetings", meeting.date))
        elif meeting.date < meta.date:
            _warn(
                source,
                f"{display_path(source.path)}:{line}: next_meetings: "
                + tr(
                    "{date} is before this meeting ({meeting}); is the year right?",
                    date=meeting.date,
                    meeting=meta.date,
                ),
            )
    for action in body.actions:
        if action.exact and action.due is not None and implausible_year(action.due, meta.date):
            _warn(source, _far_year(source, action.line, "deadline", action.due))
    return body


def _far_year(source: Source, line: int | None, what: str, value: dt.date) -> str:
    """ "…:12: deadline: 2062-06-01 is far from the meeting (2026-06-19): 2062 — did you
    mean 2026?"."""
    meant = implausible_year(value, source.meta.date)
    return f"{display_path(source.path)}:{line}: {what}: " + tr(
        "{date} is far from the meeting's date ({meeting}): {year} — did you mean {meant}?",
        date=value,
        meeting=source.meta.date,
        year=value.year,
        meant=meant,
    )


def _warn(source: Source, warning: str) -> None:
    if warning not in source.warnings:
        source.warnings.append(warning)


def read_body(
    blocks: list[n.Block],
    path: Path,
    lang: str,
    next_meeting: dt.date | None = None,
    meeting: dt.date | None = None,
) -> MinutesBody:
    """The blocks read as minutes; ``meeting`` and ``next_meeting`` (dates) give the due
    dates of deadlines such as "uge 38" and "inden næste møde"."""
    when = (next_meeting, meeting)
    errors: list[SourceError] = []
    actions: list[ActionItem] = []
    levels = [b.level for b in blocks if isinstance(b, n.Heading)]
    top = min(levels, default=2)
    agenda: list[str] = []
    out: list[n.Block] = []
    for block in blocks:
        if isinstance(block, n.Heading) and block.level == top:
            text = n.plain_text(block.children).strip()
            hand = HAND_NUMBER.match(text)
            if hand:
                errors.append(
                    SourceError(
                        path,
                        tr("agenda item '{text}' is numbered by hand", text=text),
                        line=block.line,
                        hint=tr(
                            "remove '{number}': hoering numbers agenda items itself",
                            number=hand.group("number"),
                        ),
                    )
                )
                continue
            number = f"{len(agenda) + 1}."
            agenda.append(f"{number} {text}")
            out.append(dataclasses.replace(block, number=number))
        else:
            out.append(_block(block, path, lang, when, actions, errors))
    if errors:
        raise SourceErrors(errors)
    return MinutesBody(tuple(out), tuple(agenda), tuple(actions))


def _block(
    block: n.Block,
    path: Path,
    lang: str,
    when: tuple[dt.date | None, dt.date | None],
    actions: list[ActionItem],
    errors: list[SourceError],
) -> n.Block:
    if isinstance(block, n.Paragraph):
        return _decision(block, lang) or block
    if isinstance(block, n.BulletList | n.OrderedList):
        items = tuple(_item(item, path, lang, when, actions, errors) for item in block.items)
        return dataclasses.replace(block, items=items)
    if isinstance(block, n.BlockQuote):
        inner = tuple(_block(b, path, lang, when, actions, errors) for b in block.blocks)
        return dataclasses.replace(block, blocks=inner)
    return block


def _item(
    item: n.ListItem,
    path: Path,
    lang: str,
    when: tuple[dt.date | None, dt.date | None],
    actions: list[ActionItem],
    errors: list[SourceError],
) -> n.ListItem:
    blocks = tuple(_block(b, path, lang, when, actions, errors) for b in item.blocks)
    if item.checked is None:
        return dataclasses.replace(item, blocks=blocks)
    try:
        action = parse_item(item, path, *when)
    except SourceError as exc:
        errors.append(exc)
        return item
    actions.append(action)
    return dataclasses.replace(
        item, blocks=(action_paragraph(action, lang, item.line), *blocks[1:])
    )


def action_paragraph(action: ActionItem, lang: str, line: int | None) -> n.Paragraph:
    """ "**Ishøj Kommune:** sender oversigten (frist: 1. september 2019)"."""
    runs: list[n.Inline] = [n.Strong((n.Text(f"{action.owner}:"),)), n.Text(f" {action.task}")]
    if action.deadline:
        runs.append(n.Text(f" ({label('deadline', lang).lower()}: {deadline_text(action, lang)})"))
    return n.Paragraph(tuple(runs), line=line)


def deadline_text(action: ActionItem, lang: str) -> str:
    if action.exact and action.due is not None:
        return format_date(action.due, lang)
    return action.deadline or ""


def _decision(paragraph: n.Paragraph, lang: str) -> n.Callout | None:
    """A paragraph starting "Beslutning:" (also in bold) becomes a decision callout."""
    children = [c for c in paragraph.children if not (isinstance(c, n.Text) and not c.text)]
    if not children:
        return None
    first = children[0]
    if isinstance(first, n.Strong) and DECISION.match(n.plain_text(first.children)):
        rest = DECISION.sub("", n.plain_text(first.children), count=1)
        children[0] = n.Strong((n.Text(rest),)) if rest.strip() else n.Text("")
    elif isinstance(first, n.Text) and DECISION.match(first.text):
        children[0] = n.Text(DECISION.sub("", first.text, count=1))
    else:
        return None
    while (
        children
        and isinstance(children[0], n.Text | n.SoftBreak)
        and not (isinstance(children[0], n.Text) and children[0].text.strip())
    ):
        children = children[1:]
    if children and isinstance(children[0], n.Text):
        children[0] = n.Text(children[0].text.lstrip())
    text = n.Paragraph(tuple(children), line=paragraph.line)
    return n.Callout("decision", label("decision", lang), (text,), line=paragraph.line)
