"""``remarks.md`` changed line by line, in the format ``hoering remarks`` writes and
:mod:`hoering.comparison.remarks` reads:

    ## udskrivningsmentor                      ← a topic (or Generelle bemærkninger)
    <the authority's comment on the topic>
    ### Brøndby Kommune {status=delvist}       ← an entry: one respondent's remarks
    > <the official's short summary>           ← optional
    <the answer>
    ## Ændringer
    <what was changed because of the hearing>

Only the lines of the part that changes are rewritten; a part that is not there yet is
added where ``hoering remarks`` would add it (an entry at the end of its topic, a topic
before ``## Ændringer``, ``## Ændringer`` at the end)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..comparison.remarks import CHANGES, GENERAL
from ..errors import HoeringError
from ..messages import tr
from ..model import nodes as n
from ..sources.markdown import parse_body
from .files import EditRefused, check_printable
from .headings import with_attributes

MAX_ANSWER = 20_000  # characters of an answer, a comment on a topic, or the changes
MAX_SUMMARY = 2_000
_UNDERLINE = re.compile(r"=+|-+")


@dataclass(frozen=True)
class Part:
    """A heading of remarks.md and the lines below it: ``start`` is the heading's index,
    ``stop`` the index of the next heading of its level or above (or the end)."""

    start: int
    stop: int
    name: str  # the heading's words (for a topic: its id or title; its topic= attribute)
    level: int


class RemarksLines:
    """remarks.md as lines (each with its line end), and its headings."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)
        first = self.lines[0] if self.lines else "\n"
        self.newline = "\r\n" if first.endswith("\r\n") else "\n"
        self.top = 2
        self._read()

    def _read(self) -> None:
        """The headings, read again after lines moved."""
        text = self.text
        self.headings = _headings(text) if text.strip() else []
        self.top = min((level for _, level, _ in self.headings), default=self.top)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def sections(self) -> list[Part]:
        """The top headings (topics, general remarks, changes) and their lines."""
        tops = [(line, name) for line, level, name in self.headings if level == self.top]
        if not tops:
            return []
        stops = [line for line, _ in tops[1:]] + [len(self.lines)]
        return [
            Part(line, stop, name, self.top) for (line, name), stop in zip(tops, stops, strict=True)
        ]

    def entries(self, section: Part) -> list[Part]:
        """The headings below a top heading (one respondent's entry each)."""
        inner = [
            (line, name)
            for line, level, name in self.headings
            if section.start < line < section.stop and level > self.top
        ]
        if not inner:
            return []
        stops = [line for line, _ in inner[1:]] + [section.stop]
        return [
            Part(line, stop, name, self.top + 1)
            for (line, name), stop in zip(inner, stops, strict=True)
        ]

    def replace_text(self, start: int, stop: int, new: list[str]) -> None:
        """Lines ``start``..``stop`` (the text under a heading) become ``new`` (without line
        ends), with one blank line before them and the blank lines that followed kept."""
        region = self.lines[start:stop]
        trailing = len(region) - len(_without_trailing_blanks(region))
        kept = region[len(region) - trailing :] if trailing else []
        if not kept and stop < len(self.lines):
            kept = [self.newline]
        body = ["", *new] if new else []
        self.lines[start:stop] = [line + self.newline for line in body] + kept
        self._read()

    def insert(self, at: int, new: list[str]) -> None:
        """``new`` (lines without ends) put before line ``at``, a blank line around it."""
        block = list(new)
        if at > 0 and self.lines[at - 1].strip():
            block = ["", *block]
        if at < len(self.lines) and self.lines[at].strip():
            block = [*block, ""]
        if at > 0 and not self.lines[at - 1].endswith(("\n", "\r")):
            self.lines[at - 1] += self.newline
        self.lines[at:at] = [line + self.newline for line in block]
        self._read()

    def below(self, part: Part) -> int:
        """The index of the first line under ``part``'s heading (after an underline)."""
        heading = self.lines[part.start]
        following = self.lines[part.start + 1] if part.start + 1 < len(self.lines) else ""
        setext = not heading.lstrip().startswith("#") and _UNDERLINE.fullmatch(following.strip())
        return part.start + (2 if setext else 1)

    def end_of(self, part: Part) -> int:
        """The index just after the last non-blank line of ``part``."""
        end = part.stop
        while end > part.start and not self.lines[end - 1].strip():
            end -= 1
        return end

    def set_heading(self, part: Part, changes: dict[str, str | None]) -> None:
        self.lines[part.start] = with_attributes(self.lines[part.start], changes)


def section_key(name: str, topics: dict[str, str]) -> str | None | bool:
    """What a top heading is about: a topic id, None (the general remarks), True (the
    changes), or False (nothing known). ``topics``: id and casefolded title → id."""
    key = name.casefold()
    if key in CHANGES:
        return True
    if key in GENERAL:
        return None
    return topics.get(name) or topics.get(key) or False


def text_lines(text: str, what: str, limit: int) -> list[str]:
    """What the official wrote, as lines: line ends made one, spaces at the ends of lines
    and blank lines around it taken off; refused when too long or holding a heading, which
    would end the part of remarks.md it belongs to."""
    if len(text) > limit:
        raise EditRefused(tr("{key}: at most {n} characters", key=what, n=limit))
    check_printable(what, text)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    try:
        blocks = parse_body("\n".join(lines) + "\n", 1).blocks if lines else []
    except HoeringError as exc:
        raise EditRefused(f"{what}: {exc.message}") from None
    if any(isinstance(block, n.Heading) for block in blocks):
        raise EditRefused(
            tr(
                "{what}: a line that starts with '#' (or is underlined with '---' or '===') "
                "is a heading and would end the text; write it as ordinary text",
                what=what,
            )
        )
    return lines


def quoted(lines: list[str]) -> list[str]:
    """The summary as a quote: each line after '> '."""
    return [f"> {line}" if line else ">" for line in lines]


def starts_with_quote(lines: list[str]) -> bool:
    if not lines:
        return False
    blocks = parse_body("\n".join(lines) + "\n", 1).blocks
    return bool(blocks) and isinstance(blocks[0], n.BlockQuote)


def _headings(text: str) -> list[tuple[int, int, str]]:
    """Every top-level heading: its line index, level and name (topic= before the words)."""
    blocks = parse_body(text, 1).blocks
    return [
        (block.line - 1, block.level, block.topic or n.plain_text(block.children).strip())
        for block in blocks
        if isinstance(block, n.Heading) and block.line is not None
    ]


def _without_trailing_blanks(lines: list[str]) -> list[str]:
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return lines[:end]
