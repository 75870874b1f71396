"""The files the workspace may change, the version the page read, and the checked save.

A version is the SHA-256 of a file's bytes (:data:`ABSENT` for a file not written yet). A
save names the version its change was made on; when the file on disk has another one (the
official also has it open in an editor), the save is refused and nothing is written. The
new bytes are staged beside the file, checked by the project's own reader, and renamed into
place (:func:`hoering.output.atomic_file`), so a crash never leaves half a file.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from ..errors import HoeringError, SourceError, SourceErrors, display_path
from ..messages import tr
from ..output import atomic_file
from ..paths import confined

ABSENT = "absent"  # the version of a file that does not exist yet (remarks.md)
BOM = "\ufeff"
RESPONSES = "responses"
MAX_FILE_BYTES = 5 * 1024 * 1024  # the largest file an edit writes (limits' source_mb)

_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()


class EditRefused(HoeringError):
    """An edit the workspace will not write: the file is left as it was."""


class ChangedOnDisk(EditRefused):
    """The file changed since the page read it: the page must read it again."""


# control characters (but tab and line ends) and the bidirectional controls: the reader
# would replace or remove them with a warning, so they are not written in the first place
# controls, bidirectional controls, and the line and paragraph separators and byte order
# mark (YAML and Python's splitlines take U+2028/U+2029 as line ends: a value holding one
# made every later edit of the file refuse)
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]"
)


def check_printable(what: str, text: str) -> None:
    """Refuse ``text`` when it holds a character the reader would not keep as written."""
    found = _UNWRITABLE.search(text)
    if found:
        raise EditRefused(
            tr(
                "{what}: the character U+{code} cannot be written (a control character)",
                what=what,
                code=f"{ord(found[0]):04X}",
            )
        )


def refused(message: str, hint: str) -> EditRefused:
    """A refusal that says what is wrong and, in brackets, what is allowed."""
    return EditRefused(f"{message} ({hint})")


def check_topic(known: Collection[str], topic: str | None) -> None:
    """Refuse ``topic`` unless it is None (no topic) or one of the hearing's ``known``."""
    if topic is not None and topic not in known:
        raise refused(
            tr("topic '{topic}' is not a topic of hearing.yaml", topic=topic[:80]),
            tr("use one of: {choices}", choices=", ".join(known)),
        )


@dataclass(frozen=True)
class FileVersion:
    """A file as the page read it: its text and the version a save must name."""

    path: Path
    text: str  # without a byte order mark; "" for a file not written yet
    version: str  # sha256 of the bytes, or ABSENT


def version_of(data: bytes | None) -> str:
    """The version of a file's bytes (None: the file does not exist)."""
    return ABSENT if data is None else hashlib.sha256(data).hexdigest()


def response_path(hearing: Path, source: str | Path) -> Path:
    """``source`` (``responses/ishoj.md``, relative to the hearing folder) resolved, or an
    EditRefused when it is not a Markdown file in the hearing's responses/ folder."""
    name = str(source)[:200]
    try:
        path = confined(
            Path(hearing) / source,
            [Path(hearing) / RESPONSES],
            origin=None,
            what=f"'{name}'",
            allowed=tr("the hearing's responses/ folder"),
        )
    except SourceError as exc:
        raise EditRefused(exc.message) from None
    if path.suffix != ".md" or not path.is_file():
        raise EditRefused(tr("'{file}' is not a response of this hearing", file=name))
    return path


def hearing_file(hearing: Path, name: str) -> Path:
    """The hearing's own file ``name`` (remarks.md), refused when a link leads it outside
    the hearing folder (written there, the link would be replaced, not followed)."""
    try:
        return confined(
            Path(hearing) / name,
            [Path(hearing)],
            origin=None,
            what=f"'{name}'",
            allowed=tr("the hearing's folder"),
        )
    except SourceError as exc:
        raise EditRefused(exc.message) from None


def read(path: Path) -> FileVersion:
    """``path``'s text and version, as a page shows it before an edit."""
    data = _bytes(path)
    if data is None:
        return FileVersion(path, "", ABSENT)
    return FileVersion(path, _decode(path, data), version_of(data))


def save(
    path: Path, version: str, change: Callable[[str], str], check: Callable[[Path], None]
) -> FileVersion:
    """Apply ``change`` (old text → new text) to ``path`` if it is still at ``version``,
    check the staged result with ``check`` (which raises the reader's errors), and rename
    it into place. Returns the file as written."""
    with _lock(path):
        data = _bytes(path)
        _still(path, version, data)
        text = _decode(path, data) if data is not None else ""
        bom = BOM.encode() if data is not None and data.startswith(BOM.encode()) else b""
        new = bom + change(text).encode("utf-8")
        if len(new) > MAX_FILE_BYTES:
            raise EditRefused(tr("{path}: the file would be too large", path=display_path(path)))
        if new == data:
            return FileVersion(path, text, version)
        with atomic_file(path) as staged:
            staged.write_bytes(new)
            _checked(staged, path, check)
            _still(path, version, _bytes(path))
        return FileVersion(path, new.decode("utf-8-sig"), version_of(new))


def _checked(staged: Path, path: Path, check: Callable[[Path], None]) -> None:
    """Run ``check`` on the staged file; its errors are refusals about ``path``."""
    try:
        check(staged)
    except SourceErrors as exc:
        errors = [_renamed(e, staged, path) for e in exc.errors]
        raise EditRefused(
            tr(
                "{path}: the edit is not saved, the file would not be read: {problem}",
                path=display_path(path),
                problem="; ".join(str(e) for e in errors),
            )
        ) from None
    except HoeringError as exc:
        problem = _renamed(exc, staged, path)
        raise EditRefused(
            tr(
                "{path}: the edit is not saved, the file would not be read: {problem}",
                path=display_path(path),
                problem=str(problem),
            )
        ) from None


def _renamed(error: HoeringError, staged: Path, path: Path) -> HoeringError:
    """``error`` naming ``path`` where it names the staged copy."""
    if error.path is not None and Path(error.path).name == staged.name:
        error.path = path
    return error


def _still(path: Path, version: str, data: bytes | None) -> None:
    if version_of(data) != version:
        raise ChangedOnDisk(
            tr(
                "{path} has changed since the page was read (perhaps in an editor); "
                "nothing is saved: read the file again and make the change once more",
                path=display_path(path),
            )
        )


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise EditRefused(
            tr("{path} cannot be read: {reason}", path=display_path(path), reason=exc.strerror)
        ) from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EditRefused(
            tr("{path} is not UTF-8 text; it is not changed", path=display_path(path))
        ) from None


def _lock(path: Path) -> threading.Lock:
    """One lock per file: two saves from the page never interleave."""
    key = Path(path).resolve()
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())
