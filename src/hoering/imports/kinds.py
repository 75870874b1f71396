"""What a received file is, by its content: one :class:`Kind` for every kind sniffing can tell
apart, and the kinds import reads (each with its reader in :mod:`.readers`).

A new format is a member here (with its file-name ending in :data:`SUFFIXES`), a reader and a
line in :data:`~.readers.READERS`.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """A file's kind as its first bytes (and, for a zip, its directory) say."""

    EML = "eml"
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    OLE = "ole"  # an old Word document (.doc) or a password-protected Office file
    ZIP = "zip"
    RTF = "rtf"
    PNG = "png"
    JPEG = "jpeg"
    HTML = "html"
    TEXT = "text"

    @property
    def laid_out(self) -> bool:
        """Text placed on pages line by line (a PDF), which the cleanup must first turn back
        into paragraphs; the others flow in paragraphs the file itself marks."""
        return self is Kind.PDF


# the kinds import reads, by the ending their file's name must have
SUFFIXES: dict[str, Kind] = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".odt": Kind.ODT,
    ".eml": Kind.EML,
}
