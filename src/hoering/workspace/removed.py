"""A passage import took out of a response (``removed:``) put back into its body: the
entry leaves the list (an emptied list, and an emptied ``removed:`` with import's comment
above it, go too), the text becomes a paragraph where it stood."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

from ..messages import label, language, ntr, tr
from ..model import nodes as n
from ..sources.response import RemovedReason
from ..sources.serialise import to_markdown
from .files import EditRefused
from .metadata import MetadataLines

# where a removed passage stood: what was taken from the end of a letter or a page goes
# back at the body's end; the rest (letterhead, stamps, recipient, sidebar, headers) came
# from the top of a page and goes back at its start
AT_END = ("closing", "running_footer", "page_number", "form_field", "quoted_thread")
AT_START = tuple(reason for reason in get_args(RemovedReason) if reason not in AT_END)


def reason_word(reason: str) -> str:
    """The word for ``reason`` (a key of ``removed:``) in the language of messages:
    'arkivstempel' for archive_stamp."""
    return label(f"removed_{reason}", language())


def removed_texts(lines: MetadataLines, reason: str, index: int | None) -> list[str]:
    """The text(s) to restore: entry ``index`` of ``removed: reason``, or all (None)."""
    if reason not in get_args(RemovedReason):
        raise EditRefused(
            tr(
                "'{reason}' is not a kind of text import takes out",
                reason=reason[:80],
            )
        )
    texts = lines.value(("removed", reason))
    if not isinstance(texts, list) or not texts:
        raise EditRefused(
            tr(
                "{file}: nothing was taken out as {reason}",
                file=lines.path.name,
                reason=reason_word(reason),
            )
        )
    if index is None:
        return [str(t) for t in texts]
    if not 0 <= index < len(texts):
        raise EditRefused(
            ntr(
                "{file}: {reason} has only {n} line, not line {number}",
                "{file}: {reason} has only {n} lines, not line {number}",
                len(texts),
                file=lines.path.name,
                reason=reason_word(reason),
                number=index + 1,
            )
        )
    return [str(texts[index])]


def unlist(lines: MetadataLines, reason: str, index: int | None) -> None:
    """Delete the restored text(s) from ``removed:``, and what is left empty."""
    texts = lines.value(("removed", reason))
    if index is not None and len(texts) > 1:
        lines.delete(("removed", reason, index))
    elif len(lines.value(("removed",))) > 1:
        lines.delete(("removed", reason))
    else:
        start, stop = lines.span(("removed",))
        while (
            start > 1
            and lines.lines[start - 1].lstrip().startswith("#")
            and _at_top(lines.lines[start - 1])
        ):
            start -= 1
        lines.splice(start, stop, [])


def _at_top(line: str) -> bool:
    """A line that starts at the left margin (a top-level key or comment)."""
    return not line[:1].isspace()


def unlisted(reason: str, index: int | None) -> Callable[[Any], None]:
    """What :func:`unlist` does to plain metadata."""

    def meant(data: Any) -> None:
        removed = data["removed"]
        if index is not None and len(removed[reason]) > 1:
            del removed[reason][index]
        elif len(removed) > 1:
            del removed[reason]
        else:
            del data["removed"]

    return meant


def with_paragraphs(text: str, path: Path, texts: list[str], *, at_start: bool) -> str:
    """``text`` with each of ``texts`` a paragraph of its own at the body's start or end."""
    lines = MetadataLines.of(text, path)
    newline = lines.newline
    written = [
        to_markdown([n.Paragraph((n.Text(t),))]).rstrip("\n").replace("\n", newline) for t in texts
    ]
    body = lines.lines[lines.end + 1 :]
    head = lines.lines[: lines.end + 1]
    if at_start:
        first = next((i for i, line in enumerate(body) if line.strip()), len(body))
        blank = body[:first] or [newline]
        new_body = blank + [w + newline + newline for w in written] + body[first:]
        return "".join(head + new_body)
    while body and not body[-1].strip():
        body.pop()
    if body and not body[-1].endswith(("\n", "\r")):
        body[-1] += newline
    tail = "".join(newline + w + newline for w in written)
    return "".join(head + body) + (tail if body else newline + tail.lstrip("\r\n"))
