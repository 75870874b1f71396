"""The notat's header: the info block (Dato, Sagsnr., Dok. nr., Enhed, Sagsbehandler)."""

from __future__ import annotations

from ...i18n import format_date, label
from ...model import InfoItem
from .context import Notat, notat_date

WORDS = {
    "da": {
        "document_number": "Dok. nr.",
        "unit": "Enhed",
        "caseworker": "Sagsbehandler",
        "case_number": "Sagsnr./J.nr.",
    },
    "en": {
        "document_number": "Document no.",
        "unit": "Unit",
        "caseworker": "Case officer",
        "case_number": "Case no.",
    },
}


def info(notat: Notat) -> tuple[InfoItem, ...]:
    meta = notat.comparison.hearing.meta
    header = meta.notat
    words = WORDS.get(notat.lang, WORDS["da"])
    items = [
        InfoItem(label("date", notat.lang), format_date(notat_date(notat.comparison), notat.lang))
    ]
    if header.case_number:
        items.append(InfoItem(words["case_number"], header.case_number))
    if header.document_number:
        items.append(InfoItem(words["document_number"], header.document_number))
    unit = header.unit or meta.department
    if unit:
        items.append(InfoItem(words["unit"], unit))
    if header.caseworker:
        worker = header.caseworker
        items.append(InfoItem(words["caseworker"], worker.name))
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
