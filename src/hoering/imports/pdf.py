"""PDF → lines with page, position, font size and boldness (pdfminer.six, reading order).

pdfminer keeps a two-column block (an info block beside the address) in reading order and
gives the font of every character; superscript digits become Markdown footnote markers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..archives import ask_again
from ..errors import ImportFileError
from ..messages import number, tr
from .characters import BULLETS, normalise_characters
from .kinds import Kind
from .lines import Extracted, Line
from .safety import Limits, raise_limit

if TYPE_CHECKING:
    from pdfminer.layout import LTChar, LTPage, LTTextLine
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import PDFStream

# char_margin 1.0 (default 2.0) keeps table cells that sit close together apart.
LINE_MARGIN, CHAR_MARGIN = 0.3, 1.5  # pdfminer's layout analysis (LAParams)
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi", ",b")

# pdfminer logs what it works around in a file (e.g. "Could not get FontBBox …") as warnings;
# with no handler of its own Python prints them on the user's terminal. They are the
# library's, not ours: an application that configures logging still receives them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


# what pdfminer raises, besides its own PSException, for a file it cannot make sense of
BROKEN = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    OSError,
    ZeroDivisionError,
    RecursionError,
)


def read_pdf(path: Path, limits: Limits) -> Extracted:
    """Every text line of ``path``; raises ImportFileError for encrypted, broken, scanned or
    over-long PDFs."""
    from pdfminer.psparser import PSException

    try:
        with path.open("rb") as stream:
            pages = _pages(stream, path, limits)
            lines = _lines(pages, path, limits)
    except ImportFileError:
        raise
    except (PSException, *BROKEN) as exc:
        raise ImportFileError(
            path,
            tr("is damaged and cannot be read as a PDF ({reason})", reason=_reason(exc)),
            hint=ask_again(),
        ) from None
    if sum(len(line.text.strip()) for line in lines) < 20:
        raise ImportFileError(
            path,
            tr("has no text layer: it is a scanned image and needs OCR"),
            hint=tr(
                "run text recognition (OCR) on it first, e.g. "
                "'ocrmypdf in.pdf out.pdf', then import the result"
            ),
        )
    return Extracted(Kind.PDF, lines, len(pages))


def _pages(stream: BinaryIO, path: Path, limits: Limits) -> list[PDFPage]:
    """The document's pages, once it is known to open without a password, to unpack to
    no more than the limit and to have between one and ``max_pages`` pages."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(stream))
    except PDFPasswordIncorrect:
        raise ImportFileError(
            path,
            tr("is password-protected (encrypted) and cannot be read"),
            hint=tr("ask the sender for a copy without a password"),
        ) from None
    _check_expansion(document, path, limits)
    pages = list(PDFPage.create_pages(document))
    if len(pages) > limits.max_pages:
        raise ImportFileError(
            path,
            tr(
                "has {pages} pages, more than the limit of {limit}",
                pages=len(pages),
                limit=limits.max_pages,
            ),
            hint=raise_limit("max_pages"),
        )
    if not pages:
        raise ImportFileError(path, tr("is damaged: the PDF has no pages"), hint=ask_again())
    return pages


def _lines(pages: list[PDFPage], path: Path, limits: Limits) -> list[Line]:
    """The text lines of every page, each page held to the glyph and time limits."""
    from pdfminer.layout import LAParams

    from .pdf_fonts import StandardWidthsManager
    from .pdf_limits import BoundedDevice, BoundedInterpreter, PageTooHeavy

    laparams = LAParams(line_margin=LINE_MARGIN, char_margin=CHAR_MARGIN)
    manager = StandardWidthsManager(caching=True)  # fonts parsed once per file
    device = BoundedDevice(manager, laparams=laparams)
    interpreter = BoundedInterpreter(manager, device)
    lines: list[Line] = []
    for page_number, page in enumerate(pages, start=1):
        device.start(limits)
        try:
            interpreter.process_page(page)
        except PageTooHeavy as exc:
            raise exc.error(path, page_number, limits) from None
        lines.extend(_page_lines(device.get_result(), page_number))
    return lines


