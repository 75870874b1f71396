"""Every answer of remarks.md in every layout and format of the høringsnotat: the answer to
each remark, the comment on each topic as a whole, the comment on the general remarks and
the text under "Ændringer" — read back from the PDF (pypdf), the DOCX (python-docx) and the
HTML (parsed), for the example hearing and for a generated one."""

from __future__ import annotations

import random
import re
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from conftest import EXAMPLE_HEARING
from hoering.comparison.outputs import notat_name
from htmltree import parse

LAYOUTS = ("emner", "parter", "oversigt")
NOTAT = notat_name()  # the default layout's: hoeringsnotat


def squeezed(text: str) -> str:
    """Text without white space (lines and cells wrap differently in each format)."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


def written_text(folder: Path, fmt: str, layout: str = "emner") -> str:
    path = folder / f"{notat_name(layout)}.{fmt}"
    if fmt == "pdf":
        return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    if fmt == "docx":
        body = docx.Document(path).element.body
        return " ".join(t.text or "" for t in body.iter(qn("w:t")))
    return parse(path.read_text("utf-8")).find("body").text()


def answers_in(remarks: Path) -> list[str]:
    """Every paragraph of remarks.md that is not a heading: the answers, the comments on
    topics and on the general remarks, the summaries (> …) and the changes."""
    paragraphs = re.split(r"\n\s*\n", remarks.read_text("utf-8"))
    found = []
    for paragraph in paragraphs:
        lines = [line.removeprefix(">").strip() for line in paragraph.strip().splitlines()]
        if lines and not lines[0].startswith("#"):
            found.append(" ".join(lines))
    return found


def missing_answers(cli, hearing: Path, layout: str) -> dict[str, list[str]]:
    out = Path("output") / layout
    result = cli("compare", str(hearing), "--no-bundle", "--layout", layout, "-o", str(out))
    assert result.exit_code == 0, result.output
    folder = out / hearing.name
    expected = answers_in(hearing / "remarks.md")
    assert expected
    missing = {}
    for fmt in ("pdf", "docx", "html"):
        said = squeezed(written_text(folder, fmt, layout))
        missing[fmt] = [a for a in expected if squeezed(a) not in said]
    return missing


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_answer_of_the_example_hearing_is_in_every_layout(cli, project, layout):
    hearing = Path("consultations") / EXAMPLE_HEARING
    assert missing_answers(cli, hearing, layout) == {"pdf": [], "docx": [], "html": []}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_answer_of_a_generated_hearing_is_in_every_layout(cli, project, layout):
    hearing = generated_hearing(project / "consultations" / "genereret", seed=20)
    assert missing_answers(cli, hearing, layout) == {"pdf": [], "docx": [], "html": []}


def test_the_other_layouts_print_the_comments_on_the_topics_under_their_titles(cli, project):
    hearing = Path("consultations") / EXAMPLE_HEARING
    result = cli("compare", str(hearing), "--no-bundle", "--layout", "parter", "-f", "docx")
    assert result.exit_code == 0, result.output
    document = docx.Document(project / "output" / EXAMPLE_HEARING / "hoeringsnotat-parter.docx")
    lines = [p.text for p in document.paragraphs if not p.style.name.startswith("toc")]
    start = lines.index("3. Region Hovedstadens bemærkninger")
    section = lines[start : lines.index("4. Ændringer som følge af høringen")]
    assert [line for line in section if re.match(r"3\.\d ", line)] == [
        "3.1 Generelle bemærkninger",
        "3.2 Indlæggelse og udskrivning",
        "3.3 Udskrivningsmentor",
        "3.4 Borgere i hjemløshed",
    ]
    assert section[section.index("3.4 Borgere i hjemløshed") + 1] == (
        "Forslaget om et fælles overblik over pladser på herberger og forsorgshjem drøftes i "
        "Den Administrative Styregruppe."
    )


# A hearing made up for the test: topics, respondents who remark on some of them with some
# stance, and a remarks.md that answers every remark and comments on every topic.
WORDS = (
    "borgeren kommunen regionen aftalen udkastet varsel plads tilbud indsats møde frist "
    "samarbejde ansvar behandling bolig støtte overgang opfølgning medarbejder plan"
).split()
STANCES = ("positive", "concern", "proposal")


def sentence(rng: random.Random, n: int = 9) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def generated_hearing(folder: Path, seed: int) -> Path:
    rng = random.Random(seed)
    topics = [(f"emne-{i}", f"Emne nummer {i}") for i in range(1, 4)]
    parties = [f"Testkommune {chr(65 + i)}" for i in range(4)]
    (folder / "responses").mkdir(parents=True)
    topic_yaml = "".join(f"  - id: {tid}\n    title: {title}\n" for tid, title in topics)
    party_yaml = "".join(f"  - name: {p}\n" for p in parties)
    (folder / "hearing.yaml").write_text(
        f"id: {folder.name}\ntitle: Udkast til en genereret aftale\n"
        "authority: region-hovedstaden\ndraft:\n  name: udkast til genereret aftale\n"
        "period:\n  start: 2020-01-06\n  end: 2020-02-07\ndeadline: 2020-02-07\n"
        f"consulted:\n{party_yaml}topics:\n{topic_yaml}",
        "utf-8",
    )
    said: dict[str, list[str]] = {tid: [] for tid, _ in topics}
    for index, party in enumerate(parties):
        body = [sentence(rng), ""]
        for tid, title in topics:
            if rng.random() < 0.7:
                stance = rng.choice(STANCES)
                body += [f"## {title} {{topic={tid} stance={stance}}}", "", sentence(rng), ""]
                said[tid].append(party)
        (folder / "responses" / f"svar-{index}.md").write_text(
            f"---\ntype: response\ntitle: Høringssvar\nhearing: {folder.name}\n"
            f"sender: {party}\ndate: 2020-02-0{index + 1}\n---\n\n" + "\n".join(body),
            "utf-8",
        )
    remarks = ["## Generelle bemærkninger", "", sentence(rng, 12), ""]
    for tid, _ in topics:
        remarks += [f"## {tid}", "", sentence(rng, 12), ""]
        for party in said[tid]:
            remarks += [f"### {party} {{status={rng.choice(('delvist', 'noteret'))}}}", ""]
            remarks += [sentence(rng, 11), ""]
    remarks += ["## Ændringer", "", sentence(rng, 10), ""]
    (folder / "remarks.md").write_text("\n".join(remarks), "utf-8")
    return folder


# Missing answers: compare warns (count and the first entries, with remarks.md's lines),
# the published notat does not call itself complete, and --draft marks each one.
EXAMPLE = Path("consultations") / EXAMPLE_HEARING
WARNING_DA = (
    f"Advarsel: {EXAMPLE}/remarks.md: 15 bemærkninger har endnu intet svar; de første: "
    "'### Hvidovre Kommune' under '## tvaerfagligt-samarbejde' (ikke i filen); "
    "'### Ishøj Kommune' under '## tvaerfagligt-samarbejde' (ikke i filen); "
    "'### Glostrup Kommune' under '## tvaerfagligt-samarbejde' (ikke i filen); og 12 til"
)
NOT_COMPLETE_DA = (
    "15 svar på bemærkningerne mangler endnu; ændringer, de måtte føre til, står ikke her."
)


def docx_lines(path: Path) -> list[str]:
    document = docx.Document(path)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def test_compare_warns_with_the_count_and_the_first_missing_answers(cli, project):
    result = cli("compare", str(EXAMPLE), "--no-bundle", "-f", "docx")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == WARNING_DA
    lines = docx_lines(project / "output" / EXAMPLE_HEARING / f"{NOTAT}.docx")
    assert NOT_COMPLETE_DA in lines
    assert "Høringen har ikke givet anledning til ændringer i udkastet." not in lines
    assert not [line for line in lines if "Intet svar endnu" in line]  # the published copy


def test_the_missing_answers_warning_in_english(cli, project):
    result = cli("--lang", "en", "compare", str(EXAMPLE), "--no-bundle", "-f", "html")
    assert result.stderr.splitlines()[0] == (
        f"Warning: {EXAMPLE}/remarks.md: 15 answers are missing, the first: "
        "'### Hvidovre Kommune' under '## tvaerfagligt-samarbejde' (missing); "
        "'### Ishøj Kommune' under '## tvaerfagligt-samarbejde' (missing); "
        "'### Glostrup Kommune' under '## tvaerfagligt-samarbejde' (missing); and 12 more"
    )


def test_strict_fails_on_missing_answers(cli, project):
    result = cli("--strict", "compare", str(EXAMPLE), "--no-bundle", "-f", "html")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        WARNING_DA,
        "Fejl: --strict gør advarslen ovenfor til en fejl",
    ]


def test_an_entry_left_empty_is_named_by_its_line(cli, project):
    remarks = EXAMPLE / "remarks.md"
    before = remarks.read_text("utf-8")
    remarks.write_text(
        before + "\n## tvaerfagligt-samarbejde\n\nTekst om emnet.\n\n### Hvidovre Kommune\n",
        "utf-8",
    )
    line = before.count("\n") + 6
    result = cli("compare", str(EXAMPLE), "--no-bundle", "-f", "html")
    assert result.stderr.splitlines()[0] == (
        f"Advarsel: {EXAMPLE}/remarks.md: 15 bemærkninger har endnu intet svar; de første: "
        f"linje {line}: '### Hvidovre Kommune' under '## tvaerfagligt-samarbejde' (tom); "
        "'### Ishøj Kommune' under '## tvaerfagligt-samarbejde' (ikke i filen); "
        "'### Glostrup Kommune' under '## tvaerfagligt-samarbejde' (ikke i filen); og 12 til"
    )


def test_a_hearing_without_remarks_md_warns_that_every_answer_is_missing(cli, project):
    (EXAMPLE / "remarks.md").unlink()
    result = cli("compare", str(EXAMPLE), "--no-bundle", "-f", "docx")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"Advarsel: {EXAMPLE}/remarks.md findes ikke: ingen af de 24 bemærkninger har et svar "
        f"('hoering remarks {EXAMPLE}' laver filen med en plads til hvert svar)"
    )
    lines = docx_lines(project / "output" / EXAMPLE_HEARING / f"{NOTAT}.docx")
    assert (
        "24 svar på bemærkningerne mangler endnu; ændringer, de måtte føre til, står ikke her."
        in lines
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_draft_marks_each_missing_answer_where_it_belongs(cli, project, layout):
    result = cli(
        "compare", str(EXAMPLE), "--no-bundle", "--draft", "--layout", layout, "-f", "docx"
    )
    assert result.exit_code == 0
    draft = project / "output" / EXAMPLE_HEARING / f"{notat_name(layout)}-udkast.docx"
    marks = [line for line in docx_lines(draft) if line.startswith("[Intet svar endnu")]
    assert len(marks) == 15
    first = {"emner": "tvaerfagligt-samarbejde', '### Hvidovre Kommune"}
    first["parter"] = "netvaerksmoeder', '### Albertslund Kommune"
    first["oversigt"] = "tvaerfagligt-samarbejde', '### Glostrup Kommune"
    assert marks[0] == f"[Intet svar endnu: skriv det i remarks.md under '## {first[layout]}'.]"


def test_a_hearing_with_every_answer_gives_no_warning_and_no_missing_sentence(cli, project):
    hearing = generated_hearing(project / "consultations" / "genereret", seed=20)
    result = cli("--strict", "compare", str(hearing), "--no-bundle", "-f", "docx")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = docx_lines(project / "output" / "genereret" / f"{NOTAT}.docx")
    assert not [line for line in lines if "mangler endnu" in line]


# A table inside a remark stays a table: in the quote (emner, parter) and, in the one-table
# overview (oversigt), below it with a caption naming whose remark it is.
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_table_in_a_remark_is_a_table_in_every_layout(cli, project, layout):
    result = cli("compare", str(EXAMPLE), "--no-bundle", "--layout", layout)
    assert result.exit_code == 0
    out = project / "output" / EXAMPLE_HEARING
    tables = docx.Document(out / f"{notat_name(layout)}.docx").tables
    rows = {
        tuple(c.text for c in t.rows[0].cells): [[c.text for c in r.cells] for r in t.rows[1:]]
        for t in tables
    }
    assert rows[("Situation", "Ønsket varsel")] == [
        ["Planlagt udskrivning", "3 hverdage"],
        ["Udskrivning efter kort indlæggelse", "1 hverdag"],
    ]
    cells = [c.text for t in tables for r in t.rows for c in r.cells]
    assert not [c for c in cells if "|" in c]  # no table flattened into a cell
    page = parse((out / f"{notat_name(layout)}.html").read_text("utf-8"))
    heads = [[th.text() for th in t.find_all("th")][:2] for t in page.find_all("table")]
    assert ["Situation", "Ønsket varsel"] in heads


def test_the_overview_points_to_the_remarks_table_below_it(cli, project):
    result = cli("compare", str(EXAMPLE), "--no-bundle", "--layout", "oversigt", "-f", "pdf")
    assert result.exit_code == 0
    pdf = pypdf.PdfReader(project / "output" / EXAMPLE_HEARING / "hoeringsnotat-oversigt.pdf")
    said = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert (
        "Tabel 3: Bemærkning fra Glostrup Kommune (Orientering, varsling og færdigmelding)" in said
    )
    assert (
        "Vi foreslår en fast frist på mindst tre hverdage for varsling af færdigmelding. "
        "(se tabellen under oversigten)" in said
    )


def test_an_answer_to_a_remark_that_was_not_made_is_named_not_dropped(cli, project):
    remarks = EXAMPLE / "remarks.md"
    before = remarks.read_text("utf-8")
    remarks.write_text(
        before + "\n## hjemloese\n\n### Vallensbæk Kommune {status=noteret}\n\nTak.\n", "utf-8"
    )
    line = before.count("\n") + 4
    result = cli("compare", str(EXAMPLE), "--no-bundle", "-f", "html")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1] == (
        f"Advarsel: {EXAMPLE}/remarks.md:{line}: '### Vallensbæk Kommune' under '## hjemloese' "
        "svarer på en bemærkning, som Vallensbæk Kommune ikke har gjort dér; svaret kommer ikke "
        "med i notatet (flyt det derhen, hvor Vallensbæk Kommune har bemærkningen)"
    )
