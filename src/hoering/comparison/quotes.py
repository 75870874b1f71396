"""Short quotes: the first sentences of a remark, cut at a word, never mid-word."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"“»])")
QUOTE_LENGTH = 280


def short_quote(text: str, limit: int = QUOTE_LENGTH) -> str:
    """The first sentence(s) of ``text`` up to ``limit`` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    quote = ""
    for sentence in SENTENCE_END.split(text):
        candidate = f"{quote} {sentence}".strip()
        if len(candidate) > limit:
            break
        quote = candidate
    if quote:
        return quote + " …"
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]
