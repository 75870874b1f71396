"""Topics where the letter has no heading for them: per paragraph, and per bold-labelled
remark; the written source gets a guessed heading for each, and no word is lost or moved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.model import nodes as n
from hoering.sources import load_source
from letters import letter_pdf

HEARING = Path("consultations") / EXAMPLE_HEARING
WAITING = (
    "Vi oplever ofte, at varsling og færdigmelding sker for sent, og vi mangler "
    "akuttilbud i ventetiden. Det er et problem."
)
AT_NIGHT = "Det gælder især om natten."
MEETINGS = (
    "Det er ikke realistisk at holde netværksmøder inden for tre dage, og vi er "
    "bekymrede for kvaliteten af netværksmøderne."
)
MENTOR = "Vi hilser ordningen velkommen og finder den positiv."
ESCORT = "Vi kan ikke tilbyde ledsagelse til behandling, og det er et problem for borgerne."


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def imported(project: Path, blocks: list):
    data = letter_pdf(
        logo="Vallensbæk Kommune",
        date_top_right="4. marts 2025",
        subject="Høringssvar",
        blocks=blocks,
        closing=["Med venlig hilsen", "Jørgen Hæstrup"],
    )
    path = project / "incoming" / "svar.pdf"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    result = hoering.import_file(path, HEARING)
    return load_source(result.path), result.path.read_text("utf-8").split("\n---\n", 1)[1]


def heading_lines(body: str) -> list[str]:
    return [re.sub(r" \{.*\}$", "", line) for line in body.splitlines() if line.startswith("#")]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_letter_without_headings_gets_a_section_per_topic(project):
    source, body = imported(project, ["Tak for høringen.", WAITING, AT_NIGHT, MEETINGS])
    assert heading_lines(body) == [
        "## Orientering, varsling og færdigmelding",
        "## Netværksmøder under indlæggelse",
    ]
    first, second = [b for b in source.blocks if isinstance(b, n.Heading)]
    assert (first.topic, first.stance) == ("ventetid", "concern")
    assert (second.topic, second.stance) == ("netvaerksmoeder", "concern")
    assert first.guess is not None and second.guess is not None  # marked as guessed
    assert first.matched.startswith("varsling, færdigmelding")
    # every sentence is there, in the order of the letter
    text = flat(body)
    positions = [
        text.index(sentence) for sentence in ("Tak for høringen.", WAITING, AT_NIGHT, MEETINGS)
    ]
    assert positions == sorted(positions)
    # the høringsnotat finds the remarks under their topics
    comparison = hoering.compare(HEARING)
    said = {
        topic.topic.id: [r.text for r in topic.remarks if r.respondent == "Vallensbæk Kommune"]
        for topic in comparison.topics
    }
    assert [flat(t) for t in said["ventetid"]] == [f"{WAITING} {AT_NIGHT}"]
    assert [flat(t) for t in said["netvaerksmoeder"]] == [MEETINGS]


def test_labelled_remarks_become_one_section_per_label(project):
    source, body = imported(
        project,
        [
            "Tak for høringen. Vi har disse bemærkninger.",
            ("heading", "Bemærkninger"),
            ("bullets", [("Udskrivningsmentor:", MENTOR), ("Ledsagelse:", ESCORT)]),
        ],
    )
    assert heading_lines(body) == ["## Bemærkninger", "### Udskrivningsmentor", "### Ledsagelse"]
    headings = {n.plain_text(b.children): b for b in source.blocks if isinstance(b, n.Heading)}
    assert headings["Bemærkninger"].topic is None
    assert (headings["Udskrivningsmentor"].topic, headings["Udskrivningsmentor"].stance) == (
        "udskrivningsmentor",
        "positive",
    )
    assert (headings["Ledsagelse"].topic, headings["Ledsagelse"].stance) == (
        "ledsagelse",
        "concern",
    )
    assert "### Udskrivningsmentor" in body and f"\n\n{MENTOR}\n\n" in body
    assert flat(ESCORT) in flat(body.split("### Ledsagelse", 1)[1])


def test_a_labelled_remark_on_no_topic_keeps_its_label_in_the_list(project):
    _, body = imported(
        project,
        [
            ("heading", "Bemærkninger"),
            (
                "bullets",
                [("Udskrivningsmentor:", MENTOR), ("Økonomi:", "Vi har ingen særlige ønsker her.")],
            ),
        ],
    )
    assert "- **Økonomi:** Vi har ingen særlige ønsker her." in body
    assert heading_lines(body) == ["## Bemærkninger", "### Udskrivningsmentor"]


def test_headings_that_name_topics_leave_the_introduction_alone(project):
    _, body = imported(
        project,
        [
            "Vi har set på samarbejdet og ansvarsfordelingen mellem sektorerne og takker for det.",
            ("heading", "Netværksmøder"),
            MEETINGS,
        ],
    )
    assert heading_lines(body) == ["## Netværksmøder"]
    assert body.lstrip().startswith("Vi har set på samarbejdet")


def test_labelled_word_paragraphs_become_sections(project):
    from letters import letter_docx

    data = letter_docx(
        [
            "Høringssvar fra Vallensbæk Kommune",
            "Vi har disse bemærkninger.",
            ("bold", "Udskrivningsmentor:", MENTOR),
            ("bold", "Ledsagelse:", ESCORT),
            "Med venlig hilsen",
            "Jørgen Hæstrup",
        ]
    )
    path = project / "incoming" / "svar.docx"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    result = hoering.import_file(path, HEARING)
    body = result.path.read_text("utf-8").split("\n---\n", 1)[1]
    assert heading_lines(body) == ["## Udskrivningsmentor", "## Ledsagelse"]
    # a Danish hearing's sources get the Danish stance words; they are read as the same stance
    assert "## Udskrivningsmentor {topic=udskrivningsmentor stance=positiv guess=" in body
    assert "stance=positive" not in body and "stance=concern" not in body
    assert [h.stance for h in load_source(result.path).blocks if isinstance(h, n.Heading)] == [
        "positive",
        "concern",
    ]
    assert f"\n\n{MENTOR}\n\n" in body and "**Udskrivningsmentor:**" not in body
    assert flat(ESCORT) in flat(body.split("## Ledsagelse", 1)[1])
    # an English hearing's sources get the English words
    hearing_yaml = project / HEARING / "hearing.yaml"
    hearing_yaml.write_text(hearing_yaml.read_text("utf-8") + "lang: en\n", "utf-8")
    english = hoering.import_file(path, HEARING, force=True).path.read_text("utf-8")
    assert "{topic=udskrivningsmentor stance=positive guess=" in english
    assert "stance=concern" in english and "stance=bekymring" not in english


def test_it_is_good_that_is_positive():
    from hoering.imports.topics import match_section

    match = match_section("", "Det er godt, at visitationen nu er beskrevet trin for trin.", [])
    assert (match.stance, match.cues) == ("positive", ["er godt", "godt, at"])


def test_one_mention_of_a_distinctive_keyword_places_a_paragraph(project):
    source, body = imported(
        project,
        [
            "Tak for høringen om samarbejdsaftalen.",  # a general word: no topic
            "Vi anbefaler en fast frist for varsling, som begge parter kan måles på.",
        ],
    )
    assert heading_lines(body) == ["## Orientering, varsling og færdigmelding"]
    [heading] = [b for b in source.blocks if isinstance(b, n.Heading)]
    assert (heading.topic, heading.stance, heading.matched) == (
        "ventetid",
        "proposal",
        "varsling; holdning: anbefaler",
    )
    assert body.lstrip().startswith("Tak for høringen om samarbejdsaftalen.")


def test_a_form_table_gets_a_section_per_row_that_names_a_topic(project):
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Høringsskema fra Vallensbæk Kommune")
    document.add_paragraph("Tak for høringen. Vores bemærkninger står i skemaet.")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(
        table.rows,
        [
            ("Afsnit", "Bemærkning"),
            ("Netværksmøder under indlæggelse", MEETINGS),
            ("Udskrivningsmentor", MENTOR),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = cells
    stream = io.BytesIO()
    document.save(stream)
    path = project / "incoming" / "skema.docx"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(stream.getvalue())
    source = load_source(hoering.import_file(path, HEARING).path)
    body = source.path.read_text("utf-8").split("\n---\n", 1)[1]
    assert heading_lines(body) == ["## Netværksmøder under indlæggelse", "## Udskrivningsmentor"]
    tables = [b for b in source.blocks if isinstance(b, n.Table)]
    assert [[n.plain_text(c.children) for c in (t.header + t.rows[0])] for t in tables] == [
        ["Afsnit", "Bemærkning", "Netværksmøder under indlæggelse", MEETINGS],
        ["Afsnit", "Bemærkning", "Udskrivningsmentor", MENTOR],
    ]
    said = {t.topic.id: {r.respondent for r in t.remarks} for t in hoering.compare(HEARING).topics}
    assert "Vallensbæk Kommune" in said["netvaerksmoeder"] & said["udskrivningsmentor"]
