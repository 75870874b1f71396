"""Where a project begins: the folder with ``hoering.toml`` or ``consultations/``.

The bottom of the layers (it imports nothing of hoering), so errors can show paths relative
to the project and config can read the project's settings from the same folder.
"""

from __future__ import annotations

from pathlib import Path

CONFIG_FILE = "hoering.toml"
DEFAULT_SOURCES = "consultations"


def find_root(start: Path) -> Path | None:
    """The project folder at or above ``start``: the first that holds ``hoering.toml`` or a
    ``consultations/`` folder; None outside any project."""
    start = Path(start).resolve()
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() or (folder / DEFAULT_SOURCES).is_dir():
            return folder
    return None
