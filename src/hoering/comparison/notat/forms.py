"""The answers from a web form's export (hoering.mass): a section of their own (counts,
campaigns, organisations, numbered like the other sections; nothing when the hearing has no
form tables) and, in each topic's section, what the form's answers said on the topic."""

from __future__ import annotations

from ...model import nodes as n
from .context import Notat
from .mass import mass_sections, topic_form_part


def form_section(notat: Notat, number: str) -> list[n.Block]:
    """The answers from form tables: counts, campaigns, organisations, and the sample per
    topic unless the topics' sections show it (layout ``emner``)."""
    comparison = notat.comparison
    if comparison.mass is None:
        return []
    from ...mass.assemble import MIN_RESPONDENTS

    titles = {t.id: t.title for t in comparison.hearing.meta.topics}
    return mass_sections(
        comparison.mass,
        titles,
        MIN_RESPONDENTS,
        notat.lang,
        number,
        tally=notat.tally,
        samples=notat.options.layout != "emner",
        working=notat.working,
    )


def form_topic_part(notat: Notat, topic: str) -> list[n.Block]:
    """What the form's answers said on ``topic`` (a topic id), beside the letters."""
    mass = notat.comparison.mass
    if mass is None:
        return []
    return topic_form_part(mass, notat.tally.topic(topic), notat.lang)
