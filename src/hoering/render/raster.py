"""SVG drawn as PNG, for Word: python-docx embeds only raster images, so an SVG logo or
figure would otherwise be left out of the DOCX. Typst, which lays out the PDF, draws it, so
no system library is needed; the same SVG gives the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

PPI = 300
MAX_WIDTH_CM = 16.0  # the text width of an A4 page
MAX_HEIGHT_CM = 24.0

# The image at its own size, made smaller (never larger) to fit on a page.
_SOURCE = f"""
#set page(width: auto, height: auto, margin: 0pt, fill: none)
#let drawing = bytes(sys.inputs.svg)
#context {{
  let size = measure(image(drawing))
  let scale = calc.min(1.0, {MAX_WIDTH_CM}cm / size.width, {MAX_HEIGHT_CM}cm / size.height)
  image(drawing, width: size.width * scale)
}}
""".encode()


def is_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"<svg", b"<?xml", b"<!--", b"<!DOCTYPE svg")) and b"<svg" in data


@lru_cache(maxsize=16)  # a logo is drawn once, not once per document
def svg_to_png(svg: bytes) -> bytes | None:
    """The SVG as a PNG at 300 ppi that says so (a pHYs chunk, so Word shows it at the
    SVG's own size); None when the SVG cannot be read."""
    import typst

    try:
        png = typst.compile(
            _SOURCE,
            format="png",
            ppi=PPI,
            ignore_system_fonts=True,
            sys_inputs={"svg": svg.decode("utf-8")},
        )
    except (typst.TypstError, UnicodeDecodeError, RuntimeError):
        return None
    if isinstance(png, list):  # one image per page; the page holds only the drawing
        png = png[0]
    return _with_resolution(png, PPI)


def _with_resolution(png: bytes, ppi: int) -> bytes:
    """``png`` with a pHYs chunk after its header (pixels per metre), replacing any."""
    signature, chunks, position = png[:8], [], 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        end = position + 12 + length
        if png[position + 4 : position + 8] != b"pHYs":
            chunks.append(png[position:end])
        position = end
    per_metre = round(ppi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    phys = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    return signature + chunks[0] + phys + b"".join(chunks[1:])
