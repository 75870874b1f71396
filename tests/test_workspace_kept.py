"""What the workspace keeps between saves (the responses it read, the remarks respondents
share, the PDFs it showed) changes nothing it shows: after saves and an edit in an editor,
its notat is byte for byte what a fresh ``hoering compare`` writes."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from conftest import EXAMPLE_HEARING
from hoering.cli import main
from hoering.comparison.similarity import shared_respondents
from hoering.config import load_config
from hoering.workspace import edits
from hoering.workspace.kept import KeptSimilarity
from hoering.workspace.originals import printed
from hoering.workspace.running import Workspace

HEARING = Path("consultations") / EXAMPLE_HEARING
SOURCE_LINK = re.compile(r'<a href="\.\./\.\./consultations/[^"]*\.md">([^<]*)</a>')
SHARED = "Vi foreslår en fælles telefonlinje for pårørende, åben alle hverdage fra morgen."


def fresh_notat(fmt: str) -> bytes:
    """The notat ``hoering compare`` writes now; in HTML without its links to the sources
    (relative to the output folder: the workspace serves no source files, so it has none)."""
    out = Path("fresh")
    result = CliRunner().invoke(
        main, ["compare", str(HEARING), "-f", fmt, "--no-bundle", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    made = (out / EXAMPLE_HEARING / f"hoeringsnotat.{fmt}").read_bytes()
    if fmt != "html":
        return made
    unlinked, count = SOURCE_LINK.subn(r"\1", made.decode("utf-8"))
    assert count >= 20
    return unlinked.encode("utf-8")


def heading_line(path: Path, heading: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(heading))


def add_to_section(path: Path, heading: str, sentence: str) -> None:
    """The official adds ``sentence`` after the first paragraph under ``heading``, in an editor."""
    text = path.read_text("utf-8")
    start = text.index(heading)
    end = text.index("\n\n", text.index("\n\n", start) + 2)
    path.write_text(text[:end] + " " + sentence + text[end:], "utf-8")


def test_after_saves_and_an_edit_the_notat_is_what_compare_makes(project):
    hearing = project / HEARING
    ishoj = hearing / "responses" / "ishoj.md"
    workspace = Workspace(HEARING, load_config())
    assert workspace.notat("html") == fresh_notat("html")

    line = heading_line(ishoj, "## Ledsagelse til behandling")
    version = edits.read_response(hearing, "responses/ishoj.md").version
    edits.set_heading_topic(hearing, "responses/ishoj.md", version, line, "hjemloese", "proposal")
    edits.answer_remark(
        hearing,
        edits.read_remarks_file(hearing).version,
        "hjemloese",
        "Ishøj Kommune",
        "Regionen tager forslaget med i den næste aftale.",
        "delvist",
        comparison=workspace.state().comparison,
    )
    moved = workspace.notat("html")
    assert "Regionen tager forslaget med i den næste aftale." in moved.decode("utf-8")
    assert moved == fresh_notat("html")

    add_to_section(ishoj, "## Borgere i hjemløshed", SHARED)
    add_to_section(hearing / "responses" / "brondby.md", "## ", SHARED)
    shared = workspace.state().comparison
    assert shared is not None
    ishoj_remarks = [r for t in shared.topics for r in t.remarks if r.path == ishoj]
    assert ("Brøndby Kommune",) in [r.shared_with for r in ishoj_remarks]
    for fmt in ("html", "docx", "pdf"):
        assert workspace.notat(fmt) == fresh_notat(fmt), fmt


def test_kept_similarity_answers_as_shared_respondents():
    remarks = [
        ("A", SHARED + " Resten er vores egen tekst om noget helt andet end de andre."),
        ("B", "Indledning. " + SHARED),
        ("C", "Et svar uden fælles sætninger, skrevet med egne ord fra ende til anden."),
    ]
    kept = KeptSimilarity()
    assert kept(remarks) == shared_respondents(remarks) == [("B",), ("A",), ()]
    assert kept(remarks) == [("B",), ("A",), ()]
    changed = [remarks[0], ("B", "Noget helt andet."), remarks[2]]
    assert kept(changed) == shared_respondents(changed) == [(), (), ()]


def test_a_topic_set_on_the_page_keeps_the_printed_pdf(project):
    hearing = project / HEARING
    ishoj = hearing / "responses" / "ishoj.md"
    key, make = printed(ishoj, load_config())
    before = make()
    line = heading_line(ishoj, "## Ledsagelse til behandling")
    version = edits.read_response(hearing, "responses/ishoj.md").version
    edits.set_heading_topic(hearing, "responses/ishoj.md", version, line, "hjemloese", None)
    assert "## Ledsagelse til behandling {topic=hjemloese}" in ishoj.read_text("utf-8")
    same_key, make_again = printed(ishoj, load_config())
    assert same_key == key
    assert make_again() == before  # the premise of the key: the topic is never printed
    add_to_section(ishoj, "## Borgere i hjemløshed", SHARED)
    assert printed(ishoj, load_config())[0] != key
