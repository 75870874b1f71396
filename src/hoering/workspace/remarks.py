"""The official's answers written into ``remarks.md`` (re-exported by :mod:`.edits`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..comparison.collect import compare
from ..comparison.model import Comparison
from ..comparison.notat.context import notat_lang
from ..comparison.remarks import REMARKS_FILE, STATUSES, read_remarks
from ..config import Config
from ..errors import HoeringError
from ..messages import tr, tr_in
from .answers import (
    MAX_ANSWER,
    MAX_SUMMARY,
    Part,
    RemarksLines,
    quoted,
    section_key,
    starts_with_quote,
    text_lines,
)
from .files import EditRefused, FileVersion, check_topic, hearing_file, read, refused, save


def read_remarks_file(hearing: Path) -> FileVersion:
    """The hearing's remarks.md as the page reads it (version ABSENT while there is none)."""
    return read(hearing_file(hearing, REMARKS_FILE))


def answer_remark(
    hearing: Path,
    version: str,
    topic: str | None,
    respondent: str,
    answer: str,
    status: str | None,
    summary: str = "",
    *,
    comparison: Comparison | None = None,
    config: Config | None = None,
) -> FileVersion:
    """The authority's ``answer`` (Markdown, no headings) and ``status`` (one of
    imoedekommet, delvist, ikke-imoedekommet, noteret; None: not set) to ``respondent``'s
    remarks on ``topic`` (an id; None: the general remarks), with the official's short
    ``summary`` of the remark ("" for none). The entry is rewritten in place, or added at
    the end of its topic. ``comparison``: the hearing as the page read it (else read now)."""
    comparison = comparison or compare(Path(hearing), config=config)
    who = _respondent(comparison, respondent)
    _check_status(status)
    check_topic(comparison.hearing.topics, topic)
    new = _entry_text(summary, answer)

    def change(text: str) -> str:
        lines = RemarksLines(text)
        entry = _written_entry(lines, comparison, topic, who, new)
        lines.set_heading(entry, {"status": status})
        return lines.text

    return _save(hearing, version, comparison, change)


def _check_status(status: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise refused(
            tr("'{status}' is not a status", status=status[:80]),
            tr("use one of {statuses}", statuses=", ".join(STATUSES)),
        )


def _entry_text(summary: str, answer: str) -> list[str]:
    """The lines of an entry: the summary quoted, a blank line, the answer."""
    summary_lines = text_lines(summary, tr("the summary"), MAX_SUMMARY)
    answer_lines = text_lines(answer, tr("the answer"), MAX_ANSWER)
    if starts_with_quote(answer_lines):
        raise EditRefused(
            tr(
                "the answer: it cannot start with a quote ('>'), which would be read as the "
                "summary; write the summary in its own field"
            )
        )
    gap = [""] if summary_lines and answer_lines else []
    return [*quoted(summary_lines), *gap, *answer_lines]


def _written_entry(
    lines: RemarksLines, comparison: Comparison, topic: str | None, who: str, new: list[str]
) -> Part:
    """``who``'s entry under ``topic`` with ``new`` as its text: rewritten in place, or added
    at the end of the topic."""
    section = _section(lines, comparison, topic)
    entry = _entry(lines, section, comparison, who)
    if entry is not None:
        lines.replace_text(lines.below(entry), entry.stop, new)
        return entry
    heading = f"{'#' * (lines.top + 1)} {who}"
    lines.insert(lines.end_of(section), [heading, *([""] + new if new else [])])
    added = _entry(lines, _section(lines, comparison, topic), comparison, who)
    assert added is not None
    return added


def answer_topic(
    hearing: Path,
    version: str,
    topic: str | None,
    text: str,
    *,
    comparison: Comparison | None = None,
    config: Config | None = None,
) -> FileVersion:
    """The authority's answer to ``topic`` as a whole (an id; None: the general remarks):
    the text under its heading, before the first respondent's entry."""
    comparison = comparison or compare(Path(hearing), config=config)
    check_topic(comparison.hearing.topics, topic)
    new = text_lines(text, tr("the answer"), MAX_ANSWER)

    def change(old: str) -> str:
        lines = RemarksLines(old)
        section = _section(lines, comparison, topic)
        entries = lines.entries(section)
        stop = entries[0].start if entries else section.stop
        lines.replace_text(lines.below(section), stop, new)
        return lines.text

    return _save(hearing, version, comparison, change)


def write_changes(
    hearing: Path,
    version: str,
    text: str,
    *,
    comparison: Comparison | None = None,
    config: Config | None = None,
) -> FileVersion:
    """The "Ændringer" text: what was changed in the draft because of the hearing."""
    comparison = comparison or compare(Path(hearing), config=config)
    new = text_lines(text, tr("the changes"), MAX_ANSWER)

    def change(old: str) -> str:
        lines = RemarksLines(old)
        part = next((s for s in lines.sections() if section_key(s.name, {}) is True), None)
        if part is None:
            heading = "#" * lines.top + " " + tr_in(notat_lang(comparison), "Changes")
            lines.insert(len(lines.lines), [heading, *([""] + new if new else [])])
            return lines.text
        lines.replace_text(lines.below(part), part.stop, new)
        return lines.text

    return _save(hearing, version, comparison, change)


def _save(
    hearing: Path, version: str, comparison: Comparison, change: Callable[[str], str]
) -> FileVersion:
    def check(staged: Path) -> None:
        read_remarks(comparison.hearing, comparison.names, staged)

    return save(hearing_file(hearing, REMARKS_FILE), version, _refusing(change), check)


def _refusing(change: Callable[[str], str]) -> Callable[[str], str]:
    """``change``, with a remarks.md that cannot be read refused in words."""

    def run(text: str) -> str:
        try:
            return change(text)
        except EditRefused:
            raise
        except HoeringError as exc:
            raise EditRefused(str(exc)) from None

    return run


def _respondent(comparison: Comparison, name: str) -> str:
    who = comparison.names.get(name.strip().casefold())
    if who is None:
        raise EditRefused(tr("'{name}' is not a respondent of this hearing", name=name[:80]))
    return who


def _titles(comparison: Comparison) -> dict[str, str]:
    topics = comparison.hearing.topics
    return {t.title.casefold(): t.id for t in topics.values()} | {i: i for i in topics}


def _section(lines: RemarksLines, comparison: Comparison, topic: str | None) -> Part:
    """The part of remarks.md about ``topic`` (None: the general remarks), added before
    ``## Ændringer`` (or at the end) when there is none yet."""
    titles = _titles(comparison)
    for part in lines.sections():
        if section_key(part.name, titles) == topic:
            return part
    lang = notat_lang(comparison)
    name = comparison.hearing.topics[topic].title if topic else tr_in(lang, "General remarks")
    changes = next((s for s in lines.sections() if section_key(s.name, titles) is True), None)
    at = changes.start if changes else len(lines.lines)
    lines.insert(at, ["#" * lines.top + " " + name])
    return next(p for p in lines.sections() if section_key(p.name, titles) == topic)


def _entry(lines: RemarksLines, section: Part, comparison: Comparison, who: str) -> Part | None:
    """``who``'s entry in ``section``; of two, the last, which is the one compare reads."""
    found = [e for e in lines.entries(section) if comparison.names.get(e.name.casefold()) == who]
    return found[-1] if found else None
