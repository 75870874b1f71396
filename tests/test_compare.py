"""hoering compare: the comparison model, and every file it writes read back.

The example hearing has seven respondents: Albertslund and Brøndby share a paragraph word
for word, Rødovre answered after the deadline, Glostrup was imported from a received PDF
(topics guessed), Vallensbæk has no remarks, and two consulted parties did not answer.
"""

from __future__ import annotations

import csv
import io
import itertools
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pypdf
import pytest
from click.testing import CliRunner

import hoering
from conftest import EXAMPLE_HEARING, PROJECT, copy_project, snapshot
from hoering.cli import main
from htmltree import parse
from support import ERROR, fails_cleanly

HEARING = Path("consultations") / EXAMPLE_HEARING
OUT = Path("output") / EXAMPLE_HEARING
RESPONDENTS = [
    "Albertslund Kommune",
    "Brøndby Kommune",
    "Glostrup Kommune",
    "Hvidovre Kommune",
    "Ishøj Kommune",
    "Rødovre Kommune",
    "Vallensbæk Kommune",
]
NOT_ANSWERED = ["Høje-Taastrup Kommune", "PLO-Hovedstaden"]
FILES = [
    "hoeringsnotat.docx",
    "hoeringsnotat.pdf",
    "hoeringsnotat.html",
    "matrix.csv",
    "matrix.xlsx",
    "samlede-hoeringssvar.pdf",
]
SHARED = "Kommunerne får ofte for kort varsel, når en borger udskrives"
REMARK = "Regionen fastholder, at udskrivningsmentoren er et fælles tilbud"
PLACEHOLDER = "[Bemærkninger til dette emne skrives i remarks.md under '## ledsagelse'.]"
ALT = "Bemærkninger pr. emne fordelt på holdning. Tværfagligt samarbejde: 1 positiv, 1 bekymring"
XLSX = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    """The example project after 'hoering compare' on the example hearing (run once)."""
    root = tmp_path_factory.mktemp("compared")
    copy_project(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = CliRunner().invoke(main, ["compare", str(HEARING)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root, result


@pytest.fixture(scope="module")
def model(compared):
    root, _ = compared
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        return hoering.compare(HEARING)


def _out(compared, name: str) -> Path:
    return compared[0] / OUT / name


# --- the command ---------------------------------------------------------------------------


def test_compare_writes_every_file_and_says_what_it_found(compared):
    _, result = compared
    assert result.stdout.splitlines() == [
        "7 har svaret, 2 hørte parter svarede ikke, for sent: Rødovre Kommune",
        "5 bemærkninger har emner gættet ved indlæsning; bekræft dem med "
        f"'hoering review {HEARING}'",
        *(f"Skrev {OUT / name}" for name in FILES),
    ]
    assert sorted(p.name for p in (compared[0] / OUT).iterdir()) == sorted(FILES)


def test_compare_is_reproducible(compared, cli, project):
    assert cli("compare", str(HEARING), "-o", "again").exit_code == 0
    assert snapshot(project / "again" / EXAMPLE_HEARING) == snapshot(compared[0] / OUT)


def test_a_large_notats_pdf_made_in_a_process_apart_is_the_same_pdf(project, monkeypatch):
    """From PDF_APART_FROM remarks the notat's PDF is laid out in a process of its own (Typst
    keeps what it laid out until its process ends); it is the same file as one made here."""
    from hoering.comparison import outputs

    comparison = hoering.compare(HEARING)
    pdf_only = outputs.OutputOptions(formats=("pdf",), bundle=False)
    here = outputs.make_outputs(comparison, pdf_only)
    monkeypatch.setattr(outputs, "PDF_APART_FROM", 0)
    apart = outputs.make_outputs(comparison, pdf_only)
    assert apart["hoeringsnotat.pdf"] == here["hoeringsnotat.pdf"]
    assert here["hoeringsnotat.pdf"].startswith(b"%PDF-")


# --- the model (Python API) ----------------------------------------------------------------


def test_api_returns_the_model_and_writes_nothing(project):
    before = snapshot(project)
    comparison = hoering.compare(HEARING)
    assert snapshot(project) == before
    assert isinstance(comparison, hoering.Comparison)
    assert [r.name for r in comparison.respondents] == RESPONDENTS
    assert list(comparison.not_answered) == NOT_ANSWERED
    assert [r.name for r in comparison.respondents if r.late] == ["Rødovre Kommune"]
    glostrup = next(r for r in comparison.respondents if r.name == "Glostrup Kommune")
    assert glostrup.imported and [p.name for p in glostrup.received] == [
        "hoeringssvar-glostrup.pdf"
    ]
    assert [t.topic.id for t in comparison.topics] == [
        "tvaerfagligt-samarbejde",
        "ledsagelse",
        "ambulant-behandling",
        "indlaeggelse-udskrivning",
        "ventetid",
        "udskrivningsmentor",
        "netvaerksmoeder",
        "hjemloese",
    ]


def test_model_points_every_remark_back_to_its_source(model, compared):
    mentor = next(t for t in model.topics if t.topic.id == "udskrivningsmentor")
    by_who = {r.respondent: r for r in mentor.remarks}
    assert {who: r.stance for who, r in by_who.items()} == {
        "Albertslund Kommune": "proposal",
        "Glostrup Kommune": "concern",
        "Ishøj Kommune": "proposal",
        "Rødovre Kommune": "positive",
    }
    ishoj = by_who["Ishøj Kommune"]
    assert ishoj.path.name == "ishoj.md" and ishoj.heading == "Udskrivningsmentor"
    lines = (compared[0] / ishoj.path).read_text("utf-8").splitlines()
    assert lines[ishoj.line - 1].startswith("## Udskrivningsmentor {topic=udskrivningsmentor")
    assert by_who["Glostrup Kommune"].guessed and not ishoj.guessed
    assert [b.children[0].text for b in mentor.authority][0].startswith(REMARK)


def test_model_flags_shared_wording_and_counts_stances(model):
    topic = next(t for t in model.topics if t.topic.id == "indlaeggelse-udskrivning")
    shared = {r.respondent: r.shared_with for r in topic.remarks if r.shared_with}
    assert shared == {
        "Albertslund Kommune": ("Brøndby Kommune",),
        "Brøndby Kommune": ("Albertslund Kommune",),
    }
    assert (topic.count("positive"), topic.count("concern"), topic.count("proposal")) == (1, 2, 0)
    assert model.matrix["Ishøj Kommune"]["udskrivningsmentor"] == ("proposal",)
    assert model.stances_of("Rødovre Kommune", "ledsagelse") == ()


def test_nothing_said_outside_the_topics_is_lost(model):
    unmatched = {r.respondent: r.text for r in model.unmatched}
    assert set(unmatched) == set(RESPONDENTS)
    assert "beklager, at svaret kommer efter fristen" in unmatched["Rødovre Kommune"]


def test_two_responses_from_one_party_count_once(project):
    original = project / HEARING / "responses" / "ishoj.md"
    text = original.read_text("utf-8").replace("date: 2019-06-19", "date: 2019-06-20")
    (original.parent / "ishoj-tillaeg.md").write_text(text, "utf-8")
    comparison = hoering.compare(HEARING)
    assert [r.name for r in comparison.respondents] == RESPONDENTS
    ishoj = next(r for r in comparison.respondents if r.name == "Ishøj Kommune")
    assert sorted(p.name for p in ishoj.files) == ["ishoj-tillaeg.md", "ishoj.md"]
    mentor = next(t for t in comparison.topics if t.topic.id == "udskrivningsmentor")
    assert len(mentor.respondents) == 4


def test_unknown_organisation_in_a_response_names_its_line(project):
    response = project / HEARING / "responses" / "ishoj.md"
    response.write_text(
        response.read_text("utf-8").replace("organisation: ishoj", "organisation: ishoej"),
        "utf-8",
    )
    before = snapshot(project)
    with pytest.raises(hoering.SourceErrors) as caught:
        hoering.compare(HEARING)
    [error] = caught.value.errors
    assert (error.path, error.line, error.key) == (
        HEARING / "responses/ishoj.md",
        5,
        "organisation",
    )
    assert error.message == "ukendt organisation 'ishoej'"
    assert snapshot(project) == before


# --- the høringsnotat ----------------------------------------------------------------------


def test_notat_docx_has_every_part_numbered_with_a_toc(compared):
    document = docx.Document(_out(compared, "hoeringsnotat.docx"))
    properties = document.core_properties
    assert properties.title == (
        "Høringsnotat: Udkast til samarbejdsaftale om voksne med psykisk sygdom"
    )
    assert properties.author == "Region Hovedstaden"
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    numbered = [text for style, text in headings if style in ("Heading 1", "Heading 2")]
    assert numbered == [
        "1. Høringen",
        "1.1 Høringsperiode",
        "1.2 Hørte parter",
        "2. Generelle bemærkninger",
        "3. Bemærkninger til de enkelte emner",
        "3.1 Tværfagligt samarbejde",
        "3.2 Ledsagelse til behandling",
        "3.3 Samarbejde under ambulant behandling",
        "3.4 Indlæggelse og udskrivning",
        "3.5 Orientering, varsling og færdigmelding",
        "3.6 Udskrivningsmentor",
        "3.7 Netværksmøder under indlæggelse",
        "3.8 Borgere i hjemløshed",
        "4. Ændringer som følge af høringen",
        "Bilag 1. Overblik over høringssvarene",
    ]
    toc = [p.text for p in document.paragraphs if p.style.name.startswith("toc")]
    assert toc == [f"{text}\t" for text in numbered]  # the tab before the page number
    with zipfile.ZipFile(_out(compared, "hoeringsnotat.docx")) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert body.count(" PAGEREF _Toc") == len(numbered)
    assert ("Heading 3", "Forslag (2)") in headings
    assert ("Heading 3", "Region Hovedstadens bemærkninger") in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert "(46 dage)" in text
    assert "Udkastet blev offentliggjort på regionens hjemmeside den 6. maj 2019." in text
    assert SHARED in text and REMARK in text
    assert "samme ordlyd som Brøndby Kommune" in text
    assert "{topic=" not in text


def test_published_notat_has_no_working_details(compared):
    """No file paths, tool names, guess marks or placeholders in the DOCX and the PDF; every
    remark quoted whole (the request at the end of a long remark is there)."""
    document = docx.Document(_out(compared, "hoeringsnotat.docx"))
    docx_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    reader = pypdf.PdfReader(_out(compared, "hoeringsnotat.pdf"))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for text in (docx_text, pdf_text):
        for working in (
            ".md",
            "hoering",
            "remarks",
            "foreslået",
            "gættet",
            "[Bemærkninger",
            "[Intet svar",
        ):
            assert working not in text, working
    whole = (
        "Vi foreslår, at aftalen lægger vægt på forventningsafstemning og løbende dialog "
        "mellem region og kommuner"
    )
    assert whole in " ".join(docx_text.split())


def test_notat_header_gives_date_case_unit_and_caseworker(compared):
    document = docx.Document(_out(compared, "hoeringsnotat.docx"))
    header = document.tables[0].rows[0].cells[1].text.splitlines()
    assert header == [
        "Dato\t28. august 2019",
        "Sagsnr./J.nr.\t19-012345",
        "Dok. nr.\t1502211",
        "Enhed\tPsykiatri og Social",
        "Sagsbehandler\tBirgitte Lund",
        "E-mail\tbirgitte.lund@example.dk",
        "Telefon\t38 66 50 00",
    ]


def test_notat_lists_every_consulted_party_alphabetically_with_its_mark(compared):
    tables = docx.Document(_out(compared, "hoeringsnotat.docx")).tables
    parties = next(
        [[c.text for c in r.cells] for r in t.rows]
        for t in tables
        if t.rows[0].cells[0].text == "Høringspart"
    )
    assert parties == [
        ["Høringspart", "Svar"],
        ["Albertslund Kommune", "svar modtaget 20. juni 2019"],
        ["Brøndby Kommune", "svar modtaget 21. juni 2019"],
        ["Glostrup Kommune", "svar modtaget 18. juni 2019"],
        ["Hvidovre Kommune", "svar modtaget 14. juni 2019"],
        ["Høje-Taastrup Kommune", "ikke svaret"],
        ["Ishøj Kommune", "svar modtaget 19. juni 2019"],
        ["PLO-Hovedstaden", "ikke svaret"],
        ["Rødovre Kommune", "modtaget efter fristen (26. juni 2019)"],
        ["Vallensbæk Kommune", "ingen bemærkninger (12. juni 2019)"],
    ]


def _body_lines(compared) -> list[str]:
    """The notat's paragraphs after its table of contents."""
    document = docx.Document(_out(compared, "hoeringsnotat.docx"))
    return [p.text for p in document.paragraphs if not p.style.name.startswith("toc")]


def test_notat_answers_each_remark_with_its_status_in_words(compared):
    lines = _body_lines(compared)
    start = lines.index("3.6 Udskrivningsmentor")
    mentor = lines[start : lines.index("3.7 Netværksmøder under indlæggelse")]
    answers = [line for line in mentor if line.startswith("Kommentar:")]
    # by stance: Rødovre (positive), Glostrup (concern), Albertslund and Ishøj (proposals)
    assert answers == [
        "Kommentar: Taget til efterretning",
        "Kommentar: Imødekommet",
        "Kommentar: Delvis imødekommet",
        "Kommentar: Delvis imødekommet",
    ]
    everything = "\n".join(lines)
    assert "Kommentar: Ikke imødekommet" in everything
    summary = "Brøndby Kommune ønsker et varsel på mindst tre hverdage før udskrivning."
    assert summary in lines  # the official's summary replaces the remark


def test_notat_section_four_lists_what_was_changed(compared):
    lines = _body_lines(compared)
    part = lines[
        lines.index("4. Ændringer som følge af høringen") : lines.index(
            "Bilag 1. Overblik over høringssvarene"
        )
    ]
    items = [line for line in part if " – " in line]
    assert items == [
        "Indlæggelse og udskrivning – Albertslund Kommune (imødekommet):",
        "Indlæggelse og udskrivning – Brøndby Kommune (imødekommet):",
        "Udskrivningsmentor – Albertslund Kommune (delvis imødekommet):",
        "Udskrivningsmentor – Glostrup Kommune (imødekommet):",
        "Udskrivningsmentor – Ishøj Kommune (delvis imødekommet):",
        "Borgere i hjemløshed – Brøndby Kommune (delvis imødekommet):",
    ]
    assert part[-2].startswith("Ud over ændringerne ovenfor er udkastets sprog gennemgået")
    # while answers are missing, the list of changes does not claim to be complete
    assert part[-1] == (
        "15 svar på bemærkningerne mangler endnu; ændringer, de måtte føre til, står ikke her."
    )


def test_notat_docx_matrix_and_counts_are_tables(compared):
    tables = docx.Document(_out(compared, "hoeringsnotat.docx")).tables
    matrices = [
        [[c.text for c in r.cells] for r in t.rows]
        for t in tables
        if t.rows[0].cells[0].text == "Høringssvar fra"
    ]
    assert [m[0] for m in matrices] == [
        [
            "Høringssvar fra",
            "Tværfagligt samarbejde",
            "Ledsagelse til behandling",
            "Ambulant behandling",
            "Indlæggelse og udskrivning",
        ],
        [
            "Høringssvar fra",
            "Varsling og færdigmelding",
            "Udskrivningsmentor",
            "Netværksmøder",
            "Borgere i hjemløshed",
        ],
    ]
    assert [r[0] for r in matrices[0][1:]] == RESPONDENTS
    assert matrices[0][5] == [
        "Ishøj Kommune",
        "! bekymring",
        "! bekymring",
        "! bekymring",
        "✓ positiv",
    ]
    counts = next(
        [[c.text for c in r.cells] for r in t.rows]
        for t in tables
        if t.rows[0].cells[0].text == "Emne"
    )
    # the column heads do not break between symbol and word
    assert counts[0] == [
        "Emne",
        "✓\xa0positiv",
        "!\xa0bekymring",
        "→\xa0forslag",
        "·\xa0bemærkning",
        "I\xa0alt",
    ]
    assert counts[6] == ["Udskrivningsmentor", "1", "1", "2", "0", "4"]
    assert counts[-1] == ["Generelle bemærkninger", "0", "0", "0", "7", "7"]
    text = "\n".join(p.text for p in docx.Document(_out(compared, "hoeringsnotat.docx")).paragraphs)
    assert "I alt: antal bemærkninger om emnet" in text


def test_notat_docx_embeds_the_chart_with_its_text_alternative(compared):
    with zipfile.ZipFile(_out(compared, "hoeringsnotat.docx")) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        body = package.read("word/document.xml").decode("utf-8")
    assert any(name.endswith(".png") for name in media)
    assert f'descr="{ALT}' in body


def test_notat_pdf_is_tagged_and_complete(compared):
    reader = pypdf.PdfReader(_out(compared, "hoeringsnotat.pdf"))
    assert reader.metadata.title == (
        "Høringsnotat: Udkast til samarbejdsaftale om voksne med psykisk sygdom"
    )
    assert reader.metadata.author == "Region Hovedstaden"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "da-DK" and bool(root["/MarkInfo"]["/Marked"])
    pages = [page.extract_text() for page in reader.pages]
    text = " ".join(" ".join(page.split()) for page in pages)
    for expected in (
        "Indhold 1. Høringen",
        "1.2 Hørte parter",
        "Vallensbæk Kommune ingen bemærkninger (12. juni 2019)",
        "PLO-Hovedstaden ikke svaret",
        "modtaget efter fristen",
        "3.6 Udskrivningsmentor",
        "samme ordlyd som Brøndby Kommune",
        REMARK,
        "Kommentar: Delvis imødekommet",
        "4. Ændringer som følge af høringen",
        "Bilag 1. Overblik",
    ):
        assert expected in text, expected
    assert f"Side 1 af {len(pages)}" in pages[0]
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top == [
        "1. Høringen",
        "2. Generelle bemærkninger",
        "3. Bemærkninger til de enkelte emner",
        "4. Ændringer som følge af høringen",
        "Bilag 1. Overblik over høringssvarene",
    ]
    images = [name for page in reader.pages for name in page.images]
    assert len(images) == 1  # the chart (the region's SVG logo is drawn as vectors)


# --- the HTML report -----------------------------------------------------------------------


def _report(compared):
    return parse(_out(compared, "hoeringsnotat.html").read_text("utf-8"))


def test_report_is_complete_without_javascript(compared, model):
    page = _report(compared)
    assert page.find("html").attrs["lang"] == "da"
    remarks = page.find_all("div", class_="remark")
    expected = sum(len(t.remarks) for t in model.topics) + len(model.unmatched)
    assert len(remarks) == expected
    hidden = [e for e in page.iter() if "hidden" in e.attrs]
    assert [(e.tag, e.attrs.get("id")) for e in hidden] == [("form", "filters")]
    assert SHARED in page.text() and REMARK in page.text()
    for element in page.iter():
        for attribute in ("src", "href"):
            value = element.attrs.get(attribute) or ""
            assert not value.startswith(("http:", "https:", "//")), value


def test_report_is_the_working_copy_with_links_and_guess_marks(compared):
    page = _report(compared)
    assert PLACEHOLDER in page.text()
    nav = page.find("nav")
    assert [a.text() for a in nav.find_all("a")][:3] == [
        "1. Høringen",
        "1.1 Høringsperiode",
        "1.2 Hørte parter",
    ]
    glostrup = next(
        r
        for r in page.find_all("div", class_="remark")
        if r.attrs["data-respondent"] == "Glostrup Kommune"
        and r.attrs["data-topic"] == "udskrivningsmentor"
    )
    link = glostrup.find("a")
    assert link.text().startswith("responses/glostrup-kommune.md:")
    target = (_out(compared, "hoeringsnotat.html").parent / link.attrs["href"]).resolve()
    assert target == (compared[0] / HEARING / "responses" / "glostrup-kommune.md").resolve()
    assert "emne og holdning foreslået ved indlæsning, ikke bekræftet" in glostrup.text()
    assert "* foreslået ved indlæsning, ikke bekræftet" in page.text()
    parties = next(
        t
        for t in page.find_all("table")
        if t.find_all("caption") and t.find("caption").text() == "Høringsliste"
    )
    marks = {row.find("th").text(): row.find("td").text() for row in parties.find_all("tr")[1:]}
    assert marks["Glostrup Kommune"] == (
        "svar modtaget 18. juni 2019 [dato foreslået ved indlæsning]"
    )  # not shown as a fact


def test_report_tables_and_controls_are_accessible(compared):
    page = _report(compared)
    matrix = next(
        t
        for t in page.find_all("table")
        if t.find_all("caption")
        and t.find("caption").text().startswith("Holdninger pr. høringspart og emne")
    )
    assert [th.text() for th in matrix.find_all("th", scope="col")][:2] == [
        "Høringssvar fra",
        "Tværfagligt samarbejde",
    ]
    assert [th.text() for th in matrix.find_all("th", scope="row")] == RESPONDENTS
    cell = matrix.find_all("td")[0]
    assert cell.attrs["data-label"] == "Tværfagligt samarbejde"
    for select in page.find_all("select"):
        assert page.find_all("label", for_=select.attrs["id"]) or any(
            select in label.iter("select") for label in page.find_all("label")
        )
    logo, chart = page.find_all("img")
    assert logo.attrs["alt"] == "Region Hovedstaden"
    assert chart.attrs["src"].startswith("data:image/png;base64,")
    assert chart.attrs["alt"].startswith(ALT)
    levels = [int(e.tag[1]) for e in page.iter() if e.tag in {"h1", "h2", "h3", "h4"}]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium on this machine to run the "
    "report's filters in a real browser (Debian: apt install chromium)",
)
def test_report_filters_in_a_headless_browser(compared, model, tmp_path):
    url = _out(compared, "hoeringsnotat.html").as_uri() + "?stance=concern"
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={tmp_path}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    page = parse(dom)
    assert "hidden" not in page.find("form", id="filters").attrs
    remarks = page.find_all("div", class_="remark")
    shown = [r for r in remarks if "hidden" not in r.attrs]
    concerns = sum(t.count("concern") for t in model.topics) + sum(
        1 for r in model.unmatched if r.stance == "concern"
    )
    assert len(shown) == concerns > 0
    assert {r.attrs["data-stance"] for r in shown} == {"concern"}
    assert page.find("p", id="filter-status").text() == (
        f"Viser {concerns} af {len(remarks)} bemærkninger."
    )


# --- matrix.csv and matrix.xlsx ------------------------------------------------------------


def test_matrix_csv_opens_in_danish_excel(compared):
    data = _out(compared, "matrix.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Høringssvar fra", "Modtaget", "2 Tværfagligt samarbejde"]
    assert [r[0] for r in rows[1:-1]] == RESPONDENTS
    assert rows[1] == [
        "Albertslund Kommune",
        "2019-06-20",
        "",
        "",
        "",
        "! bekymring",
        "",
        "→ forslag",
        "✓ positiv",
        "",
    ]
    assert rows[-1] == ["I alt", "7", "3", "3", "2", "3", "3", "4", "2", "4"]


def test_matrix_xlsx_has_frozen_header_widths_filter_and_totals(compared):
    with zipfile.ZipFile(_out(compared, "matrix.xlsx")) as book:
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        strings = [
            si.findtext("m:t", namespaces=XLSX)
            for si in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).findall(
                "m:si", XLSX
            )
        ]
    pane = sheet.find(".//m:pane", XLSX)
    assert (pane.get("state"), pane.get("ySplit"), pane.get("xSplit")) == ("frozen", "1", "1")
    widths = [float(c.get("width")) for c in sheet.findall(".//m:col", XLSX)]
    assert all(w >= 12 for w in widths)
    assert sheet.find("m:autoFilter", XLSX).get("ref") == "A1:J8"

    def value(ref: str) -> str:
        cell = sheet.find(f".//m:c[@r='{ref}']", XLSX)
        raw = cell.findtext("m:v", namespaces=XLSX)
        return strings[int(raw)] if cell.get("t") == "s" else raw

    assert value("A6") == "Ishøj Kommune" and value("H6") == "→ forslag"
    assert value("B6") == "43635"  # 19 June 2019 as an Excel date, not text
    assert [value(f"{c}9") for c in "ABCJ"] == ["I alt", "7", "3", "4"]


# --- samlede-hoeringssvar.pdf --------------------------------------------------------------


def test_bundle_has_a_cover_a_bookmark_per_respondent_and_the_originals(compared):
    reader = pypdf.PdfReader(_out(compared, "samlede-hoeringssvar.pdf"))
    top = [item for item in reader.outline if not isinstance(item, list)]
    starts = {item.title: reader.get_destination_page_number(item) for item in top}
    assert list(starts) == RESPONDENTS
    cover = " ".join(reader.pages[0].extract_text().split())
    for name, start in starts.items():
        assert f"{name} " in cover and f" {start + 1}" in cover
    received = pypdf.PdfReader(compared[0] / HEARING / "received" / "hoeringssvar-glostrup.pdf")
    first = starts["Glostrup Kommune"]
    for offset, page in enumerate(received.pages):
        assert reader.pages[first + offset].extract_text() == page.extract_text()
    assert starts["Hvidovre Kommune"] == first + len(received.pages)
    ishoj = " ".join(reader.pages[starts["Ishøj Kommune"]].extract_text().split())
    assert "Ishøj Kommune" in ishoj and "{topic=" not in ishoj


# --- a large hearing, in English ---------------------------------------------------------

LARGE = 45  # more than fit on one cover page, more than the notat's matrix shows


def _large_hearing(root: Path) -> Path:
    """A hearing in English with LARGE respondents that have no profile (``sender:``)."""
    folder = root / "consultations" / "large"
    (folder / "responses").mkdir(parents=True)
    consulted = "".join(f"  - name: Council {i:02d}\n" for i in range(LARGE + 2))
    (folder / "hearing.yaml").write_text(
        "id: large\ntitle: Draft care agreement\nauthority: region-hovedstaden\nlang: en\n"
        "draft: {name: the draft care agreement}\n"
        "period: {start: 2019-05-06, end: 2019-06-21}\ndeadline: 2019-06-21\n"
        f"consulted:\n{consulted}topics:\n"
        "  - {id: discharge, title: Discharge, section: '4.1', keywords: [discharge]}\n"
        "  - {id: escort, title: Escort, section: '3.4', keywords: [escort]}\n",
        "utf-8",
    )
    for i in range(LARGE):
        stance = ("positive", "concern", "proposal")[i % 3]
        (folder / "responses" / f"council-{i:02d}.md").write_text(
            f"""---
type: response
title: Response from Council {i:02d}
hearing: large
sender: Council {i:02d}
date: 2019-06-{25 if i < 7 else 1 + i % 20:02d}
recipient: [Region Hovedstaden]
signature: {{on_behalf_of: Council {i:02d}}}
lang: en
---

## Discharge {{topic=discharge stance={stance}}}

Council {i:02d} asks for notice {i} days before a citizen is discharged.
""",
            "utf-8",
        )
    return folder


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    root = tmp_path_factory.mktemp("large")
    shutil.copytree(PROJECT / "templates", root / "templates")
    folder = _large_hearing(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setattr("hoering.cli.report.Progress.QUIET_SECONDS", 0.0)  # show every step
        result = CliRunner().invoke(
            main, ["compare", "consultations/large"], catch_exceptions=False
        )
    assert result.exit_code == 0, result.output
    # a long run says what it is doing (on stderr; stdout has the result only)
    assert result.stderr.splitlines() == [
        "Læser svar 11/45",
        "Læser svar 22/45",
        "Læser svar 33/45",
        "Læser svar 44/45",
        "Læser svar 45/45",
        "Advarsel: consultations/large/remarks.md findes ikke: "
        "ingen af de 45 bemærkninger har et svar "
        "('hoering remarks consultations/large' laver filen med en plads til hvert svar)",
        "Laver hoeringsnotat.docx",
        "Laver hoeringsnotat.pdf",
        "Laver hoeringsnotat.html",
        "Laver matrix.csv, matrix.xlsx",
        "Laver samlede-hoeringssvar.pdf",
    ]
    assert result.stdout.splitlines()[0] == (
        "45 har svaret, 2 hørte parter svarede ikke, for sent: Council 00, Council 01, "
        "Council 02 og 4 til"
    )
    return root / "output" / folder.name


def test_large_bundle_cover_runs_over_pages_and_points_to_the_right_ones(large):
    reader = pypdf.PdfReader(large / "samlede-hoeringssvar.pdf")
    top = [item for item in reader.outline if not isinstance(item, list)]
    starts = {item.title: reader.get_destination_page_number(item) for item in top}
    assert list(starts) == [f"Council {i:02d}" for i in range(LARGE)]
    cover_pages = starts["Council 00"]
    assert cover_pages >= 2
    cover = [" ".join(reader.pages[i].extract_text().split()) for i in range(cover_pages)]
    for number, text in enumerate(cover, start=1):
        assert text.endswith(f"Page {number} of {len(reader.pages)}")
    listed = " ".join(cover)
    for name, start in starts.items():
        assert f"{name} " in listed
        assert f" {start + 1} " in listed
        assert f"{name} asks for notice" in reader.pages[start].extract_text()


def test_large_notat_leaves_the_matrix_to_the_spreadsheet_and_speaks_english(large):
    document = docx.Document(large / "hoeringsnotat.docx")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        "1. The consultation",
        "1.1 Consultation period",
        "1.2 Consulted parties",
    ]
    assert "3.1 Discharge" in headings and "Appendix 1. Overview of the responses" in headings
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        f"With {LARGE} responses the matrix is in matrix.xlsx and hoeringsnotat.html; "
        "the counts per topic are shown here."
    ) in text
    parties = next(t for t in document.tables if t.rows[0].cells[0].text == "Party")
    assert [c.text for c in parties.rows[-1].cells] == ["Council 46", "no response"]
    assert [c.text for c in parties.rows[1].cells] == [
        "Council 00",
        "received after the deadline (25 June 2019)",
    ]
    first_rows = [t.rows[0].cells[0].text for t in document.tables]
    assert "Party" in first_rows and "Response from" not in first_rows
    workbook = zipfile.ZipFile(large / "matrix.xlsx")
    sheet = ElementTree.fromstring(workbook.read("xl/worksheets/sheet1.xml"))
    assert len(sheet.findall(".//m:sheetData/m:row", XLSX)) == 1 + LARGE + 1


