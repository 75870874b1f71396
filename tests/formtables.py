"""A small citizens' hearing whose answers arrive as a web form's export (tests' helper)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HEARING_YAML = """\
id: trafikplan
title: Forslag til trafikplan for bymidten
authority: region-hovedstaden
draft:
  name: Trafikplan for bymidten, forslag
period: {start: 2019-05-01, end: 2019-06-21}
deadline: 2019-06-21
topics:
  - id: cykelstier
    title: Cykelstier
  - id: parkering
    title: Parkering
form:
  respondent: navn
  organisation: organisation
  date: indsendt
  topics:
    spm_1: cykelstier
    spm_2: parkering
"""

HEADER = ["navn", "organisation", "indsendt", "spm_1", "spm_2", "samtykke"]
ROWS = [
    ["Anna Holm", "", "2019-06-01", "Vi foreslår flere cykelstier langs havnen", "", "ja"],
    ["", "", "02-06-2019", "Cykelstierne er for smalle og det er et problem", "Støtter", "ja"],
    ["Bo Dam", "Cyklistforbundet", "2019-06-03 14:22",
     "Forbundet hilser planen velkommen", "Parkering bør\nflyttes ud af bymidten", "ja"],
    ["Carl Berg", "", "i går", "Vi er enige", "", "nej"],
    ["Dorte Lund", "Handelsstandsforeningen", "2019-06-22", "",
     "Vi er bekymrede for færre p-pladser", "ja"],
]


def hearing(root: Path, yaml: str = HEARING_YAML) -> Path:
    folder = root / "trafikplan"
    (folder / "responses").mkdir(parents=True)
    (folder / "hearing.yaml").write_text(yaml, encoding="utf-8")
    return folder


def write_csv(path: Path, rows: list[list[str]] | None = None, *, header=HEADER,
              extra_line: str | None = None) -> Path:
    """Semicolons, UTF-8 with BOM and quotes where needed: what Danish Excel writes."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(ROWS if rows is None else rows)
    text = buffer.getvalue()
    if extra_line is not None:  # a line written by hand, after the third row
        lines = text.split("\r\n")
        text = "\r\n".join([*lines[:4], extra_line, *lines[4:]])
    path.write_text("\ufeff" + text, encoding="utf-8")
    return path


def write_xlsx(path: Path, rows: list[list[str]] | None = None) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Svar")
    day = book.add_format({"num_format": "dd-mm-yyyy"})
    for r, row in enumerate([HEADER, *(ROWS if rows is None else rows)]):
        for c, value in enumerate(row):
            if r and c == 2 and value[:4].isdigit() and len(value) == 10:  # a real date cell
                sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), day)
            elif value:
                sheet.write_string(r, c, value)
    book.close()
    return path


def write_parquet(path: Path, rows: list[list[str]] | None = None, *,
                  row_group_size: int = 1000) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = ROWS if rows is None else rows
    table = pa.table({name: [row[i] for row in rows] for i, name in enumerate(HEADER)})
    pq.write_table(table, path, row_group_size=row_group_size)
    return path
