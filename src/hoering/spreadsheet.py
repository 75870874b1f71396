"""CSV for spreadsheet programs: UTF-8 with BOM, semicolons (as Danish Excel expects), and
no cell that a spreadsheet would run as a formula.

Excel, LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula (CSV injection: ``=HYPERLINK(…)`` in a respondent's
name). Such a cell is written with an apostrophe in front, which the programs show as text.

Excel also reads text that looks like a date or a number as one ("september 2019" becomes
1 September 2019). A cell that must stay the words written is a :class:`TextCell`, written as
``="…"``: a formula that holds only a string constant (its quotes doubled), which Excel shows
as that text and which can run nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_STRING_MAX = 255  # the longest string constant an Excel formula may hold


class TextCell(str):
    """Text that Excel must show as written, never turned into a date or a number."""


def text_cell(text: str) -> str:
    """``text`` as a cell Excel shows as written: ``="…"`` (empty stays empty; text too long
    for a formula's string constant is left as it is, since Excel reads no date in it)."""
    if not text or len(text) > EXCEL_STRING_MAX:
        return text
    return TextCell('="' + text.replace('"', '""') + '"')


def safe_cell(value: object) -> str:
    """``value`` as text that no spreadsheet program reads as a formula (a :class:`TextCell`
    is a string constant already)."""
    if isinstance(value, TextCell):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """``rows`` as CSV bytes, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


CORE_PART = "docProps/core.xml"
CORE_END = b"</cp:coreProperties>"


def with_language(xlsx: bytes, tag: str) -> bytes:
    """The workbook ``xlsx`` with ``tag`` (da-DK) as its language (``dc:language`` in its core
    properties, which XlsxWriter does not write); every other entry is copied as it was, so
    the bytes stay the same for the same input."""
    import zipfile
    from xml.sax.saxutils import escape

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == CORE_PART:
                language = f"<dc:language>{escape(tag)}</dc:language>".encode()
                data = data.replace(CORE_END, language + CORE_END, 1)
            target.writestr(entry, data, compress_type=entry.compress_type)
    return out.getvalue()
