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
from htmltree import parse

LAYOUTS = ("emner", "parter", "oversigt")
NOTAT = "hoeringsnotat"


def squeezed(text: str) -> str:
    """Text without white space (lines and cells wrap differently in each format)."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


def written_text(folder: Path, fmt: str) -> str:
    path = folder / f"{NOTAT}.{fmt}"
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
        said = squeezed(written_text(folder, fmt))
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
    document = docx.Document(project / "output" / EXAMPLE_HEARING / f"{NOTAT}.docx")
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
