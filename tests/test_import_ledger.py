"""The ledger of import: every word of a received file ends up in the body, in a field of the
front matter, or under ``removed:`` with its reason; words in none of them are said in one
line and kept at the end of the body. And the layouts that used to lose or keep text: a
sidebar drawn before the body, an archive stamp, the authority in the recipient window, a
date beside "Side N af M" in the margin of every page."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

import hoering
import hoering.imports.understand as understanding
from conftest import EXAMPLE_HEARING
from hoering.errors import SourceErrors
from hoering.imports.ledger import ReadLine, Removal, settle
from hoering.imports.lines import Line
from hoering.imports.paragraphs import join_lines
from hoering.imports.running import margin_dates
from hoering.sources import load_source
from import_fixtures import response_pdf
from layout_letters import (
    MARGIN_DATE,
    NO_REMARKS,
    OPENING,
    RECIPIENT,
    SECTIONS,
    SIDEBAR,
    STAMP,
    Layout,
    letter,
)

CORPUS = Path(__file__).parent / "fixtures" / "import" / "corpus"
HEARING = Path("consultations") / EXAMPLE_HEARING
UNPLACED = "Tekst, som import ikke kunne placere"


def incoming(project: Path, name: str, data: bytes) -> Path:
    path = project / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def body_of(path: Path) -> str:
    return path.read_text("utf-8").split("\n---\n", 1)[1]


def paragraphs(body: str) -> list[str]:
    return [" ".join(part.split()) for part in body.split("\n\n")]


def test_every_word_of_every_corpus_file_is_accounted_for(project):
    hearing = project / "corpus-hearing"
    shutil.copytree(CORPUS / "hearing", hearing)
    files = sorted((CORPUS / "files").iterdir())
    report = hoering.import_files(files, hearing)
    # the corpus holds one file twice (re-no-sender-no-date-1.pdf and -2.pdf, byte for byte):
    # the second is refused as already imported, never a second response (issue 24)
    assert [(path.name, error.message) for path, error in report.failed] == [
        (
            "re-no-sender-no-date-2.pdf",
            "er allerede indlæst som corpus-hearing/responses/re-no-sender-no-date-1.md",
        )
    ]
    assert len(report.imported) == len(files) - 1
    unaccounted = {i.original.name: i.unaccounted for i in report.imported if i.unaccounted}
    assert unaccounted == {}
    for imported in report.imported:
        assert UNPLACED not in imported.path.read_text("utf-8")
        load_source(imported.path)  # removed: validates
    removed = {
        reason for imported in report.imported for reason in load_source(imported.path).meta.removed
    }
    assert {"letterhead", "sidebar", "page_number", "closing", "mail_header"} <= removed


def test_a_sidebar_drawn_before_the_body_loses_nothing_of_page_one(project):
    """A sidebar letterhead first in the content order, then page 1's running text, then a
    bold section heading that reads like a subject: the heading used to become the title
    and page 1 the letterhead, without a word."""
    for name, layout in (
        ("vandraad.pdf", Layout(sidebar_first=True)),
        ("vandraad-2.pdf", Layout(sidebar_first=False)),
    ):
        imported = hoering.import_file(incoming(project, name, letter(layout)), HEARING)
        assert imported.unaccounted == 0
        source = load_source(imported.path)
        assert source.meta.title != SECTIONS[0][0]
        body = body_of(imported.path)
        assert paragraphs(body)[0] == OPENING
        assert f"## {SECTIONS[0][0]} {{" in body
        assert source.meta.removed["sidebar"] == SIDEBAR


def test_a_sidebar_beside_a_short_letter_is_a_sidebar_too(project):
    """A letter that only says it has no remarks, beside a sidebar with more words than it:
    the sidebar stays out of the body, and so does the recipient window."""
    data = letter(Layout(short=True, stamp=False))
    imported = hoering.import_file(incoming(project, "vandraad.pdf", data), HEARING)
    source = load_source(imported.path)
    assert source.meta.removed["sidebar"] == SIDEBAR[1:]  # the name is read as the sender
    assert source.meta.sender == SIDEBAR[0]
    assert source.meta.no_remarks
    assert paragraphs(body_of(imported.path)) == [NO_REMARKS]
    assert imported.unaccounted == 0


def test_debris_goes_to_the_ledger_with_its_reason_and_never_splits_a_sentence(project):
    imported = hoering.import_file(incoming(project, "vandraad.pdf", letter()), HEARING)
    source = load_source(imported.path)
    assert source.meta.removed["archive_stamp"] == STAMP
    assert source.meta.removed["sidebar"] == SIDEBAR
    assert source.meta.removed["margin_date"] == [MARGIN_DATE]
    assert source.meta.removed["page_number"] == [f"Side {n} af 4" for n in range(1, 5)]
    assert source.meta.recipient == RECIPIENT  # the window, read into its field
    assert source.meta.sender != "Offentligt"
    body = body_of(imported.path)
    for debris in [*STAMP, *SIDEBAR, *RECIPIENT, MARGIN_DATE, "Side 2 af 4"]:
        assert debris not in body
    texts = paragraphs(body)
    # each section twice, each time whole in one paragraph, also across page breaks
    assert [sum(text in p for p in texts) for _heading, text in SECTIONS] == [2, 2, 2]


def test_text_no_step_placed_is_kept_at_the_end_and_said(project, monkeypatch, caplog):
    """A step that loses a paragraph (as the reading order once lost page 1): the words are
    counted, kept under a heading at the end, and import says so in one line."""
    real_clean = understanding.clean

    def losing_clean(extracted):
        cleaned = real_clean(extracted)
        cleaned.body = cleaned.body[1:]
        return cleaned

    monkeypatch.setattr(understanding, "clean", losing_clean)
    data, _truth = response_pdf(seed=4, sections=3)
    with caplog.at_level(logging.WARNING, logger="hoering.import"):
        imported = hoering.import_file(incoming(project, "hvidovre.pdf", data), HEARING)
    lost = "Hvidovre Kommune takker for muligheden for at afgive høringssvar til udkastet."
    body = " ".join(body_of(imported.path).split())
    assert body.count(lost) == 1
    assert body.index(f"## {UNPLACED} ") < body.index(lost)
    assert imported.unaccounted > 20 and imported.unplaced_pages == (1,)
    assert [r.getMessage() for r in caplog.records] == [
        f"hvidovre.pdf: {imported.unaccounted} ord på side 1 kunne ikke placeres; de er "
        "bevaret sidst i kilden under en overskrift, der siger det"
    ]


def test_settle_counts_words_hyphenated_across_lines_and_pages():
    read = [
        ReadLine(1, "Kommunen ønsker en bedre social-"),
        ReadLine(1, "Side 1 af 2"),
        ReadLine(2, "psykiatrisk indsats og sund-"),
        ReadLine(2, "hedsfaglig støtte."),
        ReadLine(2, "Med venlig hilsen"),
        ReadLine(2, "Jens Holm"),
    ]
    account = settle(
        read,
        "Kommunen ønsker en bedre socialpsykiatrisk indsats og sundhedsfaglig støtte.",
        ["Jens Holm"],
        [
            Removal("page_number", "Side 1 af 2"),
            Removal("closing", "Med venlig hilsen"),
            Removal("closing", "Jens Holm", 2),
        ],
    )
    assert account.unaccounted == 0 and account.unplaced == []
    # a line read into a field is not listed again; the others are, by reason
    assert account.removed == {"page_number": ["Side 1 af 2"], "closing": ["Med venlig hilsen"]}
    lost = settle(read, "Kommunen ønsker en bedre socialpsykiatrisk indsats.", ["Jens Holm"], [])
    assert lost.unaccounted == 9  # side, af, og, sund, hedsfaglig, støtte, med, venlig, hilsen
    assert lost.pages == [1, 2]


def test_review_shows_what_was_removed_by_reason(cli, project):
    path = incoming(project, "vandraad.pdf", letter())
    assert cli("import", str(path), "--hearing", str(HEARING)).exit_code == 0
    source = next(
        p
        for p in (project / HEARING / "responses").glob("*.md")
        if "vandraad" in p.read_text("utf-8")
    )
    shown = cli("review", str(HEARING)).stdout.splitlines()
    text = source.read_text("utf-8").splitlines()
    line = text.index("  archive_stamp:") + 1
    where = f"{HEARING / 'responses' / source.name}:{line}"
    assert (
        f"{where}: fjernet som arkivstempel (3): «Sundhedsudvalget 2024-25» · «L 99 Bilag 3» "
        "· «Offentligt»"
    ) in shown
    assert any(s.endswith(f": fjernet som dato i margenen (1): «{MARGIN_DATE}»") for s in shown)
    assert any(
        ": fjernet som sidespalte (8): «Nordvest Vandråd» · «Havnegade 4»" in s for s in shown
    )
    assert any(": fjernet som sidetal (4): «Side 1 af 4»" in s for s in shown)
    english = cli("--lang", "en", "review", str(HEARING)).stdout.splitlines()
    assert "Taken out of the text by import (listed under removed:):" in english
    assert (
        f"{where}: removed as archive stamp (3): «Sundhedsudvalget 2024-25» · "
        "«L 99 Bilag 3» · «Offentligt»" in english
    )
    assert any(s.endswith(f": removed as date in the margin (1): «{MARGIN_DATE}»") for s in english)


def test_an_unknown_reason_under_removed_is_an_error(project):
    imported = hoering.import_file(incoming(project, "vandraad.pdf", letter()), HEARING)
    text = imported.path.read_text("utf-8").replace("  archive_stamp:", "  stamp:")
    imported.path.write_text(text, "utf-8")
    line = text.splitlines().index("  stamp:") + 1
    with pytest.raises(SourceErrors) as caught:
        load_source(imported.path)
    message = str(caught.value)
    assert re.search(rf":{line}: removed\.stamp: ", message), message


def test_a_letter_and_a_full_stop_after_a_line_ending_mid_sentence_go_on_with_it():
    """ "… som alle parter kan slå op" / "i. Det gælder …" is one sentence, not item i."""
    lines = [
        Line(
            "Vi anbefaler en oversigt over ansvaret, som alle parter kan slå op",
            1,
            100,
            111,
            70,
            435,
            10.5,
        ),
        Line(
            "i. Det gælder særligt for de borgere, som får hjælp fra flere steder.",
            1,
            114,
            125,
            70,
            430,
            10.5,
        ),
        Line(
            "a) første punkt i en egentlig liste med bogstaver som mærker",
            1,
            140,
            151,
            70,
            380,
            10.5,
        ),
        Line(
            "b) andet punkt i den samme liste med bogstaver som mærker", 1, 154, 165, 70, 370, 10.5
        ),
    ]
    assert [p.text for p in join_lines(lines)] == [
        "Vi anbefaler en oversigt over ansvaret, som alle parter kan slå op i. Det gælder "
        "særligt for de borgere, som får hjælp fra flere steder.",
        "a) første punkt i en egentlig liste med bogstaver som mærker",
        "b) andet punkt i den samme liste med bogstaver som mærker",
    ]


def test_a_date_on_the_line_of_the_page_number_is_a_margin_date():
    footer = Line("15. juni 2019 Side 1 af 1", 1, 796, 804, 462, 565, 8.0)
    beside = Line("16. juni 2019", 2, 66, 74, 503, 555, 8.0)
    number = Line("Side 2 af 2", 2, 76, 84, 512, 555, 8.0)
    text = Line("Det gælder særligt for de borgere, som får hjælp.", 2, 66, 77, 70, 425, 10.5)
    assert margin_dates([footer, beside, number, text], [footer, number]) == [footer, beside]
    assert [line.region for line in (footer, beside, number, text)] == [
        "margin",
        "margin",
        "body",
        "body",
    ]
