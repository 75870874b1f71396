"""Answers from a web form's export: CSV, XLSX and Parquet read through hearing.yaml's
form: block, bad rows named with file and row while the others are read, columns checked."""

from __future__ import annotations

import datetime as dt

import pytest

from formtables import HEADER, HEARING_YAML, ROWS, hearing, write_csv, write_parquet, write_xlsx
from hoering.errors import SourceError, SourceErrors
from hoering.forms import FormRow, check_table, partitions, read_partition, table_files
from hoering.hearing import load_hearing

BAD_DATE = "række 5: indsendt: 'i går' er ikke en dato (skriv den som 2019-06-21 eller 21-06-2019)"


def _read(path, form):
    rows, errors = [], []
    for part in partitions(path):
        for result in read_partition(part, form):
            (rows if isinstance(result, FormRow) else errors).append(result)
    return rows, [str(e).split(": ", 1)[1] for e in errors], errors


def test_csv_rows_become_answers_and_a_bad_row_is_named(tmp_path):
    folder = hearing(tmp_path)
    path = write_csv(folder / "responses" / "svar.csv")
    form = load_hearing(folder).meta.form
    rows, errors, raw = _read(path, form)
    assert errors == [BAD_DATE]
    assert str(raw[0]).startswith(str(path) + ": række 5")
    assert [r.row for r in rows] == [2, 3, 4, 6]
    assert rows[0] == FormRow(
        2,
        "Anna Holm",
        "",
        dt.date(2019, 6, 1),
        (("cykelstier", "Vi foreslår flere cykelstier langs havnen"),),
    )
    assert rows[1].respondent == "" and rows[1].date == dt.date(2019, 6, 2)  # anonymous
    assert rows[2].date == dt.date(2019, 6, 3)  # a date-time
    assert rows[2].cells[1] == ("parkering", "Parkering bør\nflyttes ud af bymidten")
    assert rows[3].organisation == "Handelsstandsforeningen"


def test_a_csv_row_with_too_many_fields_is_skipped_and_the_rows_after_keep_their_numbers(tmp_path):
    folder = hearing(tmp_path)
    path = write_csv(
        folder / "responses" / "svar.csv", extra_line="Eva Ravn;;2019-06-04;Ja;Nej;ja;ekstra"
    )
    rows, errors, _ = _read(path, load_hearing(folder).meta.form)
    assert errors == [
        "række 6: indsendt: 'i går' er ikke en dato (skriv den som 2019-06-21 eller 21-06-2019)",
        "række 5: har 7 felter, men overskriftsrækken har 6 (en celle med skilletegnet i skal "
        "stå i anførselstegn)",
    ]
    assert [r.row for r in rows] == [2, 3, 4, 7]


def test_xlsx_and_parquet_give_the_same_answers_as_csv(tmp_path):
    folder = hearing(tmp_path)
    form = load_hearing(folder).meta.form
    csv_rows, _, _ = _read(write_csv(folder / "responses" / "a.csv"), form)
    xlsx_rows, xlsx_errors, _ = _read(write_xlsx(folder / "responses" / "b.xlsx"), form)
    parquet_rows, parquet_errors, _ = _read(write_parquet(folder / "responses" / "c.parquet"), form)

    def answers(rows):
        return [(r.respondent, r.organisation, r.date, r.cells) for r in rows]

    assert answers(xlsx_rows) == answers(parquet_rows) == answers(csv_rows)
    assert xlsx_errors == [BAD_DATE]  # the spreadsheet's row, header as row 1
    assert parquet_errors == [BAD_DATE.replace("række 5", "post 4")]
    assert [p.name for p in table_files(folder / "responses")] == ["a.csv", "b.xlsx", "c.parquet"]


