"""The one way hoering maps work over processes: :func:`map_in_processes`.

Building sources, importing files, reading a hearing's responses, reading referater and
making a bundle all hand their items to it. Small batches run in this process (a pool costs
more than it saves); larger ones in a pool of fresh worker processes that get the caller's
limits, language and ``SOURCE_DATE_EPOCH``; a worker that dies costs only its own item.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from typing import Generic, NoReturn, TypeVar

from .errors import HoeringError
from .limits import Limits, activate, active
from .messages import choose_language, language, tr

PARALLEL_FROM = 4  # fewer items than this run in-process (a pool costs more than it saves)
T = TypeVar("T")
R = TypeVar("R")


def map_in_processes(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    serial_below: int = PARALLEL_FROM,
    chunk_max: int = 16,
    executor: Executor | None = None,
    on_crash: Callable[[T, BaseException], R] | None = None,
) -> Iterator[R]:
    """``function`` over ``items``, results in order: in ``executor`` when one is given; in
    this process for fewer than ``serial_below`` items or on one core; else in a fresh
    process pool over all cores. Items go to the workers in chunks of at most ``chunk_max``
    (small chunks for slow items keep the cores evenly busy to the end).

    When a worker process dies (a crash, or the system killing it for memory), the items
    not yet done run again one at a time, each in a worker of its own; an item that kills
    its worker again gives ``on_crash(item, error)`` (without ``on_crash``: a HoeringError).
    """
    if executor is not None:
        yield from executor.map(function, items)
        return
    cores = os.cpu_count() or 1
    if len(items) < serial_below or cores == 1:
        yield from map(function, items)
        return
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        with process_pool() as pool:
            chunk = max(1, min(chunk_max, len(items) // (cores * 4)))
            try:
                for result in pool.map(UnlessInterrupted(function), items, chunksize=chunk):
                    yield result
                    done += 1
            except KeyboardInterrupt:  # the workers finish what they hold; the rest is dropped
                pool.shutdown(cancel_futures=True)
                raise
    except BrokenProcessPool:
        yield from _one_by_one(function, items[done:], on_crash or _refuse_crash)


def _one_by_one(
    function: Callable[[T], R], items: Sequence[T], on_crash: Callable[[T, BaseException], R]
) -> Iterator[R]:
    """``function`` over ``items`` in one worker process, a new one after each crash."""
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for item in items:
            pool = pool or process_pool(workers=1)
            try:
                result = pool.submit(function, item).result()
            except BrokenProcessPool as exc:
                pool.shutdown()
                pool = None
                result = on_crash(item, exc)
            yield result
    finally:
        if pool is not None:
            pool.shutdown()


def _refuse_crash(item: object, _exc: BaseException) -> NoReturn:
    raise HoeringError(
        tr("a worker process stopped (it crashed or ran out of memory) on {item}", item=item),
        hint=tr("look for a very large image, table or file in it"),
    )


def process_pool(workers: int | None = None) -> Executor:
    """A pool of fresh worker processes. Not plain fork: a forked child inherits locks held
    by the parent's threads (a caller's thread pool, Typst's compilers) and can hang."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    # The fork server keeps the environment it started with; hand workers the caller's
    # SOURCE_DATE_EPOCH so reproducible time stamps follow the caller, not the first pool,
    # and the limits of the caller's hoering.toml.
    return ProcessPoolExecutor(
        max_workers=workers or os.cpu_count(),
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.environ.get("SOURCE_DATE_EPOCH"), active(), language()),
    )


_interrupted = False  # in a worker: Ctrl+C was pressed, start no more items


class UnlessInterrupted(Generic[T, R]):
    """``function``, refused in a worker once Ctrl+C was pressed: the items already queued
    for the worker end at once instead of running while the caller waits to stop."""

    def __init__(self, function: Callable[[T], R]) -> None:
        self.function = function

    def __call__(self, item: T) -> R:
        if _interrupted:
            raise KeyboardInterrupt
        return self.function(item)


def _note_interrupt(_signal: int, _frame: object) -> None:
    global _interrupted
    _interrupted = True


def _start_worker(value: str | None, limits: Limits, lang: str) -> None:
    import signal

    # Ctrl+C reaches every process of the terminal's group: the caller stops the work and
    # says so. A worker notes it and finishes the item it holds; raising KeyboardInterrupt
    # in it would print a traceback and break the pool.
    signal.signal(signal.SIGINT, _note_interrupt)
    activate(limits)
    choose_language(lang)  # workers speak the caller's language
    if value is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = value
