"""Images referenced from Markdown: read them next to the source so every format embeds them."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model import nodes as n

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".svg": "image/svg+xml"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024


def resolve_images(blocks: list[n.Block], source: Path) -> list[n.Block]:
    """The blocks with every local image's bytes read; remote images stay as alt text."""
    return [_resolve(block, source, getattr(block, "line", None)) for block in blocks]


def _resolve(node: Any, source: Path, line: int | None) -> Any:
    if isinstance(node, n.Image):
        return _read_image(node, source, line)
    if isinstance(node, tuple):
        return tuple(_resolve(item, source, line) for item in node)
    if not dataclasses.is_dataclass(node):
        return node
    line = getattr(node, "line", None) or line
    changes = {}
    for field in dataclasses.fields(node):
        value = getattr(node, field.name)
        if isinstance(value, tuple) and value and _has_nodes(value):
            changes[field.name] = _resolve(value, source, line)
    return dataclasses.replace(node, **changes) if changes else node


def _has_nodes(values: tuple) -> bool:
    return any(dataclasses.is_dataclass(v) or isinstance(v, tuple) for v in values)


def _read_image(image: n.Image, source: Path, line: int | None) -> n.Image:
    if "://" in image.source or image.source.startswith("data:"):
        return image  # never fetched: printed as its text alternative
    path = (source.parent / image.source).resolve()
    mime = IMAGE_TYPES.get(path.suffix.lower())
    if mime is None:
        raise SourceError(source, f"image '{image.source}' is not PNG, JPEG or SVG", line=line)
    if not path.is_file():
        raise SourceError(source, f"image '{image.source}' not found", line=line,
                          hint=f"looked for {path}")
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise SourceError(source, f"image '{image.source}' is larger than 10 MB", line=line)
    return dataclasses.replace(image, mime=mime, data=path.read_bytes())
