"""Shared fixtures: documents built from Markdown the way the build does it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hoering.model import Document, InfoItem, Letterhead
from hoering.render.templates import TemplateFinder
from hoering.sources.markdown import parse_body

FIXTURES = Path(__file__).parent / "fixtures"

LOGO_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    b'<rect width="40" height="40" fill="#005a8c"/></svg>'
)


@pytest.fixture(autouse=True)
def _danish_messages(monkeypatch):
    """Tests expect hoering's default language, whatever the developer's HOERING_LANG, and
    whatever language a test before this one chose with --lang or hoering.toml."""
    from hoering.messages import choose_language

    monkeypatch.delenv("HOERING_LANG", raising=False)
    choose_language(None)
    yield
    choose_language(None)  # before the next module's fixtures (a Dask cluster's workers)


def make_document(markdown: str, *, lang: str = "da", kind: str = "response") -> Document:
    """A letterhead document with ``markdown`` as its body."""
    body = parse_body(markdown)
    return Document(
        kind=kind,
        lang=lang,
        title="Høring af udkast til samarbejdsaftale om voksne med psykisk sygdom",
        author="Ishøj Kommune",
        date=dt.date(2019, 6, 19),
        letterhead=Letterhead(
            organisation="Ishøj Kommune",
            department="Center for Socialservice",
            logo=LOGO_SVG,
            logo_mime="image/svg+xml",
            footer_lines=(
                "Ishøj Rådhus · Ishøj Store Torv 20 · 2635 Ishøj · Telefon 43 57 75 75",
                "ishojkommune@ishoj.dk · www.ishoj.dk · "
                "Åbningstid: man-ons 9-15, tors 12-17, fre 9-13",
            ),
            web="https://www.ishoj.dk",
        ),
        info=(
            InfoItem("Dato", "19. juni 2019"),
            InfoItem("Sagsnr.", "27.00.00-P20-1-19"),
            InfoItem("Kontaktperson", "Thomas Petersen, udviklingskonsulent"),
            InfoItem("E-mail", "tp@ishoj.dk", "mailto:tp@ishoj.dk"),
            InfoItem("Telefon", "43 57 75 75", "tel:+4543577575"),
        ),
        recipient=("Region Hovedstaden", "Center for Sundhed"),
        blocks=tuple(body.blocks),
        closing=tuple(
            parse_body(
                "På vegne af Ishøj Kommune, Center for Socialservice\n\n"
                "Helle Pernille Madsen  \nCenterchef"
            ).blocks
        ),
        footnotes=tuple(body.footnotes),
        subject="Samarbejdsaftale om voksne med psykisk sygdom",
        keywords=("høringssvar", "psykiatri"),
    )


@pytest.fixture
def every_construct() -> Document:
    """A document using every Markdown construct we support."""
    return make_document((FIXTURES / "markdown" / "every-construct.md").read_text("utf-8"))


@pytest.fixture
def templates() -> TemplateFinder:
    return TemplateFinder(None)


REPO = Path(__file__).resolve().parent.parent
PROJECT = FIXTURES / "project"  # the tests' own project: the example hearings and templates
EXAMPLE_HEARING = "samarbejdsaftale-psykisk-sygdom"
EXAMPLE_FORM_HEARING = "trafikplan-bymidten"  # a citizens' hearing answered in a web form


def copy_project(root: Path, source: Path = PROJECT) -> Path:
    """Copy the tests' project (``tests/fixtures/project``: two hearings and the templates)
    into ``root``.

    Not the working tree's ``consultations/``: a user's own hearings there, one made by
    following the README, or an edit of the example must not change what the tests see."""
    import shutil

    ignore = shutil.ignore_patterns("__pycache__", ".*")
    for hearing in (EXAMPLE_HEARING, EXAMPLE_FORM_HEARING):
        shutil.copytree(
            source / "consultations" / hearing, root / "consultations" / hearing, ignore=ignore
        )
    shutil.copytree(source / "templates", root / "templates", ignore=ignore)
    return root


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the tests' project (sources + templates) as the current folder."""
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` with its content, to show that nothing changed."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture
def cli(project, monkeypatch):
    """Run the hoering CLI in the example project: cli("build", "-f", "pdf"). The progress
    lines a slow command prints ("Laver …", after Progress.QUIET_SECONDS) are kept out, so
    that what a test reads does not depend on how busy the machine is; a test of them sets
    QUIET_SECONDS itself."""
    from click.testing import CliRunner

    from hoering.cli import main

    monkeypatch.setattr("hoering.cli.report.Progress.QUIET_SECONDS", float("inf"))

    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return run


@pytest.fixture
def bare_hearing(project) -> Path:
    """The example hearing with only the authored ishoj.md: no other responses, nothing
    received. For tests that import into it or count what is there."""
    import shutil

    hearing = project / "consultations" / EXAMPLE_HEARING
    for path in (hearing / "responses").glob("*.md"):
        if path.name != "ishoj.md":
            path.unlink()
    shutil.rmtree(hearing / "received", ignore_errors=True)
    return hearing
