"""PDF → lines with page, position, font size and boldness (pdfminer.six, reading order).

pdfminer keeps a two-column block (an info block beside the address) in reading order and
gives the font of every character; superscript digits become Markdown footnote markers.
"""

from __future__ import annotations

from pathlib import Path

from .characters import BULLETS, normalise_characters
from .lines import Extracted, Line
from .safety import ImportFileError, Limits

# char_margin 1.0 (default 2.0) keeps table cells that sit close together apart.
LAPARAMS_ARGS = {"line_margin": 0.3, "char_margin": 1.5}
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi", ",b")


def read_pdf(path: Path, limits: Limits) -> Extracted:
    """Every text line of ``path``; raises ImportFileError for encrypted, broken, scanned or
    over-long PDFs."""
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psparser import PSException

    lines: list[Line] = []
    LAPARAMS = LAParams(**LAPARAMS_ARGS)  # noqa: N806
    try:
        with path.open("rb") as stream:
            parser = PDFParser(stream)
            try:
                document = PDFDocument(parser)
            except PDFPasswordIncorrect:
                raise ImportFileError(path, "is password-protected (encrypted) and cannot be "
                                      "read", hint="ask the sender for a copy without a "
                                                   "password") from None
            _check_expansion(document, path, limits)
            pages = list(PDFPage.create_pages(document))
            if len(pages) > limits.max_pages:
                raise ImportFileError(path, f"has {len(pages)} pages, more than the limit of "
                                      f"{limits.max_pages}",
                                      hint="raise max_pages under [import] in hoering.toml "
                                           "if the file is genuine")
            if not pages:
                raise ImportFileError(path, "is damaged: the PDF has no pages",
                                      hint="ask the sender for the file again")
            from pdfminer.converter import PDFPageAggregator
            from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

            manager = PDFResourceManager(caching=True)  # fonts parsed once per file
            device = PDFPageAggregator(manager, laparams=LAPARAMS)
            interpreter = PDFPageInterpreter(manager, device)
            for number, page in enumerate(pages, start=1):
                interpreter.process_page(page)
                lines.extend(_page_lines(device.get_result(), number))
    except ImportFileError:
        raise
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, OSError, ZeroDivisionError) as exc:
        raise ImportFileError(path, f"is damaged and cannot be read as a PDF ({_reason(exc)})",
                              hint="ask the sender for the file again") from None
    if sum(len(line.text.strip()) for line in lines) < 20:
        raise ImportFileError(path, "has no text layer: it is a scanned image and needs OCR",
                              hint="run text recognition (OCR) on it first, e.g. "
                                   "'ocrmypdf in.pdf out.pdf', then import the result")
    return Extracted("pdf", lines, len(pages))


def _check_expansion(document, path: Path, limits: Limits) -> None:
    """Refuse a PDF whose compressed streams unpack to more than the limit (a decompression
    bomb) before pdfminer, which has no such limit, unpacks them in memory. Each stream is
    inflated in chunks only as far as the limit, and the output is thrown away."""
    import zlib

    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    budget = int(limits.max_unpacked_mb * 1024 * 1024)
    seen: set[int] = set()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                stream = document.getobj(objid)
            except Exception:  # noqa: BLE001 - a broken object is pdfminer's to report
                continue
            filters = stream.get_filters() if isinstance(stream, PDFStream) else []
            if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
                continue
            inflater = zlib.decompressobj()
            data = stream.rawdata or b""
            try:
                while data and budget >= 0:
                    budget -= len(inflater.decompress(data, 1024 * 1024))
                    data = inflater.unconsumed_tail
            except zlib.error:
                continue  # damaged: pdfminer recovers what it can
            if budget < 0:
                raise ImportFileError(
                    path, f"unpacks to more than {limits.max_unpacked_mb:g} MB from "
                    f"{path.stat().st_size / 1024:.0f} KB; this looks like a decompression "
                    "bomb and is not read",
                    hint="the limit is max_unpacked_mb under [import] in hoering.toml")


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:80]


def _page_lines(layout, number: int) -> list[Line]:
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


def _line(item, page: int, height: float, width: float) -> Line | None:
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
    return Line(text=text, page=page, top=height - item.y1, bottom=height - item.y0,
                x0=item.x0, x1=item.x1, size=size, bold=bold, footnote=footnote,
                page_height=height, page_width=width,
                bold_label="" if bold else _bold_label(item))


def _is_bold(char) -> bool:
    return any(word in char.fontname.lower() for word in BOLD_WORDS)


def _bold_label(item) -> str:
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


def _text(item, size: float) -> tuple[str, int | None]:
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
        if (isinstance(char, LTChar) and text.isdigit() and char.size < size * 0.8):
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
