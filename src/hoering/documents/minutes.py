"""A referat on the letterhead: title block, participants, agenda, numbered items with
decisions and action items, a table of action items, next meeting and the referent."""

from __future__ import annotations

from ..i18n import format_date, format_day, label
from ..minutes.body import MinutesBody, deadline_text, read_minutes
from ..model import ArchiveRecord, Document, InfoItem
from ..model import nodes as n
from ..organisations import Organisation
from ..sources import Source
from ..sources.minutes import MinutesMeta, Person


def compose(source: Source, organisation: Organisation) -> Document:
    meta: MinutesMeta = source.meta
    body = read_minutes(source)
    top = min((b.level for b in source.blocks if isinstance(b, n.Heading)), default=2)
    lang = meta.lang
    blocks = [
        *front_matter(meta, body, top),
        *body.blocks,
        *action_table(body, lang, top),
        *next_meetings(meta, top),
    ]
    return Document(
        kind="minutes",
        lang=lang,
        title=minutes_title(meta.title, lang),
        author=organisation.name,
        date=meta.date,
        letterhead=organisation.letterhead(meta.department, lang),
        info=info_items(meta),
        blocks=tuple(blocks),
        closing=(n.Paragraph((n.Text(referent_line(meta, organisation.name)),)),),
        footnotes=tuple(source.body.footnotes),
        subject=meta.subject or meta.title,
        keywords=tuple(
            [label("minutes", lang), *([meta.hearing] if meta.hearing else []), *meta.keywords]
        ),
        source=str(source.path),
        archive=ArchiveRecord(
            meta.case_number, meta.document_number, meta.hearing, organisation.name
        ),
    )


def minutes_title(title: str, lang: str) -> str:
    """The title says the document is a referat: "Referat: Dialogmøde om …" (as it is when
    the author's title does not already say it)."""
    word = label("minutes", lang)
    return title if word.casefold() in title.casefold() else f"{word}: {title}"


def referent_line(meta: MinutesMeta, letterhead_name: str) -> str:
    """ "Referent: Thomas Petersen, udviklingskonsulent, Ishøj Kommune": the organisation the
    referent is listed under among the participants, else the referat's own."""
    person = meta.referent
    organisation = next(
        (
            org
            for org, people in meta.participants.items()
            if any(p.name == person.name for p in people)
        ),
        letterhead_name,
    )
    text = person.text
    if organisation.casefold() not in text.casefold():
        text += f", {organisation}"
    return f"{label('referent', meta.lang)}: {text}"


def info_items(meta: MinutesMeta) -> tuple[InfoItem, ...]:
    lang = meta.lang
    items = [InfoItem(label("date", lang), format_date(meta.date, lang))]
    if meta.time_text:
        items.append(InfoItem(label("time", lang), meta.time_text))
    if meta.place:
        items.append(InfoItem(label("place", lang), meta.place))
    if meta.case_number:
        items.append(InfoItem(label("case_number", lang), meta.case_number))
    if meta.document_number:
        items.append(InfoItem(label("document_number", lang), meta.document_number))
    return tuple(items)


def _labelled(name: str, text: str) -> n.Paragraph:
    return n.Paragraph((n.Strong((n.Text(f"{name}:"),)), n.Text(f" {text}")))


def _people(people: list[Person]) -> str:
    return ", ".join(person.text for person in people)


def _cell(text: str) -> n.TableCell:
    return n.TableCell((n.Text(text),))


def front_matter(meta: MinutesMeta, body: MinutesBody, top: int) -> list[n.Block]:
    lang = meta.lang
    blocks: list[n.Block] = []
    if meta.subject:
        blocks.append(_labelled(label("subject", lang), meta.subject))
    blocks.append(n.Heading(top, (n.Text(label("participants", lang)),)))
    blocks.append(
        n.Table(
            (_cell(label("organisation", lang)), _cell(label("participants", lang))),
            tuple(
                (_cell(org), _cell(_people(people))) for org, people in meta.participants.items()
            ),
            caption=label("participants", lang),
        )
    )
    if meta.absent:
        absent = "; ".join(f"{_people(people)} ({org})" for org, people in meta.absent.items())
        blocks.append(_labelled(label("absent", lang), absent))
    if meta.chair:
        blocks.append(_labelled(label("chair", lang), meta.chair.text))
    if body.agenda:
        blocks.append(n.Heading(top, (n.Text(label("agenda", lang)),)))
        items = tuple(
            n.ListItem((n.Paragraph((n.Text(item.split(" ", 1)[1]),)),)) for item in body.agenda
        )
        blocks.append(n.OrderedList(items))
    return blocks


def action_table(body: MinutesBody, lang: str, top: int) -> list[n.Block]:
    if not body.actions:
        return []
    rows = tuple(
        (
            _cell(a.owner),
            _cell(a.task),
            _cell(deadline_text(a, lang) if a.deadline else label("no_deadline", lang)),
            _cell(label("done", lang) if a.done else label("open", lang)),
        )
        for a in body.actions
    )
    header = tuple(_cell(label(key, lang)) for key in ("who", "what", "when", "status"))
    return [
        n.Heading(top, (n.Text(label("action_items", lang)),)),
        n.Table(header, rows, caption=label("action_items", lang)),
    ]


def next_meetings(meta: MinutesMeta, top: int) -> list[n.Block]:
    lang = meta.lang
    if not meta.next_meetings:
        return []
    one = len(meta.next_meetings) == 1
    title = label("next_meeting", lang) if one else label("next_meetings", lang)
    blocks: list[n.Block] = [n.Heading(top, (n.Text(title),))]
    for meeting in meta.next_meetings:
        text = format_day(meeting.date, lang)
        if meeting.time:
            at = label("at_time", lang)
            text += f" {at} {meeting.time}" + (f"–{meeting.end}" if meeting.end else "")
        if meeting.place:
            text += f", {meeting.place}"
        text += "."
        if meeting.invites:
            text += f" {meeting.invites} {label('invites', lang)}."
        blocks.append(n.Paragraph((n.Text(text[0].upper() + text[1:]),)))
    return blocks
