"""One file never stops a batch: whatever goes wrong while one file is read (in our code, in a
library, or a worker process that dies) becomes a one-line error naming that file, and the
other files are imported and written."""

from __future__ import annotations

import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.sources import load_source
from import_fixtures import response_docx

HEARING = Path("consultations") / EXAMPLE_HEARING
REPORT = (
    "meld venligst fejlen, gerne med filen, hvis du må dele den; 'hoering --debug import …' "
    "viser detaljerne"
)
SENDERS = [
    "glostrup-kommune",
    "albertslund-kommune",
    "brondby-kommune",
    "vallensbaek-kommune",
    "hvidovre-kommune",
]


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def incoming(project: Path, name: str, data: bytes) -> Path:
    path = project / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def five_letters(project: Path) -> list[Path]:
    return [
        incoming(project, f"{letter}.docx", response_docx(seed, sections=2)[0])
        for seed, letter in enumerate("abcde")
    ]


def sabotage(name: str, how: str) -> None:
    """Worker initializer: reading the file called ``name`` fails the way ``how`` says."""
    import hoering.imports.run as run

    real = run.analyse

    def analyse(path, context):
        if Path(path).name == name:
            if how == "exit":
                os._exit(3)  # the worker dies as if the kernel had killed it
            raise RecursionError("maximum recursion depth exceeded while calling a Python object")
        return real(path, context)

    run.analyse = analyse


def sabotaged_pool(name: str, how: str, workers: int = 2) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=sabotage, initargs=(name, how)
    )


def written(project: Path) -> list[str]:
    return sorted(p.stem for p in (project / HEARING / "responses").glob("*.md"))


def test_an_exception_in_one_worker_fails_only_that_file(project):
    files = five_letters(project)
    with sabotaged_pool("c.docx", "raise") as pool:
        report = hoering.import_files(files, HEARING, executor=pool)
    assert [i.path.stem for i in report.imported] == [s for s in SENDERS if s != "brondby-kommune"]
    [(path, error)] = report.failed
    assert path == files[2]
    assert str(error) == (
        f"incoming/c.docx: kunne ikke læses: den er indlejret for dybt (RecursionError) ({REPORT})"
    )
    assert "RecursionError" in error.detail and "Traceback" in error.detail  # for --debug
    assert written(project) == sorted(["ishoj", *(s for s in SENDERS if s != "brondby-kommune")])
    for imported in report.imported:  # written whole, with the original kept beside
        source = load_source(imported.path)
        assert source.meta.source.sha256 and imported.original.is_file()
        assert len(source.blocks) >= 3
    assert not (project / HEARING / "received" / "c.docx").exists()


def test_a_worker_that_dies_fails_only_its_file(project, monkeypatch):
    import hoering.parallel

    files = five_letters(project)
    # the pools the import starts (also the one-worker ones after the crash) are sabotaged
    monkeypatch.setattr(hoering.parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(
        hoering.parallel,
        "process_pool",
        lambda workers=None: sabotaged_pool("b.docx", "exit", workers or 2),
    )
    report = hoering.import_files(files, HEARING)
    assert [i.path.stem for i in report.imported] == [
        s for s in SENDERS if s != "albertslund-kommune"
    ]
    [(path, error)] = report.failed
    assert path == files[1]
    assert str(error) == (
        "incoming/b.docx: kunne ikke læses: processen, der læste den, stoppede uventet (måske "
        f"løb den tør for hukommelse) ({REPORT})"
    )
    assert "albertslund-kommune" not in written(project)
    assert (
        load_source(project / HEARING / "responses" / "hvidovre-kommune.md").meta.sender
        == "Hvidovre Kommune"
    )


def test_cli_reports_the_file_and_imports_the_others(cli, project, monkeypatch):
    import zipfile

    import hoering.imports.run as run

    files = five_letters(project)[:3]
    real = run.analyse

    def analyse(path, context):
        if path.name == "b.docx":
            raise zipfile.BadZipFile("Bad CRC-32 for file 'word/document.xml'")
        return real(path, context)

    monkeypatch.setattr(run, "analyse", analyse)  # three files are read in this process
    result = cli("import", *map(str, files), "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Fejl: incoming/b.docx: kunne ikke læses: BadZipFile: Bad CRC-32 for file "
        f"'word/document.xml' ({REPORT})",
        "2 indlæst, 1 fejlede: incoming/b.docx",
    ]
    assert "Traceback" not in result.output
    assert written(project) == ["brondby-kommune", "glostrup-kommune", "ishoj"]
    assert (project / HEARING / "received" / "a.docx").read_bytes() == files[0].read_bytes()
    assert not (project / HEARING / "received" / "b.docx").exists()
    debug = cli("--debug", "import", str(files[1]), "--hearing", str(HEARING))
    assert debug.exit_code == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.splitlines()[-2].startswith("Fejl: incoming/b.docx: kunne ikke læses")
    english = cli("--lang", "en", "import", str(files[1]), "--hearing", str(HEARING))
    assert english.stderr.splitlines() == [
        "Error: incoming/b.docx: could not be read: BadZipFile: Bad CRC-32 for file "
        "'word/document.xml' (please report it, with the file if you may share it; "
        "'hoering --debug import …' shows the details)",
        "0 imported, 1 failed: incoming/b.docx",
    ]


def _self_referencing_length_pdf() -> bytes:
    """A PDF whose content stream's /Length points at the stream itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length 4 0 R >>\nstream\nBT /F1 12 Tf 72 720 Td (Vi har bemaerkninger til "
        b"udkastet.) Tj ET\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_a_pdf_that_sends_the_reader_in_circles(cli, project):
    files = five_letters(project)[:2]
    files.insert(1, incoming(project, "loop.pdf", _self_referencing_length_pdf()))
    result = cli("import", *map(str, files), "--hearing", str(HEARING))
    assert result.exit_code == 1
    [error, summary] = result.stderr.splitlines()
    assert error.startswith("Fejl: incoming/loop.pdf: ")
    assert summary == "2 indlæst, 1 fejlede: incoming/loop.pdf"
    assert written(project) == ["albertslund-kommune", "glostrup-kommune", "ishoj"]
