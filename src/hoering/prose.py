"""Numbers and names inside a document's sentences, as Danish (and English) prose writes
them: the numbers up to twelve in words and larger ones in figures with the language's
thousands separator ("tre", "tolv", "13", "1.515"); lists joined with "og" ("a, b og c");
a title quoted mid-sentence (»Udkast til forslag …«) so its capital does not read as a
sentence's start."""

from __future__ import annotations

from collections.abc import Sequence

from .languages import language_of
from .messages import ntr_in, tr_in


def number_words(count: int, lang: str, neuter: bool = False) -> str:
    """``count`` as prose writes it: "tre"; 13 → "13"; 1515 → "1.515". ``neuter``: Danish
    "et" (et svar) instead of "en" (en bemærkning)."""
    language = language_of(lang)
    words = language.number_words
    if count == 1 and neuter:
        return language.neuter_one
    if 0 <= count < len(words):
        return words[count]
    return figures(count, lang)


def figures(count: int, lang: str) -> str:
    """A count in figures with the language's thousands separator: "1.515", "1,515"."""
    from .i18n import format_number

    return format_number(count, lang)


def capitalised(value: str) -> str:
    """The first letter upper-cased, for a sentence that starts with a number word."""
    return value[:1].upper() + value[1:]


def joined(parts: Sequence[str], lang: str) -> str:
    """ "a, b og c" (Danish and British English put no comma before the last)."""
    if len(parts) < 2:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {tr_in(lang, 'and')} {parts[-1]}"


def quoted(title: str, lang: str) -> str:
    """A title as it stands inside a sentence: »Udkast til forslag …«."""
    start, end = language_of(lang).quotes
    return f"{start}{title}{end}"


def stance_counts(counts: Sequence[tuple[str, int]], lang: str) -> str:
    """ "fire positive, en bekymring og 13 forslag": each stance with its count, in words
    where prose writes them, the stances with none left out."""
    return joined([_stance_count(s, c, lang) for s, c in counts if c], lang)


def _stance_count(stance: str, count: int, lang: str) -> str:
    words = number_words(count, lang, neuter=stance == "proposal")
    forms = {
        "positive": ntr_in(lang, "one positive", "{count} positive", count, count=words),
        "concern": ntr_in(lang, "one concern", "{count} concerns", count, count=words),
        "proposal": ntr_in(lang, "one proposal", "{count} proposals", count, count=words),
    }
    if stance in forms:
        return forms[stance]
    return ntr_in(
        lang, "one without a clear stance", "{count} without a clear stance", count, count=words
    )
