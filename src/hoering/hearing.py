"""A hearing: ``hearing.yaml`` in the hearing's folder (what is consulted on, who, topics).

```yaml
id: samarbejdsaftale-psykisk-sygdom
title: Udkast til samarbejdsaftale om voksne med psykisk sygdom
authority: region-hovedstaden          # organisation profile of the authority
department: Center for Sundhed
draft:
  name: Samarbejdsaftale om voksne med psykisk sygdom, udkast
  file: udkast.pdf                     # optional, relative to the hearing folder
period: {start: 2019-05-01, end: 2019-06-21}
deadline: 2019-06-21
consulted:
  - name: Ishøj Kommune
    organisation: ishoj                # optional profile id
topics:
  - id: udskrivningsmentor
    title: Udskrivningsmentor
    short: Mentor                      # optional: the matrix's column head
    section: "4.3"
    keywords: [udskrivningsmentor, mentor]
form:                                  # optional: responses as rows of tables in responses/
  respondent: navn                     # column names of the web form's export
  organisation: organisation
  date: indsendt
  topics: {spm_1: udskrivningsmentor}  # column -> topic id
notat:                                 # optional: the høringsnotat's own header
  date: 2019-10-01                     # default: today (or SOURCE_DATE_EPOCH)
  case_number: "19-004321"             # Sagsnr./J.nr.
  document_number: "306272"            # Dok. nr.
  unit: Psykiatri og Social            # Enhed (default: department)
  caseworker: {name: Anne Holm, email: anne.holm@example.dk, phone: "38 66 50 00"}
  published: 2019-05-06                # when the draft was published for consultation
  published_where: Høringsportalen
```
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator, model_validator

from .errors import HoeringError, SourceError, SourceErrors
from .languages import DEFAULT
from .messages import tr
from .sources.frontmatter import parse_yaml, read_text, yaml_line
from .sources.response import EMAIL_PATTERN
from .sources.validation import Strict, known_language, validate

if TYPE_CHECKING:
    from .config import Config

HEARING_FILE = "hearing.yaml"
TOPIC_ID = r"^[a-z0-9][a-z0-9-]*$"


class Draft(Strict):
    name: str = Field(min_length=1)
    file: str | None = None


class Period(Strict):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _in_order(self) -> Period:
        if self.end < self.start:
            raise ValueError(tr("the period ends before it starts"))
        return self


class Party(Strict):
    name: str = Field(min_length=1)
    organisation: str | None = None  # profile id, when the party has one
    aliases: list[str] = []  # other names the party signs with ("Ishøj")


class Topic(Strict):
    id: str = Field(pattern=TOPIC_ID)
    title: str = Field(min_length=1)
    short: str | None = Field(default=None, min_length=1)  # a short title for tight places
    section: str | None = None  # the draft's section reference, e.g. "4.3"
    keywords: list[str] = []

    @property
    def label(self) -> str:
        """The topic in a column head: its short title, or its title."""
        return self.short or self.title


class Caseworker(Strict):
    name: str = Field(min_length=1)
    email: str | None = Field(default=None, pattern=EMAIL_PATTERN)
    phone: str | None = None


class NotatMeta(Strict):
    """The høringsnotat's own header (``notat:`` in hearing.yaml); every key optional."""

    date: dt.date | None = None  # default: today, or SOURCE_DATE_EPOCH's day
    case_number: str | None = None  # Sagsnr./J.nr.
    document_number: str | None = None  # Dok. nr.
    unit: str | None = None  # Enhed; default: the hearing's department
    caseworker: Caseworker | None = None
    published: dt.date | None = None  # when the draft was published for consultation
    published_where: str | None = None  # where, e.g. Høringsportalen


class Form(Strict):
    """How the columns of a web form's export (CSV, XLSX, Parquet in responses/) are read:
    one row per respondent, a cell per question (see :mod:`hoering.forms`)."""

    respondent: str | None = None  # column with the respondent's name (empty: anonymous)
    organisation: str | None = None  # column with the organisation answered for
    date: str = Field(min_length=1)  # column with the date (or date-time) of the answer
    topics: dict[str, str] = Field(min_length=1)  # column -> topic id

    @property
    def columns(self) -> list[str]:
        """Every column the mapping reads, in the order a person would list them."""
        named = [c for c in (self.respondent, self.organisation, self.date) if c]
        return [*named, *self.topics]


class HearingMeta(Strict):
    id: str = Field(pattern=TOPIC_ID)
    title: str = Field(min_length=1)
    authority: str = Field(min_length=1)
    department: str | None = None
    draft: Draft
    period: Period
    deadline: dt.date
    consulted: list[Party] = []
    topics: list[Topic] = []
    lang: str = DEFAULT.code
    form: Form | None = None
    notat: NotatMeta = NotatMeta()

    _lang = field_validator("lang", mode="before")(known_language)


class Hearing:
    """A validated hearing.yaml and the folder it lives in."""

    def __init__(self, folder: Path, path: Path, meta: HearingMeta, data: Any) -> None:
        self.folder = folder
        self.path = path
        self.meta = meta
        self._data = data

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def topics(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.meta.topics}

    @property
    def responses_folder(self) -> Path:
        return self.folder / "responses"

    def line_of(self, location: tuple[str | int, ...]) -> int | None:
        return yaml_line(self._data, location, 1)


