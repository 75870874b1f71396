"""Errors a user can act on.

Every error carries where it happened (file, line, key) and, where we can tell, how to fix it.
They are plain picklable objects so they cross process pools unchanged; the CLI prints
``str(error)`` and exits non-zero, never a traceback (unless ``--debug``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .messages import tr
from .roots import find_root


class HoeringError(Exception):
    """Base class of every error hoering reports to a user."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} ({self.hint})"
        return self.message


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
        super().__init__(message, hint)
        self.args = (path, message, line, key, hint)
        self.path = Path(path) if path is not None else None
        self.line = line
        self.key = key

    def __reduce__(self):  # keep keyword-only arguments through pickling
        return (_make_source_error, self.args)

    def located(self, path: Path) -> SourceError:
        """The same error, with the file it happened in filled in."""
        if self.path is not None:
            return self
        return SourceError(path, self.message, line=self.line, key=self.key, hint=self.hint)

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = display_path(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        key = f"{self.key}: " if self.key else ""
        return where + key + HoeringError.__str__(self)


def display_path(path: Path) -> str:
    """``path`` as the user would type it: relative to the current folder when inside it or
    in the same project (``../trafikplan/hearing.yaml`` from a neighbouring hearing), else
    as given."""
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


def _make_source_error(path, message, line, key, hint) -> SourceError:
    return SourceError(path, message, line=line, key=key, hint=hint)


class SourceErrors(HoeringError):
    """Several problems found at once in one or more files; all are reported together."""

    def __init__(self, errors: Iterable[HoeringError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
        self.args = (self.errors,)

    def __reduce__(self):
        return (SourceErrors, (self.errors,))


class ConfigError(SourceError):
    """A problem in hoering.toml."""

    def __reduce__(self):
        return (_make_config_error, self.args)


def _make_config_error(path, message, line, key, hint) -> ConfigError:
    return ConfigError(path, message, line=line, key=key, hint=hint)


class TemplateError(SourceError):
    """A template could not be found or rendered."""

    def __reduce__(self):
        return (_make_template_error, self.args)


def _make_template_error(path, message, line, key, hint) -> TemplateError:
    return TemplateError(path, message, line=line, key=key, hint=hint)


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
