"""Files import must refuse: the exact message naming the file, exit code 1, nothing
written (no source in responses/, nothing in received/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE_HEARING, snapshot
from import_fixtures import (
    encrypted_pdf,
    many_parts_docx,
    pdf_bomb,
    response_docx,
    response_pdf,
    scanned_pdf,
    zip_bomb_docx,
)

HEARING = Path("consultations") / EXAMPLE_HEARING


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing as it was before its own imported example."""


AGAIN = "(ask the sender for the file again)"
UNSUPPORTED = (
    "cannot be imported (supported formats are PDF (.pdf), Word (.docx) and e-mail "
    "(.eml); save the file as PDF or DOCX first)"
)


def _pdf() -> bytes:
    return response_pdf(seed=0, sections=3)[0]


def _docx() -> bytes:
    return response_docx(seed=0, sections=3)[0]


CASES = {
    "encrypted": (
        "svar.pdf",
        encrypted_pdf,
        "is password-protected (encrypted) and cannot be read (ask the sender for a "
        "copy without a password)",
    ),
    "scanned": (
        "svar.pdf",
        scanned_pdf,
        "has no text layer: it is a scanned image and needs OCR (run text recognition "
        "(OCR) on it first, e.g. 'ocrmypdf in.pdf out.pdf', then import the result)",
    ),
    "truncated": (
        "svar.pdf",
        lambda: _pdf()[: len(_pdf()) // 2],
        f"is damaged: the PDF is incomplete (truncated) {AGAIN}",
    ),
    "corrupt": (
        "svar.pdf",
        lambda: _pdf()[:400] + b"\x00garbage" * 3000 + b"\n%%EOF\n",
        f"is damaged and cannot be read as a PDF (Unexpected EOF) {AGAIN}",
    ),
    "zero bytes": ("svar.pdf", lambda: b"", f"the file is empty (0 bytes) {AGAIN}"),
    "docx named pdf": (
        "svar.pdf",
        _docx,
        "the name ends in .pdf but the file is a Word document (DOCX) "
        "(rename it to svar.docx if that is right)",
    ),
    "pdf named docx": (
        "svar.docx",
        _pdf,
        "the name ends in .docx but the file is a PDF (rename it to svar.pdf if that is right)",
    ),
    "docx not a zip": (
        "svar.docx",
        lambda: "Kære region\nHer er vores svar.\n".encode(),
        f"is not a Word document (DOCX): the file is a plain text file, not a zip archive {AGAIN}",
    ),
    "docx truncated": (
        "svar.docx",
        lambda: _docx()[: len(_docx()) // 2],
        f"is damaged: the zip archive inside is incomplete or corrupt {AGAIN}",
    ),
    "zip bomb": (
        "svar.docx",
        zip_bomb_docx,
        "unpacks to 300 MB from 299 KB; this looks like a zip bomb and is not opened "
        "(the limit is 200 MB (max_unpacked_mb under [import] in hoering.toml) and a "
        "packing ratio of at most 200:1)",
    ),
    "many parts": (
        "svar.docx",
        many_parts_docx,
        f"holds 6001 packed files; a Word document has far fewer, so it is not opened {AGAIN}",
    ),
    "old doc": (
        "svar.doc",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        f".doc files {UNSUPPORTED}",
    ),
    "old doc named docx": (
        "svar.docx",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "is not a DOCX file but an old Word document (.doc) or a "
        "password-protected Office file (open it in Word, remove any "
        "password and save it as DOCX or PDF)",
    ),
    "odt": ("svar.odt", lambda: b"PK\x03\x04" + bytes(100), f".odt files {UNSUPPORTED}"),
    "no extension": ("svar", lambda: b"%PDF-1.7", f"files without an extension {UNSUPPORTED}"),
}


def assert_refused(cli, project: Path, path: Path, message: str, *extra: str) -> None:
    before = snapshot(project)
    result = cli("import", str(path), "--hearing", str(HEARING), *extra)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"Fejl: {path}: {message}",
        f"0 indlæst, 1 fejlede: {path}",
    ]
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert snapshot(project) == before
    assert not (project / HEARING / "received").exists()
    assert sorted(p.name for p in (project / HEARING / "responses").iterdir()) == ["ishoj.md"]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_file_is_refused(cli, project, case):
    name, make, message = CASES[case]
    path = Path("incoming") / name
    (project / "incoming").mkdir()
    (project / path).write_bytes(make())
    assert_refused(cli, project, path, message)


def test_missing_file(cli, project):
    assert_refused(cli, project, Path("incoming/borte.pdf"), "file not found")


@pytest.mark.parametrize(
    "setting, message",
    [
        (
            "max_size_mb = 0.01",
            "the file is {mb:.1f} MB, more than the limit of 0.01 MB (raise "
            "max_size_mb under [import] in hoering.toml if the file is genuine)",
        ),
        (
            "max_pages = 1",
            "has 2 pages, more than the limit of 1 (raise max_pages under [import] in "
            "hoering.toml if the file is genuine)",
        ),
    ],
)
def test_limits_from_hoering_toml(cli, project, setting, message):
    (project / "hoering.toml").write_text(f"[import]\n{setting}\n", "utf-8")
    (project / "incoming").mkdir()
    path = Path("incoming/stor.pdf")
    data = _pdf()
    (project / path).write_bytes(data)
    assert_refused(cli, project, path, message.format(mb=len(data) / 1024 / 1024))


def test_smaller_unpacked_limit(cli, project):
    (project / "hoering.toml").write_text("[import]\nmax_unpacked_mb = 50\n", "utf-8")
    (project / "incoming").mkdir()
    path = Path("incoming/bombe.docx")
    (project / path).write_bytes(zip_bomb_docx(60))
    before = snapshot(project)
    result = cli("import", str(path), "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert "this looks like a zip bomb" in result.stderr
    assert "the limit is 50 MB" in result.stderr
    assert snapshot(project) == before


def test_pdf_decompression_bomb(cli, project):
    """pdfminer would unpack the whole stream in memory; import stops at the limit."""
    (project / "hoering.toml").write_text("[import]\nmax_unpacked_mb = 20\n", "utf-8")
    (project / "incoming").mkdir()
    path = Path("incoming/bombe.pdf")
    data = pdf_bomb(30)
    (project / path).write_bytes(data)
    assert_refused(
        cli,
        project,
        path,
        f"unpacks to more than 20 MB from {len(data) / 1024:.0f} KB; this looks "
        "like a decompression bomb and is not read (the limit is max_unpacked_mb "
        "under [import] in hoering.toml)",
    )
    (project / "hoering.toml").write_text("[import]\nmax_unpacked_mb = 40\n", "utf-8")
    result = cli("import", str(path), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output  # below the limit it is an ordinary PDF


@pytest.mark.parametrize(
    "toml, message",
    [
        (
            "[import]\nmax_pagse = 3\n",
            "hoering.toml: import.max_pagse: unknown key (known keys: max_size_mb, max_pages, "
            "max_unpacked_mb, max_glyphs_per_page, max_seconds_per_page)",
        ),
        (
            "[import]\nmax_pages = -2\n",
            "hoering.toml: import.max_pages: -2 is not a positive number",
        ),
        (
            "import = 3\n",
            "hoering.toml: import: should be a table of settings (write [import] on "
            "its own line, then max_size_mb = 25)",
        ),
    ],
)
def test_bad_import_settings(cli, project, toml, message):
    (project / "hoering.toml").write_text(toml, "utf-8")
    (project / "incoming").mkdir()
    (project / "incoming/svar.pdf").write_bytes(b"%PDF-1.7")
    before = snapshot(project)
    result = cli("import", "incoming/svar.pdf", "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Fejl: {message}"]
    assert snapshot(project) == before


def test_hearing_folder_without_hearing_yaml(cli, project):
    (project / "incoming").mkdir()
    (project / "incoming/svar.pdf").write_bytes(_pdf())
    before = snapshot(project)
    result = cli("import", "incoming/svar.pdf", "--hearing", "incoming")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Fejl: incoming/hearing.yaml: not found (create it with 'hoering new hearing')"
    ]
    assert snapshot(project) == before