def _check_expansion(document: PDFDocument, path: Path, limits: Limits) -> None:
    """Refuse a PDF whose streams unpack to more than the limit (a decompression bomb)
    before pdfminer, which has no such limit, unpacks them in memory. Every stream's whole
    filter chain is followed ([/ASCIIHexDecode /FlateDecode] too), each step only as far as
    the budget left, and the output is thrown away."""
    from pdfminer.pdftypes import PDFStream

    budget = int(limits.max_unpacked_mb * 1024 * 1024)
    seen: set[int] = set()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                stream = document.getobj(objid)
                if not isinstance(stream, PDFStream) or stream.rawdata is None:
                    continue
                budget -= _unpacked_size(stream, budget)
            except _OverBudget:
                budget = -1
            except Exception:  # noqa: BLE001 - a broken object is pdfminer's to report
                continue
            if budget < 0:
                raise ImportFileError(
                    path,
                    tr(
                        "unpacks to more than {limit} MB from {packed} KB; this looks like a "
                        "decompression bomb and is not read",
                        limit=number(limits.max_unpacked_mb),
                        packed=round(path.stat().st_size / 1024),
                    ),
                    hint=tr("the limit is max_unpacked_mb under [import] in hoering.toml"),
                )


class _OverBudget(Exception):
    pass


def _unpacked_size(stream: PDFStream, budget: int) -> int:
    """How many bytes ``stream`` unpacks to through its filters, each step decoded at most
    to ``budget`` bytes (_OverBudget beyond). Image codecs (DCT, JPX, JBIG2) end the chain:
    pdfminer passes their data on as it is."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.pdftypes import (
        LITERALS_ASCII85_DECODE,
        LITERALS_ASCIIHEX_DECODE,
        LITERALS_FLATE_DECODE,
        LITERALS_LZW_DECODE,
        LITERALS_RUNLENGTH_DECODE,
    )

    data = _deciphered(stream)
    filters = [name for name, _params in stream.get_filters()]
    for index, name in enumerate(filters):
        if name in LITERALS_FLATE_DECODE:
            if index == len(filters) - 1:  # the last step is only counted, not kept
                return _inflated_size(data, budget)
            data = _inflate(data, budget)
        elif name in LITERALS_LZW_DECODE:
            data = _unlzw(data, budget)
        elif name in LITERALS_RUNLENGTH_DECODE:
            data = _unrunlength(data, budget)
        elif name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)  # never longer than its input
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        else:
            break
    return len(data)


def _deciphered(stream: PDFStream) -> bytes:
    """The stream's bytes, deciphered when the file is encrypted; none when there are none
    or the stream has no object number to decipher it with (pdfminer cannot read it either)."""
    data = stream.rawdata
    if data is None or not stream.decipher:
        return data or b""
    if stream.objid is None or stream.genno is None:
        return b""
    return stream.decipher(stream.objid, stream.genno, data, stream.attrs)


def _inflate(data: bytes, budget: int) -> bytes:
    return b"".join(_inflated_parts(data, budget))


def _inflated_size(data: bytes, budget: int) -> int:
    """How far a last Flate stream unpacks, holding one chunk of it at a time."""
    return sum(len(part) for part in _inflated_parts(data, budget))


def _inflated_parts(data: bytes, budget: int) -> Iterator[bytes]:
    """``data`` inflated a megabyte at a time; _OverBudget once more than ``budget`` came
    out. A damaged stream ends where it breaks: pdfminer recovers at most that much."""
    import zlib

    inflater = zlib.decompressobj()
    size = 0
    try:
        while data:
            part = inflater.decompress(data, 1024 * 1024)
            size += len(part)
            if size > budget:
                raise _OverBudget
            yield part
            data = inflater.unconsumed_tail
            if not part and not data:
                break
    except zlib.error:
        return


def _unlzw(data: bytes, budget: int) -> bytes:
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    parts: list[bytes] = []
    size = 0
    try:
        for part in LZWDecoder(BytesIO(data)).run():
            size += len(part)
            if size > budget:
                raise _OverBudget
            parts.append(part)
    except (ValueError, IndexError, KeyError):  # pdfminer stops at a damaged code too
        pass
    return b"".join(parts)


def _unrunlength(data: bytes, budget: int) -> bytes:
    """RunLengthDecode's output size is read from its length bytes before decoding."""
    from pdfminer.runlength import rldecode

    size, at = 0, 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        size += length + 1 if length < 128 else 257 - length
        at += length + 2 if length < 128 else 2
        if size > budget:
            raise _OverBudget
    return rldecode(data)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:80]


