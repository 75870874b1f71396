"""The notat's pages: leads kept with what they lead, columns as wide as their words, a
table of contents with page numbers, no address broken — read back from the PDF and DOCX."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pypdf
import pytest
from click.testing import CliRunner

from conftest import PROJECT
from hoering.cli import main

PARTIES = 24
SENTENCES = (
    "Kommunen ønsker et varsel på flere hverdage, før en borger udskrives fra sengeafsnittet.",
    "Vi foreslår, at udskrivningsmødet holdes, mens borgeren stadig er indlagt.",
    "Borgere uden fast bopæl bør have en aftalt adresse, før udskrivningen finder sted.",
    "Ledsagelse til ambulant behandling bør aftales med kommunens hjemmepleje i god tid.",
)


def _hearing(root: Path) -> Path:
    """A hearing with PARTIES parties whose remarks differ in length, so that page breaks
    fall before, inside and after each party's name and each "Kommentar:" line."""
    folder = root / "consultations" / "mange"
    (folder / "responses").mkdir(parents=True)
    names = [f"Kommune nr. {i:02d}" for i in range(PARTIES)]
    consulted = "".join(f"  - name: {name}\n" for name in names)
    (folder / "hearing.yaml").write_text(
        "id: mange\ntitle: Udkast til aftale om udskrivning\nauthority: region-hovedstaden\n"
        "draft: {name: udkast til aftale om udskrivning}\n"
        "period: {start: 2019-05-06, end: 2019-06-21}\ndeadline: 2019-06-21\n"
        f"consulted:\n{consulted}topics:\n"
        "  - {id: udskrivning, title: Udskrivning, section: '4.1', keywords: [udskrivning]}\n"
        "  - {id: ledsagelse, title: Ledsagelse, section: '3.4', keywords: [ledsagelse]}\n",
        "utf-8",
    )
    answers = ["## udskrivning\n"]
    for i, name in enumerate(names):
        said = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(2 + i * 5 % 11))
        (folder / "responses" / f"kommune-{i:02d}.md").write_text(
            f"---\ntype: response\ntitle: Høringssvar fra {name}\nhearing: mange\n"
            f"sender: {name}\ndate: 2019-06-{1 + i % 20:02d}\nrecipient: [Region Hovedstaden]\n"
            f"signature: {{on_behalf_of: {name}}}\n---\n\n"
            f"## Udskrivning {{topic=udskrivning stance=bekymring}}\n\n{said}\n\n"
            f"## Ledsagelse {{topic=ledsagelse stance=forslag}}\n\n{SENTENCES[3]}\n",
            "utf-8",
        )
        reply = " ".join(SENTENCES[(i + k) % 3] for k in range(1 + i % 4))
        answers.append(f"### {name} {{status=delvist}}\n\nRegionen svarer: {reply}\n")
    (folder / "remarks.md").write_text("\n".join(answers), "utf-8")
    return folder


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """Each layout of the hearing's notat, as PDF and DOCX: {layout: output folder}."""
    root = tmp_path_factory.mktemp("many")
    shutil.copytree(PROJECT / "templates", root / "templates")
    _hearing(root)
    written = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        for layout in ("emner", "parter"):
            out = root / layout
            args = ["compare", "consultations/mange", "--no-bundle", "-f", "pdf", "-f", "docx"]
            result = CliRunner().invoke(main, [*args, "--layout", layout, "-o", str(out)])
            assert result.exit_code == 0, result.output
            written[layout] = out / "mange"
    return written


LEAD = re.compile(r"^(Kommune nr\. \d\d|Udskrivning|Ledsagelse) – |^Kommentar:")


def _last_lines(pdf: Path) -> list[str]:
    """The last line of text above the footer on each page."""
    pages = [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in pypdf.PdfReader(pdf).pages
    ]
    footer = set.intersection(*(set(lines[-4:]) for lines in pages))
    body = [[x for x in lines if x not in footer and not x.startswith("Side ")] for lines in pages]
    return [lines[-1] for lines in body]


@pytest.mark.parametrize("layout", ["emner", "parter"])
def test_no_page_ends_with_a_party_or_a_comment_label(many, layout):
    lasts = _last_lines(many[layout] / "hoeringsnotat.pdf")
    assert len(lasts) >= 6  # enough pages for breaks to fall everywhere
    assert [line for line in lasts if LEAD.match(line)] == []


@pytest.mark.parametrize("layout", ["emner", "parter"])
def test_docx_keeps_every_lead_with_the_paragraph_after_it(many, layout):
    paragraphs = docx.Document(many[layout] / "hoeringsnotat.docx").paragraphs
    leads = [p for p in paragraphs if LEAD.match(p.text)]
    assert len(leads) >= 2 * PARTIES  # every party's name (or topic) and every "Kommentar:"
    assert [p.text for p in leads if not p.paragraph_format.keep_with_next] == []
    others = [p for p in paragraphs if p.text.startswith("Regionen svarer:")]
    assert others and not any(p.paragraph_format.keep_with_next for p in others)
