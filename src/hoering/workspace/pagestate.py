"""What the workspace shows of a hearing, read from its files: the comparison (respondents,
remarks, answers), what import guessed and took out, and the progress of the answers.

Counts come from the comparison's own model (:mod:`hoering.comparison.missing`): a remark
is answered as the notat counts it, so the workspace and ``hoering compare`` never differ.
"""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..comparison.missing import answered
from ..comparison.model import Comparison, Remark, Respondent
from ..comparison.similarity import Similarity
from ..config import Config
from ..imports.review import RemovedItem, ReviewItem

# each file the state is read from: its name, size and modification time (ns)
Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class HearingState:
    """One reading of the hearing's files (``errors``: what kept it from being read)."""

    folder: Path
    comparison: Comparison | None
    guesses: tuple[ReviewItem, ...] = ()
    removed: tuple[RemovedItem, ...] = ()
    errors: tuple[str, ...] = ()
    fingerprint: Fingerprint = field(default=(), repr=False)

    @property
    def tag(self) -> str:
        """A short name of the files' state this reading was made from (:func:`state_tag`)."""
        return state_tag(self.fingerprint)

    def respondent_of(self, stem: str) -> Respondent | None:
        """The respondent who wrote responses/``stem``.md."""
        if self.comparison is None:
            return None
        for respondent in self.comparison.respondents:
            if any(path.stem == stem for path in respondent.files):
                return respondent
        return None

    def remarks_in(self, path: Path) -> list[Remark]:
        """Every remark read from ``path`` (one per section), in file order."""
        if self.comparison is None:
            return []
        found = [r for t in self.comparison.topics for r in t.remarks if r.path == path]
        found += [r for r in self.comparison.unmatched if r.path == path]
        return sorted(found, key=lambda r: r.line or 0)

    def guesses_in(self, path: Path) -> list[ReviewItem]:
        return [item for item in self.guesses if item.path == path]

    def removed_in(self, path: Path) -> list[RemovedItem]:
        return [item for item in self.removed if item.path == path]


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int


def answer_progress(comparison: Comparison, respondent: str | None = None) -> Progress:
    """Remarks answered of all (one per respondent and topic, as the notat counts them)."""
    done = total = 0
    for entry in comparison.topics:
        for who in sorted(entry.respondents):
            if respondent is not None and who != respondent:
                continue
            total += 1
            done += answered(entry.answers.get(who))
    return Progress(done, total)


def fingerprint(folder: Path) -> Fingerprint:
    """What changes when any file the state is read from changes (name, size, time)."""
    paths = [folder / "hearing.yaml", folder / "remarks.md"]
    for sub in ("responses", "received"):
        if (folder / sub).is_dir():
            paths += sorted((folder / sub).iterdir())
    found = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def state_tag(stamp: Fingerprint) -> str:
    """A short name of a :func:`fingerprint`: a page compares the one it was made from with
    the one ``/state`` gives now, and reloads when a file changed (an editor saved it)."""
    import hashlib

    return hashlib.sha256(repr(stamp).encode("utf-8")).hexdigest()[:16]


def read_state(
    folder: Path,
    config: Config,
    reader: Executor | None = None,
    similarity: Similarity | None = None,
) -> HearingState:
    """The hearing's state as its files are now; errors are kept, not raised. ``reader`` and
    ``similarity``: what compare reads the responses and finds shared remarks with
    (:mod:`.kept`; default: compare's own)."""
    from ..comparison.collect import compare
    from ..comparison.similarity import shared_respondents
    from ..errors import HoeringError, SourceErrors
    from ..imports.review import review_all

    stamp = fingerprint(folder)
    try:
        comparison = compare(
            folder, config=config, reader=reader, similarity=similarity or shared_respondents
        )
        guesses, removed = review_all(folder, config, reader)
    except SourceErrors as exc:
        return HearingState(folder, None, errors=tuple(map(str, exc.errors)), fingerprint=stamp)
    except HoeringError as exc:
        return HearingState(folder, None, errors=(str(exc),), fingerprint=stamp)
    return HearingState(folder, comparison, tuple(guesses), tuple(removed), fingerprint=stamp)
