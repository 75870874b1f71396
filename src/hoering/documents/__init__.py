"""Compose: a validated source (+ its organisation profile) → the :class:`Document` to render.

One module per kind of source, named by its record in :data:`~hoering.sources.kinds.SOURCE_KINDS`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..model import Document
from ..model import nodes as n
from ..organisations import Organisation
from ..sources import Source
from ..sources.kinds import SOURCE_KINDS, named


def exports(source: Source, document: Document) -> dict[str, bytes]:
    """The files a source gives beside its document (e.g. ".actions.csv" for minutes)."""
    where = SOURCE_KINDS[source.type].exports
    if where is None:
        return {}
    exporter: Callable[[Source, Document], dict[str, bytes]] = named(where)
    return exporter(source, document)


def composer(source_type: str) -> Callable[[Source, Organisation], Document]:
    compose: Callable[[Source, Organisation], Document] = named(SOURCE_KINDS[source_type].composer)
    return compose


def compose(source: Source, organisation: Organisation) -> Document:
    document = composer(source.type)(source, organisation)
    return dataclasses.replace(document, blocks=top_level_headings(document.blocks))


def top_level_headings(blocks: tuple[n.Block, ...]) -> tuple[n.Block, ...]:
    """Shift heading levels so the highest heading in the body is level 1.

    Authors write sections as ``##`` (the title is the document's ``#``); every format then
    gets Heading 1 for them, and no level is skipped (PDF/UA and screen readers need that).
    """
    levels = [b.level for b in blocks if isinstance(b, n.Heading)]
    shift = min(levels, default=1) - 1
    if shift == 0:
        return blocks
    return tuple(
        dataclasses.replace(b, level=b.level - shift) if isinstance(b, n.Heading) else b
        for b in blocks
    )
