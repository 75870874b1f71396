"""What every command shares: the :class:`Report` in which it tells what it did, and how
its progress and warnings are shown (the project it runs in is :mod:`.project`).

Each command is a module of :mod:`hoering.commands` with a frozen options record and a
``run(config, options)`` that returns a :class:`Report`; ``hoering.cli`` parses the
arguments, builds the record once, calls ``run`` and prints the report::

    from hoering.commands import build, project
    config = project.load_project()                # --project, or around the current folder
    done = build.run(config, build.BuildOptions(paths=(Path("consultations"),), formats=("pdf",)))
    done.lines, done.warnings, done.errors, done.written, done.failed

An error that stops a command (a missing hearing, a broken hoering.toml) is raised as
:class:`~hoering.errors.HoeringError`; errors in some of many files are listed in the report
and the rest of the work is done.

The library is imported inside the functions, so importing this module (and ``hoering
--help``) stays as cheap as importing click.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..errors import HoeringError, SourceErrors

if TYPE_CHECKING:
    from ..log import WarningsShown


@dataclass
class Report:
    """What a command did: printed the same way for every command.

    ``lines`` go to standard output in order; ``warnings`` and ``errors`` (one line each) to
    standard error; ``details`` (tracebacks of unexpected errors) only with ``--debug``;
    ``summary`` is the last line, on standard error when the command failed; ``output`` is
    written to standard output as bytes (a CSV). ``written`` lists the files made.
    """

    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    summary: str | None = None
    output: bytes | None = None
    failed: bool = False

    @property
    def exit_code(self) -> int:
        """1 when anything failed, else 0."""
        return 1 if self.failed or self.errors else 0

    def add_error(self, error: HoeringError, detail: str | None = None) -> None:
        self.errors.extend(error_lines(error))
        if detail:
            self.details.append(detail.rstrip())


class Progress(Protocol):
    """What a long command reports while it runs (the CLI shows it on standard error)."""

    def count(self, done: int, total: int) -> None: ...

    def step(self, what: str) -> None: ...


def error_lines(error: HoeringError) -> list[str]:
    """An error as the lines a user reads: one per problem."""
    if isinstance(error, SourceErrors):
        return [str(e) for e in error.errors]
    return [str(error)]


def warnings_shown(show: Callable[[str], None]) -> AbstractContextManager[WarningsShown]:
    """While inside, each warning the library logs (a record of the ``hoering`` loggers, see
    :mod:`hoering.log`) is passed to ``show`` as one line, and counted (for ``--strict``).
    The reports list their warnings too, for programs that do not use logging."""
    from ..log import shown_with

    return shown_with(show)
