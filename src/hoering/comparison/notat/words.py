"""The notat's small pieces: stance and status in words, and node shorthands."""

from __future__ import annotations

from ...i18n import label
from ...model import nodes as n
from ..model import NO_STANCE

# Symbols that cannot start a spreadsheet formula (matrix.csv): never "+", "-", "=", "@".
SYMBOLS = {"positive": "✓", "concern": "!", "proposal": "→", NO_STANCE: "·"}


def stance_text(stance: str, lang: str) -> str:
    """Stance as symbol and word, never by colour alone: "! bekymring"."""
    return f"{SYMBOLS[stance]} {label(stance, lang)}"


def status_text(status: str, lang: str) -> str:
    """An answer's status in words: "delvist" → "Delvis imødekommet" (a label, keyed by
    the status as remarks.md writes it)."""
    return label(status, lang)


# Danish and English prose write the numbers up to twelve in words, larger ones in figures.
NUMBER_WORDS = {
    "da": (
        "ingen",
        "en",
        "to",
        "tre",
        "fire",
        "fem",
        "seks",
        "syv",
        "otte",
        "ni",
        "ti",
        "elleve",
        "tolv",
    ),
    "en": (
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
    ),
}
NEUTER_ONE = {"da": "et", "en": "one"}


def number_words(count: int, lang: str, neuter: bool = False) -> str:
    """``count`` as prose writes it: "tre", "12" → "tolv", 13 → "13", 1.515 with the
    language's thousands separator; ``neuter``: Danish "et" (et svar) instead of "en"."""
    words = NUMBER_WORDS.get(lang, NUMBER_WORDS["da"])
    if count == 1 and neuter:
        return NEUTER_ONE.get(lang, "et")
    if 0 <= count < len(words):
        return words[count]
    return figures(count, lang)


def figures(count: int, lang: str) -> str:
    """A count in figures with the language's thousands separator: "1.515", "1,515"."""
    return f"{count:,}".replace(",", "." if lang != "en" else ",")


def capitalised(value: str) -> str:
    """The first letter upper-cased, for a sentence that starts with a number word."""
    return value[:1].upper() + value[1:]


def text(value: str) -> n.Paragraph:
    return n.Paragraph((n.Text(value),))


def cell(value: str) -> n.TableCell:
    return n.TableCell((n.Text(value),))


def heading(level: int, value: str, number: str | None = None) -> n.Heading:
    return n.Heading(level, (n.Text(value),), number=number)


def unbroken(value: str) -> str:
    return value.replace(" ", "\u00a0")


NAMED_SHARERS = 3


def shared_note(others: tuple[str, ...], lang: str) -> str:
    """ "samme ordlyd som A, B" — or, when many share the words, how many and the first few."""
    if len(others) <= NAMED_SHARERS:
        return f"{label('shared_note', lang)} {', '.join(others)}"
    return label("shared_many", lang).format(n=len(others), names=", ".join(others[:NAMED_SHARERS]))


def danish_order(name: str) -> tuple[str, ...]:
    """Sort key for names in Danish alphabetical order (æ, ø, å after z)."""
    folded = name.casefold().replace("aa", "å")
    return tuple(("z" + {"æ": "1", "ø": "2", "å": "3"}[c]) if c in "æøå" else c for c in folded)
