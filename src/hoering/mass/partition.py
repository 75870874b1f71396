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
from ..errors import HoeringError, SourceError
from ..forms import FormRow, Partition, read_partition
from ..forms.rows import row_label
from ..hearing import Form
from ..limits import active
from ..messages import number, tr
from ..model.stances import NO_STANCE, guess_stance
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
    held at once (they would be several times the size of its text); a text given again
    (a campaign's copies share one string) is signed once."""

    WORDS = 200_000  # words waiting to be signed at most

    def __init__(self) -> None:
        self.remarks: list[int] = []
        self.rows: list[int] = []  # per remark signed: its row in the signatures made
        self.made: dict[str, int] = {}  # text → its row
        self.pending: list[list[str]] = []
        self.words = 0
        self.done: list[np.ndarray] = []

    def add(self, remark: int, text: str, words: list[str]) -> None:
        self.remarks.append(remark)
        row = self.made.get(text)
        if row is None:
            row = self.made[text] = len(self.made)
            self.pending.append(words)
            self.words += len(words)
        self.rows.append(row)
        if self.words >= self.WORDS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.done.append(campaigns.signatures(self.pending))
            self.pending, self.words = [], 0

    def signatures(self) -> np.ndarray:
        self.flush()
        if not self.done:
            return np.zeros((0, campaigns.NUM_PERM), dtype=np.uint32)
        made = np.concatenate(self.done)
        return made if len(made) == len(self.rows) else made[np.array(self.rows)]


@dataclass(frozen=True)
class _Text:
    text: str
    key: int  # text_key of its normalised words
    stance: str
    long: bool  # long enough to be signed


@dataclass
class _Texts:
    """The different texts a partition holds, each once (a campaign's copies share it),
    with what was made of it; their size is bounded by ``form_partition_mb``."""

    part: Partition
    known: dict[str, _Text] = field(default_factory=dict)
    size: int = 0
    first: int | None = None  # the row of the first text held

    def of(self, text: str, row: int, signer: _Signer, remark: int) -> _Text:
        """The text as held (one string for all its copies), its key and stance; it is
        signed (once) if it is long enough."""
        known = self.known.get(text)
        if known is None:
            self._hold(text, row)
            words = campaigns.words(text)
            normalised = " ".join(words)
            long = len(words) >= campaigns.MIN_WORDS
            known = self.known[text] = _Text(text, text_key(normalised), _stance(text), long)
            if long:
                signer.add(remark, text, words)
        elif known.long:
            signer.add(remark, known.text, [])
        return known

    def _hold(self, text: str, row: int) -> None:
        self.first = row if self.first is None else self.first
        self.size += len(text)
        most = active().form_partition_mb
        if self.size > most * 1024 * 1024:
            raise SourceError(
                self.part.path,
                tr(
                    "the answers from {where} to {last} hold more than {most} MB of different "
                    "text; the file is not compared",
                    where=row_label(self.part.path, self.first),
                    last=row,
                    most=number(most),
                ),
                hint=active().hint("form_partition_mb"),
            )


def read(job: Job) -> PartitionData:
    """Read one partition: the stage every later one builds on."""
    summary = Summary.empty(job.topics)
    answers, remarks = Answers(), Remarks()
    texts = _Texts(job.part)  # campaign copies share a text: guess and sign each text once
    signer = _Signer()
    for result in read_partition(job.part, job.form):
        if isinstance(result, HoeringError):
            summary.add_error(str(result))
            continue
        _add(job, result, summary, answers, remarks, texts, signer)
    long = np.array(signer.remarks, dtype=np.int64)
    ids = (np.uint64(job.number) << np.uint64(ID_BITS)) | long.astype(np.uint64)
    return PartitionData(job, summary, answers, remarks, long, ids, signer.signatures())


def _add(
    job: Job,
    row: FormRow,
    summary: Summary,
    answers: Answers,
    remarks: Remarks,
    texts: _Texts,
    signer: _Signer,
) -> None:
    index = len(answers.row)
    answers.row.append(row.row)
    answers.respondent.append(row.respondent)
    answers.organisation.append(row.organisation)
    answers.date.append(row.date)
    summary.add_answer(row, row.date > job.deadline)
    for topic, text in row.cells:
        held = texts.of(text, row.row, signer, len(remarks.text))
        remarks.topic.append(job.topics.index(topic))
        remarks.text.append(held.text)
        remarks.stance.append(held.stance)
        remarks.row.append(index)
        remarks.key.append(held.key)
        summary.add_remark(topic, held.stance)


def _stance(text: str) -> str:
    return guess_stance(text).stance or NO_STANCE


def summary_of(data: PartitionData) -> Summary:
    return data.summary


def answers_in(summary: Summary) -> int:
    """A partition's answers: what the client is sent as each partition is read."""
    return summary.answers