# The party and topic id 'hoering new hearing' writes as examples, for the author to replace.
EXAMPLE_PARTY = "Navn Kommune"
EXAMPLE_TOPIC = "emne-et"


def hearing_folder(hearing: Path | str, config: Config | None = None) -> Path:
    """The hearing's folder: ``hearing`` as given, or a hearing id under the sources."""
    folder = Path(hearing)
    if not folder.is_dir() and config is not None and (config.sources / folder).is_dir():
        return config.sources / folder
    return folder


def hearing_here(config: Config) -> Path:
    """The hearing the current folder is in (its own folder or one below it, inside the
    sources): what ``hoering compare`` works on when given no hearing."""
    here = Path.cwd().resolve()
    sources = config.sources.resolve()
    for folder in (here, *here.parents):
        if folder == sources or sources not in folder.parents:
            break
        if (folder / HEARING_FILE).is_file():
            return folder
    raise HoeringError(
        tr("no hearing given, and the current folder is not in a hearing's folder"),
        hint=tr(
            "give the hearing's folder or id, e.g. 'hoering compare "
            "consultations/trafikplan-2027', or run it in the hearing's folder"
        ),
    )


def load_hearing(folder: Path) -> Hearing:
    """Read and validate ``folder/hearing.yaml`` (all problems at once); kept while unchanged."""
    path = Path(folder) / HEARING_FILE
    stamp = (path.stat().st_mtime_ns, path.stat().st_ino) if path.is_file() else None
    return _load_hearing(Path(folder), stamp) if stamp else _load_hearing.__wrapped__(Path(folder))


@functools.lru_cache(maxsize=16)
def _load_hearing(folder: Path, _stamp: tuple[int, int] | None = None) -> Hearing:
    path = folder / HEARING_FILE
    if not folder.is_dir():
        raise SourceError(
            folder,
            tr("hearing folder not found"),
            hint=tr("give the folder that holds hearing.yaml, or the hearing's id"),
        )
    if not path.is_file():
        raise SourceError(path, tr("not found"), hint=tr("create it with 'hoering new hearing'"))
    data = parse_yaml(read_text(path), path)
    if not isinstance(data, dict):
        raise SourceError(path, tr("must be 'key: value' lines"), line=1)
    meta = validate(HearingMeta, data, path, lambda loc: yaml_line(data, loc, 1))
    _check_skeleton_examples(meta, data, path)
    _check_unique_topics(meta, data, path)
    _check_form_topics(meta, data, path)
    return Hearing(folder, path, meta, data)


def _check_skeleton_examples(meta: HearingMeta, data: Any, path: Path) -> None:
    """The party and topic 'hoering new hearing' writes as examples are not the hearing's:
    left in, the notat would list a party nobody consulted and a topic nobody named."""
    errors = [
        SourceError(
            path,
            tr("the party '{name}' is the skeleton's example", name=party.name),
            line=yaml_line(data, ("consulted", index, "name"), 1),
            key="consulted.name",
            hint=tr("write the hearing's own parties in its place"),
        )
        for index, party in enumerate(meta.consulted)
        if party.name == EXAMPLE_PARTY
    ]
    errors += [
        SourceError(
            path,
            tr("the topic '{id}' is the skeleton's example", id=topic.id),
            line=yaml_line(data, ("topics", index, "id"), 1),
            key="topics.id",
            hint=tr("write the hearing's own topics in its place: id, title and keywords"),
        )
        for index, topic in enumerate(meta.topics)
        if topic.id == EXAMPLE_TOPIC
    ]
    if errors:
        raise SourceErrors(errors)


def _check_unique_topics(meta: HearingMeta, data: Any, path: Path) -> None:
    seen: dict[str, int] = {}
    errors = []
    for index, topic in enumerate(meta.topics):
        if topic.id in seen:
            errors.append(
                SourceError(
                    path,
                    tr("topic id '{id}' is used twice", id=topic.id),
                    line=yaml_line(data, ("topics", index, "id"), 1),
                    key="topics.id",
                    hint=tr(
                        "the first is topic {number}; give each topic its own id",
                        number=seen[topic.id] + 1,
                    ),
                )
            )
        seen.setdefault(topic.id, index)
    if errors:
        raise SourceErrors(errors)


def _check_form_topics(meta: HearingMeta, data: Any, path: Path) -> None:
    if meta.form is None:
        return

    known = [topic.id for topic in meta.topics]
    errors = []
    for column, topic in meta.form.topics.items():
        if topic in known:
            continue
        close = difflib.get_close_matches(topic, known, n=1)
        errors.append(
            SourceError(
                path,
                tr(
                    "column '{column}' is mapped to '{topic}', which is not a topic",
                    column=column,
                    topic=topic,
                ),
                line=yaml_line(data, ("form", "topics", column), 1),
                key="form.topics",
                hint=tr("did you mean '{key}'?", key=close[0])
                if close
                else tr("use one of the ids under topics: {ids}", ids=", ".join(known))
                if known
                else tr("add the topic under topics: first"),
            )
        )
    if errors:
        raise SourceErrors(errors)
