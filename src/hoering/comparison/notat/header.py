"""The notat's header: the info block (Dato, Sagsnr., Dok. nr., Enhed, Sagsbehandler)."""

from __future__ import annotations

from ...i18n import format_date, label
from ...messages import tr_in
from ...model import InfoItem
from .context import Notat, notat_date


def info(notat: Notat) -> tuple[InfoItem, ...]:
    meta = notat.comparison.hearing.meta
    header = meta.notat
    lang = notat.lang
    items = [
        InfoItem(label("date", notat.lang), format_date(notat_date(notat.comparison), notat.lang))
    ]
    if header.case_number:
        items.append(InfoItem(tr_in(lang, "Case no."), header.case_number))
    if header.document_number:
        items.append(InfoItem(tr_in(lang, "Document no."), header.document_number))
    unit = header.unit or meta.department
    if unit:
        items.append(InfoItem(tr_in(lang, "Unit"), unit))
    if header.caseworker:
        worker = header.caseworker
        items.append(InfoItem(tr_in(lang, "Case officer"), worker.name))
        if worker.email:
            items.append(
                InfoItem(label("email", notat.lang), worker.email, f"mailto:{worker.email}")
            )
        if worker.phone:
            items.append(
                InfoItem(
                    label("phone", notat.lang),
                    worker.phone,
                    "tel:" + "".join(c for c in worker.phone if c.isdigit()),
                )
            )
    return tuple(items)
