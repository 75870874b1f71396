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
    [
        "Bo Dam",
        "Cyklistforbundet",
        "2019-06-03 14:22",
        "Forbundet hilser planen velkommen",
        "Parkering bør\nflyttes ud af bymidten",
        "ja",
    ],
    ["Carl Berg", "", "i går", "Vi er enige", "", "nej"],
    [
        "Dorte Lund",
        "Handelsstandsforeningen",
        "2019-06-22",
        "",
        "Vi er bekymrede for færre p-pladser",
        "ja",
    ],
]


def hearing(root: Path, yaml: str = HEARING_YAML) -> Path:
    folder = root / "trafikplan"
    (folder / "responses").mkdir(parents=True)
    (folder / "hearing.yaml").write_text(yaml, encoding="utf-8")
    return folder


def write_csv(
    path: Path, rows: list[list[str]] | None = None, *, header=HEADER, extra_line: str | None = None
) -> Path:
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


def write_parquet(
    path: Path, rows: list[list[str]] | None = None, *, row_group_size: int = 1000
) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = ROWS if rows is None else rows
    table = pa.table({name: [row[i] for row in rows] for i, name in enumerate(HEADER)})
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


CAMPAIGN_A = (
    "Vi protesterer mod at parkeringspladserne ved torvet fjernes, fordi det rammer de "
    "handlende og de ældre borgere hårdt, og vi foreslår at planen laves om"
)
CAMPAIGN_B = (
    "Cykelstierne langs havnen er for smalle og bør udvides, inden der sker en ulykke "
    "med de mange børn der cykler i skole hver morgen"
)
VOCABULARY = (
    "trafik bus cykel sti vej torv skole børn lys støj træer bænke fortov parkering "
    "havn butik aften morgen plads plan by gade bro tog station have park kirke "
    "marked hus vand regn sne sommer vinter"
).split()


def own_remark(i: int) -> str:
    """A remark of the respondent's own: short, or a sentence of words from VOCABULARY."""
    import random

    pick = random.Random(i)
    if i % 4 == 1:
        return [
            "Jeg er glad for planen",
            "Mere lys, tak",
            "Støtter forslaget",
            "Bekymret for støjen",
        ][i % 3]
    return "Jeg mener " + " ".join(pick.sample(VOCABULARY, 12))


EDITS = [
    ("hårdt", "meget hårdt"),
    ("ældre", "gamle"),
    ("fordi", "da"),
    ("", ""),
    ("smalle", "snævre"),
    ("havnen", "kanalen"),
    ("hver morgen", ""),
]


def mass_rows(count: int = 240) -> list[list[str]]:
    """Answers where every 3rd joins campaign A (parking) with a small edit, every 5th
    campaign B (cycle paths), organisations answer now and then, a few rows are bad."""
    rows = []
    for i in range(count):
        cycle = own_remark(i)
        parking = own_remark(i + 1000) if i % 4 else ""
        if i % 3 == 0:
            old, new = EDITS[(i // 3) % 6] if (i // 3) % 6 < 3 else ("", "")
            parking = CAMPAIGN_A.replace(old, new) if old else CAMPAIGN_A
        if i % 5 == 0:
            old, new = EDITS[4 + (i // 5) % 3] if (i // 5) % 2 else ("", "")
            cycle = CAMPAIGN_B.replace(old, new)
        organisation = ["", "", "", "Grundejerforeningen Nord", "", "Cyklistforbundet"][i % 6]
        date = "ukendt" if i % 97 == 50 else f"2019-06-{1 + i % 28:02d}"
        rows.append([f"Borger {i}" if i % 11 else "", organisation, date, cycle, parking, "ja"])
    return rows


def write_shared_strings_bomb(path: Path, strings: int) -> Path:
    """A real XLSX export (write_xlsx) whose shared-strings table gains
    ``strings`` distinct short strings after its own: a few MB packed, many times that unpacked."""
    import zipfile

    source = write_xlsx(path.with_suffix(".base.xlsx"))
    with zipfile.ZipFile(source) as base, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in base.infolist():
            if item.filename != "xl/sharedStrings.xml":
                out.writestr(item, base.read(item.filename))
                continue
            own = base.read(item.filename)  # the export's own texts first: cells point at them
            head, rest = own.split(b"<si>", 1)
            with out.open(item.filename, "w", force_zip64=True) as part:
                part.write(head + b"<si>" + rest.rsplit(b"</sst>", 1)[0])
                for start in range(0, strings, 100_000):
                    stop = min(strings, start + 100_000)
                    part.write(b"".join(b"<si><t>%d</t></si>" % i for i in range(start, stop)))
                part.write(b"</sst>")
    source.unlink()
    return path


def write_dictionary_bomb(path: Path, rows: int, characters: int = 20_000) -> Path:
    """A Parquet export of ``rows`` answers that all give one ``characters``-long answer: each
    column's text is stored once (dictionary encoding), so the file stays a few KB."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    answer = ("Jeg er imod planen for bymidten " * (characters // 32 + 1))[:characters]
    same = pa.array(np.zeros(rows, dtype=np.int32))
    values = {"navn": "Anna Holm", "organisation": "", "indsendt": "2019-06-01"}
    values |= {"spm_1": answer, "spm_2": "", "samtykke": "ja"}
    columns = {
        name: pa.DictionaryArray.from_arrays(same, [value]) for name, value in values.items()
    }
    pq.write_table(pa.table(columns), path, row_group_size=1_000_000, compression="zstd")
    return path
