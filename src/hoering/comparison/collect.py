"""Read a hearing and every response in its ``responses/`` into a :class:`Comparison`.

Everything is checked before anything is made: a topic attribute that names no topic of
``hearing.yaml``, a response that belongs to another hearing, an unknown topic in
``remarks.md``. All problems are reported together, with file and line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Config, load_config
from ..errors import HoeringError, SourceError, SourceErrors, display_path
from ..forms.tables import table_files
from ..hearing import Hearing, Party, hearing_folder, load_hearing
from ..log import warn
from ..mass.engine import compare_mass
from ..messages import known, tr, tr_in
from ..model import nodes as n
from ..model.stances import NO_STANCE
from ..organisations import organisation_for
from ..parallel import map_in_processes
from ..render.templates import TemplateFinder
from ..response_in_hearing import response_errors
from ..sources import load_source
from .missing import missing_answers_warnings, unplaced_answers_warnings
from .model import Comparison, LeftOut, Remark, Respondent, TopicRemarks
from .quotes import quotable, short_quote
from .remarks import AuthorityRemarks, read_remarks
from .sections import Section, sections
from .similarity import Prints, Similarity, prints, shared_by_prints
from .wrapping import unwrapped

PARALLEL_FROM = 16


@dataclass(frozen=True)
class _Read:
    """What comparison needs of one response (small, so worker processes send it fast)."""

    path: Path
    hearing: str
    hearing_line: int | None
    organisation: str | None  # profile id
    organisation_line: int | None
    name: str  # organisation's or sender's name as written
    date: dt.date | None  # None: import found no date and nobody has written one
    imported: bool
    received: Path | None
    sections: tuple[Section, ...]
    body_line: int | None = None  # where the text begins (for warnings)
    no_remarks: bool = False
    guessed: tuple[str, ...] = ()  # metadata keys import guessed and nobody confirmed
    footnotes: tuple[n.Footnote, ...] = ()
    prints: tuple[Prints, ...] = ()  # each section's, for shared wording (made by the reader)


def compare(
    hearing_dir: Path | str,
    *,
    config: Config | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    client: Any = None,
    executor: Executor | None = None,
    answers_expected: bool = True,
    reader: Executor | None = None,
    similarity: Similarity | None = None,
) -> Comparison:
    """The comparison of every response to the hearing in ``hearing_dir`` (writes nothing).

    ``hearing_dir`` may also be a hearing's id: its folder under the sources folder.
    ``on_progress(done, total)`` is called as the responses are read. Answers in form tables
    (CSV, XLSX, Parquet in responses/) are compared by :mod:`hoering.mass`, on the Dask
    cluster of ``client`` (a ``dask.distributed.Client``) when one is given, else by
    ``executor`` or a process pool. ``answers_expected=False``: no warning that remarks.md
    lacks answers (for 'hoering remarks', which is about to make room for them).
    ``reader``: the executor that reads the responses (default: this process for a few,
    else a process pool); the workspace passes one that keeps what it read of files that
    did not change. ``similarity``: what finds the remarks respondents share from their texts
    (the workspace passes one that keeps its answer while no remark's text changed; default:
    :func:`~.similarity.shared_by_prints` of the prints the readers made)."""
    config = config or load_config()
    hearing = load_hearing(hearing_folder(Path(hearing_dir), config))
    paths, tables = _response_files(hearing)
    reads, left_out = _read_responses(paths, on_progress, reader)
    if left_out and not reads and not tables:  # nothing left to compare
        raise SourceErrors([left.error for left in left_out])
    errors = _named(reads, hearing, TemplateFinder.of_project(config))
    groups, consulted = _by_party(hearing, reads)
    names = _names(hearing, groups)
    try:
        authority = read_remarks(hearing, names)
    except SourceErrors as exc:
        errors.extend(exc.errors)
    if errors:
        raise SourceErrors(errors)
    comparison = _comparison(
        hearing, groups, consulted, authority, reads, tuple(left_out), similarity
    )
    comparison = dataclasses.replace(comparison, names=names)
    if answers_expected:
        comparison.warnings.extend(missing_answers_warnings(comparison))
    comparison.warnings.extend(unplaced_answers_warnings(comparison))
    return _warned(_with_tables(comparison, client, executor) if tables else comparison)


def _response_files(hearing: Hearing) -> tuple[list[Path], list[Path]]:
    """The hearing's responses (Markdown) and form tables; a hearing with neither is refused."""
    paths = sorted(hearing.responses_folder.glob("*.md"))
    tables = table_files(hearing.responses_folder)
    if not paths and not tables:
        raise HoeringError(
            tr("{path}: no responses to compare", path=display_path(hearing.folder)),
            hint=tr(
                "put them in responses/: write one with 'hoering new response' or import "
                "received ones with 'hoering import'"
            ),
        )
    return paths, tables


