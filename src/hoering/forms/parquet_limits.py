"""A Parquet export's answers bounded from its metadata, before a page is read.

Arrow decodes a page whole, and a page is never smaller than the answer in it: a 111 KB file
of four 300 MB answers (packed a thousand-fold) made Arrow ask for 1.2 GB and compare end in
"intern fejl". The metadata gives each column's unpacked bytes in each row group; more on
average per record than the longest answer ``answer_characters`` allows (4 bytes a character
in UTF-8) means an answer past the limit, and the file is refused before any of it is read.
One huge answer among many short ones passes this check (the average is small); its page is
still decoded whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..limits import active
from ..messages import ntr, number, tr

BYTES_PER_CHARACTER = 4  # the most UTF-8 takes
SLACK = 64  # bytes a value of Parquet's pages costs besides its text (length, levels)


def check_answer_sizes(path: Path, metadata: Any, groups: list[int], columns: list[str]) -> None:
    """Refuse ``path`` when a row group in ``groups`` holds more bytes of one of ``columns``
    than its records' answers could, each at most ``answer_characters`` long."""
    most = active().answer_characters
    first = sum(metadata.row_group(i).num_rows for i in range(groups[0])) + 1 if groups else 1
    for index in groups:
        group = metadata.row_group(index)
        for chunk in (group.column(j) for j in range(group.num_columns)):
            records = max(group.num_rows, 1)
            if chunk.path_in_schema in columns and chunk.total_uncompressed_size > records * (
                most * BYTES_PER_CHARACTER + SLACK
            ):
                raise _too_large(path, first, first + records - 1, chunk, records)
        first += group.num_rows


def _too_large(path: Path, first: int, last: int, chunk: Any, records: int) -> SourceError:
    most = active().answer_characters
    where = (
        tr("record {n}", n=first)
        if first == last
        else tr("records {first} to {last}", first=first, last=last)
    )
    return SourceError(
        path,
        ntr(
            "{where}: {column}: {size} of text for {n} answer; an answer has at most "
            "{most} characters",
            "{where}: {column}: {size} of text for {n} answers; an answer has at most "
            "{most} characters",
            records,
            where=where,
            column=chunk.path_in_schema,
            size=_size(chunk.total_uncompressed_size),
            most=number(most),
        ),
        hint=active().hint("answer_characters"),
    )


def _size(size: int) -> str:
    """``size`` bytes in KB below a megabyte, else in MB."""
    if size < 1024 * 1024:
        return f"{number(round(size / 1024))} KB"
    return f"{number(round(size / 1024 / 1024))} MB"
