"""The Markdown source of an imported response: metadata a person can read and confirm,
and a body that reads like a source a person wrote."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..scaffold import yaml_text
from .metadata import Found, Metadata
from .structure import Block

WIDTH = 96
ESCAPE = re.compile(r"([\\`*_\[\]<])")
RISKY_START = re.compile(r"^(?:[-+*>#=]|\d{1,9}[.)](?:\s|$)|\|)")


@dataclass
class Draft:
    """Everything the writer needs, gathered by :mod:`hoering.imports.run`."""

    hearing: str
    meta: Metadata
    blocks: list[Block]
    footnotes: dict[int, str]
    source_file: str  # received/<name>, relative to the hearing folder
    source_name: str
    sha256: str
    date: dt.date
    date_guess: Found
    title: str
    title_guess: Found
    sender: str
    sender_guess: Found
    lang: str = "da"
    notes: list[str] = field(default_factory=list)


def escape(text: str, notes: set[int]) -> str:
    escaped = ESCAPE.sub(r"\\\1", text)
    return re.sub(r"\\\[\^(\d+)\\\]",
                  lambda m: f"[^{m.group(1)}]" if int(m.group(1)) in notes else m.group(0),
                  escaped)


def wrap(text: str, width: int = WIDTH, indent: str = "") -> list[str]:
    """Lines of at most ``width`` characters; never starts a line with something Markdown
    would read as a list, a heading or a quote."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if current and len(indent) + len(candidate) > width and not RISKY_START.match(word):
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return [(indent if i else "") + line for i, line in enumerate(lines)]


def _guess_line(key: str, found: Found) -> str:
    where = f", found_in: {yaml_text(found.found_in)}" if found.found_in else ""
    return f"  {key}: {{confidence: {found.confidence:.2f}{where}}}"


def render(draft: Draft) -> str:
    meta = draft.meta
    out = ["---", "type: response", f"title: {yaml_text(draft.title)}",
           f"hearing: {draft.hearing}", f"sender: {yaml_text(draft.sender)}",
           f"date: {draft.date.isoformat()}"]
    guesses = [("sender", draft.sender_guess), ("date", draft.date_guess),
               ("title", draft.title_guess)]
    if meta.case_number is not None:
        out.append(f"case_number: {yaml_text(str(meta.case_number.value))}")
        guesses.append(("case_number", meta.case_number))
    if meta.on_behalf_of is not None or meta.signatories:
        out.append("signature:")
        if meta.on_behalf_of is not None:
            out.append(f"  on_behalf_of: {yaml_text(str(meta.on_behalf_of.value))}")
            guesses.append(("on_behalf_of", meta.on_behalf_of))
        if meta.signatories:
            out.append("  signatories:")
            for name, title in meta.signatories:
                out.append(f"    - name: {yaml_text(name)}")
                if title:
                    out.append(f"      title: {yaml_text(title)}")
            guesses.append(("signatory", meta.signatory))
    out += ["source:", f"  file: {yaml_text(draft.source_file)}",
            f"  name: {yaml_text(draft.source_name)}", f"  sha256: {draft.sha256}",
            "# What 'hoering import' guessed. Check each value above; when it is right (or",
            "# corrected), delete its line here. 'hoering review' lists what is left.",
            "guessed:"]
    out += [_guess_line(key, found) for key, found in guesses if found is not None]
    out += [f"lang: {draft.lang}", "---", ""]
    out += body(draft.blocks, draft.footnotes)
    return "\n".join(out).rstrip("\n") + "\n"


def body(blocks: list[Block], footnotes: dict[int, str]) -> list[str]:
    notes = set(footnotes)
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        same_list = (previous is not None and previous.kind == block.kind
                     and block.kind in ("bullet", "number"))
        if out and not same_list:
            out.append("")
        out += _block(block, notes)
        previous = block
    for number in sorted(footnotes):
        out.append("")
        out += wrap(f"[^{number}]: " + escape(footnotes[number], notes), indent="    ")
    return out


def _block(block: Block, notes: set[int]) -> list[str]:
    text = escape(block.text, notes)
    if block.kind == "heading":
        return ["#" * block.level + " " + text + _attributes(block.attributes)]
    if block.kind == "bullet":
        indent = "  " * block.level
        return [indent + line for line in wrap("- " + text, WIDTH - len(indent), "  ")]
    if block.kind == "number":
        indent = "   " * block.level
        marker = f"{block.number}. "
        return [indent + line for line in wrap(marker + text, WIDTH - len(indent),
                                                  " " * len(marker))]
    if block.kind == "table":
        return _table(block.rows, notes)
    return wrap(protect_start(text))


def protect_start(text: str) -> str:
    """Escape what Markdown would read as structure at the start of a paragraph."""
    if not RISKY_START.match(text):
        return text
    if text[0].isdigit():
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return "\\" + text


def _attributes(attributes: dict[str, str]) -> str:
    if not attributes:
        return ""
    parts = []
    for key, value in attributes.items():
        value = value.replace('"', "'")
        parts.append(f'{key}="{value}"' if re.search(r"[\s,;]", value) or not value
                     else f"{key}={value}")
    return " {" + " ".join(parts) + "}"


def _table(rows: list[list[str]], notes: set[int]) -> list[str]:
    width = max(len(row) for row in rows)
    cells = [[escape(c, notes).replace("|", "\\|") for c in row] + [""] * (width - len(row))
             for row in rows]
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return out
