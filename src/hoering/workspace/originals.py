"""The pages of a response's original as images, for checking import's guesses beside them.

A received PDF is drawn page by page with PDFium (pypdfium2, a wheel with no system
package); a response imported from DOCX (or written by hand) is shown through our own PDF of
its Markdown. Only a file inside the hearing's ``received/`` folder is ever opened
(:func:`hoering.paths.confined`), whatever the response's ``source: file:`` says.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..paths import confined
from ..sources.frontmatter import read_source

SCALE = 1.5  # PDF points → pixels: 108 dpi, an A4 page 893 px wide
MAX_PAGES = 60  # pages shown of one original; more are left out (and the page says so)


def original_of(response: Path, received: Path) -> Path | None:
    """The kept original PDF of ``response`` (its ``source: file:``), inside ``received``;
    None when it has none, it is not a PDF, or it is missing."""
    try:
        metadata = read_source(response).metadata
    except Exception:  # an unreadable source has no original to show; the page says why
        return None
    source = metadata.get("source") if hasattr(metadata, "get") else None
    name = source.get("file") if isinstance(source, dict) else None
    if not isinstance(name, str) or not name.lower().endswith(".pdf"):
        return None
    path = response.parent.parent / name
    if not path.is_file():
        return None
    return confined(path, [received], origin=response, what=name, allowed=str(received.name) + "/")


def printed(response: Path, config: Any) -> tuple[str, Callable[[], bytes]]:
    """Our own PDF of ``response``: a key naming what it prints, and what makes it.

    A heading's topic, stance and import's guess are never printed, so they are left out of
    the key: a topic set on the page keeps the PDF that was made (the tests hold the PDF's
    bytes to that)."""
    from ..preview.target import Target
    from ..render import render

    target = Target.of(response, config)
    document = target.composed()[0]
    key = hashlib.sha256(repr(_unprinted(document)).encode("utf-8")).hexdigest()
    return key, lambda: render(document, "pdf", target.templates())


def _unprinted(value: Any) -> Any:
    """``value`` (a document or a part of it) without what a heading holds unprinted."""
    from ..model import nodes as n

    if isinstance(value, tuple):
        return tuple(_unprinted(item) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {
        f.name: _unprinted(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
    }
    if isinstance(value, n.Heading):
        changes.update(topic=None, stance=None, guess=None, matched=None)
    return dataclasses.replace(value, **changes)


@dataclass(frozen=True)
class Found:
    """Where a guessed field's text stands in the shown PDF: the page (from 1), the text
    searched for, and its boxes on the page image (pixels: left, top, right, bottom)."""

    page: int
    text: str
    boxes: tuple[tuple[int, int, int, int], ...]


def locate(pdf: bytes, wanted: dict[str, list[str]]) -> dict[str, Found]:
    """For each field of ``wanted`` (field → the texts to search for, best first), the first
    place on the pages shown where one of its texts stands; a field none of whose texts is
    on them is left out."""
    import pypdfium2

    found: dict[str, Found] = {}
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [document[index] for index in range(min(len(document), MAX_PAGES))]
        texts = [(page.get_textpage(), page.get_height()) for page in pages]
        for key, searched in wanted.items():
            place = _first_place(texts, searched)
            if place is not None:
                found[key] = place
    finally:
        document.close()
    return found


def _first_place(pages: list[tuple[Any, float]], searched: list[str]) -> Found | None:
    """The first of ``searched`` that stands on one of ``pages`` (text page, height): where."""
    for text in searched:
        for number, (text_page, height) in enumerate(pages, start=1):
            boxes = _boxes(text_page, text, height)
            if boxes:
                return Found(number, text, boxes)
    return None


def _boxes(text_page: Any, text: str, height: float) -> tuple[tuple[int, int, int, int], ...]:
    """The boxes of ``text``'s first occurrence on the page, in the image's pixels."""
    searcher = text_page.search(text, match_case=False)
    try:
        hit = searcher.get_next()
    finally:
        searcher.close()
    if hit is None:
        return ()
    start, count = hit
    boxes = []
    for index in range(text_page.count_rects(start, count)):
        left, bottom, right, top = text_page.get_rect(index)
        boxes.append(
            (
                round(left * SCALE),
                round((height - top) * SCALE),
                round(right * SCALE),
                round((height - bottom) * SCALE),
            )
        )
    return tuple(boxes)


def page_sizes(pdf: bytes) -> tuple[list[tuple[int, int]], int]:
    """The pixel size of each page shown (at most MAX_PAGES), and how many pages there are."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        sizes = []
        for index in range(min(len(document), MAX_PAGES)):
            width, height = document.get_page_size(index)
            sizes.append((round(width * SCALE), round(height * SCALE)))
        return sizes, len(document)
    finally:
        document.close()


def page_png(pdf: bytes, number: int, marks: tuple[Found, ...] = ()) -> bytes:
    """Page ``number`` (from 1) of ``pdf`` as a PNG, each of ``marks`` on it highlighted;
    IndexError when there is none."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        if not 1 <= number <= min(len(document), MAX_PAGES):
            raise IndexError(number)
        bitmap = document[number - 1].render(scale=SCALE)
        image = _marked(bitmap.to_pil(), [m for m in marks if m.page == number])
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=False)
        return out.getvalue()
    finally:
        document.close()


MARK_FILL = (255, 221, 0, 90)  # a highlighter's yellow, the text still readable through it
MARK_EDGE = (178, 34, 34, 255)  # and a dark red edge that shows on white and on colour


def _marked(image: Any, marks: list[Found]) -> Any:
    """``image`` with a highlight over every box of ``marks``."""
    if not marks:
        return image
    from PIL import Image, ImageDraw

    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for mark in marks:
        for left, top, right, bottom in mark.boxes:
            box = (left - 3, top - 3, right + 3, bottom + 3)
            draw.rectangle(box, fill=MARK_FILL, outline=MARK_EDGE, width=2)
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")
