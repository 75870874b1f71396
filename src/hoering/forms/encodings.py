"""How a CSV export's bytes become text, told once per file from all of its bytes.

- All of it UTF-8 (with or without Excel's BOM): Arrow reads it as UTF-8, each cell as bytes
  checked per batch (the fast path).
- No BOM and a byte that is not UTF-8 in the first 64 KB: Danish Excel's "CSV" in cp1252.
- UTF-8 (a BOM says so, or the first 64 KB are) with bytes that are not: Arrow's handler of
  a row it cannot split decodes that row as UTF-8 itself and fails on such a byte, which
  refused the whole file with a traceback. Such a file is *carried* through Arrow as
  Latin-1, where every byte is a character (so Arrow's own decoding cannot fail), and each
  cell is given back its bytes, so the cell that is not UTF-8 is reported by its row
  (:class:`~hoering.forms.cells.NotText`) and the other rows are read.

The whole file is read once per process to tell (at memory speed, ~1 ms a MB), so that every
partition of it is cut from the same stream of batches.
"""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BOM = b"\xef\xbb\xbf"
SAMPLE = 1 << 16  # a byte that is not UTF-8 this early, without a BOM: a cp1252 export
BLOCK = 1 << 20


@dataclass(frozen=True)
class Encoding:
    """What Arrow is told the file is (``name``), and the bytes before the header to skip."""

    name: str
    skip: int = 0

    @property
    def carried(self) -> bool:
        """Whether UTF-8 with bad bytes is carried as Latin-1 (cells to be given back)."""
        return self.name == "latin-1"

    def arrow_name(self, column: str) -> str:
        """The name Arrow gives ``column`` of the header."""
        return column.encode("utf-8").decode("latin-1") if self.carried else column

    def column_name(self, arrow_name: str) -> str:
        """The header's name of the column Arrow calls ``arrow_name``."""
        if not self.carried:
            return arrow_name
        return arrow_name.encode("latin-1").decode("utf-8", errors="replace")

    def cell_bytes(self, array: Any) -> Any:
        """A column as Arrow read it, as the file's bytes (carried) or as it is."""
        if not self.carried:
            return array
        import pyarrow as pa

        return pa.array(
            [None if v is None else v.encode("latin-1") for v in array.to_pylist()], pa.binary()
        )


UTF8 = Encoding("utf8")


def csv_encoding(path: Path) -> Encoding:
    """The encoding of the CSV file ``path`` (told once per process while it is unchanged)."""
    stat = path.stat()
    return _told(path, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _told(path: Path, _size: int, _mtime: int) -> Encoding:
    with path.open("rb") as stream:
        bom = stream.read(len(BOM)) == BOM
        stream.seek(0)
        bad = first_bad_byte(stream)
    if bad is None:
        return UTF8
    if not bom and bad < SAMPLE:  # a BOM says UTF-8, whatever bytes follow
        return Encoding("cp1252")
    return Encoding("latin-1", len(BOM) if bom else 0)


def first_bad_byte(stream: Any) -> int | None:
    """Where the first byte that is not (part of) UTF-8 is in ``stream``, read in blocks;
    a character cut at the end of the file counts as one."""
    offset, rest = 0, b""
    while block := stream.read(BLOCK):
        data = rest + block
        try:
            _, used = codecs.utf_8_decode(data, "strict", False)
        except UnicodeDecodeError as exc:
            return offset + exc.start
        rest = data[used:]
        offset += used
    return offset if rest else None
