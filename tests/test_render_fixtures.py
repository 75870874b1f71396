"""Renderers from fixture files: each ``tests/fixtures/render/NAME.md`` (a source: front
matter and Markdown) is rendered to DOCX, HTML and PDF, and the structure read back from each
file must be the one written by hand beside it:

- ``NAME.docx.txt``: the document's paragraphs in order, ``Style name | text`` (a table is
  ``table`` and a line ``| cell | cell |`` per row);
- ``NAME.html.txt``: the outline of the letter's body, one element a line, indented by depth
  (``tag.class``, the ``href``, ``alt``, ``data-topic`` and ``data-stance`` it has, and its
  own text);
- ``NAME.pdf.txt``: the tag tree of the tagged PDF (structure types, and the ``Alt`` text of
  figures), indented by depth.

The expected files say what the document *means*; write them by reading the fixture (lines
starting with ``#`` are comments). To see what the renderers make now:
``python tests/test_render_fixtures.py NAME [docx|html|pdf]``.
"""

from __future__ import annotations

import io
import re
import shutil
import sys
from pathlib import Path

import pytest

from hoering.documents import compose
from hoering.organisations import Organisation
from hoering.render import render
from hoering.render.templates import TemplateFinder
from hoering.sources import load_source
from support import png

FIXTURES = Path(__file__).parent / "fixtures" / "render"
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))
FORMATS = ("docx", "html", "pdf")


def rendered(name: str, fmt: str, folder: Path) -> bytes:
    """The fixture ``name`` as the build makes it (a sender without a profile)."""
    source_path = folder / f"{name}.md"
    shutil.copy(FIXTURES / f"{name}.md", source_path)
    for image in re.findall(r"\]\(([\w-]+\.png)\)", source_path.read_text("utf-8")):
        (folder / image).write_bytes(png(4, 3))
    source = load_source(source_path)
    document = compose(source, Organisation.without_profile(source.meta.sender))
    return render(document, fmt, TemplateFinder(None))


# --- DOCX: styled paragraphs ----------------------------------------------------------------


def docx_structure(data: bytes) -> list[str]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    word = docx.Document(io.BytesIO(data))
    lines = []
    for block in word.iter_inner_content():
        if isinstance(block, Paragraph):
            text = _spaces("".join(_marked(piece) for piece in block.iter_inner_content()))
            if text:
                lines.append(f"{block.style.name} | {text}")
        elif isinstance(block, Table):
            lines.append("table")
            for row in block.rows:
                lines.append("| " + " | ".join(_spaces(c.text) for c in row.cells) + " |")
    return lines + _footnotes(word)


def _footnotes(word) -> list[str]:
    """``footnote N | text`` for each footnote the author wrote (not Word's separators)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    lines = []
    for relation in word.part.rels.values():
        if relation.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
            notes = etree.fromstring(relation.target_part.blob)
            for note in notes.xpath("w:footnote[not(@w:type)]", namespaces={"w": w}):
                text = "".join(note.xpath(".//w:t/text()", namespaces={"w": w}))
                lines.append(f"footnote {note.get(f'{{{w}}}id')} | {_spaces(text)}")
    return lines


def _marked(piece) -> str:
    """A run or link as Markdown would write it: ~~struck~~, ++inserted++ (underlined),
    [link](address), ![alt] for a picture, [^N] for a footnote reference."""
    from docx.text.hyperlink import Hyperlink

    if isinstance(piece, Hyperlink):
        return f"[{piece.text}]({piece.address})"
    pictures = piece.element.xpath(".//wp:docPr/@descr")
    notes = piece.element.xpath(".//w:footnoteReference/@w:id")
    text = "".join(f"![{alt}]" for alt in pictures) + piece.text
    text += "".join(f"[^{number}]" for number in notes)
    if text.strip() and piece.font.strike:
        return f"~~{text}~~"
    if text.strip() and piece.font.underline:
        return f"++{text}++"
    return text


# --- HTML: the outline of the body ----------------------------------------------------------

OUTLINED = {
    "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "blockquote", "table", "tr", "th", "td",
    "figure", "figcaption", "img", "a", "del", "ins", "section", "aside", "sup",
}  # fmt: skip
ATTRIBUTES = ("href", "alt", "data-topic", "data-stance")


def html_structure(data: bytes) -> list[str]:
    from htmltree import Element
    from htmltree import parse as parse_html

    page = parse_html(data.decode("utf-8"))
    (main,) = page.find_all("main") or [page.find("body")]
    lines: list[str] = []

    def walk(element: Element, depth: int) -> None:
        for child in element.children:
            if not isinstance(child, Element):
                continue
            if child.tag in OUTLINED:
                lines.append("  " * depth + _describe(child))
                walk(child, depth + 1)
            else:
                walk(child, depth)

    walk(main, 0)
    return lines


def _describe(element) -> str:
    own = "".join(c for c in element.children if isinstance(c, str))
    classes = (element.attrs.get("class") or "").split()
    name = element.tag + "".join(f".{c}" for c in classes)
    extra = [f"{key}={element.attrs[key]}" for key in ATTRIBUTES if element.attrs.get(key)]
    text = _spaces(own)
    return " ".join([name, *extra] + ([repr(text)] if text else []))


# --- PDF: the tag tree ----------------------------------------------------------------------


def pdf_structure(data: bytes) -> list[str]:
    import pikepdf

    lines: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _walk_tags(pdf.Root.StructTreeRoot.get("/K"), 0, lines)
    return lines


def _walk_tags(node, depth: int, lines: list[str]) -> None:
    import pikepdf

    if isinstance(node, pikepdf.Array):
        for kid in node:
            _walk_tags(kid, depth, lines)
        return
    if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
        return  # marked content (an MCID) or an object reference: the leaves
    line = "  " * depth + str(node.S)[1:]
    for key in ("/Alt", "/ActualText"):
        if key in node:
            line += f" {key[1:]}={str(node[key])!r}"
    lines.append(line)
    _walk_tags(node.get("/K"), depth + 1, lines)


READERS = {"docx": docx_structure, "html": html_structure, "pdf": pdf_structure}


def _spaces(text: str) -> str:
    return " ".join(text.split())


def expected(name: str, fmt: str) -> list[str]:
    path = FIXTURES / f"{name}.{fmt}.txt"
    lines = path.read_text("utf-8").splitlines()
    return [line.rstrip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", CASES)
def test_fixture_renders_to_the_expected_structure(name, fmt, tmp_path):
    assert READERS[fmt](rendered(name, fmt, tmp_path)) == expected(name, fmt)


def test_every_fixture_has_an_expected_file_per_format():
    missing = [
        f"{n}.{f}.txt" for n in CASES for f in FORMATS if not (FIXTURES / f"{n}.{f}.txt").exists()
    ]
    assert CASES and not missing, missing


if __name__ == "__main__":  # print what the renderers make now, to write an expected file
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    wanted_name, *wanted_formats = sys.argv[1:] or [""]
    for case in [c for c in CASES if not wanted_name or c == wanted_name]:
        for fmt in wanted_formats or FORMATS:
            with tempfile.TemporaryDirectory() as folder:
                print(f"# {case}.{fmt}.txt")
                print("\n".join(READERS[fmt](rendered(case, fmt, Path(folder)))))
