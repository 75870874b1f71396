"""Section 4, "Ændringer som følge af høringen": every answer that met a remark wholly or
in part, with its topic, and the text under ``## Ændringer`` in remarks.md."""

from __future__ import annotations

from ...messages import ntr_in, tr_in
from ...model import nodes as n
from ...prose import capitalised, number_words
from ..missing import missing_answers
from ..remarks import MET, Answer
from .context import Notat
from .words import heading, status_text, text


def changes_section(notat: Notat, number: str) -> list[n.Block]:
    lang = notat.lang
    items = [_item(notat, where, answer) for where, answer in met_answers(notat)]
    title = tr_in(lang, "Changes made because of the consultation")
    blocks: list[n.Block] = [heading(1, title, f"{number}.")]
    if items:
        blocks.append(n.BulletList(tuple(items)))
    blocks += notat.comparison.authority.changes
    missing = len(missing_answers(notat.comparison))
    if missing:  # no claim that the list is complete while answers are missing
        blocks.append(text(missing_sentence(lang, missing)))
    elif not items and not notat.comparison.authority.changes:
        blocks.append(text(tr_in(lang, "The consultation has not led to changes in the draft.")))
    return blocks


def missing_sentence(lang: str, count: int) -> str:
    """What the notat says while ``count`` answers are missing."""
    return capitalised(
        ntr_in(
            lang,
            "One answer to the remarks is still missing; any change it leads to is not listed "
            "here.",
            "{count} answers to the remarks are still missing; any changes they lead to are not "
            "listed here.",
            count,
            count=number_words(count, lang, neuter=True),
        )
    )


def met_answers(notat: Notat) -> list[tuple[str, Answer]]:
    """(topic title, answer) for every answer imødekommet or delvist, in the notat's order."""
    general = tr_in(notat.lang, "General")
    found = [(general, a) for a in notat.comparison.general_answers.values()]
    for entry in notat.comparison.topics:
        found += [(entry.topic.title, a) for a in entry.answers.values()]
    return [(where, a) for where, a in found if a.status in MET]


def _item(notat: Notat, where: str, answer: Answer) -> n.ListItem:
    lead = n.Paragraph(
        (
            n.Strong((n.Text(where),)),
            n.Text(
                f" – {answer.respondent} ({status_text(answer.status or '', notat.lang).lower()}):"
            ),
        ),
        keep_with_next=bool(answer.blocks),
    )
    return n.ListItem((lead, *answer.blocks))
