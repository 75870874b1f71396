"""Links that could launch a program (issue 21, item 7): only web pages, mail, phone and
anchors in the document are clickable, in PDF, DOCX and HTML alike, also when the link came
from an imported DOCX; any other link is printed as its text, and no word is lost."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pypdf
import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLE_HEARING
from hoering.model.links import clickable

HEARING = Path("consultations") / EXAMPLE_HEARING
SOURCE = HEARING / "responses" / "ishoj.md"
OUT = Path("output") / EXAMPLE_HEARING / "responses"

LAUNCHING = {
    "diagnose": "ms-msdt:/id PCWDiagnostic /skip force",
    "søgning": "search-ms:query=faktura&crumb=location:\\\\vært\\del",
    "skabelon": "ms-word:ofe|u|https://vaert.example/skabelon.docx",
    "lommeregner": "file:///C:/Windows/System32/calc.exe",
    "fildeling": "smb://vaert/del/fil.exe",
    "netsti": "//vaert/del/fil.exe",
    "relativ": "../../Windows/System32/calc.exe",
    "script": "javascript:alert(1)",
}
# markdown-it itself keeps file: and javascript: links as literal text; the others reach us
IN_SOURCE = {k: v for k, v in LAUNCHING.items() if not v.startswith(("file:", "javascript:"))}
ALLOWED = {"forslaget": "https://www.ishoj.dk/hoering", "postkassen": "mailto:post@ishoj.dk"}


@pytest.mark.parametrize(
    "target, expected",
    [
        ("https://www.ishoj.dk", True),
        ("HTTP://www.ishoj.dk/a?b#c", True),
        ("mailto:post@ishoj.dk", True),
        ("tel:+4543577575", True),
        ("#noter", True),
        ("https:/sti-uden-vært", False),
        ("https://", False),
        ("#", False),
        ("mailto:", False),
        ("java\tscript:alert(1)", False),
        ("ftp://vaert/fil", False),
        ("data:text/html,<b>", False),
        ("http://[::1", False),
        *[(target, False) for target in LAUNCHING.values()],
    ],
)
def test_which_targets_are_clickable(target, expected):
    assert clickable(target) is expected


def _body() -> str:
    links = {**IN_SOURCE, **ALLOWED}
    return "\n\n".join(
        f"Se [{text}]({target.replace(' ', '%20')})." for text, target in links.items()
    )


def _pdf_links(path: Path) -> tuple[list[str], str]:
    reader = pypdf.PdfReader(path)
    actions = [
        annotation.get_object().get("/A")
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]  # a link inside the document (a footnote) has a /Dest instead
    uris = [str(a.get_object()["/URI"]) for a in actions if a is not None]
    return uris, "".join(p.extract_text() for p in reader.pages)


def test_a_source_s_launching_links_are_text_in_every_format(cli, project):
    path = project / SOURCE
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\n" + _body() + "\n", "utf-8")
    result = cli("build", str(SOURCE))
    assert result.exit_code == 0, result.output

    uris, text = _pdf_links(project / OUT / "ishoj.pdf")
    assert all(clickable(u) for u in uris) and uris
    assert set(ALLOWED.values()) <= set(uris)
    assert all(f"Se {word}." in text for word in [*IN_SOURCE, *ALLOWED])

    document = docx.Document(project / OUT / "ishoj.docx")
    targets = [
        rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")
    ]
    assert all(clickable(t) for t in targets) and set(ALLOWED.values()) <= set(targets)
    paragraphs = [p.text for p in document.paragraphs]
    assert all(f"Se {word}." in paragraphs for word in [*IN_SOURCE, *ALLOWED])

    page = BeautifulSoup((project / OUT / "ishoj.html").read_text("utf-8"), "html.parser")
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    assert all(clickable(h) for h in hrefs) and set(ALLOWED.values()) <= set(hrefs)
    texts = [p.get_text() for p in page.find_all("p")]
    assert all(f"Se {word}." in texts for word in [*IN_SOURCE, *ALLOWED])


def _docx_with_links() -> bytes:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("Ishøj, den 19. juni 2019")
    document.add_paragraph("Høring af udkast til samarbejdsaftale")
    for text, target in [("diagnose", LAUNCHING["diagnose"]), ("forslaget", ALLOWED["forslaget"])]:
        paragraph = document.add_paragraph("Læs ")
        rid = document.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rid)
        run = OxmlElement("w:r")
        words = OxmlElement("w:t")
        words.text = text
        run.append(words)
        link.append(run)
        paragraph._p.append(link)
        paragraph.add_run(" her.")
    document.add_paragraph("Med venlig hilsen\nIshøj Kommune")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_an_imported_docx_s_launching_hyperlink_is_text_in_the_built_pdf(cli, project):
    (project / "svar.docx").write_bytes(_docx_with_links())
    result = cli("import", "svar.docx", "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    written = result.stdout.splitlines()[0].removeprefix("Indlæste ").split(" (")[0]
    source = project / written
    assert LAUNCHING["diagnose"].replace(" ", "%20") in source.read_text("utf-8") or (
        LAUNCHING["diagnose"] in source.read_text("utf-8")
    )  # the source keeps the target: nothing lost
    result = cli("build", "-f", "pdf", str(source.relative_to(project)))
    assert result.exit_code == 0, result.output
    uris, text = _pdf_links(project / OUT / source.with_suffix(".pdf").name)
    assert uris == [ALLOWED["forslaget"]]
    assert "Læs diagnose her." in text and "Læs forslaget her." in text
