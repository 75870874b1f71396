"""Reading a hearing again after one save: only the files that changed are read again.

:class:`KeptReads` is the executor the workspace hands to ``compare`` for reading the
responses: it runs in this thread (no process pool for 40 files) and keeps each file's
result while the file's size, time and inode stay the same, so a save that changed one
file reads one file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

MAX_KEPT = 20_000  # results kept at most (a hearing's responses, several times over)


class KeptReads(Executor):
    def __init__(self) -> None:
        self._kept: dict[tuple, Any] = {}
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the caller's .result() raises it, as a pool's would
            future.set_exception(exc)
        return future

    def map(
        self, fn: Callable[..., Any], *iterables: Iterable[Any], timeout=None, chunksize=1
    ) -> Iterator[Any]:
        for args in zip(*iterables, strict=False):
            yield self._call(fn, args)

    def _call(self, fn: Callable[..., Any], args: tuple) -> Any:
        if len(args) != 1 or not isinstance(args[0], Path):
            return fn(*args)
        try:
            stat = args[0].stat()
        except OSError:
            return fn(*args)
        key = (
            getattr(fn, "__qualname__", repr(fn)),
            args[0],
            stat.st_size,
            stat.st_mtime_ns,
            stat.st_ino,
        )
        with self._lock:
            if key in self._kept:
                return self._kept[key]
        result = fn(*args)
        with self._lock:
            if len(self._kept) >= MAX_KEPT:
                self._kept.clear()
            self._kept[key] = result
        return result
