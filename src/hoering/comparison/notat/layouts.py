"""The two other layouts of section 2-3: by party (each respondent's remarks across the
topics, with the answers: the hvidbog form) and the kommenteret høringsoversigt (one table:
Høringspart | Bemærkning | Kommentar | Status). Both are followed by the authority's
comments on the general remarks and on each topic as a whole (:func:`comments_section`),
which the default layout prints under each topic: every answer is in every layout."""

from __future__ import annotations

import dataclasses

from ...i18n import label
from ...messages import ntr_in, tr_in
from ...model import nodes as n
from ...prose import number_words
from ..missing import answered
from ..model import Remark
from ..remarks import Answer
from ..sections import block_text
from .context import Notat
from .remarks import comment_blocks, missing_mark, remark_group
from .words import cell, heading, status_text


def every_remark(notat: Notat) -> list[tuple[str, Remark, Answer | None]]:
    """(topic title, remark, answer) for every remark: the general ones, then by topic."""
    general = tr_in(notat.lang, "General")
    found = [
        (general, r, notat.comparison.general_answers.get(r.respondent))
        for r in notat.comparison.unmatched
    ]
    for entry in notat.comparison.topics:
        found += [(entry.topic.title, r, entry.answers.get(r.respondent)) for r in entry.remarks]
    return found


def parties_section(notat: Notat, number: str) -> list[n.Block]:
    if not notat.comparison.respondents:  # a web form only: its own section shows them
        return []
    by_party: dict[str, list[tuple[str, Remark, Answer | None]]] = {}
    for where, remark, answer in every_remark(notat):
        by_party.setdefault(remark.respondent, []).append((where, remark, answer))
    blocks: list[n.Block] = [
        heading(1, tr_in(notat.lang, "The responses party by party"), f"{number}.")
    ]
    for index, respondent in enumerate(notat.comparison.respondents, start=1):
        blocks.append(heading(2, respondent.name, f"{number}.{index}"))
        remarks = by_party.get(respondent.name, [])
        blocks += [remark_group(notat, r, a, title=where) for where, r, a in remarks]
        if not remarks:
            blocks.append(n.Paragraph((n.Text(tr_in(notat.lang, "No remarks on the draft.")),)))
    return blocks


def table_section(notat: Notat, number: str) -> list[n.Block]:
    if not notat.comparison.respondents:  # a web form only: no letter to annotate
        return []
    lang = notat.lang
    title = tr_in(lang, "Annotated overview")
    found = every_remark(notat)
    rows = tuple(_row(notat, where, remark, answer) for where, remark, answer in found)
    tables = [
        dataclasses.replace(table, caption=_table_caption(lang, remark.respondent, where))
        for where, remark, answer in found
        for table in _tables(_said(remark, answer))
    ]
    header = (
        cell(label("party", lang)),
        cell(tr_in(lang, "Remark")),
        cell(tr_in(lang, "Comment")),
        cell(label("status", lang)),
    )
    return [
        heading(1, title, f"{number}."),
        n.Table(header, rows, caption=title, widths=(1.1, 2.6, 2.2, 1.0), row_headers=True),
        *tables,  # a table in a remark stays a table, below the overview
    ]


def _said(remark: Remark, answer: Answer | None) -> tuple[n.Block, ...]:
    """What the overview quotes: the official's summary if written, else the remark."""
    return answer.summary if answer is not None and answer.summary else remark.blocks


def _tables(blocks: tuple[n.Block, ...]) -> list[n.Table]:
    return [b for b in blocks if isinstance(b, n.Table)]


def _table_caption(lang: str, who: str, where: str) -> str:
    return tr_in(lang, "Remark of {who} ({topic})", who=who, topic=where)


def _row(
    notat: Notat, where: str, remark: Remark, answer: Answer | None
) -> tuple[n.TableCell, ...]:
    said = _said(remark, answer)
    words = " ".join(" ".join(block_text(b).split()) for b in said if not isinstance(b, n.Table))
    words = words or remark.heading
    tables = len(_tables(said))
    if tables:
        words += " " + ntr_in(
            notat.lang,
            "(see its table below the overview)",
            "(see its {count} tables below the overview)",
            tables,
            count=number_words(tables, notat.lang),
        )
    comment = " ".join(" ".join(block_text(b).split()) for b in answer.blocks) if answer else ""
    if notat.working and remark.topic is not None and not answered(answer):
        comment = missing_mark(notat, answer, remark.respondent, remark.topic)
    status = status_text(answer.status, notat.lang) if answer and answer.status else ""
    return (
        cell(remark.respondent),
        n.TableCell((n.Strong((n.Text(f"{where}:"),)), n.Text(f" {words}"))),
        cell(comment),
        cell(status),
    )


def comments_section(notat: Notat, number: str) -> list[n.Block]:
    """ "Region Hovedstadens bemærkninger": the authority's comment on the general remarks
    and on each topic as a whole, one subsection each (the working copy also names the
    topics with remarks but no comment yet); nothing when there is nothing to print."""
    comparison = notat.comparison
    parts: list[tuple[str, list[n.Block]]] = []
    if comparison.general_comment:
        parts.append((tr_in(notat.lang, "General remarks"), list(comparison.general_comment)))
    for entry in comparison.topics:
        said = comment_blocks(notat, entry.authority, entry.topic.id if entry.remarks else None)
        if said:
            parts.append((entry.topic.title, said))
    if not parts:
        return []
    blocks: list[n.Block] = [heading(1, notat.comments_title, f"{number}.")]
    for index, (title, said) in enumerate(parts, start=1):
        blocks += [heading(2, title, f"{number}.{index}"), *said]
    return blocks
