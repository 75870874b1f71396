"""Warnings for the user, as records of the ``hoering`` loggers.

A warning says that something was built, but not quite as written (a character the PDF cannot
print, a next meeting dated in the past, a form column nobody reads). The library never prints
one: it logs one record per warning, whose message is the whole line as the user should read
it (``file:line: what happened``), on a logger named after the step (``hoering.build``,
``hoering.compare``, ``hoering.import``).

Work done in worker processes carries its warnings back in its results (a build's outcomes, a
comparison), and they are logged here, in the calling process, as the results arrive: so none
is lost, each is logged once, and a logging set-up in the workers is never needed. The CLI
shows them through one handler (:func:`shown_with`) and ``--strict`` fails on them; a program
using the library configures logging as for any other library (by default nothing is printed,
and every report also lists its warnings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

ROOT = "hoering"

logging.getLogger(ROOT).addHandler(logging.NullHandler())


def warn(step: str, warnings: Iterable[str]) -> None:
    """Log each of ``warnings`` on the logger of ``step`` ("build", "compare", "import")."""
    logger = logging.getLogger(f"{ROOT}.{step}")
    for warning in warnings:
        logger.warning("%s", warning)


class WarningsShown(logging.Handler):
    """Passes each warning's line to ``show`` and counts them (``--strict`` asks how many)."""

    def __init__(self, show: Callable[[str], None]) -> None:
        super().__init__(logging.WARNING)
        self.show = show
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.show(record.getMessage())


@contextmanager
def shown_with(show: Callable[[str], None]) -> Iterator[WarningsShown]:
    """While inside, every warning of hoering is passed to ``show`` (and counted)."""
    logger = logging.getLogger(ROOT)
    handler = WarningsShown(show)
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
