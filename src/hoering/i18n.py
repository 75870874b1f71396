"""Danish first: labels, dates and numbers in the document's language (da, en, or another
of :mod:`hoering.languages`).

The labels ("Dato", "Sagsnr.", "Side", …) are in the message catalogs
(``locale/<lang>/LC_MESSAGES/hoering.po``, msgctxt "label"), read by :mod:`hoering.messages`;
the formats of dates and numbers are the language's own (its Babel locale and patterns).
"""

from __future__ import annotations

import datetime as dt

from .languages import language_of
from .messages import label

__all__ = ["format_date", "format_day", "format_number", "label", "page_label"]


def format_date(value: dt.date, lang: str) -> str:
    """A date as people write it: "19. juni 2019" (da) or "19 June 2019" (en)."""
    from babel.dates import format_date as babel_format_date

    language = language_of(lang)
    return babel_format_date(value, format=language.date_format, locale=language.locale)


def page_label(lang: str) -> tuple[str, str]:
    """The words around page numbers: ("Side", "af") → "Side 1 af 2"."""
    return label("page", lang), label("of", lang)


def format_day(value: dt.date, lang: str) -> str:
    """A date with its weekday: "torsdag den 12. september 2019" / "Thursday 12 September 2019"."""
    from babel.dates import format_date as babel_format_date

    language = language_of(lang)
    return babel_format_date(value, format=language.day_format, locale=language.locale)


def format_number(value: int, lang: str) -> str:
    """A whole number as the document's language writes it: "1.234" (da), "1,234" (en)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=language_of(lang).locale)
