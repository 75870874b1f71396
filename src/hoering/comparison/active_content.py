"""Take active content out of received PDFs before they are published in the bundle.

A response someone sent may carry JavaScript, actions that run when a page or the document
opens (``/AA``, ``/OpenAction``), launch actions that start programs, forms that submit
data, or embedded files. None of that belongs in a published document. Links to web pages
(``/URI``) and within the document (``/GoTo``) stay.
"""

from __future__ import annotations

from typing import Any

SAFE_ACTIONS = {"/URI", "/GoTo", "/Named"}  # a link, a place in the document, next page …
DOCUMENT_KEYS = ("/OpenAction", "/AA", "/AcroForm")  # catalog entries that run or collect
NAME_TREES = ("/JavaScript", "/EmbeddedFiles")
MAX_CHAIN = 20  # actions chained by /Next after a link
DROPPED_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/Widget"}


def strip_active_content(pdf: Any) -> int:
    """Remove active content from the catalog and every page of a pikepdf ``Pdf``, in
    memory, before its pages are copied (a copy takes only what the pages still refer to);
    returns how many things were removed."""
    removed = _strip_catalog(pdf.Root)
    for page in pdf.pages:
        removed += _strip_page(page.obj)
    return removed


def _strip_catalog(root: Any) -> int:
    removed = delete_keys(root, DOCUMENT_KEYS)
    names = root.get("/Names")
    if names is not None:
        removed += delete_keys(names, NAME_TREES)
    return removed


def delete_keys(dictionary: Any, keys: tuple[str, ...]) -> int:
    """Delete those of ``keys`` that ``dictionary`` holds; how many it held."""
    held = [key for key in keys if key in dictionary]
    for key in held:
        del dictionary[key]
    return len(held)


def _strip_page(page: Any) -> int:
    from pikepdf import Array, Dictionary

    removed = delete_keys(page, ("/AA",))
    annotations = page.get("/Annots")
    if annotations is None:
        return removed
    kept = []
    for annotation in annotations:
        if not isinstance(annotation, Dictionary) or (
            str(annotation.get("/Subtype")) in DROPPED_ANNOTATIONS
        ):
            removed += 1
            continue
        removed += _strip_annotation(annotation)
        kept.append(annotation)
    page["/Annots"] = Array(kept)
    return removed


def _strip_annotation(annotation: Any) -> int:
    removed = delete_keys(annotation, ("/AA",))
    action = annotation.get("/A")
    if action is not None and not _is_safe(action):
        removed += delete_keys(annotation, ("/A",))
    return removed


def _is_safe(action: Any, depth: int = 0) -> bool:
    """A link or a jump, and every action chained after it (``/Next``) too; a chain longer
    than ``MAX_CHAIN`` (or one that loops) is not."""
    from pikepdf import Array, Dictionary

    if not isinstance(action, Dictionary) or depth > MAX_CHAIN:
        return False
    if str(action.get("/S")) not in SAFE_ACTIONS:
        return False
    chained = action.get("/Next")
    if chained is None:
        return True
    followers = chained if isinstance(chained, Array) else [chained]
    return all(_is_safe(f, depth + 1) for f in followers)
