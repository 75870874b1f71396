"""A write that fails halfway leaves the old file byte for byte, and no temporary file.

The failures are made where the operating system makes them: a file object whose writes
stop after some bytes with ENOSPC (a full disk), the kernel's own file size limit
(RLIMIT_FSIZE: the write fails with EFBIG), a rename that fails, and a writer that raises
after writing part of its output."""

from __future__ import annotations

import errno
import io
import os
import resource
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from hoering import output
from hoering.errors import OutputError, display_path
from hoering.output import atomic_file, write_all, write_atomic

OLD = {"svar.docx": b"PK old docx " * 50, "svar.pdf": b"%PDF old " * 80, "svar.html": b"<p>old"}
NEW = {"svar.docx": b"PK new docx " * 60, "svar.pdf": b"%PDF new " * 90, "svar.html": b"<p>new"}


class DiskFills(io.RawIOBase):
    """A file that takes ``room`` bytes, then fails each write as a full disk does."""

    def __init__(self, fd: int, room: int) -> None:
        self.file = io.FileIO(fd, "wb")
        self.room = room

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.file.fileno()

    def write(self, data) -> int:
        if len(data) > self.room:
            written = self.file.write(bytes(data[: self.room]))
            self.room -= written
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.file.write(data)

    def close(self) -> None:
        self.file.close()
        super().close()


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "output" / "responses"
    folder.mkdir(parents=True)
    for name, data in OLD.items():
        (folder / name).write_bytes(data)
    return folder


