"""Rebuild when a watched file changes (watchfiles: inotify and its kin, no polling)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

# watchfiles yields a batch once no new change has come for STEP_MS (an editor's save is a
# few writes in a row); DEBOUNCE_MS caps how long a stream of changes is gathered.
STEP_MS = 20
DEBOUNCE_MS = 300
# With nothing changed, watchfiles yields an empty batch every IDLE_MS: the first one says
# the watcher is in place (a change saved before that would be missed).
IDLE_MS = 100


def watch(
    folders: list[Path],
    on_change: Callable[[], None],
    stop: threading.Event,
    ready: threading.Event,
) -> None:
    """Call ``on_change`` after each batch of changes below ``folders`` until ``stop``; set
    ``ready`` once changes are seen."""
    from watchfiles import DefaultFilter
    from watchfiles import watch as changes_below

    for changes in changes_below(
        *folders,
        watch_filter=DefaultFilter(),
        stop_event=stop,
        step=STEP_MS,
        debounce=DEBOUNCE_MS,
        rust_timeout=IDLE_MS,
        yield_on_timeout=True,
        raise_interrupt=False,
    ):
        ready.set()
        if changes:
            on_change()
