"""Text made from free text: file names (:func:`slug`) and YAML values (:func:`yaml_text`).

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
