"""Benchmark: every memory and time bomb of issues 12 and 21, each run by the CLI in a fresh
process, with the peak memory (max RSS of the process and its workers) and the wall time.

Each case is refused (or, for the tall table header, built) with a message; nothing may
take more than 1 GB. The inputs are made here, in a temporary copy of the example project.

Run:  python benchmarks/bench_bombs.py            (every case)
      python benchmarks/bench_bombs.py CASE       (one case, e.g. xlsx_shared_strings)
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
HEARING = Path("consultations") / "samarbejdsaftale-psykisk-sygdom"
SOURCE = HEARING / "responses" / "ishoj.md"


def _with_body(root: Path, body: str, metadata: str = "") -> None:
    path = root / SOURCE
    head = path.read_text("utf-8").split("\n---\n", 1)[0]
    path.write_text(head + metadata + "\n---\n\n" + body, "utf-8")


def yaml_alias_bomb(root: Path) -> list[str]:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    _with_body(root, "Tekst.\n", "\n" + "\n".join(lines))
    return ["check", str(SOURCE)]


def table_100k_rows(root: Path) -> list[str]:
    rows = "".join(f"| række {i} | x | y |\n" for i in range(100_000))
    _with_body(root, "| a | b | c |\n|---|---|---|\n" + rows)
    return ["build", str(SOURCE)]


def table_100k_rows_in_a_quote(root: Path) -> list[str]:
    rows = "".join(f"> | række {i} | x | y |\n" for i in range(100_000))
    _with_body(root, "> | a | b | c |\n> |---|---|---|\n" + rows)
    return ["build", str(SOURCE)]


def table_100k_rows_in_a_list(root: Path) -> list[str]:
    rows = "".join(f"      | række {i} | x | y |\n" for i in range(100_000))
    _with_body(root, "- Punkt\n\n  1. | a | b | c |\n     |---|---|---|\n" + rows)
    return ["build", str(SOURCE)]


def tall_table_header(root: Path) -> list[str]:
    words = " ".join(["ord"] * 6000)
    rows = "".join(f"| række {i} | x |\n" for i in range(1000))
    _with_body(root, f"| {words} | b |\n|---|---|\n{rows}")
    return ["build", "-f", "pdf", str(SOURCE)]


def brackets_1mb(root: Path) -> list[str]:
    """Issue 21, item 11: a megabyte of "[" (each one scanned to the end for a "]")."""
    _with_body(root, "[" * 1_000_000 + "\n")
    return ["build", str(SOURCE), "-f", "docx"]


def comment_lines_1m(root: Path) -> list[str]:
    """Issue 21, item 11: "<!--" on a million lines (2 MB; objects for every line)."""
    _with_body(root, "<!--\n" * 1_000_000)
    return ["build", str(SOURCE), "-f", "docx"]


def footnotes_20000(root: Path) -> list[str]:
    """Issue 21, item 11: 20,000 footnotes, each referred to once."""
    refs = "".join(
        " ".join(f"Punkt {i}[^{i}]." for i in range(start, start + 100)) + "\n\n"
        for start in range(0, 20_000, 100)
    )
    notes = "".join(f"[^{i}]: Note {i}.\n" for i in range(20_000))
    _with_body(root, refs + notes)
    return ["build", str(SOURCE), "-f", "docx"]


def png_bomb(root: Path) -> list[str]:
    from test_limits import png

    (root / HEARING / "responses" / "plan.png").write_bytes(png(60000, 60000))
    _with_body(root, "![Plan](plan.png)\n")
    return ["build", str(SOURCE)]


def many_images(root: Path) -> list[str]:
    """Issue 21: 100,000 references to one 4 x 4 PNG on one line (1.4 MB of Markdown, which
    the limit on lines does not see). Refused when counted after the parse: 14.0 s, 177 MB;
    as the parser meets the 201st: 1.9 s, 59 MB."""
    from test_limits import png

    (root / HEARING / "responses" / "prik.png").write_bytes(png(4, 4))
    _with_body(root, "![](prik.png) " * 100_000)
    return ["build", "-f", "pdf", str(SOURCE)]


def image_files(root: Path) -> list[str]:
    """20 different photos of 10 MB (RGBA noise, 2.5 megapixels each: within the limits of
    one image and of pixels). The PDF carries each byte to Typst as a number: 415.7 s and
    9,551 MB before images_mb; now the second is refused from the sizes: 6.8 s, 80 MB."""
    import os
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    side = 1580
    for number in range(20):
        rows = b"".join(b"\x00" + os.urandom(side * 4) for _ in range(side))
        header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
        photo = (
            b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 1))
        )
        (root / HEARING / "responses" / f"foto{number}.png").write_bytes(
            photo + chunk(b"IEND", b"")
        )
    _with_body(root, "".join(f"![Foto {n}](foto{n}.png)\n\n" for n in range(20)))
    return ["build", "-f", "pdf", str(SOURCE)]


def jinja_runaway(root: Path) -> list[str]:
    (root / "templates" / "document.html.j2").write_text("{{ 'x'.ljust(2000000000) }}")
    return ["build", "-f", "html", str(SOURCE)]


def jinja_loop(root: Path) -> list[str]:
    (root / "hoering.toml").write_text("[limits]\ntemplate_seconds = 5\n")
    (root / "templates" / "document.html.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    return ["build", "-f", "html", str(SOURCE)]


def typst_loop(root: Path) -> list[str]:
    """A user's PDF template with a nested loop: it hung the build, and Ctrl+C did not stop
    it; now its helper process is stopped after template_seconds."""
    (root / "hoering.toml").write_text("[limits]\ntemplate_seconds = 5\n")
    builtin = REPO / "src" / "hoering" / "templates" / "document.typ"
    loop = "#for i in range(100000) { for j in range(100000) { } }\n"
    (root / "templates" / "document.typ").write_text(loop + builtin.read_text("utf-8"))
    return ["build", "-f", "pdf", str(SOURCE)]


def _import(root: Path, name: str, data: bytes) -> list[str]:
    (root / "incoming").mkdir(exist_ok=True)
    (root / "incoming" / name).write_bytes(data)
    return ["import", f"incoming/{name}", "--hearing", str(HEARING)]


def pdf_filter_chain_bomb(root: Path) -> list[str]:
    import hostile_files

    return _import(root, "kaede.pdf", hostile_files.chained_filter_bomb(400))


def pdf_glyph_bomb(root: Path) -> list[str]:
    import hostile_files

    return _import(root, "tegn.pdf", hostile_files.glyph_bomb(1_500_000))


def pdf_page_drawing_nothing(root: Path) -> list[str]:
    import hostile_files

    return _import(root, "tom.pdf", hostile_files.idle_page(b"BT ET\n", 3_000_000))


def pdf_saved_states(root: Path) -> list[str]:
    import hostile_files

    return _import(root, "q.pdf", hostile_files.idle_page(b"q\n", 20_000_000))


def eml_20mb_one_line(root: Path) -> list[str]:
    """Issue 21, item 6: a mail whose body is one 20 MB line (minutes of analysis before)."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"] = "Anna Holm <anna@example.dk>"
    mail["Subject"] = "Høringssvar"
    mail.set_content("Vi støtter forslaget. " * 900_000)
    return _import(root, "svar.eml", bytes(mail))


