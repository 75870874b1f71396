"""Lines → paragraphs: running headers/footers and page numbers removed, letterhead and
closing set aside (metadata reads them), hyphenation undone, lines re-joined across line and
page breaks.

This module puts the steps together for flowing text (DOCX, ODT, e-mail) and for text laid
out on pages (PDF); the steps are their own modules: :mod:`.running` and :mod:`.layout`
(where a line sits), :mod:`.footnotes`, :mod:`.letterhead` (letterhead, subject, closing)
and :mod:`.paragraphs` (lines joined).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from .characters import normalise_bullet, normalise_characters
from .footnotes import split_footnotes
from .kinds import Kind
from .layout import (
    mark_aside,
    place_margin_headings,
    reading_order,
    recipient_block,
)
from .letterhead import split_closing, split_letterhead
from .lines import Extracted, Line
from .paragraphs import Para, attach_markers, join_lines, merge_split_lines
from .running import archive_stamps, margin_dates, mark_running

# top and bottom share of a page where running headers and footers are looked for by shape:
# page numbers, small print (narrower, so that footnotes above the footer stay)
BANDS = (0.12, 0.15, 0.08)


@dataclass
class Cleaned:
    """The body as paragraphs, and the parts set aside with the lines they came from."""

    body: list[Para]
    body_size: float
    letterhead: list[Line] = field(default_factory=list)  # before the subject on page 1
    subject: list[Line] = field(default_factory=list)
    closing: list[Line] = field(default_factory=list)
    running: list[Line] = field(default_factory=list)  # headers, footers, page numbers
    footnotes: dict[int, str] = field(default_factory=dict)
    all_lines: list[Line] = field(default_factory=list)
    subject_found_by: str = ""  # "title style", "bold", "largest" or "first" (metadata says it)
    # beside the main text column (sidebars, a floated Dato/Sagsnr. table, a two-column
    # letterhead): letterhead material for metadata, never part of the body
    aside: list[Line] = field(default_factory=list)
    # the recipient's address block (the window of a letter), recorded as ``recipient:``
    recipient: list[Line] = field(default_factory=list)
    # lines taken out before anything reads them, with their reason (an archive stamp, a
    # date in the margin beside every page number): never the sender, date or body
    removed: list[tuple[str, Line]] = field(default_factory=list)


def clean(extracted: Extracted) -> Cleaned:
    """The body as paragraphs and the parts set aside. ``extracted`` is left as it was: its
    lines are copied with their characters normalised before anything reads them."""
    lines = normalised(extracted.lines)
    if Kind(extracted.kind).laid_out:
        return clean_laid_out(lines)
    return clean_flowing(lines, extracted.footnotes)


def normalised(lines: list[Line]) -> list[Line]:
    """New lines with text (bullets, ligatures, odd spaces) normalised; empty ones left out."""
    return [
        replace(
            line,
            text=normalise_bullet(normalise_characters(line.text)),
            table=[[normalise_characters(cell) for cell in row] for row in line.table]
            if line.table
            else line.table,
        )
        for line in lines
        if line.text.strip() or line.table
    ]


def clean_flowing(lines: list[Line], footnotes: dict[int, str]) -> Cleaned:
    """Flowing text (DOCX, ODT, an e-mail): the file marks paragraphs, lists and the running
    header and footer, so only the letterhead, subject and closing are set apart."""
    running = [line for line in lines if line.region != "body"]
    body = [line for line in lines if line.region == "body"]
    size = body_size(body)
    letterhead, subject, body, subject_found_by = split_letterhead(body, size)
    body, closing = split_closing(body)
    paragraphs = [
        Para(line.text, line, list_kind=line.list_kind) for line in body if line.paragraph
    ]
    return Cleaned(
        paragraphs,
        size,
        letterhead,
        subject,
        closing,
        running,
        dict(footnotes),
        lines,
        subject_found_by,
    )


def clean_laid_out(lines: list[Line]) -> Cleaned:
    """Text laid out in lines on pages (a PDF): archive stamps, running headers and footers,
    margin dates and sidebars found by position, reading order restored, footnotes and
    list markers put back, and lines joined into paragraphs and tables."""
    stamps = {id(line) for line in archive_stamps(lines)}
    removed = [("archive_stamp", line) for line in lines if id(line) in stamps]
    lines = [line for line in lines if id(line) not in stamps]
    running = mark_running(lines, BANDS)
    dates = margin_dates(lines, running)
    running = [line for line in running if line.region != "margin"]
    removed += [("margin_date", line) for line in dates]
    aside = mark_aside(lines)
    lines = reading_order(place_margin_headings(lines))
    body = [line for line in lines if line.region == "body"]
    size = body_size(body)
    body, footnotes = split_footnotes(body, size)
    letterhead, subject, body, subject_found_by = split_letterhead(merge_split_lines(body), size)
    body, closing = split_closing(body)
    paragraphs = join_lines(merge_split_lines(attach_markers(body)))
    recipient = recipient_block(letterhead, _left_edge(body))
    return Cleaned(
        paragraphs,
        size,
        letterhead,
        subject,
        closing,
        running,
        footnotes,
        lines,
        subject_found_by,
        aside,
        recipient,
        removed,
    )


def _left_edge(lines: list[Line]) -> float | None:
    edges = Counter(round(line.x0) for line in lines if len(line.text) >= 40)
    return float(edges.most_common(1)[0][0]) if edges else None


def body_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 11.0
