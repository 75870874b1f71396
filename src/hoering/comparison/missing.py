"""The answers remarks.md does not give yet: every respondent's remarks on a topic that
have no answer (no entry, or an entry left empty). ``compare`` warns with their count and
the first of them; the published notat does not call itself complete while there are any,
and the working copy marks each one where it belongs."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import display_path
from ..messages import ntr, tr
from .model import Comparison, Remark, TopicRemarks
from .remarks import REMARKS_FILE, Answer

NAMED = 3  # the warning names this many missing answers


@dataclass(frozen=True)
class MissingAnswer:
    """No answer to ``respondent``'s remarks on ``topic`` (an id): ``line`` is the empty
    entry's heading in remarks.md, None when remarks.md has no entry for it."""

    respondent: str
    topic: str
    line: int | None = None


def answered(answer: Answer | None) -> bool:
    """An entry counts as an answer once it says something or has a status."""
    return answer is not None and bool(answer.blocks or answer.status)


def missing_answers(comparison: Comparison) -> list[MissingAnswer]:
    """In the notat's order: topic by topic, each respondent once."""
    return [found for entry in comparison.topics for found in _missing_on(entry)]


def _missing_on(entry: TopicRemarks) -> list[MissingAnswer]:
    names = dict.fromkeys(r.respondent for _, remarks in entry.by_stance() for r in remarks)
    return [
        MissingAnswer(who, entry.topic.id, answer.line if answer is not None else None)
        for who in names
        if not answered(answer := entry.answers.get(who))
    ]


def missing_answers_warnings(comparison: Comparison) -> list[str]:
    """One warning: how many remarks have no answer, and where the first ones belong."""
    missing = missing_answers(comparison)
    if not missing:
        return []
    path = comparison.authority.path or comparison.hearing.folder / REMARKS_FILE
    where = display_path(path)
    if comparison.authority.path is None:
        return [
            ntr(
                "{path} does not exist: the answer to {n} remark is missing "
                "('hoering remarks {hearing}' makes the file with a place for it)",
                "{path} does not exist: all {n} answers are missing "
                "('hoering remarks {hearing}' makes the file with a place for each)",
                len(missing),
                path=where,
                hearing=display_path(comparison.hearing.folder),
            )
        ]
    first = "; ".join(_entry(found) for found in missing[:NAMED])
    more = len(missing) - NAMED
    if more > 0:
        first += "; " + tr("and {n} more", n=more)
    return [
        ntr(
            "{path}: {n} answer is missing: {first}",
            "{path}: {n} answers are missing, the first: {first}",
            len(missing),
            path=where,
            first=first,
        )
    ]


def _entry(found: MissingAnswer) -> str:
    if found.line is not None:
        return tr(
            "line {line}: '### {who}' under '## {topic}' (empty)",
            line=found.line,
            who=found.respondent,
            topic=found.topic,
        )
    return tr(
        "'### {who}' under '## {topic}' (missing)",
        who=found.respondent,
        topic=found.topic,
    )


def unplaced_answers_warnings(comparison: Comparison) -> list[str]:
    """A warning for each answer in remarks.md to a respondent who made no remark there
    (the topic, or the general remarks): it has no place in the notat, so it is printed
    nowhere — said, not silently dropped."""
    path = comparison.authority.path
    if path is None:
        return []
    found = [
        (section, answer)
        for entry in comparison.topics
        for section, answer in _unplaced(entry.topic.id, entry.answers, entry.remarks)
    ]
    found += _unplaced(GENERAL_HEADING, comparison.general_answers, comparison.unmatched)
    return [
        tr(
            "{where}: '### {who}' under '## {section}' answers no remark of {who} there; "
            "it is not printed (move it to where {who} made the remark)",
            where=f"{display_path(path)}:{answer.line or 1}",
            who=answer.respondent,
            section=section,
        )
        for section, answer in found
    ]


GENERAL_HEADING = "Generelle bemærkninger"


def _unplaced(
    section: str, answers: dict[str, Answer], remarks: tuple[Remark, ...]
) -> list[tuple[str, Answer]]:
    said = {r.respondent for r in remarks}
    return [(section, a) for who, a in answers.items() if who not in said and answered(a)]