def test_a_table_read_in_many_partitions_gives_every_row_once(tmp_path, monkeypatch):
    import hoering.forms.tables as tables

    folder = hearing(tmp_path)
    many = [[f"Borger {i}", "", "2019-06-01", f"Svar nummer {i}", "", "ja"] for i in range(3000)]
    many[1500][2] = "ukendt"
    csv_path = write_csv(
        folder / "responses" / "a.csv", many, extra_line="Eva;;2019-06-04;x;y;ja;ekstra"
    )
    parquet_path = write_parquet(folder / "responses" / "b.parquet", many, row_group_size=100)
    monkeypatch.setattr(tables, "CSV_BLOCK_BYTES", 4096)
    monkeypatch.setattr(tables, "CSV_BATCHES_PER_PARTITION", 2)
    monkeypatch.setattr(tables, "PARQUET_ROWS_PER_PARTITION", 700)
    form = load_hearing(folder).meta.form
    assert len(partitions(csv_path)) > 5 and len(partitions(parquet_path)) == 5
    rows, errors, _ = _read(csv_path, form)
    assert [r.respondent for r in rows] == [f"Borger {i}" for i in range(3000) if i != 1500]
    assert errors == [
        "række 5: har 7 felter, men overskriftsrækken har 6 (en celle med skilletegnet i skal "
        "stå i anførselstegn)",
        "række 1503: indsendt: 'ukendt' er ikke en dato (skriv den som 2019-06-21 eller "
        "21-06-2019)",
    ]
    rows, errors, _ = _read(parquet_path, form)
    assert len(rows) == 2999 and errors == [
        "post 1501: indsendt: 'ukendt' er ikke en dato (skriv den som 2019-06-21 eller 21-06-2019)"
    ]


def test_a_cell_too_long_to_be_an_answer_is_a_bad_row(tmp_path):
    folder = hearing(tmp_path)
    path = write_csv(
        folder / "responses" / "svar.csv",
        [["Anna", "", "2019-06-01", "x" * 20_001, "", ""], *ROWS[:1]],
    )
    rows, errors, _ = _read(path, load_hearing(folder).meta.form)
    assert errors == [
        "række 2: spm_1: er 20.001 tegn lang; et svar har højst 20.000 (grænsen er "
        "answer_characters = 20000 under [limits] i hoering.toml)"
    ]
    assert [r.respondent for r in rows] == ["Anna Holm"]


def test_an_xlsx_longer_than_the_limit_is_refused(tmp_path, monkeypatch):
    from hoering import limits

    monkeypatch.setattr(limits, "_active", limits.Limits(xlsx_rows=4))
    folder = hearing(tmp_path)
    path = write_xlsx(folder / "responses" / "svar.xlsx")
    with pytest.raises(SourceError) as caught:
        _read(path, load_hearing(folder).meta.form)
    assert str(caught.value) == (
        f"{path}: har mere end 4 rækker (eksportér svarene som CSV eller Parquet, som læses i "
        "bidder, eller hæv xlsx_rows under [limits] i hoering.toml)"
    )


def test_missing_and_unmapped_columns_are_reported(tmp_path):
    folder = hearing(tmp_path)
    header = ["navn", "organisation", "indsendt", "spm 1", "spm_2", "samtykke", "fritekst"]
    path = write_csv(folder / "responses" / "svar.csv", [row + [""] for row in ROWS], header=header)
    loaded = load_hearing(folder)
    check = check_table(path, loaded.meta.form, loaded)
    assert [str(e) for e in check.missing] == [
        f"{path}: har ingen kolonne 'spm_1' (form.topics.spm_1 i {loaded.path}) (mente du "
        "'spm 1'? filens kolonner er: 'navn', 'organisation', 'indsendt', 'spm 1', "
        "'spm_2', 'samtykke', 'fritekst')"
    ]
    assert check.unmapped == ["spm 1", "samtykke", "fritekst"]
    assert check.warning == (
        f"{path}: kolonner, som form: i hearing.yaml ikke nævner, og som derfor ikke læses: "
        "'spm 1', 'samtykke', 'fritekst' (knyt en kolonne til et emne under form.topics, så "
        "den bliver læst)"
    )


def test_form_mapping_to_an_unknown_topic_names_the_line(tmp_path):
    folder = hearing(tmp_path, HEARING_YAML.replace("spm_2: parkering", "spm_2: parkring"))
    with pytest.raises(SourceErrors) as caught:
        load_hearing(folder)
    assert str(caught.value) == (
        f"{folder / 'hearing.yaml'}:19: form.topics: kolonnen 'spm_2' er knyttet til 'parkring', "
        "som ikke er et emne (mente du 'parkering'?)"
    )


def test_a_table_that_is_not_one_is_refused_with_its_name(tmp_path):
    folder = hearing(tmp_path)
    path = folder / "responses" / "svar.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(SourceError) as caught:
        check_table(path, load_hearing(folder).meta.form, load_hearing(folder))
    assert str(caught.value) == (
        f"{path}: kan ikke læses som XLSX: File is not a zip file "
        "(åbn den i Excel, og gem den igen som .xlsx)"
    )


