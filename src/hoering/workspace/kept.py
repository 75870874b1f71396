"""Reading a hearing again after one save: only what changed is worked out again.

:class:`KeptReads` is the executor the workspace hands to ``compare`` for reading the
responses: it runs in this thread (no process pool for 40 files) and keeps each file's
result while the file's size, time and inode stay the same, so a save that changed one
file reads one file. :class:`KeptSimilarity` finds the remarks respondents share
(:func:`hoering.comparison.similarity.shared_respondents`) again only when a remark's text
or respondent changed: a topic, a stance or an answer saved leaves them as they were.
Both give what a fresh ``hoering compare`` computes, only sooner.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
MAX_KEPT = 20_000  # results kept at most (a hearing's responses, several times over)
KEPT_SIMILARITIES = 4  # the last few sets of remarks (a save and its undo find theirs)


class KeptReads(Executor):
    def __init__(self) -> None:
        self._kept: dict[tuple[object, ...], Any] = {}
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # the caller's .result() raises it, as a pool's would
            future.set_exception(exc)
        return future

    def map(
        self,
        fn: Callable[..., Any],
        *iterables: Iterable[Any],
        timeout: float | None = None,
        chunksize: int = 1,
    ) -> Iterator[Any]:
        for args in zip(*iterables, strict=False):
            yield self._call(fn, args)

    def _call(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
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


class KeptSimilarity:
    """:func:`shared_respondents`, its answer kept for the same remarks (respondent and text,
    in the same order): the answer is a function of them alone."""

    def __init__(self) -> None:
        self._kept: dict[tuple[tuple[str, str], ...], list[tuple[str, ...]]] = {}
        self._lock = threading.Lock()

    def __call__(self, remarks: list[tuple[str, str]]) -> list[tuple[str, ...]]:
        from ..comparison.similarity import shared_respondents

        key = tuple(remarks)
        with self._lock:
            found = self._kept.get(key)
        if found is None:
            found = shared_respondents(remarks)
            with self._lock:
                while len(self._kept) >= KEPT_SIMILARITIES:
                    del self._kept[next(iter(self._kept))]
                self._kept[key] = found
        return list(found)
