"""``hoering preview``: its options parsed into one record, the server run until Ctrl+C."""

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
@click.argument("path", required=False, type=PathType())
@option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 to serve the preview on (0: any free port).",
)
@option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
def preview(path: Path | None, port: int, no_browser: bool) -> None:
    """Show a source's document, or a hearing's høringsnotat, in the browser while you write.

    PATH is a source (.md) or a hearing's folder or id (default: the hearing the current
    folder is in). The page is rebuilt and reloads by itself each time you save a file;
    an error shows on the page with its file and line, and the PDF is one click away. The
    server listens on 127.0.0.1 only; Ctrl+C stops it.

    Examples:
      hoering preview consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md
      hoering preview consultations/samarbejdsaftale-psykisk-sygdom --port 8001
    """
    from ..commands.preview import PreviewOptions, run

    options = PreviewOptions(path=path, port=port)
    with run(load_project(project(), [path]), options) as (report, url):
        show(report)
        serve_until_stopped(url, no_browser, tr("Preview stopped"))
