"""The Danish guide (docs/vejledning.md) works as written, step by step.

The guide is run from top to bottom in one copy of the example project, with its example
letters (docs/eksempler/): every ``hoering`` command in its ``sh`` blocks and in its text,
every ``$ hoering …`` session (whose printed lines must be printed, in that order; "…" stands
for lines or text left out), and every file it shows with ``fil=PATH`` after the language
of the block (written as the reader would write it). What the guide asks the reader to do by
hand is done where an HTML comment ``<!-- test: NAME -->`` marks it (:data:`BY_HAND`). Then
the files the guide promises are opened and read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest
from click.testing import CliRunner

from conftest import REPO, copy_project
from hoering.cli import main
from test_preview import get, preview_command
from test_readme import Example, examples_in
from test_workspace_http import opened

GUIDE = REPO / "docs" / "vejledning.md"
HEARING = Path("consultations") / "trafikplan-2027"
OUT = Path("output") / "trafikplan-2027"
MINUTES = "2027-03-15-dialogmode-om-trafikplan-2027"
UNPLACED = "\n## Tekst, som import ikke kunne placere\n"


@dataclass
class FileShown:
    """A file the guide shows whole, as the reader writes it."""

    path: str
    text: str


@dataclass
class ByHand:
    """Something the guide tells the reader to do in an editor."""

    name: str


def _files_shown(text: str) -> list[tuple[int, FileShown]]:
    return [
        (m.start(), FileShown(m.group(1), m.group(2)))
        for m in re.finditer(r"```\w+ fil=(\S+)\n(.*?)```", text, re.S)
    ]


def _by_hand(text: str) -> list[tuple[int, ByHand]]:
    return [(m.start(), ByHand(m.group(1))) for m in re.finditer(r"<!-- test: (\w+) -->", text)]


def guide_steps() -> list[Example | FileShown | ByHand]:
    text = GUIDE.read_text("utf-8")
    found: list[tuple[int, Example | FileShown | ByHand]] = [
        *examples_in(re.sub(r"<[^>\s]+>", "…", text)),  # `<fil>` is a placeholder
        *_files_shown(text),
        *_by_hand(text),
    ]
    return [step for _, step in sorted(found, key=lambda item: item[0])]


def printed_as_shown(shown: str, printed: str) -> bool:
    """Whether ``printed`` has the lines ``shown``, in order: a line "…" stands for any
    lines, "…" in a line for any text; without a leading or trailing "…" line the first and
    last lines must be the ones printed."""
    patterns = [
        None if line == "…" else re.compile(".*?".join(map(re.escape, line.split("…"))))
        for line in shown.rstrip("\n").splitlines()
    ]
    lines, at, skipping = printed.rstrip("\n").splitlines(), 0, False
    for pattern in patterns:
        if pattern is None:
            skipping = True
            continue
        while at < len(lines) and not pattern.fullmatch(lines[at]):
            if not skipping:
                return False
            at += 1
        if at == len(lines):
            return False
        at, skipping = at + 1, False
    return skipping or at == len(lines)


# --- what the reader does by hand -----------------------------------------------------------


def _responses(project: Path) -> list[Path]:
    return sorted((project / HEARING / "responses").glob("*.md"))


def move_unplaced_text(project: Path) -> None:
    """ "Flyt den derhen, hvor den hører til, eller slet den": here it is letterhead, deleted."""
    for path in _responses(project):
        text = path.read_text("utf-8")
        if UNPLACED in text:
            path.write_text(text[: text.index(UNPLACED)].rstrip("\n") + "\n", "utf-8")


def confirm_guesses(project: Path) -> None:
    """Each guess checked: its line under guessed: deleted, guess= and matched= deleted."""
    for path in _responses(project):
        text = path.read_text("utf-8")
        text = re.sub(r"\nguessed:\n(?:  .*\n)*", "\n", text)
        text = re.sub(r' guess=[\d.]+ matched="[^"]*"', "", text)
        path.write_text(text, "utf-8")


BY_HAND: dict[str, Callable[[Path], None]] = {
    "unplaced": move_unplaced_text,
    "confirm": confirm_guesses,
}


# --- running the guide ----------------------------------------------------------------------


def run_guide(project: Path) -> None:
    """Every step of the guide, in order, in ``project`` (the current folder)."""
    runner = CliRunner()
    for step in guide_steps():
        if isinstance(step, FileShown):
            target = project / step.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(step.text, "utf-8")
        elif isinstance(step, ByHand):
            BY_HAND[step.name](project)
        elif step.args[0] == "preview":  # serves until stopped: run it in a process
            with preview_command(*step.args[1:]) as (_, url):
                assert get(url)[0] == 200, step.command
        elif step.args[0] == "workspace":  # the same, and its address lets a browser in
            with preview_command(*step.args[1:], command="workspace") as (_, url):
                assert opened(url) == 200, step.command
        else:
            result = runner.invoke(main, step.args, catch_exceptions=False)
            assert result.exit_code == 0, f"{step.command}\n{result.output}"
            if step.output is not None:
                assert printed_as_shown(step.output, result.output), (
                    f"{step.command}\nshown:\n{step.output}\nprinted:\n{result.output}"
                )


def copy_for_the_guide(root: Path) -> Path:
    """The example project and the guide's letters, as a fresh clone has them."""
    import shutil

    copy_project(root, REPO)
    shutil.copytree(REPO / "docs" / "eksempler", root / "docs" / "eksempler")
    return root


