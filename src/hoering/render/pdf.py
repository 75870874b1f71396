"""PDF: the document as JSON data, laid out by the Typst template ``document.typ``.

No text is ever turned into Typst markup here: the template receives the whole document as
JSON (``sys.inputs.document``) and places every string as text, so ``#set``, ``$x$`` or
``<script>`` in a source prints literally. Bytes (logo, images) travel as arrays of byte
values that the template turns back into bytes. Only the fonts bundled with Typst are used,
and the timestamp comes from the document, so the same document always gives the same bytes.
The result is tagged and conforms to PDF/A-3u and PDF/UA-1 (Typst checks both).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import threading
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import typst

from ..errors import TemplateError
from ..i18n import label, page_label
from ..languages import language_of
from ..messages import tr
from ..model import Document
from ..model.links import clickable, with_clickable_info
from ..model.nodes import Table
from . import timestamp_for
from .columns import cell_ems, table_shares
from .templates import BUILTIN_TEMPLATES, TemplateFinder
from .typst_apart import lay_out_apart
from .xmp import with_archive_record

TEMPLATE = "document.typ"
PDF_STANDARDS: list[typst.PDFStandard] = [
    "a-3u",
    "ua-1",
]  # archivable (PDF/A-3u) and accessible (PDF/UA-1)
_compilers = threading.local()
_LOCATION = re.compile(r"┌─ (?P<file>[^\n]+?):(?P<line>\d+):\d+")


def render(document: Document, templates: TemplateFinder) -> bytes:
    """The document as a tagged PDF on the letterhead (``document.typ``)."""
    template = templates.find(TEMPLATE)
    refuse_packages(template.parent)
    inputs = {"document": with_placeholders(document_json(document))}
    timestamp = int(timestamp_for(document).timestamp())
    if template.parent == BUILTIN_TEMPLATES:
        pdf = lay_out(template, inputs, timestamp)
    else:  # a user's template may loop or grow without end: in a process that can be stopped
        pdf = lay_out_apart(template, inputs, timestamp, lay_out)
    return with_archive_record(pdf, document.archive)


def lay_out(template: Path, inputs: dict[str, str], timestamp: int) -> bytes:
    """The PDF Typst lays out from ``template`` and ``inputs``, in this process."""
    try:
        pdf = _compiler(template.parent).compile(
            str(template), sys_inputs=inputs, pdf_standards=PDF_STANDARDS, timestamp=timestamp
        )
    except typst.TypstError as exc:
        raise _template_error(template, exc) from None
    return cast(bytes, pdf)  # without an output file a PDF comes back as one bytes


PLACEHOLDER = "\u25a1"  # □, printed for a character no bundled font has (emoji, CJK)
_PROBE = '#set text(font: "Libertinus Serif", fallback: true)\n#sys.inputs.at("c")\n'


def undisplayable(text: str) -> set[str]:
    """The characters of ``text`` that no font bundled with Typst can print (Typst refuses
    the whole PDF for one of them under PDF/A)."""
    return {c for c in set(text) if ord(c) > 0x7F and not _displayable(c)}


def with_placeholders(text: str) -> str:
    for character in undisplayable(text):
        text = text.replace(character, PLACEHOLDER)
    return text


@lru_cache(maxsize=4096)
def _displayable(character: str) -> bool:
    """Whether Typst can print ``character`` (a tiny compile, ~8 ms, once per character).
    The probe is compiled from memory: a file of a known name in the shared temp folder
    could be replaced, or be a link to another user's file, between writing and compiling."""
    try:
        _probe_compiler().compile(
            _PROBE.encode(), sys_inputs={"c": character}, pdf_standards=["a-3u"]
        )
    except typst.TypstError:
        return False
    return True


def _probe_compiler() -> typst.Compiler:
    """One compiler per thread for the probe, which reads no file (its root is never used)."""
    compiler: typst.Compiler | None = getattr(_compilers, "probe", None)
    if compiler is None:
        compiler = _compilers.probe = typst.Compiler(ignore_system_fonts=True)
    return compiler


_PACKAGE = re.compile(r'"(@[a-z][\w-]*/[^"]*)')  # "@preview/cetz:0.3.1", or its start


def refuse_packages(folder: Path) -> None:
    """Refuse Typst templates that import a package ("@preview/…"): Typst would download it
    during the build. Every .typ file in the template's folder is looked at."""
    for path in sorted(folder.glob("*.typ")):
        found = _packages_in(path, path.stat().st_mtime_ns)
        if found is not None:
            line, name = found
            raise TemplateError(
                path,
                tr(
                    'the PDF template uses the Typst package "{name}", which would be '
                    "downloaded during the build",
                    name=name,
                ),
                line=line,
                hint=tr("copy the package's files into templates/ and import them by their path"),
            )


@lru_cache(maxsize=64)
def _packages_in(path: Path, _mtime: int) -> tuple[int, str] | None:
    for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), 1):
        match = _PACKAGE.search(line) or re.search(r'"(@[a-z])', line)
        if match:
            return number, match[1][:80]
    return None


def _compiler(root: Path) -> typst.Compiler:
    """One compiler per template folder and thread (a compiler cannot be shared between
    threads); it rereads the files on every compile but keeps its caches, twice as fast."""
    compilers: dict[Path, typst.Compiler] = _compilers.__dict__.setdefault("by_root", {})
    if root not in compilers:
        compilers[root] = typst.Compiler(root=str(root), ignore_system_fonts=True)
    return compilers[root]


