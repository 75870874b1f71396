"""The block writers: one function per block kind (:data:`BLOCKS`), each returning the
block's lines; a kind Markdown has no syntax for (:data:`UNWRITABLE`) fails loudly."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...model import nodes as n
from .text import KEEP, escape
from .writer import BlockWriter, UnwritableNode, Writer


def _heading(w: Writer, node: n.Heading, alternate: bool) -> list[str]:
    text = w.inline(node.children, one_line=True).replace("#", "\\#").replace(KEEP, " ")
    if node.number:
        text = f"{escape(node.number)} {text}"
    return [("#" * node.level + " " + text).rstrip() + _attributes(node)]


def _attributes(node: n.Heading) -> str:
    values = {
        "topic": node.topic,
        "stance": node.stance,
        "guess": _confidence(node.guess),
        "matched": node.matched,
        "appendix": "true" if node.appendix else None,
        "status": node.status,
    }
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        value = value.replace('"', "'").replace("{", "(").replace("}", ")")
        quote = not value or re.search(r"[\s,;=]", value)
        parts.append(f'{key}="{value}"' if quote else f"{key}={value}")
    return " {" + " ".join(parts) + "}" if parts else ""


def _confidence(guess: float | None) -> str | None:
    if guess is None:
        return None
    return f"{guess:.2f}" if round(guess, 2) == guess else repr(guess)


def _paragraph(w: Writer, node: n.Paragraph, alternate: bool) -> list[str]:
    return w.paragraph(node.children)


def _bullet_list(w: Writer, node: n.BulletList, alternate: bool) -> list[str]:
    marker = w.bullets[1 if alternate else 0] + " "
    return [line for item in node.items for line in _item(w, item, marker)]


def _ordered_list(w: Writer, node: n.OrderedList, alternate: bool) -> list[str]:
    delimiter = ")" if alternate else "."
    return [
        line
        for number, item in enumerate(node.items, node.start)
        for line in _item(w, item, f"{number}{delimiter} ")
    ]


def _item(w: Writer, item: n.ListItem, marker: str) -> list[str]:
    blocks = list(item.blocks)
    if item.checked is not None:
        box = n.Text("[x] " if item.checked else "[ ] ")
        first = blocks[0] if blocks and isinstance(blocks[0], n.Paragraph) else n.Paragraph(())
        blocks[:1] = [n.Paragraph((box, *first.children))]
    lines = w.nested(blocks, len(marker), tight=True)
    if item.checked is not None:  # the box is markup, not text to escape
        lines[0] = lines[0].replace("\\[x\\] ", "[x] ", 1).replace("\\[ \\] ", "[ ] ", 1)
    if not lines:
        return [marker.rstrip()]
    pad = " " * len(marker)
    return [marker + lines[0]] + [(pad + line) if line else "" for line in lines[1:]]


def _block_quote(w: Writer, node: n.BlockQuote, alternate: bool) -> list[str]:
    return [f"> {line}" if line else ">" for line in w.nested(node.blocks, 2)] or [">"]


def _code_block(w: Writer, node: n.CodeBlock, alternate: bool) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`+", node.text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + (node.language or ""), *node.text.split("\n"), fence]


def _thematic_break(w: Writer, node: n.ThematicBreak, alternate: bool) -> list[str]:
    return ["___"]  # never "---" (a setext underline) nor "***" (a list item "* **")


ALIGN = {None: "---", "left": ":---", "center": ":---:", "right": "---:"}


def _table(w: Writer, node: n.Table) -> list[str]:
    columns = len(node.header)
    align = list(node.align) + [None] * (columns - len(node.align))
    lines = [_row(w, node.header), _row_of(ALIGN[a] for a in align[:columns])]
    for row in node.rows:
        cells = list(row[:columns]) + [n.TableCell(())] * (columns - len(row))
        lines.append(_row(w, cells))
    return lines


def _row(w: Writer, cells: Sequence[n.TableCell]) -> str:
    return _row_of(_cell(w, cell) for cell in cells)


def _cell(w: Writer, cell: n.TableCell) -> str:
    text = w.inline(cell.children, one_line=True).replace(KEEP, " ")
    return re.sub(r"(?<!\\)((?:\\\\)*)\|", r"\1\\|", text)  # pipes in code and links too


def _row_of(cells: Any) -> str:
    return "| " + " | ".join(cells) + " |"


def unwritable(w: Writer, node: Any, alternate: bool) -> list[str]:
    raise UnwritableNode(f"Markdown has no syntax for a '{node.kind}' block")


BLOCKS: dict[str, BlockWriter] = {
    "heading": _heading,
    "paragraph": _paragraph,
    "bullet_list": _bullet_list,
    "ordered_list": _ordered_list,
    "block_quote": _block_quote,
    "code_block": _code_block,
    "thematic_break": _thematic_break,
    "table": lambda w, node, alternate: _table(w, node),
}
# Kinds only composed documents hold (a minutes' decision box, a chart, the notat's contents,
# a group of blocks): no source is written with them, and Markdown has no syntax for them.
UNWRITABLE = ("callout", "figure", "toc", "group")
BLOCKS |= dict.fromkeys(UNWRITABLE, unwritable)
