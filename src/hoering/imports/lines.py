"""What the readers produce: lines (PDF) or paragraphs (DOCX) with their look and place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph's text with the marks it carries in the file.

    ``marks`` holds any of "strong", "emphasis", "strike" (formatting) and "deleted",
    "inserted" (tracked changes; a move counts as both ends). A span with ``footnote`` is a
    reference to that note and its text is ``[^n]``, as in :attr:`Line.text`.
    """

    text: str
    marks: frozenset[str] = frozenset()
    link: str | None = None
    footnote: int | None = None


@dataclass
class Line:
    """One line of a PDF page, or one paragraph (or table) of a DOCX file.

    ``top``/``bottom`` are measured from the top of the page in points (PDF); DOCX paragraphs
    use their index. ``region`` is "body", or "header"/"footer" for the running parts.
    """

    text: str
    page: int = 1
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    size: float = 11.0
    bold: bool = False
    bold_label: str = ""  # PDF: the bold words a line opens with ("Netværksmøder:")
    region: str = "body"
    style: str = ""  # DOCX paragraph style name
    list_kind: str | None = None  # "bullet" or "number" when the reader knows it
    level: int = 0
    table: list[list[str]] | None = None  # DOCX table rows (first row is the header)
    paragraph: bool = False  # True when the reader already knows paragraph boundaries
    footnote: int | None = None  # number of the footnote this line starts
    page_height: float = 842.0
    page_width: float = 595.0
    # DOCX: the paragraph's runs with their marks (``text`` is their text joined), and a
    # table's cells as runs; None where the reader knows no marks (PDF)
    spans: list[Span] | None = None
    cells: list[list[list[Span]]] | None = None
    outline_level: int | None = None  # DOCX: 0 for a Heading 1 (style or paragraph), …
    number: int | None = None  # DOCX: an automatically numbered item's number ("3." → 3)
    number_label: str | None = None  # DOCX: its label as Word shows it: "3.", "2.1", "a)"

    def __str__(self) -> str:
        return self.text


@dataclass
class Extracted:
    """A file's text as the readers saw it, before any interpretation."""

    kind: str  # a Kind: PDF is laid out in lines, the others flow in paragraphs
    lines: list[Line] = field(default_factory=list)
    pages: int = 1
    footnotes: dict[int, str] = field(default_factory=dict)  # DOCX: Word's own footnotes
    note_spans: dict[int, list[Span]] = field(default_factory=dict)  # DOCX: their runs
    # what a person should know about the file, as guessed: key → one line (DOCX: tracked
    # changes and comments, with their authors)
    notices: dict[str, str] = field(default_factory=dict)


def first_page_rows(extracted: Extracted, limit: int) -> list[list[Line]]:
    """The rows of the first ``limit`` lines of the first page with text (where a printed
    mail's or web form's header block stands)."""
    if not extracted.lines:
        return []
    first = min(line.page for line in extracted.lines)
    return rows_of([line for line in extracted.lines if line.page == first][:limit])


def rows_of(lines: list[Line]) -> list[list[Line]]:
    """The lines of one page as rows from the top: a printed label ("Fra:") and its value
    side by side are one row, whatever order the PDF keeps them in."""
    if any(line.paragraph for line in lines):
        return [[line] for line in lines]
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: (line.top, line.x0)):
        if rows and abs(rows[-1][0].top - line.top) < 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def row_text(row: list[Line]) -> str:
    """A row's text, left to right."""
    return " ".join(line.text.strip() for line in sorted(row, key=lambda line: line.x0))
