"""Hostile and damaged PDF and DOCX files, made byte by byte for the tests and the fuzzer.

Each maker returns the bytes of a small file that attacks one weakness: a decompression
bomb behind a filter chain, a page of a million glyphs, an xref chain that loops, a stream
whose /Length points at itself, a zip member with a wrong checksum or a lying size.
"""

from __future__ import annotations

import binascii
import io
import zipfile
import zlib

LETTER = (
    "Ishøj Kommune takker for muligheden for at afgive høringssvar om udkastet. "
    "Vi bakker op om den tidlige indsats og ønsker en klar ansvarsfordeling."
)


def pdf(objects: list[bytes], *, trailer_extra: bytes = b"", xref: bool = True) -> bytes:
    """A PDF of ``objects`` (numbered from 1; object 1 is the catalog) with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, trailer_extra, start)
    )
    return out.getvalue()


def stream(data: bytes, dictionary: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), dictionary) + data + b"\nendstream"


def text_page(content: bytes, extra_objects: list[bytes] = ()) -> list[bytes]:
    """Catalog, pages, one A4 page showing ``content`` in Helvetica, then ``extra_objects``."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        *extra_objects,
    ]


def letter_content(text: str = LETTER) -> bytes:
    words = text.encode("cp1252")
    return stream(b"BT /F1 11 Tf 60 780 Td (" + words + b") Tj ET")


def plain_letter() -> bytes:
    """A harmless one-page letter (the control case)."""
    return pdf(text_page(letter_content()))


def chained_filter_bomb(unpacked_mb: int = 400) -> bytes:
    """A stream of zeros behind [/ASCIIHexDecode /FlateDecode]: ~1 MB that unpacks to
    ``unpacked_mb``; the old check looked only at streams whose first filter was Flate."""
    packer = zlib.compressobj(9)
    block = b"\0" * (1024 * 1024)
    packed = b"".join(packer.compress(block) for _ in range(unpacked_mb)) + packer.flush()
    hexed = binascii.hexlify(packed) + b">"
    bomb = stream(hexed, b"/Filter [/ASCIIHexDecode /FlateDecode] ")
    return pdf(text_page(letter_content(), [bomb]))


