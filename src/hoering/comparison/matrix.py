"""The matrix as files: one row per respondent, one column per topic, stance in the cells,
a totals row. CSV (UTF-8 with BOM, semicolons, as Danish Excel expects) and XLSX
(XlsxWriter: frozen header, readable widths, byte-identical for the same input)."""

from __future__ import annotations

import datetime as dt
import io

from ..i18n import label
from ..model import Document
from ..render import timestamp_for
from ..spreadsheet import csv_bytes, with_language
from .model import Comparison
from .notat import stance_text
from .notat.overview import form_row_name
from .tally import tally_of


def matrix_rows(comparison: Comparison, lang: str) -> list[list[str]]:
    """The header, a row per respondent who wrote, a row for the web form's answers (all
    of them, one by one, are in formularsvar.csv), and the totals: respondents, and per
    topic the respondents who said something on it."""
    topics, tally = comparison.topics, tally_of(comparison)
    header = [
        label("respondent", lang),
        label("received", lang),
        *(" ".join(filter(None, (t.topic.section, t.topic.title))) for t in topics),
    ]
    rows = [header]
    for respondent in comparison.respondents:
        rows.append(
            [
                respondent.name,
                respondent.date.isoformat() if respondent.date else "",
                *(
                    ", ".join(
                        stance_text(s, lang)
                        for s in comparison.stances_of(respondent.name, t.topic.id)
                    )
                    for t in topics
                ),
            ]
        )
    if tally.has_form:
        name = form_row_name(tally.form_answers, lang)
        rows.append([name, "", *(str(t.form_answers) for t in tally.topics)])
    rows.append(
        [label("total", lang), str(tally.respondents), *(str(t.respondents) for t in tally.topics)]
    )
    return rows


def matrix_csv(comparison: Comparison, lang: str) -> bytes:
    return csv_bytes(matrix_rows(comparison, lang))


def matrix_xlsx(comparison: Comparison, lang: str, notat: Document) -> bytes:
    """The matrix as a workbook whose properties are the notat's: title, creator (the
    authority), date, language and the archive record (as custom properties)."""
    import xlsxwriter

    rows = matrix_rows(comparison, lang)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties(
        {
            "title": f"{label('notat', lang)}: {comparison.hearing.meta.title}",
            "author": notat.author,
            "created": timestamp_for(notat).replace(tzinfo=None),
        }
    )
    for name, value in notat.archive.properties():
        book.set_custom_property(name, value)
    sheet = book.add_worksheet("Matrix")
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
    total = book.add_format({"bold": True, "top": 1})
    day = book.add_format({"num_format": "dd-mm-yyyy", "align": "left"})
    for r, row in enumerate(rows):
        style = bold if r == 0 else total if r == len(rows) - 1 else None
        for c, value in enumerate(row):
            if c > 1 and value.isdigit() or r == len(rows) - 1 and c > 0:
                sheet.write_number(r, c, int(value), style)
            elif (
                r > 0 and c == 1 and value
            ):  # the date received: a real date, sortable and filterable
                sheet.write_datetime(r, c, dt.datetime.fromisoformat(value), day)
            elif value or style:
                sheet.write_string(r, c, value, style)
    sheet.freeze_panes(1, 1)
    sheet.set_column(0, 0, min(45, max(len(row[0]) for row in rows) + 2))
    sheet.set_column(1, 1, 12)
    sheet.set_column(2, len(rows[0]) - 1, 18)
    sheet.set_row(0, 45)
    sheet.autofilter(0, 0, len(rows) - 2, len(rows[0]) - 1)
    book.close()
    return with_language(buffer.getvalue(), notat.language_tag)
