"""Web-form exports built to exhaust memory (issue 21, items 2 and 3): each is refused from
what can be read before the answers are (an XLSX's zip directory and shared-strings count, a
Parquet file's metadata), with a message naming the file, exit 1, nothing written, and the
process never past 1 GiB of address space."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import snapshot
from formtables import hearing, write_dictionary_bomb, write_shared_strings_bomb, write_xlsx
from support import fails_cleanly
from test_limits import capped as limits_capped

# The cap counts address space reserved, not used: Arrow's own allocator and one malloc arena
# per thread reserve ~1.5 GB they never touch (peak RSS 270 MB, address space 2.1 GB, for
# 60,000 rows). These make what is reserved close to what is used, so the cap measures use.
RESERVE_LITTLE = {
    "ARROW_DEFAULT_MEMORY_POOL": "system",
    "MALLOC_ARENA_MAX": "2",
    "OPENBLAS_NUM_THREADS": "1",
}
HEARING = "consultations/trafikplan"


def capped(*args: str) -> subprocess.CompletedProcess:
    """test_limits.capped with Arrow and glibc told to reserve little address space."""
    return limits_capped(*args, env=RESERVE_LITTLE, timeout=300)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """The web-form hearing of tests/formtables.py, as the current folder's project."""
    folder = hearing(tmp_path / "consultations")
    (tmp_path / "hoering.toml").write_text("", "utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


STRINGS_REFUSED = (
    "indeholder 1.100.024 forskellige tekster, flere end grænsen på 1.000.000 (eksportér "
    "svarene som CSV eller Parquet, som læses i bidder, eller hæv xlsx_strings under [limits] "
    "i hoering.toml)"
)


def test_an_xlsx_shared_strings_bomb_is_refused_by_import_and_compare(folder, tmp_path):
    export = write_shared_strings_bomb(tmp_path / "eksport.xlsx", 1_100_000)
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("import", "eksport.xlsx", "--hearing", HEARING),
        [f"eksport.xlsx: {STRINGS_REFUSED}"],
        tmp_path,
        before,
    )

    export.rename(folder / "responses" / "eksport.xlsx")
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("compare", HEARING),
        [f"{HEARING}/responses/eksport.xlsx: {STRINGS_REFUSED}"],
        tmp_path,
        before,
    )


def test_an_xlsx_that_unpacks_past_the_limit_is_refused_from_its_directory(folder, tmp_path):
    (tmp_path / "hoering.toml").write_text("[limits]\nxlsx_unpacked_mb = 5\n", "utf-8")
    export = write_shared_strings_bomb(tmp_path / "eksport.xlsx", 300_000)  # ~6 MB unpacked
    packed = round(export.stat().st_size / 1024)
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("import", "eksport.xlsx", "--hearing", HEARING),
        [
            f"eksport.xlsx: fylder 6 MB udpakket, men kun {packed} KB pakket; det ligner en "
            "zip-bombe, så den åbnes ikke (grænsen er 5 MB (xlsx_unpacked_mb under [limits] i "
            "hoering.toml) og et pakkeforhold på højst 200:1)"
        ],
        tmp_path,
        before,
    )


def test_an_ordinary_xlsx_export_is_still_read(folder, tmp_path):
    write_xlsx(tmp_path / "eksport.xlsx")
    result = capped("import", "eksport.xlsx", "--hearing", HEARING)
    assert result.returncode == 0, result.stderr
    assert (folder / "responses" / "eksport.xlsx").read_bytes() == (
        tmp_path / "eksport.xlsx"
    ).read_bytes()


# --- Parquet ---------------------------------------------------------------------------------


@pytest.fixture
def form_project(folder, tmp_path) -> Path:
    """The web-form hearing with the tests' templates (compare needs its authority)."""
    import shutil

    from conftest import PROJECT

    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    return folder


def test_a_parquet_export_of_more_rows_than_the_limit_is_refused_from_its_metadata(
    form_project, tmp_path
):
    write_dictionary_bomb(tmp_path / "svar.parquet", 5_000_001, characters=20)
    refusal = (
        "har 5.000.001 rækker, flere end 5.000.000 (grænsen er form_rows = 5000000 under "
        "[limits] i hoering.toml)"
    )
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("import", "svar.parquet", "--hearing", HEARING),
        [f"svar.parquet: {refusal}"],
        tmp_path,
        before,
    )
    (tmp_path / "svar.parquet").rename(form_project / "responses" / "svar.parquet")
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("compare", HEARING),
        [f"{HEARING}/responses/svar.parquet: {refusal}"],
        tmp_path,
        before,
    )


