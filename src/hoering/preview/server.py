"""The local HTTP servers (the preview's and the workspace's): the standard library's,
bound to 127.0.0.1, refusing a Host that is not theirs and telling which requests another
origin made.

:class:`LocalServer` and :class:`LocalHandler` are the part both share: requests whose Host
is not this server's are refused, so a web page elsewhere cannot reach it through a rebound
name (DNS rebinding); :meth:`LocalHandler.asked_by_us` tells a request a page of another
origin made (``Sec-Fetch-Site`` or ``Origin``); no response may be put in a frame; a client
that sends nothing for SOCKET_TIMEOUT seconds is dropped, and at most MAX_CONNECTIONS are
served at once (the next is answered "503" at once and closed), so a flood of local clients
cannot pile up threads: 2,000 slow clients made 2,001 threads (issue 21).

The preview has four addresses: ``/`` the page; ``/events?since=N`` answers with the
version once it is not N (long poll); ``/document.pdf`` the PDF; anything else is 404.
``/events`` and ``/document.pdf`` asked for by a page of another origin are refused.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs, urlsplit

from ..errors import HoeringError
from ..messages import tr
from .page import error_page

if TYPE_CHECKING:
    from .target import Target

SOCKET_TIMEOUT = 10  # seconds a handler waits for a client to send or take data
MAX_CONNECTIONS = 32  # served at once (a browser opens at most 6 to one server)
# Sec-Fetch-Site values of a request the server's own page or the user made (typed address)
OWN_FETCHES = {"same-origin", "none"}
HOST = "127.0.0.1"
Query = dict[str, list[str]]  # a query string, parsed


class LocalServer(ThreadingHTTPServer):
    """A threading HTTP server on 127.0.0.1 serving ``app`` (what the handlers ask)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, app: Any, port: int, handler: type[LocalHandler]) -> None:
        self.app = app
        self.free = threading.BoundedSemaphore(MAX_CONNECTIONS)  # handler threads left
        super().__init__((HOST, port), handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve ``request`` in a thread of its own while fewer than MAX_CONNECTIONS are
        served; else answer that the server is busy, without a thread."""
        if not self.free.acquire(blocking=False):
            self.busy(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:  # no thread was started to give the place back
            self.free.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.free.release()

    def busy(self, request: socket.socket) -> None:
        """ "503" and close, at once: a client that reads nothing cannot hold the server."""
        text = tr("Too many connections at once; try again in a moment.").encode()
        head = (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Length: {len(text)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
        )
        try:
            request.setblocking(False)  # a full send buffer drops the answer, not the server
            request.send(head.encode() + text)
        except OSError:
            pass
        self.shutdown_request(request)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page closed while it waited is no error; anything else is reported."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def listen(app: Any, port: int, handler: type[LocalHandler]) -> LocalServer:
    """A server for ``app`` bound to 127.0.0.1:``port`` (not yet serving)."""
    try:
        return LocalServer(app, port, handler)
    except OSError as exc:
        raise HoeringError(
            tr("cannot listen on 127.0.0.1:{port}: {reason}", port=port, reason=exc.strerror),
            hint=tr("give another port with --port N, or --port 0 for any free one"),
        ) from None


class LocalHandler(BaseHTTPRequestHandler):
    """What every local server's handler does: check the Host, tell other origins, send."""

    server: LocalServer
    timeout = SOCKET_TIMEOUT
    content_security_policy = "frame-ancestors 'none'"

    def origins(self) -> set[str]:
        """The hosts this server answers to: 127.0.0.1 and localhost on its port."""
        return {f"127.0.0.1:{self.server.port}", f"localhost:{self.server.port}"}

    def host_is_ours(self) -> bool:
        return self.headers.get("Host", "") in self.origins()

    def asked_by_us(self) -> bool:
        """Not asked for by a page of another origin (a browser says which in these headers)."""
        site = self.headers.get("Sec-Fetch-Site")
        if site is not None and site not in OWN_FETCHES:
            return False
        origin = self.headers.get("Origin")
        return origin is None or origin in {f"http://{o}" for o in self.origins()}

    def send(
        self,
        status: int,
        data: bytes,
        content_type: str,
        headers: Iterable[tuple[str, str]] = (),
        *,
        policy: str | None = None,
    ) -> None:
        """Send a whole response; ``policy`` replaces the class's Content-Security-Policy."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "same-origin")
        self.send_header("Content-Security-Policy", policy or self.content_security_policy)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def refuse(self, status: int = 403) -> None:
        self.send(status, b"Forbidden" if status == 403 else b"Not found", "text/plain")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's name)
        """Quiet: the terminal shows what the server says, not every request."""


def serve(preview: Served, port: int) -> LocalServer:
    """A server for ``preview`` bound to 127.0.0.1:``port`` (not yet serving)."""
    return listen(preview, port, _PreviewHandler)


class Served(Protocol):
    """What the preview's handler asks of the preview it serves
    (:class:`hoering.preview.Preview`)."""

    page: bytes
    version: int
    target: Target

    def wait(self, since: int) -> int: ...

    def pdf(self) -> bytes: ...


class _PreviewHandler(LocalHandler):
    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if not self.host_is_ours():
            self.refuse()
            return
        url = urlsplit(self.path)
        route = {"/": self._page, "/events": self._events, "/document.pdf": self._pdf}.get(url.path)
        if route is None:
            self.refuse(404)
            return
        if url.path != "/" and not self.asked_by_us():
            self.refuse()
            return
        route(parse_qs(url.query))

    def _page(self, _query: Query) -> None:
        self.send(200, self.server.app.page, "text/html; charset=utf-8")

    def _events(self, query: Query) -> None:
        try:
            since = int(query.get("since", ["0"])[0])
        except ValueError:
            since = 0
        version = self.server.app.wait(since)
        self.send(200, json.dumps({"version": version}).encode(), "application/json")

    def _pdf(self, _query: Query) -> None:
        preview = self.server.app
        try:
            data = preview.pdf()
        except HoeringError as exc:
            page = error_page(exc, name=preview.target.name, version=preview.version)
            self.send(500, page, "text/html; charset=utf-8")
            return
        self.send(200, data, "application/pdf")
