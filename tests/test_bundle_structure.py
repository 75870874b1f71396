"""samlede-hoeringssvar.pdf keeps the tags of the PDFs it joins: one structure tree with a
/Part per response, a parent tree whose keys are the bundle's own, and a received original
without tags marked as such. The bundle is opened with pikepdf and pypdf."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pikepdf
import pypdf
import pytest
from click.testing import CliRunner
from pikepdf import Array, Dictionary, Name

import hostile_files
from conftest import EXAMPLE_HEARING, copy_project, snapshot
from hoering.cli import main
from test_compare import RESPONDENTS  # the example hearing's, in the bundle's order

HEARING = Path("consultations") / EXAMPLE_HEARING
BUNDLE = Path("output") / EXAMPLE_HEARING / "samlede-hoeringssvar.pdf"
UNTAGGED = (
    "Modtaget original uden tags: indholdet er gengivet, som det blev modtaget, "
    "og er ikke opmærket til skærmlæsere"
)


def _compare(root: Path) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(
            main, ["compare", str(HEARING), "-f", "html"], catch_exceptions=False
        )
    assert result.exit_code == 0, result.output
    return root / BUNDLE


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The bundle of the example hearing: six responses built by hoering, one received
    original (itself a tagged PDF)."""
    return _compare(copy_project(tmp_path_factory.mktemp("tagged")))


@pytest.fixture(scope="module")
def with_untagged(tmp_path_factory) -> tuple[Path, bytes]:
    """The bundle when Glostrup's received original is a PDF without tags."""
    root = copy_project(tmp_path_factory.mktemp("untagged"))
    letter = hostile_files.plain_letter()
    _receive_from_glostrup(root, letter)
    return _compare(root), letter


def _receive_from_glostrup(root: Path, original: bytes) -> None:
    """Glostrup's received original is ``original`` (and recorded so at import)."""
    (root / HEARING / "received" / "hoeringssvar-glostrup.pdf").write_bytes(original)
    source = root / HEARING / "responses" / "glostrup-kommune.md"
    text = source.read_text("utf-8")
    old = text.split("sha256: ")[1].split("\n")[0]
    source.write_text(text.replace(old, hashlib.sha256(original).hexdigest()), "utf-8")


def _kids(element) -> list:
    kids = element.get("/K")
    return list(kids) if isinstance(kids, Array) else [] if kids is None else [kids]


def _elements(element) -> list:
    """``element`` and every element below it, in reading order."""
    found, stack = [], [element]
    while stack:
        item = stack.pop()
        if isinstance(item, Dictionary) and "/S" in item:
            found.append(item)
            stack.extend(reversed(_kids(item)))
    return found


def _objects(element) -> list:
    """The annotations (or XObjects) an element holds, by object number."""
    return [
        kid.Obj.objgen
        for kid in _kids(element)
        if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR
    ]


def _parts(pdf) -> list:
    (document,) = _kids(pdf.Root.StructTreeRoot)
    return [kid for kid in _kids(document) if kid.S == Name.Part]


def _marked_text(page, mcids: set[int]) -> str:
    """The text a page shows inside marked content with one of ``mcids`` (read by pypdf)."""
    open_marks: list = []
    shown: list[str] = []

    def before(operator, operands, *_):
        if operator == b"BDC":
            properties = operands[1]
            open_marks.append(properties.get("/MCID") if hasattr(properties, "get") else None)
        elif operator == b"BMC":
            open_marks.append(None)
        elif operator == b"EMC" and open_marks:
            open_marks.pop()

    def text(words, *_):
        if set(open_marks) & mcids:
            shown.append(words)

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return " ".join("".join(shown).split())


# --- the example hearing --------------------------------------------------------------------


def test_bundle_has_one_structure_tree_with_a_part_per_response(example):
    with pikepdf.open(example) as pdf:
        roots = [
            obj
            for obj in pdf.objects
            if isinstance(obj, Dictionary) and obj.get("/Type") == Name.StructTreeRoot
        ]
        assert len(roots) == 1 and roots[0].objgen == pdf.Root.StructTreeRoot.objgen
        (document,) = _kids(pdf.Root.StructTreeRoot)
        assert document.S == Name.Document
        parts = _parts(pdf)
        assert [str(part.T) for part in parts] == RESPONDENTS
        assert all(part.P.objgen == document.objgen for part in parts)
        # the cover's own elements come first, its title a heading
        cover = [kid for kid in _kids(document) if kid.S != Name.Part]
        headings = [e for kid in cover for e in _elements(kid) if e.S == Name.H1]
        assert len(headings) == 1 and _kids(document)[: len(cover)] == cover
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "da-DK"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title).startswith("Samlede høringssvar: ")


