"""The preview's HTTP server: the standard library's, on 127.0.0.1, with four addresses.

``/`` the page; ``/events?since=N`` answers with the version once it is not N (long poll);
``/document.pdf`` the PDF; anything else is 404. Requests whose Host is not this server's
are refused, so a web page elsewhere cannot reach the preview through a rebound name;
``/events`` and ``/document.pdf`` asked for by a page of another origin (``Sec-Fetch-Site``
or ``Origin``) are refused too, and no page may put the preview in a frame. A client that
sends nothing for SOCKET_TIMEOUT seconds is dropped, so slow clients do not pile up threads.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socket import socket
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

from ..errors import HoeringError
from ..messages import tr
from .page import error_page
from .target import Target

SOCKET_TIMEOUT = 10  # seconds a handler waits for a client to send or take data
# Sec-Fetch-Site values of a request the preview itself or the user made (typed address)
OWN_FETCHES = {"same-origin", "none"}


class Shown(Protocol):
    """What the server shows: a :class:`hoering.preview.Preview`."""

    target: Target
    version: int
    page: bytes

    def wait(self, since: int) -> int: ...

    def pdf(self) -> bytes: ...


Query = dict[str, list[str]]  # a request's query, as parse_qs gives it


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, preview: Shown, port: int) -> None:
        self.preview = preview
        super().__init__(("127.0.0.1", port), _Handler)

    def handle_error(
        self, request: socket | tuple[bytes, socket], client_address: tuple[str, int]
    ) -> None:
        """A page closed while it waited is no error; anything else is reported."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(preview: Shown, port: int) -> _Server:
    """A server for ``preview`` bound to 127.0.0.1:``port`` (not yet serving)."""
    try:
        return _Server(preview, port)
    except OSError as exc:
        raise HoeringError(
            tr("cannot listen on 127.0.0.1:{port}: {reason}", port=port, reason=exc.strerror),
            hint=tr("give another port with --port N, or --port 0 for any free one"),
        ) from None


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = SOCKET_TIMEOUT

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if not self._host_is_ours():
            self._send(403, b"Forbidden", "text/plain")
            return
        url = urlsplit(self.path)
        route = {"/": self._page, "/events": self._events, "/document.pdf": self._pdf}.get(url.path)
        if route is None:
            self._send(404, b"Not found", "text/plain")
            return
        if url.path != "/" and not self._asked_by_us():
            self._send(403, b"Forbidden", "text/plain")
            return
        route(parse_qs(url.query))

    def _origins(self) -> set[str]:
        port = self.server.server_address[1]
        return {f"127.0.0.1:{port}", f"localhost:{port}"}

    def _host_is_ours(self) -> bool:
        return self.headers.get("Host", "") in self._origins()

    def _asked_by_us(self) -> bool:
        """Not asked for by a page of another origin (a browser says which in these headers)."""
        site = self.headers.get("Sec-Fetch-Site")
        if site is not None and site not in OWN_FETCHES:
            return False
        origin = self.headers.get("Origin")
        return origin is None or origin in {f"http://{o}" for o in self._origins()}

    def _page(self, _query: Query) -> None:
        self._send(200, self.server.preview.page, "text/html; charset=utf-8")

    def _events(self, query: Query) -> None:
        try:
            since = int(query.get("since", ["0"])[0])
        except ValueError:
            since = 0
        version = self.server.preview.wait(since)
        self._send(200, json.dumps({"version": version}).encode(), "application/json")

    def _pdf(self, _query: Query) -> None:
        preview = self.server.preview
        try:
            data = preview.pdf()
        except HoeringError as exc:
            page = error_page(exc, name=preview.target.name, version=preview.version)
            self._send(500, page, "text/html; charset=utf-8")
            return
        self._send(200, data, "application/pdf")

    def _send(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy", "frame-ancestors 'none'")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (http.server's name)
        """Quiet: the terminal shows what the preview says, not every request."""
