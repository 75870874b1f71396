"""One structure tree for PDFs joined into one (the bundle).

A tagged PDF says what its content is (heading, paragraph, table cell, link) in a tree of
structure elements; each element points at marked content on a page (by MCID) or at an
annotation, and the document's ``/ParentTree`` leads back from a page (``/StructParents``)
or an annotation (``/StructParent``) to its elements. Joining PDFs page by page drops that
tree. Here every joined PDF's elements are copied below one ``/Document`` (the bundle's own
pages directly, each response in a ``/Part``), and the parent tree is made anew from the
copied elements, with keys numbered for the whole bundle: page *i* has key *i*, then the
form XObjects and annotations. Nothing of a joined PDF's own numbering is kept, so keys
cannot collide.

Elements are rebuilt, not copied whole: an element keeps only the entries ISO 32000-1
(14.7.2) gives it, attributes only as plain values, and references only to pages,
annotations and XObjects of its own PDF that the bundle keeps. A received file cannot hide
an action or a file in its tree. IDs (table cells point at their headers by ID) get a
prefix per joined PDF; role and class names that two PDFs map differently are renamed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from pikepdf import Array, Dictionary, Name, Pdf, Stream, String

ObjGen = tuple[int, int]
TEXTS = ("/T", "/Lang", "/Alt", "/E", "/ActualText")  # an element's own strings
MAX_MCID = 100_000  # marked-content ids on one page (a page of ours has a few hundred)
MAX_PLAIN = 1_000  # items of an attribute's array (BBox, colours, a cell's headers)
LEAF = 128  # entries in one leaf of the number and name trees written


class StructureTree:
    """The bundle's structure tree, filled one joined PDF at a time (:meth:`add`), then
    put into the catalog with its parent tree (:meth:`write`)."""

    def __init__(self, pdf: Pdf) -> None:
        self.pdf = pdf
        self.document = self.element("/Document")
        self.kids: list[Any] = []  # the document's
        self.marks: dict[ObjGen, dict[int, Any]] = {}  # page or form → MCID → element
        self.forms: dict[ObjGen, Any] = {}  # form XObjects holding marked content
        self.objects: list[tuple[Any, Any]] = []  # annotation or XObject, its element
        self.roles: dict[str, str] = {}
        self.classes: dict[str, bytes] = {}  # name → its attributes, written out
        self.class_objects: dict[str, Any] = {}
        self.ids: dict[bytes, Any] = {}
        self.sources = 0

    def element(self, role: str, parent: Any = None, **entries: Any) -> Any:
        element = Dictionary(Type=Name.StructElem, S=Name(role), K=Array(), **entries)
        if parent is not None:
            element.P = parent
        return self.pdf.make_indirect(element)

    def add(self, source: Pdf, pages: Mapping[ObjGen, Any], parent: Any) -> list[Any]:
        """Copy ``source``'s elements below ``parent`` (the document or a part), its pages
        being already in the bundle as ``pages`` (source page → bundle page); returns the
        elements made directly below ``parent`` (none: the source is not tagged)."""
        root = source.Root.get("/StructTreeRoot")
        if not isinstance(root, Dictionary):
            return []
        self.sources += 1
        return _SourceCopy(self, source, pages, root).copy(parent)

    def write(self) -> None:
        """The tree, its parent tree and IDs in the catalog; every page gets a key."""
        document = self.document
        document.K = Array(self.kids)
        document.P = root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        entries = list(self._parent_entries())
        root.K = Array([document])
        root.ParentTree = _tree(self.pdf, "/Nums", entries)
        root.ParentTreeNextKey = len(entries)
        if self.roles:
            root.RoleMap = Dictionary({key: Name(value) for key, value in self.roles.items()})
        if self.class_objects:
            root.ClassMap = Dictionary(self.class_objects)
        if self.ids:
            root.IDTree = _tree(self.pdf, "/Names", [(String(k), v) for k, v in self.ids.items()])
        self.pdf.Root.StructTreeRoot = root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)

    def _parent_entries(self) -> Iterator[tuple[int, Any]]:
        key = 0
        for page in self.pdf.pages:
            page.obj.StructParents = key
            yield key, _by_mcid(self.marks.get(page.obj.objgen, {}))
            key += 1
        for objgen, form in self.forms.items():
            form.StructParents = key
            yield key, _by_mcid(self.marks[objgen])
            key += 1
        for target, element in self.objects:
            target.StructParent = key
            yield key, element
            key += 1


class _SourceCopy:
    """The copying of one joined PDF's elements, with what is particular to that PDF: its
    pages, annotations and XObjects in the bundle, its role and class names, its IDs."""

    def __init__(self, tree: StructureTree, source: Pdf, pages: Mapping[ObjGen, Any], root: Any):
        self.tree, self.pdf, self.root = tree, tree.pdf, root
        self.pages = pages
        self.annotations, self.xobjects = _referable(source)
        self.referable = self.annotations | self.xobjects
        self.prefix = f"{tree.sources}.".encode()
        self.roles = _merge_roles(tree.roles, root.get("/RoleMap"), tree.sources)
        self.classes = self._merge_classes(root.get("/ClassMap"))
        self.seen: set[ObjGen] = set()
        self.queue: deque[tuple[Any, Any, Any]] = deque()

    def copy(self, parent: Any) -> list[Any]:
        top = [self.element(kid, parent, None) for kid in _top_elements(self.root)]
        while self.queue:
            source, copied, page = self.queue.popleft()
            copied.K = Array(self.kids(source, copied, page))
        return [element for element in top if element is not None]

    def element(self, source: Any, parent: Any, page: Any) -> Any:
        """A copy of the element ``source`` below ``parent``, its kids to be copied."""
        if not _is_element(source) or self._seen(source):
            return None
        copied = self.tree.element(self._role(source.S), parent)
        page = self.page(source.get("/Pg")) or page
        if page is not None:
            copied.Pg = page
        self._describe(source, copied)
        self.queue.append((source, copied, page))
        return copied

    def kids(self, source: Any, copied: Any, page: Any) -> list[Any]:
        result = []
        for item in _as_list(source.get("/K")):
            if _is_number(item):
                kid = item if self.mark(objgen_of(page), item, copied) else None
            elif isinstance(item, Dictionary) and item.get("/Type") == Name.MCR:
                kid = self.marked_reference(item, copied, page)
            elif isinstance(item, Dictionary) and item.get("/Type") == Name.OBJR:
                kid = self.object_reference(item, copied, page)
            else:
                kid = self.element(item, copied, page)
            if kid is not None:
                result.append(kid)
        return result

    def mark(self, container: ObjGen | None, mcid: int, element: Any) -> bool:
        if container is None or not 0 <= mcid <= MAX_MCID:
            return False
        self.tree.marks.setdefault(container, {})[mcid] = element
        return True

    def marked_reference(self, item: Any, element: Any, page: Any) -> Any:
        """Marked content on a page, or in a form XObject (``/Stm``) a page draws."""
        mcid, stream = item.get("/MCID"), item.get("/Stm")
        page = self.page(item.get("/Pg")) or page
        if not isinstance(mcid, int) or page is None:
            return None
        reference = Dictionary(Type=Name.MCR, MCID=mcid, Pg=page)
        container = page
        if stream is not None:
            if objgen_of(stream) not in self.xobjects:
                return None
            container = reference.Stm = self.pdf.copy_foreign(stream)
            self.tree.forms[container.objgen] = container
        return reference if self.mark(container.objgen, mcid, element) else None

    def object_reference(self, item: Any, element: Any, page: Any) -> Any:
        """An annotation a page keeps, or an XObject a page draws (not one stripped)."""
        target = item.get("/Obj")
        if objgen_of(target) not in self.referable:
            return None
        copied = self.pdf.copy_foreign(target)
        self.tree.objects.append((copied, element))
        reference = Dictionary(Type=Name.OBJR, Obj=copied)
        page = self.page(item.get("/Pg")) or page
        if page is not None:
            reference.Pg = page
        return reference

    def page(self, source_page: Any) -> Any:
        return page_in(self.pages, source_page)

    def _seen(self, source: Any) -> bool:
        """An element met before (a tree that loops or shares a branch) is copied once."""
        if not source.is_indirect:
            return False
        if source.objgen in self.seen:
            return True
        self.seen.add(source.objgen)
        return False

    def _role(self, role: Any) -> str:
        return self.roles.get(str(role), str(role))

    def _describe(self, source: Any, copied: Any) -> None:
        """The element's texts, ID, revision, attributes and classes."""
        for key in TEXTS:
            if isinstance(source.get(key), String):
                copied[key] = String(bytes(source[key]))
        if isinstance(source.get("/ID"), String):
            copied.ID = String(self.prefix + bytes(source.ID))
            self.tree.ids[bytes(copied.ID)] = copied
        if _is_number(source.get("/R")):
            copied.R = source.R
        attributes = _attributes(source.get("/A"), self.prefix)
        if attributes:
            copied.A = attributes
        classes = [Name(self.classes.get(str(c), str(c))) for c in _names(source.get("/C"))]
        if classes:
            copied.C = Array(classes)

    def _merge_classes(self, class_map: Any) -> dict[str, str]:
        """Add this PDF's classes to the bundle's; a name the bundle has for other
        attributes is renamed (returned: old → new)."""
        renamed: dict[str, str] = {}
        if not isinstance(class_map, Dictionary):
            return renamed
        for name, value in class_map.items():
            attributes = _attributes(value, self.prefix)
            if not attributes:
                continue
            written = attributes.unparse()
            known = self.tree.classes.setdefault(name, written)
            if known != written:
                renamed[name] = name = f"{name}-{self.tree.sources}"
                self.tree.classes[name] = written
            self.tree.class_objects[name] = attributes
        return renamed


