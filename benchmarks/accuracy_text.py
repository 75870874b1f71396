"""What the import accuracy benchmarks share: the text of an imported source's blocks, the
normalised forms texts are compared in, and the tally of right/of counts per group."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from hoering.model import nodes as n

NUMBERING = re.compile(r"^\s*(?:(?:\d+(\.\d+)*\.?|vedr\.?|vedrørende)\s+)+", re.IGNORECASE)
PAGE_OF = re.compile(r"\bSide \d+ af \d+\b")
LIGATURE = re.compile("[\ufb00-\ufb06]")
GLYPHS_ONLY = re.compile(r"^[\s•◦▪‣⁃–\-*·∙●○■□]*$")
WORD = re.compile(r"\w+")


FOOTNOTE_DEFINITION = re.compile(r"(?m)^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*")


def norm_heading(text: str) -> str:
    return " ".join(NUMBERING.sub("", text).strip().rstrip(":").casefold().split())


def squeeze(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("++", "").split())


def inline_text(inlines) -> str:
    """Text of inline runs; footnote references and struck-through (deleted) text left out."""
    parts = []
    for node in inlines:
        if isinstance(node, n.Text | n.Code):
            parts.append(node.text)
        elif isinstance(node, n.SoftBreak | n.LineBreak):
            parts.append(" ")
        elif isinstance(node, n.Emphasis | n.Strong | n.Link | n.Insertion):
            parts.append(inline_text(node.children))
        elif isinstance(node, n.Image):
            parts.append(node.alt)
    return "".join(parts)


def leaf_texts(blocks) -> list[str]:
    """The text of every block that holds inline text, in order."""
    texts = []
    for block in blocks:
        if isinstance(block, n.Heading | n.Paragraph):
            texts.append(inline_text(block.children))
        elif isinstance(block, n.BulletList | n.OrderedList):
            for item in block.items:
                texts += leaf_texts(item.blocks)
        elif isinstance(block, n.BlockQuote | n.Callout):
            texts += leaf_texts(block.blocks)
        elif isinstance(block, n.Table):
            texts += [inline_text(c.children) for row in (block.header, *block.rows) for c in row]
        elif isinstance(block, n.CodeBlock):
            texts.append(block.text)
    return [squeeze(t) for t in texts]


def headings_of(blocks) -> list[n.Heading]:
    return [b for b in blocks if isinstance(b, n.Heading)]


def topics_of(heading: n.Heading) -> list[str]:
    return [t for t in re.split(r"[\s,]+", heading.topic or "") if t]


def markdown_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---", 1)[1] if "\n---" in text[3:] else text
    return text


def unquoted_body(body: str) -> str:
    """The body without a final section whose heading has no topic (a quoted thread kept as
    an appendix is allowed there)."""
    parts = re.split(r"(?m)^(?=#{1,6} )", body)
    if len(parts) > 1 and "topic=" not in parts[-1].splitlines()[0]:
        return "".join(parts[:-1])
    return body


class Tally:
    """Counts per producer: tally[producer][measure] = [right, of]."""

    def __init__(self):
        self.counts: dict[str, Counter] = defaultdict(Counter)

    def add(self, producer: str, measure: str, right: float, of: float = 1) -> None:
        self.counts[producer][measure] += right
        self.counts[producer][measure + " of"] += of


def cell(counts: Counter, measure: str, kind: str) -> str:
    right, of = counts[measure], counts[measure + " of"]
    if kind == "count":
        return str(int(right))
    if kind == "per letter":
        return f"{right / of:.2f}" if of else "-"
    if not of:
        return "-"
    if kind == "ratio":
        return f"{right / of:.2f}"
    return f"{100 * right / of:.0f}%" + (f" {int(right)}/{int(of)}" if of < 1000 else "")
