"""Word's automatic numbering (word/numbering.xml) → the labels Word shows: "1.", "2.1", "a)".

Word stores no numbers in the text: a paragraph names a numbering instance (``w:numId``) and
a level (``w:ilvl``); the instance points at an abstract definition whose level gives the
format (``w:numFmt``), the label pattern (``w:lvlText``, "%1.%2."), the start value and when
to restart. The numbers come from counting the paragraphs in document order, which is what
:class:`Numbering` does. Instances of one abstract definition continue one sequence, as in
Word, unless an instance overrides a level's start (``w:startOverride``: "restart at 1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    fmt: str = "decimal"  # decimal, lowerLetter, upperRoman, bullet, none, …
    text: str = "%1."  # the label pattern; %n is level n's number
    start: int = 1
    restart: int | None = None  # restart after a use of a level above this (0: never)
    style: str | None = None  # a paragraph style bound to this level (w:pStyle)
    legal: bool = False  # w:isLgl: every number in the label as a decimal


@dataclass(frozen=True)
class Label:
    """What Word shows before a numbered paragraph."""

    kind: str  # "bullet" or "number"
    text: str  # "" for a bullet; "3.", "2.1", "a)" for a number
    number: int | None  # the level's own count when the label is a plain "3." or "3)"


@dataclass
class Numbering:
    """The numbering part of one document, and the counts so far (document order)."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[int, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counts: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[int] = field(default_factory=set)
    alias: dict[str, str] = field(default_factory=dict)  # definition → the one it uses

    @classmethod
    def read(cls, root: _Element | None) -> Numbering:
        """From the ``w:numbering`` element (None: a document without lists)."""
        numbering = cls()
        if root is None:
            return numbering
        defined: dict[str, str] = {}  # a list style's name → the definition it names
        uses: dict[str, str] = {}  # a definition → the list style it takes its levels from
        for item in root.findall(W + "abstractNum"):
            key = item.get(W + "abstractNumId") or ""
            levels = {_int(lvl.get(W + "ilvl"), -1): _level(lvl) for lvl in item.findall(W + "lvl")}
            numbering.abstract[key] = {at: level for at, level in levels.items() if at >= 0}
            link, use = _val(item.find(W + "styleLink")), _val(item.find(W + "numStyleLink"))
            if link:
                defined[link] = key
            if use:
                uses[key] = use
        for key, style in uses.items():
            if style in defined:
                numbering.alias[key] = defined[style]
        for num in root.findall(W + "num"):
            numbering.instances[_int(num.get(W + "numId"), 0)] = (
                _val(num.find(W + "abstractNumId")) or "",
                _overrides(num),
            )
        return numbering

    def definition(self, num_id: int) -> str:
        key = self.instances.get(num_id, ("", {}))[0]
        return self.alias.get(key, key)

    def level_of_style(self, num_id: int, style_id: str) -> int | None:
        """The level bound to paragraph style ``style_id`` in instance ``num_id``."""
        levels = self.abstract.get(self.definition(num_id), {})
        return next((i for i, level in levels.items() if level.style == style_id), None)

    def label(self, num_id: int, ilvl: int) -> Label | None:
        """Count one more paragraph at ``ilvl`` of ``num_id`` and return its label."""
        if num_id not in self.instances or not 0 <= ilvl < LEVELS:
            return None
        overrides = self.instances[num_id][1]
        key = self.definition(num_id)
        levels = self.abstract.get(key, {})
        level = levels.get(ilvl)
        if level is None:
            return None
        counts = self.counts.setdefault(key, [None] * LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for at, start in overrides.items():
                if 0 <= at < LEVELS:
                    counts[at] = start - 1
        count = counts[ilvl]
        counts[ilvl] = level.start if count is None else count + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart and ilvl < restart):
                counts[deeper] = None
        if level.fmt == "bullet":
            return Label("bullet", "", None)
        text = _label_text(level, levels, counts)
        plain = re.fullmatch(r"\d+[.)]", text) is not None and level.fmt == "decimal"
        return Label("number", text, counts[ilvl] if plain else None)


def _label_text(level: Level, levels: dict[int, Level], counts: list[int | None]) -> str:
    def number(match: re.Match[str]) -> str:
        at = int(match.group(1)) - 1
        other = levels.get(at, Level())
        value = counts[at] if 0 <= at < LEVELS else None
        return format_number(
            other.start if value is None else value, "decimal" if level.legal else other.fmt
        )

    return re.sub(r"%([1-9])", number, level.text).strip()


def format_number(value: int, fmt: str) -> str:
    """``value`` as Word writes it in format ``fmt`` (unknown formats as decimals)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    parts = []
    for amount, letters in ROMAN:
        count, value = divmod(value, amount)
        parts.append(letters * count)
    return "".join(parts)


def _level(lvl: _Element) -> Level:
    restart = _val(lvl.find(W + "lvlRestart"))
    legal = lvl.find(W + "isLgl")
    return Level(
        fmt=_val(lvl.find(W + "numFmt")) or "decimal",
        text=_val(lvl.find(W + "lvlText")) or "",
        start=_int(_val(lvl.find(W + "start")), 1),
        restart=_int(restart, 0) if restart is not None else None,
        style=_val(lvl.find(W + "pStyle")),
        legal=legal is not None and _val(legal) not in ("0", "false"),
    )


def _overrides(num: _Element) -> dict[int, int]:
    result = {}
    for override in num.findall(W + "lvlOverride"):
        start = override.find(W + "startOverride")
        if start is not None:
            result[_int(override.get(W + "ilvl"), 0)] = _int(_val(start), 1)
    return result


def _val(element: _Element | None) -> str | None:
    return None if element is None else element.get(W + "val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
