"""The document model shared by sources, renderers and comparison."""

from .document import ARCHIVE_PROPERTIES, ArchiveRecord, Document, InfoItem, Letterhead
from .nodes import *  # noqa: F403
from .nodes import plain_text

__all__ = [
    "ARCHIVE_PROPERTIES",
    "ArchiveRecord",
    "Document",
    "InfoItem",
    "Letterhead",
    "plain_text",
]
