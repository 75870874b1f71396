"""One place decides which files may go into a document and where outputs may be written.

A published document must never carry a file from outside the project: every path that comes
from a source (an image), a profile (``logo:``), a hearing (a received original) or a
template is resolved, symlinks included, and must lie inside the folders allowed for it.
Output folders must not lie inside what hoering reads (sources, received originals,
templates), so a build can never overwrite them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import OutputError, SourceError, display_path
from .messages import tr
from .roots import CONFIG_FILE

if TYPE_CHECKING:
    from .config import Config

_PLAIN_ID = re.compile(r"[A-Za-z0-9æøåÆØÅ][A-Za-z0-9æøåÆØÅ._-]*")


def project_root(path: Path) -> Path:
    """The project ``path`` belongs to: the nearest folder above it with a hoering.toml,
    else the current folder when ``path`` is inside it, else ``path``'s own folder."""
    path = Path(path).resolve()
    for folder in path.parents:
        if (folder / CONFIG_FILE).is_file():
            return folder
    cwd = Path.cwd().resolve()
    return cwd if path.is_relative_to(cwd) else path.parent


def is_inside(path: Path, roots: Iterable[Path]) -> bool:
    """True when ``path``, with every symlink resolved, lies inside one of ``roots``."""
    resolved = Path(path).resolve()
    return any(resolved.is_relative_to(Path(root).resolve()) for root in roots)


def confined(
    path: Path,
    roots: Iterable[Path],
    *,
    origin: Path | None,
    what: str,
    allowed: str,
    line: int | None = None,
    key: str | None = None,
) -> Path:
    """``path`` resolved, or a SourceError at ``origin:line`` when it leads outside ``roots``
    (``what`` names the reference, ``allowed`` says where such files may be)."""
    roots = list(roots)
    if not is_inside(path, roots):
        raise SourceError(
            origin,
            tr("{what} is outside {allowed}", what=what, allowed=allowed),
            line=line,
            key=key,
            hint=tr("copy the file into {allowed} and refer to it there", allowed=allowed),
        )
    return Path(path).resolve()


def plain_id(value: str, *, origin: Path | None, key: str, line: int | None = None) -> str:
    """``value`` when it is a plain id (a file name without folders), else a SourceError."""
    if not _PLAIN_ID.fullmatch(value):
        raise SourceError(
            origin,
            tr("'{value}' is not an id", value=value[:80]),
            line=line,
            key=key,
            hint=tr("an id is a name such as 'ishoj' or 'region-hovedstaden', without '/' or '..'"),
        )
    return value


def check_output_folder(folder: Path, config: Config) -> None:
    """Refuse an output folder inside the sources, a hearing's received/ or the templates."""
    folder = Path(folder)
    resolved = Path(folder).resolve()
    if any(
        f.name == "received" and (f.parent / "hearing.yaml").is_file()
        for f in (resolved, *resolved.parents)
    ):
        raise _will_not_write(
            tr(
                "will not write to {folder}: it is inside a hearing's received/ folder, "
                "where the originals are kept",
                folder=display_path(folder),
            )
        )
    if is_inside(folder, [config.sources]):
        raise _will_not_write(
            tr(
                "will not write to {folder}: it is inside the sources folder",
                folder=display_path(folder),
            )
        )
    if is_inside(folder, [config.templates]):
        raise _will_not_write(
            tr(
                "will not write to {folder}: it is inside the templates folder",
                folder=display_path(folder),
            )
        )


def _will_not_write(message: str) -> OutputError:
    return OutputError(message, hint=tr("choose an output folder outside it, e.g. -o output"))
