"""What a body is refused for before it is converted: a table too large for a document,
quotes or lists nested too deeply to lay out, a footnote label defined twice. Each raises
:class:`SourceErrors` with the line (without a path: the caller adds it)."""

from __future__ import annotations

import re
from typing import Any

from ...errors import SourceError, SourceErrors
from ...limits import active
from ...messages import number as number_text
from ...messages import tr

MAX_NESTING = 10  # quotes and lists inside each other (Typst stops at ~13 list levels)
_DELIMITER_ROW = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])[ \t]")
_NOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:")


def inside_containers(line: str) -> str:
    """A line without the quote markers (``>``), list markers (``-``, ``1.``) and indents
    that put it inside a block quote or a list item: what a table there starts with."""
    at = 0
    while True:
        while at < len(line) and line[at] in " \t":
            at += 1
        if line.startswith(">", at):
            at += 1
            continue
        marker = _LIST_MARKER.match(line, at)
        if marker is None:
            return line[at:]
        at = marker.end()


def check_tables(text: str, first_line: int = 1) -> None:
    """Refuse a table with more rows or cells than the limits before the Markdown parser
    reads it (a 100,000-row table took 40 s and 3 GB to build). A table is the lines after a
    delimiter row (``|---|---|``) up to the next blank line; its columns are the delimiter
    row's. Quote and list markers before a line are looked through: a table in a block quote
    or a list item counts the same."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if (
            "-" in lines[index]
            and "|" in lines[index]
            and _DELIMITER_ROW.match(delimiter := inside_containers(lines[index]))
        ):
            start = index
            columns = delimiter.strip().strip("|").count("|") + 1
            while index + 1 < len(lines) and inside_containers(lines[index + 1]).strip():
                index += 1
            _check_table_size(index - start, columns, start - 1 + first_line)
        index += 1


def _check_table_size(rows: int, columns: int, line: int) -> None:
    """Refuse a table of ``rows`` × ``columns`` that starts on ``line`` if it is too large."""
    limits = active()
    key = (
        "table_rows"
        if rows > limits.table_rows
        else "table_cells"
        if rows * columns > limits.table_cells
        else None
    )
    if key is None:
        return
    raise SourceErrors(
        [
            SourceError(
                None,
                tr(
                    "the table has {rows} rows of {columns} cells, more than a document can hold",
                    rows=number_text(rows),
                    columns=columns,
                ),
                line=line,
                hint=tr("put the data in a spreadsheet and summarise it here")
                + "; "
                + limits.hint(key),
            )
        ]
    )


def check_nesting(root: Any, first_line: int = 1) -> None:
    """Refuse quotes or lists nested deeper than MAX_NESTING: the PDF cannot lay them out,
    and markdown-it silently drops what lies deeper than its own limit."""
    stack = [(child, 0) for child in root.children]
    while stack:
        node, depth = stack.pop()
        if node.type in ("blockquote", "bullet_list", "ordered_list"):
            depth += 1
            if depth > MAX_NESTING:
                line = node.map[0] + first_line if node.map else None
                raise SourceErrors(
                    [
                        SourceError(
                            None,
                            tr(
                                "quotes or lists are nested more than {n} levels deep",
                                n=MAX_NESTING,
                            ),
                            line=line,
                            hint=tr("nest them less deeply"),
                        )
                    ]
                )
        stack.extend((child, depth) for child in node.children)


def check_footnote_labels(text: str, first_line: int = 1) -> None:
    """Refuse a footnote label defined twice: the parser keeps the first note and drops the
    other's text without a word."""
    seen: dict[str, int] = {}
    fenced = False
    for number, line in enumerate(text.splitlines(), start=first_line):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _NOTE_DEFINITION.match(line)
        if match and match[1] in seen:
            raise SourceErrors(
                [
                    SourceError(
                        None,
                        tr(
                            "footnote [^{label}] is defined twice (first on line {line})",
                            label=match[1],
                            line=seen[match[1]],
                        ),
                        line=number,
                        hint=tr("give each note its own label"),
                    )
                ]
            )
        if match:
            seen[match[1]] = number
