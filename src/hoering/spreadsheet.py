"""CSV for spreadsheet programs: UTF-8 with BOM, semicolons (as Danish Excel expects), and
no cell that a spreadsheet would run as a formula.

Excel, LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula (CSV injection: ``=HYPERLINK(…)`` in a respondent's
name). Such a cell is written with an apostrophe in front, which the programs show as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as text that no spreadsheet program reads as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """``rows`` as CSV bytes, every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
