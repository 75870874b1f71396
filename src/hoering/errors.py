"""Errors a user can act on.

Every error carries where it happened (file, line, key) and, where we can tell, how to fix it.
They are plain picklable objects so they cross process pools unchanged; the CLI prints
``str(error)`` and exits non-zero, never a traceback (unless ``--debug``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self

from .messages import tr
from .roots import find_root

if TYPE_CHECKING:
    from pathlib import Path


class HoeringError(Exception):
    """Base class of every error hoering reports to a user.

    An error may say where it happened (``path``, ``line``, ``key``); ``located`` fills in the
    file once the caller knows it, and pickling keeps every attribute (errors travel back from
    worker processes), so a subclass only declares what differs: its constructor and fields.
    """

    path: Path | None = None
    line: int | None = None
    key: str | None = None

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.message = message
        self.hint = hint

    def located(self, path: Path | str) -> Self:
        """The same error, of the same class, with the file it happened in filled in (an
        error that already names its file is returned as it is)."""
        if self.path is not None:
            return self
        import copy  # here, as pathlib: 'hoering --help' does without them
        from pathlib import Path

        error = copy.copy(self)
        error.path = Path(path)
        return error

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuild without calling __init__: subclasses' constructors take other arguments.
        return (_restore, (type(self), self.args, dict(self.__dict__)))

    def __str__(self) -> str:
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        return self._where() + text

    def _where(self) -> str:
        """``path:line: key: `` for the parts that are known."""
        where = ""
        if self.path is not None:
            where = display_path(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + (f"{self.key}: " if self.key else "")


def _restore(cls: type[HoeringError], args: tuple[Any, ...], state: dict[str, Any]) -> HoeringError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class SourceError(HoeringError):
    """A problem in one place of one file: ``path:line: key: message (hint)``."""

    def __init__(
        self,
        path: Path | str | None,
        message: str,
        *,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        from pathlib import Path

        super().__init__(message, hint)
        self.args = (path, message, line, key, hint)
        self.path = Path(path) if path is not None else None
        self.line = line
        self.key = key


def display_path(path: Path) -> str:
    """``path`` as the user would type it: relative to the current folder when inside it or
    in the same project (``../trafikplan/hearing.yaml`` from a neighbouring hearing), else
    as given."""
    from pathlib import Path

    try:
        here = Path.cwd().resolve()
        target = Path(path).resolve()
        if here not in target.parents and target != here:
            root = find_root(here)
            if root is None or root not in target.parents:
                return str(path)
        return os.path.relpath(target, here)
    except (ValueError, OSError):
        return str(path)


class SourceErrors(HoeringError):
    """Several problems found at once in one or more files; all are reported together."""

    def __init__(self, errors: Iterable[HoeringError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
        self.args = (self.errors,)

    def located(self, path: Path | str) -> Self:
        """Each of the errors located in ``path`` (those that do not name their file yet)."""
        import copy

        error = copy.copy(self)
        error.errors = [e.located(path) for e in self.errors]
        error.args = (error.errors,)
        error.message = "\n".join(str(e) for e in error.errors)
        return error


class ConfigError(SourceError):
    """A problem in hoering.toml."""


class TemplateError(SourceError):
    """A template could not be found or rendered."""


class ImportFileError(SourceError):
    """A file that cannot be imported; the message names the file and what to do."""

    detail: str | None = None  # the traceback of an unexpected error, for --debug


class OutputError(HoeringError):
    """An output file or folder could not be written."""


class NotInProject(HoeringError):
    """A command that needs a project was run outside any."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            tr(
                "{folder} is not in a hoering project (no hoering.toml or "
                "consultations/ folder here or above)",
                folder=folder,
            ),
            hint=tr("go to your project's folder, or give hoering --project DIR"),
        )
        self.args = (folder,)
        self.folder = folder
