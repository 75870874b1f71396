"""Refuse files that cannot or must not be read, before reading them, with a clear reason.

Content is sniffed by its first bytes, never trusted from the extension; sizes are checked
before anything is unpacked (a DOCX is a zip: the sum of the unpacked sizes and the packing
ratio are read from the zip directory first).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..archives import MAX_RATIO, ask_again, check_zip_directory
from ..errors import ImportFileError
from ..limits import positive_numbers
from ..messages import language, number, tr
from ..prose import joined
from .kinds import SUFFIXES, Kind

if TYPE_CHECKING:
    from ..config import Config

KINDS = tuple(Kind)


def kind_name(kind: str) -> str:
    """What a file of ``kind`` (a :class:`Kind`) is, in words: "a Word document (DOCX)"."""
    names = {
        "eml": tr("an e-mail (.eml)"),
        "pdf": tr("a PDF"),
        "docx": tr("a Word document (DOCX)"),
        "ole": tr("an old Word document (.doc) or a password-protected Office file"),
        "odt": tr("an OpenDocument text (.odt)"),
        "zip": tr("a zip archive"),
        "rtf": tr("an RTF document"),
        "png": tr("a PNG image"),
        "jpeg": tr("a JPEG image"),
        "html": tr("a web page (HTML)"),
        "text": tr("a plain text file"),
    }
    return names[kind]


def raise_limit(key: str) -> str:
    """The hint for a genuine file above a limit of ``[import]``."""
    return tr("raise {key} under [import] in hoering.toml if the file is genuine", key=key)


# a mail file opens with header fields ("Received: …", "From: …", "MIME-Version: 1.0")
MAIL_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]")
EXTENSION_KIND = SUFFIXES
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class Limits:
    """``[import]`` in hoering.toml: the largest file, the longest PDF, how much a DOCX
    or the compressed streams of a PDF may unpack to, and how many characters and seconds
    one PDF page may take (a dense A4 page holds about 5,000 characters)."""

    max_size_mb: float = 25
    max_pages: int = 60
    max_unpacked_mb: float = 200
    max_glyphs_per_page: int = 20000
    max_seconds_per_page: float = 10

    @classmethod
    def from_config(cls, config: Config | None) -> Limits:
        section = (config.extra or {}).get("import", {}) if config is not None else {}
        return positive_numbers(
            cls, section, "import", getattr(config, "path", None), "max_size_mb = 25"
        )


MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Kind.OLE),
    (b"{\\rtf", Kind.RTF),
    (b"\x89PNG", Kind.PNG),
    (b"\xff\xd8\xff", Kind.JPEG),
)


def sniff(head: bytes) -> Kind:
    """What the first bytes say the file is; a zip's kind is settled when its directory is
    read (:func:`check_file`)."""
    if b"%PDF-" in head[:1024]:
        return Kind.PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in head[:200]:
            return Kind.ODT
        if b"word/" in head or b"[Content_Types].xml" in head:
            return Kind.DOCX
        return Kind.ZIP
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    return _text_kind(head.lstrip())


def _text_kind(start: bytes) -> Kind:
    if start[:15].lower().startswith((b"<!doctype html", b"<html")):
        return Kind.HTML
    if MAIL_HEADER.match(start[:200]) and re.search(rb"(?im)^from:", start):
        return Kind.EML
    return Kind.TEXT


def check_file(path: Path, limits: Limits) -> Kind:
    """The kind (one of :data:`~.kinds.SUFFIXES`) of a file that may be read, from its
    content, which must be what its name says; raises ImportFileError."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(path, tr("file not found"))
    suffix = path.suffix.lower()
    if suffix not in EXTENSION_KIND:
        raise ImportFileError(
            path,
            tr("{suffix} files cannot be imported", suffix=suffix)
            if suffix
            else tr("files without an extension cannot be imported"),
            hint=tr(
                "what can be imported is {kinds}; save the file as PDF or DOCX first",
                kinds=joined([kind_name(kind) for kind in SUFFIXES.values()], language()),
            ),
        )
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(path, tr("the file is empty (0 bytes)"), hint=ask_again())
    if size > limits.max_size_mb * 1024 * 1024:
        raise ImportFileError(
            path,
            tr(
                "the file is {size} MB, more than the limit of {limit} MB",
                size=number(size / 1024 / 1024, 1),
                limit=number(limits.max_size_mb),
            ),
            hint=raise_limit("max_size_mb"),
        )
    with path.open("rb") as stream:
        head = stream.read(4096)
    kind = sniff(head)
    if kind in (Kind.DOCX, Kind.ODT, Kind.ZIP):
        kind = _zip_kind(path, limits)
    expected = EXTENSION_KIND[suffix]
    if kind != expected:
        raise _mismatch(path, kind, expected)
    if kind is Kind.PDF:
        _check_pdf_ending(path, size)
    return kind


