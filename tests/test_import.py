"""Importing høringssvar from PDF and DOCX: the sources read back as a person would write
them, with metadata, headings, lists, tables and topic guesses; originals kept unchanged."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING, snapshot
from hoering.model import nodes as n
from hoering.sources import load_source
from import_fixtures import (
    SEED_TRUTH,
    plain_docx,
    plain_pdf,
    response_docx,
    response_pdf,
    sidebar_letter_pdf,
)

HEARING = Path("consultations") / EXAMPLE_HEARING


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing as it was before its own imported example."""


def text_of(node) -> str:
    """The text of a node as a reader sees it (line breaks as spaces)."""
    if isinstance(node, n.Text):
        return node.text
    if isinstance(node, n.SoftBreak | n.LineBreak):
        return " "
    parts = [
        text_of(child)
        for child in getattr(node, "children", ()) or getattr(node, "blocks", ()) or ()
    ]
    return " ".join("".join(parts).split())


def headings(source) -> list[n.Heading]:
    return [b for b in source.blocks if isinstance(b, n.Heading)]


def incoming(project: Path, name: str, data: bytes) -> Path:
    path = project / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def test_pdf_from_our_renderer(cli, project):
    data, truth = response_pdf(seed=0)
    original = incoming(project, "høringssvar glostrup.pdf", data)
    result = cli("import", str(original), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    target = project / HEARING / "responses" / "glostrup-kommune.md"
    assert result.stdout.splitlines()[0].startswith(
        f"Indlæste {HEARING}/responses/glostrup-kommune.md ("
    )
    source = load_source(target)
    meta = source.meta
    assert meta.sender == "Glostrup Kommune" == truth.sender
    assert meta.date == truth.date
    assert meta.case_number == truth.case_number
    assert meta.title == "Høringssvar vedrørende samarbejdsaftale om voksne med psykisk sygdom"
    assert meta.signature.on_behalf_of == "Glostrup Kommune, Social og Sundhed"
    assert [(s.name, s.title) for s in meta.signature.signatories] == [
        ("Birgitte Løkke Sørensen", "Sundhedschef")
    ]
    assert meta.source.name == "høringssvar glostrup.pdf"
    assert meta.source.file == "received/høringssvar glostrup.pdf"
    assert meta.source.sha256 == hashlib.sha256(data).hexdigest()
    assert set(meta.guessed) == {
        "sender",
        "date",
        "title",
        "case_number",
        "on_behalf_of",
        "signatory",
    }
    assert meta.guessed["sender"].confidence >= 0.9
    assert 'afslutningen: "På vegne af Glostrup Kommune' in meta.guessed["sender"].found_in
    # the original is copied unchanged and left where it was
    assert (project / HEARING / "received" / original.name).read_bytes() == data
    assert original.read_bytes() == data
    # body: headings with topics, the bullet list, no running header/footer/page numbers
    assert [text_of(h) for h in headings(source)] == truth.headings
    assert [h.topic for h in headings(source)] == truth.topics
    assert all(h.stance and h.guess and h.matched for h in headings(source))
    lists = [b for b in source.blocks if isinstance(b, n.BulletList)]
    assert [text_of(i) for i in lists[0].items] == [
        "at aftalen tydeliggør ansvarsfordelingen mellem sektorerne",
        "at der lægges op til en tidlig og koordineret indsats",
    ]
    text = target.read_text("utf-8")
    for running in (
        "Side 1 af",
        "Side 2 af",
        "Rådhusvej 2",
        "post@glostrup.dk",
        "Region Hovedstaden\n",
        "Center for Sundhed",
    ):
        assert running not in text.split("---", 2)[2]
    assert "På vegne af" not in text.split("---", 2)[2]
    assert (
        max(len(line) for line in text.split("---", 2)[2].splitlines() if not line.startswith("#"))
        <= 96
    )


def test_imported_source_builds(cli, project):
    data, _ = response_pdf(seed=3)
    cli("import", str(incoming(project, "vallensbaek.pdf", data)), "--hearing", str(HEARING))
    source = HEARING / "responses" / "vallensbaek-kommune.md"
    result = cli("build", str(source), "-f", "pdf", "-f", "docx")
    assert result.exit_code == 0, result.output
    from pypdf import PdfReader

    pdf = PdfReader(project / "output" / EXAMPLE_HEARING / "responses" / "vallensbaek-kommune.pdf")
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Vallensbæk Kommune" in text
    assert "topic=" not in text and "guess=" not in text  # attributes are never printed


def test_docx_with_letterhead_table_and_lists(cli, project):
    data, truth = response_docx(seed=1)
    result = cli(
        "import", str(incoming(project, "albertslund.docx", data)), "--hearing", str(HEARING)
    )
    assert result.exit_code == 0, result.output
    source = load_source(project / HEARING / "responses" / "albertslund-kommune.md")
    assert source.meta.sender == truth.sender == "Albertslund Kommune"
    assert "brevhovedet" in source.meta.guessed["sender"].found_in
    assert source.meta.date == truth.date
    assert source.meta.case_number == truth.case_number
    assert source.meta.title == "Høringssvar om samarbejdsaftale om voksne med psykisk sygdom"
    assert [text_of(h) for h in headings(source)] == truth.headings
    assert [h.topic for h in headings(source)] == truth.topics
    tables = [b for b in source.blocks if isinstance(b, n.Table)]
    assert [text_of(c) for c in tables[0].header] == ["Krav i udkastet", "Vores forslag"]
    assert [[text_of(c) for c in row] for row in tables[0].rows] == [
        ["Netværksmøde inden 3 dage", "Netværksmøde inden 7 hverdage"],
        ["Indkaldelse pr. telefon", "Indkaldelse via digital post"],
    ]
    bullets = [b for b in source.blocks if isinstance(b, n.BulletList)]
    assert len(bullets[0].items) == 2
    assert [(s.name, s.title) for s in source.meta.signature.signatories] == [
        ("Søren Ærø Jensen", "Centerchef")
    ]
    from import_fixtures import FOOTNOTE

    [note] = source.body.footnotes
    assert text_of(note.blocks[0]) == FOOTNOTE
    first_section = source.blocks[source.blocks.index(headings(source)[0]) + 1]
    assert any(isinstance(c, n.FootnoteRef) for c in first_section.children)


@pytest.mark.parametrize("make", [plain_pdf, plain_docx], ids=["pdf", "docx"])
def test_plain_letter_in_the_style_of_the_seed(cli, project, make):
    suffix = ".pdf" if make is plain_pdf else ".docx"
    original = incoming(project, "ishoj" + suffix, make())
    result = cli("import", str(original), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    source = load_source(project / HEARING / "responses" / "ishoj-kommune.md")
    assert source.meta.sender == SEED_TRUTH.sender
    assert source.meta.date == SEED_TRUTH.date
    assert [text_of(h) for h in headings(source)] == SEED_TRUTH.headings
    assert [h.topic for h in headings(source)] == SEED_TRUTH.topics
    body = (project / HEARING / "responses" / "ishoj-kommune.md").read_text("utf-8")
    body = " ".join(body.split("---", 2)[2].split())
    for word in (
        "samarbejdsaftalen",
        "privatpraktiserende",
        "socialpsykiatriområdet",
        "forsorgshjem",
        "geografisk",
        "social- og sundhedsområdet",
    ):
        assert word in body
    for leftover in (
        "\u00ad",
        "Side 1 af",
        "Side 2 af",
        "Ishøj Kommune Høringssvar",
        "Med venlig hilsen",
        "Karen Brøndum",
    ):
        assert leftover not in body
    assert source.meta.signature.signatories[0].name == SEED_TRUTH.signatory
    assert source.meta.title == (
        "Høring af udkast til samarbejdsaftaler om voksne med psykisk sygdom"
    )
    assert "ligner en emnelinje" in source.meta.guessed["title"].found_in
    assert source.meta.guessed["date"].found_in.endswith('"19. juni 2019"')


def test_plain_pdf_has_two_pages_with_a_running_header():
    import tempfile

    from hoering.imports.pdf import read_pdf
    from hoering.imports.safety import Limits

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.pdf"
        path.write_bytes(plain_pdf())
        extracted = read_pdf(path, Limits())
    assert extracted.pages == 2
    assert any(line.page == 2 and line.text == "Ishøj Kommune" for line in extracted.lines)


def test_existing_source_is_not_replaced_without_force(cli, project):
    data, _ = response_pdf(seed=0, sections=3)
    original = incoming(project, "glostrup.pdf", data)
    assert cli("import", str(original), "--hearing", str(HEARING)).exit_code == 0
    target = project / HEARING / "responses" / "glostrup-kommune.md"
    target.write_text(target.read_text("utf-8") + "\nEn rettelse fra en sagsbehandler.\n", "utf-8")
    before = snapshot(project)
    result = cli("import", str(original), "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Fejl: incoming/glostrup.pdf: er allerede indlæst som {HEARING}/responses/"
        "glostrup-kommune.md (den kan indeholde rettelser; brug --force for at indlæse filen "
        "igen i stedet for den)",
        "0 indlæst, 1 fejlede: incoming/glostrup.pdf",
    ]
    assert snapshot(project) == before
    result = cli("import", str(original), "--hearing", str(HEARING), "--force")
    assert result.exit_code == 0
    assert "En rettelse" not in target.read_text("utf-8")


def test_kept_original_with_other_content_is_not_replaced(cli, project):
    first, _ = response_pdf(seed=0, sections=3)
    second, _ = response_pdf(seed=1, sections=3)
    received = project / HEARING / "received" / "svar.pdf"
    received.parent.mkdir()
    received.write_bytes(first)
    before = snapshot(project)
    original = incoming(project, "svar.pdf", second)
    before = snapshot(project)
    result = cli("import", str(original), "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Fejl: incoming/svar.pdf: {HEARING}/received/svar.pdf findes allerede med et andet "
        "indhold (omdøb filen, eller brug --force for at erstatte den gemte original)"
    )
    assert snapshot(project) == before


def test_batch_goes_on_past_a_bad_file(cli, project):
    good, _ = response_docx(seed=2)
    files = [
        incoming(project, "tom.pdf", b""),
        incoming(project, "brondby.docx", good),
        incoming(project, "notat.rtf", b"{\\rtf1 notat}"),
    ]
    result = cli("import", *map(str, files), "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert (project / HEARING / "responses" / "brondby-kommune.md").is_file()
    assert result.stderr.splitlines() == [
        "Fejl: incoming/tom.pdf: filen er tom (0 byte) (bed afsenderen om at sende filen igen)",
        "Fejl: incoming/notat.rtf: .rtf-filer kan ikke indlæses (det, der kan indlæses, er en "
        "PDF, et Word-dokument (DOCX), et OpenDocument-dokument (.odt) og en e-mail (.eml); gem "
        "først filen som PDF eller DOCX)",
        "1 indlæst, 2 fejlede: incoming/tom.pdf, incoming/notat.rtf",
    ]


def test_pdf_restricted_only_by_an_owner_password_is_imported(project):
    from import_fixtures import encrypted_pdf

    imported = hoering.import_file(
        incoming(project, "svar.pdf", encrypted_pdf("", "ejer")), HEARING
    )
    assert load_source(imported.path).meta.sender == "Glostrup Kommune"


def test_the_same_file_twice_is_imported_once(project):
    data, _ = response_docx(seed=0, sections=2)
    path = incoming(project, "a.docx", data)
    report = hoering.import_files([path, Path("incoming/../incoming/a.docx")], HEARING)
    assert [p.path.name for p in report.imported] == ["glostrup-kommune.md"]
    assert not report.failed


def test_two_files_from_one_sender_in_one_batch(project):
    a, _ = response_docx(seed=0, sections=2)
    b, _ = response_docx(seed=6, sections=3)  # the same sender (seed % 6)
    report = hoering.import_files(
        [incoming(project, "a.docx", a), incoming(project, "b.docx", b)], HEARING
    )
    assert [p.path.name for p in report.imported] == [
        "glostrup-kommune.md",
        "glostrup-kommune-2.md",
    ]


def test_review_lists_guesses_and_confirming_removes_them(cli, project):
    data, _ = response_pdf(seed=4, sections=3)
    cli("import", str(incoming(project, "hvidovre.pdf", data)), "--hearing", str(HEARING))
    path = HEARING / "responses" / "hvidovre-kommune.md"
    result = cli("review", str(HEARING))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:5: sender = Hvidovre Kommune (sikkerhed 0,9")
    assert any(line.startswith(f"{path}:6: date = 2019-06-") for line in lines)
    heading_lines = [line for line in lines if ": overskrift '" in line]
    assert len(heading_lines) == 3 and all("genkendte ord: " in line for line in heading_lines)
    assert all(re.search(r" / (positiv|bekymring|forslag) \(", line) for line in heading_lines)
    count = next(i for i, line in enumerate(lines) if " gæt at bekræfte i " in line)
    assert lines[count] == f"{count} gæt at bekræfte i 1 fil"
    assert lines[count + 1] == "Taget ud af teksten ved import (står under removed:):"
    english = cli("--lang", "en", "review", str(HEARING)).stdout.splitlines()
    assert english[0].startswith(f"{path}:5: sender = Hvidovre Kommune (confidence 0.9")
    assert [line for line in english if ": heading '" in line and "matched: " in line]
    assert all(
        re.search(r" / (positive|concern|proposal) \(", line)
        for line in english
        if ": heading '" in line
    )
    assert english[count] == f"{count} guesses to confirm in 1 file"
    # a person confirms: delete the guessed entries and the guess/matched attributes
    text = (project / path).read_text("utf-8")
    text = re.sub(r"(?m)^  [a-z_]+: \{confidence.*\n", "", text)
    text = re.sub(r' guess=[0-9.]+ matched="[^"]*"', "", text)
    (project / path).write_text(text, "utf-8")
    result = cli("review", str(HEARING))
    assert result.stdout.startswith(
        "Intet at bekræfte: ingen gættede værdier tilbage\n"
        "Taget ud af teksten ved import (står under removed:):\n"
    )
    assert load_source(project / path).meta.guessed == {}


def test_api_import_file(project):
    data, truth = response_docx(seed=5)
    imported = hoering.import_file(incoming(project, "rodovre.docx", data), HEARING)
    assert imported.path == HEARING / "responses" / "rodovre-kommune.md"
    assert imported.original == HEARING / "received" / "rodovre.docx"
    guessed = {g.key: g for g in imported.guessed}
    assert guessed["sender"].value == "Rødovre Kommune"
    assert guessed["date"].value == truth.date.isoformat()
    assert sum(1 for key in guessed if key.startswith("heading")) == len(truth.headings)
    items = hoering.review(HEARING)
    assert {item.what for item in items} >= {"sender", "date", "title", "case_number"}


def test_round_trip_of_the_example_response(cli, project):
    """Our own example response, built to PDF and imported again, comes back with the same
    headings, topics, table and footnote."""
    assert cli("build", str(HEARING / "responses" / "ishoj.md"), "-f", "pdf").exit_code == 0
    built = project / "output" / EXAMPLE_HEARING / "responses" / "ishoj.pdf"
    original = load_source(project / HEARING / "responses" / "ishoj.md")
    result = cli("import", str(built), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    imported = load_source(project / HEARING / "responses" / "ishoj-kommune.md")
    assert [text_of(h) for h in headings(imported)] == [text_of(h) for h in headings(original)]
    assert [h.topic for h in headings(imported)] == [h.topic for h in headings(original)]
    assert imported.meta.sender == "Ishøj Kommune"
    assert imported.meta.date == original.meta.date
    assert imported.meta.case_number == original.meta.case_number
    tables = [b for b in imported.blocks if isinstance(b, n.Table)]
    assert [[text_of(c) for c in row] for row in tables[0].rows] == [
        [text_of(c) for c in row]
        for row in [b for b in original.blocks if isinstance(b, n.Table)][0].rows
    ]
    assert len(imported.body.footnotes) == len(original.body.footnotes) == 1
    assert text_of(imported.body.footnotes[0].blocks[0]).startswith("Serviceloven giver")


def test_a_docx_hoering_built_comes_back_with_its_letterhead_table_removed(cli, project):
    """Our own DOCX opens with a letterhead laid out as a table (organisation beside Dato,
    Sagsnr., Kontaktperson): imported again, its words are listed as letterhead, not kept as
    text import could not place."""
    assert cli("build", str(HEARING / "responses" / "ishoj.md"), "-f", "docx").exit_code == 0
    built = project / "output" / EXAMPLE_HEARING / "responses" / "ishoj.docx"
    result = cli("import", str(built), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    assert "kunne ikke placeres" not in result.output
    written = project / HEARING / "responses" / "ishoj-kommune.md"
    imported = load_source(written)
    assert "Tekst, som import ikke kunne placere" not in written.read_text("utf-8")
    letterhead = imported.meta.removed["letterhead"]
    assert letterhead[0] == "Region Hovedstaden Center for Sundhed"
    assert letterhead[1].startswith("Dato 19. juni 2019 Sagsnr. 27.00.00-P20-3-19 Kontaktperson")
    assert imported.meta.sender == "Ishøj Kommune"


GLOSTRUP = Path(__file__).parent / "fixtures" / "import" / "hoeringssvar-glostrup.pdf"


def test_glostrup_example_pdf_is_what_the_generator_makes():
    from import_fixtures import glostrup_pdf

    assert GLOSTRUP.read_bytes() == glostrup_pdf()


def test_glostrup_example_imports_into_the_example_hearing(cli, project):
    from import_fixtures import GLOSTRUP_TRUTH as truth

    result = cli("import", str(GLOSTRUP), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    source = load_source(project / HEARING / "responses" / "glostrup-kommune.md")
    meta = source.meta
    assert (meta.sender, meta.date, meta.case_number) == (
        truth.sender,
        truth.date,
        truth.case_number,
    )
    assert [(s.name, s.title) for s in meta.signature.signatories] == [
        (truth.signatory, "Social- og sundhedsdirektør")
    ]
    assert [text_of(h) for h in headings(source)] == truth.headings
    assert [h.topic for h in headings(source)] == truth.topics
    table = next(b for b in source.blocks if isinstance(b, n.Table))
    assert [text_of(c) for c in table.header] == ["Situation", "Ønsket varsel"]
    assert [[text_of(c) for c in row] for row in table.rows] == [
        ["Planlagt udskrivning", "3 hverdage"],
        ["Udskrivning efter kort indlæggelse", "1 hverdag"],
    ]
    assert len([b for b in source.blocks if isinstance(b, n.BulletList)][0].items) == 3
    assert (project / HEARING / "received" / GLOSTRUP.name).read_bytes() == GLOSTRUP.read_bytes()


def test_a_larger_batch_runs_in_worker_processes(project):
    """Four files or more are read in a process pool; errors cross it intact."""
    files = [
        incoming(project, f"svar-{seed}.docx", response_docx(seed, sections=2)[0])
        for seed in range(4)
    ]
    files.append(incoming(project, "skannet.pdf", b"%PDF-1.7\n%%EOF\n"))
    report = hoering.import_files(files, HEARING)
    assert [i.path.name for i in report.imported] == [
        "glostrup-kommune.md",
        "albertslund-kommune.md",
        "brondby-kommune.md",
        "vallensbaek-kommune.md",
    ]
    [(path, error)] = report.failed
    assert path == files[-1]
    assert str(error).startswith("incoming/skannet.pdf: er beskadiget")


def test_numbered_and_nested_lists_in_a_pdf(project):
    from conftest import make_document
    from hoering.render import pdf
    from hoering.render.templates import TemplateFinder

    markdown = (
        "Vi har tre forslag, som vi beder regionen overveje i det videre arbejde:\n\n"
        "1. Netværksmøder holdes senest syv hverdage efter indlæggelsen.\n"
        "2. Indkaldelse sker via korrespondancemeddelelse, så sagsbehandleren altid får "
        "besked i god tid og kan planlægge sin deltagelse i mødet.\n"
        "3. Udskrivningsmentoren ansættes af kommunen.\n\n"
        "## Borgere i hjemløshed\n\n"
        "- Der mangler pladser på herberger, og borgerne venter derfor alt for længe på et "
        "tilbud, der passer til dem.\n"
        "  - Især forsorgshjem\n"
        "- Andet punkt\n\nAfsluttende tekst.\n"
    )
    data = pdf.render(make_document(markdown), TemplateFinder(None))
    imported = hoering.import_file(incoming(project, "lister.pdf", data), HEARING)
    blocks = load_source(imported.path).blocks
    numbered = next(b for b in blocks if isinstance(b, n.OrderedList))
    assert [text_of(item) for item in numbered.items] == [
        "Netværksmøder holdes senest syv hverdage efter indlæggelsen.",
        "Indkaldelse sker via korrespondancemeddelelse, så sagsbehandleren altid får besked "
        "i god tid og kan planlægge sin deltagelse i mødet.",
        "Udskrivningsmentoren ansættes af kommunen.",
    ]
    bullets = next(b for b in blocks if isinstance(b, n.BulletList))
    assert text_of(bullets.items[0].blocks[0]).startswith("Der mangler pladser på herberger")
    nested = bullets.items[0].blocks[1]
    assert isinstance(nested, n.BulletList)
    assert text_of(nested.items[0]) == "Især forsorgshjem"
    assert text_of(bullets.items[1]) == "Andet punkt"


def test_hearing_given_by_its_id(cli, project):
    data, _ = response_docx(seed=2, sections=2)
    result = cli(
        "import", str(incoming(project, "brondby.docx", data)), "--hearing", EXAMPLE_HEARING
    )
    assert result.exit_code == 0, result.output
    assert (project / HEARING / "responses" / "brondby-kommune.md").is_file()
    assert cli("review", EXAMPLE_HEARING).stdout.startswith(
        f"{HEARING}/responses/brondby-kommune.md:5: sender = Brøndby Kommune"
    )


def test_letter_with_sidebar_recipient_window_and_labels(cli, project):
    """A letter not made by our renderer: what stands beside the text and in the window
    is letterhead, headings come from type, labels stay text, bold labels stay bold."""
    original = incoming(project, "hvidovre.pdf", sidebar_letter_pdf())
    result = cli("import", str(original), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    target = project / HEARING / "responses" / "hvidovre-kommune.md"
    source = load_source(target)
    assert source.meta.title == "Høringssvar vedrørende samarbejdsaftalen"
    assert source.meta.date.isoformat() == "2025-03-03"
    assert source.meta.case_number == "27.00.00-P20-7-25"
    assert [text_of(h) for h in headings(source)] == ["Udskrivningsmentor", "Netværksmøder"]
    text = target.read_text("utf-8").split("\n---\n", 1)[1]
    for debris in (
        "EAN-nr.",
        "Åbningstider",
        "Hvidovrevej",
        "Kongens Vænge",
        "Hillerød",
        "Side 1 af",
        "Side 2 af",
        "Aktindsigtsarkivet",
        "\ufb02",
        "## Svar",
    ):
        assert debris not in text
    assert "nogle flere bemærkninger" in text
    assert text.count("\nSvar:\n") == 2
    assert "- **Indkaldelse:** Vi foreslår en fast frist for indkaldelsen." in text
    assert "- **Deltagere:** Det er positivt, at pårørende deltager." in text
    assert " ".join(text.split()).count("aflyses med kort varsel") == 40  # every word kept
    review = cli("review", str(HEARING)).stdout.splitlines()
    recipient = next(line for line in review if ": recipient = " in line)
    window = "Region Hovedstaden, Psykiatri og Social, Kongens Vænge 2, 3400 Hillerød"
    assert f": recipient = {window} (sikkerhed " in recipient


def _docx_with_content_control_and_merged_cells() -> bytes:
    """A Word template's letter: the body inside a block-level content control (w:sdt),
    a table with a cell spanning two columns and one spanning two rows."""
    import io

    from docx import Document
    from docx.oxml import parse_xml

    document = Document()
    body = document.element.body
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    control = parse_xml(
        f'<w:sdt {ns}><w:sdtPr><w:alias w:val="Brødtekst"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>Teksten i skabelonens felt er hele vores svar om ledsagelse.</w:t>"
        "</w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(0, control)
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Afsnit", "Bemærkning"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "En celle over to kolonner."
    table.cell(2, 0).text, table.cell(2, 1).text = "4.3", "Sidste bemærkning."
    document.add_paragraph("Med venlig hilsen")
    document.add_paragraph("Åse Mølgaard")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_content_controls_are_read_and_merged_cells_written_once(cli, project):
    original = incoming(project, "brondby.docx", _docx_with_content_control_and_merged_cells())
    result = cli("import", str(original), "--hearing", str(HEARING))
    assert result.exit_code == 0, result.output
    written = [p for p in (project / HEARING / "responses").glob("*.md") if p.name != "ishoj.md"]
    assert len(written) == 1
    text = " ".join(written[0].read_text("utf-8").split("\n---\n", 1)[1].split())
    assert "Teksten i skabelonens felt er hele vores svar om ledsagelse." in text
    assert text.count("En celle over to kolonner.") == 1
    assert "Sidste bemærkning." in text
