"""A høringssvar as a letter: info block, recipient, title, body and signature."""

from __future__ import annotations

from ..i18n import format_date, label
from ..model import ArchiveRecord, Document, InfoItem
from ..model import nodes as n
from ..organisations import Organisation
from ..sources import Source
from ..sources.response import ResponseMeta


def compose(source: Source, organisation: Organisation) -> Document:
    meta: ResponseMeta = source.meta
    return Document(
        kind="response",
        lang=meta.lang,
        title=meta.title,
        author=organisation.name,
        date=meta.date,
        letterhead=organisation.letterhead(meta.department, meta.lang),
        info=info_items(meta),
        recipient=tuple(meta.recipient),
        blocks=tuple(source.body.blocks),
        closing=signature_blocks(meta),
        footnotes=tuple(source.body.footnotes),
        subject=meta.title,
        keywords=tuple([label("response", meta.lang), meta.hearing, *meta.keywords]),
        source=str(source.path),
        archive=ArchiveRecord(
            meta.case_number, meta.document_number, meta.hearing, organisation.name
        ),
    )


def info_items(meta: ResponseMeta) -> tuple[InfoItem, ...]:
    lang = meta.lang
    items = [InfoItem(label("date", lang), format_date(meta.date, lang))] if meta.date else []
    if meta.case_number:
        items.append(InfoItem(label("case_number", lang), meta.case_number))
    if meta.document_number:
        items.append(InfoItem(label("document_number", lang), meta.document_number))
    contact = meta.contact
    if contact is not None:
        name = f"{contact.name}, {contact.title}" if contact.title else contact.name
        items.append(InfoItem(label("contact", lang), name))
        if contact.email:
            items.append(InfoItem(label("email", lang), contact.email, f"mailto:{contact.email}"))
        if contact.phone:
            digits = "".join(ch for ch in contact.phone if ch.isdigit() or ch == "+")
            items.append(InfoItem(label("phone", lang), contact.phone, f"tel:{digits}"))
    return tuple(items)


def signature_blocks(meta: ResponseMeta) -> tuple[n.Block, ...]:
    signature = meta.signature
    if signature is None:
        return ()
    blocks: list[n.Block] = []
    if signature.on_behalf_of:
        text = f"{label('on_behalf_of', meta.lang)} {signature.on_behalf_of}"
        blocks.append(n.Paragraph((n.Text(text),)))
    for person in signature.signatories:
        lines: list[n.Inline] = [n.Strong((n.Text(person.name),))]
        if person.title:
            lines += [n.LineBreak(), n.Text(person.title)]
        blocks.append(n.Paragraph(tuple(lines)))
    return tuple(blocks)
