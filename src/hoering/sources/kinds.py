"""The kinds of source (``type:`` in the metadata), one record each: the metadata it must
have, the function that composes its document and, if any, the files it gives beside the
document. A new kind of source is one record here plus the three things it names.

The composer and the exports live in higher layers (``documents/``, ``minutes/``), so the
record names them ("module:attribute") and they are imported only when a build uses them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SourceKind:
    name: str  # the value of ``type:``
    metadata: str  # the pydantic model its front matter is validated against
    composer: str  # (source, organisation) → Document
    exports: str | None = None  # (source, document) → {file suffix: bytes}, e.g. ".actions.csv"


SOURCE_KINDS: dict[str, SourceKind] = {
    kind.name: kind
    for kind in (
        SourceKind(
            "response",
            metadata="hoering.sources.response:ResponseMeta",
            composer="hoering.documents.response:compose",
        ),
        SourceKind(
            "minutes",
            metadata="hoering.sources.minutes:MinutesMeta",
            composer="hoering.documents.minutes:compose",
            exports="hoering.minutes.exports:exports",
        ),
    )
}


def named(where: str) -> Any:
    """The attribute a record names ("hoering.documents.response:compose"), imported now."""
    module, attribute = where.split(":")
    return getattr(importlib.import_module(module), attribute)
