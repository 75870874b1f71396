"""YAML syntax errors in plain words, on the line where the problem starts.

The parser reports where it gave up ("found unexpected end of stream" at the end of the
block for a quote opened ten lines earlier). The mistakes people make in a metadata block are
few: a quote not closed, a tab in the indentation, a key written twice, a ':' in unquoted
text, a list in brackets not closed, an indentation that does not line up. Each is
recognised here and said as a person would, pointing at the line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..messages import tr


@dataclass(frozen=True)
class Problem:
    line: int  # 0-based line of the YAML text
    message: str
    hint: str
    first: int | None = None  # 0-based line of an earlier place the message names


def explain(exc: Any, text: str, first_line: int = 1) -> tuple[int, str, str] | None:
    """The file line, message and hint of the problem behind ruamel's ``exc`` in ``text``
    (whose first line is the file's ``first_line``), or None when it is none we know."""
    lines = text.splitlines()
    problem = _tab_indented(lines)
    for recognise in _RECOGNISERS:
        if problem is not None:
            break
        problem = recognise(exc, lines)
    if problem is None:
        return None
    message = problem.message
    if problem.first is not None:
        message += " " + tr("(first on line {line})", line=problem.first + first_line)
    return problem.line + first_line, message, problem.hint


def _tab_indented(lines: list[str]) -> Problem | None:
    for number, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return Problem(
                number,
                tr("the line is indented with a tab"),
                tr(
                    "YAML indents with spaces only: replace the tab with spaces, as "
                    "on the lines above"
                ),
            )
    return None


def _mark_line(mark: Any) -> int | None:
    return mark.line if mark is not None else None


def _unclosed_quote(exc: Any, lines: list[str]) -> Problem | None:
    if "quoted scalar" not in (exc.context or ""):
        return None
    start = _mark_line(exc.context_mark)
    if start is None:
        return None
    quote = lines[start][exc.context_mark.column] if start < len(lines) else '"'
    return Problem(
        start,
        tr("the quote {quote} that begins the text is never closed", quote=quote),
        tr("end the text with the same quote mark on that line, or leave the quotes out"),
    )


def _duplicate_key(exc: Any, lines: list[str]) -> Problem | None:
    match = re.match(r'found duplicate key "(?P<key>[^"]*)"', exc.problem or "")
    second = _mark_line(exc.problem_mark)
    if not match or second is None:
        return None
    key = match.group("key")
    indent = len(lines[second]) - len(lines[second].lstrip())
    pattern = re.compile(rf"^ {{{indent}}}{re.escape(key)}\s*:")
    first = next((i for i in range(second) if pattern.match(lines[i])), None)
    return Problem(
        second,
        tr("'{key}' is written twice", key=key),
        tr("keep one of them: a key may appear only once at the same level"),
        first,
    )


def _unclosed_list(exc: Any, lines: list[str]) -> Problem | None:
    context = exc.context or ""
    if "flow sequence" not in context and "flow mapping" not in context:
        return None
    start = _mark_line(exc.context_mark)
    if start is None:
        return None
    opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
    return Problem(
        start,
        tr(
            "the {opening} that begins on this line is never closed with {closing}",
            opening=opening,
            closing=closing,
        ),
        tr(
            "end it with {closing} on the same line, or put text with ',' or ':' in quotes",
            closing=closing,
        ),
    )


def _colon_or_indentation(exc: Any, lines: list[str]) -> Problem | None:
    if "mapping values are not allowed" not in (exc.problem or ""):
        return None
    number = _mark_line(exc.problem_mark)
    if number is None or number >= len(lines):
        return None
    line = lines[number]
    _, _, value = line.partition(":")
    if ": " in value or value.rstrip().endswith(":"):
        return Problem(
            number,
            tr("the text has a ':' in it, which YAML reads as a new key"),
            tr('put text that contains ": " in quotes, e.g. title: "Svar: om trafikken"'),
        )
    return Problem(
        number,
        tr("the indentation does not line up with the lines above"),
        tr("indent keys that belong together by the same number of spaces"),
    )


_RECOGNISERS: list[Callable[[Any, list[str]], Problem | None]] = [
    _unclosed_quote,
    _duplicate_key,
    _unclosed_list,
    _colon_or_indentation,
]
