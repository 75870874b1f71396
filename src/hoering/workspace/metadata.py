"""Changes to a source's metadata block made line by line, as a person makes them in an
editor: a value rewritten in its own quoting, an entry's lines deleted, a line inserted.
Every other byte (comments, key order, quoting, blank lines, line ends) stays as it was.

After a change the block is read again and compared with what the change meant to do: an
edit that would change anything else is refused (:class:`~.files.EditRefused`).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import HoeringError
from ..messages import tr
from ..sources.frontmatter import FENCE, parse_yaml
from .files import EditRefused

Location = tuple[str | int, ...]
_PLAIN_SAFE = re.compile(r"[^\s\"'#&*!|>%@`{}\[\],?:\-][^#]*")
_COMPLEX = set("{[|>&*!")


@dataclass
class MetadataLines:
    """A source file as lines (each with its own line end) and its metadata, read."""

    lines: list[str]
    end: int  # index of the closing fence
    parsed: Any  # the ruamel map, which knows the line and column of every key
    newline: str
    path: Path
    stale: bool = False  # lines moved since it was read

    @property
    def data(self) -> Any:
        """The metadata as the lines are now (read again only after lines moved)."""
        if self.stale:
            self.parsed = _parsed("".join(self.lines[1 : self.end]), self.path)
            self.stale = False
        return self.parsed

    @classmethod
    def of(cls, text: str, path: Path) -> MetadataLines:
        lines = text.splitlines(keepends=True)
        if not lines or lines[0].strip() != FENCE:
            raise EditRefused(tr("{file} has no metadata block", file=path.name))
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in (FENCE, "...")), None)
        if end is None:
            raise EditRefused(tr("{file} has no metadata block", file=path.name))
        data = _parsed("".join(lines[1:end]), path)
        newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
        return cls(lines, end, data, newline, path)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def value(self, location: Location) -> Any:
        """The value at ``location``, or None."""
        node = self.data
        for step in location:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def has(self, location: Location) -> bool:
        parent = self.value(location[:-1])
        last = location[-1]
        if isinstance(parent, dict):
            return last in parent
        return isinstance(parent, list) and isinstance(last, int) and last < len(parent)

    def position(self, location: Location) -> tuple[int, int]:
        """The file line index and column where the entry at ``location`` starts."""
        parent = self.value(location[:-1])
        lc: Any = parent.lc  # ruamel's line and column of each key and item
        last = location[-1]
        if isinstance(parent, dict):
            line, column = lc.key(last)
        else:
            line, column = lc.item(last)
            column = _dash(self.lines[line + 1], column)
        return line + 1, column

    def span(self, location: Location) -> tuple[int, int]:
        """The lines of the entry at ``location``: its first, and the one after its last."""
        start, column = self.position(location)
        stop = start + 1
        last = start + 1
        while stop < self.end:
            line = self.lines[stop]
            if line.strip():
                if _indent(line) <= column:
                    break
                last = stop + 1
            stop += 1
        return start, last

    def set_value(self, location: Location, written: str) -> None:
        """Write ``written`` (YAML for the new value) as the value at ``location``."""
        start, stop = self.span(location)
        line = self.lines[start]
        colon = _colon(line, self.position(location)[1])
        rest = line[colon + 1 :].rstrip("\r\n")
        if stop - start == 1 and not (rest.strip()[:1] in _COMPLEX and rest.strip()):
            value_start, value_end = _scalar(rest)
            new = line[: colon + 1] + rest[:value_start] + written + rest[value_end:]
            if not rest.strip():
                new = line[: colon + 1] + " " + written
            self.splice(start, stop, [new])
            return
        self.splice(start, stop, [line[: colon + 1] + " " + written])

    def replace_entry(self, location: Location, new_lines: list[str]) -> None:
        start, stop = self.span(location)
        self.splice(start, stop, new_lines)

    def delete(self, location: Location) -> None:
        start, stop = self.span(location)
        self.splice(start, stop, [])

    def insert_after(self, location: Location, new_lines: list[str]) -> None:
        stop = self.span(location)[1]
        self.splice(stop, stop, new_lines)

    def splice(self, start: int, stop: int, new_lines: list[str]) -> None:
        """Lines ``start`` to ``stop`` (of the metadata block) replaced by ``new_lines``
        (given without line ends)."""
        self.lines[start:stop] = [line + self.newline for line in new_lines]
        self.end += len(new_lines) - (stop - start)
        # a value rewritten on its own line moves no key; anything else is read again
        self.stale = self.stale or len(new_lines) != stop - start or stop - start != 1

    def style(self, location: Location) -> str:
        """How the value at ``location`` is written: '"', "'", or "" (plain or empty)."""
        start, _ = self.span(location)
        line = self.lines[start]
        rest = line[_colon(line, self.position(location)[1]) + 1 :].lstrip()
        return rest[:1] if rest[:1] in ("'", '"') else ""


def changed(
    text: str, path: Path, change: Callable[[MetadataLines], None], meant: Callable[[Any], None]
) -> str:
    """``text`` with ``change`` made to its metadata lines; refused unless the metadata read
    afterwards equals the metadata before with ``meant`` applied (to a plain copy)."""
    source = MetadataLines.of(text, path)
    expected = plain(source.data)
    meant(expected)
    expected = plain(expected)
    change(source)
    source.stale = True  # what the lines say now, not what the change thought it wrote
    if plain(source.data) != expected:
        raise EditRefused(
            tr(
                "{file}: the change cannot be written without changing other values; "
                "make it in an editor",
                file=path.name,
            )
        )
    return source.text


def plain(node: Any) -> Any:
    """A ruamel value as plain dicts, lists and scalars (strings as ``str``); an empty
    mapping or list is None, as a key whose every entry was deleted reads (``guessed:``)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()} or None
    if isinstance(node, list):
        return [plain(v) for v in node] or None
    if isinstance(node, str):
        return str(node)
    return copy.copy(node)


