"""Danish first: labels and dates in the document's language (da, or en).

The labels ("Dato", "Sagsnr.", "Side", …) are in the message catalogs
(``locale/<lang>/LC_MESSAGES/hoering.po``, msgctxt "label"), read by :mod:`hoering.messages`.
"""

from __future__ import annotations

import datetime as dt

from .messages import LANGUAGES, NUMBER_LOCALES, label

__all__ = ["LANGUAGES", "format_date", "format_day", "label", "page_label"]


def format_date(value: dt.date, lang: str) -> str:
    """A date as people write it: "19. juni 2019" (da) or "19 June 2019" (en)."""
    from babel.dates import format_date as babel_format_date

    locale = "da_DK" if lang == "da" else "en_GB"
    return babel_format_date(value, format="long", locale=locale)


def page_label(lang: str) -> tuple[str, str]:
    """The words around page numbers: ("Side", "af") → "Side 1 af 2"."""
    return label("page", lang), label("of", lang)


def format_day(value: dt.date, lang: str) -> str:
    """A date with its weekday: "torsdag den 12. september 2019" / "Thursday 12 September 2019"."""
    from babel.dates import format_date as babel_format_date

    if lang == "da":
        return babel_format_date(value, format="EEEE 'den' d. MMMM y", locale="da_DK")
    return babel_format_date(value, format="EEEE d MMMM y", locale="en_GB")


def format_number(value: int, lang: str) -> str:
    """A whole number as the document's language writes it: "1.234" (da), "1,234" (en)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=NUMBER_LOCALES.get(lang, "da_DK"))
