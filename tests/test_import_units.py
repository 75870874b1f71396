"""The import steps one by one: dates, hyphenation, running headers, headings, topics,
stance, and Markdown that never turns text into structure by accident."""

from __future__ import annotations

import datetime as dt

import pytest

from hoering.dates import find_dates
from hoering.imports.body_writer import body
from hoering.imports.cleanup import clean
from hoering.imports.lines import Extracted, Line
from hoering.imports.paragraphs import Para, join_text
from hoering.imports.running import PAGE_NUMBER
from hoering.imports.structure import Block, structure
from hoering.imports.topics import TopicSpec, match_section
from hoering.model import nodes as n
from hoering.sources.markdown import parse_body


@pytest.mark.parametrize(
    "text, expected",
    [
        ("København, 19. juni 2019", dt.date(2019, 6, 19)),
        ("Dato: 19/6-2019", dt.date(2019, 6, 19)),
        ("19-06-2019", dt.date(2019, 6, 19)),
        ("Ishøj d. 19.6.2019", dt.date(2019, 6, 19)),
        ("den 3. jan. 2020", dt.date(2020, 1, 3)),
        ("2019-06-19", dt.date(2019, 6, 19)),
        ("1. December 2019", dt.date(2019, 12, 1)),
        ("Date: 14 June 2019", dt.date(2019, 6, 14)),  # a letter in English
        ("June 14, 2019", dt.date(2019, 6, 14)),
    ],
)
def test_danish_dates(text, expected):
    assert find_dates(text)[0][0] == expected


def test_impossible_dates_are_skipped():
    assert find_dates("31. juni 2019 og 32/1-2019") == []


@pytest.mark.parametrize(
    "before, after, joined",
    [
        ("ansvars-", "fordelingen er klar", "ansvarsfordelingen er klar"),
        ("social-", "og sundhedsområdet", "social- og sundhedsområdet"),
        ("børne-", "eller ungeområdet", "børne- eller ungeområdet"),
        ("PLO-", "Hovedstaden", "PLO-Hovedstaden"),
        ("i 2019-", "2020", "i 2019- 2020"),
        ("forsorgs\u00ad", "hjem", "forsorgshjem"),
        ("en linje", "og en til", "en linje og en til"),
    ],
)
def test_join_text_undoes_hyphenation_only_where_it_is_hyphenation(before, after, joined):
    assert join_text(before, after) == joined


@pytest.mark.parametrize("text", ["Side 1 af 2", "side 3", "2/5", "- 4 -", "Page 2 of 9", "12"])
def test_page_numbers(text):
    assert PAGE_NUMBER.match(text)


def test_page_number_pattern_leaves_text_alone():
    assert not PAGE_NUMBER.match("Side 1 af aftalen er god")


def _line(text, page, top, **kw):
    return Line(text, page=page, top=top, bottom=top + 11, x0=70, x1=500, **kw)


def test_running_header_and_footer_removed_and_paragraph_joined_across_pages():
    lines = [
        _line("Glostrup Kommune", 1, 40, bold=True, size=14),
        _line("Høringssvar om aftalen", 1, 200, bold=True, size=16),
        _line("Vi finder det positivt, at aftalen beskriver an-", 1, 700),
        _line("svaret, og at der er lagt op til en tidlig indsats", 1, 714),
        _line("Side 1 af 2", 1, 800, size=8),
        _line("Glostrup Kommune", 2, 40, bold=True, size=14),
        _line("for borgerne i hele regionen.", 2, 120),
        _line("Side 2 af 2", 2, 800, size=8),
    ]
    cleaned = clean(Extracted("pdf", lines, 2))
    assert [p.text for p in cleaned.body] == [
        "Vi finder det positivt, at aftalen beskriver ansvaret, og at der er lagt op til en "
        "tidlig indsats for borgerne i hele regionen."
    ]
    assert [line.text for line in cleaned.subject] == ["Høringssvar om aftalen"]
    assert {line.text for line in cleaned.running} == {
        "Glostrup Kommune",
        "Side 1 af 2",
        "Side 2 af 2",
    }


