"""``hoering workspace``: a hearing served on 127.0.0.1 as the case officer's pages (the
server is :mod:`hoering.workspace`)."""

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
class WorkspaceOptions:
    """What ``hoering workspace`` is asked: a hearing's folder or id (default: the hearing
    the current folder is in), and the port on 127.0.0.1 (0: any free one)."""

    hearing: Path | None = None
    port: int = 8000


@contextmanager
def run(config: Config, options: WorkspaceOptions) -> Iterator[tuple[Report, str]]:
    """``hoering workspace``: while the block runs, the hearing's workspace is served on
    127.0.0.1; yields the report of the start and the opening address (token included)."""
    from ..workspace.running import Workspace

    with Workspace(hearing_or_here(options.hearing, config), config) as running:
        url = running.start(options.port)
        started = tr(
            "Workspace of {path} at {url} (Ctrl+C stops it)",
            path=display_path(running.folder),
            url=url,
        )
        yield Report(lines=[started]), url
