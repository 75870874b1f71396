"""The project a command runs in: its configuration, the hearing the current folder is in,
and the language hoering.toml asks for. Cheap to import (``hoering --help`` reads the
language, with ``os.path``): the library is imported inside the functions."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from ..config import Config


def load_project(folder: Path | None = None, near: Iterable[Path | None] = ()) -> Config:
    """The configuration of the project in ``folder`` (``--project``), or of the project
    around the current folder, or around the first of ``near`` (paths the command was
    given); its ``lang`` becomes the language of messages unless ``--lang`` or
    ``HOERING_LANG`` says otherwise."""
    from ..config import find_project
    from ..messages import configured_language

    config = find_project(folder, near=[path for path in near if path is not None])
    configured_language(config.lang)
    return config


def hearing_or_here(hearing: Path | None, config: Config) -> Path:
    """The hearing given (a folder or an id), or the one the current folder is in."""
    from ..hearing import hearing_here

    return hearing if hearing is not None else hearing_here(config)


def project_language(folder: Path | None = None) -> str | None:
    """The ``lang`` of hoering.toml in the project around ``folder`` (default: the current
    folder), or None: what hoering speaks, before a command reads the whole configuration,
    when neither --lang nor HOERING_LANG says (its --help, a usage error). Cheap: the
    configuration itself is not loaded, and a broken file is left to the command to report."""
    from ..roots import CONFIG_FILE, root_folder

    root = root_folder(os.fspath(folder) if folder else os.getcwd())
    if root is None:
        return None
    try:
        with open(os.path.join(root, CONFIG_FILE), "rb") as file:
            text = file.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if "lang" not in text:
        return None
    import tomllib

    try:
        lang = tomllib.loads(text).get("lang")
    except tomllib.TOMLDecodeError:
        return None
    return lang if isinstance(lang, str) else None
