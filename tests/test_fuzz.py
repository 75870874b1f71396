"""Property tests: whatever Markdown and metadata a user writes, and whatever bytes arrive as
a response, hoering either makes its outputs (holding every word of the input) or reports a
HoeringError, never anything else. A longer run: benchmarks/fuzz.py."""

from __future__ import annotations

import shutil
from contextlib import chdir
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import fuzz_inputs as fuzz
import hostile_files
from conftest import EXAMPLE_HEARING, PROJECT

FAST = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def workspace(
    tmp_path_factory,
) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(PROJECT / "templates", root / "templates")
    hearing = root / "consultations" / EXAMPLE_HEARING
    hearing.mkdir(parents=True)
    shutil.copy(PROJECT / "consultations" / EXAMPLE_HEARING / "hearing.yaml", hearing)
    return root


def build_source(root: Path, text: str):
    """Build ``text`` as a source in every format; the outcome and the files made."""
    from hoering.commands.build import build
    from hoering.config import load_config

    source = fuzz.write(root / "fuzz" / "responses" / "svar.md", text.encode("utf-8"))
    config = load_config(root)
    with chdir(root):
        report = build([source], config=config, force=True, output=root / "output")
    outcome = report.outcomes[0]
    files = {path.suffix: path.read_bytes() for path in outcome.written}
    return outcome, files


@FAST
@given(title=fuzz.title(), body=fuzz.body)
def test_any_markdown_builds_or_fails_cleanly_and_keeps_every_word(workspace, title, body):
    outcome, files = build_source(workspace, fuzz.source_text(title, body))
    assert outcome.detail is None, outcome.detail  # no unexpected exception
    if outcome.error is not None:  # a message about the source, not about our templates
        assert str(outcome.error).startswith("fuzz/responses/svar.md"), str(outcome.error)
        return
    words = fuzz.expected_words(body)
    for suffix, extract in (
        (".html", fuzz.html_text),
        (".docx", fuzz.docx_text),
        (".pdf", fuzz.pdf_text),
    ):
        text = fuzz.plain(extract(files[suffix]))
        missing = {w for w in words if w not in text}
        assert not missing, (suffix, missing)


@FAST
@given(data=fuzz.damaged(hostile_files.plain_letter()))
def test_damaged_pdf_imports_or_fails_cleanly(workspace, data):
    assert_imports_or_fails_cleanly(workspace, "svar.pdf", data)


@FAST
@given(data=fuzz.damaged(hostile_files.docx_bytes()))
def test_damaged_docx_imports_or_fails_cleanly(workspace, data):
    assert_imports_or_fails_cleanly(workspace, "svar.docx", data)


@FAST
@given(data=fuzz.damaged_parts(hostile_files.docx_letter_bytes()))
def test_a_docx_with_damaged_xml_imports_or_fails_cleanly(workspace, data):
    """Issue 21 (low): well-formed XML that python-docx cannot follow (a relationship
    part that is not one, a header it names but the file lacks, a style without its
    value) raised inside python-docx and was reported as a bug of ours."""
    assert_imports_or_fails_cleanly(workspace, "svar.docx", data)


def assert_imports_or_fails_cleanly(root: Path, name: str, data: bytes) -> None:
    from hoering.config import load_config
    from hoering.errors import HoeringError
    from hoering.imports.run import import_file

    hearing = root / "consultations" / EXAMPLE_HEARING
    path = fuzz.write(root / "incoming" / name, data)
    try:
        import_file(path, hearing, force=True, config=load_config(root))
    except HoeringError as exc:
        # the catch-all of import ('could not be read: <exception>') marks a bug
        assert getattr(exc, "detail", None) is None, exc.detail
    finally:
        for folder in ("responses", "received"):
            shutil.rmtree(hearing / folder, ignore_errors=True)


# --- web-form exports and e-mails (issue 21: the fuzzer covers the new surface) -------------


def export_bytes(name: str) -> bytes:
    """A web-form export of the form hearing's columns, as the suffix of ``name`` says."""
    import tempfile

    from formtables import write_csv, write_parquet, write_xlsx

    writers = {".csv": write_csv, ".xlsx": write_xlsx, ".parquet": write_parquet}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        writers[path.suffix](path)
        return path.read_bytes()


def assert_export_reads_or_fails_cleanly(root: Path, name: str, data: bytes) -> None:
    """Every row of the export ``data`` is read or reported, or the file is refused with a
    message (a HoeringError); no other exception leaves the reader."""
    from formtables import hearing as form_hearing
    from hoering.errors import HoeringError
    from hoering.forms import partitions, read_partition
    from hoering.hearing import load_hearing

    folder = form_hearing(root / "forms")
    path = fuzz.write(folder / "responses" / name, data)
    form = load_hearing(folder).meta.form
    try:
        for part in partitions(path):
            for result in read_partition(part, form):
                assert not isinstance(result, Exception) or isinstance(result, HoeringError)
    except HoeringError:
        pass
    finally:
        shutil.rmtree(root / "forms", ignore_errors=True)


@FAST
@given(data=fuzz.damaged(export_bytes("svar.csv")))
def test_a_damaged_csv_export_is_read_or_refused_cleanly(workspace, data):
    assert_export_reads_or_fails_cleanly(workspace, "svar.csv", data)


@FAST
@given(data=fuzz.damaged_parts(export_bytes("svar.xlsx")))
def test_an_xlsx_export_with_damaged_xml_is_read_or_refused_cleanly(workspace, data):
    assert_export_reads_or_fails_cleanly(workspace, "svar.xlsx", data)


@FAST
@given(data=fuzz.damaged(export_bytes("svar.parquet")))
def test_a_damaged_parquet_export_is_read_or_refused_cleanly(workspace, data):
    assert_export_reads_or_fails_cleanly(workspace, "svar.parquet", data)


@FAST
@given(data=fuzz.damaged(hostile_files.mail_bytes()))
def test_a_damaged_mail_imports_or_fails_cleanly(workspace, data):
    assert_imports_or_fails_cleanly(workspace, "svar.eml", data)