def contents(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` and beside it (a stray temporary file shows up here)."""
    return {
        str(p.relative_to(folder.parent)): p.read_bytes()
        for p in sorted(folder.parent.rglob("*"))
        if p.is_file()
    }


UNCHANGED = {f"responses/{name}": data for name, data in OLD.items()}


def test_write_atomic_on_a_full_disk_keeps_the_old_file(folder, monkeypatch):
    monkeypatch.setattr(output.os, "fdopen", lambda fd, mode: DiskFills(fd, room=100))
    with pytest.raises(OutputError) as caught:
        write_atomic(folder / "svar.pdf", NEW["svar.pdf"])
    assert str(caught.value) == f"kan ikke skrive {folder / 'svar.pdf'}: disken er fuld"
    assert contents(folder) == UNCHANGED


class InterruptedMidway(DiskFills):
    """A file whose writing is stopped by Ctrl+C after ``room`` bytes."""

    def write(self, data) -> int:
        if len(data) > self.room:
            self.file.write(bytes(data[: self.room]))
            raise KeyboardInterrupt
        return super().write(data)


def test_ctrl_c_while_writing_keeps_the_old_file_and_leaves_no_temporary_one(folder, monkeypatch):
    """Issue 21: the temporary file was removed only after an OSError; Ctrl+C left it."""
    monkeypatch.setattr(output.os, "fdopen", lambda fd, mode: InterruptedMidway(fd, room=100))
    with pytest.raises(KeyboardInterrupt):
        write_atomic(folder / "svar.pdf", NEW["svar.pdf"])
    assert contents(folder) == UNCHANGED


def test_write_all_on_a_full_disk_in_the_second_file_keeps_the_old_set(folder, monkeypatch):
    room = len(NEW["svar.docx"]) + 100  # the first file fits, the second does not

    def opened(path, mode):
        nonlocal room
        stream = DiskFills(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), room)
        room = max(0, room - len(NEW[Path(path).name]))
        return stream

    monkeypatch.setattr(output, "open", opened, raising=False)
    with pytest.raises(OutputError) as caught:
        write_all(folder, NEW)
    assert str(caught.value) == (
        f"kan ikke skrive {display_path(folder / 'svar.pdf')}: disken er fuld; "
        f"intet i {display_path(folder)} blev ændret "
        "(frigør plads, eller vælg en anden outputmappe)"
    )
    assert contents(folder) == UNCHANGED


def test_write_all_whose_second_rename_fails_puts_the_first_back(folder, monkeypatch):
    replace = os.replace

    def refuse_the_pdf(source, target):
        if Path(target) == folder / "svar.pdf":
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        replace(source, target)

    monkeypatch.setattr(output.os, "replace", refuse_the_pdf)
    with pytest.raises(OutputError) as caught:
        write_all(folder, NEW)
    monkeypatch.undo()
    assert str(caught.value) == (
        f"kan ikke skrive {display_path(folder)}: Input/output error; "
        "de filer, der lå der, er bevaret"
    )
    assert contents(folder) == UNCHANGED


def test_a_refusal_without_a_reason_says_so_in_words(folder, monkeypatch):
    """An OSError that carries no number and no text (some file systems raise them) is not
    shown as 'None'."""

    def refuse(source, target):
        raise OSError(None)

    monkeypatch.setattr(output.os, "replace", refuse)
    with pytest.raises(OutputError) as caught:
        write_all(folder, NEW)
    monkeypatch.undo()
    assert str(caught.value) == (
        f"kan ikke skrive {display_path(folder)}: systemet gav ingen grund; "
        "de filer, der lå der, er bevaret"
    )
    assert contents(folder) == UNCHANGED


def test_a_new_file_that_cannot_be_written_whole_is_not_left_half(folder, monkeypatch):
    monkeypatch.setattr(output.os, "fdopen", lambda fd, mode: DiskFills(fd, room=10))
    with pytest.raises(OutputError):
        write_atomic(folder / "notat.pdf", NEW["svar.pdf"])
    assert contents(folder) == UNCHANGED


@contextmanager
def file_size_limit(limit: int):
    """The kernel refuses to grow any file of this process beyond ``limit`` bytes."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


def test_write_atomic_refused_by_the_kernel_halfway_keeps_the_old_file(folder):
    with file_size_limit(len(NEW["svar.pdf"]) // 2), pytest.raises(OutputError) as caught:
        write_atomic(folder / "svar.pdf", NEW["svar.pdf"])
    assert str(caught.value) == f"kan ikke skrive {folder / 'svar.pdf'}: filen er for stor"
    assert contents(folder) == UNCHANGED


def test_write_all_refused_by_the_kernel_halfway_keeps_the_old_set(folder):
    limit = len(NEW["svar.docx"]) + 10  # the DOCX fits, the PDF stops after some bytes
    with file_size_limit(limit), pytest.raises(OutputError) as caught:
        write_all(folder, NEW)
    assert str(caught.value) == (
        f"kan ikke skrive {display_path(folder / 'svar.pdf')}: filen er for stor; "
        f"intet i {display_path(folder)} blev ændret "
        "(frigør plads, eller vælg en anden outputmappe)"
    )
    assert contents(folder) == UNCHANGED


def test_a_writer_that_fails_after_some_bytes_leaves_the_old_file(folder):
    with pytest.raises(ValueError, match="table row 3"):
        with atomic_file(folder / "svar.html") as temporary:
            with open(temporary, "wb") as stream:
                stream.write(b"<table><tr><td>1</td></tr>")
                raise ValueError("cannot render table row 3")
    assert contents(folder) == UNCHANGED


def test_a_rewritten_file_keeps_its_permissions(tmp_path):
    """A source only its owner may read (it may hold a citizen's letter) stays so when
    hoering rewrites it (the workspace's saves, import --force); a new file is 0644."""
    import stat

    from hoering.output import atomic_file

    private = tmp_path / "svar.md"
    private.write_text("før\n", "utf-8")
    private.chmod(0o600)
    with atomic_file(private) as temporary:
        temporary.write_text("efter\n", "utf-8")
    assert private.read_text("utf-8") == "efter\n"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    new = tmp_path / "ny.md"
    with atomic_file(new) as temporary:
        temporary.write_text("ny\n", "utf-8")
    assert stat.S_IMODE(new.stat().st_mode) == 0o644


def test_the_catalog_cache_is_never_written_through_a_planted_link(tmp_path, monkeypatch):
    """The parsed catalogs are kept beside the bytecode; the file they are written to first
    had a name another user could guess and plant a link at (pid.tmp): it is made new now."""
    import os

    from hoering import messages

    monkeypatch.setattr("sys.dont_write_bytecode", False)
    victim = tmp_path / "victim"
    victim.write_text("keep me", "utf-8")
    target = tmp_path / "cache" / "hoering.po.marshal"
    target.parent.mkdir()
    os.symlink(victim, f"{target}.{os.getpid()}.tmp")
    messages._keep(str(target), {"a": "b"})
    assert victim.read_text("utf-8") == "keep me"
    assert target.exists() and not target.is_symlink()


def test_write_all_of_files_made_one_at_a_time_keeps_the_old_set_when_one_cannot_be_made(
    folder,
):
    """compare hands its files over as they are made; the third failing to be made (a
    template error, say) leaves the first two staged and never moved in."""

    def made():
        yield "svar.docx", NEW["svar.docx"]
        yield "svar.pdf", iter([NEW["svar.pdf"][:100], NEW["svar.pdf"][100:]])  # in pieces
        raise OutputError("the HTML could not be made")

    with pytest.raises(OutputError, match="the HTML could not be made"):
        write_all(folder, made())
    assert contents(folder) == UNCHANGED


def test_write_all_writes_files_given_in_pieces_whole(folder):
    pieces = {name: iter([data[:7], data[7:]]) for name, data in NEW.items()}
    assert write_all(folder, pieces.items()) == [folder / name for name in NEW]
    assert contents(folder) == {f"responses/{name}": data for name, data in NEW.items()}


def test_write_all_into_new_folders_takes_them_away_when_a_file_cannot_be_made(tmp_path):
    def made():
        yield "svar.docx", NEW["svar.docx"]
        raise OutputError("the PDF could not be made")

    with pytest.raises(OutputError):
        write_all(tmp_path / "output" / "hearing", made())
    assert list(tmp_path.iterdir()) == []
