"""Headless chromium driven through the DevTools protocol over a pipe (``--remote-debugging-
pipe``: JSON messages ending in NUL on the child's file descriptors 3 and 4), with the
standard library alone: open a page, run a script in it, press keys, take a screenshot.

Debian's chromium package is enough; the tests that need it skip where it is missing.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SKIP_REASON = "no chromium on this machine to drive the workspace (Debian: apt install chromium)"
TIMEOUT = 60.0  # seconds to wait for one answer or one page load


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless chromium with one page (tab)."""

    def __init__(self, profile: Path, width: int = 1200, height: int = 900) -> None:
        assert CHROMIUM is not None, SKIP_REASON
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()

        def wire() -> None:  # in the child: its 3 reads our commands, its 4 writes answers
            high_in, high_out = os.dup(to_child) + 100, os.dup(from_child) + 100
            os.dup2(to_child, high_in)
            os.dup2(from_child, high_out)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-extensions",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            pass_fds=(3, 4),
            preexec_fn=wire,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self._events: list[dict] = []
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Page.setBypassCSP", {"enabled": True})  # our checkers' scripts, not the page's

    # --- the protocol ---------------------------------------------------------------------

    def _send(self, message: dict) -> int:
        self._next += 1
        message["id"] = self._next
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("chromium did not answer in time")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        message = {"method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        ident = self._send(message)
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == ident:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self._events.append(answer)

    def call(self, method: str, params: dict | None = None) -> dict:
        """A command to the page."""
        return self._call(method, params, self._session)

    def wait_for(self, event: str) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index, found in enumerate(self._events):
                if found.get("method") == event:
                    del self._events[: index + 1]
                    return found
            self._events.append(self._receive(deadline))

    # --- what a test does -----------------------------------------------------------------

    def open(self, url: str) -> None:
        self._events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def run(self, script: str):
        """The value of ``script`` (an expression; a promise is awaited) in the page."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": script, "awaitPromise": True, "returnByValue": True},
        )
        if "exceptionDetails" in result:
            raise BrowserError(json.dumps(result["exceptionDetails"])[:2000])
        return result["result"].get("value")

    def submit(self, script: str) -> None:
        """Run ``script`` (which submits a form or follows a link) and wait for the new page."""
        self._events.clear()
        self.run(script)
        self.wait_for("Page.loadEventFired")

    def press(self, key: str, code: str, key_code: int, shift: bool = False) -> None:
        modifiers = 8 if shift else 0
        for kind in ("rawKeyDown", "keyUp"):
            self.call(
                "Input.dispatchKeyEvent",
                {
                    "type": kind,
                    "key": key,
                    "code": code,
                    "windowsVirtualKeyCode": key_code,
                    "modifiers": modifiers,
                },
            )

    def tab(self) -> None:
        self.press("Tab", "Tab", 9)

    def width(self, width: int, height: int = 900) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def screenshot(self, path: Path, full: bool = False) -> None:
        params: dict = {"format": "png"}
        if full:
            size = self.run("[document.body.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params)["data"]
        path.write_bytes(base64.b64decode(data))

    def html(self) -> str:
        return self.run("document.documentElement.outerHTML")

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write)
        os.close(self._read)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
