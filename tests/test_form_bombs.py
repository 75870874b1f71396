"""Web-form exports built to exhaust memory (issue 21, items 2 and 3): each is refused from
what can be read before the answers are (an XLSX's zip directory and shared-strings count, a
Parquet file's metadata), with a message naming the file, exit 1, nothing written, and the
process never past 1 GiB of address space."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import snapshot
from formtables import hearing, write_shared_strings_bomb, write_xlsx

CEILING = 1 << 30  # 1 GiB of address space, as tests/test_limits.py
HEARING = "consultations/trafikplan"


def capped(*args: str) -> subprocess.CompletedProcess:
    """The hoering CLI in the current folder, in a process limited to CEILING bytes."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CEILING, CEILING))

    return subprocess.run(
        [sys.executable, "-c", "from hoering.cli import main; main()", *args],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """The web-form hearing of tests/formtables.py, as the current folder's project."""
    folder = hearing(tmp_path / "consultations")
    (tmp_path / "hoering.toml").write_text("", "utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def refused(result: subprocess.CompletedProcess, expected: str, root: Path, before) -> None:
    assert result.returncode == 1, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("Fejl")] == [
        f"Fejl: {expected}"
    ]
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before


STRINGS_REFUSED = (
    "indeholder 1.100.024 forskellige tekster, flere end grænsen på 1.000.000 (eksportér "
    "svarene som CSV eller Parquet, som læses i bidder, eller hæv xlsx_strings under [limits] "
    "i hoering.toml)"
)


def test_an_xlsx_shared_strings_bomb_is_refused_by_import_and_compare(folder, tmp_path):
    export = write_shared_strings_bomb(tmp_path / "eksport.xlsx", 1_100_000)
    before = snapshot(tmp_path)
    refused(
        capped("import", "eksport.xlsx", "--hearing", HEARING),
        f"eksport.xlsx: {STRINGS_REFUSED}",
        tmp_path,
        before,
    )

    export.rename(folder / "responses" / "eksport.xlsx")
    before = snapshot(tmp_path)
    refused(
        capped("compare", HEARING),
        f"{HEARING}/responses/eksport.xlsx: {STRINGS_REFUSED}",
        tmp_path,
        before,
    )


def test_an_xlsx_that_unpacks_past_the_limit_is_refused_from_its_directory(folder, tmp_path):
    (tmp_path / "hoering.toml").write_text("[limits]\nxlsx_unpacked_mb = 5\n", "utf-8")
    export = write_shared_strings_bomb(tmp_path / "eksport.xlsx", 300_000)  # ~6 MB unpacked
    packed = round(export.stat().st_size / 1024)
    before = snapshot(tmp_path)
    refused(
        capped("import", "eksport.xlsx", "--hearing", HEARING),
        f"eksport.xlsx: fylder 6 MB udpakket, men kun {packed} KB pakket; det ligner en zip-bombe, "
        "så den åbnes ikke (grænsen er 5 MB (xlsx_unpacked_mb under [limits] i hoering.toml) "
        "og et pakkeforhold på højst 200:1)",
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
