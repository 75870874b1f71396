"""The section on answers from a web form's export (hoering.mass): counts, campaigns,
organisations and a sample per topic, numbered like the other sections; nothing when the
hearing has no form tables."""

from __future__ import annotations

from ...mass.notat import mass_sections
from ...model import nodes as n
from .context import Notat


def form_section(notat: Notat, number: str) -> list[n.Block]:
    """The answers from form tables (hoering.mass): counts, campaigns, organisations and a
    sample per topic; nothing when the hearing has none."""
    comparison = notat.comparison
    if comparison.mass is None:
        return []
    from ...mass.assemble import MIN_RESPONDENTS

    titles = {t.id: t.title for t in comparison.hearing.meta.topics}
    return mass_sections(comparison.mass, titles, MIN_RESPONDENTS, notat.lang, number)
