"""DOCX → paragraphs (style, bold, size, list kind) and tables, plus header/footer text."""

from __future__ import annotations

from pathlib import Path

from .lines import Extracted, Line
from .safety import ImportFileError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Extracted:
    """The paragraphs and tables of ``path`` in document order (header and footer first)."""
    document = _open(path)
    formats = _number_formats(document)
    lines: list[Line] = []
    section = document.sections[0] if document.sections else None
    if section is not None:
        lines += _running(section, formats, "header", 0)
    lines += _body(document, formats, len(lines))
    if section is not None:
        lines += _running(section, formats, "footer", len(lines))
    if not any(line.text.strip() or line.table for line in lines if line.region == "body"):
        raise ImportFileError(path, "has no text", hint="check that it is the right file")
    return Extracted("docx", lines, 1, _footnotes(document))


def _running(section, formats: dict, region: str, start: int) -> list[Line]:
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
            paragraph = Paragraph(element, part)
            text = paragraph_text(element)
            if text and text not in seen:
                seen.add(text)
                lines.append(_paragraph(paragraph, formats, start + len(lines), region))
    return lines


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(path, f"is damaged and cannot be read as DOCX ({exc})"[:160],
                              hint="ask the sender for the file again") from None
    except Exception as exc:  # lxml raises its own XMLSyntaxError for broken XML
        if type(exc).__name__ != "XMLSyntaxError":
            raise
        raise ImportFileError(path, "is damaged: its XML cannot be read",
                              hint="ask the sender for the file again") from None
    return document


def _body(document, formats: dict, start: int) -> list[Line]:
    """Paragraphs and tables of the main text, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[Line] = []
    for child in document.element.body.iterchildren():
        if child.tag == W + "p":
            paragraph = Paragraph(child, document)
            if paragraph.text.strip():
                lines.append(_paragraph(paragraph, formats, start + len(lines), "body"))
        elif child.tag == W + "tbl":
            rows = [[_cell_text(cell) for cell in row.cells]
                    for row in Table(child, document).rows]
            if rows:
                lines.append(Line(text="", top=start + len(lines), table=rows, paragraph=True))
    return lines


def _cell_text(cell) -> str:
    return " ".join(paragraph_text(p._p) for p in cell.paragraphs if p.text.strip())


def paragraph_text(element) -> str:
    """The text of a ``w:p`` with Word footnote references as Markdown ``[^n]``."""
    parts: list[str] = []
    for run in element.iter(W + "r"):
        for child in run:
            if child.tag == W + "t":
                parts.append(child.text or "")
            elif child.tag in (W + "tab", W + "br", W + "cr"):
                parts.append(" ")
            elif child.tag == W + "footnoteReference":
                parts.append(f"[^{child.get(W + 'id')}]")
    return " ".join("".join(parts).split())


def _footnotes(document) -> dict[int, str]:
    """Word footnotes (word/footnotes.xml) by number; separators are left out."""
    from lxml import etree

    for relationship in document.part.rels.values():
        if relationship.reltype.endswith("/footnotes") and not relationship.is_external:
            root = etree.fromstring(relationship.target_part.blob)
            notes = {}
            for note in root.iter(W + "footnote"):
                if note.get(W + "type") in ("separator", "continuationSeparator"):
                    continue
                text = " ".join(paragraph_text(p) for p in note.iter(W + "p"))
                if text.strip():
                    notes[int(note.get(W + "id"))] = text.strip()
            return notes
    return {}


def _paragraph(paragraph, formats: dict, index: int, region: str) -> Line:
    runs = [run for run in paragraph.runs if run.text.strip()]
    style = paragraph.style
    style_name = style.name if style is not None else ""
    bold = bool(runs) and all(_bold(run, style) for run in runs)
    size = _size(runs, style)
    list_kind, level = _list_info(paragraph, style_name, formats)
    text = paragraph_text(paragraph._p)
    return Line(text=text, top=index, size=size, bold=bold, region=region, style=style_name,
                list_kind=list_kind, level=level, paragraph=True)


def _bold(run, style) -> bool:
    if run.bold is not None:
        return run.bold
    while style is not None:
        if style.font.bold is not None:
            return style.font.bold
        style = style.base_style
    return False


def _size(runs, style) -> float:
    for run in runs:
        if run.font.size is not None:
            return run.font.size.pt
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return 11.0


def _list_info(paragraph, style_name: str, formats: dict) -> tuple[str | None, int]:
    lowered = style_name.lower()
    ppr = paragraph._p.pPr
    numpr = ppr.numPr if ppr is not None else None
    level = 0
    if numpr is not None and numpr.numId is not None:
        level = numpr.ilvl.val if numpr.ilvl is not None else 0
        fmt = formats.get((numpr.numId.val, level))
        if fmt is not None:
            return ("bullet" if fmt == "bullet" else "number"), level
    if lowered.startswith("list bullet"):
        return "bullet", _style_level(lowered)
    if lowered.startswith("list number"):
        return "number", _style_level(lowered)
    if numpr is not None:
        return "bullet", level
    return None, 0


def _style_level(name: str) -> int:
    last = name.split()[-1]
    return int(last) - 1 if last.isdigit() else 0


def _number_formats(document) -> dict[tuple[int, int], str]:
    """(numId, level) → numFmt ("bullet", "decimal", …) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for item in numbering.findall(W + "abstractNum"):
        levels = {}
        for lvl in item.findall(W + "lvl"):
            fmt = lvl.find(W + "numFmt")
            levels[int(lvl.get(W + "ilvl"))] = fmt.get(W + "val") if fmt is not None else ""
        abstract[item.get(W + "abstractNumId")] = levels
    result = {}
    for num in numbering.findall(W + "num"):
        ref = num.find(W + "abstractNumId")
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(W + "val"), {}).items():
            result[(int(num.get(W + "numId")), level)] = fmt
    return result
