"""``hoering build``: its options parsed into one record, the command called."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..commands.project import load_project
from .group import HoeringCommand
from .options import PathType, formats_option, output_folder_option, project
from .report import Progress, finish
from .translated import option

if TYPE_CHECKING:
    from pathlib import Path


@click.command(cls=HoeringCommand)
@click.argument("paths", nargs=-1, type=PathType())
@formats_option("Format to build (repeat for several). Default: all, or hoering.toml's.")
@output_folder_option()
@option("--force", is_flag=True, help="Rebuild even sources whose outputs are up to date.")
def build(
    paths: tuple[Path, ...],
    formats: tuple[str, ...],
    output: Path | None,
    force: bool,
) -> None:
    """Build documents from the sources in PATHS (default: the sources folder).

    Every .md file in a responses/ or minutes/ folder below PATHS becomes DOCX, PDF and HTML
    in the output folder, mirroring the folders:
    consultations/X/responses/ishoj.md → output/X/responses/ishoj.pdf.
    Sources whose outputs are newer than the source, its profile and the templates are
    skipped (use --force). A failing source is reported and the others are still built.

    Examples:
      hoering build
      hoering build consultations/samarbejdsaftale-psykisk-sygdom -f pdf -f docx
      hoering build --force -o /tmp/udkast
    """
    from ..commands.build import BuildOptions, run

    options = BuildOptions(paths=paths, formats=formats, output=output, force=force)
    config = load_project(project(), paths)
    with Progress() as progress:
        report = run(config, options, progress)
    finish(report)