def _merge_roles(roles: dict[str, str], role_map: Any, number: int) -> dict[str, str]:
    """Add a PDF's role map to the bundle's ``roles``; a name the bundle maps to another
    role is renamed, here and where this PDF's map points at it (returned: old → new)."""
    if not isinstance(role_map, Dictionary):
        return {}
    own = {key: str(value) for key, value in role_map.items() if isinstance(value, Name)}
    renamed = {
        key: f"{key}-{number}" for key, value in own.items() if roles.get(key, value) != value
    }
    for key, value in own.items():
        roles[renamed.get(key, key)] = renamed.get(value, value)
    return renamed


def _referable(source: Pdf) -> tuple[set[ObjGen], set[ObjGen]]:
    """The annotations the source's pages keep (after stripping) and the XObjects they
    draw: the only objects an element may point at."""
    annotations = {
        a.objgen
        for page in source.pages
        for a in page.obj.get("/Annots", Array())
        if objgen_of(a) is not None
    }
    return annotations, set(_xobjects(page.obj for page in source.pages))


def _xobjects(owners: Iterable[Any]) -> Iterator[ObjGen]:
    """Every XObject drawn by ``owners`` (pages), forms' own XObjects included."""
    pending, seen = list(owners), set()
    while pending:
        resources = pending.pop().get("/Resources")
        xobjects = resources.get("/XObject") if isinstance(resources, Dictionary) else None
        if not isinstance(xobjects, Dictionary):
            continue
        for xobject in xobjects.values():
            if isinstance(xobject, Stream) and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                pending.append(xobject)
                yield xobject.objgen


