"""Writing outputs: atomically (temp file + rename), a set of files all or nothing, and only
when a source changed."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError, display_path
from .messages import tr


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash never leaves a half-written file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise _cannot_write(path, exc, hint=True) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(path, exc) from None
    except BaseException:  # Ctrl+C while writing: no half file, and no temporary one left
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write in pieces (a streamed table, say); it
    becomes ``path`` when the block ends, and is removed if the block fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise _cannot_write(path, exc, hint=True) from None
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _mode_of(path))
        os.replace(temporary, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    finally:
        temporary.unlink(missing_ok=True)


def _mode_of(path: Path) -> int:
    """The permissions a rewritten file keeps (a source only its owner may read stays so);
    a new file is readable by all, as an editor would save it."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o644


Content = bytes | Iterable[bytes]  # a file's bytes, whole or in pieces as they are made


def write_all(
    folder: Path, files: Mapping[str, Content] | Iterable[tuple[str, Content]]
) -> list[Path]:
    """Write ``files`` (name → bytes, or (name, bytes) pairs as they are made, each file whole
    or in pieces) into ``folder`` all or nothing: every file is written into a staging folder
    beside it first, then moved in place; if making or writing one fails (a full disk), or a
    move fails, the files that were there before are all kept as they were. Pairs are
    written as they come, so only one file at a time need be held in memory; folders made
    for them are taken away again if one cannot be made."""
    folder = Path(folder)
    made = [f for f in (folder, *folder.parents) if not f.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".new", dir=folder.parent)
        )
    except OSError as exc:
        raise _cannot_write(folder, exc, hint=True) from None
    pairs = files.items() if isinstance(files, Mapping) else files
    try:
        names = [_stage(staging, name, content, folder) for name, content in pairs]
        _move_in(staging, folder, names)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_empty(made)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return [folder / name for name in names]


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders made for a set of files that was not written, innermost first
    (one that something else has put a file in meanwhile stays)."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def _stage(staging: Path, name: str, content: Content, folder: Path) -> str:
    try:
        with open(staging / name, "wb") as stream:
            for piece in [content] if isinstance(content, bytes) else content:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(staging / name, 0o644)
    except OSError as exc:
        raise OutputError(
            tr(
                "cannot write {path}: {reason}; nothing in {folder} was changed",
                path=display_path(folder / name),
                reason=reason(exc),
                folder=display_path(folder),
            ),
            hint=tr("free some space or choose another output folder"),
        ) from None
    return name


def _move_in(staging: Path, folder: Path, names: list[str]) -> None:
    """Move the staged files in place, keeping a link to each old one until all moved."""
    kept = staging / ".old"
    kept.mkdir()
    moved: list[str] = []
    try:
        for name in names:
            if (folder / name).exists():
                os.link(folder / name, kept / name)
            os.replace(staging / name, folder / name)
            moved.append(name)
    except OSError as exc:
        for name in moved:  # put the old set back
            if (kept / name).exists():
                os.replace(kept / name, folder / name)
            else:
                (folder / name).unlink(missing_ok=True)
        raise OutputError(
            tr(
                "cannot write {path}: {reason}; the files that were there were kept",
                path=display_path(folder),
                reason=reason(exc),
            )
        ) from None


def _cannot_write(path: Path, exc: OSError, hint: bool = False) -> OutputError:
    return OutputError(
        tr("cannot write {path}: {reason}", path=display_path(path), reason=reason(exc)),
        hint=tr("check that the output folder exists and is writable") if hint else None,
    )


def reason(exc: OSError) -> str:
    """Why the system refused, in the language of messages (the system's own words, which
    are English, for the rarer reasons)."""
    import errno

    reasons = {
        errno.ENOSPC: tr("the disk is full"),
        errno.EDQUOT: tr("the disk is full"),
        errno.EFBIG: tr("the file is too large"),
        errno.EACCES: tr("permission denied"),
        errno.EPERM: tr("permission denied"),
        errno.EROFS: tr("the disk is read-only"),
        errno.ENOENT: tr("the folder does not exist"),
        errno.ENOTDIR: tr("a file is in the way of a folder"),
        errno.EEXIST: tr("a file is in the way of a folder"),
        errno.ENAMETOOLONG: tr("the name is too long"),
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    said = exc.strerror or " ".join(str(arg) for arg in exc.args if arg is not None)
    return said or tr("the system gave no reason")


def is_up_to_date(outputs: Iterable[Path], inputs: Iterable[Path]) -> bool:
    """True when every output exists and is newer than every input."""
    try:
        oldest_output = min(p.stat().st_mtime_ns for p in outputs)
    except (OSError, ValueError):
        return False
    newest_input = max((p.stat().st_mtime_ns for p in inputs if p.exists()), default=0)
    return oldest_output >= newest_input


def mirrored_path(source: Path, sources_root: Path, output_root: Path, suffix: str) -> Path:
    """``consultations/X/responses/a.md`` → ``output/X/responses/a<suffix>``."""
    source = source.resolve()
    try:
        relative = source.relative_to(sources_root.resolve())
    except ValueError:
        relative = Path(source.name)
    return output_root / relative.with_suffix(suffix)
