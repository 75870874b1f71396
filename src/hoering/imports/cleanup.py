"""Lines → paragraphs: running headers/footers and page numbers removed, letterhead and
closing set aside (metadata reads them), hyphenation undone, lines re-joined across line and
page breaks."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial

from .characters import normalise_bullet, normalise_characters, only_bullets
from .kinds import Kind
from .layout import (
    RETURN_ADDRESS,
    mark_aside,
    place_margin_headings,
    reading_order,
    recipient_block,
)
from .lines import Extracted, Line
from .running import archive_stamps, margin_dates, mark_running

# top and bottom share of a page where running headers and footers are looked for by shape:
# page numbers, small print (narrower, so that footnotes above the footer stay)
BANDS = (0.12, 0.15, 0.08)
BULLET = re.compile(r"^(?:[•*–-]|o(?=\s))\s+")
NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
CLOSING = re.compile(
    r"^(?:på vegne af|med venlig hilsen|venlig hilsen|mvh\.?$|"
    r"med venlige hilsner|on behalf of|kind regards|yours sincerely)",
    re.IGNORECASE,
)
SUBJECT_START = re.compile(
    r"^(?:vedr(?:\.|ørende)?:?\s|emne:|høringssvar|høringsnotat|høring\b|svar på høring|"
    r"bemærkninger til|kommentarer til)",
    re.IGNORECASE,
)
KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "som", "and", "or"}
SENTENCE_END = (".", "!", "?", ":", ";")


@dataclass
class Para:
    """A paragraph (or table) of the body, with the look of its first line."""

    text: str
    first: Line
    lines: int = 1
    list_kind: str | None = None

    @property
    def bold(self) -> bool:
        return self.first.bold

    @property
    def size(self) -> float:
        return self.first.size


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


FOOTNOTE_START = re.compile(r"^(\d{1,2})(?=[A-ZÆØÅ\s])")
FOOTNOTE_REF = re.compile(r"(?<=[^\W\d_])(\d{1,2})(?=[\s,.;:)]|$)")


def _note_reference(known: set[int], match: re.Match[str]) -> str:
    """A raised number as ``[^n]`` when footnote ``n`` is on the page, else unchanged."""
    return f"[^{match.group(1)}]" if int(match.group(1)) in known else match.group(0)


def split_footnotes(lines: list[Line], size: float) -> tuple[list[Line], dict[int, str]]:
    """Footnote texts (smaller lines starting with a raised number) out of the body, and
    their raised numbers in the text as ``[^n]``; a marker with no footnote text found is
    written as a raised digit again (never as a dangling reference)."""
    lines = _attach_note_numbers(lines, size)
    for line in lines:
        match = FOOTNOTE_START.match(line.text)
        if (
            line.footnote is None
            and match
            and line.size < size * 0.95
            and line.top > line.page_height * 0.5
        ):
            line.footnote = int(match.group(1))
            line.text = line.text[match.end() :].strip()
    on_page: dict[int, set[int]] = {}
    for line in lines:
        if line.footnote is not None:
            on_page.setdefault(line.page, set()).add(line.footnote)
    for line in lines:
        numbers = on_page.get(line.page)
        if numbers and line.footnote is None and line.size >= size * 0.95:
            line.text = FOOTNOTE_REF.sub(partial(_note_reference, numbers), line.text)
    body: list[Line] = []
    notes: dict[int, str] = {}
    current: int | None = None
    for line in lines:
        if line.footnote is not None and line.size < size * 0.95:
            current = line.footnote
            notes[current] = line.text
        elif current is not None and line.size < size * 0.95 and not line.paragraph:
            notes[current] = join_text(notes[current], line.text)
        else:
            current = None
            body.append(line)
    _unresolved_as_digits(body, notes)
    return body, notes


def _unresolved_as_digits(body: list[Line], notes: dict[int, str]) -> None:
    for line in body:
        line.text = NOTE_REF.sub(
            lambda m: m.group(0) if int(m.group(1)) in notes else m.group(1).translate(SUPERSCRIPT),
            line.text,
        )


NOTE_REF = re.compile(r"\[\^(\d+)\]")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _attach_note_numbers(lines: list[Line], size: float) -> list[Line]:
    """A footnote's number that the PDF keeps as a line of its own, beside the note's text
    at the page foot, goes in front of that text."""
    result: list[Line] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            text.isdigit()
            and len(text) <= 2
            and line.size < size * 0.95
            and line.top > line.page_height * 0.5
            and following is not None
            and following.page == line.page
            and abs(following.top - line.top) < size
            and 0 <= following.x0 - line.x1 < 20
        ):
            following.text = f"{text} {following.text}"
            following.x0 = line.x0
            continue
        result.append(line)
    return result


MAX_PLAIN_SUBJECT_LINES = 2


def split_letterhead(
    lines: list[Line], size: float
) -> tuple[list[Line], list[Line], list[Line], str]:
    """(letterhead and address lines, subject lines, the rest, how the subject was found).

    The subject stands before the running text of page 1: a section heading after it is
    not the subject (taking it for one made page 1 letterhead). With no subject, the short
    lines above page 1's running text up to the last that reads like letterhead (an
    address, a date, "J.nr. …") are the letterhead."""
    text_start = running_text_start(lines, size)
    start, how = _subject_start(lines[: text_start + 1] if text_start is not None else lines, size)
    if start is None:
        end = _letterhead_end(lines, text_start if text_start is not None else _first_long(lines))
        return lines[:end], [], lines[end:], ""
    end = start + 1
    while (
        end < len(lines)
        and lines[end].page == lines[start].page
        and abs(lines[end].size - lines[start].size) < 0.2
        and lines[end].bold == lines[start].bold
        and not lines[start].paragraph
        and lines[end].top - lines[end - 1].bottom < lines[start].size * 0.6
        and wraps(lines[end - 1], lines[end], _right_edge(lines))
    ):
        end += 1
    if how == "first" and end - start > MAX_PLAIN_SUBJECT_LINES:
        return [], [], lines, ""  # a paragraph that opens like a subject ("Høringssvar afgivet …")
    subject = lines[start:end]
    bottom = max(line.bottom for line in subject)
    beside = [
        line
        for line in lines[end:]
        if line.page == subject[0].page and not line.paragraph and line.bottom <= bottom + 1
    ]
    ids = {id(line) for line in beside}
    rest = [line for line in lines[end:] if id(line) not in ids]
    # what stands beside the subject (a floated "Direkte 72 22 74 00") is letterhead too
    return lines[:start] + beside, subject, rest, how


LETTERHEAD_CUE = re.compile(
    r"^(?:(?:DK-?)?\d{4}\s+[A-ZÆØÅ]|(?:j\.\s?nr|sagsnr|sags\.?\s?nr|dato|date|vores ref|"
    r"deres ref|tlf|telefon|cvr|ean)\b)|@|www\.",
    re.IGNORECASE,
)


def _letterhead_end(lines: list[Line], text_start: int) -> int:
    """How many lines above ``text_start`` are letterhead: the short plain lines up to the
    last address, date or label line among them ("Kære …" below it stays in the body)."""
    from ..dates import find_dates

    end = 0
    for index, line in enumerate(lines[:text_start]):
        text = line.text.strip()
        if RETURN_ADDRESS.match(text):  # "Afs.: …": the sender's own address, however long
            end = index + 1
            continue
        if len(text) >= 45 or line.paragraph or line.table:
            break
        dates = find_dates(text)
        if LETTERHEAD_CUE.search(text) or (dates and len(dates[0][1]) >= len(text) - 2):
            end = index + 1
    return end


def _first_long(lines: list[Line]) -> int:
    """The first line of page 1 as long as a line of text (a short letter's first
    sentence), or 0."""
    for index, line in enumerate(lines[:40]):
        if line.page != lines[0].page:
            break
        if len(line.text.strip()) >= 45 and not line.paragraph:
            return index
    return 0


def running_text_start(lines: list[Line], size: float) -> int | None:
    """Where page 1's running text starts: the first of two lines of one paragraph, each
    long, in the body's type (a PDF's lines; a DOCX paragraph is not split into lines)."""
    for i in range(min(len(lines) - 1, 60)):
        line, after = lines[i], lines[i + 1]
        if line.page != lines[0].page:
            return None
        if (
            not line.paragraph
            and after.page == line.page
            and min(len(line.text), len(after.text)) >= 45
            and not line.bold
            and abs(line.size - size) < 0.3
            and abs(after.x0 - line.x0) < 3
            and 0 <= after.top - line.bottom < line.size
        ):
            return i
    return None


def _subject_start(lines: list[Line], size: float) -> tuple[int | None, str]:
    """Where the subject line is on page 1, and how it was found: a Word title style; a
    bold or large line that reads like a subject ("Høringssvar vedr. …"); the largest text
    that is not the sender's name in the logo; a plain line that reads like a subject."""
    first_page = [
        i for i, line in enumerate(lines[:40]) if line.page == lines[0].page and not line.table
    ]
    for i in first_page:
        if lines[i].style.lower() in ("title", "subtitle"):
            return i, "title style"
    for i in first_page:
        line = lines[i]
        if _reads_like_subject(line.text) and (line.bold or line.size >= size * 1.1):
            return i, "bold"
    largest = _largest(lines, [i for i in first_page if not _logo(lines[i], i)])
    for i in first_page:
        line = lines[i]
        if line.size >= size * 1.15 and line.size >= largest - 0.1 and not _logo(line, i):
            return i, "largest"
    for i in first_page[:25]:
        if _reads_like_subject(lines[i].text):
            return i, "first"
    return None, ""


