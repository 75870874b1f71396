"""A document's archive record as DOCX custom properties (``docProps/custom.xml``), which Word shows
under File › Properties › Custom and case systems (ESDH) read. python-docx has no API for
them, so the part is written here: one ``vt:lpwstr`` property per value, at most 255
characters as Word allows."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

PARTNAME = "/docProps/custom.xml"
NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VALUE_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id of user-defined properties
FIRST_PID = 2  # ids 0 and 1 are reserved


def custom_properties_xml(properties: list[tuple[str, str]]) -> bytes:
    """``docProps/custom.xml`` holding ``properties`` (name, value) as text properties."""
    entries = "".join(
        f'<property fmtid="{FMTID}" pid="{pid}" name={quoteattr(name)}>'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties, FIRST_PID)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{NAMESPACE}" xmlns:vt="{VALUE_TYPES}">{entries}</Properties>'
    ).encode()


def add_custom_properties(word: DocxDocument, properties: list[tuple[str, str]]) -> None:
    """``properties`` (name, value) as the package's custom properties (none: no part)."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    if not properties:
        return
    package = word.part.package
    blob = custom_properties_xml(properties)
    part = Part(PackURI(PARTNAME), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
