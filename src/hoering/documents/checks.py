"""Every mistake of a source at once: its metadata, its body, its place in its hearing, the
body as a referat, its organisation profile. One mistake never hides another: a metadata
error (``end`` before ``start``) still lets the action items be read, a stance that is none
still lets its heading's topic be checked."""

from __future__ import annotations

from pathlib import Path

from ..errors import HoeringError, SourceError, SourceErrors
from ..messages import tr
from ..minutes.body import read_body
from ..model import nodes as n
from ..organisations import organisation_for
from ..render.templates import TemplateFinder
from ..response_in_hearing import hearing_problems
from ..sources import Source, SourceParts, read_parts

# The body's placeholders in the skeletons of 'hoering new' (templates/skeletons/): text left
# for the author to replace, which must never reach a document.
PLACEHOLDERS = {
    "heading": "Skriv afsnittets overskrift her",
    "remarks": "Skriv jeres bemærkninger her.",
    "item": "Skriv referatet af punktet her.",
    "decision": "Skriv beslutningen her.",
    "task": "skriv opgaven her",
}


class CheckedErrors(SourceErrors):
    """Every mistake of a source, with the warnings found on the way (told with them)."""

    def __init__(self, errors: list[HoeringError], warnings: list[str] | None = None) -> None:
        super().__init__(errors)
        self.warnings = warnings or []


def warnings_of(error: HoeringError) -> list[str]:
    """The warnings found before ``error`` stopped a source."""
    return list(getattr(error, "warnings", []))


def load_checked(path: Path, templates: TemplateFinder) -> Source:
    """The source at ``path``, or :class:`SourceErrors` naming every mistake in it, in the
    order of its lines (the file's own warnings stay on the source, or are lost with it)."""
    parts = read_parts(path)
    hearing, warnings = _hearing_problems(parts)
    errors = [*parts.errors, *hearing, *_referat_problems(parts), *_placeholders(parts)]
    errors += _profile_problems(parts, templates)
    if errors:
        raise CheckedErrors(
            sorted(errors, key=lambda e: (e.path != path, e.line or 0)),
            [*parts.raw.warnings, *warnings],
        )
    source = parts.source()
    source.warnings.extend(warnings)
    return source


def _hearing_problems(parts: SourceParts) -> tuple[list[HoeringError], list[str]]:
    """The response's mistakes as part of its hearing, or the hearing.yaml's own."""
    try:
        errors, warnings = hearing_problems(parts)
    except SourceErrors as exc:
        return list(exc.errors), []
    except SourceError as exc:
        return [exc], []
    return list(errors), warnings


def _placeholders(parts: SourceParts) -> list[HoeringError]:
    """The skeleton's placeholder texts still in the body."""
    found: list[HoeringError] = []
    for block in _text_blocks(parts.blocks):
        text = n.plain_text(block.children).casefold()
        placeholder = next((p for p in PLACEHOLDERS.values() if p.casefold() in text), None)
        if placeholder is not None:
            found.append(
                SourceError(
                    parts.raw.path,
                    tr("the skeleton's text '{text}' is still here", text=placeholder),
                    line=block.line,
                    hint=tr("write your own text in its place, or delete it"),
                )
            )
    return found


def _text_blocks(blocks: list[n.Block] | tuple[n.Block, ...]) -> list[n.Heading | n.Paragraph]:
    """The headings and paragraphs of ``blocks``, also those in lists and quotes."""
    found: list[n.Heading | n.Paragraph] = []
    for block in blocks:
        if isinstance(block, n.Heading | n.Paragraph):
            found.append(block)
        elif isinstance(block, n.BulletList | n.OrderedList):
            for item in block.items:
                found += _text_blocks(item.blocks)
        elif isinstance(block, n.BlockQuote):
            found += _text_blocks(block.blocks)
    return found


def _referat_problems(parts: SourceParts) -> list[HoeringError]:
    """The mistakes of a referat's body as a referat (agenda items, action items), read also
    when its metadata has mistakes."""
    if parts.type != "minutes" or parts.body is None:
        return []
    lang = parts.meta.lang if parts.meta is not None else "da"
    try:
        read_body(parts.blocks, parts.raw.path, lang)
    except SourceErrors as exc:
        return list(exc.errors)
    return []


def _profile_problems(parts: SourceParts, templates: TemplateFinder) -> list[HoeringError]:
    """An organisation named that has no profile (or a profile with a mistake)."""
    organisation = parts.raw.metadata.get("organisation")
    if not isinstance(organisation, str) or not organisation.strip():
        return []  # none (an imported response's sender) or not text: the metadata says so
    try:
        organisation_for(
            organisation.strip(),
            templates,
            origin=parts.raw.path,
            line=parts.raw.line_of(("organisation",)),
        )
    except SourceErrors as exc:
        return list(exc.errors)
    except SourceError as exc:
        return [exc]
    return []
