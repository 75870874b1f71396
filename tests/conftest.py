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
                "ishojkommune@ishoj.dk · www.ishoj.dk · Åbningstid: man-ons 9-15, tors 12-17, fre 9-13",
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
        closing=tuple(parse_body("På vegne af Ishøj Kommune, Center for Socialservice\n\n"
                                 "Helle Pernille Madsen  \nCenterchef").blocks),
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
