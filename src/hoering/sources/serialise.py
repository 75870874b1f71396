"""Model → Markdown: the one place that writes the body of a source.

The inverse of :func:`hoering.sources.markdown.parse_body`: blocks and footnotes in,
Markdown text out, such that reading the text back gives the same blocks and footnotes.
Like the renderers it is a table of node kind → small function (:data:`BLOCKS`,
:data:`INLINES`); a kind Markdown has no syntax for (a callout, a figure) fails loudly.

Text is escaped where Markdown would read it as markup: ``*``, ``_``, brackets, ``<``, pipes,
``~`` and ``++`` everywhere, and at the start of a line what would begin a list, a heading, a
quote or a setext underline. Paragraphs are wrapped at ``width`` characters; a space inside
a code span or a link target is never a place to break (it is carried as :data:`KEEP`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import nodes as n

WIDTH = 96
KEEP = "\ue000"  # a space no line may break at; a space again in the output
_TEXT_ESCAPE = re.compile(r"[\\`*_\[\]<|~]|&(?=#?\w+;)|\+(?=\+)|(?<=\+)\+")
_LINE_START = re.compile(r"^(?:[-#>=]|[+](?=\s|$)|(?P<number>\d{1,9})(?P<mark>[.)])(?=\s|$))")
_MARKS = (n.Emphasis, n.Strong, n.Strikethrough, n.Insertion)


class UnwritableNode(ValueError):
    """A node Markdown has no syntax for."""


def to_markdown(
    blocks: Sequence[n.Block], footnotes: Sequence[n.Footnote] = (), width: int | None = WIDTH
) -> str:
    """The Markdown text of ``blocks`` followed by the definitions of ``footnotes``.

    ``width`` None writes each paragraph on one line (soft breaks stay line breaks).
    """
    writer = _Writer({note.number: note.label for note in footnotes}, width)
    chunks = [writer.block_lines(blocks)]
    chunks += [writer.footnote(note) for note in footnotes]
    return "\n\n".join("\n".join(lines) for lines in chunks if lines) + "\n"


@dataclass
class _Writer:
    labels: dict[int, str]  # footnote number → label
    width: int | None
    indent: int = 0  # columns taken by the list markers and quotes around the current block
    bullets: list[str] = field(default_factory=lambda: ["-", "*"])

    # blocks ---------------------------------------------------------------------------------
    def block_lines(self, blocks: Sequence[n.Block], tight: bool = False) -> list[str]:
        """The lines of ``blocks``, a blank line between two (in a ``tight`` list item, none
        before a list that follows a paragraph); a list right after a list of the same kind
        changes its marker, or Markdown would read one list."""
        out: list[str] = []
        previous = ""
        alternate = False
        for block in blocks:
            alternate = block.kind == previous and not alternate
            writer = BLOCKS.get(block.kind)
            if writer is None:
                raise UnwritableNode(f"Markdown has no syntax for a '{block.kind}' block")
            lines = writer(self, block, alternate)
            if not lines:
                continue
            if out and not (tight and previous == "paragraph" and _interrupts(block)):
                out.append("")
            previous = block.kind
            out += lines
        return out

    def nested(self, blocks: Sequence[n.Block], indent: int, tight: bool = False) -> list[str]:
        inner = replace(self, indent=self.indent + indent)
        return inner.block_lines(blocks, tight)

    def paragraph(self, children: Sequence[n.Inline]) -> list[str]:
        width = None if self.width is None else max(30, self.width - self.indent)
        return [_protect(line) for line in _wrap(self.inline(children), width) if line]

    def footnote(self, note: n.Footnote) -> list[str]:
        lines = self.nested(note.blocks, 4)
        head = f"[^{note.label}]:"
        if not lines:
            return [head]
        return [f"{head} {lines[0]}"] + [("    " + line) if line else "" for line in lines[1:]]

    # inline ---------------------------------------------------------------------------------
    def inline(self, children: Sequence[n.Inline], *, one_line: bool = False) -> str:
        """Inline Markdown; soft breaks as newlines (spaces when ``one_line``)."""
        parts: list[str] = []
        items = list(children)
        for index, node in enumerate(items):
            writer = INLINES.get(node.kind)
            if writer is None:
                raise UnwritableNode(f"Markdown has no syntax for a '{node.kind}' inline")
            before = items[index - 1] if index else None
            after = items[index + 1] if index + 1 < len(items) else None
            parts.append(writer(self, node, _Around(before, after, one_line)))
        return "".join(parts)


@dataclass(frozen=True)
class _Around:
    """An inline node's neighbours, which decide some of its delimiters and escapes."""

    before: n.Inline | None
    after: n.Inline | None
    one_line: bool


