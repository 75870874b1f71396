"""Letters laid out the way other organisations lay them out, made with Typst's absolute
placement (a logo name top right, the recipient's address in the window, an info table
floated right, e-mails printed to PDF), in our own words, for the import tests."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

# Characters Typst reads as markup; "-" stays (a "\-" is a soft hyphen).
SPECIAL = set("\\#*_`$<>@[]~/=+:'\"")


def typst_text(text: str) -> str:
    escaped = "".join("\\" + c if c in SPECIAL else c for c in text)
    return re.sub(r"^(\d+)\.", r"\1\\.", escaped)  # "3. marts" is no numbered item


def _lines(lines: list[str]) -> str:
    return " \\\n".join(typst_text(line) for line in lines)


def _block(block) -> str:
    """A paragraph (str), ("heading", text), ("bold", label, text) or ("bullets", [...])."""
    if isinstance(block, str):
        return typst_text(block)
    kind = block[0]
    if kind == "heading":
        return f'#text(weight: "bold", size: 13pt)[{typst_text(block[1])}]'
    if kind == "bold":
        return f'#text(weight: "bold")[{typst_text(block[1])}] {typst_text(block[2])}'
    if kind == "bullets":
        return "\n".join(f"- {_item(item)}" for item in block[1])
    if kind == "lines":
        return _lines(block[1])
    raise ValueError(kind)


def _item(item) -> str:
    if isinstance(item, tuple):  # (bold label, text)
        return f'#text(weight: "bold")[{typst_text(item[0])}] {typst_text(item[1])}'
    return typst_text(item)


def compile_typst(source: str) -> bytes:
    import typst

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.typ"
        path.write_text(source, "utf-8")
        return typst.compile(str(path))


def letter_pdf(
    *,
    logo: str,
    blocks: list,
    recipient: list[str] = (),
    date_top_right: str = "",
    info: list[tuple[str, str]] = (),
    subject: str = "",
    closing: list[str] = (),
    footer: str = "",
    date_line: str = "",
) -> bytes:
    """A one- or two-page letter: ``logo`` large and bold at the top right, the recipient in
    the window at the left, ``info`` (label, value) as a table floated right beside the
    window, ``date_top_right`` above it; then the subject, the blocks and the closing."""
    placed = [
        f'#place(top + right, dy: -2.2cm)[#text(size: 18pt, weight: "bold")[{typst_text(logo)}]]'
    ]
    if date_top_right:
        placed.append(f"#place(top + right, dy: 0.2cm)[{typst_text(date_top_right)}]")
    if info:
        cells = ", ".join(f"[{typst_text(label)}], [{typst_text(value)}]" for label, value in info)
        placed.append(
            "#place(top + right, dy: 1cm)[#text(size: 9pt)[#table(columns: 2, "
            f"stroke: none, inset: 2pt, {cells})]]"
        )
    window = f"#block(height: 4.2cm)[{_lines(list(recipient))}]" if recipient else "#v(1cm)"
    parts = [*placed, window]
    if date_line:
        parts.append(typst_text(date_line))
    if subject:
        parts.append(f'#text(weight: "bold", size: 14pt)[{typst_text(subject)}]')
    parts += [_block(block) for block in blocks]
    if closing:
        parts.append(_lines(list(closing)))
    foot = f"#text(size: 8pt)[{typst_text(footer)}]" if footer else ""
    source = (
        '#set page(paper: "a4", margin: (left: 2.5cm, right: 2.5cm, top: 3.5cm, bottom: 3cm),\n'
        f"  footer: [{foot} #h(1fr) #text(size: 8pt)[Side #context counter(page).display() af "
        "#context counter(page).final().first()]])\n"
        '#set text(lang: "da", size: 11pt)\n'
        "#set par(justify: false, spacing: 1.1em)\n" + "\n\n".join(parts) + "\n"
    )
    return compile_typst(source)


def email_pdf(
    headers: list[tuple[str, str]], body: list, quoted: list = (), columns: bool = False
) -> bytes:
    """An e-mail as Outlook prints it: the header block (Fra, Sendt, Til, Cc, Emne), the
    message, and below it the quoted messages (each a header block and its text). With
    ``columns`` the labels stand in a column of their own, left of the values."""

    def header_block(pairs):
        if columns:
            cells = ", ".join(
                f'[#text(weight: "bold")[{typst_text(k)}:]], [{typst_text(v)}]' for k, v in pairs
            )
            return f"#grid(columns: (2cm, auto), row-gutter: 4pt, {cells})"
        return " \\\n".join(
            f'#text(weight: "bold")[{typst_text(k)}:] {typst_text(v)}' for k, v in pairs
        )

    parts = [header_block(headers), *(_block(b) for b in body)]
    for pairs, blocks in quoted:
        parts.append("#line(length: 100%, stroke: 0.5pt)")
        parts.append(header_block(pairs))
        parts += [_block(b) for b in blocks]
    source = (
        '#set page(paper: "a4", margin: 2cm)\n#set text(lang: "da", size: 10pt)\n'
        + "\n\n".join(parts)
        + "\n"
    )
    return compile_typst(source)


def letter_docx(paragraphs: list, *, header: list[str] = ()) -> bytes:
    """A plain Word letter: ``header`` lines in the page header, then the paragraphs (str, or
    ("bold", label, text) for a paragraph opened by a bold label)."""
    import docx

    document = docx.Document()
    for line in header:
        document.sections[0].header.add_paragraph(line)
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            document.add_paragraph(paragraph)
        else:
            p = document.add_paragraph()
            p.add_run(paragraph[1]).bold = True
            p.add_run(" " + paragraph[2])
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def imported(project: Path, name: str, data: bytes):
    """Import one file, saved as incoming/``name``, into the example hearing; the source it
    wrote, read back: (the source, its raw metadata with the guesses, its path)."""
    import hoering
    from conftest import EXAMPLE_HEARING
    from hoering.sources import load_source
    from hoering.sources.frontmatter import read_source

    path = project / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    result = hoering.import_file(path, Path("consultations") / EXAMPLE_HEARING)
    return load_source(result.path), read_source(result.path).metadata, result.path


def body_of(path: Path) -> str:
    """The Markdown below a source's front matter."""
    return path.read_text("utf-8").split("\n---\n", 1)[1]
