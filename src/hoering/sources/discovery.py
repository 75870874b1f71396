"""Which files are sources: the ``.md`` files in ``responses/`` and ``minutes/`` folders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..config import Config
from ..errors import SourceError
from ..messages import tr

SOURCE_FOLDERS = ("responses", "minutes")


def discover(paths: Iterable[Path | str] | None, config: Config) -> list[Path]:
    """The sources below ``paths`` (default: the project's sources folder): given files, and
    every ``.md`` in a responses/ or minutes/ folder below given folders, sorted. A path that
    does not exist is an error."""
    found: list[Path] = []
    for path in paths or [config.default_sources()]:
        path = Path(path)
        if path.is_dir() and path.suffix != ".md":
            below = [p for p in path.rglob("*.md") if _in_source_folder(p, path)]
            if not below:
                raise SourceError(
                    path,
                    tr("no sources found in this folder"),
                    hint=tr("sources are .md files in responses/ or minutes/ folders"),
                )
            found.extend(below)
        else:
            found.append(path)
    return sorted(dict.fromkeys(found))


def _in_source_folder(path: Path, root: Path) -> bool:
    if path.parent.name in SOURCE_FOLDERS:
        return True
    return root.name in SOURCE_FOLDERS and path.parent == root
