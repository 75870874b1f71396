"""What several commands parse alike: the formats, the output folder, dates, and the
project folder given to the group (``--project``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from .translated import Decorated, option

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path


class PathType(click.Path):
    """``click.Path`` whose value is a ``pathlib.Path``, with pathlib imported only when a
    path is given: ``hoering --help`` does without it (a tenth of importing click)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        from pathlib import Path

        return Path(os.fsdecode(super().convert(value, param, ctx)))


FORMAT_NAMES = ("docx", "pdf", "html")  # kept here so --help does not import the renderers


def formats_option(help: str) -> Callable[[Decorated], Decorated]:
    """``-f``/``--format``, repeatable: the formats to make (build, compare)."""
    return option(
        "-f", "--format", "formats", multiple=True, type=click.Choice(FORMAT_NAMES), help=help
    )


def output_folder_option() -> Callable[[Decorated], Decorated]:
    """``-o``/``--output``: the folder to write to instead of the configured one."""
    return option(
        "-o",
        "--output",
        type=PathType(),
        help="Folder to write to. Default: output/ (or hoering.toml's).",
    )


def project() -> Path | None:
    """The folder given with ``--project``, if any."""
    return (click.get_current_context().find_root().obj or {}).get("project")


def day(value: dt.datetime | None) -> dt.date | None:
    """The date of a ``click.DateTime`` option."""
    return value.date() if value else None