def _mismatch(path: Path, kind: Kind, expected: Kind) -> ImportFileError:
    """The error for a file whose content is not what its name says."""
    suffix = path.suffix.lower()
    if kind == "ole" and expected == "docx":
        return ImportFileError(
            path,
            tr("is not a DOCX file but {kind}", kind=kind_name(kind)),
            hint=tr("open it in Word, remove any password and save it as DOCX or PDF"),
        )
    if kind in EXTENSION_KIND.values():
        other = next(s for s, k in EXTENSION_KIND.items() if k == kind)
        return ImportFileError(
            path,
            tr(
                "the name ends in {suffix} but the file is {kind}",
                suffix=suffix,
                kind=kind_name(kind),
            ),
            hint=tr("rename it to {name} if that is right", name=path.stem + other),
        )
    if expected == "docx":
        return ImportFileError(
            path,
            tr(
                "is not a Word document (DOCX): the file is {kind}, not a zip archive",
                kind=kind_name(kind),
            ),
            hint=ask_again(),
        )
    if expected == "eml":
        return ImportFileError(
            path,
            tr("is not an e-mail: the file is {kind}", kind=kind_name(kind)),
            hint=tr("save the mail again from the mail program"),
        )
    if expected != "pdf":
        return ImportFileError(
            path,
            tr(
                "is not {expected}: the file is {kind}",
                expected=kind_name(expected),
                kind=kind_name(kind),
            ),
            hint=ask_again(),
        )
    return ImportFileError(
        path,
        tr("is not a PDF file: the file is {kind}", kind=kind_name(kind)),
        hint=ask_again(),
    )


def _zip_kind(path: Path, limits: Limits) -> Kind:
    """DOCX, ODT or ZIP, after checking the zip directory of a document against the limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            mimetype = archive.open("mimetype").read(100) if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError):
        raise ImportFileError(
            path,
            tr("is damaged: the zip archive inside is incomplete or corrupt"),
            hint=ask_again(),
        ) from None
    if "word/document.xml" in names:
        kind = Kind.DOCX
    elif mimetype.strip() == ODT_MIMETYPE and "content.xml" in names:
        kind = Kind.ODT
    else:
        return Kind.ZIP
    check_zip_directory(
        path,
        members,
        limits.max_unpacked_mb,
        crowded=partial(_crowded, kind),
        limit_hint=tr(
            "the limit is {limit} MB (max_unpacked_mb under [import] in hoering.toml) "
            "and a packing ratio of at most {ratio}:1",
            limit=number(limits.max_unpacked_mb),
            ratio=MAX_RATIO,
        ),
    )
    return kind


def _crowded(kind: Kind, n: int) -> str:
    if kind is Kind.DOCX:
        return tr("holds {n} packed files; a Word document has far fewer, so it is not opened", n=n)
    return tr("holds {n} packed files; a text document has far fewer, so it is not opened", n=n)


def _check_pdf_ending(path: Path, size: int) -> None:
    with path.open("rb") as stream:
        stream.seek(max(0, size - 2048))
        tail = stream.read()
    if b"%%EOF" not in tail:
        raise ImportFileError(
            path,
            tr("is damaged: the PDF is incomplete (truncated)"),
            hint=ask_again(),
        )
