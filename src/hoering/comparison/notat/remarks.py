"""Sections 2 and 3: each remark quoted whole (or the official's summary), followed by the
authority's answer and its status; the general remarks first, then topic by topic."""

from __future__ import annotations

import os

from ...i18n import format_date, label
from ...messages import ntr_in, tr_in
from ...model import nodes as n
from ...model.stances import NO_STANCE, ORDER
from ...prose import capitalised, number_words, stance_counts
from ..missing import answered
from ..model import Remark, Respondent, TopicRemarks
from ..remarks import Answer
from .context import Notat
from .forms import form_topic_part
from .words import heading, shared_note, stance_text, status_text, text

# A published notat quotes this many remarks per topic (and general remarks) at most; the
# working copy (the HTML report) quotes every one. A mass consultation's thousands of
# remarks belong in its counts and campaigns, not in a 2,000-page PDF.
PER_TOPIC_ON_PAPER = 100


def general_section(notat: Notat, number: str) -> list[n.Block]:
    comparison = notat.comparison
    blocks: list[n.Block] = [heading(1, tr_in(notat.lang, "General remarks"), f"{number}.")]
    answers = comparison.general_answers
    shown = comparison.unmatched if notat.working else comparison.unmatched[:PER_TOPIC_ON_PAPER]
    blocks += [remark_group(notat, r, answers.get(r.respondent)) for r in shown]
    if len(shown) < len(comparison.unmatched):
        blocks.append(text(_more(notat, len(comparison.unmatched) - len(shown))))
    if not comparison.unmatched:
        blocks.append(text(tr_in(notat.lang, "No response has remarks outside the topics.")))
    if comparison.general_comment:  # a lead, not a heading: section 2 has no subsections
        blocks += [
            n.Paragraph((n.Strong((n.Text(f"{notat.comments_title}:"),)),), keep_with_next=True),
            *comparison.general_comment,
        ]
    return blocks


def topics_section(notat: Notat, number: str) -> list[n.Block]:
    blocks: list[n.Block] = [heading(1, tr_in(notat.lang, "Remarks on each topic"), f"{number}.")]
    for index, entry in enumerate(notat.comparison.topics, start=1):
        blocks.append(
            n.Group(
                "topic",
                tuple(topic_part(notat, entry, f"{number}.{index}")),
                (("topic", entry.topic.id),),
            )
        )
    return blocks


def topic_part(notat: Notat, entry: TopicRemarks, number: str) -> list[n.Block]:
    topic = entry.topic
    blocks: list[n.Block] = [heading(2, topic.title, number), *_topic_intro(notat, entry)]
    shown = 0
    for stance, remarks in entry.by_stance():
        blocks.append(heading(3, f"{label(stance + '_group', notat.lang)} ({len(remarks)})"))
        for remark in remarks:
            if notat.working or shown < PER_TOPIC_ON_PAPER:
                blocks.append(remark_group(notat, remark, entry.answers.get(remark.respondent)))
            shown += 1
    if shown > PER_TOPIC_ON_PAPER and not notat.working:
        blocks.append(text(_more(notat, shown - PER_TOPIC_ON_PAPER)))
    blocks += form_topic_part(notat, topic.id)
    blocks += _comment(notat, entry.authority, topic.id)
    return blocks


def _topic_intro(notat: Notat, entry: TopicRemarks) -> list[n.Block]:
    """ "Fem bemærkninger fra tre høringssvar om udkastets afsnit 3: fire positive og en
    bekymring." The section's number never ends a sentence (it would read as 3.5)."""
    lang = notat.lang
    section = entry.topic.section
    tally = notat.tally.topic(entry.topic.id)
    if not tally.total:
        if section:
            return [
                text(
                    tr_in(
                        lang,
                        "No response mentions this topic (section {section} of the draft).",
                        section=section,
                    )
                )
            ]
        return [text(tr_in(lang, "No response mentions this topic."))]
    if not tally.letter_total:
        return (
            [text(tr_in(lang, "The topic is section {section} of the draft.", section=section))]
            if section
            else []
        )
    return [
        text(_counted(lang, tally.letter_total, tally.letter_respondents, tally.letters, section))
    ]


def _counted(
    lang: str, remarks: int, respondents: int, stances: tuple[int, ...], section: str | None
) -> str:
    responses = ntr_in(
        lang,
        "one response",
        "{count} responses",
        respondents,
        count=number_words(respondents, lang),
    )
    values = {
        "count": number_words(remarks, lang),
        "responses": responses,
        "parts": stance_counts(list(zip(ORDER, stances, strict=True)), lang),
    }
    if section:
        return capitalised(
            ntr_in(
                lang,
                "One remark from {responses} on section {section} of the draft: {parts}.",
                "{count} remarks from {responses} on section {section} of the draft: {parts}.",
                remarks,
                section=section,
                **values,
            )
        )
    return capitalised(
        ntr_in(
            lang,
            "One remark from {responses}: {parts}.",
            "{count} remarks from {responses}: {parts}.",
            remarks,
            **values,
        )
    )


