"""How a command's report, its progress and the library's warnings are printed."""

from __future__ import annotations

import sys
import threading
import time
from typing import TYPE_CHECKING

import click

from ..messages import terminal_line, tr

if TYPE_CHECKING:
    from ..commands.report import Report


def show(report: Report) -> None:
    """Print a command's report: errors on stderr, its lines on stdout, the summary last (on
    stderr when the command failed). Its warnings were shown as the library logged them."""
    ctx = click.get_current_context()
    if ctx.find_root().obj.get("debug"):
        for detail in report.details:
            click.echo(detail, err=True)
    for error in report.errors:
        click.echo(tr("Error: {message}", message=terminal_line(error)), err=True)
    for line in report.lines:
        click.echo(terminal_line(line, lines=True))
    if report.output is not None:
        sys.stdout.buffer.write(report.output)
        sys.stdout.flush()
    if report.summary:
        click.echo(terminal_line(report.summary), err=bool(report.exit_code))


def finish(report: Report) -> None:
    """Print the report and exit 1 if the command failed."""
    show(report)
    if report.exit_code:
        click.get_current_context().exit(report.exit_code)


class Progress:
    """Progress on stderr in a long run: a counter on a terminal, a line per quarter
    otherwise; silent for a handful of items. Steps of a run (``step``) are shown once it has
    taken a few seconds, so a quick run prints only its result."""

    SHOW_FROM = 8
    QUIET_SECONDS = 2.0

    def __init__(self, verb: str | None = None) -> None:
        self.verb = verb or tr("Building")
        self.tty = sys.stderr.isatty()
        self.shown = False
        self.started = time.monotonic()

    current: Progress | None = None  # the one being shown, for warnings to end its line

    def __enter__(self) -> Progress:
        Progress.current = self
        return self

    @staticmethod
    def end_line() -> None:
        if Progress.current is not None:
            Progress.current._end_line()

    def count(self, done: int, total: int) -> None:
        if total < self.SHOW_FROM:
            return
        if self.tty:
            click.echo(f"\r{self.verb} {done}/{total}", err=True, nl=False)
            self.shown = True
        elif done == total or done % max(1, total // 4) == 0:
            click.echo(f"{self.verb} {done}/{total}", err=True)

    def step(self, what: str) -> None:
        if time.monotonic() - self.started >= self.QUIET_SECONDS:
            self._end_line()
            click.echo(tr("Making {what}", what=what), err=True)

    def _end_line(self) -> None:
        if self.shown:
            click.echo("", err=True)
            self.shown = False

    def __exit__(self, *exc: object) -> None:
        self._end_line()
        Progress.current = None


def serve_until_stopped(url: str, no_browser: bool, stopped: str) -> None:
    """Open ``url`` in the browser (unless ``no_browser``) and wait until Ctrl+C, then say
    ``stopped``: the end of every command that runs a local server."""
    if not no_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        click.echo(stopped)
