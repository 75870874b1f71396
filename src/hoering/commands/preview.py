"""``hoering preview``: a source's document, or a hearing's notat, served on 127.0.0.1 and
rebuilt when a file changes (the server is :mod:`hoering.preview`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import display_path
from ..messages import tr
from .project import hearing_or_here
from .report import Report

if TYPE_CHECKING:
    from ..config import Config


@dataclass(frozen=True, slots=True)
class PreviewOptions:
    """What ``hoering preview`` is asked: a source, or a hearing's folder or id (default:
    the hearing the current folder is in), and the port on 127.0.0.1 (0: any free one)."""

    path: Path | None = None
    port: int = 8000


@contextmanager
def run(config: Config, options: PreviewOptions) -> Iterator[tuple[Report, str]]:
    """``hoering preview``: while the block runs, a source's document (or a hearing's
    notat) is served on 127.0.0.1 and rebuilt when a file changes; yields the report of
    the start and the page's address."""
    from ..preview import Preview

    with Preview(hearing_or_here(options.path, config), config) as running:
        url = running.start(options.port)
        started = tr(
            "Preview of {path} at {url} (Ctrl+C stops it)",
            path=display_path(running.target.path),
            url=url,
        )
        yield Report(lines=[started]), url
