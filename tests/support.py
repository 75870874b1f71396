"""What many tests need: a command that must fail cleanly, and a small real PNG.

"Fails cleanly" is the product's promise for bad input: the exit code says so, stderr holds
exactly the expected error lines, no traceback is shown, and no file changed. It is checked
the same way for the CLI run in this process (click's ``Result``) and in a process of its
own (``subprocess.CompletedProcess``).
"""

from __future__ import annotations

import struct
import subprocess
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from conftest import snapshot

ERROR = "Fejl: "  # how every error line starts (Danish, the default language)
BLUE = (0x00, 0x5A, 0x8C)


def error_lines(stderr: str) -> list[str]:
    """The lines of ``stderr`` that report an error."""
    return [line for line in stderr.splitlines() if line.startswith(ERROR)]


def fails_cleanly(
    result: Any, expected: Sequence[str], project: Path, before: dict[str, bytes], code: int = 1
) -> None:
    """``result`` ended with exit ``code`` and exactly the errors ``expected`` (each the text
    after "Fejl: "), without a traceback, and no file below ``project`` changed since
    ``before`` (a :func:`conftest.snapshot`)."""
    if isinstance(result, subprocess.CompletedProcess):
        exit_code, output = result.returncode, result.stdout + result.stderr
    else:
        exit_code, output = result.exit_code, result.output
    assert exit_code == code, result.stderr
    assert error_lines(result.stderr) == [ERROR + error for error in expected]
    assert "Traceback" not in output
    assert snapshot(project) == before


def commands_fail_cleanly(
    cli: Any, project: Path, expected: Sequence[str], *commands: Sequence[str], code: int = 1
) -> None:
    """Each of ``commands`` (the arguments of one run of ``cli``) fails cleanly with the same
    errors, and none of them changes a file."""
    before = snapshot(project)
    for command in commands:
        fails_cleanly(cli(*command), expected, project, before, code)


def png(
    width: int = 4, height: int = 3, colour: tuple[int, int, int] | None = BLUE, level: int = 9
) -> bytes:
    """A real PNG made by hand (signature, IHDR, IDAT, IEND), every pixel ``colour`` (RGB);
    None makes it greyscale and black. The rows are compressed as they are made, so an
    image of 12,000 × 10,000 pixels is a few hundred KB and never whole in memory
    (``level`` 0 stores them: the file is as large as the pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    packer = zlib.compressobj(level)
    row = b"\x00" + (b"\x00" * width if colour is None else bytes(colour) * width)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0 if colour is None else 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
