"""The notat's sentences as a Danish reader expects them (issue 20, point 4): numbers up to
twelve in words, plurals that agree, no clause that says "0", a section number that cannot
be read as 3.5, »…« around a draft's name and a campaign's words, answers that do not
"send" — each sentence word for word, in Danish and in English. The comment above each test
quotes the sentence it replaces."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLE_FORM_HEARING, EXAMPLE_HEARING
from hoering.messages import known
from hoering.prose import joined, number_words, quoted, stance_counts


def notat_lines(cli, project: Path, hearing: str, lang: str) -> list[str]:
    folder = Path("consultations") / hearing
    if lang == "en":
        meta = folder / "hearing.yaml"
        meta.write_text(meta.read_text("utf-8") + "lang: en\n", "utf-8")
    result = cli("compare", str(folder), "--no-bundle", "-f", "docx")
    assert result.exit_code == 0, result.output
    document = docx.Document(project / "output" / hearing / "hoeringsnotat.docx")
    return [p.text for p in document.paragraphs]


@pytest.mark.parametrize(
    ("count", "lang", "neuter", "said"),
    [
        (0, "da", False, "ingen"),
        (1, "da", False, "en"),
        (1, "da", True, "et"),
        (7, "da", False, "syv"),
        (12, "da", False, "tolv"),
        (13, "da", False, "13"),
        (1515, "da", False, "1.515"),
        (3, "en", False, "three"),
        (1515, "en", False, "1,515"),
    ],
)
def test_small_numbers_in_words_larger_in_figures(count, lang, neuter, said):
    assert number_words(count, lang, neuter) == said


def test_stances_counted_with_plurals_and_without_zero():
    # was: "4 positiv, 3 bekymring" and "1 positiv, 0 …"
    counts = [("positive", 4), ("concern", 3), ("proposal", 0), ("none", 13)]
    assert (
        stance_counts(counts, "da") == "fire positive, tre bekymringer og 13 uden tydelig holdning"
    )
    assert (
        stance_counts(counts, "en") == "four positive, three concerns and 13 without a clear stance"
    )
    one = [("positive", 1), ("concern", 1), ("proposal", 1)]
    assert stance_counts(one, "da") == "en positiv, en bekymring og et forslag"
    assert joined(["a"], "da") == "a" and known("xx") == "da"
    assert quoted("Udkast til forslag", "da") == "»Udkast til forslag«"


# Danish before → after, from the example letter hearing:
#   "Region Hovedstaden sendte Samarbejdsaftale om … (udkast, maj 2019) i høring …"
#   "Udkastet blev sendt i høring hos 9 parter. Der er modtaget 7 høringssvar, heraf 7 fra
#    hørte parter og 1 uden bemærkninger. Høringslisten:"
#   "Udkastets afsnit 3.4. 3 bemærkninger fra 3 høringssvar: 2 bekymring, 1 forslag."
LETTER_SENTENCES = {
    "da": [
        "Region Hovedstaden sendte »Samarbejdsaftale om indsatsen for voksne med psykisk sygdom "
        "(udkast, maj 2019)« i høring den 6. maj 2019 med frist for svar den 21. juni 2019 "
        "(46 dage).",
        "Udkastet blev sendt i høring hos ni parter. Der er modtaget syv høringssvar, alle fra "
        "hørte parter, heraf et uden bemærkninger. Høringslisten:",
        "Tre bemærkninger fra tre høringssvar om udkastets afsnit 3.4: to bekymringer og et "
        "forslag.",
        "Tre bemærkninger fra tre høringssvar om udkastets afsnit 2: en positiv, en bekymring og "
        "et forslag.",
        "15 svar på bemærkningerne mangler endnu; ændringer, de måtte føre til, står ikke her.",
    ],
    "en": [
        "Region Hovedstaden consulted on “Samarbejdsaftale om indsatsen for voksne med psykisk "
        "sygdom (udkast, maj 2019)” from 6 May 2019 to 21 June 2019 (46 days).",
        "The draft was sent to nine parties. Seven responses were received, all from consulted "
        "parties; among them one without remarks. The consultation list:",
        "Three remarks from three responses on section 3.4 of the draft: two concerns and one "
        "proposal.",
        "Three remarks from three responses on section 2 of the draft: one positive, one "
        "concern and one proposal.",
        "15 answers to the remarks are still missing; any changes they lead to are not listed "
        "here.",
    ],
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_letter_hearings_sentences(cli, project, lang):
    lines = notat_lines(cli, project, EXAMPLE_HEARING, lang)
    assert [s for s in LETTER_SENTENCES[lang] if s not in lines] == []
    # no "0 …" clause, and no «…» (Danish quotes »…«)
    assert not [line for line in lines if " 0 " in line or re.search(r"«\w", line)]


# Danish before → after, from the example web-form hearing:
#   "Fra webformularen: 19 bemærkninger i 19 svar: 8 forslag, 11 bemærkning."
#   "Sendt af 6 svar: 5 privatpersoner og 1 organisation (Ældrerådet (1)). 6 er ordret som
#    teksten ovenfor; 1 forskellige formuleringer; den mest ændrede ligner teksten 100 %."
#   "uden «lægehuset»; tilføjet «lægen»"
FORM_SENTENCES = {
    "da": [
        "Fra webformularen: 19 bemærkninger i 19 svar: otte forslag og elleve uden tydelig "
        "holdning.",
        "Teksten står i seks svar: fem fra privatpersoner og et fra en organisation "
        "(Ældrerådet (1)). Alle er ordret som teksten ovenfor.",
        "Teksten står i 20 svar: 17 fra privatpersoner og tre fra organisationer "
        "(Grundejerforeningen Åparken (1), Handelsstandsforeningen (1), Skolebestyrelsen på "
        "Byskolen (1)). Ni af dem er ordret som teksten ovenfor; teksten findes i seks "
        "forskellige formuleringer, og den mest ændrede ligner teksten 80 %.",
        "uden »lægehuset«; tilføjet »lægen«",
    ],
    "en": [
        "From the web form: 19 remarks in 19 answers: eight proposals and eleven without a "
        "clear stance.",
        "The text is in six answers: five from private persons and one from an organisation "
        "(Ældrerådet (1)). All of them are word for word the text above.",
        "The text is in 20 answers: 17 from private persons and three from organisations "
        "(Grundejerforeningen Åparken (1), Handelsstandsforeningen (1), Skolebestyrelsen på "
        "Byskolen (1)). Nine of them are word for word the text above; the text has six "
        "different wordings, the most edited 80 % like it.",
        "without “lægehuset”; added “lægen”",
    ],
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_web_form_hearings_sentences(cli, project, lang):
    lines = notat_lines(cli, project, EXAMPLE_FORM_HEARING, lang)
    assert [s for s in FORM_SENTENCES[lang] if s not in lines] == []
    assert not [
        line for line in lines if "Sendt af" in line or "forskellige formuleringer;" in line
    ]
