"""Mass consultations: the answers in a hearing's form tables compared at any size, on one
machine or on a Dask cluster (see :mod:`.engine` for the stages). :func:`compare_mass` gives
the :class:`~.model.MassComparison`; :mod:`.outputs` writes its matrix in chunks, and
:mod:`.notat` makes its sections of the høringsnotat."""

from __future__ import annotations

import os
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from ..hearing import Hearing
from .model import MassComparison


def compare_mass(
    hearing: Hearing, *, client: Any = None, executor: Executor | None = None, lang: str = "da"
) -> MassComparison:
    """Compare the answers in the hearing's form tables: on the Dask cluster of ``client``,
    by ``executor``, or in a process pool on this machine (in this process for one
    partition)."""
    from .engine import compare_tables, plan
    from .runners import DaskRunner, LocalRunner

    if client is not None:
        return compare_tables(hearing, DaskRunner(client), lang=lang)
    if executor is not None:
        return compare_tables(hearing, LocalRunner(executor), lang=lang)
    jobs, _ = plan(hearing, lang)
    if len(jobs) < 2:
        return compare_tables(hearing, LocalRunner(), lang=lang)
    with ProcessPoolExecutor(min(len(jobs), os.cpu_count() or 1)) as pool:
        return compare_tables(hearing, LocalRunner(pool), lang=lang)
