"""The first stage, run where a partition is read: rows → remarks → stance → signatures.

What it makes stays where it was made (a Dask worker's memory); the client gets only the
partition's :class:`~.summary.Summary` (counts, organisations, the first bad rows).
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass, field

import numpy as np

from .. import campaigns
from ..comparison.model import NO_STANCE
from ..errors import HoeringError
from ..forms import FormRow, Partition, read_partition
from ..hearing import Form
from ..imports.topics import guess_stance
from .summary import Summary

ID_BITS = 32  # a remark's id: partition number << ID_BITS | its index in the partition


@dataclass(frozen=True)
class Job:
    """One partition to read, and what reading it needs to know (small: sent to workers)."""

    number: int
    part: Partition
    form: Form
    topics: tuple[str, ...]  # topic ids, in the hearing's order
    deadline: dt.date
    titles: tuple[str, ...] = ()  # the topics' titles: the matrix's column names
    lang: str = "da"


@dataclass
class Remarks:
    """A partition's remarks, column by column (one entry per non-empty cell)."""

    topic: list[int] = field(default_factory=list)  # index into Job.topics
    text: list[str] = field(default_factory=list)
    stance: list[str] = field(default_factory=list)
    row: list[int] = field(default_factory=list)  # index into the partition's answers
    key: list[int] = field(default_factory=list)  # hash of the normalised text


@dataclass
class Answers:
    """A partition's answers, one entry per row read: what the matrix is made from."""

    row: list[int] = field(default_factory=list)
    respondent: list[str] = field(default_factory=list)
    organisation: list[str] = field(default_factory=list)
    date: list[dt.date] = field(default_factory=list)


@dataclass
class PartitionData:
    """Everything the later stages need of one partition."""

    job: Job
    summary: Summary
    answers: Answers
    remarks: Remarks
    long: np.ndarray  # indexes into remarks of those long enough to sign
    ids: np.ndarray  # their ids (uint64)
    sigs: np.ndarray  # their signatures (len(long), NUM_PERM) uint32


def text_key(normalised: str) -> int:
    """A stable 32-bit hash of a normalised text (the same in every process)."""
    return zlib.crc32(normalised.encode())


class _Signer:
    """Signatures made a few thousand texts at a time, so a partition's words are never all
    held at once (they would be several times the size of its text)."""

    CHUNK = 2048

    def __init__(self) -> None:
        self.remarks: list[int] = []
        self.pending: list[list[str]] = []
        self.done: list[np.ndarray] = []

    def add(self, remark: int, words: list[str]) -> None:
        self.remarks.append(remark)
        self.pending.append(words)
        if len(self.pending) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.done.append(campaigns.signatures(self.pending))
            self.pending = []

    def signatures(self) -> np.ndarray:
        self.flush()
        return (
            np.concatenate(self.done)
            if self.done
            else np.zeros((0, campaigns.NUM_PERM), dtype=np.uint32)
        )


def read(job: Job) -> PartitionData:
    """Read one partition: the stage every later one builds on."""
    summary = Summary.empty(job.topics)
    answers, remarks = Answers(), Remarks()
    stances: dict[str, str] = {}  # campaign copies share a text: guess each text once
    signer = _Signer()
    for result in read_partition(job.part, job.form):
        if isinstance(result, HoeringError):
            summary.add_error(str(result))
            continue
        _add(job, result, summary, answers, remarks, stances, signer)
    long = np.array(signer.remarks, dtype=np.int64)
    ids = (np.uint64(job.number) << np.uint64(ID_BITS)) | long.astype(np.uint64)
    return PartitionData(job, summary, answers, remarks, long, ids, signer.signatures())


def _add(
    job: Job,
    row: FormRow,
    summary: Summary,
    answers: Answers,
    remarks: Remarks,
    stances: dict[str, str],
    signer: _Signer,
) -> None:
    index = len(answers.row)
    answers.row.append(row.row)
    answers.respondent.append(row.respondent)
    answers.organisation.append(row.organisation)
    answers.date.append(row.date)
    summary.add_answer(row, row.date > job.deadline)
    for topic, text in row.cells:
        words = campaigns.words(text)
        normalised = " ".join(words)
        stance = stances.get(normalised)
        if stance is None:
            stance = stances[normalised] = _stance(text)
        if len(words) >= campaigns.MIN_WORDS:
            signer.add(len(remarks.text), words)
        remarks.topic.append(job.topics.index(topic))
        remarks.text.append(text)
        remarks.stance.append(stance)
        remarks.row.append(index)
        remarks.key.append(text_key(normalised))
        summary.add_remark(topic, stance)


def _stance(text: str) -> str:
    stance, _confidence = guess_stance(text)
    return stance or NO_STANCE


def summary_of(data: PartitionData) -> Summary:
    return data.summary