def _top_elements(root: Any) -> list[Any]:
    """The elements below a tree's root; a single /Document is looked through (the
    bundle has its own)."""
    items = _as_list(root.get("/K"))
    if len(items) == 1 and _is_element(items[0]) and items[0].S == Name.Document:
        return _as_list(items[0].get("/K"))
    return items


def page_in(pages: Mapping[ObjGen, Any], source_page: Any) -> Any:
    """The bundle's page for a joined PDF's page (None: not one of its pages)."""
    objgen = objgen_of(source_page)
    return pages.get(objgen) if objgen is not None else None


def _is_element(item: Any) -> bool:
    return isinstance(item, Dictionary) and isinstance(item.get("/S"), Name)


def objgen_of(item: Any) -> ObjGen | None:
    return item.objgen if item is not None and getattr(item, "is_indirect", False) else None


def _attributes(value: Any, prefix: bytes) -> Any:
    """Attribute objects (and revision numbers) as plain values; a cell's ``/Headers``
    take the IDs' new prefix."""
    kept: list[Any] = []
    for item in _as_list(value):
        if isinstance(item, Dictionary):
            kept.append(_attribute_object(item, prefix))
        elif _is_number(item):
            kept.append(item)
    return Array(kept) if kept else None


def _attribute_object(item: Any, prefix: bytes) -> Any:
    kept = Dictionary()
    for key, value in item.items():
        copied = plain(value)
        if copied is not None:
            kept[key] = copied
    if isinstance(kept.get("/Headers"), Array):
        kept.Headers = Array(
            [String(prefix + bytes(h)) for h in kept.Headers if isinstance(h, String)]
        )
    return kept


def plain(value: Any, depth: int = 0) -> Any:
    """A copy of a number, name, string or boolean, or an array of them (or of arrays of
    them: a border colour per side); else None."""
    if isinstance(value, bool | int | Decimal):
        return value
    if isinstance(value, Name):
        return Name(str(value))
    if isinstance(value, String):
        return String(bytes(value))
    if isinstance(value, Array) and depth < 2 and len(value) <= MAX_PLAIN:
        items = [plain(item, depth + 1) for item in value]
        return Array(items) if all(item is not None for item in items) else None
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _names(value: Any) -> list[str]:
    return [str(item) for item in _as_list(value) if isinstance(item, Name)]


def _as_list(value: Any) -> list[Any]:
    """An entry that holds one item or an array of them (``/K``, ``/A``, ``/C``) as a list."""
    return list(value) if isinstance(value, Array) else [] if value is None else [value]


def _by_mcid(elements: dict[int, Any]) -> Any:
    """A page's (or form's) entry of the parent tree: its elements by MCID."""
    size = max(elements, default=-1) + 1
    return Array([elements.get(mcid) for mcid in range(size)])


def _tree(pdf: Pdf, kind: str, entries: list[tuple[Any, Any]]) -> Any:
    """A number tree (``/Nums``) or name tree (``/Names``) of sorted ``entries``: one
    node, or leaves of LEAF entries below it."""
    entries = sorted(entries, key=lambda entry: bytes(entry[0]) if kind == "/Names" else entry[0])
    if len(entries) <= LEAF:
        return pdf.make_indirect(Dictionary({kind: Array(_flat(entries))}))
    leaves = []
    for start in range(0, len(entries), LEAF):
        chunk = entries[start : start + LEAF]
        limits = Array([chunk[0][0], chunk[-1][0]])
        leaves.append(pdf.make_indirect(Dictionary({kind: Array(_flat(chunk)), "/Limits": limits})))
    return pdf.make_indirect(Dictionary(Kids=Array(leaves)))


def _flat(entries: list[tuple[Any, Any]]) -> list[Any]:
    return [item for entry in entries for item in entry]