def _para(text, bold=False, size=11.0):
    return Para(text, Line(text, bold=bold, size=size, paragraph=True))


@pytest.mark.parametrize(
    "text, bold, size, heading",
    [
        ("Vedr. udskrivningsmentor:", False, 11, "Udskrivningsmentor"),
        ("Vedrørende ledsagelse til behandling", False, 11, "Ledsagelse til behandling"),
        ("2. Ledsagelse til behandling", False, 11, "2. Ledsagelse til behandling"),
        ("4.3 Udskrivningsmentor", False, 11, "4.3 Udskrivningsmentor"),
        ("Borgere i hjemløshed:", False, 11, "Borgere i hjemløshed"),
        ("Borgere i hjemløshed", True, 11, "Borgere i hjemløshed"),
        ("Borgere i hjemløshed", False, 14, "Borgere i hjemløshed"),
        ("Vi har disse bemærkninger, som vi beder regionen se på:", False, 11, None),
        ("Aftalen er god.", True, 11, None),
    ],
)
def test_headings(text, bold, size, heading):
    follower = _para("Her følger teksten i afsnittet, som er en almindelig sætning.")
    blocks = structure([_para(text, bold, size), follower], 11.0)
    if heading is None:
        assert blocks[0].kind == "paragraph"
    else:
        assert (blocks[0].kind, blocks[0].text) == ("heading", heading)
        assert blocks[0].level == (3 if text.startswith("4.3") else 2)


def test_numbered_list_is_not_a_run_of_headings():
    paras = [
        _para("Vi foreslår:"),
        _para("1. Netværksmøder inden 7 dage"),
        _para("2. Indkaldelse via digital post"),
        _para("Det vil hjælpe borgerne."),
    ]
    assert [(b.kind, b.text) for b in structure(paras, 11.0)] == [
        ("paragraph", "Vi foreslår:"),
        ("number", "Netværksmøder inden 7 dage"),
        ("number", "Indkaldelse via digital post"),
        ("paragraph", "Det vil hjælpe borgerne."),
    ]


TOPICS = [
    TopicSpec("udskrivningsmentor", "Udskrivningsmentor", "4.3", ("udskrivningsmentor", "mentor")),
    TopicSpec("hjemloese", "Borgere i hjemløshed", "5", ("hjemløs", "herberg", "forsorgshjem")),
    TopicSpec(
        "ledsagelse",
        "Ledsagelse til behandling",
        "3.4",
        ("ledsagelse", "transport", "ambulant behandling"),
    ),
]


def test_topic_from_the_heading():
    match = match_section("Vedr. udskrivningsmentor", "Ordningen er god.", TOPICS)
    assert (match.topic, match.confidence) == ("udskrivningsmentor", 0.95)
    assert match.matched == ["udskrivningsmentor (heading)"]


def test_topic_from_the_section_number():
    match = match_section("5 Øvrige forhold", "Tekst.", TOPICS)
    assert (match.topic, match.matched) == ("hjemloese", ["section 5"])


def test_topic_from_keywords_says_which_words_matched():
    match = match_section(
        "Øvrige bemærkninger",
        "Der mangler pladser på herbergerne og i forsorgshjemmene til hjemløse borgere.",
        TOPICS,
    )
    assert match.topic == "hjemloese"
    assert match.matched == ["hjemløse", "herbergerne", "forsorgshjemmene"]
    assert 0.5 < match.confidence < 0.9
    assert match.stance == "concern" and match.cues == ["mangler"]
    assert match.explanation() == "hjemløse, herbergerne, forsorgshjemmene; holdning: mangler"


def test_no_topic_without_evidence():
    match = match_section("Afslutning", "Vi ser frem til det videre samarbejde.", TOPICS)
    assert match.topic is None


