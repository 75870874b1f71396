"""hoering preview: a real HTTP client against a preview of a temporary project — the page,
its rebuild when a file is saved, errors on the page, the PDF, and what it refuses."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pypdf
import pytest

from conftest import EXAMPLE_HEARING
from hoering.config import load_config
from hoering.errors import SourceError
from hoering.preview import Preview
from htmltree import parse

SOURCE = Path("consultations") / EXAMPLE_HEARING / "responses" / "ishoj.md"
TITLE = "Høringssvar om udkast til samarbejdsaftale om voksne med psykisk sygdom"
WAIT = 20  # seconds a test waits for a rebuild at most (it takes well under one)


def get(url: str, headers: dict | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=WAIT + 5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def next_version(url: str, since: int) -> int:
    status, _, body = get(f"{url}events?since={since}")
    assert status == 200
    return json.loads(body)["version"]


@pytest.fixture
def running(project):
    with Preview(SOURCE, load_config()) as preview:
        url = preview.start(port=0)
        yield preview, url


def edit(project: Path, old: str, new: str) -> None:
    path = project / SOURCE
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_serves_the_document_with_a_pdf_link_and_reload_script(running):
    preview, url = running
    assert url.startswith("http://127.0.0.1:")
    status, content_type, body = get(url)
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    page = parse(body.decode("utf-8"))
    assert page.find("title").text() == TITLE
    bar = page.find("div", id="hoering-preview")
    assert bar.find("a").attrs["href"] == "/document.pdf"
    assert f"var version = {preview.version};" in body.decode("utf-8")


def test_saving_the_source_rebuilds_and_the_waiting_page_hears_of_it(running, project):
    preview, url = running
    before = preview.version
    edit(project, f"title: {TITLE}", "title: Et nyt emne for svaret")
    assert next_version(url, before) > before
    page = parse(get(url)[2].decode("utf-8"))
    assert page.find("title").text() == "Et nyt emne for svaret"


def test_an_error_is_shown_on_the_page_with_file_and_line_then_the_document_again(running, project):
    preview, url = running
    version = preview.version
    edit(project, "date: 2019-06-19", "date: 2019-13-01")
    version = next_version(url, version)
    status, _, body = get(url)
    page = parse(body.decode("utf-8"))
    assert status == 200 and preview.failed
    errors = page.find("main").find("ol").find_all("li")
    assert errors[0].find("p").text() == (
        f"{SOURCE}:7: date: '2019-13-01' er ikke en dato (skriv datoer som ÅÅÅÅ-MM-DD, fx "
        "2019-06-19)"
    )
    assert errors[0].find("mark").text() == "   7  date: 2019-13-01"
    assert get(f"{url}document.pdf")[0] == 500
    edit(project, "date: 2019-13-01", "date: 2019-06-19")
    next_version(url, version)
    assert parse(get(url)[2].decode("utf-8")).find("title").text() == TITLE


def test_the_pdf_is_one_click_away(running):
    _, url = running
    status, content_type, body = get(f"{url}document.pdf")
    assert (status, content_type) == (200, "application/pdf")
    assert pypdf.PdfReader(io.BytesIO(body)).metadata.title == TITLE


def test_a_hearing_shows_its_hoeringsnotat(project):
    with Preview(Path("consultations") / EXAMPLE_HEARING, load_config()) as preview:
        url = preview.start(port=0)
        page = parse(get(url)[2].decode("utf-8"))
        assert not preview.failed
        assert page.find("h1").text().startswith("Høringsnotat")
        remarks = project / "consultations" / EXAMPLE_HEARING / "remarks.md"
        remarks.write_text(
            remarks.read_text("utf-8").replace("Regionen fastholder", "Regionen holder fast i", 1),
            "utf-8",
        )
        next_version(url, preview.version - 0)
        assert "Regionen holder fast i" in get(url)[2].decode("utf-8")


def test_other_hosts_and_addresses_are_refused(running):
    preview, url = running
    port = url.rstrip("/").rsplit(":", 1)[1]
    assert preview._server.server_address[0] == "127.0.0.1"
    assert get(url, {"Host": f"attacker.example:{port}"})[0] == 403
    assert get(f"{url}../../etc/passwd")[0] == 404
    assert get(f"{url}consultations/{EXAMPLE_HEARING}/hearing.yaml")[0] == 404


def test_nothing_to_preview(project, monkeypatch):
    with pytest.raises(SourceError) as caught:
        Preview("hoering.toml", load_config())
    assert str(caught.value) == (
        "hoering.toml: her er intet at vise (angiv en kilde (.md) "
        "eller en hørings mappe (med hearing.yaml))"
    )
    monkeypatch.setenv("HOERING_LANG", "en")
    with pytest.raises(SourceError) as caught:
        Preview("hoering.toml", load_config())
    assert str(caught.value) == (
        "hoering.toml: nothing to preview here (give a source (.md) "
        "or a hearing's folder (with hearing.yaml))"
    )


@contextlib.contextmanager
def preview_command(*args: str, command: str = "preview"):
    """Run 'hoering preview ARGS --port 0 --no-browser' (or another serving ``command``:
    workspace) in a process of its own; yield the first line it prints and its URL; stop it
    after."""
    command_line = [sys.executable, "-m", "hoering", command, *args, "--port", "0", "--no-browser"]
    with subprocess.Popen(
        command_line, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            line = process.stdout.readline()
            assert " på http://127.0.0.1:" in line, line  # stderr is read once it has ended
            yield line, line.split(" på ")[1].split()[0]
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_the_command_prints_its_address_and_serves(project):
    with preview_command(str(SOURCE)) as (line, url):
        assert line.startswith(f"Forhåndsvisning af {SOURCE} på http://127.0.0.1:")
        assert get(url)[0] == 200


# --- the HTTP surface against other sites and slow clients (issue 21, low batch) ----------


def response_headers(url: str, headers: dict | None = None) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=WAIT + 5) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers)


def test_no_response_may_be_put_in_a_frame(running):
    preview, url = running
    port = url.rstrip("/").rsplit(":", 1)[1]
    answers = [
        response_headers(url),
        response_headers(f"{url}document.pdf"),
        response_headers(f"{url}events?since=0"),
        response_headers(f"{url}nowhere"),
        response_headers(url, {"Host": f"attacker.example:{port}"}),
    ]
    assert [status for status, _ in answers] == [200, 200, 200, 404, 403]
    for _, headers in answers:
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Content-Security-Policy"] == "frame-ancestors 'none'"


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "http://attacker.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1:1"},
    ],
)
def test_the_pdf_and_the_events_are_refused_to_other_sites(running, headers):
    _, url = running
    for path in ("document.pdf", "events?since=0"):
        status, content_type, body = get(f"{url}{path}", headers)
        assert (status, content_type, body) == (403, "text/plain", b"Forbidden")


def test_the_preview_itself_and_a_typed_address_get_the_pdf(running):
    _, url = running
    port = url.rstrip("/").rsplit(":", 1)[1]
    for headers in (
        {"Sec-Fetch-Site": "same-origin", "Origin": f"http://127.0.0.1:{port}"},
        {"Sec-Fetch-Site": "none"},
        {"Origin": f"http://localhost:{port}", "Host": f"localhost:{port}"},
    ):
        status, content_type, body = get(f"{url}document.pdf", headers)
        assert (status, content_type) == (200, "application/pdf")
        assert pypdf.PdfReader(io.BytesIO(body)).metadata.title == TITLE
    assert get(url, {"Sec-Fetch-Site": "cross-site"})[0] == 200  # a link to the page opens it


def test_a_client_that_sends_nothing_is_dropped(running, monkeypatch):
    import socket
    import time

    from hoering.preview import server

    assert server.LocalHandler.timeout == server.SOCKET_TIMEOUT == 10
    monkeypatch.setattr(server.LocalHandler, "timeout", 0.5)
    _, url = running
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as slow:
        started = time.monotonic()
        slow.sendall(b"GET / HTTP/1.1\r\n")  # and never the rest
        assert slow.recv(1024) == b""  # the server closed the connection
        assert time.monotonic() - started < 5


def test_connections_past_the_limit_are_refused_at_once_and_the_server_still_answers(running):
    """Issue 21: 2,000 slow clients made 2,001 threads. Past MAX_CONNECTIONS a connection
    gets "503" at once, without a thread; once the slow ones are gone, the page is served."""
    import socket
    import threading
    import time

    from hoering.preview import server

    assert server.MAX_CONNECTIONS == 32
    _, url = running
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    threads = threading.active_count()
    slow = [socket.create_connection(("127.0.0.1", port), timeout=WAIT) for _ in range(32)]
    try:
        for client in slow:
            client.sendall(b"GET / HTTP/1.1\r\n")  # and never the rest: each holds a thread
        with socket.create_connection(("127.0.0.1", port), timeout=WAIT) as extra:
            answer = b""
            while chunk := extra.recv(4096):
                answer += chunk
        head, body = answer.split(b"\r\n\r\n", 1)
        assert head.splitlines()[0] == b"HTTP/1.1 503 Service Unavailable"
        assert b"Retry-After: 1" in head.splitlines()
        assert body.decode() == "For mange forbindelser på én gang; prøv igen om et øjeblik."
        assert threading.active_count() <= threads + 32
    finally:
        for client in slow:
            client.close()
    started = time.monotonic()  # the slow clients' threads end once they are closed
    while (answer := get(url))[0] == 503 and time.monotonic() - started < WAIT:
        time.sleep(0.1)
    status, _, page = answer
    assert status == 200
    assert TITLE in page.decode()
