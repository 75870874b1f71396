"""OpenDocument text (.odt, as LibreOffice and others write it) → paragraphs, headings, lists
and tables, read from the ODF XML itself.

The zip's directory was checked against the limits before (:func:`~.safety.check_file`);
the XML is parsed as DOCX's parts are, with lxml resolving no entity and fetching nothing,
and a document that declares a DTD is refused. Footnotes become ``[^n]`` with their text
kept; a tracked deletion's text (kept apart by ODF) is not part of the letter's text.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..archives import ask_again
from ..errors import ImportFileError
from ..messages import tr
from .kinds import Kind
from .lines import Extracted, Line
from .safety import Limits

if TYPE_CHECKING:
    from lxml.etree import _Element

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
TEXT, TABLE, STYLE, OFFICE = (f"{{{NS[p]}}}" for p in ("text", "table", "style", "office"))
HEX_NAME = re.compile(r"_([0-9A-Fa-f]{2})_")  # "Heading_20_1" is the style "Heading 1"
SKIPPED = {TEXT + "tracked-changes", OFFICE + "annotation", TEXT + "sequence-decls"}


@dataclass
class _Styles:
    """What the document's styles say about a paragraph: its name as shown, whether its text
    is bold, and whether a list style's level is numbered."""

    parent: dict[str, str] = field(default_factory=dict)
    automatic: set[str] = field(default_factory=set)  # "P1": made for one paragraph's look
    bold: set[str] = field(default_factory=set)
    numbered: dict[str, list[bool]] = field(default_factory=dict)  # list style → per level

    def shown(self, name: str) -> str:
        """The style's name as the user sees it, following automatic styles ("P1") to the
        named style they are made from."""
        seen = set()
        while name in self.automatic and name not in seen:
            seen.add(name)
            name = self.parent[name]
        return HEX_NAME.sub(lambda m: chr(int(m.group(1), 16)), name)

    def is_bold(self, name: str) -> bool:
        seen = set()
        while name and name not in seen:
            if name in self.bold:
                return True
            seen.add(name)
            name = self.parent.get(name, "")
        return False


@dataclass
class _Reading:
    styles: _Styles
    notes: dict[int, str] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)


def read_odt(path: Path, limits: Limits, lang: str = "da") -> Extracted:
    """The paragraphs, headings, list items and tables of ``path`` in document order."""
    content, styles = _parts(path)
    reading = _Reading(_styles_of(styles, content))
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    try:
        _blocks(body if body is not None else content, reading, None, 0)
    except RecursionError:
        raise ImportFileError(
            path, tr("is damaged: its XML is nested too deeply to read"), hint=ask_again()
        ) from None
    if not any(line.text.strip() or line.table for line in reading.lines):
        raise ImportFileError(path, tr("has no text"), hint=tr("check that it is the right file"))
    return Extracted(Kind.ODT, reading.lines, 1, reading.notes)


