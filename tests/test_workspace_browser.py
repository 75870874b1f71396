"""The workspace driven in a real browser (headless chromium), as the official uses it:
two letters imported, a sender and a topic corrected, three remarks answered with their
statuses on the topics' pages and one on the respondent's own — then the Markdown files hold
exactly those changes and the notat says them.

Each page on the way is also checked with axe-core (WCAG 2.1 A and AA rules) and the W3C Nu
checker (vnu.jar), measured at 320 px (no sideways scrolling) and walked with the Tab key.
axe-core and vnu.jar come from the npm registry at test time (.ci/run puts them in
.venv-ci/js); where they or chromium are missing, the tests say so and skip.

With HOERING_SCREENSHOTS=<folder> the tests also save the screenshots the README shows.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from browser import CHROMIUM, SKIP_REASON, Browser
from conftest import REPO
from hoering.config import load_config
from hoering.workspace.running import Workspace
from htmltree import parse

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=SKIP_REASON)

CHECKERS = Path(os.environ.get("HOERING_WEB_CHECKERS", REPO / ".venv-ci" / "js" / "node_modules"))
AXE = CHECKERS / "axe-core" / "axe.min.js"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
SCREENSHOTS = os.environ.get("HOERING_SCREENSHOTS")
SCREENSHOTS = str(Path(SCREENSHOTS).resolve()) if SCREENSHOTS else None  # before chdir


def screenshot(browser: Browser, name: str, full: bool = False) -> None:
    """Save the page as docs/workspace/ keeps it: a PNG of 48 colours, a few tens of kB."""
    if not SCREENSHOTS:
        return
    from PIL import Image

    path = Path(SCREENSHOTS) / f"{name}.png"
    browser.screenshot(path, full=full)
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=48, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


@pytest.fixture
def imported(bare_hearing, cli, tmp_path):
    """The example hearing with nothing in it but two received letters imported (a PDF,
    a DOCX): no other response, no remarks.md yet."""
    from import_fixtures import response_docx, response_pdf

    (bare_hearing / "responses" / "ishoj.md").unlink()
    (bare_hearing / "remarks.md").unlink()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "svar-a.pdf").write_bytes(response_pdf(seed=3, sections=3)[0])
    (downloads / "svar-b.docx").write_bytes(response_docx(seed=4, sections=3)[0])
    result = cli(
        "import",
        str(downloads / "svar-a.pdf"),
        str(downloads / "svar-b.docx"),
        "--hearing",
        str(bare_hearing),
    )
    assert result.exit_code == 0, result.output
    return bare_hearing


@pytest.fixture
def session(imported, tmp_path):
    with Workspace(imported, load_config()) as workspace:
        url = workspace.start(port=0)
        with Browser(tmp_path / "profile", width=1100, height=800) as browser:
            browser.open(url)
            yield workspace, url.split("?")[0], browser


def changes(before: str, after: str) -> list[str]:
    """The changed lines, as 'git diff' shows them (- removed, + added), without context."""
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def fill_and_submit(browser: Browser, form: str, values: dict[str, str], button: str) -> None:
    """Set the fields of the form ``form`` (a CSS selector) and press its ``button``."""
    script = (
        f"(function () {{ var form = document.querySelector({json.dumps(form)});"
        f" var values = {json.dumps(values)};"
        " for (var name in values) { form.elements[name].value = values[name]; }"
        f" form.querySelector({json.dumps(button)}).click(); }})()"
    )
    browser.submit(script)


def notice(browser: Browser) -> str:
    found = browser.run("(document.querySelector('.notice') || {}).textContent")
    assert found is not None, (browser.run("location.href"), browser.html()[:3000])
    return found


def test_check_and_answer_two_imported_letters(session, imported):
    workspace, base, browser = session
    pdf_response = imported / "responses" / "vallensbaek-kommune.md"
    docx_response = imported / "responses" / "hvidovre-kommune.md"
    remarks = imported / "remarks.md"
    before = {p: p.read_text("utf-8") for p in (pdf_response, docx_response)}
    assert not remarks.exists()

    page = parse(browser.html())
    assert page.find("p", id="progress").text() == "0 af 6 bemærkninger besvaret"
    screenshot(browser, "workspace-overview")

    # the DOCX letter: import guessed the wrong sender; the official corrects it
    browser.submit("document.querySelector('a[href=\"/responses/hvidovre-kommune\"]').click()")
    screenshot(browser, "workspace-response")
    fill_and_submit(
        browser,
        "#guess-sender + p + p + form, form[aria-labelledby=guess-sender]",
        {"value": "Brøndby Kommune"},
        "button[value=correct]",
    )
    assert notice(browser) == "Gemt i responses/hvidovre-kommune.md."

    # the PDF letter: a section about discharge was put under another topic
    browser.open(base + "responses/vallensbaek-kommune")
    line = browser.run(
        "Array.from(document.querySelectorAll('article.section h4')).find("
        "function (h) { return h.textContent.indexOf('varsling') >= 0; }).id"
    )
    fill_and_submit(
        browser,
        f"form[aria-labelledby={line}]",
        {"topic": "indlaeggelse-udskrivning"},
        "button[value=set]",
    )
    assert notice(browser) == "Gemt i responses/vallensbaek-kommune.md."

    # three remarks answered, each with its status
    browser.open(base + "remarks?topic=udskrivningsmentor")
    screenshot(browser, "workspace-remarks")
    answers = [
        ("udskrivningsmentor", "Vallensbæk Kommune", "imoedekommet", "Afsnit 4.3 udbygges."),
        ("udskrivningsmentor", "Brøndby Kommune", "delvist", "Mentoren forankres i regionen."),
        ("ledsagelse", "Brøndby Kommune", "noteret", "Regionen noterer forslaget."),
    ]
    for topic, who, status, text in answers:
        browser.open(base + f"remarks?topic={topic}")
        ident = browser.run(
            "Array.from(document.querySelectorAll('.answer-row h3')).find(function (h) {"
            f" return h.textContent === {json.dumps(who)}; }}).id"
        )
        fill_and_submit(
            browser,
            f"form[aria-labelledby={ident}]",
            {"status": status, "answer": text},
            "button[type=submit]",
        )
        assert notice(browser) == "Gemt i remarks.md."

    # one respondent's remarks, on its own page from the overview's count of its answers
    browser.open(base)
    vallensbaek = "/remarks?respondent=Vallensb%C3%A6k%20Kommune"
    browser.submit(f"document.querySelector('a[href=\"{vallensbaek}\"]').click()")
    assert browser.run("document.querySelector('h1').textContent") == (
        "Bemærkninger fra Vallensbæk Kommune"
    )
    screenshot(browser, "workspace-respondent")
    open_form = browser.run(
        "Array.from(document.querySelectorAll('form[action=\"/save/answer\"]')).find("
        "function (f) { return f.elements.status.value === ''; }).getAttribute('aria-labelledby')"
    )
    fill_and_submit(
        browser,
        f"form[aria-labelledby={open_form}]",
        {"status": "noteret", "answer": "Regionen tager det med i den næste aftale."},
        "button[type=submit]",
    )
    assert notice(browser) == "Gemt i remarks.md."
    assert browser.run("location.pathname + location.search") == vallensbaek

    sender_guess = next(
        line for line in before[docx_response].splitlines() if line.startswith("  sender: {")
    )
    assert changes(before[docx_response], docx_response.read_text("utf-8")) == [
        '-sender: "Hvidovre Kommune"',
        '+sender: "Brøndby Kommune"',
        f"-{sender_guess}",
    ]
    heading = next(
        line for line in before[pdf_response].splitlines() if line.startswith("## Orientering")
    )
    assert changes(before[pdf_response], pdf_response.read_text("utf-8")) == [
        f"-{heading}",
        "+## Orientering, varsling og færdigmelding "
        "{topic=indlaeggelse-udskrivning stance=bekymring}",
    ]
    assert remarks.read_text("utf-8") == (
        "## Udskrivningsmentor\n\n"
        "### Vallensbæk Kommune {status=imoedekommet}\n\nAfsnit 4.3 udbygges.\n\n"
        "### Brøndby Kommune {status=delvist}\n\nMentoren forankres i regionen.\n\n"
        "## Ledsagelse til behandling\n\n"
        "### Brøndby Kommune {status=noteret}\n\nRegionen noterer forslaget.\n\n"
        "## Indlæggelse og udskrivning\n\n"
        "### Vallensbæk Kommune {status=noteret}\n\nRegionen tager det med i den næste aftale.\n"
    )

    browser.open(base)
    page = parse(browser.html())
    # the section moved onto a topic Vallensbæk already wrote on: one remark less to answer
    assert page.find("p", id="progress").text() == "4 af 5 bemærkninger besvaret"
    browser.submit("document.querySelector('a[href=\"/notat\"]').click()")
    text = browser.run("document.body.innerText")
    for _, _, _, answer in answers:
        assert answer in text
    assert "Regionen tager det med i den næste aftale." in text
    screenshot(browser, "workspace-notat")


def test_a_file_saved_in_an_editor_shows_on_the_open_page(session, imported):
    _, base, browser = session
    path = imported / "responses" / "hvidovre-kommune.md"
    text = path.read_text("utf-8")
    browser.open(base + "responses/hvidovre-kommune")
    heading = "document.querySelector('h1').textContent"
    assert browser.run(heading) == "Hvidovre Kommune"

    path.write_text(text.replace('sender: "Hvidovre Kommune"', 'sender: "Brøndby Kommune"'))
    browser.wait_for("Page.loadEventFired")  # the page reads the files again by itself
    assert browser.run(heading) == "Brøndby Kommune"

    # with text typed and not saved, the page stays as it is and says why
    field = "document.getElementById('guess-date-value')"
    browser.run(
        f"(function (f) {{ f.value = '2019-06-30'; f.dispatchEvent(new Event('input',"
        f" {{bubbles: true}})); return true; }})({field})"
    )
    path.write_text(text, "utf-8")
    deadline = time.monotonic() + 30
    while browser.run("document.getElementById('changed-on-disk').hidden"):
        assert time.monotonic() < deadline, "the page did not say the file changed"
        time.sleep(0.2)
    assert browser.run(heading) == "Brøndby Kommune"
    assert browser.run(f"{field}.value") == "2019-06-30"
    assert browser.run("document.getElementById('changed-on-disk').textContent").startswith(
        "En fil i høringen er ændret på disken"
    )


# --- every page: axe, the Nu checker, 320 px, the keyboard ----------------------------------

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FOCUSABLE = "a[href], button, select, input:not([type=hidden]), textarea, summary"


def pages(base: str) -> list[str]:
    return [
        base,
        base + "?show=guesses",
        base + "responses/vallensbaek-kommune",
        base + "responses/hvidovre-kommune",
        base + "remarks",
        base + "remarks?topic=udskrivningsmentor",
        base + "remarks?respondent=Hvidovre%20Kommune",  # a respondent of this fixture
    ]


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not installed ({AXE}): see .ci/run")
def test_every_page_passes_axe_wcag_2_1_aa(session):
    _, base, browser = session
    axe = AXE.read_text("utf-8")
    found = {}
    for url in pages(base):
        browser.open(url)
        browser.run(axe)
        found[url] = browser.run(
            f"axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(WCAG_AA)}}}}})"
            ".then(function (r) { return r.violations.map(function (v) {"
            " return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); })"
            ".join(', '); }); })"
        )
    assert found == {url: [] for url in pages(base)}


@pytest.mark.skipif(
    JAVA is None or not VNU.is_file(), reason=f"the Nu checker needs java and {VNU}: see .ci/run"
)
def test_every_page_passes_the_nu_html_checker(session, tmp_path):
    _, base, browser = session
    files = []
    for index, url in enumerate(pages(base)):
        browser.open(url)
        served = browser.run("fetch(location.href).then(function (r) { return r.text(); })")
        files.append(tmp_path / f"page-{index}.html")
        files[-1].write_text(served, "utf-8")
    result = subprocess.run(
        [JAVA, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert problems == []


def test_no_page_scrolls_sideways_at_320_px(session):
    _, base, browser = session
    browser.width(320, 700)
    widths = {}
    for url in pages(base):
        browser.open(url)
        widths[url] = browser.run(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
    assert all(client <= 320 for _, client in widths.values())
    assert {url: w for url, w in widths.items() if w[0] > w[1]} == {}
    browser.open(base + "responses/vallensbaek-kommune")
    screenshot(browser, "workspace-response-320")


def test_the_keyboard_alone_reaches_every_control_with_a_visible_focus(session):
    _, base, browser = session
    for url in (base, base + "remarks?topic=udskrivningsmentor"):
        browser.open(url)
        expected = browser.run(f"document.querySelectorAll({json.dumps(FOCUSABLE)}).length")
        reached, unmarked = set(), []
        for _ in range(expected + 5):
            browser.tab()
            key, outline = browser.run(
                "(function (e) { var all = Array.prototype.slice.call("
                f"document.querySelectorAll({json.dumps(FOCUSABLE)}));"
                " return [all.indexOf(e), getComputedStyle(e).outlineStyle]; })"
                "(document.activeElement)"
            )
            reached.add(key)
            if key >= 0 and outline == "none":
                unmarked.append(key)
        assert reached - {-1} == set(range(expected)), url
        assert unmarked == [], url
