"""The entries ``remarks.md`` still lacks: one ``### respondent`` heading per respondent
and topic that has a remark, under the topic's ``##`` heading. Existing text is never
changed: new entries go at the end of their topic's section, new topics before
``## Ændringer`` (or at the end). Pure text in, text out; ``hoering.commands.compare`` writes it."""

from __future__ import annotations

from ..messages import tr_in
from ..model import nodes as n
from ..sources.markdown import parse_body
from .model import Comparison
from .remarks import CHANGES


def missing(comparison: Comparison) -> dict[str, list[str]]:
    """Topic id → the respondents with a remark on it and no entry in remarks.md."""
    found: dict[str, list[str]] = {}
    for entry in comparison.topics:
        names = sorted({r.respondent for r in entry.remarks} - set(entry.answers))
        if names:
            found[entry.topic.id] = names
    return found


def with_entries(comparison: Comparison, text: str, lang: str = "da") -> tuple[str, int]:
    """``text`` (remarks.md as it is, or "") with the missing entries added, and how many."""
    todo = missing(comparison)
    lines = text.splitlines()
    tops = _top_headings(parse_body(text, 1).blocks) if text.strip() else []
    titles = {e.topic.id: e.topic.title for e in comparison.topics}
    by_name = {t.casefold(): i for i, t in titles.items()} | {i: i for i in titles}
    inserts: dict[int, list[str]] = {}  # 0-based line index → lines to put before it
    ends = [line - 1 for line, _ in tops[1:]] + [len(lines)] if tops else []
    changes_at = len(lines)
    for (line, name), end in zip(tops, ends, strict=True):
        key = name.casefold()
        if key in CHANGES:
            changes_at = min(changes_at, line - 1)
        topic = by_name.get(key) or by_name.get(name)
        if topic in todo:
            inserts.setdefault(_before_blank(lines, end), []).extend(_entries(todo.pop(topic)))
    for topic, names in todo.items():
        inserts.setdefault(changes_at, []).extend([f"## {titles[topic]}", "", *_entries(names)])
    if not tops:
        inserts.setdefault(len(lines), []).extend(["## " + tr_in(lang, "Changes"), ""])
    for index in sorted(inserts, reverse=True):
        block = inserts[index]
        if index > 0 and lines[index - 1].strip():
            block = ["", *block]
        if index < len(lines) and not lines[index].strip() and block[-1] == "":
            block = block[:-1]
        lines[index:index] = block
    added = sum(len(v) for v in missing(comparison).values())
    return "\n".join(lines).rstrip("\n") + "\n", added


def _entries(names: list[str]) -> list[str]:
    return [line for name in names for line in (f"### {name}", "")]


def _before_blank(lines: list[str], end: int) -> int:
    """The index just after the last non-blank line before ``end``."""
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return end


def _top_headings(blocks: list[n.Block]) -> list[tuple[int, str]]:
    headings = [(b, b.line) for b in blocks if isinstance(b, n.Heading) and b.line is not None]
    top = min((h.level for h, _ in headings), default=1)
    return [
        (line, h.topic or n.plain_text(h.children).strip())
        for h, line in headings
        if h.level == top
    ]