def _named(reads: list[_Read], hearing: Hearing, templates: TemplateFinder) -> list[HoeringError]:
    """The problems of each response with the hearing; a response that names its sender by
    profile only gets the profile's name (in ``reads``, in place)."""
    errors: list[HoeringError] = []
    for index, read in enumerate(reads):
        errors.extend(_check(read, hearing))
        if not read.name and read.organisation:
            try:
                name = organisation_for(
                    read.organisation, templates, origin=read.path, line=read.organisation_line
                ).name
            except SourceError as exc:
                errors.append(exc)
                continue
            reads[index] = dataclasses.replace(read, name=name)
    return errors


def _read_responses(
    paths: list[Path],
    on_progress: Callable[[int, int], None] | None,
    reader: Executor | None = None,
) -> tuple[list[_Read], list[LeftOut]]:
    """What compare needs of each response, and the responses the project refuses to read:
    those are left out, each with its own errors, as build leaves out a source it refuses."""
    reads: list[_Read] = []
    left_out: list[LeftOut] = []
    for done, (path, result) in enumerate(
        zip(paths, _read_all(paths, reader), strict=True), start=1
    ):
        if on_progress is not None:
            on_progress(done, len(paths))
        if isinstance(result, HoeringError):
            found = result.errors if isinstance(result, SourceErrors) else [result]
            left_out += [LeftOut(path, error) for error in found]
        else:
            reads.append(result)
    return reads, left_out


def _warned(comparison: Comparison) -> Comparison:
    """``comparison``, its warnings logged (some were made in worker processes)."""
    warn("compare", comparison.warnings)
    return comparison


def _with_tables(comparison: Comparison, client: Any, executor: Executor | None) -> Comparison:
    """The comparison with the answers of the hearing's form tables (:mod:`hoering.mass`)."""
    hearing = comparison.hearing
    mass = compare_mass(hearing, client=client, executor=executor, lang=known(hearing.meta.lang))
    comparison.warnings.extend(mass.warnings)
    return dataclasses.replace(comparison, mass=mass)


def _names(hearing: Hearing, groups: dict[str, list[_Read]]) -> dict[str, str]:
    """Every name a respondent may be called by in remarks.md (its name, its party's
    aliases, the name its responses are signed with), casefolded → the respondent."""
    aliases = {p.name: p.aliases for p in hearing.meta.consulted}
    names: dict[str, str] = {}
    for name, group in groups.items():
        for other in (name, *aliases.get(name, ()), *(r.name for r in group)):
            if other:
                names.setdefault(other.casefold(), name)
    for party in hearing.meta.consulted:  # a party with no response (yet) is no typo
        for other in (party.name, *party.aliases):
            names.setdefault(other.casefold(), party.name)
    return names


def _read_all(paths: list[Path], reader: Executor | None = None) -> Iterator[_Read | HoeringError]:
    return map_in_processes(_read, paths, serial_below=PARALLEL_FROM, executor=reader)


def _read(path: Path) -> _Read | HoeringError:
    try:
        source = load_source(path)
        if source.type != "response":
            raise SourceError(
                path,
                tr("is a {type}, not a response", type=source.type),
                line=2,
                key="type",
                hint=tr("only høringssvar belong in responses/"),
            )
        meta = source.meta
        name = meta.sender_shown(path.name) or ""  # a profile's name: looked up by the caller
        received = (path.parent.parent / meta.source.file) if meta.source else None
        found = tuple(unwrapped(sections(source.blocks)))
        return _Read(
            path,
            meta.hearing,
            source.raw.line_of(("hearing",)),
            meta.organisation,
            source.raw.line_of(("organisation",)),
            name,
            meta.date,
            meta.source is not None,
            received,
            found,
            source.raw.body_first_line,
            meta.no_remarks,
            tuple(meta.guessed),
            tuple(source.body.footnotes),
            tuple(prints(section.text) for section in found),
        )
    except HoeringError as exc:
        return exc.located(path) if isinstance(exc, SourceError) else exc


def _check(read: _Read, hearing: Hearing) -> list[SourceError]:
    topics = [(s.topic, s.line) for s in read.sections if s.topic is not None]
    return response_errors(hearing, read.path, read.hearing, read.hearing_line, topics)


def no_topic_warnings(reads: list[_Read], lang: str = "da") -> list[str]:
    """A response none of whose headings names a topic: all it says is counted under the
    general remarks (the section's title in the notat's language ``lang``), which is right
    only if that is what its author meant."""
    general = tr_in(lang, "General remarks")
    return [
        tr(
            "{where}: no heading names a topic; all its text is counted under '{section}' "
            "(mark the headings with {attribute}, or set no_remarks: true if it says only that)",
            where=f"{display_path(r.path)}:{r.body_line or 1}",
            section=general,
            attribute="{topic=…}",
        )
        for r in reads
        if not r.no_remarks and not any(s.topic is not None for s in r.sections)
    ]


