"""YAML syntax errors in plain words, on the line where the problem starts.

The parser reports where it gave up ("expected <block end>, but found '<scalar>'" five lines
below a quote that was never closed, where the next quote happens to close it). The mistakes
people make in a metadata block are few: a quote not closed, a quote inside quoted text, a tab,
a key written twice, no space after the ':', a ':' in unquoted text, a list in brackets not
closed, text that begins with a character YAML reserves, an indentation that does not line up.
Each is recognised here and said as a person would, pointing at the line to fix; a mistake we
do not recognise is still said in the user's words, never in the parser's.
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


def explain(exc: Any, text: str, first_line: int = 1) -> tuple[int, str, str]:
    """The file line, message and hint of the problem behind ruamel's ``exc`` in ``text``
    (whose first line is the file's ``first_line``)."""
    lines = text.splitlines() or [""]
    problem = next(
        (found for recognise in _RECOGNISERS if (found := recognise(exc, lines)) is not None),
        None,
    ) or _unrecognised(exc, lines)
    message = problem.message
    if problem.first is not None:
        message += " " + tr("(first on line {line})", line=problem.first + first_line)
    return problem.line + first_line, message, problem.hint


def _mark_line(mark: Any, lines: list[str] | None = None) -> int | None:
    """The 0-based line of a parser's mark; a mark past the end ("end of stream") is on the
    last line."""
    if mark is None:
        return None
    line = int(mark.line)
    return min(line, len(lines) - 1) if lines else line


def _problem_line(exc: Any, lines: list[str]) -> int | None:
    return _mark_line(getattr(exc, "problem_mark", None), lines)


def _said(exc: Any, words: str) -> bool:
    return words in (getattr(exc, "problem", None) or "")


def _tab_indented(exc: Any, lines: list[str]) -> Problem | None:
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


def _tab_inside(exc: Any, lines: list[str]) -> Problem | None:
    """A tab after 'key:' (where YAML wants a space)."""
    number = _problem_line(exc, lines)
    if number is None or not _said(exc, "'\\t'"):
        return None
    return Problem(
        number,
        tr("the line has a tab where YAML needs a space"),
        tr("replace the tab after the ':' with a space"),
    )


def _duplicate_key(exc: Any, lines: list[str]) -> Problem | None:
    match = re.match(r'found duplicate key "(?P<key>[^"]*)"', exc.problem or "")
    second = _problem_line(exc, lines)
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


# where a value may begin with a quote: after "key: " and "- " (block style only)
_VALUE_QUOTE = re.compile(r"^\s*(?:-\s+)*(?:[^\s#'\"\[{][^:#]*:\s+)?(?:-\s+)*(?P<quote>[\"'])")


def _closing(line: str, quote: str, start: int) -> int | None:
    """The column of the quote that closes a text begun before ``start`` on ``line``, or
    None when the line does not close it (a \\" inside "…" and a '' inside '…' are quote
    marks of the text, not its end)."""
    at = start
    while at < len(line):
        char = line[at]
        if quote == '"' and char == "\\":
            at += 2
            continue
        if char == quote:
            if quote == "'" and line.startswith("''", at):
                at += 2
                continue
            return at
        at += 1
    return None


def _closed_on(lines: list[str], opened: int, quote: str, column: int) -> tuple[int, int] | None:
    """The line and column of the quote that closes the text opened at (``opened``,
    ``column``), or None."""
    for number in range(opened, len(lines)):
        start = column + 1 if number == opened else 0
        closing = _closing(lines[number], quote, start)
        if closing is not None:
            return number, closing
    return None


def _quote_left_open(exc: Any, lines: list[str]) -> Problem | None:
    """A quote opened on a line and not closed there, when the quote that closes it (for
    the parser) is followed by more text on its line, before the place the parser gave up,
    or when nothing closes it: the mistake is where the text begins, however far below the
    parser noticed it. (A text in quotes may go on over lines; it then ends its line.)"""
    gave_up = _problem_line(exc, lines)
    if gave_up is None:
        return None
    for number, line in enumerate(lines[: gave_up + 1]):
        match = _VALUE_QUOTE.match(line)
        if match is None or _closing(line, match["quote"], match.end()) is not None:
            continue
        closed = _closed_on(lines, number, match["quote"], match.start("quote"))
        if closed is None or (closed[0] <= gave_up and _text_after(lines[closed[0]], closed[1])):
            return _never_closed(number, match["quote"])
    return None


def _text_after(line: str, column: int) -> bool:
    rest = line[column + 1 :].strip()
    return bool(rest) and not rest.startswith("#")


def _never_closed(line: int, quote: str) -> Problem:
    return Problem(
        line,
        tr("the quote {quote} that begins the text is never closed", quote=quote),
        tr("end the text with the same quote mark on that line, or leave the quotes out"),
    )


def _unclosed_quote(exc: Any, lines: list[str]) -> Problem | None:
    """The parser's own account of a quoted text that runs to the end."""
    if "quoted scalar" not in (exc.context or ""):
        return None
    start = _mark_line(exc.context_mark)
    if start is None or start >= len(lines):
        return None
    return _never_closed(start, lines[start][exc.context_mark.column])


def _unclosed_list(exc: Any, lines: list[str]) -> Problem | None:
    context = exc.context or ""
    if "flow sequence" not in context and "flow mapping" not in context:
        return None
    start = _mark_line(exc.context_mark, lines)
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


def _after_closed(exc: Any, lines: list[str]) -> Problem | None:
    """Text after a closing quote or bracket: 'title: "Svar om "trafik""' (a quote inside
    quoted text), "title: 'Ishøj's svar'", 'title: [Udkast] svar'."""
    number = _problem_line(exc, lines)
    if number is None or not _said(exc, "but found '<scalar>'"):
        return None
    before = lines[number][: exc.problem_mark.column].rstrip()
    if before.endswith('"'):
        return Problem(
            number,
            tr('the text goes on after the quote " that ends it'),
            tr("write a quote mark inside the text as \\\" or put the text in ' '"),
        )
    if before.endswith("'"):
        return Problem(
            number,
            tr("the text goes on after the quote ' that ends it"),
            tr("write an apostrophe inside the text as '' or put the text in \" \""),
        )
    value = _VALUE.match(lines[number])
    if before.endswith(("]", "}")) and value is not None and value["value"]:
        return _reserved_start(number, lines[number], value["value"][0])
    return None


_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?:(?P<key>[^\s:#][^:]*?):\s+)?(?P<value>.*?)\s*$")


def _quoted_example(line: str) -> str:
    """The line with its value in double quotes: 'title: "@kommune svar"'."""
    match = _VALUE.match(line)
    if match is None:
        return line.strip()
    value = match["value"].replace("\\", "\\\\").replace('"', '\\"')
    key = f"{match['key']}: " if match["key"] else "- "
    return f'{key}"{value}"'


def _reserved_start(number: int, line: str, char: str) -> Problem:
    return Problem(
        number,
        tr("text cannot begin with {char} in YAML", char=char),
        tr("put the text in quotes: {example}", example=_quoted_example(line)),
    )


def _reserved_character(exc: Any, lines: list[str]) -> Problem | None:
    """A value that begins with @, `, %, *, ? or & (characters YAML keeps for itself)."""
    number = _problem_line(exc, lines)
    found = re.search(r"found character '(.)' that cannot start any token", exc.problem or "")
    if found:
        char = found.group(1)
    elif _said(exc, "found undefined alias"):
        char = "*"
    elif _said(exc, "mapping keys are not allowed here"):
        char = "?"
    else:
        return None
    if number is None:
        return None
    return _reserved_start(number, lines[number], char)


_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:-\s+)*(?P<key>[^\s:#'\"]+):(?P<value>\S.*)$")


def _missing_colon_or_space(exc: Any, lines: list[str]) -> Problem | None:
    """'title:"Svar"' (no space after the ':') and 'title Svar' (no ':')."""
    if not _said(exc, "could not find expected ':'"):
        return None
    number = _mark_line(exc.context_mark, lines)
    if number is None:
        return None
    line = lines[number]
    glued = _KEY_WITHOUT_SPACE.match(line)
    if glued:
        return Problem(
            number,
            tr("there is no space after '{key}:'", key=glued["key"]),
            tr(
                "write a space between the ':' and the value: {example}",
                example=f"{glued['key']}: {glued['value']}",
            ),
        )
    return Problem(
        number,
        tr("the line has no ':' after its key"),
        tr(
            "write 'key: value', e.g. title: Svar om trafikken; if the line goes on from "
            "the line above, indent it"
        ),
    )


def _colon_or_indentation(exc: Any, lines: list[str]) -> Problem | None:
    if not _said(exc, "mapping values are not allowed"):
        return None
    number = _problem_line(exc, lines)
    if number is None:
        return None
    line = lines[number]
    _, _, value = line.partition(":")
    if ": " in value or value.rstrip().endswith(":"):
        return Problem(
            number,
            tr("the text has a ':' in it, which YAML reads as a new key"),
            tr('put text that contains ": " in quotes, e.g. title: "Svar: om trafikken"'),
        )
    return _misaligned(number)


def _misaligned(number: int) -> Problem:
    return Problem(
        number,
        tr("the indentation does not line up with the lines above"),
        tr("indent keys that belong together by the same number of spaces"),
    )


def _block_ends_early(exc: Any, lines: list[str]) -> Problem | None:
    """A key or item indented less or more than the ones it belongs with."""
    number = _problem_line(exc, lines)
    if number is None or not _said(exc, "expected <block end>"):
        return None
    return _misaligned(number)


def _unrecognised(exc: Any, lines: list[str]) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return Problem(
        _mark_line(mark, lines) or 0,
        tr("the line cannot be read as 'key: value'"),
        tr(
            "check that it is indented as the lines it belongs with, and put text with ':', "
            "'#', quotes or brackets in quotes"
        ),
    )


_RECOGNISERS: list[Callable[[Any, list[str]], Problem | None]] = [
    _tab_indented,
    _tab_inside,
    _duplicate_key,
    _quote_left_open,
    _unclosed_quote,
    _unclosed_list,
    _after_closed,
    _reserved_character,
    _missing_colon_or_space,
    _colon_or_indentation,
    _block_ends_early,
]
