"""Renderers: a :class:`~hoering.model.Document` in, the bytes of one file out.

Each format lives in its own module with ``render(document, templates) -> bytes``; the
modules import their heavy libraries themselves, so loading this package costs nothing.
Renderers are pure: same document, same bytes (see :func:`timestamp_for`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import os

from ..config import FORMATS
from ..model import Document
from .templates import TemplateFinder

# the time stamp of a document with no date (an imported response whose date is unknown):
# fixed, so the same source still gives the same bytes; the earliest a ZIP entry can hold
UNDATED = dt.date(1980, 1, 1)


def render(document: Document, fmt: str, templates: TemplateFinder) -> bytes:
    """Render ``document`` as ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module = importlib.import_module(f"{__name__}.{fmt}")
    data: bytes = module.render(document, templates)
    return data


def timestamp_for(document: Document) -> dt.datetime:
    """The time written into file metadata and archives.

    ``SOURCE_DATE_EPOCH`` when set (reproducible builds), otherwise midnight UTC of the
    document's own date, so the same source always gives the same bytes.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    day = document.date or UNDATED
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)
