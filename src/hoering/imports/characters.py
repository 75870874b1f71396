"""Characters as PDFs and Word files give them → characters as people type them.

Ligatures (ﬁ ﬂ ﬀ …) become their letters, so "cost-beneﬁt" matches the keyword "benefit";
odd spaces become spaces and zero-width characters go; the many bullet glyphs of the wild
(⁃ ‣ ◦ ▪ and Symbol-font private-use bullets) become one form the list reader knows.
Only these compatibility characters are normalised (NFKC on all text would also turn "½"
into "1⁄2" and superscript digits into digits).
"""

from __future__ import annotations

import re
import unicodedata

LIGATURES = "".join(chr(code) for code in range(0xFB00, 0xFB07))
SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
HYPHENS = "\u2010\u2011"
# every glyph seen as a list bullet; each becomes "•"
BULLETS = "•·▪◦‣∙●○■□⁃➢►▶✓✔❖◆◇➤→›\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\u2219"
_TABLE = str.maketrans(
    {
        **{char: unicodedata.normalize("NFKC", char) for char in LIGATURES},
        **dict.fromkeys(SPACES, " "),
        **dict.fromkeys(INVISIBLE, None),
        **dict.fromkeys(HYPHENS, "-"),
    }
)
BULLET_START = re.compile(rf"^\s*[{re.escape(BULLETS)}]+\s*")


def normalise_characters(text: str) -> str:
    """``text`` with ligatures spelled out, odd spaces as spaces, invisible characters gone."""
    return text.translate(_TABLE)


def normalise_bullet(text: str) -> str:
    """A line opened by any bullet glyph opens with "• " instead."""
    match = BULLET_START.match(text)
    if not match or match.end() == len(text.rstrip()):
        return text
    return "• " + text[match.end() :]


def only_bullets(text: str) -> bool:
    """A line of bullet glyphs and nothing else ("⁃ ⁃ ⁃ ⁃"): list markers read apart from
    their items."""
    stripped = text.replace(" ", "")
    return bool(stripped) and all(char in BULLETS or char in "-–*" for char in stripped)
