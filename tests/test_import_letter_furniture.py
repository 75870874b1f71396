"""The sender's own address is never the recipient (issue 19, point 9): the return address
printed above the window ("Afs.: …") stays out of the recipient block and out of the body;
and a date printed with the page number is the letter's date line. On letters of ours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.sources import load_source
from layout_letters import MARGIN_DATE, OPENING, RECIPIENT, RETURN_ADDRESS, Layout, letter

HEARING = Path("consultations") / EXAMPLE_HEARING


def _imported(project: Path, name: str, layout: Layout):
    path = project / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(letter(layout))
    imported = hoering.import_file(path, HEARING)
    return imported, load_source(imported.path)


def test_a_return_address_above_the_window_is_never_the_recipient(project):
    imported, source = _imported(project, "afs.pdf", Layout(return_address=True, stamp=False))
    _plain, without = _imported(project, "plain.pdf", Layout(stamp=False))
    assert source.meta.recipient == RECIPIENT  # the window, without the line above it
    assert source.meta.sender == without.meta.sender  # the line changes no other guess
    body = imported.path.read_text("utf-8").split("\n---\n", 1)[1]
    assert "Afs." not in body and "Kongens Vænge" not in body
    assert " ".join(body.split()).startswith(OPENING[:60])
    assert RETURN_ADDRESS in source.meta.removed["letterhead"]  # accounted for in the ledger
    assert imported.unaccounted == 0


@pytest.mark.parametrize("band", ["header", "footer"])
def test_a_date_on_the_page_numbers_line_is_the_letters_date(project, band):
    """ "3. marts 2025   Side 1 af 4" on every page: the date is the letter's date line (as in a
    letterhead), read once into the front matter, and the line stays out of the body."""
    layout = Layout(margin_date=False, stamp=False, numbered_date=band)
    imported, source = _imported(project, f"{band}.pdf", layout)
    assert source.meta.date == dt.date(2025, 3, 3)
    assert MARGIN_DATE == "3. marts 2025"
    front, body = imported.path.read_text("utf-8").split("\n---\n", 1)
    assert 'date: {confidence: 0.95, found_in: "teksten, side 1: \\"3. marts 2025\\""' in front
    assert MARGIN_DATE not in body and "Side 1 af" not in body
    assert imported.unaccounted == 0
