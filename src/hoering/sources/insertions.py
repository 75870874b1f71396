"""``++inserted text++``: a markdown-it inline rule for text marked as added.

Imported drafts keep their tracked changes visibly: deletions as ``~~…~~`` (CommonMark's
strikethrough extension), insertions as ``++…++``, the same marks markdown-it's JavaScript
``ins`` plugin reads. mdit-py-plugins has no such rule, so this is ours: at ``++`` followed by
something other than a space or another ``+``, look for the closing ``++`` (preceded by
something other than a space), stepping over whole inline tokens on the way (code spans,
links, escapes), so a ``++`` inside a code span never closes it. The text between is parsed
as inline Markdown, giving ``ins_open`` … ``ins_close`` tokens.
"""

from __future__ import annotations

from typing import Any

MARK = "++"


def insertion_plugin(md: Any) -> None:
    """Teach ``md`` to read ``++text++`` as an insertion (tokens ``ins_open``/``ins_close``)."""
    md.inline.ruler.before("emphasis", "insertion", _insertion)


def _insertion(state: Any, silent: bool) -> bool:
    start = state.pos
    src = state.src
    if not src.startswith(MARK, start) or start + 2 >= state.posMax:
        return False
    first = src[start + 2]
    if first.isspace() or first == "+":
        return False
    end = _closing(state, start + 2)
    if end is None:
        return False
    if not silent:
        state.push("ins_open", "ins", 1).markup = MARK
        limit = state.posMax
        state.pos, state.posMax = start + 2, end
        state.md.inline.tokenize(state)
        state.posMax = limit
        state.push("ins_close", "ins", -1).markup = MARK
    state.pos = end + 2
    return True


def _closing(state: Any, content: int) -> int | None:
    """Where the closing ``++`` starts, or None when the paragraph has none."""
    start, src = state.pos, state.src
    state.pos = content
    found = None
    while state.pos < state.posMax:
        pos = state.pos
        if (
            src.startswith(MARK, pos)
            and pos > content
            and not src[pos - 1].isspace()
            and pos + 2 <= state.posMax
        ):
            found = pos
            break
        state.md.inline.skipToken(state)
    state.pos = start
    return found
