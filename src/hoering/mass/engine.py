"""The comparison of a hearing's form tables as operations over partitions:

    read → remarks → stance → signatures        (per partition, where it is read)
    → band keys, shuffled by key → links          (per partition, then per piece of keys)
    → candidate groups                            (once: the links are few)
    → check against each group's representative   (per partition)
    → counts, campaigns, organisations, samples   (merged on the client: small)
    → the matrix, one partition at a time         (streamed to the client's writer)

Run by any runner of :mod:`.runners`: a process pool, the calling process, or Dask.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from functools import partial
from pathlib import Path
from typing import Any

from ..campaigns import components
from ..errors import HoeringError, SourceErrors
from ..forms import check_table, form_of, partitions, table_files
from ..hearing import Hearing
from ..parallel import process_pool
from . import assemble, grouping, summary
from .matrix import matrix_table
from .model import Campaign, MassComparison
from .partition import Job, answers_in, read, summary_of
from .runners import DaskRunner, LocalRunner
from .summary import Summary

SHUFFLE_PARTS = 8  # pieces the band keys are cut into (at most one per partition)
MATRIX_AHEAD = 2  # matrix chunks asked for ahead of the one being written
MERGED_AT_ONCE = 16  # partitions' summaries or groups' parts merged in one step


def compare_mass(
    hearing: Hearing, *, client: Any = None, executor: Executor | None = None, lang: str = "da"
) -> MassComparison:
    """Compare the answers in the hearing's form tables: on the Dask cluster of ``client``,
    by ``executor``, or in a process pool on this machine (in this process for one
    partition)."""
    if client is not None:
        return compare_tables(hearing, DaskRunner(client), lang=lang)
    if executor is not None:
        return compare_tables(hearing, LocalRunner(executor), lang=lang)
    jobs, _ = plan(hearing, lang)
    if len(jobs) < 2:
        return compare_tables(hearing, LocalRunner(), lang=lang)
    with process_pool(min(len(jobs), os.cpu_count() or 1)) as pool:
        return compare_tables(hearing, LocalRunner(pool), lang=lang)


def tables_of(hearing: Hearing) -> list[Path]:
    return table_files(hearing.responses_folder)


def plan(hearing: Hearing, lang: str = "da") -> tuple[list[Job], list[str]]:
    """The partitions to read, after checking every table's columns (errors stop here,
    before any work; unmapped columns are warnings)."""
    files = tables_of(hearing)
    form = form_of(hearing, files[0] if files else None)
    errors: list[HoeringError] = []
    warnings: list[str] = []
    for path in files:
        try:
            check = check_table(path, form, hearing)
        except HoeringError as exc:
            errors.append(exc)
            continue
        errors.extend(check.missing)
        if check.warning:
            warnings.append(check.warning)
    if errors:
        raise SourceErrors(errors)
    topics = tuple(t.id for t in hearing.meta.topics)
    parts = [part for path in files for part in partitions(path.resolve())]
    titles = tuple(t.title for t in hearing.meta.topics)
    jobs = [
        Job(number, part, form, topics, hearing.meta.deadline, titles, lang)
        for number, part in enumerate(parts)
    ]
    return jobs, warnings


def compare_tables(
    hearing: Hearing,
    runner: Any,
    *,
    lang: str = "da",
    min_campaign: int = assemble.MIN_RESPONDENTS,
    on_progress: Callable[[int, int], None] | None = None,
) -> MassComparison:
    """Counts, campaigns, organisations and samples of every answer in the form tables."""
    jobs, warnings = plan(hearing, lang)
    data = [runner.submit(read, job) for job in jobs]
    summaries = [runner.submit(summary_of, d, inline=True) for d in data]
    read_yet = [runner.submit(answers_in, s, inline=True) for s in summaries]
    for done, _answers in enumerate(runner.stream(read_yet), start=1):
        if on_progress is not None:
            on_progress(done, len(jobs))
    merged = _reduced(runner, summaries, partial(summary.merged, jobs[0].topics if jobs else ()))
    total = runner.gather([runner.submit(Summary.bounded, merged, inline=True)])[0]
    for handle in (*summaries, merged):
        runner.release(handle)
    groups, reps = _groups(runner, data)
    verified = [runner.submit(grouping.verify, d, groups, reps) for d in data]
    campaigns, numbers = _campaigns(runner, verified, reps, min_campaign)
    topics = tuple(t.id for t in hearing.meta.topics)
    found = runner.stream([runner.submit(grouping.samples_of, v, inline=True) for v in verified])
    samples = assemble.samples(found, topics, numbers)
    for handle in data:  # the remarks are done with: only the matrix parts stay
        runner.release(handle)
    source = MatrixSource(runner, verified, numbers, lang)
    files = tuple(dict.fromkeys(job.part.path.name for job in jobs))
    mass = MassComparison(total, tuple(campaigns), samples, files, len(jobs), warnings, source)
    mass.warnings.extend(mass.unread())
    return mass


def _groups(runner: Any, data: list[Any]) -> tuple[Any, Any]:
    """The shuffle by band key, the links per piece, the groups and their representatives."""
    parts = max(1, min(SHUFFLE_PARTS, len(data)))
    pieces = [runner.submit(grouping.shuffle_pieces, d, parts) for d in data]
    edges = [
        runner.submit(
            grouping.bucket_edges,
            *[runner.submit(grouping.piece, p, part, inline=True) for p in pieces],
        )
        for part in range(parts)
    ]
    groups = runner.submit(components, *edges)
    reps = runner.submit(
        grouping.merge_representatives,
        groups,
        *[runner.submit(grouping.representatives_in, d, groups) for d in data],
    )
    return groups, reps


def _campaigns(
    runner: Any, verified: list[Any], reps: Any, min_campaign: int
) -> tuple[list[Campaign], dict[int, int]]:
    """The campaigns, decided where the groups' sizes are and made where their parts are
    merged: the client receives the campaigns and their numbers only (most groups are two
    or three remarks alike by chance)."""
    sizes = [runner.submit(grouping.group_sizes, v, inline=True) for v in verified]
    choice = runner.submit(assemble.choose, reps, min_campaign, *sizes)
    parts = [runner.submit(grouping.group_parts, v, choice, inline=True) for v in verified]
    merged = _reduced(runner, parts, assemble.merge_groups)
    made = runner.gather([runner.submit(assemble.campaigns_of, choice, min_campaign, merged)])
    for handle in (*sizes, choice, merged):
        runner.release(handle)
    campaigns, numbers = made[0]
    return campaigns, numbers


def _reduced(runner: Any, handles: list[Any], merge: Callable[..., Any]) -> Any:
    """One step merging the values of ``handles`` (``merge(*values)``), made as a tree of
    steps of MERGED_AT_ONCE values where the values are: no step holds them all."""
    while len(handles) > MERGED_AT_ONCE:
        handles = [
            runner.submit(merge, *handles[start : start + MERGED_AT_ONCE], inline=True)
            for start in range(0, len(handles), MERGED_AT_ONCE)
        ]
    return runner.submit(merge, *handles, inline=True)


class MatrixSource:
    """The matrix, streamed back partition by partition in order, a few ahead of the
    writer; each part is let go once given. (Made where the parts are: on the workers of a
    cluster; in this process otherwise, so a process pool may be closed before.)"""

    def __init__(
        self, runner: Any, verified: list[Any], numbers: dict[int, int], lang: str
    ) -> None:
        self.runner, self.verified, self.numbers, self.lang = runner, verified, numbers, lang

    def chunks(self) -> Iterator[Any]:
        pending: list[Any] = []
        for verified in self.verified:
            pending.append(
                self.runner.submit(_matrix_of, verified, self.numbers, self.lang, inline=True)
            )
            if len(pending) > MATRIX_AHEAD:
                yield from self.runner.stream([pending.pop(0)])
        yield from self.runner.stream(pending)


def _matrix_of(verified: grouping.Verified, numbers: dict[int, int], lang: str) -> Any:
    return matrix_table(verified.matrix, numbers, lang)
