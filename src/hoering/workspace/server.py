"""The workspace's HTTP layer: who may ask, what they may ask for, and how a form is read.

Every request must name this server in its Host (no DNS rebinding) and carry the token:
the opening address has it in its query, which sets a cookie (HttpOnly, SameSite=Strict)
and sends the browser on to the same page without it. A form that changes a file must
also carry the token in its body, come from this server's own page (``Origin``,
``Sec-Fetch-Site``) and be at most MAX_FORM_BYTES: a page of another site can neither read
the hearing nor write to it. Only files of the hearing are served, by name, confined to its
folders.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from ..errors import HoeringError
from ..messages import tr
from ..preview.server import LocalHandler
from . import routes
from .layout import errors_page, refused_page
from .routes import HTML, PAGE_POLICY, Reply

MAX_FORM_BYTES = 256 * 1024  # a form with every answer of a topic is a few kB
FORM_TYPE = "application/x-www-form-urlencoded"
STATIC = Path(__file__).parent / "static"
STATIC_TYPES = {"workspace.css": "text/css; charset=utf-8", "workspace.js": "text/javascript"}
STEM = r"([A-Za-z0-9æøåÆØÅ][A-Za-z0-9æøåÆØÅ._-]*)"
PAGE_IMAGE = re.compile(rf"/responses/{STEM}/page-([0-9]{{1,3}})\.png")
RESPONSE = re.compile(rf"/responses/{STEM}")


class WorkspaceHandler(LocalHandler):
    content_security_policy = PAGE_POLICY

    @property
    def workspace(self) -> routes.Workspace:
        served: routes.Workspace = self.server.app  # the server serves what it was given
        return served

    def cookie_name(self) -> str:
        return f"hoering-workspace-{self.server.port}"

    # --- GET ------------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        if not self.host_is_ours():
            self.refuse()
            return
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if self._opened_with_token(url.path, query):
            return
        if not self._has_token_cookie():
            self.send(403, refused_page(), HTML)
            return
        self._get(url.path, query)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def _opened_with_token(self, path: str, query: dict[str, list[str]]) -> bool:
        """The opening address: remember the token in a cookie, go on without it."""
        given = query.pop("token", [""])[0]
        if not given or not _same(given, self.workspace.token):
            return False
        cookie = f"{self.cookie_name()}={self.workspace.token}; Path=/; HttpOnly; SameSite=Strict"
        rest = urlencode(query, doseq=True)
        self.redirect(path + (f"?{rest}" if rest else ""), [("Set-Cookie", cookie)])
        return True

    def _has_token_cookie(self) -> bool:
        from http.cookies import CookieError, SimpleCookie

        try:
            cookies = SimpleCookie(self.headers.get("Cookie", ""))
        except CookieError:
            return False
        kept = cookies.get(self.cookie_name())
        return kept is not None and _same(kept.value, self.workspace.token)

    def _get(self, path: str, query: dict[str, list[str]]) -> None:
        if path.startswith("/static/"):
            self._static(path.removeprefix("/static/"))
            return
        image = PAGE_IMAGE.fullmatch(path)
        if image is not None:
            stem, number = image[1], int(image[2])
            self._answer(lambda: routes.page_image(self.workspace, stem, number))
            return
        response = RESPONSE.fullmatch(path)
        if response is not None:
            self._answer(lambda: routes.response(self.workspace, response[1]))
            return
        route = routes.PAGES.get(path)
        if route is None:
            self.refuse(404)
            return
        self._answer(lambda: route(self.workspace, query))

    def _static(self, name: str) -> None:
        if name not in STATIC_TYPES:
            self.refuse(404)
            return
        self.send(200, (STATIC / name).read_bytes(), STATIC_TYPES[name])

    def _answer(self, make: Callable[[], Reply | None]) -> None:
        """Send what a route made, or 404 for None."""
        try:
            made = make()
        except HoeringError as exc:
            self.send(500, errors_page(tr("This page cannot be shown"), [str(exc)]), HTML)
            return
        if made is None:
            self.refuse(404)
            return
        self.send(made.status, made.body, made.content_type, policy=made.policy)

    # --- POST -----------------------------------------------------------------------------

    def do_POST(self) -> None:  # noqa: N802
        if not (self.host_is_ours() and self.asked_by_us() and self._has_token_cookie()):
            self.refuse()
            return
        form = self._form()
        if form is None:
            return
        if not _same(form.get("token", ""), self.workspace.token):
            self.refuse()
            return
        from .saves import SAVES

        save = SAVES.get(urlsplit(self.path).path)
        if save is None:
            self.refuse(404)
            return
        self.redirect(save(self.workspace, form))

    def _form(self) -> dict[str, str] | None:
        """The posted form's fields (the last value of each), or None after refusing it."""
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        length = self.headers.get("Content-Length")
        if kind != FORM_TYPE:
            self.send(415, b"Unsupported Media Type", "text/plain")
            return None
        if length is None or not length.isdigit():
            self.send(411, b"Length Required", "text/plain")
            return None
        if int(length) > MAX_FORM_BYTES:
            self.send(413, b"Content Too Large", "text/plain", [("Connection", "close")])
            self.close_connection = True
            return None
        data = self.rfile.read(int(length))
        try:
            fields = parse_qs(data.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
        except UnicodeDecodeError:
            self.send(400, b"Bad Request", "text/plain")
            return None
        return {key: values[-1] for key, values in fields.items()}

    # --- sending --------------------------------------------------------------------------

    def redirect(self, where: str, headers: list[tuple[str, str]] | None = None) -> None:
        self.send(303, b"", "text/plain", [("Location", where), *(headers or [])])


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))
