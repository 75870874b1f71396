"""hoering workspace over HTTP: who gets in (the token, the Host), what a page of another
site can do (nothing), which files are served (the hearing's, by name), how big a form may
be — and what the pages show of the example hearing."""

from __future__ import annotations

import http.client
import io
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from PIL import Image

from conftest import EXAMPLE_HEARING, snapshot
from hoering.config import load_config
from hoering.workspace.running import Workspace
from hoering.workspace.server import MAX_FORM_BYTES
from htmltree import parse

HEARING = Path("consultations") / EXAMPLE_HEARING


class Client:
    """A client that keeps the workspace's cookie, as the official's browser does."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.port = parts.port
        self.opening = f"{parts.path}?{parts.query}"
        self.cookie = ""

    def request(self, method, path, body=b"", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookie:
            sent["Cookie"] = self.cookie
        sent.update(headers or {})
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), data

    def open(self) -> None:
        status, headers, _ = self.request("GET", self.opening)
        assert status == 303 and headers["Location"] == "/"
        self.cookie = headers["Set-Cookie"].split(";")[0]

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, headers=None):
        body = urlencode(fields).encode()
        sent = {"Content-Type": "application/x-www-form-urlencoded"}
        sent.update(headers or {})
        return self.request("POST", path, body, sent)


def opened(url: str) -> int:
    """The status of the page the opening address leads to, in a client that keeps cookies."""
    client = Client(url)
    client.open()
    return client.get("/")[0]


@pytest.fixture
def served(project):
    with Workspace(HEARING, load_config()) as workspace:
        url = workspace.start(port=0)
        client = Client(url)
        yield workspace, url, client


def test_the_opening_address_sets_a_strict_cookie_and_drops_the_token(served):
    workspace, url, client = served
    assert url.startswith("http://127.0.0.1:") and f"?token={workspace.token}" in url
    assert len(workspace.token) >= 43
    status, headers, _ = client.get(client.opening)
    assert status == 303 and headers["Location"] == "/"
    assert headers["Set-Cookie"] == (
        f"hoering-workspace-{client.port}={workspace.token}; Path=/; HttpOnly; SameSite=Strict"
    )


def test_the_command_prints_its_address_with_the_token(project):
    from test_preview import preview_command

    with preview_command(str(HEARING), command="workspace") as (line, url):
        assert line.startswith(f"Arbejdsrummet for {HEARING} på http://127.0.0.1:")
        assert line.rstrip().endswith("(Ctrl+C stopper det)")
        assert "/?token=" in url and opened(url) == 200


def test_without_the_token_nothing_of_the_hearing_is_shown(served):
    workspace, _, client = served
    for path in (
        "/",
        "/remarks",
        "/notat",
        "/notat.pdf",
        "/responses/ishoj",
        "/static/workspace.css",
    ):
        status, _, body = client.get(path)
        assert status == 403, path
        assert b"Ishoj" not in body and "Ishøj".encode() not in body
    status, _, body = client.get("/?token=wrong")
    assert status == 403
    page = parse(body.decode())
    assert page.find("h1").text() == "Åbn arbejdsrummet fra dets adresse"
    client.cookie = f"hoering-workspace-{client.port}=wrong"
    assert client.get("/")[0] == 403


def test_another_host_is_refused_even_with_the_token(served):
    workspace, _, client = served
    client.open()
    for host in (f"attacker.example:{client.port}", "127.0.0.1", f"127.0.0.1.nip.io:{client.port}"):
        assert client.get("/", {"Host": host})[0] == 403
        assert client.get(client.opening, {"Host": host})[0] == 403
    assert client.get("/", {"Host": f"localhost:{client.port}"})[0] == 200


def test_pages_carry_a_strict_content_security_policy(served):
    _, _, client = served
    client.open()
    status, headers, body = client.get("/")
    assert status == 200
    assert headers["Content-Security-Policy"] == (
        "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://attacker.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "null"},
    ],
)
def test_a_form_from_another_site_cannot_write(served, headers, project):
    workspace, _, client = served
    client.open()
    before = snapshot(project / HEARING)
    fields = {"token": workspace.token, "topic": "ledsagelse", "text": "Skrevet udefra."}
    status, _, body = client.post("/save/changes", fields, headers)
    assert (status, body) == (403, b"Forbidden")
    assert snapshot(project / HEARING) == before


def test_a_form_without_the_token_cannot_write(served, project):
    workspace, _, client = served
    client.open()
    before = snapshot(project / HEARING)
    own = {"Origin": f"http://127.0.0.1:{client.port}", "Sec-Fetch-Site": "same-origin"}
    assert client.post("/save/changes", {"text": "x"}, own)[0] == 403
    assert client.post("/save/changes", {"token": "wrong", "text": "x"}, own)[0] == 403
    cookie, client.cookie = client.cookie, ""
    assert client.post("/save/changes", {"token": workspace.token, "text": "x"}, own)[0] == 403
    client.cookie = cookie
    assert snapshot(project / HEARING) == before


def test_a_form_too_big_or_of_another_kind_is_refused_unread(served, project):
    workspace, _, client = served
    client.open()
    before = snapshot(project / HEARING)
    big = {"token": workspace.token, "text": "x" * MAX_FORM_BYTES}
    assert client.post("/save/changes", big)[0] == 413
    status, _, _ = client.request(
        "POST", "/save/changes", b'{"text": "x"}', {"Content-Type": "application/json"}
    )
    assert status == 415
    assert snapshot(project / HEARING) == before


def test_only_the_hearings_own_pages_and_files_are_served(served, project):
    _, _, client = served
    client.open()
    for path in (
        "/../../etc/passwd",
        "/responses/../hearing.yaml",
        "/responses/..%2Fhearing",
        f"/consultations/{EXAMPLE_HEARING}/hearing.yaml",
        "/responses/nobody",
        "/responses/ishoj/page-1.png/../../remarks.md",
        "/static/../running.py",
        "/static/workspace.py",
    ):
        assert client.get(path)[0] == 404, path


def test_an_original_outside_received_is_never_shown(served, project):
    _, _, client = served
    client.open()
    source = project / HEARING / "responses" / "glostrup-kommune.md"
    outside = project / "secret.pdf"
    outside.write_bytes((project / HEARING / "received" / "hoeringssvar-glostrup.pdf").read_bytes())
    text = source.read_text("utf-8")
    source.write_text(
        text.replace("received/hoeringssvar-glostrup.pdf", "../../secret.pdf"), "utf-8"
    )
    status, _, body = client.get("/responses/glostrup-kommune/page-1.png")
    assert status == 500
    page = parse(body.decode())
    assert page.find("h1").text() == "Siden kan ikke vises"
    assert page.find("ol").find("li").text() == (
        f"{HEARING}/responses/glostrup-kommune.md: ../../secret.pdf ligger uden for received/ "
        "(kopiér filen ind i received/, og henvis til den der)"
    )


def test_the_overview_lists_every_party_with_its_state_and_the_progress(served):
    _, _, client = served
    client.open()
    page = parse(client.get("/")[2].decode())
    assert page.find("p", id="progress").text() == "9 af 24 bemærkninger besvaret"
    rows = [
        [cell.text() for cell in row.children if not isinstance(cell, str)]
        for row in page.find("tbody").find_all("tr")
    ]
    assert rows[2] == ["Glostrup Kommune", "18. juni 2019", "11 at tjekke", "1 af 5", ""]
    assert rows[5] == ["Rødovre Kommune", "26. juni 2019", "alle tjekket", "2 af 2", "kom for sent"]
    assert rows[6][4] == "ingen bemærkninger"
    assert rows[-1] == ["PLO-Hovedstaden", "", "", "", "intet høringssvar"]
    late = parse(client.get("/?show=late")[2].decode())
    assert late.find("p", id="shown").text() == "1 part vises"
    none = parse(client.get("/?show=guesses")[2].decode())
    assert none.find("p", id="shown").text() == "1 part vises"


def test_a_response_shows_its_original_pages_and_its_guesses(served):
    _, _, client = served
    client.open()
    page = parse(client.get("/responses/glostrup-kommune")[2].decode())
    images = page.find_all("img")
    assert [i.attrs["alt"] for i in images] == [
        "Side 1 af 2 af originalen",
        "Side 2 af 2 af originalen",
    ]
    status, headers, png = client.get(images[0].attrs["src"])
    assert (status, headers["Content-Type"]) == (200, "image/png")
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (int(images[0].attrs["width"]), int(images[0].attrs["height"]))
    guesses = page.find_all("div", class_="guess")
    assert guesses[0].find("h4").text() == "Afsender"
    assert guesses[0].find("span", class_="confidence").text() == "sikkerhed 0,98"
    assert guesses[0].find("input", id="guess-sender-value").attrs["value"] == "Glostrup Kommune"
    assert client.get("/responses/glostrup-kommune/page-3.png")[0] == 404


def test_the_notat_is_one_click_away_and_its_files_too(served):
    _, _, client = served
    client.open()
    status, headers, body = client.get("/notat")
    assert status == 200 and "script-src 'unsafe-inline'" in headers["Content-Security-Policy"]
    page = parse(body.decode())
    assert page.find("h1").text().startswith("Høringsnotat")
    assert client.get("/notat.pdf")[2][:5] == b"%PDF-"
    assert client.get("/notat.docx")[2][:2] == b"PK"


# --- saving from the page -----------------------------------------------------------------


def own_site(client: Client) -> dict[str, str]:
    return {"Origin": f"http://127.0.0.1:{client.port}", "Sec-Fetch-Site": "same-origin"}


def form_of(page, action: str, **match: str) -> dict[str, str]:
    """The hidden and chosen fields of the first form posting to ``action`` whose fields
    include ``match``, as a browser would send them."""
    for form in page.find_all("form"):
        if form.attrs.get("action") != action:
            continue
        fields = {
            i.attrs["name"]: i.attrs.get("value", "")
            for i in form.iter("input")
            if "name" in i.attrs
        }
        if all(fields.get(k) == v for k, v in match.items()):
            return fields
    raise AssertionError(f"no form posting to {action} with {match}")


def test_accepting_a_guess_deletes_its_line_and_says_so(served, project):
    _, _, client = served
    client.open()
    path = project / HEARING / "responses" / "glostrup-kommune.md"
    before = path.read_text("utf-8")
    page = parse(client.get("/responses/glostrup-kommune")[2].decode())
    fields = form_of(page, "/save/guess", field="sender") | {"action": "accept"}
    status, headers, _ = client.post("/save/guess", fields, own_site(client))
    assert (status, headers["Location"]) == (303, "/responses/glostrup-kommune#guess-sender")
    after = path.read_text("utf-8")
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert removed == [line for line in before.splitlines() if line.startswith("  sender: {")]
    assert len(removed) == 1
    page = parse(client.get("/responses/glostrup-kommune")[2].decode())
    notice = page.find("p", class_="notice")
    assert notice.attrs["role"] == "status"
    assert notice.text() == "Gemt i responses/glostrup-kommune.md."
    assert "guess-sender-value" not in str(client.get("/responses/glostrup-kommune")[2])


def test_a_save_on_a_file_changed_since_the_page_read_it_is_refused(served, project):
    _, _, client = served
    client.open()
    path = project / HEARING / "responses" / "glostrup-kommune.md"
    page = parse(client.get("/responses/glostrup-kommune")[2].decode())
    fields = form_of(page, "/save/guess", field="date") | {
        "action": "correct",
        "value": "2019-06-17",
    }
    edited = path.read_text("utf-8").replace("har med interesse", "har med stor interesse")
    assert "med stor interesse" in edited
    path.write_text(edited, "utf-8")  # the official saves the file in an editor meanwhile
    status, headers, _ = client.post("/save/guess", fields, own_site(client))
    assert (status, headers["Location"]) == (303, "/responses/glostrup-kommune#guess-date")
    assert path.read_text("utf-8") == edited
    page = parse(client.get("/responses/glostrup-kommune")[2].decode())
    notice = page.find("p", class_="notice")
    assert notice.attrs["role"] == "alert"
    assert notice.text() == (
        f"{HEARING}/responses/glostrup-kommune.md er ændret, efter at siden blev læst (måske i en "
        "editor); intet er gemt: læs filen igen, og foretag ændringen en gang til"
    )
    assert page.find("input", id="guess-date-value").attrs["value"] == "2019-06-18"


REMOVED = """removed:
  letterhead:
    - "Rådhusparken 2"
    - "2600 Glostrup"
  archive_stamp:
    - "Modtaget 19. juni 2019"
