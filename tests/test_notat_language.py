"""The words of a høringsnotat are in the hearing's language (``lang:`` in hearing.yaml);
what hoering says on the terminal is in the language of messages (``--lang``). Each is
read back from what was written: the DOCX, and the command's output."""

from __future__ import annotations

from pathlib import Path

import docx

from conftest import EXAMPLE_HEARING

HEARING = Path("consultations") / EXAMPLE_HEARING
OUT = Path("output") / EXAMPLE_HEARING


def _compare(cli, *options: str) -> list[str]:
    """The command's output lines; the notat is written as DOCX."""
    result = cli(*options, "compare", str(HEARING), "--no-bundle", "-f", "docx")
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def _notat(project: Path):
    return docx.Document(project / OUT / "hoeringsnotat.docx")


def _rows(project: Path) -> list[list[str]]:
    """Every table row of the notat (the info block, the høringsliste, …) as its cells."""
    return [[c.text for c in r.cells] for t in _notat(project).tables for r in t.rows]


def _info(rows: list[list[str]]) -> list[str]:
    """The header's info block (label, tab, value a line): the first row's last cell."""
    return rows[0][-1].splitlines()


def test_english_hearing_gives_an_english_notat_while_messages_stay_danish(cli, project):
    path = project / HEARING / "hearing.yaml"
    path.write_text(path.read_text("utf-8") + "lang: en\n", "utf-8")
    output = _compare(cli)
    assert "7 har svaret, 2 hørte parter svarede ikke, for sent: Rødovre Kommune" in output
    lines = [p.text for p in _notat(project).paragraphs]
    for heading in (
        "Contents",
        "1. The consultation",
        "1.1 Consultation period",
        "1.2 Consulted parties",
        "2. General remarks",
        "3. Remarks on each topic",
        "4. Changes made because of the consultation",
        "Appendix 1. Overview of the responses",
    ):
        assert heading in lines
    for sentence in (
        "Region Hovedstaden consulted on “Samarbejdsaftale om indsatsen for voksne med psykisk "
        "sygdom (udkast, maj 2019)” from 6 May 2019 to 21 June 2019 (46 days).",
        "The draft was sent to nine parties. Seven responses were received, all from consulted "
        "parties; among them one without remarks. The consultation list:",
        "Three remarks from three responses on section 2 of the draft: one positive, one concern "
        "and one proposal.",
        "Remarks of Region Hovedstaden:",
        "Comment: Partly met",
        "Udskrivningsmentor – Albertslund Kommune (partly met):",
        "Stances per respondent and topic (part 1 of 2)",
    ):
        assert sentence in lines
    rows = _rows(project)
    info = _info(rows)
    assert info[:5] == [
        "Date\t28 August 2019",
        "Case no.\t19-012345",
        "Document no.\t1502211",
        "Unit\tPsykiatri og Social",
        "Case officer\tBirgitte Lund",
    ]
    assert ["Vallensbæk Kommune", "no remarks (12 June 2019)"] in rows


def test_english_messages_leave_a_danish_notat_danish(cli, project):
    output = _compare(cli, "--lang", "en")
    assert "7 respondents, 2 consulted parties did not answer, late: Rødovre Kommune" in output
    lines = [p.text for p in _notat(project).paragraphs]
    for sentence in (
        "1. Høringen",
        "4. Ændringer som følge af høringen",
        "Region Hovedstaden sendte »Samarbejdsaftale om indsatsen for voksne med psykisk sygdom "
        "(udkast, maj 2019)« i høring den 6. maj 2019 med frist for svar den 21. juni 2019 "
        "(46 dage).",
        "Udkastet blev sendt i høring hos ni parter. Der er modtaget syv høringssvar, alle fra "
        "hørte parter, heraf et uden bemærkninger. Høringslisten:",
        "Region Hovedstadens bemærkninger:",
        "Kommentar: Delvis imødekommet",
    ):
        assert sentence in lines
    rows = _rows(project)
    assert ["Vallensbæk Kommune", "ingen bemærkninger (12. juni 2019)"] in rows
    assert _info(rows)[1:5] == [
        "Sagsnr./J.nr.\t19-012345",
        "Dok. nr.\t1502211",
        "Enhed\tPsykiatri og Social",
        "Sagsbehandler\tBirgitte Lund",
    ]
