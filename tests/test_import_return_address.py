"""The sender's own address is never the recipient (issue 19, point 9): the return address
printed above the window ("Afs.: …") stays out of the recipient block and out of the body,
on a letter of ours."""

from __future__ import annotations

from pathlib import Path

import hoering
from conftest import EXAMPLE_HEARING
from hoering.sources import load_source
from layout_letters import OPENING, RECIPIENT, RETURN_ADDRESS, Layout, letter

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
