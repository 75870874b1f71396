"""No file of a predictable name in the shared temp folder (issue 21, item 1): another user
could plant a link or a folder there, or swap the file between writing and reading."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pypdf
import pytest

from conftest import make_document
from hoering.render import pdf


@pytest.fixture
def shared_temp(tmp_path, monkeypatch) -> Path:
    """An empty temp folder standing in for /tmp, with the glyph probe's cache emptied."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    pdf._displayable.cache_clear()
    yield folder
    pdf._displayable.cache_clear()


def _pdf_text(templates) -> str:
    document = make_document("Blåbærgrød på Ærø: æ ø å Æ Ø Å, og 😀 som intet font har.\n")
    reader = pypdf.PdfReader(__import__("io").BytesIO(pdf.render(document, templates)))
    return "".join(page.extract_text() for page in reader.pages)


def test_a_pdf_with_danish_letters_writes_nothing_in_the_temp_folder(shared_temp, templates):
    text = _pdf_text(templates)
    assert "Blåbærgrød på Ærø: æ ø å Æ Ø Å" in text
    assert "\u25a1 som intet font har" in text  # the emoji printed as the placeholder
    assert list(shared_temp.iterdir()) == []


def test_a_link_planted_under_the_old_probe_name_is_neither_followed_nor_written(
    shared_temp, templates, tmp_path
):
    victim = tmp_path / "victim.txt"
    victim.write_text("another user's file\n", "utf-8")
    os.symlink(victim, shared_temp / "hoering-glyph-probe.typ")
    assert "æ ø å" in _pdf_text(templates)
    assert victim.read_text("utf-8") == "another user's file\n"


def test_a_folder_planted_under_the_old_probe_name_does_not_stop_the_pdf(shared_temp, templates):
    (shared_temp / "hoering-glyph-probe.typ").mkdir()
    assert "Blåbærgrød" in _pdf_text(templates)


def test_no_code_or_benchmark_names_a_fixed_file_in_the_temp_folder():
    """Temp files come from mkstemp/mkdtemp/TemporaryDirectory, never gettempdir() + a name."""
    root = Path(__file__).resolve().parent.parent
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("src", "benchmarks", "tests")
        for path in sorted((root / folder).rglob("*.py"))
        if path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if ("gettempdir()" in line or '"/tmp/' in line or "'/tmp/" in line)
    ]
    assert offenders == []
