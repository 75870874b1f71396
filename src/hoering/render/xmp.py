"""A document's archive record in its PDF's XMP metadata, where archives and case systems
(ESDH) read it beside the title and language Typst writes.

Typst writes the XMP packet (title, language, PDF/A and PDF/UA identification) but takes no
other properties, so they are added to its packet afterwards: one property per value in the
namespace :data:`NAMESPACE` (prefix ``hoering``, the names of
:data:`~hoering.model.ARCHIVE_PROPERTIES`), and that namespace described in the packet's
PDF/A extension schemas, as PDF/A requires of a namespace it does not know.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..model import ArchiveRecord

NAMESPACE = "urn:hoering:arkiv:1.0#"
PREFIX = "hoering"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
DESCRIPTIONS = {
    "Sagsnummer": "Case number (sagsnummer) in the case system",
    "Dokumentnummer": "Document number (dokumentnummer) in the case system",
    "Hoering": "Id of the hearing (høring) the document belongs to",
    "Myndighed": "The authority whose document it is",
}


def with_archive_record(pdf: bytes, record: ArchiveRecord) -> bytes:
    """``pdf`` with the record's values in its XMP (no values: ``pdf`` unchanged).

    The new packet is appended as an incremental update (the metadata object again, an xref
    section for it and a trailer pointing back at Typst's), so Typst's PDF stays byte for
    byte at the start of the file: a rewrite by qpdf with a content-derived /ID took longer
    than the PDF itself."""
    import pikepdf

    properties = record.properties()
    if not properties:
        return pdf
    with pikepdf.open(io.BytesIO(pdf)) as document:
        metadata = document.Root.Metadata
        number = metadata.objgen[0]
        packet = archive_packet(metadata.read_bytes(), properties)
        trailer = _trailer(document, number)
    return _updated(pdf, number, packet, trailer)


def _trailer(document: Any, number: int) -> bytes:
    """The update's trailer entries: Typst's /Size, /Root, /Info and /ID."""
    trailer = document.trailer
    size = max(int(trailer.Size), number + 1)
    entries = [b"/Size %d" % size, b"/Root %d 0 R" % document.Root.objgen[0]]
    if "/Info" in trailer:
        entries.append(b"/Info %d 0 R" % trailer.Info.objgen[0])
    first, second = (bytes(part).hex().encode() for part in trailer.ID)
    entries.append(b"/ID [<%s> <%s>]" % (first, second))
    return b" ".join(entries)


def _updated(pdf: bytes, number: int, packet: bytes, trailer: bytes) -> bytes:
    """``pdf`` and an incremental update that replaces object ``number`` by the metadata
    stream ``packet`` (uncompressed, as PDF/A wants XMP)."""
    found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf)
    assert found is not None, "Typst's PDF ends with startxref"
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offset = len(out)
    out += b"%d 0 obj\n<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % (
        number,
        len(packet),
    )
    out += packet + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (number, offset)
    out += b"trailer\n<< %s /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, found[1], xref)
    return bytes(out)


def archive_packet(packet: bytes, properties: list[tuple[str, str]]) -> bytes:
    """The XMP ``packet`` with ``properties`` (name, value) and their schema added."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    root = etree.fromstring(packet, parser)
    description = root.find(f".//{{{RDF}}}Description")
    assert description is not None, "Typst's XMP has an rdf:Description"
    for name, value in properties:
        element = etree.SubElement(description, f"{{{NAMESPACE}}}{name}", nsmap={PREFIX: NAMESPACE})
        element.text = value
    schemas = description.find(f"{{{EXTENSION}}}schemas/{{{RDF}}}Bag")
    if schemas is None:
        container = etree.SubElement(description, f"{{{EXTENSION}}}schemas")
        schemas = etree.SubElement(container, f"{{{RDF}}}Bag")
    _describe_schema(schemas, [name for name, _ in properties])
    etree.cleanup_namespaces(root, top_nsmap={PREFIX: NAMESPACE})
    body = etree.tostring(root, encoding="utf-8")
    return (
        b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        + body
        + (b'<?xpacket end="r"?>')
    )


def _describe_schema(schemas: object, names: list[str]) -> None:
    """The PDF/A extension schema entry for our namespace, naming ``names``."""
    from lxml import etree

    def sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
        element = etree.SubElement(parent, tag)
        element.text = text
        return element

    assert isinstance(schemas, etree._Element)
    entry = sub(schemas, f"{{{RDF}}}li")
    entry.set(f"{{{RDF}}}parseType", "Resource")
    sub(entry, f"{{{SCHEMA}}}schema", "hoering archive record")
    sub(entry, f"{{{SCHEMA}}}namespaceURI", NAMESPACE)
    sub(entry, f"{{{SCHEMA}}}prefix", PREFIX)
    sequence = sub(sub(entry, f"{{{SCHEMA}}}property"), f"{{{RDF}}}Seq")
    for name in names:
        item = sub(sequence, f"{{{RDF}}}li")
        item.set(f"{{{RDF}}}parseType", "Resource")
        sub(item, f"{{{PROPERTY}}}name", name)
        sub(item, f"{{{PROPERTY}}}valueType", "Text")
        sub(item, f"{{{PROPERTY}}}category", "external")
        sub(item, f"{{{PROPERTY}}}description", DESCRIPTIONS[name])