class _Parties:
    """The consulted parties, found by profile id, name or alias (any case) in one lookup."""

    def __init__(self, parties: list[Party]) -> None:
        self.by_profile: dict[str, Party] = {}
        self.by_name: dict[str, Party] = {}
        for party in reversed(parties):  # the first party listed wins a clash
            if party.organisation:
                self.by_profile[party.organisation] = party
            for name in (party.name, *party.aliases):
                self.by_name[name.casefold()] = party

    def of(self, read: _Read) -> Party | None:
        if read.organisation and read.organisation in self.by_profile:
            return self.by_profile[read.organisation]
        return self.by_name.get(read.name.casefold())


def _comparison(
    hearing: Hearing,
    groups: dict[str, list[_Read]],
    consulted: set[str],
    authority: AuthorityRemarks,
    reads: list[_Read],
    left_out: tuple[LeftOut, ...] = (),
    similarity: Similarity | None = None,
) -> Comparison:
    respondents = []
    pending: list[tuple[str, Section, _Read, Prints]] = []
    for name, group in sorted(groups.items(), key=lambda item: item[0].casefold()):
        group.sort(key=lambda r: (r.date or dt.date.max, r.path))
        respondents.append(_respondent(hearing, name, group, name in consulted))
        pending += _unique_sections(name, group)
    per_topic: dict[str | None, list[Remark]] = {}
    for remark in _remarks(pending, similarity):
        per_topic.setdefault(remark.topic, []).append(remark)
    topics = tuple(
        TopicRemarks(
            topic,
            tuple(per_topic.get(topic.id, ())),
            authority.comments.get(topic.id, ()),
            authority.answers.get(topic.id, {}),
        )
        for topic in hearing.meta.topics
    )
    answered = {r.name for r in respondents}
    not_answered = tuple(p.name for p in hearing.meta.consulted if p.name not in answered)
    return Comparison(
        hearing,
        tuple(respondents),
        not_answered,
        topics,
        tuple(per_topic.get(None, ())),
        warnings=no_topic_warnings(reads, known(hearing.meta.lang)),
        authority=authority,
        left_out=left_out,
    )


def _remarks(
    pending: list[tuple[str, Section, _Read, Prints]], similarity: Similarity | None = None
) -> list[Remark]:
    """A remark of each respondent's section, with the other respondents who said the same
    (found by ``similarity`` from the texts, or else from the prints the readers made)."""
    if similarity is None:
        shared = shared_by_prints([name for name, *_ in pending], [p for *_, p in pending])
    else:
        shared = similarity([(name, s.text) for name, s, *_ in pending])
    return [
        Remark(
            name,
            s.topic,
            s.stance or NO_STANCE,
            s.heading,
            s.text,
            short_quote(s.text),
            read.path,
            s.line,
            s.guessed,
            others,
            read.date,
            quotable(s.blocks, read.footnotes),
        )
        for (name, s, read, _), others in zip(pending, shared, strict=True)
    ]


def _by_party(hearing: Hearing, reads: list[_Read]) -> tuple[dict[str, list[_Read]], set[str]]:
    """The responses grouped by the party that sent them (a consulted party's own name
    when it is one), and the names of the consulted parties among them."""
    by_name: dict[str, list[_Read]] = {}
    consulted: set[str] = set()
    lookup = _Parties(hearing.meta.consulted)
    for read in reads:
        party = lookup.of(read)
        name = party.name if party else read.name
        if party:
            consulted.add(name)
        by_name.setdefault(name, []).append(read)
    return by_name, consulted


def _respondent(hearing: Hearing, name: str, group: list[_Read], consulted: bool) -> Respondent:
    """One party and its responses (``group``, oldest first)."""
    deadline = hearing.meta.deadline
    dates = tuple(r.date for r in group if r.date is not None)  # unknown: never "late"
    return Respondent(
        name,
        dates[-1] if dates else None,
        tuple(r.path for r in group),
        consulted,
        any(date > deadline for date in dates),
        any(r.imported for r in group),
        tuple(r.received for r in group if r.received),
        dates,
        all(r.no_remarks for r in group),
        any("date" in r.guessed for r in group),
    )


def _unique_sections(name: str, group: list[_Read]) -> list[tuple[str, Section, _Read, Prints]]:
    """Every section of a party's responses, with its prints; the same text sent twice is
    counted once."""
    seen: set[tuple[str | None, str]] = set()
    found = []
    for read in group:
        for section, made in zip(read.sections, _prints_of(read), strict=True):
            key = (section.topic, " ".join(section.text.split()))
            if key not in seen:
                seen.add(key)
                found.append((name, section, read, made))
    return found


def _prints_of(read: _Read) -> tuple[Prints, ...]:
    """The prints its reader made (a read made otherwise has none yet: made here)."""
    if len(read.prints) == len(read.sections):
        return read.prints
    return tuple(prints(section.text) for section in read.sections)