def _comment(notat: Notat, blocks: tuple[n.Block, ...], topic: str | None) -> list[n.Block]:
    """The authority's comment on the topic as a whole, under its own heading."""
    said = comment_blocks(notat, blocks, topic)
    return [heading(3, notat.comments_title), *said] if said else []


def comment_blocks(notat: Notat, blocks: tuple[n.Block, ...], topic: str | None) -> list[n.Block]:
    """The authority's comment on a topic as a whole; in the working copy, where it is
    still missing, a placeholder that says where to write it (``topic``: its id)."""
    if blocks:
        return list(blocks)
    if notat.working and topic is not None:
        return [text(label("placeholder", notat.lang).format(id=topic))]
    return []


def remark_group(
    notat: Notat, remark: Remark, answer: Answer | None, title: str | None = None
) -> n.Group:
    """One remark: who (and with what stance), the words, then the answer. ``title``
    replaces the respondent's name as the lead (the by-party layout names the topic)."""
    lead: list[n.Inline] = [n.Strong((n.Text(title or remark.respondent),))]
    if remark.stance != NO_STANCE:
        lead.append(n.Text(f" – {stance_text(remark.stance, notat.lang)}"))
    respondent = _respondent(notat, remark.respondent)
    if respondent is not None and respondent.answered_twice and remark.date is not None:
        answer_of = tr_in(notat.lang, "response of")
        lead.append(n.Text(f" ({answer_of} {format_date(remark.date, notat.lang)})"))
    blocks: list[n.Block] = [n.Paragraph(tuple(lead), keep_with_next=True)]
    said = answer.summary if answer is not None and answer.summary else remark.blocks
    blocks.append(n.BlockQuote(said or (n.Paragraph((n.Text(remark.heading),)),)))
    notes = _notes(notat, remark)
    if notes:
        blocks.append(n.Paragraph(tuple(notes)))
    # a remark on no topic (often the courtesy lines) needs no answer: no placeholder
    blocks += answer_blocks(notat, answer, remark.respondent, remark.topic)
    data = (
        ("topic", remark.topic or ""),
        ("respondent", remark.respondent),
        ("stance", remark.stance),
    )
    return n.Group("remark", tuple(blocks), data)


def answer_blocks(
    notat: Notat, answer: Answer | None, who: str, topic: str | None = None
) -> list[n.Block]:
    """The authority's answer (status and text); in the working copy, where it is missing
    for a remark on ``topic`` (an id), a mark that says where to write it."""
    if not answered(answer):
        missing = notat.working and topic is not None
        return (
            [n.Paragraph((n.Strong((n.Text(missing_mark(notat, answer, who, topic or "")),)),))]
            if missing
            else []
        )
    assert answer is not None
    lead: list[n.Inline] = [n.Strong((n.Text(tr_in(notat.lang, "Comment") + ":"),))]
    if answer.status:
        lead.append(n.Text(" "))
        lead.append(n.Emphasis((n.Text(status_text(answer.status, notat.lang)),)))
    return [n.Paragraph(tuple(lead), keep_with_next=bool(answer.blocks)), *answer.blocks]


def missing_mark(notat: Notat, answer: Answer | None, who: str, topic: str) -> str:
    """ "[Intet svar endnu: skriv det i remarks.md, linje 14 …]": where the answer goes."""
    if answer is not None and answer.line is not None:
        return tr_in(
            notat.lang,
            "[No answer yet: write it in remarks.md, line {line}, under '### {who}'.]",
            line=answer.line,
            who=who,
        )
    return tr_in(
        notat.lang,
        "[No answer yet: write it in remarks.md under '## {topic}', '### {who}'.]",
        topic=topic,
        who=who,
    )


def _notes(notat: Notat, remark: Remark) -> list[n.Inline]:
    """Shared wording always; in the working copy also where it is and what is guessed."""
    notes: list[list[n.Inline]] = []
    if remark.shared_with:
        notes.append([n.Text(shared_note(remark.shared_with, notat.lang))])
    if notat.working:
        where = f"{remark.path.parent.name}/{remark.path.name}:{remark.line or 1}"
        if notat.options.links_from is not None:
            target = os.path.relpath(remark.path, notat.options.links_from)
            notes.append([n.Link(target.replace(os.sep, "/"), (n.Text(where),), own=True)])
        else:
            notes.append([n.Text(where)])
        if remark.guessed:
            notes.append([n.Text(label("guessed_note", notat.lang))])
    if not notes:
        return []
    inlines: list[n.Inline] = [n.Text("(")]
    for index, note in enumerate(notes):
        inlines += ([n.Text("; ")] if index else []) + note
    return [n.Emphasis((*inlines, n.Text(")")))]


def _more(notat: Notat, count: int) -> str:
    """What a published notat says about the remarks it leaves out."""
    return ntr_in(
        notat.lang,
        "… and {n} more remark; all of them are in the full overview of the responses.",
        "… and {n} more remarks; all of them are in the full overview of the responses.",
        count,
    )


def _respondent(notat: Notat, name: str) -> Respondent | None:
    return notat.respondents.get(name)