def document_json(document: Document) -> str:
    """The document as the JSON the template reads, with the words the template prints."""
    data = to_data(with_clickable_info(document))
    page, of = page_label(document.lang)
    data["labels"] = {"page": page, "of": of, "image": label("image", document.lang)}
    data["region"] = language_of(document.lang).region
    data["language_tag"] = document.language_tag
    data["created"] = _datetime_fields(timestamp_for(document))
    _outline_levels(data)
    _mark_first_references(data)
    _mark_short_headers(data)
    _unlink_unsafe_targets(data)
    return json.dumps(data, ensure_ascii=False, default=_json_value)


def to_data(value: Any) -> Any:
    """Dataclasses as dicts with a "kind" key, tuples as lists; bytes and dates left as is.
    A table's widths become shares in which each column holds its longest word."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {"kind": getattr(value, "kind", type(value).__name__.lower())}
        data.update((f.name, to_data(getattr(value, f.name))) for f in fields(value))
        if isinstance(value, Table) and value.column_shares() is not None:
            shares = _shares(value)
            data["widths"] = list(shares)
            data["kept_rows"] = _kept_rows(value, shares)
        return data
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    return value


TEXT_WIDTH = 459.0  # points: A4 less document.typ's margins (2.5 cm and 2.3 cm)
SERIF = 0.9  # Libertinus Serif is narrower than the sans-serif the estimate is made for
CELL = {False: (11.0, 12.0), True: (8.5, 6.0)}  # (dense?) → type size, inset on both sides


def _shares(table: Table) -> tuple[float, ...]:
    size, padding = CELL[table.dense]
    return table_shares(table, TEXT_WIDTH, size * SERIF, padding)


KEPT_ROW = 340.0  # points, half a page: a row estimated lower is never split over two pages


def _kept_rows(table: Table, shares: tuple[float, ...]) -> list[bool]:
    """Which rows to keep on one page: those well lower than a page (a row of a
    kommenteret høringsoversigt is read as one; a taller one must still break)."""
    size, padding = CELL[table.dense]
    room = [max(share * TEXT_WIDTH - padding, size) for share in shares]
    kept = []
    for cells in table.rows:
        pairs = zip(cells, room, strict=False)  # a row may be shorter than the header
        lines = [math.ceil(cell_ems(cell) * size * SERIF / width) for cell, width in pairs]
        kept.append(max(lines, default=1) * size * 1.3 + padding < KEPT_ROW)
    return kept


def _datetime_fields(moment: dt.datetime) -> dict[str, int]:
    """A moment as Typst's ``datetime(..fields)`` takes it (UTC, whole seconds)."""
    utc = moment.astimezone(dt.UTC)
    names = ("year", "month", "day", "hour", "minute", "second")
    return {name: getattr(utc, name) for name in names}


def _json_value(value: Any) -> Any:
    """Bytes as an array of byte values (Typst: ``bytes(array)``), dates as ISO text."""
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot pass {type(value).__name__} to the PDF template")


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict below ``data``, in document order."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from _nodes(value)


def _outline_levels(data: dict[str, Any]) -> None:
    """Heading levels that start at 1 and never skip one, as PDF/UA requires.

    ``## A`` ``#### B`` ``# C`` become levels 1, 2, 1: a heading's level is how many
    headings are open above it, so the outline keeps its shape.
    """
    open_levels: list[int] = []
    for node in _nodes(data):
        if node.get("kind") == "heading" and node["children"]:  # empty ones are not printed
            while open_levels and open_levels[-1] >= node["level"]:
                open_levels.pop()
            open_levels.append(node["level"])
            node["level"] = len(open_levels)


def _unlink_unsafe_targets(data: dict[str, Any]) -> None:
    """A link whose target could launch a program is printed as its text (the template
    prints a link with no target so)."""
    for node in _nodes(data):
        if node.get("kind") == "link" and not (node["own"] or clickable(node["target"])):
            node["target"] = ""


def _mark_first_references(data: dict[str, Any]) -> None:
    """Mark the first reference to each footnote; later ones point back to the same note."""
    seen: set[int] = set()
    for node in _nodes(data):
        if node.get("kind") == "footnote_ref":
            node["first"] = node["number"] not in seen
            seen.add(node["number"])


MAX_REPEATED_HEADER = 80  # characters in a header cell; ~40 lines at most in a narrow column


def _mark_short_headers(data: dict[str, Any]) -> None:
    """Mark the tables whose header row is short enough to repeat on every page; a longer
    one is printed once (repeating a header taller than a page never ends)."""
    for node in _nodes(data):
        if node.get("kind") == "table":
            node["repeat_header"] = all(_is_short(cell) for cell in node["header"])


def _is_short(cell: dict[str, Any]) -> bool:
    inner = list(_nodes(cell))
    text = sum(len(n["text"]) for n in inner if isinstance(n.get("text"), str))
    return text <= MAX_REPEATED_HEADER and not any(n.get("kind") == "image" for n in inner)


def _template_error(template: Path, exc: typst.TypstError) -> TemplateError:
    """A Typst error as a TemplateError naming the file and line where Typst found it."""
    text = str(getattr(exc, "message", "") or exc).strip()
    first = text.splitlines()[0] if text else tr("unknown error")
    path, line = _location(template, str(getattr(exc, "diagnostic", "") or ""))
    return TemplateError(path, tr("PDF template error: {problem}", problem=first), line=line)


def _location(template: Path, diagnostic: str) -> tuple[Path, int | None]:
    """The file and line a Typst diagnostic points at; Typst names the file relative to the
    current folder (or the root). The template without a line when it names no file."""
    match = _LOCATION.search(diagnostic)
    if match is None:
        return template, None
    for candidate in (Path(match["file"]), template.parent / match["file"]):
        if candidate.is_file():
            path = template if candidate.samefile(template) else candidate.resolve()
            return path, int(match["line"])
    return template, None
