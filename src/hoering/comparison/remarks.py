"""The authority's answers, from ``remarks.md`` in the hearing folder:

    ## udskrivningsmentor

    Regionen fastholder, at udskrivningsmentoren er et fælles tilbud.   ← on the topic as a whole

    ### Brøndby Kommune {status=delvist}

    > Brøndby Kommune foreslår, at mentoren forankres i regionen.      ← optional summary

    Afsnit 4.3 beskriver nu, hvordan opgaven overdrages til kommunen.   ← the answer

    ## Ændringer

    Afsnit 4.1 og 4.3 er ændret.                                        ← printed in section 4

A top heading names a topic (id or title), ``Generelle bemærkninger`` (``generelt``) for the
remarks on no topic, or ``Ændringer``; the headings below it name a respondent (name or
alias) and may carry a status. Unknown topics, respondents and statuses are errors.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import SourceError, SourceErrors
from ..hearing import Hearing
from ..messages import tr
from ..model import nodes as n
from ..sources.frontmatter import read_text
from ..sources.markdown import parse_body

REMARKS_FILE = "remarks.md"
STATUSES = ("imoedekommet", "delvist", "ikke-imoedekommet", "noteret")
MET = ("imoedekommet", "delvist")  # the answers that change the draft (section 4)
GENERAL = ("generelt", "generelle bemærkninger", "general", "general remarks")
CHANGES = ("ændringer", "aendringer", "changes")


@dataclass(frozen=True)
class Answer:
    """The authority's answer to one respondent's remarks on one topic."""

    respondent: str
    status: str | None  # one of STATUSES; None while the official has not set it
    summary: tuple[n.Block, ...]  # printed instead of the remark when given
    blocks: tuple[n.Block, ...]
    line: int | None = None


@dataclass(frozen=True)
class AuthorityRemarks:
    """Everything in remarks.md. Key None: the general remarks (section 2)."""

    comments: dict[str | None, tuple[n.Block, ...]] = field(default_factory=dict)
    answers: dict[str | None, dict[str, Answer]] = field(default_factory=dict)
    changes: tuple[n.Block, ...] = ()
    path: Path | None = None


def read_remarks(
    hearing: Hearing, respondents: dict[str, str], path: Path | None = None
) -> AuthorityRemarks:
    """remarks.md (or ``path``: a copy about to replace it), checked against the hearing's
    topics and ``respondents`` (every name and alias a respondent may be called by,
    casefolded → the respondent's name)."""
    path = path if path is not None else hearing.folder / REMARKS_FILE
    if not path.is_file():
        return AuthorityRemarks()
    blocks = _parse(path)
    reader = _Reader(hearing, respondents, path)
    top = min((b.level for b in blocks if isinstance(b, n.Heading)), default=1)
    for block in blocks:
        reader.add(block, top)
    if reader.errors:
        raise SourceErrors(reader.errors)
    return reader.result()


def _parse(path: Path) -> list[n.Block]:
    try:
        return parse_body(read_text(path), 1).blocks
    except SourceErrors as exc:
        raise SourceErrors([e.located(path) for e in exc.errors]) from None
    except SourceError as exc:
        raise SourceErrors([exc.located(path)]) from None


class _Reader:
    """Walks remarks.md's blocks, filing each under its topic and respondent."""

    def __init__(self, hearing: Hearing, respondents: dict[str, str], path: Path) -> None:
        self.topics = hearing.topics
        self.by_title = {t.title.casefold(): t.id for t in self.topics.values()}
        self.respondents = respondents
        self.path = path
        self.errors: list[SourceError] = []
        self.comments: dict[str | None, list[n.Block]] = {}
        self.entries: dict[str | None, dict[str, tuple[n.Heading, list[n.Block]]]] = {}
        self.changes: list[n.Block] = []
        self.target: list[n.Block] | None = None  # where text goes now
        # topic id, None (general); False: no home
        self.section: str | None | Literal[False] = False

    def add(self, block: n.Block, top: int) -> None:
        if isinstance(block, n.Heading) and block.level == top:
            self._section(block)
        elif isinstance(block, n.Heading) and block.level > top and self._answers_here():
            self._entry(block)
        elif self.target is not None:
            self.target.append(block)

    def _answers_here(self) -> bool:
        return self.section is not False and self.target is not self.changes

    def _section(self, heading: n.Heading) -> None:
        name = n.plain_text(heading.children).strip()
        key = name.casefold()
        if key in CHANGES:
            self.section, self.target = False, self.changes
            return
        if key in GENERAL:
            self.section, self.target = None, self.comments.setdefault(None, [])
            return
        topic = heading.topic or (name if name in self.topics else self.by_title.get(key))
        if topic is None or topic not in self.topics:
            self.errors.append(
                SourceError(
                    self.path,
                    tr("heading '{name}' names no topic of hearing.yaml", name=name),
                    line=heading.line,
                    hint=_did_you_mean(
                        heading.topic or name,
                        self.topics,
                        tr("use one of: {topics}", topics=", ".join(self.topics)),
                    ),
                )
            )
            self.section, self.target = False, None
            return
        self.section, self.target = topic, self.comments.setdefault(topic, [])

    def _entry(self, heading: n.Heading) -> None:
        name = n.plain_text(heading.children).strip()
        respondent = self.respondents.get(name.casefold())
        if respondent is None:
            names = sorted(set(self.respondents.values()))
            self.errors.append(
                SourceError(
                    self.path,
                    tr("'{name}' is not a respondent of this hearing", name=name),
                    line=heading.line,
                    hint=_did_you_mean(
                        name, names, tr("use a respondent's name: {names}", names=", ".join(names))
                    ),
                )
            )
            self.target = None
            return
        if heading.status is not None and heading.status not in STATUSES:
            self.errors.append(
                SourceError(
                    self.path,
                    tr("'{status}' is not a status", status=heading.status),
                    line=heading.line,
                    key="status",
                    hint=tr("use one of {statuses}", statuses=", ".join(STATUSES)),
                )
            )
        content: list[n.Block] = []
        assert self.section is not False  # add() files answers only under a section
        self.entries.setdefault(self.section, {})[respondent] = (heading, content)
        self.target = content

    def result(self) -> AuthorityRemarks:
        answers = {
            section: {
                who: _answer(who, heading, content) for who, (heading, content) in entries.items()
            }
            for section, entries in self.entries.items()
        }
        return AuthorityRemarks(
            {k: tuple(v) for k, v in self.comments.items()}, answers, tuple(self.changes), self.path
        )


def _answer(respondent: str, heading: n.Heading, content: Iterable[n.Block]) -> Answer:
    blocks = list(content)
    summary: tuple[n.Block, ...] = ()
    first = blocks[0] if blocks else None
    if isinstance(first, n.BlockQuote):
        summary = first.blocks
        del blocks[0]
    status = heading.status if heading.status in STATUSES else None
    return Answer(respondent, status, summary, tuple(blocks), heading.line)


def _did_you_mean(name: str, known: Collection[str], otherwise: str) -> str:
    """The hint for a name not in ``known``: did you mean the closest, else ``otherwise``
    (the hint that names all of them)."""
    close = difflib.get_close_matches(name, known, n=1)
    return tr("did you mean '{key}'?", key=close[0]) if close else otherwise
