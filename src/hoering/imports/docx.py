"""DOCX → paragraphs and tables with their runs (marks, tracked changes, comments), headings
from outline levels, Word's automatic numbering as text, header and footer text and notes.

The parts of the file are read by small modules: :mod:`.docx_styles` (what a style makes a
paragraph), :mod:`.docx_numbering` (the numbers Word would show) and :mod:`.docx_runs` (a
paragraph's text with its marks). This module walks the document and puts them together.

Opening the file and reading its parts and notes is :mod:`.docx_package`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..archives import ask_again
from ..errors import ImportFileError
from ..messages import tr
from .docx_numbering import Numbering
from .docx_package import (
    W,
    links,
    open_docx,
    part_element,
    part_of,
    raised_in_python_docx,
    read_notes,
)
from .docx_runs import Revisions, RunReader, lines_of, unbroken
from .docx_styles import Styles, numbering_of, outline_level
from .kinds import Kind
from .lines import Extracted, Line, Span

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.table import CT_Tbl
    from docx.section import Section
    from docx.styles.style import ParagraphStyle
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run
    from lxml.etree import _Element


@dataclass
class _Reading:
    """Everything needed to read the paragraphs of one document."""

    document: DocxDocument
    runs: RunReader
    numbering: Numbering
    notes: dict[int, list[Span]]


def read_docx(path: Path, lang: str = "da") -> Extracted:
    """The paragraphs and tables of ``path`` in document order (header and footer first);
    a comment's note opens with "Kommentar fra …" in ``lang``, the imported source's.

    An exception raised inside python-docx while it reads the file (a required attribute
    missing, a part of another kind than its relationship says) means the file is damaged,
    and is refused as such; one raised in our own code is a bug, and goes on."""
    try:
        return _read_docx(path, lang)
    except Exception as exc:
        if not raised_in_python_docx(exc):
            raise
        raise ImportFileError(
            path, tr("is damaged: its Word structure is broken"), hint=ask_again()
        ) from None


def _read_docx(path: Path, lang: str) -> Extracted:
    reading = _reading(open_docx(path), lang)
    lines: list[Line] = []
    section = reading.document.sections[0] if reading.document.sections else None
    if section is not None:
        lines += _running_or_refused(path, section, reading, "header", 0)
    lines += _body(reading, len(lines))
    if section is not None:
        lines += _running_or_refused(path, section, reading, "footer", len(lines))
    if not any(line.text.strip() or line.table for line in lines if line.region == "body"):
        raise ImportFileError(path, tr("has no text"), hint=tr("check that it is the right file"))
    footnotes = {key: "".join(span.text for span in spans) for key, spans in reading.notes.items()}
    return Extracted(
        Kind.DOCX,
        lines,
        1,
        footnotes,
        note_spans=reading.notes,
        notices=reading.runs.revisions.notices(),
    )


def _reading(document: DocxDocument, lang: str) -> _Reading:
    styles = Styles(part_element(document, "styles"))
    numbering = Numbering.read(part_element(document, "numbering"))
    keys: dict[tuple[str, str], int] = {}
    runs = RunReader(styles, keys, Revisions())
    notes: dict[int, list[Span]] = {}
    for kind in ("footnote", "endnote", "comment"):
        part = part_of(document, kind + "s")
        if part is not None:
            reader = RunReader(styles, keys, runs.revisions, links(part))
            read_notes(part, kind, reader, notes, lang)
    runs.links = links(document.part)
    return _Reading(document, runs, numbering, notes)


def _running_or_refused(
    path: Path, section: Section, reading: _Reading, region: str, start: int
) -> list[Line]:
    """:func:`_running`; a header or footer whose part the document names but does not
    hold (python-docx's KeyError for the relationship) makes the file damaged."""
    try:
        return _running(section, reading, region, start)
    except KeyError:
        raise ImportFileError(
            path,
            tr("is damaged: its header or footer refers to a part the file does not hold"),
            hint=ask_again(),
        ) from None


def _running(section: Section, reading: _Reading, region: str, start: int) -> list[Line]:
    """The paragraphs of the first page's header (or footer) and the running one, tables
    included (letterheads are often laid out in a table), each text once."""
    from docx.text.paragraph import Paragraph

    parts = [getattr(section, f"first_page_{region}"), getattr(section, region)]
    if not section.different_first_page_header_footer:
        parts = parts[1:]
    lines: list[Line] = []
    seen: set[str] = set()
    for part in parts:
        if part.is_linked_to_previous and part is not parts[-1]:
            continue
        for element in part._element.iter(W + "p"):
            for line in _paragraph(Paragraph(element, part), reading, start + len(lines), region):
                if line.text not in seen:
                    seen.add(line.text)
                    lines.append(line)
    return lines


def _body(reading: _Reading, start: int) -> list[Line]:
    """Paragraphs and tables of the main text, in document order."""
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P
    from docx.text.paragraph import Paragraph

    lines: list[Line] = []
    document = reading.document
    if document.element.body is None:  # no w:body: no text (refused as such by the caller)
        return lines
    for child in _blocks(document.element.body):  # python-docx's CT_P and CT_Tbl
        if isinstance(child, CT_P):
            lines += _paragraph(Paragraph(child, document), reading, start + len(lines), "body")
        elif isinstance(child, CT_Tbl):
            line = _table(child, reading, start + len(lines))
            if line is not None:
                lines.append(line)
    return lines


BLOCK_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"}


def _blocks(element: _Element) -> Iterator[_Element]:
    """The paragraphs and tables of ``element`` in document order, also those inside
    block-level content controls (w:sdt: the fields of a Word template) and custom XML."""
    for child in element.iterchildren():
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in BLOCK_CONTAINERS:
            yield from _blocks(child)


def _table(element: CT_Tbl, reading: _Reading, index: int) -> Line | None:
    from docx.table import Table

    seen: list[_Element] = []  # the cells' elements, kept alive so that `is` tells them apart
    cells: list[list[list[Span]]] = []
    for row in Table(element, reading.document).rows:
        cells.append([])
        previous = None
        for cell in row.cells:  # a merged cell comes once per grid column and row it spans
            if cell._tc is previous:
                continue  # spans columns: one cell
            previous = cell._tc
            # spans rows: its text stands in the first of them only
            above = any(cell._tc is other for other in seen)
            cells[-1].append([] if above else _cell_spans(cell, reading))
            seen.append(cell._tc)
    if not cells:
        return None
    rows = [["".join(span.text for span in cell) for cell in row] for row in cells]
    return Line(text="", top=index, table=rows, cells=cells, paragraph=True)


def _cell_spans(cell: _Cell, reading: _Reading) -> list[Span]:
    spans: list[Span] = []
    for paragraph in cell._tc.iter(W + "p"):
        spans += reading.runs.spans(paragraph) + [Span(" ")]
    return unbroken(spans)


def _paragraph(paragraph: Paragraph, reading: _Reading, index: int, region: str) -> list[Line]:
    """The paragraph as a line, or as one line per manual line break (w:br) where it is
    plain text: an address, a signature "Name<br>Title", a letterhead."""
    element = paragraph._p
    spans = reading.runs.spans(element)
    runs = [run for run in paragraph.runs if run.text.strip()]
    style = paragraph.style
    style_name = style.name if style is not None else ""
    line = Line(
        text="",
        top=index,
        size=_size(runs, style),
        region=region,
        style=style_name,
        bold=bool(runs) and all(_bold(run, style) for run in runs),
        paragraph=True,
    )
    ppr = element.pPr
    p_style = ppr.find(W + "pStyle") if ppr is not None else None
    style_id = p_style.get(W + "val") if p_style is not None else None
    info = reading.runs.styles.get(style_id)
    own = outline_level(ppr)
    outline = own if own is not None else info.outline
    line.outline_level = outline if outline is not None and outline < 9 else None
    if region == "body" and spans:
        spans = _numbered(line, ppr, style_id, reading) + spans
    if line.list_kind is None and line.outline_level is None:
        line.list_kind, line.level = _list_by_style_name(style_name)
    if line.list_kind is not None or line.outline_level is not None:
        pieces = [unbroken(spans)]
    else:
        pieces = lines_of(spans)
    lines = []
    for number, piece in enumerate(pieces):
        copy = replace(line, top=index + number / 100) if number else line
        copy.spans = piece
        copy.text = "".join(span.text for span in piece)
        copy.bold_label = _bold_label(piece)
        lines.append(copy)
    return lines


def _bold_label(spans: list[Span]) -> str:
    """The bold words a paragraph opens with ("Netværksmøder:" before the remark), as the
    PDF reader finds them; "" when it does not open in bold or is bold throughout."""
    lead = []
    for span in spans:
        if "strong" not in span.marks:
            break
        lead.append(span.text)
    else:
        return ""
    label = " ".join("".join(lead).split())
    return label if len(label) >= 2 else ""


def _numbered(
    line: Line, ppr: _Element | None, style_id: str | None, reading: _Reading
) -> list[Span]:
    """Set the line's list kind, level and number from Word's numbering; the label Word
    shows ("2.1", "a)") as a span to put before the text."""
    num_id, ilvl = numbering_of(ppr)
    info = reading.runs.styles.get(style_id)
    if num_id is None:
        num_id, ilvl = info.num_id, ilvl if ilvl is not None else info.ilvl
    if not num_id:
        return []
    if ilvl is None and style_id is not None:
        ilvl = reading.numbering.level_of_style(num_id, style_id)
    label = reading.numbering.label(num_id, ilvl or 0)
    if label is None:
        return []
    if line.outline_level is None:
        line.list_kind, line.level, line.number = label.kind, ilvl or 0, label.number
    line.number_label = label.text or None
    return [Span(label.text + " ")] if label.text else []


def _list_by_style_name(name: str) -> tuple[str | None, int]:
    """Lists made with Word's list styles but no numbering definition."""
    lowered = name.lower()
    for prefix, kind in (("list bullet", "bullet"), ("list number", "number")):
        if lowered.startswith(prefix):
            last = lowered.split()[-1]
            return kind, int(last) - 1 if last.isdigit() else 0
    return None, 0


def _bold(run: Run, style: ParagraphStyle | None) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _size(runs: list[Run], style: ParagraphStyle | None) -> float:
    for run in runs:
        if run.font.size is not None:
            return float(run.font.size.pt)
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return 11.0
