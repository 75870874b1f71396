"""``hoering preview``: a local web page that shows a source's document (or a hearing's
høringsnotat) and rebuilds it whenever a file is saved.

One process stays warm: the first build loads the libraries, templates and profiles, every
later build reuses them. A watcher thread (watchfiles) rebuilds on change and raises the
page's version; the page waits for a newer version at ``/events`` (a long poll) and reloads.
The server listens on 127.0.0.1 only and serves nothing but its own few addresses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import HoeringError
from .page import document_page, error_page
from .server import serve
from .target import Target
from .watch import watch

if TYPE_CHECKING:
    from .server import LocalServer

POLL_SECONDS = 25.0  # how long /events holds a request before answering "no change"
WATCH_START_SECONDS = 10.0  # how long start() waits for the file watcher to be in place


class Preview:
    """The latest page of a target, rebuilt when its files change."""

    def __init__(self, path: Path | str, config: Config) -> None:
        self.target = Target.of(path, config)
        self.version = 0
        self.page = b""
        self.failed = False
        self._pdf: tuple[int, bytes] | None = None
        self._changed = threading.Condition()
        self._building = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: LocalServer | None = None

    # --- building -------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Build the page again and tell the waiting pages (a failed build shows its errors)."""
        with self._building:
            version = self.version + 1
            try:
                data, warnings = self.target.make("html")
                page = document_page(
                    data, name=self.target.name, version=version, warnings=warnings
                )
                failed = False
            except Exception as exc:  # shown on the page: the preview must survive any input
                page = error_page(exc, name=self.target.name, version=version)
                failed = True
        with self._changed:
            self.page, self.failed, self.version = page, failed, version
            self._changed.notify_all()

    def pdf(self) -> bytes:
        """The PDF of the current version (made on the first request for it)."""
        with self._building:
            version = self.version
            if self._pdf is None or self._pdf[0] != version:
                self._pdf = (version, self.target.make("pdf")[0])
            return self._pdf[1]

    def wait(self, since: int, timeout: float = POLL_SECONDS) -> int:
        """The version, once it is newer than ``since`` or ``timeout`` seconds have passed."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.version != since or self._stop.is_set(), timeout=timeout
            )
            return self.version

    # --- running --------------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        """Build, listen on 127.0.0.1:``port`` (0: any free port), watch; return the URL."""
        self.rebuild()
        server = self._server = serve(self, port)
        address = server.server_address
        self._run(lambda: server.serve_forever(poll_interval=0.05))
        watching = threading.Event()
        self._run(lambda: watch(self.target.watched(), self.rebuild, self._stop, watching))
        watching.wait(timeout=WATCH_START_SECONDS)
        return f"http://127.0.0.1:{address[1]}/"

    def _run(self, work: Callable[[], object]) -> None:
        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> Preview:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


__all__ = ["Preview", "HoeringError"]
