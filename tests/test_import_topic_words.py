"""Topics by Danish word forms: a keyword matches a word with its stem or as the head of a
compound, never as the start of an unrelated word (issue 19: a keyword "forrige" put 30 of a
letter's 33 headings on one topic through "for", "forslag", "forvaltning")."""

from __future__ import annotations

from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.imports.topics import TopicSpec, keyword_matches, match_section
from hoering.model import nodes as n
from hoering.sources import load_source
from letters import letter_pdf

LAST_YEAR = TopicSpec("sidste-aar", "Erfaringer fra sidste år", "6", ("forrige", "evaluering"))
NOISE = TopicSpec("stoej", "Støj fra vejen", "7", ("grænseværdien", "støj", "decibel"))
MENTOR = TopicSpec("mentor", "Udskrivningsmentor", "4.3", ("udskrivningsmentor", "mentor"))
ESCORT = TopicSpec("ledsagelse", "Ledsagelse til behandling", "3.4", ("transport", "ledsage"))


@pytest.mark.parametrize(
    ("keyword", "word"),
    [
        ("forrige", "forrige"),
        ("forrige", "forriges"),
        ("grænseværdien", "grænseværdier"),
        ("grænseværdien", "Grænseværdierne"),
        ("grænseværdi", "grænseværdien"),
        ("mentor", "udskrivningsmentoren"),  # the head of a compound
        ("støj", "vejstøjen"),
        ("ledsage", "ledsagelse"),
    ],
)
def test_a_keyword_matches_its_forms_and_the_head_of_a_compound(keyword, word):
    assert keyword_matches(keyword, word)


@pytest.mark.parametrize(
    ("keyword", "word"),
    [
        ("forrige", "for"),  # "forrige" stems to "for"
        ("forrige", "forslag"),
        ("forrige", "forvaltning"),
        ("forrige", "forrigeårsregnskab"),  # more than an inflection after a short stem
        ("for", "for"),  # a small word is never a keyword's match
        ("transport", "transportministeriet"),  # leads the word: names something else
        ("samarbejde", "samarbejdsaftalen"),
        ("ring", "høring"),
    ],
)
def test_a_keyword_never_matches_the_start_of_another_word(keyword, word):
    assert not keyword_matches(keyword, word)


def test_a_long_keyword_may_lead_a_compound_in_a_heading_only():
    assert keyword_matches("mentor", "Mentorordningen", in_heading=True)
    assert not keyword_matches("mentor", "Mentorordningen")
    assert not keyword_matches("samarbejde", "Samarbejdsaftalen", in_heading=True)


HEADINGS = [
    "Forslag om nye frister",
    "Forvaltningens rolle i sagerne",
    "For lidt tid til opgaven",
    "Forholdet til anden lovgivning",
    "Forskellige praksisser i kommunerne",
    "Fortsat dialog med parterne",
]


@pytest.mark.parametrize("heading", HEADINGS)
def test_headings_starting_with_for_land_on_no_topic(heading):
    match = match_section(heading, "Vi har ingen yderligere kommentarer.", [LAST_YEAR, NOISE])
    assert (match.topic, match.matched) == (None, [])


def test_a_heading_with_the_keyword_in_another_form_lands_on_its_topic():
    match = match_section(
        "Grænseværdierne på 55 dB er for lempelige",
        "Beboerne langs vejen mærker det hver nat.",
        [LAST_YEAR, NOISE],
    )
    assert (match.topic, match.matched) == ("stoej", ["grænseværdierne"])


def test_the_head_of_a_compound_in_the_text_counts_and_is_reported():
    match = match_section(
        "Opfølgning efter udskrivning",
        "Udskrivningsmentoren bør følge borgeren, og mentoren skal kende forløbet.",
        [MENTOR, LAST_YEAR],
    )
    assert (match.topic, match.matched) == ("mentor", ["udskrivningsmentoren", "mentoren"])


def test_a_ministry_named_after_a_keyword_places_no_section():
    match = match_section(
        "",
        "Vi har modtaget Transportministeriets udkast og sender det videre til Transportudvalget.",
        [ESCORT],
        min_hits=1,
    )
    assert match.topic is None


def test_an_imported_letter_keeps_its_for_headings_off_the_topic(project, bare_hearing):
    hearing_yaml = bare_hearing / "hearing.yaml"
    text = hearing_yaml.read_text("utf-8").replace(
        "topics:\n",
        "topics:\n"
        "  - id: sidste-aar\n    title: Erfaringer fra sidste år\n"
        "    keywords: [forrige, evaluering]\n"
        "  - id: stoej\n    title: Støj fra vejen\n"
        "    keywords: [grænseværdien, støj]\n",
        1,
    )
    hearing_yaml.write_text(text, "utf-8")
    blocks: list = []
    for heading in HEADINGS[:3]:
        blocks += [("heading", heading), "Vi henviser til vores tidligere brev om sagen."]
    blocks += [("heading", "Grænseværdien på 58 dB er alt for høj"), "Den bør sænkes."]
    path = project / "incoming" / "svar.pdf"
    path.parent.mkdir()
    path.write_bytes(
        letter_pdf(
            logo="Vallensbæk Kommune",
            date_top_right="4. marts 2025",
            subject="Høringssvar",
            blocks=blocks,
            closing=["Med venlig hilsen", "Jørgen Hæstrup"],
        )
    )
    result = hoering.import_file(path, Path("consultations") / EXAMPLE_HEARING)
    headings = [b for b in load_source(result.path).blocks if isinstance(b, n.Heading)]
    topics = {
        "".join(c.text for c in h.children if isinstance(c, n.Text)): h.topic for h in headings
    }
    assert topics == {
        "Forslag om nye frister": None,
        "Forvaltningens rolle i sagerne": None,
        "For lidt tid til opgaven": None,
        "Grænseværdien på 58 dB er alt for høj": "stoej",
    }
    written = result.path.read_text("utf-8")
    assert "## Grænseværdien på 58 dB er alt for høj {topic=stoej" in written
    assert 'matched="grænseværdien; holdning: bør"' in written