# --- many topics ---------------------------------------------------------------------------


def test_many_topics_matrix_is_split_into_tables_that_fit(tmp_path, monkeypatch):
    """Ten topic columns are too many for one A4 page: the matrix is split into tables of
    four topics, each with the respondents' names, the stances in words; in HTML each table
    also scrolls sideways in its own box and stacks its rows on a narrow screen."""
    folder = tmp_path / "consultations" / "wide"
    (folder / "responses").mkdir(parents=True)
    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    topics = "".join(
        f"  - {{id: t{i}, title: Emne {i}, section: '{i}', keywords: [emne{i}]}}\n"
        for i in range(1, 11)
    )
    (folder / "hearing.yaml").write_text(
        "id: wide\ntitle: Udkast med mange afsnit\nauthority: region-hovedstaden\n"
        "draft: {name: udkastet}\nperiod: {start: 2019-05-06, end: 2019-06-21}\n"
        f"deadline: 2019-06-21\nconsulted: [{{name: Egedal}}, {{name: Furesø}}]\n"
        f"topics:\n{topics}",
        "utf-8",
    )
    for name, stance in (("Egedal", "concern"), ("Furesø", "positive")):
        sections = "".join(
            f"## Emne {i} {{topic=t{i} stance={stance}}}\n\nOm emne {i}.\n\n"
            for i in range(1, 11, 2)
        )
        (folder / "responses" / f"{name.lower()}.md").write_text(
            f"---\ntype: response\ntitle: Svar\nhearing: wide\nsender: {name}\n"
            f"date: 2019-06-10\nrecipient: [Region Hovedstaden]\n"
            f"signature: {{on_behalf_of: {name}}}\n---\n\n{sections}",
            "utf-8",
        )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main,
        ["compare", "consultations/wide", "--no-bundle", "-f", "docx", "-f", "html"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "output" / "wide"
    tables = docx.Document(out / "hoeringsnotat.docx").tables
    matrices = [t for t in tables if t.rows[0].cells[0].text == "Høringssvar fra"]
    assert [[c.text for c in m.rows[0].cells][1:] for m in matrices] == [
        ["Emne 1", "Emne 2", "Emne 3", "Emne 4"],
        ["Emne 5", "Emne 6", "Emne 7", "Emne 8"],
        ["Emne 9", "Emne 10"],
    ]
    assert [c.text for c in matrices[0].rows[1].cells] == [
        "Egedal",
        "! bekymring",
        "–",
        "! bekymring",
        "–",
    ]
    text = "\n".join(p.text for p in docx.Document(out / "hoeringsnotat.docx").paragraphs)
    assert "✓ positiv, ! bekymring, → forslag, · bemærkning; – intet svar om emnet." in text
    assert "Holdninger pr. høringspart og emne (del 3 af 3)" in text
    page = parse((out / "hoeringsnotat.html").read_text("utf-8"))
    box = page.find("div", class_="table-scroll")
    assert (box.attrs["role"], box.attrs["aria-label"], box.attrs["tabindex"]) == (
        "region",
        "Holdninger pr. høringspart og emne (del 1 af 3)",
        "0",
    )
    row = box.find("table").find_all("tr")[2]
    assert [c.text() for c in row.children if not isinstance(c, str)][:3] == [
        "Furesø",
        "✓ positiv",
        "–",
    ]


# --- hoering new hearing -------------------------------------------------------------------


def test_new_hearing_scaffolds_a_hearing_whose_examples_must_be_replaced(cli, project):
    args = (
        "new",
        "hearing",
        "--id",
        "trafikplan-2027",
        "--title",
        "Udkast til trafikplan 2027",
        "--authority",
        "region-hovedstaden",
        "--start",
        "2026-12-01",
        "--deadline",
        "2027-01-15",
    )
    result = cli(*args)
    assert result.exit_code == 0, result.output
    target = project / "consultations" / "trafikplan-2027" / "hearing.yaml"
    text = target.read_text("utf-8")
    assert 'title: "Udkast til trafikplan 2027"' in text and "deadline: 2027-01-15" in text
    assert (project / "consultations" / "trafikplan-2027" / "responses").is_dir()
    again = cli(*args)
    assert again.exit_code == 1
    assert again.stderr.strip().startswith(
        "Fejl: consultations/trafikplan-2027/hearing.yaml findes allerede"
    )
    assert target.read_text("utf-8") == text
    examples = cli("compare", "consultations/trafikplan-2027")
    assert examples.exit_code == 1
    assert examples.stderr.splitlines() == [
        "Fejl: consultations/trafikplan-2027/hearing.yaml:21: consulted.name: høringsparten "
        "'Navn Kommune' er skabelonens eksempel (skriv høringens egne parter i stedet)",
        "Fejl: consultations/trafikplan-2027/hearing.yaml:27: topics.id: emnet 'emne-et' er "
        "skabelonens eksempel (skriv høringens egne emner i stedet: id, titel og nøgleord)",
    ]
    text = text.replace('"Navn Kommune"', '"Ishøj Kommune"').replace("emne-et", "trafik")
    target.write_text(text, "utf-8")
    empty = cli("compare", "consultations/trafikplan-2027")
    assert empty.exit_code == 1
    assert empty.stderr.strip() == (
        "Fejl: consultations/trafikplan-2027: ingen høringssvar at sammenligne (læg dem i "
        "responses/: skriv et med 'hoering new response', eller indlæs modtagne svar med "
        "'hoering import')"
    )
    assert not (project / "output").exists()


# --- bad input: the exact message, exit code 1, nothing written ----------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _fails(cli, project, message: str, *args: str) -> None:
    before = snapshot(project)
    result = cli("compare", str(HEARING), *args)
    assert result.stderr.strip() == message
    fails_cleanly(result, [message.removeprefix(ERROR)], project, before)
    assert not (project / "output").exists()


def test_unknown_topic_names_file_and_line(cli, project):
    _edit(project / HEARING / "responses" / "hvidovre.md", "topic=ventetid", "topic=ventetiden")
    _fails(
        cli,
        project,
        f"Fejl: {HEARING}/responses/hvidovre.md:18: 'ventetiden' er ikke et emne i "
        "hearing.yaml (mente du 'ventetid'?)",
    )


def test_remarks_heading_naming_no_topic(cli, project):
    with (project / HEARING / "remarks.md").open("a", encoding="utf-8") as remarks:
        remarks.write("\n## mentorordning\n\nFølges op.\n")
    _fails(
        cli,
        project,
        f"Fejl: {HEARING}/remarks.md:72: overskriften 'mentorordning' nævner intet emne "
        "fra hearing.yaml (brug et af: tvaerfagligt-samarbejde, ledsagelse, "
        "ambulant-behandling, indlaeggelse-udskrivning, ventetid, udskrivningsmentor, "
        "netvaerksmoeder, hjemloese)",
    )


def test_duplicate_topic_ids(cli, project):
    _edit(
        project / HEARING / "hearing.yaml", "  - id: ledsagelse", "  - id: tvaerfagligt-samarbejde"
    )
    _fails(
        cli,
        project,
        f"Fejl: {HEARING}/hearing.yaml:37: topics.id: emnet 'tvaerfagligt-samarbejde' er "
        "brugt to gange (det første er emne nr. 1; giv hvert emne sit eget id)",
    )


def test_hearing_without_responses(cli, project):
    for path in (project / HEARING / "responses").glob("*.md"):
        path.unlink()
    _fails(
        cli,
        project,
        f"Fejl: {HEARING}: ingen høringssvar at sammenligne (læg dem i responses/: "
        "skriv et med 'hoering new response', eller indlæs modtagne svar med "
        "'hoering import')",
    )


def test_missing_hearing_folder(cli, project):
    before = snapshot(project)
    result = cli("compare", "consultations/nix")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Fejl: consultations/nix: høringens mappe findes ikke (angiv den mappe, der har "
        "hearing.yaml, eller høringens id)"
    )
    assert snapshot(project) == before


# --- shared wording at scale ---------------------------------------------------------------


def test_campaign_text_is_shared_but_a_stock_phrase_is_not():
    from hoering.comparison.notat import shared_note
    from hoering.comparison.similarity import shared_respondents

    stock = "Kommunen takker for muligheden for at afgive høringssvar til udkastet."
    campaign = "Vi kræver at varslet ved udskrivning bliver mindst tre hverdage for alle borgere."
    remarks = [(f"Part {i:02d}", stock + (f" {campaign}" if i < 10 else "")) for i in range(60)]
    shared = shared_respondents(remarks)
    assert shared[0] == tuple(f"Part {i:02d}" for i in range(1, 10))
    assert shared[10:] == [()] * 50  # 60 of 60 wrote the stock phrase: not a shared remark
    assert shared_note(shared[0], "da") == (
        "samme ordlyd som 9 andre høringssvar, bl.a. Part 01, Part 02, Part 03"
    )
    assert shared_note(("Brøndby Kommune",), "da") == "samme ordlyd som Brøndby Kommune"


# --- a response the project refuses: left out as build leaves it out -----------------------


def _docx_paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_a_response_that_cannot_be_read_is_left_out_and_the_rest_compared(cli, project):
    responses = project / HEARING / "responses"
    for name in ("brondby.md", "glostrup-kommune.md", "rodovre.md", "vallensbaek.md"):
        (responses / name).unlink()
    _edit(responses / "hvidovre.md", "date: 2019-06-14", "date: 2019-13-45")
    broken = (responses / "hvidovre.md").read_bytes()
    result = cli("compare", str(HEARING), "--draft", "-f", "docx", "--no-bundle")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        f"Fejl: {HEARING}/responses/hvidovre.md:6: date: '2019-13-45' er ikke en dato "
        "(skriv datoer som ÅÅÅÅ-MM-DD, fx 2019-06-19)",
        "1 høringssvar er udeladt af sammenligningen, fordi det ikke kunne læses",
    ]
    assert result.stdout.splitlines()[0] == "2 har svaret, 7 hørte parter svarede ikke"
    assert (responses / "hvidovre.md").read_bytes() == broken
    built = cli("build", str(responses / "hvidovre.md"))  # the same line as build gives
    assert result.stderr.splitlines()[-2] in built.stderr.splitlines()
    said = "Desuden er et høringssvar udeladt af dette notat, fordi det ikke kunne læses."
    working = _docx_paragraphs(project / OUT / "hoeringsnotat-udkast.docx")
    assert said in working
    assert working[working.index(said) + 1] == (
        f"{HEARING}/responses/hvidovre.md:6: date: '2019-13-45' er ikke en dato "
        "(skriv datoer som ÅÅÅÅ-MM-DD, fx 2019-06-19)"
    )
    rows = [
        [c.text for c in row.cells]
        for table in docx.Document(str(project / OUT / "hoeringsnotat-udkast.docx")).tables
        for row in table.rows
    ]
    answered = [row[0] for row in rows if row[1].startswith("svar modtaget")]
    assert answered == ["Albertslund Kommune", "Ishøj Kommune"]
    # the published copy says how many were left out, and names no file
    assert cli("compare", str(HEARING), "-f", "docx", "--no-bundle").exit_code == 1
    published = _docx_paragraphs(project / OUT / "hoeringsnotat.docx")
    assert said in published
    assert not any("hvidovre.md" in text for text in published)


def test_compare_stops_when_no_response_can_be_read(cli, project):
    responses = project / HEARING / "responses"
    for path in responses.glob("*.md"):
        if path.name != "hvidovre.md":
            path.unlink()
    _edit(responses / "hvidovre.md", "date: 2019-06-14", "date: 2019-13-45")
    _fails(
        cli,
        project,
        f"Fejl: {HEARING}/responses/hvidovre.md:6: date: '2019-13-45' er ikke en dato "
        "(skriv datoer som ÅÅÅÅ-MM-DD, fx 2019-06-19)",
    )