def _page_lines(layout: LTPage, number: int) -> list[Line]:
    from pdfminer.layout import LTTextContainer, LTTextLine

    height, width = layout.height, layout.width
    result: list[Line] = []
    for element in layout:
        if not isinstance(element, LTTextContainer):
            continue
        for item in element:
            if isinstance(item, LTTextLine):
                line = _line(item, number, height, width)
                if line is not None:
                    result.append(line)
    return result


def _line(item: LTTextLine, page: int, height: float, width: float) -> Line | None:
    from pdfminer.layout import LTChar

    chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
    if not chars:
        return None
    sizes: dict[float, int] = {}
    for char in chars:
        sizes[round(char.size, 1)] = sizes.get(round(char.size, 1), 0) + 1
    size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    bold = all(_is_bold(char) for char in chars)
    text, footnote = _text(item, size)
    return Line(
        text=text,
        page=page,
        top=height - item.y1,
        bottom=height - item.y0,
        x0=item.x0,
        x1=item.x1,
        size=size,
        bold=bold,
        footnote=footnote,
        page_height=height,
        page_width=width,
        bold_label="" if bold else _bold_label(item),
    )


def _is_bold(char: LTChar) -> bool:
    return any(word in char.fontname.lower() for word in BOLD_WORDS)


def _bold_label(item: LTTextLine) -> str:
    """The bold words a line opens with, after any bullet ("• Netværksmøder: Det er
    positivt …" with a bold label); "" when it does not open in bold."""
    from pdfminer.layout import LTChar

    lead: list[str] = []
    for char in item:
        text = char.get_text()
        if isinstance(char, LTChar) and text.strip() and not _is_bold(char):
            if not lead and text in BULLETS + "-–*":
                continue  # a bullet in the text font before a bold label
            break
        lead.append(text)
    label = " ".join(normalise_characters("".join(lead)).split())
    return label if len(label) >= 2 else ""


def _text(item: LTTextLine, size: float) -> tuple[str, int | None]:
    """The line's text with superscript numbers as ``[^n]``; a line that starts with one is
    a footnote (its number is returned)."""
    from pdfminer.layout import LTChar

    parts: list[str] = []
    small: list[str] = []
    footnote = None
    seen_text = False

    def flush() -> None:
        nonlocal footnote
        if not small:
            return
        digits = "".join(small)
        if not seen_text and not parts:
            footnote = int(digits)
        else:
            while parts and parts[-1].isspace():
                parts.pop()  # the marker belongs to the word before it
            parts.append(f"[^{digits}]")
        small.clear()

    for char in item:
        text = char.get_text()
        if isinstance(char, LTChar) and text.isdigit() and char.size < size * 0.8:
            small.append(text)
            continue
        flush()
        if text.strip():
            seen_text = True
        parts.append(text)
    flush()
    text = " ".join("".join(parts).split())
    # a soft hyphen inside a line is a hyphen glyph the PDF maps to U+00AD ("social­ og")
    return text[:-1].replace("\u00ad", "-") + text[-1:], footnote