def test_a_parquet_dictionary_bomb_is_compared_in_bounded_memory_and_every_row_counted(
    form_project, tmp_path
):
    """The issue's bomb, smaller: 60,000 rows giving one 20,000-character answer, a 4 KB
    file that decodes to 1.2 GB (it took 0.5 GB a 10,000 rows). Each answer is now one
    shared string, so it fits in 1 GiB."""
    write_dictionary_bomb(form_project / "responses" / "svar.parquet", 60_000)
    result = capped("compare", HEARING, "--no-bundle", "-f", "docx")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "60.000 svar fra svar.parquet (1 del): 60.000 bemærkninger, 1 kampagne med 60.000, "
        "0 organisationer"
    ) in result.stdout
    matrix = tmp_path / "output" / "trafikplan" / "formularsvar.csv"
    assert matrix.read_text("utf-8-sig").count("\n") == 60_001  # the header and every row


def test_a_partition_holding_more_different_text_than_the_limit_is_refused(form_project, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "hoering.toml").write_text("[limits]\nform_partition_mb = 1\n", "utf-8")
    answers = [f"Svar nummer {i}: " + "jeg er imod planen " * 1000 for i in range(100)]
    table = {
        "navn": ["Anna Holm"] * 100,
        "organisation": [""] * 100,
        "indsendt": ["2019-06-01"] * 100,
        "spm_1": answers,
        "spm_2": [""] * 100,
    }
    pq.write_table(pa.table(table), form_project / "responses" / "svar.parquet")
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("compare", HEARING),
        [
            f"{HEARING}/responses/svar.parquet: svarene fra post 1 til 56 fylder mere end 1 MB "
            "forskellig tekst; filen sammenlignes ikke (grænsen er form_partition_mb = 1 under "
            "[limits] i hoering.toml)"
        ],
        tmp_path,
        before,
    )


def test_an_answer_past_the_limit_is_reported_without_being_decoded():
    import pyarrow as pa

    from hoering.forms.cells import Oversized, cells

    long = "æ" * 30
    plain = pa.array(["kort", None, long])
    shared = pa.DictionaryArray.from_arrays(pa.array([1, 1, None, 0], pa.int32()), ["kort", long])
    assert cells(plain, 20) == ["kort", None, Oversized(30)]
    values = cells(shared, 20)
    assert values == [Oversized(30), Oversized(30), None, "kort"]


def _long_answers(path: Path, records: int, characters: int) -> Path:
    """A Parquet export of ``records`` answers of ``characters`` each, stored plainly."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    answer = ("Jeg er imod planen for bymidten " * (characters // 32 + 1))[:characters]
    table = {
        "navn": ["Anna Holm"] * records,
        "organisation": [""] * records,
        "indsendt": ["2019-06-01"] * records,
        "spm_1": [answer] * records,
        "spm_2": [""] * records,
    }
    pq.write_table(pa.table(table), path, use_dictionary=False, compression="zstd")
    return path


@pytest.mark.parametrize(
    "records, refusal",
    [
        (1, "post 1: spm_1: 39 KB tekst til 1 svar; et svar har højst 100 tegn"),
        (4, "post 1 til 4: spm_1: 156 KB tekst til 4 svar; et svar har højst 100 tegn"),
    ],
)
def test_a_parquet_whose_metadata_shows_answers_past_the_limit_is_refused_before_reading(
    form_project, tmp_path, records, refusal
):
    """Issue 21, item 3: Arrow decodes a page whole, and a page is never smaller than its
    answer: a 111 KB file of four 300 MB answers ended compare in 'intern fejl' asking for
    1.2 GB. The metadata's unpacked bytes per record show it before a page is read."""
    (tmp_path / "hoering.toml").write_text("[limits]\nanswer_characters = 100\n", "utf-8")
    _long_answers(tmp_path / "svar.parquet", records, 40_000)
    refusal += " (grænsen er answer_characters = 100 under [limits] i hoering.toml)"
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("import", "svar.parquet", "--hearing", HEARING),
        [f"svar.parquet: {refusal}"],
        tmp_path,
        before,
    )
    (tmp_path / "svar.parquet").rename(form_project / "responses" / "svar.parquet")
    before = snapshot(tmp_path)
    fails_cleanly(
        capped("compare", HEARING),
        [f"{HEARING}/responses/svar.parquet: {refusal}"],
        tmp_path,
        before,
    )


def test_a_parquet_of_answers_within_the_limit_is_read_whole(form_project, tmp_path):
    (tmp_path / "hoering.toml").write_text("[limits]\nanswer_characters = 100\n", "utf-8")
    _long_answers(form_project / "responses" / "svar.parquet", 3, 100)
    result = capped("compare", HEARING, "--no-bundle", "-f", "html")
    assert result.returncode == 0, result.stderr
    assert "3 svar fra svar.parquet (1 del)" in result.stdout
