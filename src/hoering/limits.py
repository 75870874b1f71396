"""Limits on everything an input could make unbounded, from ``[limits]`` in hoering.toml.

```toml
[limits]
source_mb = 5              # largest Markdown source
source_lines = 50000       # lines in one Markdown source (each line is parsed into objects)
image_megapixels = 40      # largest image, width x height (read from its header)
images_per_source = 200    # images in one source (the same file twice counts twice)
images_megapixels_total = 200  # all the images of one source together
images_mb = 10             # all the image files of one source together
table_rows = 2000          # rows in one table
table_cells = 40000        # cells in one table
yaml_aliases = 50          # alias uses (*name) in one metadata block
template_output_mb = 20    # what one user template may produce
template_seconds = 20      # how long one user template may run
template_memory_mb = 1000  # the memory a user's PDF template may lay out in (address space)
xlsx_unpacked_mb = 200     # what one XLSX export may unpack to (read from its zip directory)
xlsx_strings = 1000000     # shared strings in one XLSX export (counted before it is opened)
xlsx_rows = 100000         # rows in one XLSX export (CSV and Parquet are read in parts)
form_rows = 5000000        # rows in one Parquet export (read from its metadata first)
answer_characters = 20000  # one answer (a cell) of a web-form export
form_partition_mb = 256    # different answer text one partition of an export may hold
```

The defaults keep every build of one source well below 1 GB of memory. The limits in force
are set by :func:`hoering.config.load_config` and handed to worker processes by the pool.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .errors import ConfigError
from .messages import tr

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Settings = TypeVar("Settings", bound="DataclassInstance")  # a dataclass of positive numbers

SECTION = "limits"


@dataclass(frozen=True)
class Limits:
    source_mb: float = 5
    source_lines: int = 50_000
    image_megapixels: float = 40
    images_per_source: int = 200
    images_megapixels_total: float = 200
    images_mb: float = 10
    table_rows: int = 2000
    table_cells: int = 40000
    yaml_aliases: int = 50
    template_output_mb: float = 20
    template_seconds: float = 20
    template_memory_mb: float = 1000
    xlsx_unpacked_mb: float = 200
    xlsx_strings: int = 1_000_000
    xlsx_rows: int = 100_000
    form_rows: int = 5_000_000
    answer_characters: int = 20_000
    form_partition_mb: float = 256

    @classmethod
    def from_section(cls, section: object, path: Path) -> Limits:
        return positive_numbers(cls, section, SECTION, path, "table_rows = 2000")

    def hint(self, key: str) -> str:
        value = getattr(self, key)
        value = str(value) if isinstance(value, int) else format(value, "g")  # as in hoering.toml
        return tr(
            "the limit is {key} = {value} under [limits] in hoering.toml", key=key, value=value
        )


def positive_numbers(
    cls: type[Settings], section: object, name: str, path: Path | None, example: str
) -> Settings:
    """The dataclass ``cls`` of positive numbers from the hoering.toml table ``[name]``:
    an unknown key, or a value that is no positive number, is an error naming the key."""
    if not isinstance(section, dict):
        raise ConfigError(
            path,
            tr("should be a table of settings"),
            key=name,
            hint=tr("write [{name}] on its own line, then {example}", name=name, example=example),
        )
    kinds = {f.name: f.type for f in fields(cls)}
    values: dict[str, float] = {}
    for key, value in section.items():
        if key not in kinds:
            raise ConfigError(
                path,
                tr("unknown key"),
                key=f"{name}.{key}",
                hint=tr("known keys: {keys}", keys=", ".join(kinds)),
            )
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise ConfigError(
                path, tr("{value} is not a positive number", value=repr(value)), key=f"{name}.{key}"
            )
        values[key] = int(value) if kinds[key] == "int" else float(value)
    return cls(**values)


_active = Limits()


def active() -> Limits:
    """The limits in force in this process."""
    return _active


def activate(limits: Limits) -> None:
    global _active
    _active = limits
