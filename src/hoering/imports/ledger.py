"""Every word of a received file accounted for.

Each word the reader extracted ends up in the body, in a front-matter field it was read into,
or in the list of what import removed and why (``removed:``: letterhead, archive stamp, page
number, …). :func:`settle` checks this after the source is written in memory: words that are
in none of the three were lost on the way (a reading-order step that dropped a page) and are
returned, with their page, to be kept in a marked section at the end of the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, get_args

from ..dates import month_numbers
from ..messages import ntr, tr, tr_in
from ..sources.response import RemovedReason
from .lines import Extracted, Line, Span
from .running import PAGE_NUMBER, PAGE_OF
from .structure import Block

if TYPE_CHECKING:
    from pathlib import Path

    from .cleanup import Cleaned
    from .writer import Draft

# why a line was taken out of the body: the keys of ``removed:`` in the front matter
REASONS: tuple[str, ...] = get_args(RemovedReason)
TOKEN = re.compile(r"[^\W\d_]+")
LINE_END_HYPHEN = re.compile(r"[^\W\d_][-\u00ad]$")


def words(text: str) -> list[str]:
    """The words of ``text`` as the ledger counts them: runs of letters, case-folded.
    Numbers are not counted: import renumbers footnotes ("lovgivning¹" becomes
    "lovgivning[^1]") and removes page numbers."""
    return TOKEN.findall(text.casefold())


@dataclass(frozen=True)
class ReadLine:
    """A line as the reader extracted it: its page and text."""

    page: int
    text: str


@dataclass(frozen=True)
class Removal:
    """A line import took out of the body, and why (one of REASONS)."""

    reason: str
    text: str
    page: int = 1


@dataclass
class Account:
    """The outcome of the check: what is listed as removed (reason → texts, each once, in
    the order read) and the lines whose words are nowhere."""

    removed: dict[str, list[str]] = field(default_factory=dict)
    unplaced: list[ReadLine] = field(default_factory=list)
    unaccounted: int = 0  # words

    @property
    def pages(self) -> list[int]:
        return sorted({line.page for line in self.unplaced})


def read_lines(extracted: Extracted, normalise: Callable[[str], str]) -> list[ReadLine]:
    """What the reader extracted, line by line (a table cell by cell), before any
    interpretation; ``normalise`` is the character clean-up every line gets first."""
    result: list[ReadLine] = []
    for line in extracted.lines:
        result += [ReadLine(line.page, normalise(text)) for text in _texts(line) if text.strip()]
    result += [ReadLine(extracted.pages, text) for text in extracted.footnotes.values()]
    return result


def _texts(line: Line) -> list[str]:
    """A line's text, or its table's cells; where the reader kept runs (DOCX), apart where
    their marks change, as Markdown writes them ("~~skal~~++bør++")."""
    if line.cells is not None:
        return [_marked_apart(cell) for row in line.cells for cell in row]
    if line.table:
        return [cell for row in line.table for cell in row]
    return [_marked_apart(line.spans)] if line.spans else [line.text]


def _marked_apart(spans: list[Span]) -> str:
    parts: list[str] = []
    for index, span in enumerate(spans):
        if index and span.marks != spans[index - 1].marks:
            parts.append(" ")
        parts.append(span.text)
    return "".join(parts)


def removals(groups: Iterable[tuple[str, Iterable[Line]]]) -> list[Removal]:
    """Each removed line with its reason; a table (a letterhead laid out in one, as Word
    letters and our own DOCX have it) cell by cell, since its line has no text of its own."""
    return [
        Removal(reason, " ".join(text.split()) if line.table else text.strip(), line.page)
        for reason, lines in groups
        for line in lines
        for text in (_texts(line) if line.table else [line.text])
        if text.strip()
    ]


def settle(read: list[ReadLine], body: str, fields: list[str], removed: list[Removal]) -> Account:
    """Account for every word of ``read``: in ``body`` (the Markdown body), in ``fields``
    (the front-matter values) or in ``removed``. A removed line whose words are all in the
    fields was read into the front matter and is not listed again.

    The count is exact: the words read, as a multiset, less all the words placed. The lines
    returned as unplaced are those holding a missing word whose words do not stand, in
    their order, anywhere that was placed."""
    in_fields = Counter(word for text in fields for word in words(text))
    left = in_fields.copy()
    listed = [item for item in removed if not _take(words(item.text), left)]
    places = [words(body), *map(words, fields), *(words(item.text) for item in listed)]
    pool = Counter(word for place in places for word in place)
    tokens = _read_words(read, pool)
    deficit = Counter(word for line in tokens for word in line) - pool
    account = Account(removed=_by_reason(listed), unaccounted=sum(deficit.values()))
    if deficit:
        placed = "\0".join(f" {' '.join(place)} " for place in places)
        holding = [i for i, line in enumerate(tokens) if deficit.keys() & set(line)]
        lost = [i for i in holding if not _stands_in(tokens[i], placed)]
        account.unplaced = [read[i] for i in lost or holding]
    return account


# a word hyphenated at the foot of a page goes on after the footer and the next header
HYPHEN_REACH = 8


def _read_words(read: list[ReadLine], pool: Counter[str]) -> list[list[str]]:
    """The words of each line; a word broken at a line's end ("sund-") joined with the first
    word of a line after it ("hedsfaglig") where the body has the whole word."""
    tokens = [words(line.text) for line in read]
    wholes = pool.copy()
    for index, line in enumerate(read):
        if not tokens[index] or not LINE_END_HYPHEN.search(line.text.rstrip()):
            continue
        for after in range(index + 1, min(index + 1 + HYPHEN_REACH, len(read))):
            first = tokens[after][:1]
            whole = tokens[index][-1] + first[0] if first else ""
            if whole and wholes[whole] > 0:
                wholes[whole] -= 1
                tokens[index][-1] = whole
                del tokens[after][0]
                break
    return tokens


def _stands_in(tokens: list[str], placed: str) -> bool:
    """Whether a line's words stand in this order in ``placed`` (its first and last word
    left out when it has more than two: they may be parts of broken words)."""
    inner = tokens[1:-1] if len(tokens) > 2 else tokens
    return bool(inner) and f" {' '.join(inner)} " in placed


def _take(tokens: list[str], pool: Counter[str]) -> bool:
    """Take ``tokens`` from ``pool`` if all of them are there; whether they were."""
    need = Counter(tokens)
    if not tokens or any(pool[word] < count for word, count in need.items()):
        return False
    pool.subtract(need)
    return True


def _by_reason(items: list[Removal]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for item in items:
        texts = result.setdefault(item.reason, [])
        if item.text not in texts:
            texts.append(item.text)
    return {reason: result[reason] for reason in REASONS if reason in result}


def set_aside(cleaned: Cleaned) -> list[Removal]:
    """What cleaning took out of the body, each line with its reason."""
    recipient = {id(line) for line in cleaned.recipient}
    head = cleaned.letterhead + cleaned.subject
    return removals(
        [
            *((reason, [line]) for reason, line in cleaned.removed),
            *((_running_reason(line), [line]) for line in cleaned.running),
            ("sidebar", cleaned.aside),
            ("recipient", cleaned.recipient),
            ("letterhead", [line for line in head if id(line) not in recipient]),
            ("closing", cleaned.closing),
        ]
    )


def _running_reason(line: Line) -> str:
    text = line.text.strip()
    if PAGE_NUMBER.match(text) or PAGE_OF.fullmatch(text):
        return "page_number"
    return "running_header" if line.region == "header" else "running_footer"


def draft_fields(draft: Draft) -> list[str]:
    """The front-matter values import read from the text (the date's month also by name)."""
    meta = draft.meta
    found = [meta.case_number, meta.on_behalf_of]
    fields = [draft.title, draft.sender or "", *(str(f.value) for f in found if f is not None)]
    fields += [part for pair in meta.signatories for part in pair if part]
    fields += list(meta.recipient.value) if meta.recipient is not None else []
    if draft.date is not None:
        fields += [name for name, month in month_numbers().items() if month == draft.date.month]
    return fields


def unplaced_blocks(account: Account, lang: str) -> list[Block]:
    """The lines the ledger could not place, under a heading saying so: one paragraph per
    page."""
    from .paragraphs import join_text

    blocks = [Block("heading", tr_in(lang, "Text that import could not place"), level=2)]
    for page in account.pages:
        text = ""
        for line in account.unplaced:
            if line.page == page:
                text = join_text(text, line.text)
        blocks.append(Block("paragraph", text))
    return blocks


def unplaced_warning(path: Path, count: int, pages: tuple[int, ...]) -> str:
    """The one line import prints about words it could not place."""
    return tr(
        "{file}: {words} on {pages} could not be placed; they are kept at the end of the "
        "source under a heading saying so",
        file=path.name,
        words=ntr("{n} word", "{n} words", count),
        pages=ntr("page {list}", "pages {list}", len(pages), list=", ".join(map(str, pages))),
    )