@pytest.fixture(scope="module")
def followed(tmp_path_factory) -> Path:
    """A copy of the project in which the whole guide has been followed."""
    import os

    project = copy_for_the_guide(tmp_path_factory.mktemp("vejledning"))
    before = Path.cwd()
    os.chdir(project)
    try:
        run_guide(project)
    finally:
        os.chdir(before)
    return project


def test_the_guide_has_every_kind_of_step():
    steps = guide_steps()
    commands = [s.command for s in steps if isinstance(s, Example)]
    for expected in ("new hearing", "new response", "import", "review", "remarks", "compare"):
        assert any(c.startswith(f"hoering {expected}") for c in commands), expected
    assert any(c.startswith("hoering actions") for c in commands)
    assert "hoering compare consultations/trafikplan-bymidten" in commands
    assert "hoering workspace consultations/trafikplan-2027" in commands
    assert {s.name for s in steps if isinstance(s, ByHand)} == set(BY_HAND)
    shown = [s.path for s in steps if isinstance(s, FileShown)]
    assert shown == [
        f"{HEARING}/hearing.yaml",
        f"{HEARING}/responses/ishoj.md",
        f"{HEARING}/remarks.md",
        f"{HEARING}/minutes/{MINUTES}.md",
    ]


def test_the_response_is_built_on_the_letterhead(followed):
    pdf = pypdf.PdfReader(followed / OUT / "responses" / "ishoj.pdf")
    text = pdf.pages[0].extract_text()
    assert "Høringssvar om udkast til trafikplan 2027" in text
    assert "9. april 2027" in text and "27.00.00-P20-7-27" in text
    word = docx.Document(str(followed / OUT / "responses" / "ishoj.docx"))
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"] == [
        "Busbetjening",
        "Cykelstier",
    ]


def test_the_letters_are_imported_and_their_originals_kept(followed):
    for name in ("albertslund-kommune.pdf", "brondby-kommune.docx", "glostrup-kommune.eml"):
        original = (REPO / "docs" / "eksempler" / name).read_bytes()
        assert (followed / HEARING / "received" / name).read_bytes() == original
        source = (followed / HEARING / "responses" / name).with_suffix(".md")
        text = source.read_text("utf-8")
        assert "guessed:" not in text and "guess=" not in text  # all confirmed
        assert UNPLACED not in text


