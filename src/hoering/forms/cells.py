"""Arrow columns (a Parquet or CSV batch) as Python cell values, with bounded work.

A dictionary-encoded column (Parquet stores a text that recurs once) stays shared: each
different text becomes one Python string, which every row that gives it refers to, so two
million copies of one answer cost two million references, not two million copies. A text
longer than ``answer_characters`` is never decoded: its cell becomes :class:`Oversized`,
which the row reader reports with the row's number. So does a CSV cell that is not UTF-8
(:class:`NotText`: the file's other rows are read) and one that holds lines looking like whole
rows (:class:`Swallowed`: a quote that was never closed took the rows after it in)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Oversized:
    """A cell whose text was too long to decode: only its length is kept."""

    characters: int


@dataclass(frozen=True)
class NotText:
    """A cell whose bytes are not UTF-8: ``byte`` is the first such, at ``position``."""

    byte: int
    position: int


@dataclass(frozen=True)
class Swallowed:
    """A CSV cell holding ``rows`` lines that look like rows of their own."""

    rows: int


def cells(array: Any, most: int) -> list[Any]:
    """The values of the Arrow array ``array``; texts of more than ``most`` characters
    are :class:`Oversized`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_dictionary(array.type):
        used = pc.unique(array.indices.drop_null())
        values = dict(zip(used.to_pylist(), _texts(array.dictionary.take(used), most), strict=True))
        return [None if i is None else values[i] for i in array.indices.to_pylist()]
    return _texts(array, most)


def _texts(array: Any, most: int) -> list[Any]:
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_temporal(array.type):
        return _moments(array)
    if pa.types.is_binary(array.type) or pa.types.is_large_binary(array.type):
        return _from_bytes(array, most)
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return list(array.to_pylist())
    if not _utf8(array):  # a Parquet text column holding bytes that are not UTF-8
        return _from_bytes(array.cast(pa.binary()), most)
    lengths = pc.utf8_length(array)
    too_long = pc.greater(lengths, pa.scalar(most))
    if not pc.any(too_long).as_py():
        return list(array.to_pylist())
    kept = pc.if_else(too_long, pa.scalar(None, array.type), array).to_pylist()
    return [
        Oversized(length) if long else value
        for value, long, length in zip(kept, too_long.to_pylist(), lengths.to_pylist(), strict=True)
    ]


def _utf8(array: Any) -> bool:
    """Whether a text column's bytes are all UTF-8 (Parquet's reader does not check them;
    found by the long fuzz run as a UnicodeDecodeError, 'intern fejl')."""
    import pyarrow as pa

    try:
        array.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _from_bytes(array: Any, most: int) -> list[Any]:
    """A CSV column read as bytes: as texts when all of it is UTF-8 (checked by Arrow, at
    once), else cell by cell, each cell that is not UTF-8 a :class:`NotText`."""
    import pyarrow as pa

    try:
        return _texts(array.cast(pa.string()), most)
    except pa.ArrowInvalid:
        return [_decoded(value, most) for value in array.to_pylist()]


def _decoded(value: bytes | None, most: int) -> Any:
    if value is None:
        return None
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        return NotText(value[exc.start], exc.start + 1)
    return Oversized(len(text)) if len(text) > most else text


def swallowed(values: list[Any], delimiter: str, fields: int) -> list[Any]:
    """``values`` with each text holding lines of ``fields - 1`` delimiters or more (lines
    that look like whole rows of the file) as :class:`Swallowed`, counting those and the
    row a quote closes by chance (its last line, with fewer delimiters but some)."""
    return [_swallowed(value, delimiter, fields) for value in values]


def _swallowed(value: Any, delimiter: str, fields: int) -> Any:
    if not isinstance(value, str) or "\n" not in value:
        return value
    lines = value.split("\n")[1:]
    rows = sum(line.count(delimiter) >= fields - 1 for line in lines)
    if not rows or fields < 2:
        return value
    closing = lines[-1]  # the row whose quote closed it, by chance: the start of it is in here
    return Swallowed(rows + (0 < closing.count(delimiter) < fields - 1))


def _moments(array: Any) -> list[Any]:
    """Dates and times as Python values; a column with one Python cannot hold (a year past
    9999) as text, so that each such row is reported as not a date, and the others read."""
    import pyarrow as pa

    try:
        return list(array.to_pylist())
    except (OverflowError, ValueError):
        return list(array.cast(pa.string()).to_pylist())
