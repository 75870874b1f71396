"""Paragraphs → blocks: headings, bullet and numbered lists, tables, plain paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import Line
from .paragraphs import BULLET, NUMBERED, Para, starts_item

VEDR = re.compile(r"^(?:vedr\.?|vedrørende|ad\.?)\s*:?\s+(?P<rest>\S.*)$", re.IGNORECASE)
SECTION_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<rest>[A-ZÆØÅ].*)$")
MAX_HEADING_CHARS = 110


@dataclass
class Block:
    """One block of the reconstructed body."""

    kind: str  # "heading", "paragraph", "bullet", "number", "table"
    text: str = ""
    level: int = 0  # heading level (2, 3) or list nesting (0, 1, …)
    number: int = 1  # numbered list items: the item's number
    rows: list[list[str]] = field(default_factory=list)
    found_as: str = ""  # why it is a heading: "bold", "larger font", "Vedr.", …
    attributes: dict[str, str] = field(default_factory=dict)  # topic, stance, guess, matched
    label: str = ""  # the bold words the text opens with ("Netværksmøder:"), if any
    origin: Line | None = None  # the line it came from (DOCX: its runs, numbering, cells)
    dropped: str = ""  # words of the line the block leaves out by design ("Vedr." of a heading)


@dataclass(frozen=True)
class Typography:
    """What headings look like in this document: the body's font size, the sizes of the
    headings set apart by type (largest first), and the labels that repeat ("Svar:")."""

    body_size: float
    heading_sizes: tuple[float, ...] = ()
    has_typographic: bool = False
    repeated: frozenset[str] = frozenset()

    def level(self, para: Para) -> int:
        """2 for the largest heading type, 3 for any smaller one."""
        if not self.heading_sizes or para.size >= self.heading_sizes[0] - 0.3:
            return 2
        return 3


def typography(paragraphs: list[Para], body_size: float) -> Typography:
    looks = [
        para
        for para in paragraphs
        if _short(para.text)
        and not para.first.table
        and not para.list_kind
        and (para.bold or para.size >= body_size * 1.1)
    ]
    sizes = sorted({round(para.size, 1) for para in looks}, reverse=True)
    counts: dict[str, int] = {}
    for para in paragraphs:
        key = " ".join(para.text.lower().split())
        counts[key] = counts.get(key, 0) + 1
    repeated = frozenset(key for key, count in counts.items() if count >= 2 and len(key) < 40)
    return Typography(body_size, tuple(sizes), bool(looks), repeated)


# abbreviations a heading may end on: their full stop ends no sentence
ABBREVIATIONS = frozenset("m.v. mv. m.fl. mfl. m.m. osv. etc. bl.a. jf. nr. m.h.t. mht.".split())


def _short(text: str) -> bool:
    text = text.strip()
    sentence = text.endswith((",", ";")) or (
        text.endswith(".") and text.split()[-1].lower() not in ABBREVIATIONS
    )
    return 0 < len(text) <= MAX_HEADING_CHARS and len(text.split()) <= 14 and not sentence


def structure(paragraphs: list[Para], body_size: float) -> list[Block]:
    blocks: list[Block] = []
    numbered_runs = _numbered_runs(paragraphs)
    item_x: list[float] = []
    look = typography(paragraphs, body_size)
    for index, para in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        block = _block(para, following, look, index in numbered_runs, item_x)
        if block is not None:
            label = para.first.bold_label
            if label and block.kind != "heading" and block.text.startswith(label):
                block.label = label
            block.origin = para.first
            blocks.append(block)
    return blocks


def _numbered_runs(paragraphs: list[Para]) -> set[int]:
    """Indexes of paragraphs that are items of a numbered list (two or more in a row),
    with "1." or "1)", or bare numbers counting up ("1 At …", "2 At …": conditions)."""
    result = _bare_numbered_runs(paragraphs)
    run: list[int] = []
    for index, para in enumerate(paragraphs + [None]):
        if para is not None and NUMBERED.match(para.text) and not para.bold:
            if run and not _continues_list(paragraphs[run[-1]].text, para.text):
                if len(run) >= 2:
                    result.update(run)
                run = []
            run.append(index)
            continue
        if len(run) >= 2:
            result.update(run)
        run = []
    return result


BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(?=\S)")


def _bare_numbered_runs(paragraphs: list[Para]) -> set[int]:
    """Paragraphs in a row that open with bare numbers counting up from 1 ("1 At …",
    "2 At …"): items, not section headings, which have text between them."""
    result: set[int] = set()
    run: list[int] = []
    for index, para in enumerate(paragraphs + [None]):
        match = BARE_NUMBER.match(para.text) if para is not None else None
        if match and int(match.group(1)) == len(run) + 1:
            run.append(index)
            continue
        if len(run) >= 2:
            result.update(run)
        run = [index] if match and match.group(1) == "1" else []
    return result


def starts_numbered(text: str) -> bool:
    return bool(NUMBERED.match(text) or BARE_NUMBER.match(text))


def _continues_list(previous: str, text: str) -> bool:
    """Whether item ``text`` follows item ``previous`` in one list: the next number with
    the same mark ("1)" then "2)"), not "2." after "3)" (a numbered heading after a list)."""
    a, b = NUMBER_MARK.match(previous), NUMBER_MARK.match(text)
    if a is None or b is None:
        return True
    if a.group(2) != b.group(2):
        return False
    if a.group(1).isdigit() and b.group(1).isdigit():
        return int(b.group(1)) == int(a.group(1)) + 1
    return True


NUMBER_MARK = re.compile(r"^(\d{1,2}|[a-z])([.)])")


def _block(
    para: Para, following: Para | None, look: Typography, in_numbered_run: bool, item_x: list[float]
) -> Block | None:
    first = para.first
    if first.table:
        return Block("table", rows=[[c.replace("\n", " ") for c in row] for row in first.table])
    text = para.text.strip()
    if not text:
        return None
    if first.outline_level is not None:
        return _heading(text, min(3, first.outline_level + 2), "Word outline level")
    style = first.style.lower()
    if style.startswith("heading"):
        digits = style.split()[-1]
        level = min(3, int(digits) + 1) if digits.isdigit() else 2
        return _heading(text, level, "Word heading style")
    kind = para.list_kind or first.list_kind
    if kind:
        if kind == "number" and _numbered_title(text, following):
            return _heading(text, 2, "numbered title over a section")
        body = BULLET.sub("", text) if kind == "bullet" else NUMBERED.sub("", text)
        return Block(kind, body, level=first.level)
    bullet = BULLET.match(text)
    if bullet:
        return Block("bullet", text[bullet.end() :], level=_nesting(first.x0, item_x))
    if in_numbered_run:
        leading = re.match(r"\d+", text)
        number = int(leading.group()) if leading else 1
        return Block(
            "number",
            NUMBERED.sub("", text) if NUMBERED.match(text) else BARE_NUMBER.sub("", text, 1),
            number=number,
            level=_nesting(first.x0, item_x),
        )
    item_x.clear()
    heading = _heading_reason(para, following, look)
    if heading:
        return _heading(text, look.level(para) if heading in TYPOGRAPHIC else 2, heading)
    return Block("paragraph", text)


def _numbered_title(text: str, following: Para | None) -> bool:
    """A Word-numbered paragraph that heads a section ("1. Udskrivning fra sengeafsnit"
    followed by its text), not an item of a list: short, no sentence, text after it."""
    return (
        following is not None
        and not (following.list_kind or following.first.list_kind)
        and not starts_item(following.text)
        and _short(text)
        and len(NUMBERED.sub("", text).split()) <= 8
        and not text.endswith(":")
        and text[:1].isdigit()
    )


def _nesting(x0: float, item_x: list[float]) -> int:
    if not item_x:
        item_x.append(x0)
    for level, x in enumerate(item_x):
        if abs(x - x0) < 4:
            return level
    if x0 > item_x[-1]:
        item_x.append(x0)
        return len(item_x) - 1
    return 0


TYPOGRAPHIC = ("bold", "larger font")


def _heading_reason(para: Para, following: Para | None, look: Typography) -> str:
    """Why ``para`` is a heading ("" when it is not): its type first, its wording second.
    Where the document sets its headings apart by type, wording alone makes none; a label
    that repeats ("Svar:") is never a heading."""
    text = para.text.strip()
    words = text.split()
    if not _short(text) or following is None or not _wordy(words):
        return ""  # a last short line is a closing remark, not a heading over nothing
    if " ".join(text.lower().split()) in look.repeated and text.endswith(":"):
        return ""
    if para.bold:
        return "bold"
    if para.size >= look.body_size * 1.1:
        return "larger font"
    if text.isupper() and sum(char.isalpha() for char in text) >= 4 and len(words) <= 10:
        return "capitals"
    next_is_list = bool(
        BULLET.match(following.text) or starts_numbered(following.text) or following.list_kind
    )
    if VEDR.match(text) and (text.endswith(":") or len(words) <= 8):
        return "Vedr."
    if SECTION_NUMBER.match(text) and len(words) <= 10 and not next_is_list:
        return "section number"
    if (
        text.endswith(":")
        and len(words) <= 7
        and text[0].isupper()
        and not next_is_list
        and not look.has_typographic
        and not _introduces(para, following)
    ):
        return "short line ending in a colon"
    return ""


def _wordy(words: list[str]) -> bool:
    """Whether a line has words a heading is made of: not a bullet glyph alone ("›"), not a
    row of times or figures from a table ("07.00 12.00 15.30")."""
    lettered = sum(sum(char.isalpha() for char in word) >= 2 for word in words)
    return lettered > 0 and lettered * 2 > len(words) - lettered


SENTENCE_OPENERS = frozenset(
    "vi jeg det der den de man her hermed nedenfor følgende kommunen regionen we i it this "
    "there".split()
)


def _introduces(para: Para, following: Para) -> bool:
    """A sentence that introduces what follows ("Vi vil gerne citere aftalens formål:"
    before an indented quotation) rather than a heading over it."""
    first_word = para.text.split()[0].lower()
    return first_word in SENTENCE_OPENERS or following.first.x0 > para.first.x0 + 10


def _heading(text: str, level: int, reason: str) -> Block:
    text = text.rstrip(":").strip()
    match = VEDR.match(text)
    dropped = ""
    if match:
        rest = match.group("rest").strip()
        dropped = text[: match.start("rest")]
        text = rest[:1].upper() + rest[1:]
    number = SECTION_NUMBER.match(text)
    if number and "." in number.group("number"):
        level = max(level, 3)
    return Block("heading", text, level=level, found_as=reason, dropped=dropped)
