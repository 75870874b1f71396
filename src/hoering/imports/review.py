"""``hoering review``: every value import guessed and nobody has confirmed yet, with the
line to edit, the confidence and why it was guessed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import HoeringError, SourceError, SourceErrors
from ..model import nodes as n

# guessed key → where its value is in the metadata
VALUE_AT = {
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
NOTICES = {"tracked_changes": "kept in the body", "comments": "kept as footnotes"}


@dataclass(frozen=True)
class ReviewItem:
    path: Path
    line: int | None
    what: str  # "sender", "date", … or "heading 'Udskrivningsmentor'"
    value: str
    confidence: float
    why: str  # where it was found, or the words that matched

    def __str__(self) -> str:
        from ..errors import display_path

        where = display_path(self.path) + (f":{self.line}" if self.line else "")
        why = f"; {self.why}" if self.why else ""
        return f"{where}: {self.what} = {self.value} (confidence {self.confidence:.2f}{why})"


def review(hearing: Path | str, config=None) -> list[ReviewItem]:
    """What is still marked as guessed in the hearing's responses, file by file.

    ``hearing`` is the hearing's folder, or its id under the sources folder."""
    from ..config import load_config
    from ..hearing import hearing_folder, load_hearing
    from ..sources.frontmatter import read_source
    from ..sources.markdown import parse_body

    config = config if config is not None else load_config()
    folder = load_hearing(hearing_folder(hearing, config)).folder
    items: list[ReviewItem] = []
    errors: list[HoeringError] = []
    for path in sorted((folder / "responses").glob("*.md")):
        try:
            raw = read_source(path)
            blocks = parse_body(raw.body, raw.body_first_line).blocks
        except SourceErrors as exc:
            errors.extend(e.located(path) if isinstance(e, SourceError) else e for e in exc.errors)
            continue
        except SourceError as exc:
            errors.append(exc.located(path))
            continue
        guessed = raw.metadata.get("guessed") or {}
        for key, guess in guessed.items() if isinstance(guessed, dict) else ():
            location = VALUE_AT.get(key, (key,))
            value = NOTICES.get(key) or _value(raw.metadata, location)
            items.append(
                ReviewItem(
                    path,
                    raw.line_of(location) or raw.line_of(("guessed", key)),
                    key,
                    value,
                    _number((guess or {}).get("confidence")),
                    str((guess or {}).get("found_in") or ""),
                )
            )
        for block in blocks:
            if isinstance(block, n.Heading) and block.guess is not None:
                value = " / ".join(x for x in (block.topic, block.stance) if x) or "-"
                items.append(
                    ReviewItem(
                        path,
                        block.line,
                        f"heading '{_text(block)}'",
                        value,
                        block.guess,
                        f"matched: {block.matched}" if block.matched else "",
                    )
                )
    if errors:
        raise SourceErrors(errors)
    return items


def _value(metadata, location: tuple) -> str:
    value = metadata
    for part in location:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return "(missing)"
    return str(value)


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _text(heading: n.Heading) -> str:
    return "".join(child.text for child in heading.children if isinstance(child, n.Text))
