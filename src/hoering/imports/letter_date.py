"""The letter's own date: on its date line ("Dato: …", "København, 3. marts 2025", a date
alone on a line, an info table's cell, the top right of page 1), in the letterhead, a header
or the closing; never a date inside a sentence or after another label ("Høringsfrist: …")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..dates import find_dates
from .calibration import abstains, confidence
from .cleanup import Cleaned
from .found import Found
from .lines import Line
from .sender import PLACE_DATE as TOWN_DATE
from .sender import field_rows, where_in

DATE_LABEL = re.compile(r"^(?:dato|date)\b\s*:?\s*", re.IGNORECASE)
# words just before a date that make it another date than the letter's own
OTHER_DATE = re.compile(
    r"(?:frist|fristen|senest|inden|før|mødet?|møder|mødedato|afholdt|"
    r"afholdes|fra|til|af|siden|indtil|pr\.|gældende|ikrafttræden|"
    r"deadline|by|until|from|meeting|modtaget|received|offentliggjort|udskrevet|printed)"
    r"\s*:?\s+"
    r"(?:d(?:en)?\.?\s*)?$",
    re.IGNORECASE,
)
# a field label other than the date's just before it ("Høringsfrist: …", "Modtaget: …")
OTHER_LABEL = re.compile(r"\b\w+\s*:\s*(?:d(?:en)?\.?\s*)?$")


def letter_date(cleaned: Cleaned) -> Found[dt.date] | None:
    """The letter's own date: in the letterhead or the date line ("Dato: …", "København,
    3. marts 2025", a date alone on a line, an info table cell, the top right of page 1),
    not a date inside a sentence ("svarfrist den 19. marts 2025")."""
    best: tuple[float, int, Found[dt.date]] | None = None
    for order, (line, text, labelled) in enumerate(_date_lines(cleaned)):
        for date, words in find_dates(text)[:1]:
            score = _date_score(line, text, words, labelled, cleaned)
            if not abstains("date", score) and (best is None or score > best[0]):
                where = f'{where_in(line, cleaned)}: "{words}"'
                best = (score, order, Found(date, confidence("date", score), where, score))
    return best[2] if best else None


SEGMENTS = re.compile(r"\s{2,}|\s[·|•]\s")  # table cells, "Hvidovre Kommune · 12. juni 2019"


def _date_lines(cleaned: Cleaned) -> Iterator[tuple[Line, str, bool]]:
    """(line, text, labelled) of every piece of a line that may hold a date: table cells and
    the parts of a running header ("Kommune · 12. juni 2019") apart; ``labelled`` when the
    piece or the piece before it is a date label ("Dato:")."""
    recipient = {id(r) for r in cleaned.recipient}
    before = ""
    for line, text in field_rows(cleaned):
        if id(line) in recipient:
            continue
        for row in line.table if line.table else [[text]]:
            for text in (part.strip() for cell in row for part in SEGMENTS.split(cell)):
                if text:
                    labelled = bool(DATE_LABEL.match(text) or DATE_LABEL.fullmatch(before))
                    yield line, text, labelled
                    before = text


def _date_score(line: Line, text: str, words: str, labelled: bool, cleaned: Cleaned) -> float:
    """How surely the date ``words`` in ``text`` is the letter's own date (0: it is not).
    A date is the letter's only on a date line ("Dato: …", "København, 3. marts 2025",
    the date alone on its line) in the letterhead, a header, beside the text, at the top of
    page 1 or in the closing; never inside a sentence, never after another label
    ("Høringsfrist: …")."""
    before = text[: text.find(words)]
    if not labelled and (OTHER_DATE.search(before) or OTHER_LABEL.search(before)):
        return 0.0
    if line.region == "margin":  # beside or on the page number's line ("… Side 1 af 4"):
        return 0.9  # a header's or footer's date line, as one in the letterhead
    if line.region == "footer":  # a print date or an archive stamp, not the letter's
        return 0.0
    if labelled or TOWN_DATE.match(text):
        return 0.95
    if len(text.split()) > len(words.split()) + 2:  # more than "Dato 3/3-2025": a sentence
        return 0.8 if _ends_letterhead(line, text, words, cleaned) else 0.0
    if line.region in ("aside", "header") or _top_right(line):
        return 0.9
    if line in cleaned.letterhead or line in cleaned.closing:
        return 0.85
    return 0.8 if _near_top(line, cleaned) else 0.0


def _ends_letterhead(line: Line, text: str, words: str, cleaned: Cleaned) -> bool:
    """A date that ends a letterhead's line (a text box's lines read as one: "Herlev
    Kommune … Tlf. 44 52 70 00 17. juni 2019"), not a sentence in it."""
    top = line in cleaned.letterhead or line.region in ("header", "aside")
    return top and text.endswith(words)


def _top_right(line: Line) -> bool:
    return (
        line.page == 1
        and not line.paragraph
        and line.x0 > line.page_width * 0.5
        and line.top < line.page_height * 0.35
    )


DATE_LINES_AT_TOP = 12  # a DOCX letter's date line comes within its first paragraphs


def _near_top(line: Line, cleaned: Cleaned) -> bool:
    """Whether ``line`` is at the top of page 1 (the upper half, or a DOCX letter's first
    paragraphs), where a letter's date line stands when its letterhead is not marked."""
    if line.page != 1:
        return False
    if not line.paragraph:
        return line.top < line.page_height * 0.5
    return any(line is other for other in cleaned.all_lines[:DATE_LINES_AT_TOP])
