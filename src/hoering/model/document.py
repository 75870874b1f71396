"""The one document the renderers turn into DOCX, PDF and HTML.

A høringssvar, a referat and a høringsnotat all become a :class:`Document`: letterhead,
the right-hand info block (Dato, Sagsnr., …), a title, the body blocks, a closing (signature)
and footnotes. Renderers know nothing about where a document came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..languages import language_of
from .nodes import Block, Footnote


@dataclass(frozen=True)
class Letterhead:
    """What is printed on the organisation's paper: name, logo, department, footer lines."""

    organisation: str
    department: str | None = None
    logo: bytes | None = field(default=None, repr=False)
    logo_mime: str | None = None  # "image/svg+xml" or "image/png"
    footer_lines: tuple[str, ...] = ()
    web: str | None = None


@dataclass(frozen=True)
class InfoItem:
    """One row of the info block at the top right of the first page."""

    label: str
    value: str
    link: str | None = None  # mailto:, tel: or https: target for the value


@dataclass(frozen=True)
class ArchiveRecord:
    """What case systems (ESDH) and archives read from a document's properties: written as
    DOCX custom properties, in the PDF's XMP and as XLSX custom properties, under the names
    of :data:`ARCHIVE_PROPERTIES`. The authority is the organisation whose document it is."""

    case_number: str | None = None
    document_number: str | None = None
    hearing: str | None = None
    authority: str | None = None

    def properties(self) -> list[tuple[str, str]]:
        """(property name, value) for every value given, in a fixed order."""
        values = (self.case_number, self.document_number, self.hearing, self.authority)
        return [
            (name, value) for name, value in zip(ARCHIVE_PROPERTIES, values, strict=True) if value
        ]


# The property names, the same in every language and format (a case system maps them once).
ARCHIVE_PROPERTIES = ("Sagsnummer", "Dokumentnummer", "Hoering", "Myndighed")


@dataclass(frozen=True)
class Document:
    kind: str  # "response", "minutes", "hoeringsnotat"
    lang: str  # a code of hoering.languages: "da", "en"
    title: str
    author: str
    date: dt.date | None  # None: an imported response whose date nobody knows yet
    letterhead: Letterhead
    info: tuple[InfoItem, ...] = ()
    recipient: tuple[str, ...] = ()  # address lines of the recipient, printed above the title
    blocks: tuple[Block, ...] = ()
    closing: tuple[Block, ...] = ()  # signature and similar, after the body
    footnotes: tuple[Footnote, ...] = ()
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    source: str | None = None  # the source file, for messages only; never printed
    # Pages of the whole PDF this document opens, for "Side X af Y" when it is the cover of a
    # bundle; None counts the document's own pages.
    bundle_pages: int | None = None
    archive: ArchiveRecord = ArchiveRecord()

    @property
    def language_tag(self) -> str:
        """BCP 47 tag used in DOCX's and PDF's metadata: da-DK or en-GB."""
        return language_of(self.lang).tag
