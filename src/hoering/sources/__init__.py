"""Read sources: text → metadata (validated, with lines) + Markdown body → model blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import HoeringError, SourceError, SourceErrors
from ..messages import tr
from ..model import nodes as n
from .frontmatter import RawSource, read_source
from .images import resolve_images
from .kinds import SOURCE_KINDS, named
from .markdown import Body, body_and_errors
from .validation import validate


@dataclass
class Source:
    """One parsed, validated source file."""

    path: Path
    type: str
    meta: Any  # the pydantic model its kind names (sources.kinds.SOURCE_KINDS)
    body: Body
    raw: RawSource
    warnings: list[str] = field(default_factory=list)  # "file:line: message" lines

    @property
    def blocks(self) -> list[n.Block]:
        return self.body.blocks


def metadata_model(source_type: str) -> type[BaseModel]:
    model: type[BaseModel] = named(SOURCE_KINDS[source_type].metadata)
    return model


def load_source(path: Path) -> Source:
    """Read, validate and parse ``path``; every problem is reported at once with its line."""
    return read_parts(path).source()


@dataclass
class SourceParts:
    """A source read as far as it can be: its metadata (None where it is not valid), its
    body (None where it cannot be read) and every problem found on the way, so that the
    checks of the body run even when the metadata has a mistake."""

    raw: RawSource
    type: str
    meta: Any
    body: Body | None
    errors: list[HoeringError]

    def source(self) -> Source:
        """The source, or :class:`SourceErrors` naming every problem."""
        if self.errors or self.meta is None or self.body is None:
            raise SourceErrors(self.errors)
        return Source(self.raw.path, self.type, self.meta, self.body, self.raw, self.raw.warnings)

    @property
    def blocks(self) -> list[n.Block]:
        return self.body.blocks if self.body is not None else []


def read_parts(path: Path) -> SourceParts:
    """``path`` read as far as it can be (see :class:`SourceParts`); a mistake that leaves
    nothing to read further (the file, the YAML, the type) is raised."""
    raw = read_source(path)
    source_type = _source_type(raw)
    errors: list[HoeringError] = []
    meta = None
    body: Body | None = None
    try:
        meta = validate(metadata_model(source_type), raw.metadata, path, raw.line_of)
    except SourceErrors as exc:
        errors.extend(exc.errors)
    try:
        body, problems = body_and_errors(raw.body, raw.body_first_line)
        errors.extend(e.located(path) for e in problems)
        body.blocks = resolve_images(body.blocks, path)
    except SourceErrors as exc:
        errors.extend(e.located(path) for e in exc.errors)
    except SourceError as exc:
        errors.append(exc.located(path))
    return SourceParts(raw, source_type, meta, body, errors)


def _source_type(raw: RawSource) -> str:
    value = raw.metadata.get("type")
    known = ", ".join(sorted(SOURCE_KINDS))
    if value is None:
        raise SourceError(
            raw.path,
            tr("required key is missing"),
            line=2,
            key="type",
            hint=tr("say what the document is: type: {types}", types=known),
        )
    if not isinstance(value, str) or value not in SOURCE_KINDS:  # type: [] is a list
        raise SourceError(
            raw.path,
            tr("'{value}' is not a document type", value=value),
            key="type",
            line=raw.line_of(("type",)),
            hint=tr("use one of: {choices}", choices=known),
        )
    return str(value)
