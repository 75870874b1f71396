"""A response's opening courtesy, its closing lines, the greeting and the signature are not
quoted as remarks (and not counted); the source and the bundle keep them. Our own texts."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf

from conftest import EXAMPLE_HEARING
from hoering.comparison.sections import sections
from hoering.comparison.wrapping import unwrapped
from hoering.sources.markdown import parse_body

LETTER = """\
Testby Kommune takker for muligheden for at afgive høringssvar. Vi har tre bemærkninger.

## Ventetid {topic=ventetid stance=concern}

Ventetiden er for lang for borgerne.

Eventuelle spørgsmål kan rettes til undertegnede. Vi står gerne til rådighed for en uddybning.

Med venlig hilsen

Karen Testesen\\
Direktør
"""


def texts(markdown: str) -> list[str]:
    return [s.text for s in unwrapped(sections(parse_body(markdown).blocks))]


def test_opening_closing_greeting_and_signature_are_no_remark():
    assert texts(LETTER) == ["Vi har tre bemærkninger.", "Ventetiden er for lang for borgerne."]


def test_a_section_of_nothing_but_thanks_is_no_remark():
    assert texts("Tak for høringen.\n\n## Ventetid {topic=ventetid}\n\nFor lang.\n") == [
        "For lang."
    ]


def test_thanks_that_also_say_something_are_kept_whole():
    letter = "Kommunen takker for høringen, men er uenig i udkastets afsnit 2.\n"
    assert texts(letter) == ["Kommunen takker for høringen, men er uenig i udkastets afsnit 2."]


def test_a_closing_sentence_in_the_middle_is_kept():
    letter = (
        "## Ventetid {topic=ventetid}\n\nVi står gerne til rådighed. Ventetiden er for lang.\n\n"
        "## Bolig {topic=bolig}\n\nDer mangler boliger.\n"
    )
    assert texts(letter) == [
        "Vi står gerne til rådighed. Ventetiden er for lang.",
        "Der mangler boliger.",
    ]


def test_english_courtesy_lines_too():
    letter = (
        "We thank you for the opportunity to comment. The plan is too vague.\n\n"
        "Please do not hesitate to contact us.\n\nKind regards\n\nJane Doe\n"
    )
    assert texts(letter) == ["The plan is too vague."]


def test_the_notat_quotes_no_courtesy_but_the_bundle_keeps_it(cli, project):
    hearing = Path("consultations") / EXAMPLE_HEARING
    result = cli("compare", str(hearing), "-f", "docx")
    assert result.exit_code == 0, result.output
    out = project / "output" / EXAMPLE_HEARING
    lines = [p.text for p in docx.Document(out / "hoeringsnotat.docx").paragraphs]
    albertslund = "Albertslund Kommune takker for at få udkastet i høring."
    glostrup = "Vi ser frem til det fortsatte samarbejde om aftalen"
    assert not [line for line in lines if albertslund in line or glostrup in line]
    # the rest of the first paragraph is still quoted
    assert (
        "Vi har skrevet dele af svaret sammen med Brøndby Kommune, fordi vores erfaringer på "
        "området ligner hinanden."
    ) in lines
    bundle = " ".join(
        " ".join(page.extract_text().split())
        for page in pypdf.PdfReader(out / "samlede-hoeringssvar.pdf").pages
    )
    assert albertslund in bundle and glostrup in bundle
    assert albertslund in (hearing / "responses" / "albertslund.md").read_text("utf-8")