def test_import_copies_an_export_after_checking_its_columns(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hoering.cli import main

    folder = hearing(tmp_path / "consultations")
    export = write_xlsx(tmp_path / "export.xlsx")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["import", "export.xlsx", "--hearing", "consultations/trafikplan"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "Kopierede export.xlsx til consultations/trafikplan/responses/export.xlsx (kolonner "
        "læst: navn, organisation, indsendt, spm_1, spm_2)"
    )
    assert (
        "Advarsel: export.xlsx: kolonner, som form: i hearing.yaml ikke nævner, og som derfor "
        "ikke læses: 'samtykke'"
    ) in result.output
    assert "hoering review" not in result.output
    assert (folder / "responses" / "export.xlsx").read_bytes() == export.read_bytes()


def test_import_refuses_an_export_that_lacks_a_mapped_column_and_copies_nothing(
    tmp_path, monkeypatch
):
    from click.testing import CliRunner

    from hoering.cli import main

    folder = hearing(tmp_path / "consultations")
    write_csv(
        tmp_path / "export.csv",
        header=["navn", "organisation", "dato", "spm_1", "spm_2", "samtykke"],
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["import", "export.csv", "--hearing", "consultations/trafikplan"]
    )
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "Fejl: export.csv: har ingen kolonne 'indsendt' (form.date i "
        "consultations/trafikplan/hearing.yaml) (filens kolonner er: 'navn', "
        "'organisation', 'dato', 'spm_1', 'spm_2', 'samtykke')"
    )
    english = CliRunner().invoke(
        main, ["--lang", "en", "import", "export.csv", "--hearing", "consultations/trafikplan"]
    )
    assert english.output.splitlines()[0] == (
        "Error: export.csv: has no column 'indsendt' (form.date in "
        "consultations/trafikplan/hearing.yaml) (the file's columns are: 'navn', "
        "'organisation', 'dato', 'spm_1', 'spm_2', 'samtykke')"
    )
    assert list((folder / "responses").iterdir()) == []


# --- every row read or reported (issue 21, item 8) -------------------------------------------


def _csv_every_row_short(path):
    path.write_text("navn;organisation;indsendt;spm_1;spm_2\nAnna;x\nBo;y\nCarl;z\n", "utf-8")
    return 3


def _csv_some_rows_short(path):
    write_csv(path, extra_line="kun;to")
    return len(ROWS) + 1


def _csv_not_utf8_past_the_sample(path):
    """Issue 21, item 8: the encoding is told from the first 64 KB; one byte that is not
    UTF-8 after them failed the whole file (and the compare)."""
    write_csv(path, [ROWS[0]] * 2000 + [[*ROWS[0][:3], "Flere cykel#stier", "", "ja"]])
    data = path.read_bytes()
    assert len(data) > 1 << 16
    path.write_bytes(data.replace(b"cykel#stier", b"cykel\xffstier"))
    return 2001


