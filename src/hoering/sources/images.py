"""Images referenced from Markdown: read them next to the source so every format embeds them."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..errors import SourceError, display_path
from ..limits import active
from ..messages import number, tr
from ..model import nodes as n
from ..paths import confined, project_root

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}
MAX_IMAGE_BYTES = 10 * 1024 * 1024


@dataclasses.dataclass
class _Budget:
    """What one source's images may add up to: ``images_mb`` of files, told from their sizes
    before they are read, and ``images_megapixels_total`` pixels (their number is counted as
    the parser meets them: :func:`image_count_plugin`)."""

    source: Path
    pixels: int = 0
    size: int = 0  # bytes of the image files

    def take(self, image: n.Image, line: int | None, size: int) -> None:
        """Refuse the image whose ``size`` bytes take the files past ``images_mb``: the PDF
        carries an image's bytes to Typst as a list of numbers, ~55 bytes of memory and
        ~7 ms for each byte of the file (20 photos of 10 MB took 9.5 GB and 7 minutes)."""
        limits = active()
        self.size += size
        if self.size > limits.images_mb * 1024 * 1024:
            raise SourceError(
                self.source,
                tr(
                    "with image '{name}' the images take {n} MB, more than {most}",
                    name=_short(image.source),
                    n=number(round(self.size / 1024 / 1024, 1)),
                    most=number(limits.images_mb),
                ),
                line=line,
                hint=tr("save the images smaller (a photo as JPEG, 1600 pixels wide)")
                + "; "
                + limits.hint("images_mb"),
            )

    def spend(self, image: n.Image, line: int | None, size: tuple[int, int] | None) -> None:
        limits = active()
        self.pixels += size[0] * size[1] if size else 0
        if self.pixels > limits.images_megapixels_total * 1_000_000:
            raise SourceError(
                self.source,
                tr(
                    "with image '{name}' the images hold {n} megapixels, more than {most}",
                    name=_short(image.source),
                    n=number(self.pixels / 1_000_000),
                    most=number(limits.images_megapixels_total),
                ),
                line=line,
                hint=limits.hint("images_megapixels_total"),
            )


# Keys of the parser's env (a dict per parse) that count one source's images.
FIRST_LINE = "hoering_first_line"  # the body's line in the file, given by the caller
_LINE, _COUNT, _DEPTH = "hoering_line", "hoering_images", "hoering_alt_depth"


def image_count_plugin(md: Any) -> None:
    """Count the local images as the inline parser meets them and refuse the one past
    ``images_per_source`` there, with its line: 100,000 references to one small PNG took the
    parse 14 s and the PDF 3.5 GB before they were counted after the parse (issue 21)."""
    scan = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "image")

    def counted(state: Any, silent: bool) -> bool:
        start, depth = state.pos, state.env.get(_DEPTH, 0)
        state.env[_DEPTH] = depth + 1  # an image in an image's alt text is only text
        try:
            matched = bool(scan(state, silent))
        finally:
            state.env[_DEPTH] = depth
        if matched and not silent and depth == 0:
            _count(state, start)
        return matched

    md.inline.ruler.at("image", counted)
    md.core.ruler.at("inline", _inline_with_lines)


def _inline_with_lines(state: Any) -> None:
    """markdown-it's inline pass, telling the image count which line each block starts on."""
    for token in state.tokens:
        if token.type == "inline":
            first = state.env.get(FIRST_LINE, 1)
            state.env[_LINE] = token.map[0] + first if token.map else None
            if token.children is None:
                token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _count(state: Any, start: int) -> None:
    source = str(state.tokens[-1].attrs.get("src", ""))
    if never_read(source):
        return
    state.env[_COUNT] = count = state.env.get(_COUNT, 0) + 1
    limits = active()
    if count <= limits.images_per_source:
        return
    line = state.env.get(_LINE)
    raise SourceError(
        None,
        tr(
            "image '{name}' is image number {n}; a source may have at most {most}",
            name=_short(source),
            n=number(count),
            most=number(limits.images_per_source),
        ),
        line=None if line is None else line + state.src.count("\n", 0, start),
        hint=limits.hint("images_per_source"),
    )


