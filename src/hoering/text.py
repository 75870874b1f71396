"""Text made from free text: file names (:func:`slug`), YAML values (:func:`yaml_text`) and
lines for a terminal (:func:`terminal_line`).

Used wherever hoering writes a source or names a file for one: ``hoering new``, import, the
hints that suggest an organisation's id.
"""

from __future__ import annotations

import json
import re

_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "é": "e", "ü": "u"})


def slug(text: str) -> str:
    """A file name from free text: "Ishøj Kommune" → "ishoj-kommune"."""
    text = text.lower().translate(_ASCII)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "dokument"


def yaml_text(value: str) -> str:
    """``value`` as a YAML double-quoted string (safe for any text)."""
    return json.dumps(value, ensure_ascii=False)


# C0 and C1 controls and DEL; bidirectional controls too: each would let a file name or a
# value change what the terminal shows (move the cursor, clear the line, colour, reorder)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_line(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character written as an escape (ESC as ``\\x1b``, CR as
    ``\\r``, a line feed as ``\\n`` unless ``lines`` keeps them): a file name or value in a
    message can then neither forge a line nor drive the terminal."""

    def escaped(match: re.Match[str]) -> str:
        character = match.group()
        if lines and character == "\n":
            return character
        return _NAMED.get(character) or character.encode("unicode_escape").decode("ascii")

    return _CONTROL.sub(escaped, text)