def _parts(path: Path) -> tuple[_Element, _Element | None]:
    """content.xml and styles.xml, parsed without entities, DTDs or network access."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            roots = [
                etree.fromstring(archive.read(name), parser) if name in names else None
                for name in ("content.xml", "styles.xml")
            ]
    except (zipfile.BadZipFile, OSError, EOFError, etree.XMLSyntaxError):
        raise _unreadable(path) from None
    content, styles = roots
    if content is None or any(r.getroottree().docinfo.internalDTD for r in roots if r is not None):
        raise _unreadable(path)
    return content, styles


def _unreadable(path: Path) -> ImportFileError:
    return ImportFileError(path, tr("is damaged: its XML cannot be read"), hint=ask_again())


def _styles_of(*roots: _Element | None) -> _Styles:
    styles = _Styles()
    for root in roots:
        if root is None:
            continue
        for automatic in root.iter(OFFICE + "automatic-styles"):
            styles.automatic |= {s.get(STYLE + "name", "") for s in automatic}
        for style in root.iter(STYLE + "style"):
            name = style.get(STYLE + "name", "")
            styles.parent[name] = style.get(STYLE + "parent-style-name", "")
            weight = style.find(f"{STYLE}text-properties")
            if weight is not None and weight.get(f"{{{NS['fo']}}}font-weight") == "bold":
                styles.bold.add(name)
        for lists in root.iter(TEXT + "list-style"):
            levels = [  # one per level: a comment among them is none
                child.tag == TEXT + "list-level-style-number"
                for child in lists
                if isinstance(child.tag, str)
            ]
            styles.numbered[lists.get(STYLE + "name", "")] = levels
    return styles


def _blocks(element: _Element, reading: _Reading, list_style: str | None, depth: int) -> None:
    """The blocks under ``element``: sections are walked into, lists remember their style
    and depth (a nested list is one level deeper)."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str):
            continue  # a comment or processing instruction: no block of the letter
        if tag in (TEXT + "p", TEXT + "h"):
            _paragraph(child, reading, list_style, depth)
        elif tag == TEXT + "list":
            style = child.get(TEXT + "style-name") or list_style
            for item in child.iterchildren(TEXT + "list-item", TEXT + "list-header"):
                _blocks(item, reading, style or "", depth + 1)
        elif tag == TABLE + "table":
            reading.lines.append(_table(child, reading))
        elif tag not in SKIPPED and tag.startswith((TEXT, TABLE)):
            _blocks(child, reading, list_style, depth)  # sections, table headers, …


def _paragraph(element: _Element, reading: _Reading, list_style: str | None, depth: int) -> None:
    style_name = element.get(TEXT + "style-name", "")
    line = Line(
        text="",
        top=len(reading.lines),
        style=reading.styles.shown(style_name),
        bold=reading.styles.is_bold(style_name),
        paragraph=True,
    )
    if element.tag == TEXT + "h":
        line.outline_level = int(element.get(TEXT + "outline-level", "1") or 1) - 1
    elif list_style is not None:
        levels = reading.styles.numbered.get(list_style, [])
        numbered = levels[depth - 1] if 0 < depth <= len(levels) else False
        line.list_kind, line.level = ("number" if numbered else "bullet"), depth - 1
    text = _text(element, reading)
    pieces = [text] if line.list_kind or line.outline_level is not None else text.split("\n")
    for number, piece in enumerate(pieces):
        top = line.top + number / 100
        reading.lines.append(Line(**{**line.__dict__, "text": piece.strip(), "top": top}))


def _text(element: _Element, reading: _Reading) -> str:
    """The text of a paragraph: spaces (text:s) and tabs as written, a line break as "\\n",
    a footnote as ``[^n]`` with its text kept in ``reading.notes``."""
    return "".join(_pieces(element, reading))


def _pieces(element: _Element, reading: _Reading) -> Iterator[str]:
    yield element.text or ""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str):
            pass  # a comment or processing instruction: its words are not the letter's
        elif tag == TEXT + "s":
            yield " " * int(child.get(TEXT + "c", "1") or 1)
        elif tag == TEXT + "tab":
            yield "\t"
        elif tag == TEXT + "line-break":
            yield "\n"
        elif tag == TEXT + "note":
            yield _note(child, reading)
        elif tag not in SKIPPED:
            yield from _pieces(child, reading)
        yield child.tail or ""


def _note(element: _Element, reading: _Reading) -> str:
    body = element.find(TEXT + "note-body")
    text = (
        " ".join(_text(p, reading).strip() for p in body.iter(TEXT + "p"))
        if body is not None
        else ""
    )
    key = len(reading.notes) + 1
    reading.notes[key] = text
    return f"[^{key}]"


def _table(element: _Element, reading: _Reading) -> Line:
    """A table's rows of cell texts; a cell a merged one covers stays empty."""
    rows: list[list[str]] = []
    for row in element.iter(TABLE + "table-row"):
        cells = []
        for cell in row.iterchildren(TABLE + "table-cell", TABLE + "covered-table-cell"):
            text = " ".join(_text(p, reading).strip() for p in cell.iter(TEXT + "p", TEXT + "h"))
            repeat = min(int(cell.get(TABLE + "number-columns-repeated", "1") or 1), 64)
            cells += [text.strip()] * repeat
        rows.append(cells)
    return Line(text="", top=len(reading.lines), table=rows, paragraph=True)