# --- blocks ------------------------------------------------------------------------------------


def _heading(w: _Writer, node: n.Heading, alternate: bool) -> list[str]:
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


def _paragraph(w: _Writer, node: n.Paragraph, alternate: bool) -> list[str]:
    return w.paragraph(node.children)


def _bullet_list(w: _Writer, node: n.BulletList, alternate: bool) -> list[str]:
    marker = w.bullets[1 if alternate else 0] + " "
    return [line for item in node.items for line in _item(w, item, marker)]


def _ordered_list(w: _Writer, node: n.OrderedList, alternate: bool) -> list[str]:
    delimiter = ")" if alternate else "."
    return [
        line
        for number, item in enumerate(node.items, node.start)
        for line in _item(w, item, f"{number}{delimiter} ")
    ]


def _item(w: _Writer, item: n.ListItem, marker: str) -> list[str]:
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


def _interrupts(block: n.Block) -> bool:
    """Whether ``block`` is a list that may start right below a paragraph's last line."""
    if isinstance(block, n.OrderedList) and block.start != 1:
        return False
    return isinstance(block, n.BulletList | n.OrderedList) and bool(
        block.items and block.items[0].blocks
    )


def _block_quote(w: _Writer, node: n.BlockQuote, alternate: bool) -> list[str]:
    return [f"> {line}" if line else ">" for line in w.nested(node.blocks, 2)] or [">"]


def _code_block(w: _Writer, node: n.CodeBlock, alternate: bool) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`+", node.text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + (node.language or ""), *node.text.split("\n"), fence]


def _thematic_break(w: _Writer, node: n.ThematicBreak, alternate: bool) -> list[str]:
    return ["___"]  # never "---" (a setext underline) nor "***" (a list item "* **")


ALIGN = {None: "---", "left": ":---", "center": ":---:", "right": "---:"}


def _table(w: _Writer, node: n.Table) -> list[str]:
    columns = len(node.header)
    align = list(node.align) + [None] * (columns - len(node.align))
    lines = [_row(w, node.header), _row_of(ALIGN[a] for a in align[:columns])]
    for row in node.rows:
        cells = list(row[:columns]) + [n.TableCell(())] * (columns - len(row))
        lines.append(_row(w, cells))
    return lines


def _row(w: _Writer, cells: Sequence[n.TableCell]) -> str:
    return _row_of(_cell(w, cell) for cell in cells)


def _cell(w: _Writer, cell: n.TableCell) -> str:
    text = w.inline(cell.children, one_line=True).replace(KEEP, " ")
    return re.sub(r"(?<!\\)((?:\\\\)*)\|", r"\1\\|", text)  # pipes in code and links too


def _row_of(cells: Any) -> str:
    return "| " + " | ".join(cells) + " |"


def _unwritable(w: _Writer, node: Any, alternate: bool) -> list[str]:
    raise UnwritableNode(f"Markdown has no syntax for a '{node.kind}' block")


BLOCKS: dict[str, Callable[[_Writer, Any, bool], list[str]]] = {
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
BLOCKS |= dict.fromkeys(UNWRITABLE, _unwritable)


# --- inline ------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """``text`` with every character Markdown would read as inline markup escaped."""
    return _TEXT_ESCAPE.sub(lambda m: "\\" + m.group(), text.replace("\n", " "))


def _text(w: _Writer, node: n.Text, around: _Around) -> str:
    text = escape(node.text)
    if isinstance(around.before, n.FootnoteRef) and text.startswith(":"):
        text = "\\" + text  # "[^1]:" at the start of a line would define the note
    return text


def _code(w: _Writer, node: n.Code, around: _Around) -> str:
    content = node.text.replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    if (
        content.startswith("`")
        or content.endswith("`")
        or (content.startswith(" ") and content.endswith(" ") and content.strip())
    ):
        content = f" {content} "
    return (fence + content + fence).replace(" ", KEEP)


def _break(w: _Writer, node: n.SoftBreak | n.LineBreak, around: _Around) -> str:
    if around.one_line:
        return " "
    return "\n" if isinstance(node, n.SoftBreak) else "\\\n"


def _mark(delimiter: str) -> Callable[[_Writer, Any, _Around], str]:
    def write(w: _Writer, node: Any, around: _Around) -> str:
        lead, children, trail = _outer_spaces(_flat(node))
        inner = w.inline(children, one_line=around.one_line)
        if not inner:
            return lead + trail
        if delimiter == "++":
            inner = re.sub(r"^\+", r"\\+", inner)
            inner = re.sub(r"(?<!\\)\+$", r"\\+", inner)
        return f"{lead}{delimiter}{inner}{delimiter}{trail}"

    return write


