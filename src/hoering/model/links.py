"""Which link targets a document may make clickable, for every format alike.

Web pages (``http``/``https`` with a host), mail and phone numbers (``mailto:``, ``tel:``)
and anchors in the document (``#…``). Anything else — ``ms-msdt:``, ``search-ms:``,
``ms-word:ofe|u|…``, ``file:``, ``smb:``, ``//host/…`` or a relative path such as
``../../Windows/System32/…`` — could launch a program on the reader's machine; such a link is
printed as its text, in a source's documents and in one imported from a DOCX's hyperlinks.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from .document import Document

WEB = ("http", "https")
ADDRESSES = ("mailto", "tel")


def clickable(target: str) -> bool:
    """Whether a link to ``target`` may be clickable."""
    target = target.strip()
    if target.startswith("#"):
        return len(target) > 1
    try:
        parts = urlsplit(target)
    except ValueError:  # e.g. a broken IPv6 host
        return False
    scheme = parts.scheme.lower()
    if scheme in WEB:
        return bool(parts.hostname)
    return scheme in ADDRESSES and bool(parts.path.strip())


def with_clickable_info(document: Document) -> Document:
    """``document`` with the info block's links kept only where :func:`clickable`."""
    if all(item.link is None or clickable(item.link) for item in document.info):
        return document
    info = tuple(
        item if item.link is None or clickable(item.link) else dataclasses.replace(item, link=None)
        for item in document.info
    )
    return dataclasses.replace(document, info=info)