def never_read(source: str) -> bool:
    """Whether an image's address is remote (or inline data): never fetched, its text
    alternative is printed instead."""
    return "://" in source or source.startswith("data:")


def resolve_images(blocks: list[n.Block], source: Path) -> list[n.Block]:
    """The blocks with every local image's bytes read; remote images stay as alt text."""
    budget = _Budget(source)
    return [_resolve(block, source, getattr(block, "line", None), budget) for block in blocks]


def _short(name: str) -> str:
    return name if len(name) <= 80 else name[:77] + "..."


def _resolve(node: Any, source: Path, line: int | None, budget: _Budget) -> Any:
    if isinstance(node, n.Image):
        return _read_image(node, source, line, budget)
    if isinstance(node, tuple):
        return tuple(_resolve(item, source, line, budget) for item in node)
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return node
    line = getattr(node, "line", None) or line
    changes = {}
    for field in dataclasses.fields(node):
        value = getattr(node, field.name)
        if isinstance(value, tuple) and value and _has_nodes(value):
            changes[field.name] = _resolve(value, source, line, budget)
    return dataclasses.replace(node, **changes) if changes else node


def _has_nodes(values: tuple[Any, ...]) -> bool:
    return any(dataclasses.is_dataclass(v) or isinstance(v, tuple) for v in values)


def _read_image(image: n.Image, source: Path, line: int | None, budget: _Budget) -> n.Image:
    if never_read(image.source):
        return image
    name = _short(image.source)
    project = project_root(source)
    try:
        path = confined(
            source.parent / image.source,
            [project],
            origin=source,
            line=line,
            what=tr("image '{name}'", name=name),
            allowed=tr("the project folder ({folder})", folder=display_path(project)),
        )
        found = path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, or with NUL
        raise SourceError(
            source,
            tr("image '{name}' is not a usable file name", name=name),
            line=line,
            hint=tr("rename the image to a short name"),
        ) from None
    mime = IMAGE_TYPES.get(path.suffix.lower())
    if mime is None:
        raise SourceError(
            source,
            tr("image '{name}' is not PNG, JPEG or SVG", name=name),
            line=line,
            hint=tr("save it as PNG or JPEG"),
        )
    if not found:
        raise SourceError(
            source,
            tr("image '{name}' not found", name=name),
            line=line,
            hint=tr("looked for {path}", path=display_path(path)),
        )
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise SourceError(
            source,
            tr("image '{name}' is larger than 10 MB", name=name),
            line=line,
            hint=tr("make the image smaller"),
        )
    budget.take(image, line, path.stat().st_size)
    data = path.read_bytes()
    check_pixels(data, mime, source, line, tr("image '{name}'", name=name))
    budget.spend(image, line, None if mime == "image/svg+xml" else pixel_size(data))
    return dataclasses.replace(image, mime=mime, data=data)


def check_pixels(data: bytes, mime: str, origin: Path, line: int | None, what: str) -> None:
    """Refuse a raster image larger than the limit, from its header, before anything
    decodes it (a small PNG can unpack to gigabytes), or one that is not what it claims."""
    if mime == "image/svg+xml":
        return
    size = pixel_size(data)
    if size is None:
        kind = "PNG" if mime == "image/png" else "JPEG"
        raise SourceError(
            origin,
            tr("{what} is not a {kind} image (damaged or misnamed)", what=what, kind=kind),
            line=line,
            hint=tr("save it again as PNG or JPEG"),
        )
    limits = active()
    width, height = size
    if width * height > limits.image_megapixels * 1_000_000:
        raise SourceError(
            origin,
            tr(
                "{what} is {width} x {height} pixels, more than {limit} megapixels",
                what=what,
                width=width,
                height=height,
                limit=number(limits.image_megapixels),
            ),
            line=line,
            hint=tr("make the image smaller") + "; " + limits.hint("image_megapixels"),
        )


def pixel_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG, GIF or JPEG header, None when it is none of these."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in a JPEG's frame header (the first SOF marker segment)."""
    at = 2
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _SOF:
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            return int.from_bytes(data[at + 7 : at + 9], "big"), height
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None
