"""A user's PDF template laid out in a process of its own, which can be stopped.

Typst runs a template's code to its end without looking at a clock, and Python's signals
(Ctrl+C, and the alarm that stops a Jinja template) wait until it returns: a nested loop in
``templates/document.typ`` hung the build, and Ctrl+C did not stop it (issue 21). hoering's
own template is laid out in the calling process, as before; a user's in one helper process
per process, which is killed after ``template_seconds``, on Ctrl+C, or when it needs more
than ``template_memory_mb`` of memory, and started again for the next document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import HoeringError, TemplateError
from ..limits import Limits, active
from ..messages import choose_language, language, number, tr

_lock = threading.Lock()  # one helper per process, one document at a time
STARTUP_SECONDS = 120  # for the helper to start (a busy machine takes its time)
_helper: _Helper | None = None
LayOut = Callable[[Path, dict[str, str], int], bytes]  # hoering.render.pdf.lay_out


class _Stopped(Exception):
    """The helper ran out of time (``timed_out``) or stopped (memory, a crash)."""

    def __init__(self, timed_out: bool) -> None:
        super().__init__(timed_out)
        self.timed_out = timed_out


class _Helper:
    """A process that lays out PDFs: requests in, PDF bytes or a TemplateError out."""

    def __init__(self, limits: Limits, lay_out: LayOut) -> None:
        import multiprocessing

        context = (
            multiprocessing.get_context("forkserver")
            if "forkserver" in multiprocessing.get_all_start_methods()
            else multiprocessing.get_context("spawn")
        )
        self.connection, theirs = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(theirs, limits, lay_out), daemon=True, name="hoering-typst"
        )
        self.process.start()
        theirs.close()
        try:  # its start (Python, Typst) is not the template's time: wait until it is ready
            ready = self.connection.poll(STARTUP_SECONDS) and self.connection.recv() == "ready"
        except BaseException:  # it stopped (EOFError), or Ctrl+C
            self.stop()
            raise
        if not ready:
            self.stop()
            raise _Stopped(timed_out=False)

    def lay_out(self, request: tuple[Any, ...], seconds: float) -> bytes:
        try:
            self.connection.send(request)
            if not self.connection.poll(seconds):
                raise _Stopped(timed_out=True)
            kind, value = self.connection.recv()
        except (EOFError, OSError):
            raise _Stopped(timed_out=False) from None
        if kind == "error":
            raise value
        return bytes(value)

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


def lay_out_apart(template: Path, inputs: dict[str, str], timestamp: int, lay_out: LayOut) -> bytes:
    """The PDF of ``template`` with ``inputs``, laid out by ``lay_out`` in the helper
    process (the function travels by its name: this module does not import the renderer)."""
    global _helper
    limits = active()
    with _lock:
        try:
            if _helper is None or not _helper.process.is_alive():
                _stop_helper()
                _helper = _Helper(limits, lay_out)
            request = (str(template), inputs, timestamp, limits, language())
            return _helper.lay_out(request, limits.template_seconds)
        except HoeringError:
            raise
        except _Stopped as exc:
            _stop_helper()
            raise _stopped_error(template, limits, exc.timed_out) from None
        except BaseException:  # Ctrl+C while waiting: the layout is stopped with us
            _stop_helper()
            raise


def _stop_helper() -> None:
    global _helper
    if _helper is not None:
        _helper.stop()
    _helper = None


def _stopped_error(template: Path, limits: Limits, timed_out: bool) -> TemplateError:
    if timed_out:
        from .templates import ran_too_long

        return ran_too_long(template, limits)
    return TemplateError(
        template,
        tr(
            "Typst stopped while laying out the template: it needed more than {mb} MB of "
            "memory, or failed",
            mb=number(limits.template_memory_mb),
        ),
        hint=tr("look for loops that build large arrays or texts")
        + "; "
        + limits.hint("template_memory_mb"),
    )


def _serve(connection: Any, limits: Limits, lay_out: LayOut) -> None:
    """The helper: lay out each request until the caller closes the connection. Ctrl+C
    ends it at once, even inside Typst (the system's default, no Python handler that would
    wait for Typst to return), as does the end of the process that started it; its address
    space is kept to ``template_memory_mb`` and its standard error to itself (Rust's
    "memory allocation … failed" is told as a message)."""
    import os
    import signal

    from ..limits import activate

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _end_with_parent()
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    _limit_memory(limits.template_memory_mb)
    connection.send("ready")
    while True:
        try:
            template, inputs, timestamp, limits, lang = connection.recv()
        except EOFError:
            return
        activate(limits)  # the caller's, which may change between documents
        choose_language(lang)
        try:
            connection.send(("pdf", lay_out(Path(template), inputs, timestamp)))
        except HoeringError as exc:
            connection.send(("error", exc))


def _end_with_parent() -> None:
    """Be killed when the process that started this one ends (Linux; elsewhere the helper
    ends when its connection closes, once Typst returns)."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1  # noqa: N806 (the name in <sys/prctl.h>)
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _limit_memory(mb: float) -> None:
    """Keep this process's address space to ``mb`` (or the lower limit it was given), where
    the system lets a process limit it (not on Windows; macOS may refuse)."""
    try:
        import resource

        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        ceiling = int(mb * 1024 * 1024)
        soft = ceiling if hard == resource.RLIM_INFINITY else min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ImportError, ValueError, OSError):
        return