def _emphasis(w: _Writer, node: n.Emphasis, around: _Around) -> str:
    """``_x_``, or ``*x*`` inside a word (where ``_`` is not emphasis) or around an emphasis
    at its edge (``__x__`` would be strong)."""
    inside_word = _last_char(around.before).isalnum() or _first_char(around.after).isalnum()
    return _mark("*" if inside_word or _edged(node) else "_")(w, node, around)


def _strong(w: _Writer, node: n.Strong, around: _Around) -> str:
    """``**x**``, or ``__x__`` around a strong at its edge (``****x****`` is no mark)."""
    return _mark("__" if _edged(node) else "**")(w, node, around)


def _edged(node: n.Emphasis | n.Strong) -> bool:
    """Whether the node's content begins or ends with a node of its own kind."""
    children = node.children
    return bool(children) and (type(children[0]) is type(node) or type(children[-1]) is type(node))


def _flat(node: Any) -> tuple[n.Inline, ...]:
    """A deletion's or insertion's content with the same mark directly inside it lifted out:
    ``~~~~x~~~~`` would be a code fence, and text deleted twice is deleted."""
    if not isinstance(node, n.Strikethrough | n.Insertion):
        return tuple(node.children)
    flat: list[n.Inline] = []
    for child in node.children:
        flat += _flat(child) if type(child) is type(node) else [child]
    return tuple(flat)


def _link(w: _Writer, node: n.Link, around: _Around) -> str:
    text = w.inline(node.children, one_line=around.one_line)
    target = node.target.replace("\\", "\\\\")
    if re.search(r"[\s<>]", target) or target.count("(") != target.count(")"):
        target = "<" + target.replace("<", "\\<").replace(">", "\\>") + ">"
    title = ""
    if node.title:
        title = ' "' + node.title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"[{text}](" + (target + title).replace(" ", KEEP) + ")"


def _image(w: _Writer, node: n.Image, around: _Around) -> str:
    link = _link(w, n.Link(node.source, (n.Text(node.alt),)), around)
    return "!" + link


def _footnote_ref(w: _Writer, node: n.FootnoteRef, around: _Around) -> str:
    return f"[^{w.labels.get(node.number, str(node.number))}]"


INLINES: dict[str, Callable[[_Writer, Any, _Around], str]] = {
    "text": _text,
    "code": _code,
    "softbreak": _break,
    "linebreak": _break,
    "emphasis": _emphasis,
    "strong": _strong,
    "strikethrough": _mark("~~"),
    "insertion": _mark("++"),
    "link": _link,
    "image": _image,
    "footnote_ref": _footnote_ref,
}


# --- helpers -----------------------------------------------------------------------------------


def _outer_spaces(children: tuple[n.Inline, ...]) -> tuple[str, tuple[n.Inline, ...], str]:
    """Spaces at the edges of a mark's content, moved outside it: ``** a **`` is no mark."""
    items = list(children)
    lead = trail = ""
    if items:
        lead, items[0] = _strip_edge(items[0], start=True)
        trail, items[-1] = _strip_edge(items[-1], start=False)
    return lead, tuple(item for item in items if not _empty(item)), trail


def _strip_edge(node: n.Inline, start: bool) -> tuple[str, n.Inline]:
    if isinstance(node, n.Text):
        text = node.text.lstrip() if start else node.text.rstrip()
        return (" " if text != node.text else ""), n.Text(text)
    if isinstance(node, _MARKS) and node.children:
        index = 0 if start else -1
        space, edge = _strip_edge(node.children[index], start)
        children = list(node.children)
        children[index] = edge
        return space, type(node)(tuple(children))
    return "", node


def _empty(node: n.Inline) -> bool:
    if isinstance(node, n.Text):
        return not node.text
    return isinstance(node, _MARKS) and all(_empty(child) for child in node.children)


def _first_char(node: n.Inline | None) -> str:
    text = n.plain_text((node,)) if node is not None else ""
    return text[:1] or " "


def _last_char(node: n.Inline | None) -> str:
    text = n.plain_text((node,)) if node is not None else ""
    return text[-1:] or " "


def _wrap(text: str, width: int | None) -> list[str]:
    """Lines of at most ``width`` characters (one line per forced break when None)."""
    lines: list[str] = []
    for segment in text.split("\n"):
        if width is None:
            lines.append(segment.strip(" "))
            continue
        line = ""
        for word in segment.split(" "):
            if word and line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            elif word:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return [line.replace(KEEP, " ") for line in lines]


def _protect(line: str) -> str:
    """Escape what would make a line of running text a list item, heading, quote or
    setext underline."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group("number"):
        return match.group("number") + "\\" + line[len(match.group("number")) :]
    return "\\" + line
