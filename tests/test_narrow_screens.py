"""At 320 px (a small phone) no page scrolls sideways: every HTML page of the example project
— the responses, the referat and the høringsnotat — is measured in headless chromium.

Headless chromium keeps its window at least ~500 px wide, so each page is shown in a 320 px
iframe; a script in the page posts its scroll width up to the frame page, whose DOM is read.
A wide table may scroll inside its own region; the page itself may not.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLE_HEARING
from htmltree import parse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH = 320

PROBE = """<script>
window.addEventListener("load", function () {
  var root = document.documentElement;
  parent.postMessage(JSON.stringify({page: location.pathname.split("/").pop(),
    scroll: root.scrollWidth, client: root.clientWidth}), "*");
});
</script>"""

FRAMES = """<!DOCTYPE html><html><body>%s<pre id="found"></pre><script>
var found = [];
window.addEventListener("message", function (m) {
  found.push(JSON.parse(m.data));
  document.getElementById("found").textContent = JSON.stringify(found);
});
</script></body></html>"""


def _probe_copies(pages: list[Path], folder: Path) -> list[str]:
    names = []
    for index, page in enumerate(pages):
        name = f"{index:02d}-{page.name}"
        text = page.read_text("utf-8")
        (folder / name).write_text(text.replace("</body>", PROBE + "</body>"), "utf-8")
        names.append(name)
    return names


def widths(pages: list[Path], folder: Path) -> dict[str, tuple[int, int]]:
    """Each page's (scroll width, visible width) in a 320 px frame."""
    names = _probe_copies(pages, folder)
    frames = "".join(
        f'<iframe src="{n}" style="width:{WIDTH}px;height:600px"></iframe>' for n in names
    )
    (folder / "frames.html").write_text(FRAMES % frames, "utf-8")
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={folder / 'profile'}",
            "--window-size=1200,800",
            "--virtual-time-budget=10000",
            "--dump-dom",
            (folder / "frames.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    found = json.loads(parse(dom).find("pre", id="found").text() or "[]")
    return {re.sub(r"^\d+-", "", f["page"]): (f["scroll"], f["client"]) for f in found}


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium on this machine to measure pages "
    "in a real browser (Debian: apt install chromium)",
)
def test_no_page_scrolls_sideways_at_320_px(cli, project, tmp_path_factory):
    assert cli("build", "-f", "html").exit_code == 0
    assert (
        cli(
            "compare", str(Path("consultations") / EXAMPLE_HEARING), "-f", "html", "--no-bundle"
        ).exit_code
        == 0
    )
    pages = sorted((project / "output").rglob("*.html"))
    measured = widths(pages, tmp_path_factory.mktemp("frames"))
    missing = [p for p in pages if p.name not in measured]  # a frame that had not loaded yet
    if missing:  # on a busy machine: measure those once more
        measured.update(widths(missing, tmp_path_factory.mktemp("frames")))
    assert sorted(measured) == sorted(p.name for p in pages)
    too_wide = {name: w for name, w in measured.items() if w[0] > w[1]}
    assert not too_wide, f"pages wider than the screen (scroll, visible): {too_wide}"
    assert all(client <= WIDTH for _, client in measured.values())
