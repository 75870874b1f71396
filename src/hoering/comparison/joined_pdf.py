"""PDFs joined page by page into one, as the bundle needs: each joined PDF's pages, its
bookmarks below one bookmark of its own, its links, and its structure tree in one tree for
the whole (:mod:`.structure_tree`)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, Stream, String

from .active_content import delete_keys
from .structure_tree import ObjGen, StructureTree, objgen_of, page_in, plain

MAX_BOOKMARK_DEPTH = 8  # levels of a joined PDF's bookmarks kept below its own
MAX_BOOKMARKS = 5_000  # bookmarks kept of one joined PDF


@dataclass(frozen=True)
class Part:
    """A joined PDF as a part of the whole: its bookmark and ``/Part`` title, and what
    the part says (``/Alt``) when the PDF has no tags for a screen reader to follow."""

    title: str
    untagged: str


class JoinedPdf:
    """Append PDFs (:meth:`append`), then take the whole (:meth:`finish`)."""

    def __init__(self) -> None:
        self.pdf = Pdf.new()
        self.tree = StructureTree(self.pdf)
        self.bookmarks: list[OutlineItem] = []
        self.sources: list[Pdf] = []  # open until the whole is written

    def append(self, source: Pdf, part: Part | None = None) -> None:
        """``source``'s pages at the end: its structure elements directly in the
        document (``part`` None: the whole's own pages, a cover), or in a ``/Part`` with a
        bookmark of its own."""
        _forget_structure_keys(source)
        named = _named_destinations(source)
        _name_links_explicitly(source, named)
        first = len(self.pdf.pages)
        self.pdf.pages.extend(source.pages)
        pages = {
            page.obj.objgen: self.pdf.pages[first + index].obj
            for index, page in enumerate(source.pages)
        }
        self.sources.append(source)
        if part is None:
            self.tree.kids += self.tree.add(source, pages, self.tree.document)
            return
        self.tree.kids.append(self._part(source, pages, part, self.pdf.pages[first].obj))
        bookmark = OutlineItem(part.title, first)
        bookmark.children.extend(_bookmarks(source, pages, named))
        self.bookmarks.append(bookmark)

    def _part(self, source: Pdf, pages: dict[ObjGen, Any], part: Part, first: Any) -> Any:
        element = self.tree.element("/Part", self.tree.document, T=String(part.title))
        if isinstance(source.Root.get("/Lang"), String):
            element.Lang = String(bytes(source.Root.Lang))
        kids = self.tree.add(source, pages, element)
        if not kids:  # a received original without tags: its content stays unmarked
            element.Alt = String(part.untagged)
            element.Pg = first
        element.K = Array(kids)
        return element

    def finish(self) -> Pdf:
        """The whole, with its structure tree and bookmarks (describe it, then save it
        with :func:`saved`)."""
        self.tree.write()
        with self.pdf.open_outline() as outline:
            outline.root.extend(self.bookmarks)
        self.pdf.Root.PageMode = Name.UseOutlines
        return self.pdf


def saved(pdf: Pdf) -> bytes:
    """The bytes of ``pdf``, the same for the same content (no random file ID)."""
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def _forget_structure_keys(source: Pdf) -> None:
    """The joined PDF's own parent-tree keys go: the whole numbers its own."""
    for obj in source.objects:
        if isinstance(obj, Dictionary | Stream):
            delete_keys(obj, ("/StructParent", "/StructParents"))


def _named_destinations(source: Pdf) -> dict[str, Any]:
    """Named places of a PDF (``/Dests`` of PDF 1.1 and the ``/Names`` tree): a link to
    one of them would point nowhere in the whole, so links are made explicit."""
    from pikepdf import NameTree, PdfError

    named: dict[str, Any] = {}
    old = source.Root.get("/Dests")
    if isinstance(old, Dictionary):
        named.update((key[1:], value) for key, value in old.items())
    names = source.Root.get("/Names")
    tree = names.get("/Dests") if isinstance(names, Dictionary) else None
    if isinstance(tree, Dictionary):
        try:
            named.update(NameTree(tree).items())
        except PdfError:  # a damaged tree: its links lose their target, nothing else
            pass
    return named


def _explicit(destination: Any, named: dict[str, Any]) -> Any:
    """A destination as [page, how, …]; None when it names no place there is."""
    if isinstance(destination, Name):
        destination = named.get(str(destination)[1:])
    elif isinstance(destination, String):
        destination = named.get(str(destination))
    if isinstance(destination, Dictionary):  # {/D [...]}, as /Dests may hold them
        destination = destination.get("/D")
    return destination if isinstance(destination, Array) and len(destination) else None


def _name_links_explicitly(source: Pdf, named: dict[str, Any]) -> None:
    """Links on the source's pages to a named place point at the place itself."""
    for page in source.pages:
        for annotation in page.obj.get("/Annots", Array()):
            if not isinstance(annotation, Dictionary):
                continue
            if isinstance(annotation.get("/Dest"), Name | String):
                _replace(annotation, "/Dest", _explicit(annotation.Dest, named))
            action = annotation.get("/A")
            if (
                isinstance(action, Dictionary)
                and action.get("/S") == Name.GoTo
                and isinstance(action.get("/D"), Name | String)
            ):
                _replace(action, "/D", _explicit(action.D, named))


def _replace(owner: Any, key: str, value: Any) -> None:
    if value is None:
        del owner[key]
    else:
        owner[key] = value


def _bookmarks(source: Pdf, pages: dict[ObjGen, Any], named: dict[str, Any]) -> list[Any]:
    """The source's own bookmarks, pointing at its pages in the whole."""
    outlines = source.Root.get("/Outlines")
    if not isinstance(outlines, Dictionary):
        return []
    return _Bookmarks(pages, named).items(outlines.get("/First"), 0)


class _Bookmarks:
    def __init__(self, pages: dict[ObjGen, Any], named: dict[str, Any]) -> None:
        self.pages, self.named = pages, named
        self.seen: set[ObjGen] = set()

    def items(self, node: Any, depth: int) -> list[Any]:
        items = []
        while self._new(node) and len(self.seen) <= MAX_BOOKMARKS:
            title = node.get("/Title")
            item = OutlineItem(str(title) if isinstance(title, String) else "", self._place(node))
            if depth < MAX_BOOKMARK_DEPTH:
                item.children.extend(self.items(node.get("/First"), depth + 1))
            items.append(item)
            node = node.get("/Next")
        return items

    def _new(self, node: Any) -> bool:
        if not isinstance(node, Dictionary) or objgen_of(node) in self.seen:
            return False
        self.seen.add(objgen_of(node) or (len(self.seen), -1))
        return True

    def _place(self, node: Any) -> Any:
        destination = node.get("/Dest")
        action = node.get("/A")
        if destination is None and isinstance(action, Dictionary) and action.get("/S") == Name.GoTo:
            destination = action.get("/D")
        explicit = _explicit(destination, self.named)
        page = page_in(self.pages, explicit[0]) if explicit is not None else None
        if page is None:
            return None
        how = list(explicit[1:])  # /XYZ left top zoom, where null keeps the viewer's
        rest = [None if value is None else plain(value, 1) for value in how]
        if any(copy is None and value is not None for copy, value in zip(rest, how, strict=True)):
            return None
        return Array([page, *rest])