def _reads_like_subject(text: str) -> bool:
    text = text.strip()
    return bool(SUBJECT_START.match(text)) and len(text) < 160 and not text.endswith(":")


def _logo(line: Line, index: int) -> bool:
    """The sender's name set large at the very top (a logo in letters), not a subject."""
    text = line.text.strip()
    return (
        index <= 1
        and len(text.split()) <= 4
        and (text.isupper() or line.bottom < line.page_height * 0.12)
    )


def _largest(lines: list[Line], indices: list[int]) -> float:
    return max((lines[i].size for i in indices if not lines[i].table), default=0.0)


def split_closing(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The greeting and signature at the end ("På vegne af …", "Med venlig hilsen")."""
    for i in range(max(0, len(lines) - 12), len(lines)):
        if CLOSING.match(lines[i].text.strip()):
            return lines[:i], lines[i:]
    return lines, []


BARE_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[a-z][.)])$")


def attach_markers(lines: list[Line]) -> list[Line]:
    """Put list markers that the PDF keeps apart ("•" beside the item text) in front of
    their item, where the item text is in reading order."""
    markers = [
        line for line in lines if BARE_MARKER.match(line.text.strip()) or only_bullets(line.text)
    ]
    if not markers:
        return lines
    used: set[int] = set()
    for marker in markers:
        for line in lines:
            if (
                line is not marker
                and id(line) not in used
                and line.page == marker.page
                and _same_row(line, marker)
                and 0 <= line.x0 - marker.x1 < 30
            ):
                mark = "•" if only_bullets(marker.text) else marker.text.strip()
                line.text = f"{mark} {line.text}"
                line.x0 = marker.x0
                used.add(id(line))
                marker.text = ""
                break
        if only_bullets(marker.text):
            marker.text = ""  # a glyph with no item beside it says nothing
    return [line for line in lines if line.text]


def _same_row(line: Line, marker: Line) -> bool:
    """Whether a list marker stands on the line's row: their middles level, whatever the
    marker's size (a larger "›" beside 11-point text)."""
    middle = (line.top + line.bottom) / 2 - (marker.top + marker.bottom) / 2
    return abs(line.top - marker.top) < 2 or abs(middle) < min(line.size, marker.size) * 0.4


def merge_split_lines(lines: list[Line]) -> list[Line]:
    """One visual line that the PDF reader split at a wide gap (justified text) becomes one
    line again; lines side by side in two or more rows stay apart (a table)."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        end = _table_end(lines, index)
        if end > index:
            result.extend(lines[index:end])
            index = end
            continue
        line = lines[index]
        if (
            result
            and _beside(result[-1], line)
            and line.x0 > result[-1].x1
            and line.x0 - result[-1].x1 < line.size * 3
            and not result[-1].table
        ):
            last = result[-1]
            marker = only_bullets(last.text) or BARE_MARKER.match(last.text.strip())
            text = normalise_bullet(f"{last.text} {line.text}")  # "‣" + its item
            result[-1] = Line(
                **{
                    **last.__dict__,
                    "text": text,
                    "x1": line.x1,
                    "bold_label": line.bold_label if marker else last.bold_label,
                }
            )
        else:
            result.append(line)
        index += 1
    return result


def join_text(before: str, after: str) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation but keeping the
    hyphen of Danish shortened compounds ("social- og sundhedsområdet")."""
    before = before.rstrip()
    after = after.lstrip()
    if not before:
        return after
    if before.endswith(("-", "\u00ad")) and len(before) > 1 and before[-2].isalpha():
        word = after.split(" ", 1)[0].strip(",.;:").lower()
        if _address_like(before.rsplit(" ", 1)[-1], word):
            return before[:-1] + "-" + after  # a URL or file name keeps its hyphen
        before = before[:-1] + "-"  # some PDFs map the hyphen glyph to a soft hyphen
        if word in KEEP_HYPHEN_BEFORE:
            return before + " " + after
        if after[:1].islower():
            return before[:-1] + after
        return before + after  # "PLO-" + "Hovedstaden": a real hyphen
    return before + " " + after


ADDRESS = re.compile(
    r"(?:[/@\\]|www\.|https?:|\.(?:pdf|docx?|xlsx?|html?|dk|com|eu|org)\b)", re.IGNORECASE
)


def _address_like(before_word: str, after_word: str) -> bool:
    """Whether the hyphenated word is part of a web address, an e-mail address or a file
    name, where a line-end hyphen is a real character."""
    return bool(ADDRESS.search(before_word) or ADDRESS.search(after_word))


def starts_item(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBERED.match(text))


def join_lines(lines: list[Line]) -> list[Para]:
    """PDF lines → paragraphs, across line and page breaks; side-by-side cells → tables."""
    right = _right_edge(lines)
    result: list[Para] = []
    current: Para | None = None
    previous: Line | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        end = _table_end(lines, index)
        if end > index:
            result.append(
                Para("", Line("", page=line.page, table=_rows(lines[index:end]), paragraph=True))
            )
            current = previous = None
            index = end
            continue
        index += 1
        if (
            current is not None
            and previous is not None
            and _continues(previous, line, current, right)
        ):
            current.text = join_text(current.text, line.text)
            current.lines += 1
        else:
            current = Para(line.text, line)
            result.append(current)
        previous = line
    return result


LETTER_ITEM = re.compile(r"^[a-z][.)]\s")


def _opens_item(previous: Line, line: Line, current: Para) -> bool:
    """Whether ``line`` opens a list item. A letter and a full stop after a line that ends
    mid-sentence ("… parter kan slå op" / "i. Det gælder …") go on with the sentence."""
    if not starts_item(line.text):
        return False
    return (
        not LETTER_ITEM.match(line.text)
        or previous.text.rstrip().endswith(SENTENCE_END)
        or bool(LETTER_ITEM.match(current.text))
    )


def _right_edge(lines: list[Line]) -> float:
    edges = Counter(round(line.x1 / 5) * 5 for line in lines if len(line.text) > 40)
    return edges.most_common(1)[0][0] if edges else 500.0


def _continues(previous: Line, line: Line, current: Para, right: float) -> bool:
    if _opens_item(previous, line, current) or previous.text.rstrip().endswith(":"):
        return False
    if abs(line.size - previous.size) > 0.3 or line.bold != previous.bold:
        return False
    if line.bold and line.page == previous.page and not wraps(previous, line, right):
        return False  # two bold lines: two headings, unless the first runs on
    if line.page != previous.page:
        return not previous.text.rstrip().endswith(SENTENCE_END)
    gap = line.top - previous.bottom
    if gap < -previous.size * 0.5:
        return False
    if gap > previous.size * 0.45 and not _mid_sentence(previous, line, gap):
        return False
    in_item = starts_item(current.text)
    if in_item and line.x0 <= current.first.x0 + 1:
        return False
    if not in_item and abs(line.x0 - previous.x0) > 3 and line.x0 > previous.x0:
        return False  # an indented first line or a table cell
    short = previous.x1 < right - previous.size * 4
    return not (short and previous.text.rstrip().endswith(SENTENCE_END))


# Words a heading's line does not end on unless the heading goes on in the next line.
RUNS_ON = frozenset(
    "af at de den det efter eller en et for fra i med mod og om over på samt som til ud under "
    "ved vedr and of the to for in on with".split()
)


def wraps(previous: Line, line: Line, right: float) -> bool:
    """Whether ``line`` goes on with the text of ``previous`` (one heading set on two lines)
    rather than starting anew (two headings one under the other): the first word of
    ``line`` would not have fitted at the end of ``previous``, or ``previous`` breaks off
    mid-phrase ("… FOR AT", "pleje-"), or ``line`` goes on in lower case."""
    before, after = previous.text.rstrip(), line.text.strip()
    if not before or not after:
        return False
    if after[:1].islower() or before.endswith(("-", ",")):
        return True
    if before.split()[-1].lower() in RUNS_ON:
        return True
    per_char = (previous.x1 - previous.x0) / max(len(before), 1)
    needed = per_char * (len(after.split()[0]) + 1)
    return previous.x1 + needed > right - previous.size * 0.5


def _mid_sentence(previous: Line, line: Line, gap: float) -> bool:
    """A sentence running on at the same indent across wider line spacing (a quotation set
    with more leading): the line before ends mid-sentence and this one goes on in lower case."""
    return (
        gap < previous.size * 1.3
        and abs(line.x0 - previous.x0) < 3
        and not previous.text.rstrip().endswith(SENTENCE_END)
        and line.text[:1].islower()
    )


def _beside(a: Line, b: Line) -> bool:
    return a.page == b.page and abs(a.top - b.top) < 1.5 and (b.x0 > a.x1 or a.x0 > b.x1)


def _table_end(lines: list[Line], start: int) -> int:
    """Where a table starting at ``start`` ends (``start`` when there is none): lines that
    share a row with another line (in row or in column order), and wrapped cell lines
    under a column."""
    first = lines[start]
    nearby = lines[start + 1 : start + 40]
    if not any(_beside(first, other) for other in nearby):
        return start
    columns = {round(first.x0)}
    rows = set()
    bottom = first.bottom
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.page != first.page or line.top > bottom + line.size * 1.6:
            break
        partners = [o for o in lines[start : end + 40] if o is not line and _beside(line, o)]
        if partners:
            columns.add(round(line.x0))
            rows.add(round(line.top))
        elif not any(abs(line.x0 - x) < 3 for x in columns):
            break
        bottom = max(bottom, line.bottom)
        end += 1
    rows.add(round(first.top))
    groups = {round(line.top) for line in lines[start:end]}
    # a table has two or more rows of cells, and mostly rows of cells (not one line of
    # justified text split at a wide gap, followed by a paragraph), in columns
    if len(rows) >= 2 and len(rows) * 2 >= len(groups) and _in_columns(lines[start:end]):
        return end
    return start


def _in_columns(lines: list[Line]) -> bool:
    """Whether side-by-side pieces start at a few shared left edges (a table's columns),
    not at a different place in every row (justified lines split at wide word gaps)."""
    per_row: Counter[int] = Counter(round(line.top) for line in lines)
    edges: list[float] = []
    for line in sorted(lines, key=lambda line: line.x0):
        if not edges or line.x0 - edges[-1] > 3:
            edges.append(line.x0)
    return len(edges) <= max(per_row.values()) * 1.5 + 1


def _rows(lines: list[Line]) -> list[list[str]]:
    ordered = sorted(lines, key=lambda line: (round(line.top), line.x0))
    groups: list[list[Line]] = []
    for line in ordered:
        if groups and abs(groups[-1][0].top - line.top) < 1.5:
            groups[-1].append(line)
        else:
            groups.append([line])
    columns = sorted(
        {round(line.x0) for group in groups if len(group) > 1 for line in group}
        or {round(line.x0) for line in lines}
    )
    rows: list[list[str]] = []
    for group in groups:
        cells: dict[int, str] = {}
        for line in group:  # two lines nearest one column share its cell: no text is lost
            column = min(range(len(columns)), key=lambda c: abs(columns[c] - line.x0))
            cells[column] = join_text(cells.get(column, ""), line.text)
        if len(group) > 1 or not rows:
            rows.append([cells.get(c, "") for c in range(len(columns))])
        else:
            column, text = next(iter(cells.items()))
            rows[-1][column] = join_text(rows[-1][column], text)
    return rows
