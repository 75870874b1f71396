"""A hearing served as a workspace: its state (read again whenever a file of the hearing
changed), the token that lets the official's browser in, the notat of the current state,
and the server's threads."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from pathlib import Path

from ..config import Config
from ..preview.server import LocalServer, listen
from ..preview.target import Target
from .kept import KeptReads, KeptSimilarity
from .pagestate import Fingerprint, HearingState, fingerprint, read_state

TOKEN_BYTES = 32  # secrets.token_urlsafe: 43 characters, 256 bits
KEPT_FILES = 16  # originals' PDFs kept in memory (those of the pages visited last)


class Workspace:
    """One hearing, served on 127.0.0.1 to whoever holds the token."""

    def __init__(self, hearing: Path | str, config: Config, token: str | None = None) -> None:
        self.target = Target.of(hearing, config)
        if not self.target.is_hearing:
            from ..errors import SourceError
            from ..messages import tr

            raise SourceError(
                Path(hearing),
                tr("a workspace serves a hearing"),
                hint=tr("give a hearing's folder (with hearing.yaml) or its id"),
            )
        self.config = config
        self.folder = self.target.path
        self.token = token or secrets.token_urlsafe(TOKEN_BYTES)
        self.notice: tuple[str, str] | None = None  # ("saved" or "refused", the message)
        self._state: HearingState | None = None
        self._notat: dict[str, tuple[Fingerprint, bytes]] = {}
        self._kept: dict[tuple[object, ...], bytes] = {}
        self._keeping = threading.Lock()
        self._reading = threading.Lock()
        self._making = threading.Lock()  # one notat made at a time
        self._reads = KeptReads()  # what was read of each response, kept while it is unchanged
        self._similarity = KeptSimilarity()  # the shared remarks, kept while no text changed
        self._server: LocalServer | None = None
        self._thread: threading.Thread | None = None

    # --- state ----------------------------------------------------------------------------

    def state(self) -> HearingState:
        """The state of the files as they are now (read again only when one changed)."""
        with self._reading:
            stamp = fingerprint(self.folder)
            if self._state is None or self._state.fingerprint != stamp:
                self._state = read_state(self.folder, self.config, self._reads, self._similarity)
            return self._state

    def notat(self, fmt: str) -> bytes:
        """The høringsnotat of the current state as ``fmt`` (html, pdf, docx): made from the
        comparison the pages show, which is the one ``hoering compare`` reads."""
        state = self.state()
        with self._making:
            kept = self._notat.get(fmt)
            if kept is None or kept[0] != state.fingerprint:
                if state.comparison is None:  # raises what keeps the hearing from being read
                    made = self.target.make(fmt)[0]
                else:
                    made = self.target.notat_of(state.comparison, fmt)
                kept = (state.fingerprint, made)
                self._notat[fmt] = kept
            return kept[1]

    def kept(self, key: tuple[object, ...], make: Callable[[], bytes]) -> bytes:
        """``make()``, kept under ``key``, which names what it is made of (the last
        KEPT_FILES made are kept)."""
        with self._keeping:
            found = self._kept.pop(key, None)
        if found is None:
            found = make()
        with self._keeping:
            self._kept[key] = found  # the newest last
            while len(self._kept) > KEPT_FILES:
                del self._kept[next(iter(self._kept))]
        return found

    def take_notice(self) -> tuple[str, str] | None:
        """The message of the last save, shown once."""
        notice, self.notice = self.notice, None
        return notice

    # --- running --------------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        """Listen on 127.0.0.1:``port`` (0: any free one); return the opening address."""
        from .server import WorkspaceHandler

        server = self._server = listen(self, port, WorkspaceHandler)
        self._thread = threading.Thread(
            target=lambda: server.serve_forever(poll_interval=0.05), daemon=True
        )
        self._thread.start()
        return f"http://127.0.0.1:{server.port}/?token={self.token}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
