"""Compose: a validated source (+ its organisation profile) → the :class:`Document` to render.

One module per kind of source; :data:`COMPOSERS` maps the source ``type`` to it.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable

from ..model import Document
from ..model import nodes as n
from ..organisations import Organisation
from ..sources import Source

COMPOSERS: dict[str, str] = {
    "response": "hoering.documents.response:compose",
    "minutes": "hoering.documents.minutes:compose",
}


# type → a function (source, document) -> {file suffix: bytes} of extra files written next to
# the documents (e.g. ".actions.csv" for minutes).
EXPORTERS: dict[str, str] = {
    "minutes": "hoering.minutes.exports:exports",
}


def exports(source: Source, document: Document) -> dict[str, bytes]:
    if source.type not in EXPORTERS:
        return {}
    module, name = EXPORTERS[source.type].split(":")
    exporter: Callable[[Source, Document], dict[str, bytes]]
    exporter = getattr(importlib.import_module(module), name)
    return exporter(source, document)


def composer(source_type: str) -> Callable[[Source, Organisation], Document]:
    module, name = COMPOSERS[source_type].split(":")
    compose: Callable[[Source, Organisation], Document]
    compose = getattr(importlib.import_module(module), name)
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
