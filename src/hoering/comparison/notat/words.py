"""The notat's small pieces: stance and status in words, and node shorthands."""

from __future__ import annotations

from ...i18n import label
from ...model import nodes as n
from ...model.stances import NO_STANCE

# Symbols that cannot start a spreadsheet formula (matrix.csv): never "+", "-", "=", "@".
SYMBOLS = {"positive": "✓", "concern": "!", "proposal": "→", NO_STANCE: "·"}


def stance_text(stance: str, lang: str) -> str:
    """Stance as symbol and word, never by colour alone: "! bekymring"."""
    return f"{SYMBOLS[stance]} {label(stance, lang)}"


def status_text(status: str, lang: str) -> str:
    """An answer's status in words: "delvist" → "Delvis imødekommet" (a label, keyed by
    the status as remarks.md writes it)."""
    return label(status, lang)


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
