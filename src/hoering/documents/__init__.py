"""Compose: a validated source (+ its organisation profile) → the :class:`Document` to render.

One module per kind of source; :data:`COMPOSERS` maps the source ``type`` to it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..model import Document
from ..organisations import Organisation
from ..sources import Source

COMPOSERS: dict[str, str] = {
    "response": "hoering.documents.response:compose",
}


# type → a function (source, document) -> {file suffix: bytes} of extra files written next to
# the documents (e.g. ".actions.csv" for minutes).
EXPORTERS: dict[str, str] = {}


def exports(source: Source, document: Document) -> dict[str, bytes]:
    if source.type not in EXPORTERS:
        return {}
    module, name = EXPORTERS[source.type].split(":")
    return getattr(importlib.import_module(module), name)(source, document)


def composer(source_type: str) -> Callable[[Source, Organisation], Document]:
    module, name = COMPOSERS[source_type].split(":")
    return getattr(importlib.import_module(module), name)


def compose(source: Source, organisation: Organisation) -> Document:
    return composer(source.type)(source, organisation)