def docx_bad_crc(root: Path) -> list[str]:
    import hostile_files

    return _import(root, "crc.docx", hostile_files.docx_bad_crc())


def _form_hearing(root: Path) -> Path:
    from formtables import hearing

    return hearing(root / "consultations")


def xlsx_shared_strings(root: Path) -> list[str]:
    """Issue 21: an XLSX export whose shared-strings table holds 3 M short texts (7 MB)."""
    from formtables import write_shared_strings_bomb

    folder = _form_hearing(root)
    write_shared_strings_bomb(folder / "responses" / "svar.xlsx", 3_000_000)
    return ["compare", "consultations/trafikplan"]


def parquet_dictionary(root: Path) -> list[str]:
    """Issue 21: a 4 KB Parquet export of 100,000 rows giving one 20,000-character answer."""
    from formtables import write_dictionary_bomb

    folder = _form_hearing(root)
    write_dictionary_bomb(folder / "responses" / "svar.parquet", 100_000)
    return ["compare", "consultations/trafikplan", "--no-bundle", "-f", "docx"]


CASES = [
    yaml_alias_bomb,
    table_100k_rows,
    table_100k_rows_in_a_quote,
    table_100k_rows_in_a_list,
    tall_table_header,
    brackets_1mb,
    comment_lines_1m,
    footnotes_20000,
    png_bomb,
    many_images,
    image_files,
    jinja_runaway,
    jinja_loop,
    typst_loop,
    pdf_filter_chain_bomb,
    pdf_glyph_bomb,
    pdf_page_drawing_nothing,
    pdf_saved_states,
    docx_bad_crc,
    eml_20mb_one_line,
    xlsx_shared_strings,
    parquet_dictionary,
]


def run(case) -> tuple[str, float, float, int, str]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(REPO / "consultations", root / "consultations")
        shutil.copytree(REPO / "templates", root / "templates")
        args = case(root)
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-c", "from hoering.cli import main; main()", *args],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        out, err = process.communicate(timeout=600)
        seconds = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        message = next(
            (line for line in err.splitlines() if line.startswith(("Error", "Fejl"))),
            (out.strip().splitlines() or ["(no output)"])[-1],
        )
        return case.__name__, seconds, peak, process.returncode, message[:110]


def main() -> None:
    # each case in its own python so RUSAGE_CHILDREN's maximum is that case's alone
    if len(sys.argv) > 1:
        case = next(c for c in CASES if c.__name__ == sys.argv[1])
        name, seconds, peak, code, message = run(case)
        print(f"{name:24} {seconds:7.1f} {peak:9.0f} {code:5}  {message}")
        return
    print(f"{'case':24} {'seconds':>7} {'peak MB':>9} {'exit':>5}  message")
    for case in CASES:
        subprocess.run(
            [sys.executable, __file__, case.__name__],
            check=False,
            env={**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{REPO / 'tests'}"},
        )


if __name__ == "__main__":
    main()