def glyph_bomb(glyphs: int = 1_500_000) -> bytes:
    """One page drawing ``glyphs`` characters from a tiny compressed content stream."""
    line = b"(" + b"W" * 1000 + b") Tj 0 -0.01 Td\n"
    body = b"BT /F1 1 Tf 10 800 Td\n" + line * (glyphs // 1000) + b"ET"
    content = stream(zlib.compress(body, 9), b"/Filter /FlateDecode ")
    return pdf(text_page(content))


def idle_page(operator: bytes = b"BT ET", times: int = 3_000_000) -> bytes:
    """One page whose content stream repeats ``operator`` (one that draws nothing) ``times``
    times, compressed into a few kilobytes."""
    content = stream(zlib.compress(operator * times, 9), b"/Filter /FlateDecode ")
    return pdf(text_page(content))


def xref_prev_loop() -> bytes:
    """Two xref sections whose /Prev point at each other."""
    base = plain_letter()
    first = base.rindex(b"xref")
    second_at = len(base)
    loop = b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\n" % first
    patched = base.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Prev %d >>" % second_at, 1)
    return patched + loop + b"startxref\n%d\n%%%%EOF\n" % second_at


def self_referencing_length() -> bytes:
    """A content stream whose /Length is an indirect object that is the stream itself."""
    body = b"BT /F1 11 Tf 60 780 Td (" + LETTER.encode("cp1252") + b") Tj ET"
    content = b"<< /Length 4 0 R >>\nstream\n" + body + b"\nendstream"
    return pdf(text_page(content), xref=False)


def docx_bytes(text: str = LETTER) -> bytes:
    """A minimal valid DOCX with one paragraph of ``text``."""
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_letter_bytes() -> bytes:
    """A DOCX with the parts a letter has: a header, a heading, a bulleted list, a table."""
    from docx import Document

    document = Document()
    document.sections[0].header.paragraphs[0].text = "Testby Kommune · Rådhuset"
    document.add_heading("Høringssvar om trafikplanen", level=1)
    document.add_paragraph(LETTER)
    for point in ("Flere cykelstier.", "Bredere fortove."):
        document.add_paragraph(point, style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    cells = (("Emne", "Holdning"), ("Cykler", "Støtter"))
    for row, (key, value) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = key, value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _docx_part_changed(part: str, change) -> bytes:
    """:func:`docx_letter_bytes` with the XML of ``part`` given to ``change`` (in place)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx_letter_bytes())) as packed:
        parts = {name: packed.read(name) for name in packed.namelist()}
    root = etree.fromstring(parts[part])
    change(root)
    parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as packed:
        for name, data in parts.items():
            packed.writestr(name, data)
    return out.getvalue()


def docx_relationships_part_renamed() -> bytes:
    """word/_rels/document.xml.rels whose root is not <Relationships>."""

    def rename(root) -> None:
        root.tag = RELS + "Relationship"

    return _docx_part_changed("word/_rels/document.xml.rels", rename)


def docx_header_relationship_missing() -> bytes:
    """The section names its header by a relationship id the part does not have."""

    def drop_header(root) -> None:
        for rel in root.findall(RELS + "Relationship"):
            if rel.get("Type", "").endswith("/header"):
                root.remove(rel)

    return _docx_part_changed("word/_rels/document.xml.rels", drop_header)


def docx_style_without_value() -> bytes:
    """A paragraph style reference (w:pStyle) without its required w:val."""

    def unset(root) -> None:
        for style in root.iter(W + "pStyle"):
            del style.attrib[W + "val"]

    return _docx_part_changed("word/document.xml", unset)


def docx_without_body() -> bytes:
    """word/document.xml with no w:body."""

    def remove(root) -> None:
        root.remove(root.find(W + "body"))

    return _docx_part_changed("word/document.xml", remove)


def mail_bytes() -> bytes:
    """An .eml with a quoted earlier message: a letter received by e-mail."""
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"] = "Anna Holm <anna@testby.dk>"
    mail["To"] = "Testby Kommune <hoering@testby.dk>"
    mail["Subject"] = "Re: Høring af trafikplanen"
    mail["Date"] = "Mon, 03 Jun 2019 10:00:00 +0200"
    mail.set_content(
        LETTER + "\n\nMed venlig hilsen\nAnna Holm\n\n"
        "Den 1. maj 2019 kl. 09.00 skrev Testby Kommune <hoering@testby.dk>:\n"
        "> Hermed planen i høring.\n"
    )
    return bytes(mail)


def docx_bad_crc() -> bytes:
    """word/document.xml with one byte changed after packing (its CRC-32 no longer fits)."""
    data = bytearray(_stored(docx_bytes()))
    at = data.index(b"muligheden")
    data[at] = ord("M")
    return bytes(data)


def docx_lying_size() -> bytes:
    """word/document.xml's zip entries claim a quarter of its real unpacked size."""
    data = bytearray(docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    size = (info.file_size // 4).to_bytes(4, "little")
    name = info.filename.encode()
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = size  # central directory: uncompressed size
    data[info.header_offset + 22 : info.header_offset + 26] = size  # local header
    return bytes(data)


def _stored(docx: bytes) -> bytes:
    """The same DOCX with its members stored uncompressed (so bytes can be changed)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def active_letter() -> bytes:
    """A letter carrying every kind of active content: JavaScript when the document opens
    and in its name tree, page actions, a JavaScript link, a launch link, an embedded file
    and a file attachment; plus a web link, which must stay."""
    js = b"<< /S /JavaScript /JS (app.alert\\('hej'\\)) >>"
    objects = text_page(
        letter_content(),
        [
            js,  # 6
            b"<< /Type /Annot /Subtype /Link /Rect [60 760 200 775] /A 6 0 R >>",  # 7
            b"<< /Type /Annot /Subtype /Link /Rect [60 740 200 755] "
            b"/A << /S /Launch /F (cmd.exe) >> >>",  # 8
            b"<< /Type /Annot /Subtype /Link /Rect [60 720 200 735] "
            b"/A << /S /URI /URI (https://www.ishoj.dk/) >> >>",  # 9
            stream(b"hemmelig fil", b"/Type /EmbeddedFile "),  # 10
            b"<< /Type /Filespec /F (x.exe) /EF << /F 10 0 R >> >>",  # 11
            b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS 11 0 R >>",  # 12
            b"<< /Type /Annot /Subtype /Link /Rect [60 700 200 715] "
            b"/A << /S /URI /URI (https://x.dk/) /Next 6 0 R >> >>",  # 13
        ],
    )
    objects[0] = (
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /AA << /WC 6 0 R >> "
        b"/Names << /JavaScript << /Names [(a) 6 0 R] >> "
        b"/EmbeddedFiles << /Names [(x.exe) 11 0 R] >> >> >>"
    )
    objects[2] = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> /AA << /O 6 0 R >> "
        b"/Annots [7 0 R 8 0 R 9 0 R 12 0 R 13 0 R] >>"
    )
    return pdf(objects)
