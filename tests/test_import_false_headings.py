"""Lines that are not headings stay out of the headings, and the lines of one heading stay
together (issue 19): a bullet glyph alone, numbered conditions, a row of times, a heading
set on two lines, two headings one under the other, a title with a heading under it.
Each letter is a PDF we set with Typst, imported as a user would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.model import nodes as n
from hoering.sources import load_source
from letters import compile_typst, typst_text

OPENING = (
    "Vi har læst udkastet grundigt og har nogle bemærkninger til den måde, opgaverne "
    "fordeles på mellem parterne i aftalen."
)
CLOSING = "Med venlig hilsen\n\nJørgen Hæstrup"


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def bold(text: str, size: int = 13) -> str:
    return f'#text(weight: "bold", size: {size}pt)[{typst_text(text)}]'


def imported(project: Path, *parts: str):
    """Import a one-page letter made of Typst ``parts`` (after its logo and date); return
    the source and the written text."""
    source = (
        '#set page(paper: "a4", margin: (left: 2.5cm, right: 2.5cm, top: 3.5cm, bottom: 3cm))\n'
        '#set text(lang: "da", size: 11pt)\n#set par(justify: false, spacing: 1.1em)\n'
        '#place(top + right, dy: -2.2cm)[#text(size: 18pt, weight: "bold")[Vallensbæk '
        "Kommune]]\n#v(1cm)\n4\\. marts 2025\n\n" + "\n\n".join(parts) + f"\n\n{CLOSING}\n"
    )
    path = project / "incoming" / "svar.pdf"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(compile_typst(source))
    result = hoering.import_file(path, Path("consultations") / EXAMPLE_HEARING)
    return load_source(result.path), result.path.read_text("utf-8")


def headings(source) -> list[str]:
    return [
        "".join(c.text for c in b.children if isinstance(c, n.Text))
        for b in source.blocks
        if isinstance(b, n.Heading)
    ]


def body_of(written: str) -> str:
    return written.split("\n---\n", 1)[1]


def test_a_bullet_glyph_beside_its_item_is_a_list_never_a_heading(project):
    items = [f"Punkt {i} om opgaverne, som vi gerne vil have belyst nærmere." for i in (1, 2, 3)]
    glyphs = [
        f"#grid(columns: (0.6cm, auto), [{bold('›', 14)}], [{typst_text(item)}])" for item in items
    ]
    source, written = imported(project, bold("Høringssvar om aftalen"), OPENING, *glyphs, OPENING)
    assert headings(source) == []
    assert "›" not in body_of(written)
    [listed] = [b for b in source.blocks if isinstance(b, n.BulletList)]
    assert [item.blocks[0].children[0].text for item in listed.items] == items


def test_numbered_conditions_are_a_list_not_headings(project):
    conditions = [
        "1 At arbejdet sker på hverdage mellem kl. 7 og 18",
        "2 At naboerne får besked en uge før",
        "3 At støjen måles hver uge",
    ]
    source, written = imported(
        project,
        bold("Afgørelse om tilladelse"),
        OPENING,
        "Tilladelsen gives på følgende vilkår:",
        *conditions,
        OPENING,
    )
    assert headings(source) == []
    [listed] = [b for b in source.blocks if isinstance(b, n.OrderedList)]
    assert [item.blocks[0].children[0].text for item in listed.items] == [
        re.sub(r"^\d ", "", c) for c in conditions
    ]
    assert "Tilladelsen gives på følgende vilkår:" in body_of(written)


def test_a_row_of_times_is_no_heading(project):
    row = '#text(weight: "bold")[07.00 #h(2cm) 12.00 #h(2cm) 15.30 #h(2cm) 18.00]'
    source, written = imported(project, bold("Arbejdstider i byggeperioden"), OPENING, row, OPENING)
    assert headings(source) == []
    assert all(time in body_of(written) for time in ("07.00", "12.00", "15.30", "18.00"))


def test_a_heading_in_capitals_on_three_lines_is_one_heading(project):
    heading = (
        "KOMMUNERNE HAR IKKE FÅET TID NOK TIL AT SVARE FORSVARLIGT PÅ HØRINGEN OM SAMARBEJDSAFTALEN"
    )
    source, written = imported(
        project, bold("Høringssvar om aftalen"), OPENING, bold(heading, 18), OPENING
    )
    assert headings(source) == [heading]
    assert f"## {heading}" in written


def test_two_headings_one_under_the_other_stay_two(project):
    source, written = imported(
        project,
        bold("Høringssvar om aftalen"),
        OPENING,
        bold("Bemærkninger til kapitel 4", 12) + " \\\n" + bold("Udskrivning fra sengeafsnit", 12),
        OPENING,
    )
    assert headings(source) == ["Bemærkninger til kapitel 4", "Udskrivning fra sengeafsnit"]


def test_a_heading_under_the_title_is_not_glued_to_it(project):
    source, written = imported(
        project,
        bold("Høringssvar om samarbejdsaftalen") + " \\\n" + bold("Generelle bemærkninger"),
        OPENING,
    )
    assert source.meta.title == "Høringssvar om samarbejdsaftalen"
    assert headings(source) == ["Generelle bemærkninger"]


def test_a_margin_heading_on_three_lines_is_one_heading_and_the_signature_stays(project):
    def section(heading: str, text: str) -> str:
        return (
            f"#grid(columns: (3.2cm, 1fr), column-gutter: 0.8cm, [{bold(heading, 10)}], "
            f"[{typst_text(text)}])"
        )

    source, written = imported(
        project,
        bold("Høringssvar om aftalen"),
        section(
            "Koordinerende indsatsplan og netværksmøder",
            "Kommunen savner, at pårørende kan deltage i møderne, og vi frygter, at "
            "møderne bliver en formalitet uden indhold for borgeren og de pårørende.",
        ),
        section(
            "Ventetid",
            "Vi er glade for, at aftalen gør orientering til hovedreglen, og vi støtter et "
            "akuttilbud til borgere, der venter på behandling i distriktspsykiatrien.",
        ),
    )
    assert headings(source) == ["Koordinerende indsatsplan og netværksmøder", "Ventetid"]
    assert [s.name for s in source.meta.signature.signatories] == ["Jørgen Hæstrup"]


def test_a_notat_title_on_three_lines_is_the_title_and_a_heading_may_end_on_mv(project):
    title = (
        "Høringsnotat om forslag til lov om ændring af lov om trafikplaner i kommunerne og "
        "om ophævelse af lov om parkering på private fællesveje"
    )
    source, written = imported(
        project,
        f"#block(width: 11cm)[{bold(title, 12)}]",
        bold("1.1. Hørte myndigheder og organisationer m.v.", 12),
        OPENING,
    )
    assert source.meta.title == title
    assert headings(source) == ["1.1. Hørte myndigheder og organisationer m.v."]
