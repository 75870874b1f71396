"""Arrow columns (a Parquet or CSV batch) as Python cell values, with bounded work.

A dictionary-encoded column (Parquet stores a text that recurs once) stays shared: each
different text becomes one Python string, which every row that gives it refers to, so two
million copies of one answer cost two million references, not two million copies. A text
longer than ``answer_characters`` is never decoded: its cell becomes :class:`Oversized`,
which the row reader reports with the row's number."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Oversized:
    """A cell whose text was too long to decode: only its length is kept."""

    characters: int


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
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        return array.to_pylist()
    lengths = pc.utf8_length(array)
    too_long = pc.greater(lengths, pa.scalar(most))
    if not pc.any(too_long).as_py():
        return array.to_pylist()
    kept = pc.if_else(too_long, pa.scalar(None, array.type), array).to_pylist()
    return [
        Oversized(length) if long else value
        for value, long, length in zip(kept, too_long.to_pylist(), lengths.to_pylist(), strict=True)
    ]


def _moments(array: Any) -> list[Any]:
    """Dates and times as Python values; a column with one Python cannot hold (a year past
    9999) as text, so that each such row is reported as not a date, and the others read."""
    import pyarrow as pa

    try:
        return array.to_pylist()
    except (OverflowError, ValueError):
        return array.cast(pa.string()).to_pylist()
