"""Where a project begins: the folder with ``hoering.toml`` or ``consultations/``.

The bottom of the layers (it imports nothing of hoering), so errors can show paths relative
to the project and config can read the project's settings from the same folder.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

CONFIG_FILE = "hoering.toml"
DEFAULT_SOURCES = "consultations"


def find_root(start: Path | str) -> Path | None:
    """The project folder at or above ``start``: the first that holds ``hoering.toml`` or a
    ``consultations/`` folder; None outside any project."""
    folder = root_folder(os.fspath(start))
    if folder is None:
        return None
    from pathlib import Path

    return Path(folder)


def root_folder(start: str) -> str | None:
    """:func:`find_root` as text, with ``os.path``: every start of ``hoering`` asks it (for
    the project's language) before anything needs pathlib."""
    folder = os.path.realpath(start)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        config = os.path.join(folder, CONFIG_FILE)
        if os.path.isfile(config) or os.path.isdir(os.path.join(folder, DEFAULT_SOURCES)):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
