"""An XLSX export checked before openpyxl opens it: openpyxl holds the whole shared-strings
table in memory (~200 bytes a string), so a few MB packed could take gigabytes. The zip
directory is checked as a DOCX's is (parts, unpacked size, packing ratio), then the shared
strings are counted by streaming the packed XML, a block at a time."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..archives import MAX_RATIO, check_zip_directory
from ..errors import SourceError
from ..limits import active
from ..messages import number, tr

STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,30}:)?si[\s/>]")  # <si>, <si/>, <x:si …>
BLOCK = 1 << 20


def check_workbook(path: Path) -> None:
    """Refuse an XLSX whose directory or shared-strings table is past ``[limits]``."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_directory(path, members)
            strings = max((_count_strings(archive, m) for m in _xml_parts(members)), default=0)
    except zipfile.BadZipFile:
        return  # openpyxl says what is wrong with it
    limit = active().xlsx_strings
    if strings > limit:
        raise SourceError(
            path,
            tr(
                "holds {n} different texts, more than the limit of {limit}",
                n=number(strings),
                limit=number(limit),
            ),
            hint=export_in_parts("xlsx_strings"),
        )


def export_in_parts(key: str) -> str:
    """The hint for an XLSX export past the limit ``key`` of ``[limits]``."""
    return tr(
        "export the answers as CSV or Parquet, which are read in parts, or raise {key} "
        "under [limits] in hoering.toml",
        key=key,
    )


def _check_directory(path: Path, members: list[zipfile.ZipInfo]) -> None:
    limit = active().xlsx_unpacked_mb
    check_zip_directory(
        path,
        members,
        limit,
        crowded=lambda n: tr(
            "holds {n} packed files; a spreadsheet has far fewer, so it is not opened", n=n
        ),
        limit_hint=tr(
            "the limit is {limit} MB (xlsx_unpacked_mb under [limits] in hoering.toml) "
            "and a packing ratio of at most {ratio}:1",
            limit=number(limit),
            ratio=MAX_RATIO,
        ),
    )


def _xml_parts(members: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The parts that could be the shared strings (openpyxl finds the table by its content
    type, so any name may hold it); worksheets are left out, they are read as streams."""
    return [
        m for m in members if not m.is_dir() and not m.filename.lower().startswith("xl/worksheets/")
    ]


def _count_strings(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> int:
    """How many ``<si>`` the part holds; a block starts with the last bytes of the one before,
    and a match is counted in the block where it ends."""
    count, tail = 0, b""
    with archive.open(member) as stream:
        while block := stream.read(BLOCK):
            text = tail + block
            count += sum(1 for m in STRING.finditer(text) if m.end() > len(tail))
            tail = text[-64:]
    return count
