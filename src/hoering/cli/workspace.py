"""``hoering workspace``: its options parsed into one record, the server run until Ctrl+C."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..commands.project import load_project
from ..messages import tr
from .group import HoeringCommand
from .options import PathType, project
from .report import serve_until_stopped, show
from .translated import option

if TYPE_CHECKING:
    from pathlib import Path


@click.command(cls=HoeringCommand)
@click.argument("hearing", required=False, type=PathType())
@option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 to serve the workspace on (0: any free port).",
)
@option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
def workspace(hearing: Path | None, port: int, no_browser: bool) -> None:
    """Check and answer a hearing's responses in the browser; the files stay the source.

    HEARING is the hearing's folder or id (default: the hearing the current folder is in).
    The page lists every respondent with what is left to do; beside each response's
    original pages you accept or correct what import guessed, and you write the answer and
    status of every remark. Each save is written into the Markdown files (remarks.md, the
    response's metadata and headings); the høringsnotat of the current state is one click
    away. The server listens on 127.0.0.1 only, and only the address it prints (with its
    token) lets a browser in; Ctrl+C stops it.

    Examples:
      hoering workspace consultations/samarbejdsaftale-psykisk-sygdom
      hoering workspace --port 8001 --no-browser
    """
    from ..commands.workspace import WorkspaceOptions, run

    options = WorkspaceOptions(hearing=hearing, port=port)
    with run(load_project(project(), [hearing]), options) as (report, url):
        show(report)
        serve_until_stopped(url, no_browser, tr("Workspace stopped"))
