"""Plain text made safe for Markdown: escaping what would be markup, wrapping lines at a
width without breaking inside a code span or link target (:data:`KEEP`), and protecting a
line's start that would begin a list, heading, quote or setext underline."""

from __future__ import annotations

import re

KEEP = "\ue000"  # a space no line may break at; a space again in the output
_TEXT_ESCAPE = re.compile(r"[\\`*_\[\]<|~]|&(?=#?\w+;)|\+(?=\+)|(?<=\+)\+")
_LINE_START = re.compile(r"^(?:[-#>=]|[+](?=\s|$)|(?P<number>\d{1,9})(?P<mark>[.)])(?=\s|$))")


def escape(text: str) -> str:
    """``text`` with every character Markdown would read as inline markup escaped."""
    return _TEXT_ESCAPE.sub(lambda m: "\\" + m.group(), text.replace("\n", " "))


def wrap(text: str, width: int | None) -> list[str]:
    """Lines of at most ``width`` characters (one line per forced break when None)."""
    lines: list[str] = []
    for segment in text.split("\n"):
        if width is None:
            lines.append(segment.strip(" "))
            continue
        line = ""
        for word in segment.split(" "):
            if word and line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            elif word:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return [line.replace(KEEP, " ") for line in lines]


def protect(line: str) -> str:
    """Escape what would make a line of running text a list item, heading, quote or
    setext underline."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group("number"):
        return match.group("number") + "\\" + line[len(match.group("number")) :]
    return "\\" + line
