"""The group every command of ``hoering`` runs in: library errors become one line each and
exit 1, in one place; warnings are shown as they are logged (and fail the run with
--strict); an unexpected error is one line and exit 70."""

from __future__ import annotations

from typing import Any

import click

from .. import __version__
from ..commands.report import error_lines, project_language, warnings_shown
from ..errors import HoeringError
from ..messages import choose_language, configured_language, ntr, terminal_line, tr
from .report import Progress
from .translated import HoeringCommand, TranslatedCommand


class HoeringGroup(TranslatedCommand, click.Group):
    """Turns library errors into messages and exit code 1 in one place; its commands' help
    speaks the language of messages."""

    command_class = HoeringCommand
    group_class = type  # subgroups are HoeringGroups too

    def make_context(self, *args: Any, **extra: Any) -> click.Context:
        """Each run starts in the language of the project around the current folder (until
        --lang, HOERING_LANG or the command's configuration says otherwise)."""
        if extra.get("parent") is None:
            choose_language(None)
            configured_language(project_language())
        return super().make_context(*args, **extra)

    def invoke(self, ctx: click.Context):
        with warnings_shown(_show_warning) as warnings:
            try:
                result = self._invoke(ctx)
            except click.exceptions.Exit as exc:
                if exc.exit_code == 0:
                    _fail_if_strict(ctx, warnings.count)
                raise
            _fail_if_strict(ctx, warnings.count)
            return result

    def _invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except HoeringError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            for line in error_lines(exc):
                click.echo(tr("Error: {message}", message=terminal_line(line)), err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # the reader went away (hoering actions | head): click's own
            raise  # handling ends quietly with exit 1, as other tools do
        except Exception as exc:  # a bug: one clear line and what to report, no traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(terminal_line(internal_error(exc)), err=True)
            ctx.exit(INTERNAL_ERROR)


def _show_warning(message: str) -> None:
    """How the CLI shows a warning of the library (the one handler of :mod:`hoering.log`)."""
    Progress.end_line()
    click.echo(tr("Warning: {message}", message=terminal_line(message)), err=True)


def _fail_if_strict(ctx: click.Context, warnings: int) -> None:
    """With --strict, a command that succeeded with warnings fails (exit 1)."""
    if warnings and ctx.obj and ctx.obj.get("strict"):
        click.echo(
            ntr(
                "Error: --strict makes the warning above an error",
                "Error: --strict makes the {n} warnings above errors",
                warnings,
            ),
            err=True,
        )
        ctx.exit(1)


INTERNAL_ERROR = 70  # EX_SOFTWARE: distinct from 1 (an error in the user's input)


def internal_error(exc: BaseException) -> str:
    """The one line printed for an unexpected exception (a bug in hoering)."""
    what = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:200]
    return tr(
        "Error: internal error in hoering {version} ({what}). Please report it with the "
        "command you ran and the output of the same command with --debug first "
        "(hoering --debug ...)",
        version=__version__,
        what=what.rstrip(": "),
    )