def scalar(value: str, style: str) -> str:
    """``value`` written as a YAML scalar in ``style`` ('"', "'" or "" for plain when that
    reads back as the same text, else double quotes, as import writes it)."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == "" and _plain_reads_back(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _plain_reads_back(value: str) -> bool:
    if not _PLAIN_SAFE.fullmatch(value) or value != value.strip() or ": " in value:
        return False
    try:
        read = parse_yaml(f"v: {value}\n", Path("-"))
    except HoeringError:
        return False
    return isinstance(read, dict) and isinstance(read.get("v"), str) and read["v"] == value


def _parsed(metadata: str, path: Path) -> Any:
    try:
        data = parse_yaml(metadata, path, first_line=2)
    except HoeringError as exc:
        raise EditRefused(str(exc)) from None
    if not isinstance(data, dict):
        raise EditRefused(tr("{file} has no metadata block", file=path.name))
    return data


def _indent(line: str) -> int:
    """Where a line's content starts; a list item's content after its dash."""
    return len(line) - len(line.lstrip(" "))


def _dash(line: str, column: int) -> int:
    """The column of the dash before a list item's value at ``column``."""
    dash = line.rfind("-", 0, column)
    return dash if dash >= 0 else column


def _colon(line: str, column: int) -> int:
    """The colon after the key that starts at ``column``."""
    if line[column : column + 1] == "-":  # a list item: "- value" has no key
        return column
    key = line[column:]
    if key[:1] in ("'", '"'):
        close = key.index(key[0], 1)
        return column + key.index(":", close)
    return column + key.index(":")


def _scalar(rest: str) -> tuple[int, int]:
    """Where the value written in ``rest`` (the text after a key's colon) starts and ends,
    leaving out the spaces around it and a comment after it."""
    start = len(rest) - len(rest.lstrip())
    quote = rest[start : start + 1]
    if quote == '"':
        index = start + 1
        while index < len(rest) and rest[index] != '"':
            index += 2 if rest[index] == "\\" else 1
        return start, min(index + 1, len(rest))
    if quote == "'":
        index = start + 1
        while index < len(rest):
            if rest[index] == "'" and rest[index + 1 : index + 2] != "'":
                break
            index += 2 if rest[index] == "'" else 1
        return start, min(index + 1, len(rest))
    comment = re.search(r"\s#", rest[start:])
    end = start + comment.start() if comment else len(rest)
    return start, len(rest[:end].rstrip())
