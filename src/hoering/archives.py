"""Zip containers (DOCX, ODT, XLSX) refused from their directory alone, before anything is
unpacked: a document has a few dozen parts, each packed a few times smaller at most, so a
thousand parts or a part that packs a thousand-fold is a zip bomb, not a letter."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from .errors import ImportFileError
from .messages import tr

MAX_MEMBERS = 5000  # a real DOCX has a few dozen parts
MAX_RATIO = 200  # a member that packs better than this is not a real document part


def ask_again() -> str:
    """The hint for a file that arrived damaged."""
    return tr("ask the sender for the file again")


def check_zip_directory(
    path: Path,
    members: list[zipfile.ZipInfo],
    limit_mb: float,
    *,
    crowded: Callable[[int], str],
    limit_hint: str,
) -> None:
    """Refuse a zip (DOCX, XLSX) from its directory alone, before anything is unpacked: more
    than MAX_MEMBERS parts (``crowded(n)`` says why), more than ``limit_mb`` unpacked, or a
    part of over 1 MB that packs better than MAX_RATIO:1 (``limit_hint`` names the limit)."""
    if len(members) > MAX_MEMBERS:
        raise ImportFileError(path, crowded(len(members)), hint=ask_again())
    unpacked = sum(m.file_size for m in members)
    suspicious = [
        m
        for m in members
        if m.file_size > 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1)
    ]
    if unpacked > limit_mb * 1024 * 1024 or suspicious:
        raise ImportFileError(
            path,
            tr(
                "unpacks to {unpacked} MB from {packed} KB; this looks like a zip bomb and "
                "is not opened",
                unpacked=round(unpacked / 1024 / 1024),
                packed=round(path.stat().st_size / 1024),
            ),
            hint=limit_hint,
        )