@pytest.mark.parametrize(
    "text, stance",
    [
        ("Vi hilser ordningen velkommen og finder den positiv.", "positive"),
        ("Vi foreslår, at regionen opfordrer til mere samarbejde.", "proposal"),
        ("Vi er bekymrede for ventetiden, og vi savner pladser.", "concern"),
        ("Kommunen giver anden støtte i ventetiden.", None),
        ("Vi er ikke positive over for forslaget.", "concern"),
        ("Vi finder ikke modellen positiv.", "concern"),
        ("Vi er glade for, at netværksmøder bliver en fast del af forløbet.", "positive"),
        ("Ordningen er et godt initiativ, som vi gerne deltager i.", "positive"),
        ("Kommunerne får ofte for kort varsel, når en borger udskrives.", "concern"),
        ("Det kan kun lade sig gøre i få tilfælde.", "concern"),
        ("Borgeren får et sent svar fra en central enhed.", None),
    ],
)
def test_stance_from_wording(text, stance):
    assert match_section("Afsnit", text, TOPICS).stance == stance


def test_matching_is_deterministic():
    text = "Transport til ambulant behandling og ledsagelse er et problem."
    assert len({repr(match_section("X", text, TOPICS)) for _ in range(5)}) == 1


def test_written_markdown_keeps_text_as_text():
    blocks = [
        Block("paragraph", "1. juni var fristen, og *ingen* [svar] kom <her>."),
        Block("paragraph", "- ikke en liste " + "ord " * 30 + "- 2019 # heller ikke"),
        Block(
            "heading",
            "Ventetid",
            level=2,
            attributes={"topic": "ventetid", "guess": "0.80", "matched": "ventetid, akut"},
        ),
    ]
    markdown = "\n".join(body(blocks, {}))
    parsed = parse_body(markdown).blocks
    assert [type(b) for b in parsed] == [n.Paragraph, n.Paragraph, n.Heading]
    assert "".join(c.text for c in parsed[0].children if isinstance(c, n.Text)) == (
        "1. juni var fristen, og *ingen* [svar] kom <her>."
    )
    assert parsed[2].topic == "ventetid" and parsed[2].matched == "ventetid, akut"
    assert parsed[2].guess == 0.8


def test_body_never_starts_a_line_with_a_list_marker():
    lines = body([Block("paragraph", "ord " * 20 + "- ikke 1. en liste " + "ord " * 20)], {})
    assert all(len(line) <= 98 for line in lines)
    assert not any(line.startswith(("- ", "1. ")) for line in lines)


def test_a_justified_line_split_at_a_wide_gap_is_one_line_not_a_table():
    lines = [
        Line("ansvarsfordelingen de", page=1, top=300, bottom=311, x0=70, x1=190),
        Line("forskellige parter imellem.", page=1, top=300, bottom=311, x0=205, x1=500),
        Line("Dog er erfaringen stadig god.", page=1, top=314, bottom=325, x0=70, x1=300),
    ]
    cleaned = clean(Extracted("pdf", lines, 1))
    assert [p.text for p in cleaned.body] == [
        "ansvarsfordelingen de forskellige parter imellem. Dog er erfaringen stadig god."
    ]


def test_printed_mail_header_with_a_blank_piece_before_its_label():
    """A row of a printed mail's header whose first piece is blank (an invisible character
    the PDF drew left of "Fra:") is still the header: it crashed with AttributeError."""
    from hoering.imports.email import printed_mail

    lines = [
        Line("", top=10, x0=10),
        Line("Fra: Anne Jensen <anne@plo.dk>", top=10, x0=40),
        Line("Sendt: 3. marts 2025 10:12", top=24, x0=40),
        Line("Emne: Høringssvar", top=38, x0=40),
        Line("Vi har ingen bemærkninger til udkastet.", top=80, x0=40),
    ]
    mail = printed_mail(Extracted("pdf", lines))
    assert mail is not None
    assert (mail.header.name, mail.header.address) == ("Anne Jensen", "anne@plo.dk")
    assert (mail.header.date, mail.header.subject) == (dt.date(2025, 3, 3), "Høringssvar")
    assert [line.text for line in mail.top.lines] == ["Vi har ingen bemærkninger til udkastet."]