def test_every_page_and_link_has_its_own_key_in_the_parent_tree(example):
    with pikepdf.open(example) as pdf:
        root = pdf.Root.StructTreeRoot
        entries = dict(pikepdf.NumberTree(root.ParentTree).items())
        pages = [page.obj.StructParents for page in pdf.pages]
        links = [a.StructParent for page in pdf.pages for a in page.obj.get("/Annots", [])]
        assert pages == list(range(len(pdf.pages)))
        assert links and len(set(pages + links)) == len(pages + links)
        assert set(pages + links) == set(entries) and root.ParentTreeNextKey == len(entries)
        for page in pdf.pages:  # each marked content leads to the element that holds it
            mcids = [
                int(operands[1].MCID)
                for operands, operator in pikepdf.parse_content_stream(page)
                if str(operator) == "BDC" and "/MCID" in operands[1]
            ]
            by_mcid = entries[page.obj.StructParents]
            for mcid in mcids:
                element = by_mcid[mcid]
                assert mcid in _kids(element) and element.Pg.objgen == page.obj.objgen
        for page in pdf.pages:  # and each link to the element that holds its OBJR
            for annotation in page.obj.get("/Annots", []):
                element = entries[annotation.StructParent]
                assert annotation.objgen in _objects(element)


def test_first_response_keeps_the_elements_of_its_own_pdf(example):
    root = example.parents[2]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(
            main, ["build", "-f", "pdf", str(HEARING / "responses" / "albertslund.md")]
        )
    assert result.exit_code == 0, result.output
    (own_pdf,) = (root / "output").rglob("albertslund.pdf")
    with pikepdf.open(own_pdf) as own, pikepdf.open(example) as pdf:
        (own_document,) = _kids(own.Root.StructTreeRoot)
        own_roles = [str(e.S) for kid in _kids(own_document) for e in _elements(kid)]
        first = _parts(pdf)[0]
        assert [str(e.S) for e in _elements(first)[1:]] == own_roles
        assert len(own_roles) > 20
        (title,) = [e for e in _elements(first) if e.S == Name.H1]
        page = [p.obj.objgen for p in pdf.pages].index(title.Pg.objgen)
        mcids = {k for e in _elements(title) for k in _kids(e) if isinstance(k, int)}
    text = _marked_text(pypdf.PdfReader(example).pages[page], mcids)
    assert text == (
        "Høringssvar fra Albertslund Kommune om samarbejdsaftalen for voksne med psykisk sygdom"
    )


def test_table_cells_point_at_header_ids_of_their_own_table(example):
    with pikepdf.open(example) as pdf:
        root = pdf.Root.StructTreeRoot
        ids = dict(pikepdf.NameTree(root.IDTree).items())
        cells = [e for e in _elements(_kids(root)[0]) if e.S in (Name.TD, Name.TH)]
        headers = [
            (cell, str(header))
            for cell in cells
            for attributes in _kids_of_attributes(cell)
            for header in attributes.get("/Headers", [])
        ]
        assert len(headers) > 20
        for cell, header in headers:  # the header is a TH of the same table
            table = cell
            while table.S != Name.Table:
                table = table.P
            assert ids[header].S == Name.TH
            assert ids[header].objgen in {e.objgen for e in _elements(table)}
        # Typst numbers the headers of every PDF's first table alike: each PDF has a prefix
        prefixes = {}
        for name in ids:
            prefix, own = name.split(".", 1)
            prefixes.setdefault(own, set()).add(int(prefix))
        assert len(prefixes["U1x0y0"]) >= 2


def _kids_of_attributes(element) -> list:
    attributes = element.get("/A")
    items = attributes if isinstance(attributes, Array) else [attributes]
    return [a for a in items if isinstance(a, Dictionary)]


def test_bundle_keeps_bookmarks_and_reads_as_before(example):
    reader = pypdf.PdfReader(example)
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == RESPONDENTS
    assert "Albertslund Kommune" in reader.pages[0].extract_text()


# --- a received original without tags -------------------------------------------------------


def test_untagged_original_is_a_part_that_says_so_with_its_page_as_received(with_untagged):
    bundle, letter = with_untagged
    with pikepdf.open(bundle) as pdf, pikepdf.open(io.BytesIO(letter)) as received:
        parts = {str(part.T): part for part in _parts(pdf)}
        glostrup = parts["Glostrup Kommune"]
        assert str(glostrup.Alt) == UNTAGGED
        assert _kids(glostrup) == []
        page = [p.obj.objgen for p in pdf.pages].index(glostrup.Pg.objgen)
        assert pdf.pages[page].obj.Contents.read_bytes() == (
            received.pages[0].obj.Contents.read_bytes()
        )
        entries = dict(pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree).items())
        assert list(entries[pdf.pages[page].obj.StructParents]) == []
        tagged = [part for name, part in parts.items() if name != "Glostrup Kommune"]
        assert all("/Alt" not in part and len(_elements(part)) > 10 for part in tagged)
    words = " ".join(pypdf.PdfReader(bundle).pages[page].extract_text().split())
    assert words == hostile_files.LETTER


def test_an_original_pdf_that_cannot_be_read_is_an_error_about_its_response(cli, project):
    _receive_from_glostrup(project, b"%PDF-1.7 this is not a PDF after all")
    before = snapshot(project)
    result = cli("compare", str(HEARING), "-f", "html")
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (
        f"Fejl: {HEARING}/responses/glostrup-kommune.md: svarets PDF kan ikke tages med i de "
        "samlede høringssvar: unable to find trailer dictionary while recovering damaged file "
        "(importér svaret igen, eller udelad de samlede høringssvar med --no-bundle)"
    )
    assert snapshot(project) == before


