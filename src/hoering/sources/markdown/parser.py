"""The markdown-it parser every source is read with: CommonMark with tables, strikethrough,
footnotes and ``++insertions++``, raw HTML off, and the label rules guarded against input
that would make them scan without end."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..images import image_count_plugin
from ..insertions import insertion_plugin

# Inline rules that scan forward from an opening "[" for its closing "]". Where no "]" follows
# at all, each of them scanned to the end of the paragraph before giving up, once per "[":
# a megabyte of "[" took minutes (issue 21, item 11).
LABEL_RULES = ("link", "image", "footnote_inline", "footnote_ref")


@lru_cache(maxsize=1)
def parser() -> Any:
    """The one parser of this process (made once)."""
    return new_parser()


@lru_cache(maxsize=1)
def block_parser() -> Any:
    """The same parser without its inline pass: block structure (and lines) only."""
    md = new_parser()
    md.disable("inline")
    return md


def new_parser() -> Any:
    """A parser of its own (tests change one without touching the shared one)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False, "maxNesting": 200}
    )
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(insertion_plugin)
    for rule in LABEL_RULES:
        _guard_label_rule(md, rule)
    md.use(image_count_plugin)
    return md


def _guard_label_rule(md: Any, name: str) -> None:
    """Wrap the inline rule ``name`` so that it gives up at once where no "]" follows: it
    could not have matched there, so the result is the same, in constant time."""
    scan = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == name)

    def guarded(state: Any, silent: bool) -> bool:
        if state.pos > _last_closing_bracket(state.src):
            return False
        return bool(scan(state, silent))

    md.inline.ruler.at(name, guarded)


@lru_cache(maxsize=16)
def _last_closing_bracket(src: str) -> int:
    """Where the last "]" of an inline text is (-1 if none); a text is scanned once (a str
    caches its own hash, so the lookup is constant after the first)."""
    return src.rfind("]")
