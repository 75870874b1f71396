"""Dates as Danish letters and minutes write them: "19. juni 2019", "19/6-2019",
"d. 19.6.2019", "2019-06-19"; and periods such as "september 2019" or "uge 38".

Babel gives the month names (its own ``parse_date`` does not read Danish long dates).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .languages import languages
from .messages import tr


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """The month names of every language we have (Danish, English), wide and abbreviated,
    lower case → 1-12 ("sept" → 9; letters from abroad and English minutes write "14 June
    2019")."""
    from babel.dates import get_month_names

    months: dict[str, int] = {}
    for language in reversed(languages()):  # Danish last: its names win where two share one
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=language.locale).items():
                months[name.lower().rstrip(".")] = number
    return months


@lru_cache(maxsize=1)
def _month_names() -> str:
    """The month names as regex alternatives, longest first ("september" before "sep")."""
    return "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _date_patterns() -> list[re.Pattern[str]]:
    names = _month_names()
    return [
        re.compile(
            rf"\b(?:d(?:en)?\.\s*)?(?P<d>\d{{1,2}})\.?\s*(?P<m>{names})\.?\s+"
            rf"(?P<y>\d{{4}})\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:d(?:en)?\.\s*)?(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-]"
            r"(?P<y>\d{4}|\d{2})\b"
        ),
        re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        re.compile(
            rf"\b(?P<m>{names})\.?\s+(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})\b", re.IGNORECASE
        ),  # "June 14, 2019"
    ]


def find_dates(text: str) -> list[tuple[dt.date, str]]:
    """Every date written in ``text``, in order, with the words it was written as."""
    found = []
    for pattern in _date_patterns():
        for match in pattern.finditer(text):
            month = match.group("m")
            month_number = int(month) if month.isdigit() else month_numbers()[month.lower()]
            year = int(match.group("y"))
            year += 2000 if year < 100 else 0
            try:
                found.append(
                    (
                        match.start(),
                        dt.date(year, month_number, int(match.group("d"))),
                        match.group(0),
                    )
                )
            except ValueError:
                continue
    return [(date, words) for _, date, words in sorted(found, key=lambda f: f[0])]


def parse_date(text: str) -> dt.date | None:
    """``text`` as one date, when it is nothing but a date (leading "d."/"den" allowed)."""
    text = text.strip().rstrip(".")
    dates = find_dates(text)
    if len(dates) == 1 and dates[0][1].strip().rstrip(".") == text:
        return dates[0][0]
    return None


@lru_cache(maxsize=1)
def _period_pattern() -> re.Pattern[str]:
    names = _month_names()
    return re.compile(
        rf"(?:\b(?:primo|medio|ultimo|i|inden|senest|slut|udgangen af)\s+)?"
        rf"\b(?P<m>{names})\.?\s+(?P<y>\d{{4}})\b",
        re.IGNORECASE,
    )


PERIOD_WORDS = re.compile(
    r"\b(uge\s+\d{1,2}|\d{4}|(næste|kommende)\s+møde|next\s+meeting|kvartal|quarter|"
    r"forår(et)?|sommer(en)?|efterår(et)?|vinter(en)?|årsskiftet|halvår(et)?)\b",
    re.IGNORECASE,
)


def is_period(text: str) -> bool:
    """Whether ``text`` names a period people plan by: a month, a year, a week, a quarter,
    a season or "næste møde" — a deadline that is not an exact date but is still one."""
    return bool(_period_pattern().search(text) or PERIOD_WORDS.search(text))


def end_of_period(text: str, after: dt.date | None = None) -> dt.date | None:
    """The last day of a month named with its year ("september 2019" → 30 Sep 2019), or of
    an ISO week ("uge 38" → its Sunday; without a year, the first such week ending on or
    after ``after``, the date of the document that names it)."""
    match = _period_pattern().search(text)
    if match:
        year, month = int(match.group("y")), month_numbers()[match.group("m").lower()]
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return end_of_week(text, after)


WEEK = re.compile(
    r"\b(?:uge|week)\s+(?P<week>\d{1,2})\b"
    r"(?:,?\s+(?:i\s+|in\s+)?(?P<year>\d{4})\b)?",
    re.IGNORECASE,
)


def end_of_week(text: str, after: dt.date | None = None) -> dt.date | None:
    """The Sunday of the ISO week ``text`` names ("uge 20", "uge 20 2027"); None when it
    names none or the week does not exist in that year (``week_number_problem`` says why)."""
    match = WEEK.search(text)
    if not match:
        return None
    written = match.group("year")
    if written is not None:
        year = int(written)
    elif after is not None:
        year = after.year
    else:
        return None
    week = int(match.group("week"))
    try:
        end = dt.date.fromisocalendar(year, week, 7)
        if written is None and after is not None and end < after:
            end = dt.date.fromisocalendar(year + 1, week, 7)
    except ValueError:
        return None
    return end


def week_number_problem(text: str) -> str | None:
    """What is wrong with the week ``text`` names ("uge 60"), if anything."""
    match = WEEK.search(text)
    if match and not 1 <= int(match.group("week")) <= 53:
        return tr(
            "there is no week {week}: weeks are numbered 1 to 53", week=int(match.group("week"))
        )
    return None


def looks_like_date(text: str) -> bool:
    """Whether ``text`` is written as a day-month-year date (valid or not: "31. juni 2019")."""
    return bool(_date_like_pattern().search(text))


@lru_cache(maxsize=1)
def _date_like_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b\d{{1,2}}\.?\s*(?:{_month_names()})\.?\s+\d{{4}}\b|"
        r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b",
        re.IGNORECASE,
    )


PLAUSIBLE_YEARS = 3  # a date further than this from its document's date is probably a typo


def implausible_year(value: dt.date, reference: dt.date) -> int | None:
    """The year probably meant when ``value`` is more than a few years from ``reference``
    (2062 in a document of 2026 → 2026: two digits swapped), else None."""
    if abs(value.year - reference.year) <= PLAUSIBLE_YEARS:
        return None
    text = str(value.year)
    swaps = {int(text[:i] + text[i + 1] + text[i] + text[i + 2 :]) for i in range(len(text) - 1)}
    close = sorted(
        (abs(year - reference.year), year)
        for year in swaps
        if abs(year - reference.year) <= PLAUSIBLE_YEARS
    )
    return close[0][1] if close else reference.year
