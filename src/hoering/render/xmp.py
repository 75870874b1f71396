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
    """``pdf`` with the record's values in its XMP (no values: ``pdf`` unchanged)."""
    import pikepdf

    properties = record.properties()
    if not properties:
        return pdf
    with pikepdf.open(io.BytesIO(pdf)) as document:
        stream = document.Root.Metadata
        stream.write(archive_packet(stream.read_bytes(), properties))
        out = io.BytesIO()
        document.save(out, deterministic_id=True, fix_metadata_version=False)
    return out.getvalue()


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
