"""The group every command of ``hoering`` runs in, and the class of its commands: library
errors become one line each and exit 1, in one place; while a command runs, warnings are
shown as they are logged (and fail the run with --strict); an unexpected error is one line
and exit 70. The library (and logging) is imported only once a command runs, not for its
``--help``."""

from __future__ import annotations

import os
import sys
from typing import Any

import click
import click.formatting

from .. import __version__
from ..commands.project import project_language
from ..errors import HoeringError
from ..messages import choose_language, configured_language, ntr, terminal_line, tr
from .report import Progress
from .translated import TranslatedCommand


class HelpContext(click.Context):
    """click's context, with help as wide as click makes it (the terminal's width, at most
    80 columns) measured without importing shutil, whose archive modules alone cost
    ``hoering --help`` a tenth of importing click."""

    def make_formatter(self) -> click.HelpFormatter:
        width = self.terminal_width or click.formatting.FORCED_WIDTH
        if width is None:
            width = max(min(terminal_columns(), self.max_content_width or 80) - 2, 50)
        return self.formatter_class(width=width, max_width=self.max_content_width)


def terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` tells it: $COLUMNS, else the
    width of the terminal on standard output, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", 0))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            stdout = sys.__stdout__  # None without a console (pythonw)
            columns = os.get_terminal_size(stdout.fileno()).columns if stdout is not None else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HoeringCommand(TranslatedCommand, click.Command):
    """A command whose help speaks the language of messages, and which shows each warning
    the library logs while it runs (with --strict, a run with warnings fails)."""

    context_class = HelpContext

    def invoke(self, ctx: click.Context) -> Any:
        from ..commands.report import warnings_shown

        with warnings_shown(_show_warning) as warnings:
            try:
                result = super().invoke(ctx)
            except click.exceptions.Exit as exc:
                if exc.exit_code == 0:
                    _fail_if_strict(ctx, warnings.count)
                raise
            _fail_if_strict(ctx, warnings.count)
            return result


class HoeringGroup(TranslatedCommand, click.Group):
    """Turns library errors into messages and exit code 1 in one place; its commands' help
    speaks the language of messages."""

    command_class = HoeringCommand
    group_class = type  # subgroups are HoeringGroups too
    context_class = HelpContext

    def make_context(self, *args: Any, **extra: Any) -> click.Context:
        """Each run starts in the language of the project around the current folder (until
        --lang, HOERING_LANG or the command's configuration says otherwise)."""
        if extra.get("parent") is None:
            choose_language(None)
            configured_language(project_language())
        return super().make_context(*args, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HoeringError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from ..commands.report import error_lines

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
