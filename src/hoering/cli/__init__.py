"""The ``hoering`` command: a thin layer over the library, one call per command.

Each command is a module here that parses its arguments into the options record of its
module in :mod:`hoering.commands`, calls that module's ``run`` and prints the report; the
library is imported only when the command runs, so ``--help`` costs little more than
importing click. Errors from the library (:class:`~hoering.errors.HoeringError`) are printed
as one clear line each and exit 1, never as a traceback (unless ``--debug``), in
:mod:`hoering.cli.group`.

Help is written in English in the code and shown in the language of messages
(:mod:`hoering.cli.translated`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .. import __version__
from ..languages import codes
from ..messages import choose_language
from . import actions, build, check, compare, import_, new, preview, remarks, review, workspace
from .group import HoeringGroup
from .options import PathType
from .translated import HoeringOption, option

if TYPE_CHECKING:
    from pathlib import Path


@click.group(cls=HoeringGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="hoering",
    cls=HoeringOption,
    help="Show the version and exit.",
)
@option("--debug", is_flag=True, help="Show tracebacks for errors (for bug reports).")
@option("--strict", is_flag=True, help="Treat warnings as errors: exit 1 if there were any.")
@option(
    "--project",
    type=PathType(file_okay=False),
    help="The project folder (default: the nearest folder, from the current one "
    "up, with hoering.toml or consultations/).",
)
@option(
    "--lang",
    type=click.Choice(codes()),
    is_eager=True,  # before --help, which is to speak it
    expose_value=False,  # chosen by the callback
    callback=lambda _ctx, _param, lang: choose_language(lang) if lang else None,
    help="Language of messages (default: HOERING_LANG, or hoering.toml's lang, or da).",
)
@click.pass_context
def main(ctx: click.Context, debug: bool, strict: bool, project: Path | None) -> None:
    """Høringssvar, referater and høringsnotater: Markdown → DOCX, PDF and HTML on letterhead.

    Examples:
      hoering new response --organisation ishoj --hearing samarbejdsaftale-psykisk-sygdom
      hoering check
      hoering build
      hoering build consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md -f pdf
      hoering actions --overdue
      hoering import ~/Downloads/svar.pdf --hearing consultations/samarbejdsaftale-psykisk-sygdom
      hoering compare consultations/samarbejdsaftale-psykisk-sygdom

    Each command explains itself: hoering COMMAND --help.

    Run it anywhere in your project: the project is the nearest folder, from the current one
    up, with hoering.toml or a consultations/ folder (as git finds .git); settings are read
    from its hoering.toml, if there is one. In a hearing's folder, build, check, actions and
    compare work on that hearing.
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["strict"] = strict
    ctx.obj["project"] = project


for command in (
    build.build,
    check.check,
    new.new,
    import_.import_,
    review.review,
    actions.actions,
    compare.compare,
    preview.preview,
    remarks.remarks,
    workspace.workspace,
):
    main.add_command(command)
