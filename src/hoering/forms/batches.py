"""What the readers of a form's table files give (partitions of a file, batches of rows,
rows that could not be read) and what they share: the refusal of a file whose reading library is
missing, an exception's first line, and a file's column names for a message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..messages import tr


@dataclass(frozen=True)
class Partition:
    """Part of one table file: Parquet row groups or CSV batches [start, stop)."""

    path: Path
    start: int
    stop: int | None  # None: to the end of the file

    @property
    def kind(self) -> str:
        return self.path.suffix.lower().lstrip(".")


@dataclass(frozen=True)
class Batch:
    """Some rows of a table: each column as a list; ``rows`` are their numbers."""

    columns: dict[str, list[Any]]
    rows: list[int]


@dataclass(frozen=True)
class BadLine:
    """A CSV row that could not be split into the header's fields."""

    row: int | None
    message: str
    hint: str | None = None


def missing(path: Path, kind: str, package: str) -> SourceError:
    return SourceError(
        path,
        tr(
            "reading {kind} files needs {package}: pip install '{package}'",
            kind=kind,
            package=package,
        ),
    )


def first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def listed(columns: list[str]) -> str:
    """A file's column names for a message: the first twelve, quoted."""
    return ", ".join(f"'{c}'" for c in columns[:12]) + (", …" if len(columns) > 12 else "")