"""


def test_what_import_took_out_is_named_in_the_language_of_the_page(served, project):
    from hoering.messages import choose_language

    _, _, client = served
    client.open()
    path = project / HEARING / "responses" / "glostrup-kommune.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("# Det, 'hoering import' har gættet.", REMOVED + "# Det", 1))

    def summaries() -> list[str]:
        page = parse(client.get("/responses/glostrup-kommune")[2].decode())
        return [s.text() for s in page.find("section", class_="imported").iter("summary")]

    assert summaries() == ["Brevhoved (2 linjer)", "Arkivstempel (1 linje)"]
    choose_language("en")
    assert summaries() == ["Letterhead (2 lines)", "Archive stamp (1 line)"]


def test_one_respondents_remarks_are_answered_on_a_page_of_their_own(served, project):
    workspace, _, client = served
    client.open()
    remarks = project / HEARING / "remarks.md"
    before = remarks.read_text("utf-8")
    overview = parse(client.get("/")[2].decode())
    link = next(a for a in overview.iter("a") if a.text() == "0 af 3")
    assert link.attrs["href"] == "/remarks?respondent=Hvidovre%20Kommune"
    page = parse(client.get(link.attrs["href"])[2].decode())
    assert page.find("h1").text() == "Bemærkninger fra Hvidovre Kommune"
    assert page.find("p", id="progress").text() == "0 af 3 bemærkninger besvaret"
    assert [h.text() for h in page.iter("h2")] == [
        "Tværfagligt samarbejde",
        "Samarbejde under ambulant behandling",
        "Orientering, varsling og færdigmelding",
        "Generelle bemærkninger",
    ]
    options = page.find("select", id="respondent").find_all("option")
    assert [o.text() for o in options if "selected" in o.attrs] == ["Hvidovre Kommune"]
    fields = form_of(page, "/save/answer", topic="ventetid") | {
        "status": "noteret",
        "answer": "Regionen noterer ønsket om tidligere besked.",
    }
    status, headers, _ = client.post("/save/answer", fields, own_site(client))
    assert (status, headers["Location"]) == (
        303,
        "/remarks?respondent=Hvidovre%20Kommune#answer-ventetid-hvidovre-kommune",
    )
    after = remarks.read_text("utf-8")
    added = (
        "## Orientering, varsling og færdigmelding\n\n### Hvidovre Kommune {status=noteret}\n\n"
        "Regionen noterer ønsket om tidligere besked.\n\n"
    )
    assert after == before.replace("## Ændringer", added + "## Ændringer", 1)
    page = parse(client.get("/remarks?respondent=Hvidovre%20Kommune")[2].decode())
    assert page.find("p", class_="notice").text() == "Gemt i remarks.md."
    assert page.find("p", id="progress").text() == "1 af 3 bemærkninger besvaret"
    assert client.get("/remarks?respondent=Ukendt%20Kommune")[0] == 404


def test_state_names_the_files_state_the_page_was_made_from_until_one_changes(served, project):
    _, _, client = served
    assert client.get("/state")[0] == 403  # without the token: nothing
    client.open()
    page = parse(client.get("/responses/ishoj")[2].decode())
    shown = page.find("html").attrs["data-state"]
    status, headers, body = client.get("/state")
    assert (status, headers["Content-Type"], body.decode()) == (200, "text/plain", shown)
    assert len(shown) == 16
    alert = page.find("p", id="changed-on-disk")
    assert "hidden" in alert.attrs and alert.attrs["role"] == "alert"
    assert alert.text() == (
        "En fil i høringen er ændret på disken (måske i en editor). Genindlæs siden for at se "
        "den, som den er nu; kopiér først det, du har skrevet her og ikke gemt."
    )
    remarks = project / HEARING / "remarks.md"
    remarks.write_text(remarks.read_text("utf-8") + "\nEn linje mere.\n", "utf-8")
    now = client.get("/state")[2].decode()
    assert now != shown
    overview = parse(client.get("/")[2].decode())
    assert overview.find("html").attrs["data-state"] == now


def test_a_guess_is_highlighted_on_the_original_where_its_text_stands(served, project):
    _, _, client = served
    client.open()
    page = parse(client.get("/responses/glostrup-kommune")[2].decode())
    where = {
        guess.find("h4").text(): guess.find("p", class_="where")
        for guess in page.find_all("div", class_="guess")
    }
    assert where["Dato"].text() == "Markeret på side 1 af originalen, hvor «18. juni 2019» står."
    assert where["Dato"].find("a").attrs["href"] == "#page-1"
    assert where["På vegne af"].text() == (
        "Markeret på side 2 af originalen, hvor «Glostrup Kommune, Social og Sundhed» står."
    )
    assert page.find("img", id="page-2").attrs["alt"] == "Side 2 af 2 af originalen"
    with Image.open(io.BytesIO(client.get("/responses/glostrup-kommune/page-1.png")[2])) as png:
        marked = png.convert("RGB")
    from hoering.workspace.originals import locate, page_png

    pdf = (project / HEARING / "received" / "hoeringssvar-glostrup.pdf").read_bytes()
    box = locate(pdf, {"date": ["18. juni 2019"]})["date"].boxes[0]
    with Image.open(io.BytesIO(page_png(pdf, 1))) as png:
        plain = png.convert("RGB")
    left, top, right, bottom = box
    assert marked.getpixel((left - 3, (top + bottom) // 2)) == (178, 34, 34)  # the edge
    assert plain.getpixel((left - 3, (top + bottom) // 2)) == (255, 255, 255)
    assert marked.getpixel((5, 5)) == plain.getpixel((5, 5))  # the rest as it was


def test_a_guess_whose_text_is_not_on_the_pages_says_its_place_is_not_known(served, project):
    _, _, client = served
    client.open()
    path = project / HEARING / "responses" / "glostrup-kommune.md"
    text = path.read_text("utf-8")
    old_title = 'title: "Høringssvar til udkast til samarbejdsaftale om voksne med psykisk sygdom"'
    path.write_text(text.replace(old_title, 'title: "Et svar om noget andet"'), "utf-8")
    page = parse(client.get("/responses/glostrup-kommune")[2].decode())
    guess = next(g for g in page.find_all("div", class_="guess") if g.find("h4").text() == "Titel")
    assert guess.find("p", class_="where").text() == (
        "Hvor det står i originalen, vides ikke: import gemmer ikke stedet, og teksten står ikke "
        "på de viste sider."
    )