def _parquet_year_past_9999(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    when = pa.array([1_560_000_000_000_000, 300_000_000_000_000_000], pa.timestamp("us"))
    table = {"navn": ["Anna", "Bo"], "organisation": ["", ""], "indsendt": when}
    pq.write_table(pa.table({**table, "spm_1": ["Godt", "Skidt"], "spm_2": ["", ""]}), path)
    return 2


@pytest.mark.parametrize(
    "make, name, expected",
    [
        (
            _csv_every_row_short,
            "svar.csv",
            [
                "række 2: har 2 felter, men overskriftsrækken har 5",
                "række 3: har 2 felter, men overskriftsrækken har 5",
                "række 4: har 2 felter, men overskriftsrækken har 5",
            ],
        ),
        (
            _csv_some_rows_short,
            "svar.csv",
            [  # the rows read and their errors first, then the lines that could not be split
                BAD_DATE.replace("række 5", "række 6"),
                "række 5: har 2 felter, men overskriftsrækken har 6",
            ],
        ),
        (
            _csv_not_utf8_past_the_sample,
            "svar.csv",
            [
                "række 2002: spm_1: har en byte, der ikke er UTF-8 (0xff, byte 12 i cellen) "
                "(eksportér tabellen igen som UTF-8)"
            ],
        ),
        (
            _parquet_year_past_9999,
            "svar.parquet",
            [
                "post 2: indsendt: '11476-08-15 05:20:00.000000' er ikke en dato (skriv den "
                "som 2019-06-21 eller 21-06-2019)"
            ],
        ),
    ],
)
def test_every_row_of_a_bad_export_is_read_or_reported(tmp_path, make, name, expected):
    folder = hearing(tmp_path)
    path = folder / "responses" / name
    in_file = make(path)
    rows, errors, _ = _read(path, load_hearing(folder).meta.form)
    assert [e.split(" (")[0] if "felter" in e else e for e in errors] == expected
    assert len(rows) + len(errors) == in_file


def test_a_quote_never_closed_is_reported_with_the_rows_it_took_in(tmp_path):
    """Issue 21, item 8: a cell that begins with a quote and never closes it takes every row
    after it into itself; they were lost without a word. Whether the row it makes has too
    few fields (Arrow cannot split it) or by chance the right number, the row is reported
    with the count of rows it took in, so that read + reported is every row of the file."""
    folder = hearing(tmp_path)
    form = load_hearing(folder).meta.form
    path = folder / "responses" / "svar.csv"
    rows = [["Anna Holm", "", "2019-06-01", f"Svar {i}", "", "ja"] for i in range(6)]
    header = ";".join(HEADER)
    lines = [header, *(";".join(row) for row in rows)]
    lines[2] = lines[2].replace(";Svar 1", ';"Svar 1')  # never closed: all after it taken in
    path.write_text("\n".join(lines) + "\n", "utf-8")
    read, errors, _ = _read(path, form)
    assert errors == [
        "række 3: har 4 felter, men overskriftsrækken har 6; den rummer 4 linjer, der ligner "
        'rækker for sig (et anførselstegn (") i starten af en celle er ikke lukket: luk det, '
        "eller fjern det)"
    ]
    assert len(read) + 1 + 4 == len(rows)
    lines[4] = lines[4].replace(";Svar 3;", ';Svar 3";')  # closed by chance two rows on
    path.write_text("\n".join(lines) + "\n", "utf-8")
    read, errors, _ = _read(path, form)
    assert errors == [
        'række 3: spm_1: rummer 2 linjer, der ligner rækker for sig (et anførselstegn (") i '
        "starten af en celle er ikke lukket: luk det, eller fjern det)"
    ]
    assert [r.cells for r in read] == [(("cykelstier", f"Svar {i}"),) for i in (0, 4, 5)]


def test_a_mapped_column_named_twice_is_refused_before_reading(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = hearing(tmp_path)
    path = folder / "responses" / "svar.parquet"
    columns = [pa.array([v]) for v in ("Anna", "", "2019-06-01", "Godt", "", "Skidt")]
    names = ["navn", "organisation", "indsendt", "spm_1", "spm_2", "spm_1"]
    pq.write_table(pa.Table.from_arrays(columns, names=names), path)
    hearing_ = load_hearing(folder)
    check = check_table(path, hearing_.meta.form, hearing_)
    assert [str(e) for e in check.missing] == [
        f"{path}: har 2 kolonner med navnet 'spm_1' (giv hver kolonne i eksporten sit eget navn)"
    ]


def test_a_parquet_page_that_cannot_be_decoded_refuses_the_file_with_a_message(tmp_path):
    """Found by the fuzzer (issue 21): a Parquet file whose metadata reads but one of whose
    pages does not gave pyarrow's OSError, reported as a bug of ours."""
    folder = hearing(tmp_path)
    path = write_parquet(folder / "responses" / "svar.parquet")
    data = bytearray(path.read_bytes())
    at = data.index(b"Anna Holm") - 12  # inside the first column's first page header
    data[at : at + 4] = b"\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    with pytest.raises(SourceError) as refused:
        _read(path, load_hearing(folder).meta.form)
    assert str(refused.value).startswith(f"{path}: kan ikke læses som Parquet: ")
    assert str(refused.value).endswith(" (eksportér tabellen igen)")


def test_an_xlsx_export_of_no_sheet_is_refused_with_a_message(tmp_path):
    """Found by the long fuzz run (issue 21): a workbook whose sheet was taken out gave an
    IndexError ('intern fejl')."""
    import io
    import zipfile

    folder = hearing(tmp_path)
    path = write_xlsx(folder / "responses" / "svar.xlsx")
    with zipfile.ZipFile(path) as packed:
        parts = {name: packed.read(name) for name in packed.namelist()}
    workbook = parts["xl/workbook.xml"].decode("utf-8")
    start, end = workbook.index("<sheets>"), workbook.index("</sheets>") + len("</sheets>")
    parts["xl/workbook.xml"] = (workbook[:start] + "<sheets/>" + workbook[end:]).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as packed:
        for name, data in parts.items():
            packed.writestr(name, data)
    path.write_bytes(out.getvalue())
    with pytest.raises(SourceError) as refused:
        _read(path, load_hearing(folder).meta.form)
    assert str(refused.value) == (
        f"{path}: har intet regneark (åbn den i Excel, og gem den igen som .xlsx)"
    )


def test_a_parquet_text_that_is_not_utf8_is_its_row_reported(tmp_path):
    """Found by the long fuzz run (issue 21): Parquet's reader does not check that a text
    column's bytes are UTF-8, and one that was not gave a UnicodeDecodeError ('intern fejl').
    The row is reported; the others are read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = hearing(tmp_path)
    path = folder / "responses" / "svar.parquet"
    columns = {
        "navn": ["Anna Holm", "Bo Dam"],
        "organisation": ["", ""],
        "indsendt": ["2019-06-01", "2019-06-02"],
        "spm_1": ["Flere cykel#stier", "Bredere fortove"],
        "spm_2": ["", ""],
        "samtykke": ["ja", "ja"],
    }
    pq.write_table(pa.table(columns), path, compression="none", use_dictionary=False)
    path.write_bytes(path.read_bytes().replace(b"cykel#stier", b"cykel\xb8stier"))
    rows, errors, _ = _read(path, load_hearing(folder).meta.form)
    assert errors == [
        "post 1: spm_1: har en byte, der ikke er UTF-8 (0xb8, byte 12 i cellen) "
        "(eksportér tabellen igen som UTF-8)"
    ]
    assert [r.respondent for r in rows] == ["Bo Dam"]


def test_a_bad_byte_in_a_utf8_export_with_a_bom_is_one_row_reported(tmp_path):
    """A small UTF-8 export (with Excel's BOM) with one byte that is not UTF-8 was taken for
    cp1252 from its first 64 KB: the BOM became 'ï»¿navn' and the whole file was refused."""
    folder = hearing(tmp_path)
    path = write_csv(
        folder / "responses" / "svar.csv", [*ROWS[:1], [*ROWS[0][:3], "caf#", "", "ja"]]
    )
    path.write_bytes(path.read_bytes().replace(b"caf#", b"caf\xe9"))
    rows, errors, _ = _read(path, load_hearing(folder).meta.form)
    assert errors == [
        "række 3: spm_1: har en byte, der ikke er UTF-8 (0xe9, byte 4 i cellen) "
        "(eksportér tabellen igen som UTF-8)"
    ]
    assert [r.respondent for r in rows] == ["Anna Holm"]


def test_a_bad_byte_early_in_an_export_without_a_bom_is_read_as_cp1252(tmp_path):
    """Without a BOM, a byte that is not UTF-8 in the first 64 KB is Danish Excel's cp1252."""
    folder = hearing(tmp_path)
    path = folder / "responses" / "svar.csv"
    write_csv(path, [[*ROWS[0][:3], "caf# i havnen", "", "ja"]])
    path.write_bytes(path.read_bytes()[3:].replace(b"caf#", b"caf\xe9"))
    rows, errors, _ = _read(path, load_hearing(folder).meta.form)
    assert errors == [] and rows[0].cells == (("cykelstier", "café i havnen"),)


# --- a byte that is not UTF-8 in a row Arrow cannot split (issue 21) -------------------------

NOT_UTF8 = (
    "række {row}: spm_1: har en byte, der ikke er UTF-8 (0xe9, byte 4 i cellen) "
    "(eksportér tabellen igen som UTF-8)"
)
UNCLOSED = (
    "række {row}: har 4 felter, men overskriftsrækken har 6; den rummer en linje, der ligner "
    'en række for sig (et anførselstegn (") i starten af en celle er ikke lukket: luk det, '
    "eller fjern det)"
)


def _broken_export(path, rows, *, bom=True):
    """``rows`` answers with a raw 0xE9 ('é' in cp1252) in the next to last one, and a row
    opening a quote it never closes that also holds one (Arrow's handler of a row it cannot
    split decoded such a row itself, failed, and the whole file was refused)."""
    answers = [["Anna Holm", "", "2019-06-01", f"Svar {i}", "", "ja"] for i in range(rows)]
    answers[-2][3] = "caf# i havnen"
    write_csv(path, answers)
    data = path.read_bytes().replace(b"caf#", b"caf\xe9")
    data += b'Bo Dam;;2019-06-02;"Caf\xe9en ved havnen;;ja\r\nEva Ravn;;2019-06-03;Ja;;ja\r\n'
    path.write_bytes(data if bom else data[3:])
    return path


@pytest.mark.parametrize(
    "rows, bom", [(3, True), (3000, False)], ids=["with a BOM", "past the first 64 KB"]
)
def test_a_bad_byte_in_a_row_arrow_cannot_split_is_reported_and_the_rest_read(tmp_path, rows, bom):
    folder = hearing(tmp_path)
    path = _broken_export(folder / "responses" / "svar.csv", rows, bom=bom)
    assert bom or path.read_bytes().rindex(b"\xe9") > 1 << 16
    read, errors, _ = _read(path, load_hearing(folder).meta.form)
    assert errors == [NOT_UTF8.format(row=rows), UNCLOSED.format(row=rows + 2)]
    assert [r.row for r in read] == [*range(2, rows), rows + 1]
    assert read[-1].cells == (("cykelstier", f"Svar {rows - 1}"),)
    assert len(read) + 2 + 1 == rows + 2  # read, reported, and the row the quote took in


def test_compare_reports_the_bad_rows_without_a_traceback_and_changes_no_source(
    tmp_path, monkeypatch
):
    from click.testing import CliRunner

    from conftest import snapshot
    from hoering.cli import main

    folder = hearing(tmp_path)
    _broken_export(folder / "responses" / "svar.csv", 3000, bom=False)
    before = snapshot(folder)
    out = str(tmp_path / "out")
    result = CliRunner().invoke(main, ["compare", str(folder), "-o", out, "-f", "html"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr
    assert (
        f"Advarsel: {folder}/responses/svar.csv: {NOT_UTF8.format(row=3000)} (rækken er ikke "
        in (result.stderr)
    )
    assert f"svar.csv: {UNCLOSED.format(row=3002)} (rækken er ikke talt med)" in result.stderr
    assert "2.999 svar fra svar.csv (1 del)" in result.stdout
    assert snapshot(folder) == before


# --- XLSX with damaged XML (issue 21: found by the fuzzer as IndexError and ValueError) -----


def _damaged_xlsx(path, part, old, new):
    """The tests' XLSX export with ``old`` replaced by ``new`` in the XML part ``part``."""
    import zipfile

    source = write_xlsx(path.with_suffix(".base.xlsx"))
    with zipfile.ZipFile(source) as base, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in base.infolist():
            data = base.read(item.filename)
            if item.filename == part:
                assert old in data
                data = data.replace(old, new, 1)
            out.writestr(item, data)
    source.unlink()
    return path


@pytest.mark.parametrize(
    "part, old, new, refusal",
    [
        (
            "xl/worksheets/sheet1.xml",
            b'<c r="D3" t="s"><v>',
            b'<c r="D3" t="s"><v>9',
            "kan ikke læses som XLSX: arket er beskadiget fra række 3 og frem (list index out of "
            "range) (åbn den i Excel, og gem den igen som .xlsx)",
        ),
        (
            "xl/worksheets/sheet1.xml",
            b'<c r="B4"',
            b'<c r="4"',
            "kan ikke læses som XLSX: arket er beskadiget fra række 4 og frem ('' is not a valid "
            "column name. Column names are from A to ZZZ) (åbn den i Excel, og gem den igen som "
            ".xlsx)",
        ),
        (
            "xl/sharedStrings.xml",
            b"<t>indsendt</t>",
            b"<t></t>",
            "har ingen kolonne 'indsendt' (filens kolonner er: 'navn', 'organisation', '', "
            "'spm_1', 'spm_2', 'samtykke')",
        ),
    ],
    ids=["a text the workbook does not hold", "a cell of no column", "a header text lost"],
)
def test_an_xlsx_with_damaged_xml_is_refused_naming_the_file(tmp_path, part, old, new, refusal):
    folder = hearing(tmp_path)
    path = _damaged_xlsx(folder / "responses" / "svar.xlsx", part, old, new)
    before = path.read_bytes()
    with pytest.raises(SourceError) as caught:
        _read(path, load_hearing(folder).meta.form)
    assert str(caught.value) == f"{path}: {refusal}"
    assert path.read_bytes() == before
