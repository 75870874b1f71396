"""Benchmark: importing høringssvar from PDF and DOCX (``hoering.import_files``).

Generates N two-page letterhead PDFs (the project's own renderer) and N Word DOCX files
(python-docx) with tests/import_fixtures.py, copies the example hearing to a temporary
folder, and times importing each set with the default process pool (all cores), and the
PDFs once more in one process. Prints pages/s and files/s.

Target (issue 4): 200 two-page PDFs in under 10 s on 2 cores.

Run:  python benchmarks/bench_import.py [-n 200]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]

from hoering.imports.run import import_files  # noqa: E402
from import_fixtures import response_docx, response_pdf  # noqa: E402


class _OneProcess:
    """An executor that runs everything here (for the single-process figure)."""

    def map(self, function, items, chunksize=1):
        return map(function, items)


def _hearing(root: Path) -> Path:
    target = root / "hearing"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REPO / "consultations" / "samarbejdsaftale-psykisk-sygdom", target)
    shutil.rmtree(target / "responses")
    return target


def _run(label: str, files: list[Path], pages: int, root: Path, executor=None) -> tuple:
    hearing = _hearing(root)
    start = time.perf_counter()
    report = import_files(files, hearing, executor=executor)
    seconds = time.perf_counter() - start
    assert not report.failed, report.failed[:3]
    return (label, len(files), pages, seconds, len(files) / seconds, pages / seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="files of each kind (default 200)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        pdfs, docxs, pages = [], [], 0
        from pypdf import PdfReader

        for seed in range(args.n):
            data, _ = response_pdf(seed, sections=3)
            path = root / "in" / f"svar-{seed:03}.pdf"
            path.write_bytes(data)
            pages += len(PdfReader(path).pages)
            pdfs.append(path)
            data, _ = response_docx(seed, sections=4)
            path = root / "in" / f"svar-{seed:03}.docx"
            path.write_bytes(data)
            docxs.append(path)
        rows = [
            _run(f"PDF, process pool ({os.cpu_count()} cores)", pdfs, pages, root),
            _run("PDF, one process", pdfs, pages, root, _OneProcess()),
            _run(f"DOCX, process pool ({os.cpu_count()} cores)", docxs, len(docxs), root),
        ]
    print(f"{'import':<32} {'files':>6} {'pages':>6} {'seconds':>8} {'files/s':>8} {'pages/s':>8}")
    for label, files, page_count, seconds, per_file, per_page in rows:
        print(
            f"{label:<32} {files:>6} {page_count:>6} {seconds:>8.2f} {per_file:>8.1f} "
            f"{per_page:>8.1f}"
        )


if __name__ == "__main__":
    main()
