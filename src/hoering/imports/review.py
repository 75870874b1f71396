"""``hoering review``: every value import guessed and nobody has confirmed yet, with the
line to edit, the confidence and why it was guessed."""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import load_config
from ..errors import HoeringError, SourceError, SourceErrors, display_path
from ..messages import label, language, number, tr
from ..model import nodes as n
from ..model.stances import STANCES

if TYPE_CHECKING:
    from ..config import Config
    from ..sources.frontmatter import RawSource

# guessed key → where its value is in the metadata
VALUE_AT: dict[str, tuple[str | int, ...]] = {
    "sender": ("sender",),
    "date": ("date",),
    "title": ("title",),
    "case_number": ("case_number",),
    "on_behalf_of": ("signature", "on_behalf_of"),
    "signatory": ("signature", "signatories", 0, "name"),
    "recipient": ("recipient",),
    "no_remarks": ("no_remarks",),
}
# what import reports about the file itself, with no value in the metadata: the body holds it
NOTICES = ("tracked_changes", "comments")


def notice(key: str) -> str:
    """Where the body keeps what the notice ``key`` (one of NOTICES) is about."""
    if key == "tracked_changes":
        return tr("kept in the body")
    if key == "comments":
        return tr("kept as footnotes")
    return tr("see the body")


@dataclass(frozen=True)
class ReviewItem:
    path: Path
    line: int | None
    what: str  # the key ("sender", "date", …) or "heading 'Udskrivningsmentor'", in words
    value: str
    confidence: float
    why: str  # where it was found, or the words that matched
    unknown: bool = False  # import found nothing good enough: the value is to be written

    def __str__(self) -> str:
        where = display_path(self.path) + (f":{self.line}" if self.line else "")
        if self.unknown:
            return tr(
                "{where}: {what} is unknown ({why})", where=where, what=self.what, why=self.why
            )
        why = f"; {self.why}" if self.why else ""
        return tr(
            "{where}: {what} = {value} (confidence {confidence}{why})",
            where=where,
            what=self.what,
            value=self.value,
            confidence=number(self.confidence, 2),
            why=why,
        )


@dataclass(frozen=True)
class RemovedItem:
    """What import took out of one response's text for one reason (``removed:``)."""

    path: Path
    line: int | None
    reason: str  # a key of ``removed:`` ("letterhead", "page_number", …)
    texts: tuple[str, ...]

    def __str__(self) -> str:
        where = display_path(self.path) + (f":{self.line}" if self.line else "")
        return tr(
            "{where}: removed as {reason} ({n}): {texts}",
            where=where,
            reason=label(f"removed_{self.reason}", language()),
            n=len(self.texts),
            texts=" · ".join(f"«{text}»" for text in self.texts),
        )


def removed_items(path: Path, raw: RawSource) -> list[RemovedItem]:
    """The ``removed:`` lists of one source, reason by reason."""
    removed = raw.metadata.get("removed") or {}
    return [
        RemovedItem(path, raw.line_of(("removed", reason)), str(reason), tuple(map(str, texts)))
        for reason, texts in (removed.items() if isinstance(removed, dict) else ())
        if isinstance(texts, list) and texts
    ]


def review(hearing: Path | str, config: Config | None = None) -> list[ReviewItem]:
    """What is still marked as guessed in the hearing's responses, file by file.

    ``hearing`` is the hearing's folder, or its id under the sources folder."""
    return review_all(hearing, config)[0]


def review_all(
    hearing: Path | str, config: Config | None = None, reader: Executor | None = None
) -> tuple[list[ReviewItem], list[RemovedItem]]:
    """The guesses (as :func:`review`) and what import took out of each response's text.

    ``reader``: the executor that reads each file (:func:`review_file`; default: here)."""
    from ..hearing import hearing_folder, load_hearing

    config = config if config is not None else load_config()
    folder = load_hearing(hearing_folder(hearing, config)).folder
    items: list[ReviewItem] = []
    removed: list[RemovedItem] = []
    errors: list[HoeringError] = []
    paths = sorted((folder / "responses").glob("*.md"))
    for found in reader.map(review_file, paths) if reader else map(review_file, paths):
        if isinstance(found, list):
            errors.extend(found)
            continue
        items += found[0]
        removed += found[1]
    if errors:
        raise SourceErrors(errors)
    return sorted(items, key=lambda item: not item.unknown), removed  # unknown ones first


def review_file(
    path: Path,
) -> tuple[list[ReviewItem], list[RemovedItem]] | list[HoeringError]:
    """What is guessed and what was taken out in one response, or the errors reading it."""
    from ..sources.frontmatter import read_source
    from ..sources.markdown import parse_body

    try:
        raw = read_source(path)
        blocks = parse_body(raw.body, raw.body_first_line).blocks
    except SourceErrors as exc:
        return [e.located(path) if isinstance(e, SourceError) else e for e in exc.errors]
    except SourceError as exc:
        return [exc.located(path)]
    guessed = raw.metadata.get("guessed") or {}
    items = [
        _item(path, raw, key, guess or {})
        for key, guess in (guessed.items() if isinstance(guessed, dict) else ())
    ]
    return items + _headings(path, blocks), removed_items(path, raw)


def _item(path: Path, raw: RawSource, key: str, guess: dict[str, object]) -> ReviewItem:
    """One entry of ``guessed:``, with the line of the value it is about."""
    location = VALUE_AT.get(key, (key,))
    value = notice(key) if key in NOTICES else _value(raw.metadata, location)
    return ReviewItem(
        path,
        raw.line_of(location) or raw.line_of(("guessed", key)),
        key,
        value,
        _number(guess.get("confidence")),
        str(guess.get("found_in") or ""),
        guess.get("unknown") is True,
    )


def _headings(path: Path, blocks: list[n.Block]) -> list[ReviewItem]:
    return [
        ReviewItem(
            path,
            block.line,
            tr("heading '{text}'", text=_text(block)),
            _topic_and_stance(block),
            block.guess,
            tr("matched: {words}", words=block.matched) if block.matched else "",
        )
        for block in blocks
        if isinstance(block, n.Heading) and block.guess is not None
    ]


def _topic_and_stance(heading: n.Heading) -> str:
    """ "udskrivningsmentor / bekymring": the stance in the language of messages."""
    stance = label(heading.stance, language()) if heading.stance in STANCES else heading.stance
    return " / ".join(x for x in (heading.topic, stance) if x) or "-"


def _value(metadata: Any, location: tuple[str | int, ...]) -> str:
    """The value at ``location`` in a source's metadata (YAML as read: maps and lists)."""
    value = metadata
    for part in location:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return tr("(missing)")
    if isinstance(value, list):  # the recipient's lines, as they would be read aloud
        return ", ".join(map(str, value))
    return str(value)


def _number(value: object) -> float:
    if not isinstance(value, int | float | str | bytes):  # what float() takes from YAML
        return 0.0
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _text(heading: n.Heading) -> str:
    return "".join(child.text for child in heading.children if isinstance(child, n.Text))
