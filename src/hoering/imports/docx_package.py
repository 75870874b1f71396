"""A Word file as a package of parts: opened (a damaged one refused, saying how), its
related parts found (styles, numbering, notes, comments) and its links and notes read.
:mod:`.docx` walks the document's text with what is read here."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..archives import ask_again
from ..errors import ImportFileError
from ..messages import label, tr
from .docx_runs import RunReader, tidy, unbroken
from .lines import Span

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.opc.part import Part
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def open_docx(path: Path) -> DocxDocument:
    import zipfile
    import zlib

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        document.styles  # noqa: B018  the part every paragraph's style is looked up in
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # bad CRC, lying sizes
        raise ImportFileError(
            path,
            tr(
                "is damaged: a part of the zip archive inside cannot be unpacked ({reason})",
                reason=str(exc)[:80],
            ),
            hint=ask_again(),
        ) from None
    except RecursionError:
        raise ImportFileError(
            path,
            tr("is damaged: its XML is nested too deeply to read"),
            hint=ask_again(),
        ) from None
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(
            path,
            tr("is damaged and cannot be read as DOCX ({reason})", reason=str(exc)[:110]),
            hint=ask_again(),
        ) from None
    except (AttributeError, TypeError, IndexError):  # python-docx on a relationship it
        # cannot follow (a Relationships part that is no such, a Target missing)
        raise ImportFileError(
            path, tr("is damaged: the links between its parts are broken"), hint=ask_again()
        ) from None
    except Exception as exc:  # lxml raises its own XMLSyntaxError for broken XML
        if type(exc).__name__ != "XMLSyntaxError":
            raise
        raise ImportFileError(
            path, tr("is damaged: its XML cannot be read"), hint=ask_again()
        ) from None
    return document


def raised_in_python_docx(exc: BaseException) -> bool:
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    return (
        bool(frames)
        and f"{os.sep}docx{os.sep}" in frames[-1].filename
        and ("site-packages" in frames[-1].filename or "dist-packages" in frames[-1].filename)
    )


def read_notes(
    part: Part, kind: str, runs: RunReader, notes: dict[int, list[Span]], lang: str
) -> None:
    """Footnotes, endnotes or comments, each under a key after the ones read before (Word
    numbers each kind from 1); a comment's text opens with who made it."""
    from lxml import etree

    root = etree.fromstring(part.blob)
    for note in root.findall(W + kind):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        spans: list[Span] = []
        for paragraph in note.iter(W + "p"):
            spans += unbroken(runs.spans(paragraph)) + [Span(" ")]
        if kind == "comment":
            author = (note.get(W + "author") or "").strip() or label("unknown_author", lang)
            runs.revisions.comments[author] += 1
            spans.insert(0, Span(label("comment_from", lang).format(author=author) + " "))
        ident = note.get(W + "id", "")
        spans = tidy(spans)
        if spans and (kind == "comment" or "".join(s.text for s in spans).strip()):
            key = _note_key(kind, ident, notes)
            runs.notes[(kind, ident)] = key
            notes[key] = spans


def _note_key(kind: str, ident: str, notes: dict[int, list[Span]]) -> int:
    """Word's own number for a footnote; the next free number for endnotes and comments."""
    if kind == "footnote" and ident.isdigit() and int(ident) not in notes:
        return int(ident)
    return max(notes, default=0) + 1


def part_of(document: DocxDocument, name: str) -> Part | None:
    """The document's related part of type ``name`` (footnotes, comments, …), if any."""
    for relationship in document.part.rels.values():  # python-docx leaves rels untyped
        if relationship.reltype == RELATIONSHIP + name and not relationship.is_external:
            part: Part = relationship.target_part
            return part
    return None


def part_element(document: DocxDocument, name: str) -> _Element | None:
    from lxml import etree

    part = part_of(document, name)
    if part is None:
        return None
    element = getattr(part, "element", None)
    return element if element is not None else etree.fromstring(part.blob)


def links(part: Part) -> dict[str, str]:
    return {
        rid: rel.target_ref
        for rid, rel in part.rels.items()
        if rel.is_external and rel.reltype == RELATIONSHIP + "hyperlink"
    }
