"""Benchmark: ``hoering workspace`` — from pressing "Gem" to the updated page, in a 40-response
hearing.

A hearing of 40 generated responses (bench_compare's generator: 3-6 topic sections each) is
served as ``hoering workspace`` serves it (one warm process, the HTTP server on 127.0.0.1)
and driven as a browser does: with the cookie of the opening address, each round posts one
form of the page it read and follows the redirect to the updated page, which must show what
was saved. Two kinds of save are timed: an answer with its status (remarks.md) and a
section put under another topic (a response's heading). The first round of each is left
out (caches cold). For comparison: the notat page after an answer (made from the state the
pages read), the state read alone (compare + review of every file) and one page made from a
read state.

Target: the median under 300 ms.

Run:  python benchmarks/bench_workspace.py [--responses 40] [--rounds 15]
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench_compare import make_hearing

TARGET_MS = 300
FIELD = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)">')


class Browser:
    """The requests a browser makes: the cookie of the opening address, then pages and
    forms of this origin."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.port = parts.port
        self.connection = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=60)
        status, headers, _ = self.request("GET", f"{parts.path}?{parts.query}")
        self.cookie = headers["Set-Cookie"].split(";")[0]

    def request(self, method: str, path: str, body: bytes = b"", extra=None):
        headers = {"Host": f"127.0.0.1:{self.port}", "Sec-Fetch-Site": "same-origin"}
        if getattr(self, "cookie", None):
            headers["Cookie"] = self.cookie
        headers.update(extra or {})
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()

    def page(self, path: str) -> str:
        status, _, body = self.request("GET", path)
        assert status == 200, (path, status)
        return body.decode("utf-8")

    def save(self, action: str, fields: dict[str, str]) -> str:
        """Post the form, follow the redirect: the updated page."""
        status, headers, _ = self.request(
            "POST",
            action,
            urlencode(fields).encode(),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"http://127.0.0.1:{self.port}",
            },
        )
        assert status == 303, status
        return self.page(headers["Location"].split("#")[0])


def form_fields(page: str, marker: str) -> dict[str, str]:
    """The hidden fields of the form that follows ``marker`` in ``page``."""
    start = page.index(marker)
    form = page[start : page.index("</form>", start)]
    return dict(FIELD.findall(form))


def time_answers(browser: Browser, rounds: int) -> list[float]:
    times = []
    for index in range(rounds + 1):
        page = browser.page("/remarks?topic=udskrivningsmentor")
        fields = form_fields(page, '<form method="post" action="/save/answer"')
        text = f"Svar nummer {index} fra regionen."
        fields |= {"status": ("noteret", "delvist")[index % 2], "answer": text, "summary": ""}
        start = time.perf_counter()
        updated = browser.save("/save/answer", fields)
        times.append(time.perf_counter() - start)
        assert text in updated and "Gemt i remarks.md." in updated
    return times[1:]


def time_topics(browser: Browser, rounds: int) -> list[float]:
    times = []
    for index in range(rounds + 1):
        page = browser.page("/responses/svar-00001")
        fields = form_fields(page, '<form method="post" action="/save/section"')
        topic = ("ledsagelse", "hjemloese")[index % 2]
        fields |= {"topic": topic, "stance": "proposal", "action": "set"}
        start = time.perf_counter()
        updated = browser.save("/save/section", fields)
        times.append(time.perf_counter() - start)
        assert "Gemt i responses/svar-00001.md." in updated, "the save was refused"
    return times[1:]


def time_notat(browser: Browser, rounds: int) -> list[float]:
    """An answer saved, then the notat page of the new state (made once per state)."""
    times = []
    for index in range(rounds + 1):
        page = browser.page("/remarks?topic=ledsagelse")
        fields = form_fields(page, '<form method="post" action="/save/answer"')
        text = f"Notatets svar nummer {index}."
        fields |= {"status": "noteret", "answer": text, "summary": ""}
        browser.save("/save/answer", fields)
        start = time.perf_counter()
        notat = browser.page("/notat")
        times.append(time.perf_counter() - start)
        assert text in notat
    return times[1:]


def time_read(folder: Path, config, rounds: int) -> tuple[list[float], list[float]]:
    from hoering.workspace.kept import KeptReads
    from hoering.workspace.overview import overview_page
    from hoering.workspace.pagestate import read_state

    reads, pages = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        state = read_state(folder, config, KeptReads())
        reads.append(time.perf_counter() - start)
        start = time.perf_counter()
        overview_page(state)
        pages.append(time.perf_counter() - start)
    return reads, pages


def row(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, int(0.9 * len(ms)))]
    return f"| {name} | {len(ms)} | {statistics.median(ms):.0f} | {p90:.0f} | {ms[-1]:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    from hoering.config import load_config
    from hoering.workspace.running import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = make_hearing(root, args.responses)
        config = load_config(root)
        with Workspace(folder, config) as workspace:
            browser = Browser(workspace.start(port=0))
            answers = time_answers(browser, args.rounds)
            topics = time_topics(browser, args.rounds)
            notats = time_notat(browser, args.rounds)
        reads, pages = time_read(folder, config, args.rounds)
    print(f"hoering workspace, {args.responses} responses; target: median ≤ {TARGET_MS} ms\n")
    print("| from Gem to the updated page | rounds | median ms | p90 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    print(row("an answer and its status (remarks.md)", answers))
    print(row("a section's topic (the response's heading)", topics))
    print(row("after an answer: the notat page of the new state (HTML)", notats))
    print(row("every file read anew in this process (compare + review)", reads))
    print(row("the overview page from a read state", pages))
    worst = max(statistics.median(answers), statistics.median(topics)) * 1000
    print(f"\n{'met' if worst <= TARGET_MS else 'MISSED'}: slowest median {worst:.0f} ms")


if __name__ == "__main__":
    main()