# --- joining by hand: what a received file's tree may not bring along -----------------------


def _tagged_letter(role_target: bytes) -> bytes:
    """A one-page tagged letter whose /Title element maps to ``role_target``, with an ID,
    a link to a named place, a form field running JavaScript in its tree, an attribute
    pointing at JavaScript, and an element whose kid is its own parent (a loop)."""
    js = b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"
    objects = hostile_files.text_page(
        hostile_files.stream(
            b"/Title << /MCID 0 >> BDC BT /F1 12 Tf 60 780 Td (Hej) Tj ET EMC "
            b"/Span << /MCID 1 >> BDC BT /F1 12 Tf 60 760 Td (du) Tj ET EMC"
        ),
        [
            b"<< /Type /StructTreeRoot /K 7 0 R /ParentTree 8 0 R /ParentTreeNextKey 3 "
            b"/RoleMap << /Title /" + role_target + b" >> >>",  # 6
            b"<< /Type /StructElem /S /Title /P 6 0 R /Pg 3 0 R /ID (U1x0y0) "
            b"/A << /O /Layout /Placement /Block /Evil 12 0 R >> "
            b"/K [0 << /Type /OBJR /Obj 9 0 R >> << /Type /OBJR /Obj 10 0 R >> 11 0 R] >>",  # 7
            b"<< /Nums [0 [7 0 R 11 0 R] 1 7 0 R 2 7 0 R] >>",  # 8
            b"<< /Type /Annot /Subtype /Link /Rect [60 700 200 715] /StructParent 1 "
            b"/Dest (intro) >>",  # 9
            b"<< /Type /Annot /Subtype /Widget /Rect [60 600 200 615] /StructParent 2 "
            b"/FT /Btn /A 12 0 R >>",  # 10
            b"<< /Type /StructElem /S /Span /P 7 0 R /Pg 3 0 R /K [1 7 0 R] >>",  # 11
            js,  # 12
            b"<< /Type /Outlines /First 14 0 R /Last 14 0 R /Count 1 >>",  # 13
            b"<< /Title (Indledning) /Parent 13 0 R /Dest [3 0 R /XYZ null 700 null] >>",  # 14
        ],
    )
    objects[0] = (
        b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R /MarkInfo << /Marked true >> "
        b"/Lang (en-GB) /Names << /Dests << /Names [(intro) [3 0 R /XYZ 0 800 0]] >> >> "
        b"/Outlines 13 0 R >>"
    )
    objects[2] = objects[2].replace(b">> >>", b">> >> /StructParents 0 /Annots [9 0 R 10 0 R]")
    return hostile_files.pdf(objects)


def test_joined_trees_rename_what_would_collide_and_leave_active_content_out():
    from hoering.comparison.active_content import strip_active_content
    from hoering.comparison.joined_pdf import JoinedPdf, Part, saved

    joined = JoinedPdf()
    for name, role in (("A", b"H1"), ("B", b"P")):
        source = pikepdf.open(io.BytesIO(_tagged_letter(role)))
        strip_active_content(source)
        joined.append(source, Part(name, untagged="-"))
    data = saved(joined.finish())
    assert b"JavaScript" not in data and b"app.alert" not in data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.StructTreeRoot
        assert dict(root.RoleMap.items()) == {"/Title": Name.H1, "/Title-2": Name.P}
        first, second = _parts(pdf)
        assert [str(e.S) for e in _elements(first)] == ["/Part", "/Title", "/Span"]
        assert [str(e.S) for e in _elements(second)] == ["/Part", "/Title-2", "/Span"]
        assert str(first.Lang) == "en-GB" and "/Alt" not in first
        title = _kids(first)[0]
        assert title.A[0] == Dictionary(O=Name.Layout, Placement=Name.Block)
        assert sorted(pikepdf.NameTree(root.IDTree).keys()) == ["1.U1x0y0", "2.U1x0y0"]
        entries = dict(pikepdf.NumberTree(root.ParentTree).items())
        for number, page in enumerate(pdf.pages):
            (link,) = page.obj.Annots  # the form field is gone, from the page and the tree
            assert link.Dest[0].objgen == page.obj.objgen  # the named place, made explicit
            title, span = _elements(_parts(pdf)[number])[1:]
            assert [k for k in _kids(title) if not isinstance(k, Dictionary)] == [0]
            assert _objects(title) == [link.objgen]
            assert list(entries[page.obj.StructParents]) == [title, span]
            assert entries[link.StructParent] == title
        assert sorted(entries) == [0, 1, 2, 3] and root.ParentTreeNextKey == 4
        with pdf.open_outline() as outline:  # each letter's bookmark, below its part's
            for number, part in enumerate(outline.root):
                (own,) = part.children
                assert own.title == "Indledning"
                assert own.destination[0].objgen == pdf.pages[number].obj.objgen
                assert list(own.destination)[1:] == [Name.XYZ, None, 700, None]