def test_the_notat_has_the_answers_and_the_hearing_list(followed):
    word = docx.Document(str(followed / OUT / "hoeringsnotat.docx"))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    table_text = "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    text = paragraphs + "\n" + table_text  # the guide ends with the table layout (oversigt)
    assert "Høringsnotat: Udkast til trafikplan 2027" in paragraphs
    assert "Linje 143 får afgange hvert kvarter til kl. 21 på hverdage." in text
    assert "Delvis imødekommet" in text and "Ikke imødekommet" in text
    assert "Afsnit 5 om trafiksikkerhed har fået en liste over prioriterede skoleveje." in text
    assert "Hvidovre Kommune" in table_text and "ikke svaret" in table_text
    assert "27-004455" in text
    for name in ("hoeringsnotat.pdf", "hoeringsnotat.html", "samlede-hoeringssvar.pdf"):
        assert (followed / OUT / name).stat().st_size > 0, name
    book = openpyxl.load_workbook(followed / OUT / "matrix.xlsx")
    respondents = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert {"Albertslund Kommune", "Brøndby Kommune", "Glostrup Kommune", "Ishøj Kommune"} <= set(
        respondents
    )


def test_the_referat_and_its_follow_up(followed):
    built = followed / OUT / "minutes" / MINUTES
    word = docx.Document(str(built.with_suffix(".docx")))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Referat: Dialogmøde om trafikplan 2027" in text
    assert "Referent: Ole Dam, trafikplanlægger, Region Hovedstaden" in text
    exported = built.with_name(MINUTES + ".actions.csv").read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported), delimiter=";"))
    assert [row[:4] for row in rows[1:]] == [
        [
            "Region Hovedstaden",
            "sender passagertal for linje 128 til Ishøj Kommune",
            '="juni 2027"',
            "2027-06-30",
        ],
        [
            "Ishøj Kommune",
            "sender kort over stoppesteder i Ishøj Landsby",
            '="1. april 2027"',
            "2027-04-01",
        ],
        [
            "Albertslund Kommune",
            "udpeger en kontaktperson til supercykelstien",
            '="inden næste møde"',
            "2027-09-20",
        ],
    ]
    calendar = built.with_name(MINUTES + ".ics").read_text("utf-8")
    assert "DTSTART;TZID=Europe/Copenhagen:20270920T100000" in calendar


def test_the_web_form_hearing_has_its_notat(followed):
    pdf = pypdf.PdfReader(followed / "output" / "trafikplan-bymidten" / "hoeringsnotat.pdf")
    assert "Høringsnotat" in pdf.pages[0].extract_text()


def test_the_pictures_the_guide_shows_are_there_and_small():
    pictures = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", GUIDE.read_text("utf-8"))
    assert pictures == [
        "billeder/hoeringssvar.png",
        "workspace/workspace-overview.png",  # these three: tests/test_workspace_browser.py
        "workspace/workspace-response.png",
        "workspace/workspace-respondent.png",
        "billeder/hoeringsnotat.png",
        "billeder/referat.png",
    ]
    for picture in pictures:
        data = (GUIDE.parent / picture).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 200_000, picture


def test_the_readme_links_to_the_guide():
    assert "(docs/vejledning.md)" in (REPO / "README.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("shown", "printed", "expected"),
    [
        ("a\nb", "a\nb\n", True),
        ("a\nb", "a\nb\nc", False),
        ("a\n…", "a\nb\nc", True),
        ("…\nc", "a\nb\nc", True),
        ("a (…)\n…\nd", "a (3 gæt)\nb\nc\nd", True),
        ("a\nc", "a\nb\nc", False),
        ("…\nx\n…", "a\nb", False),
    ],
)
def test_printed_lines_are_matched_as_shown(shown, printed, expected):
    assert printed_as_shown(shown, printed) is expected
