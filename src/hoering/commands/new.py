"""``hoering new``: ready-to-edit sources with every metadata key explained.

Each kind of skeleton has its options record (:class:`NewResponse`, :class:`NewMinutes`,
:class:`NewHearing`, :class:`NewOrganisation`) and a function that writes it and returns its
path; :func:`run` is the command: the record in, the report of the file created out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Config
from ..documents.checks import PLACEHOLDERS
from ..errors import HoeringError, display_path
from ..hearing import EXAMPLE_PARTY, EXAMPLE_TOPIC, HEARING_FILE, load_hearing
from ..i18n import format_date, label
from ..messages import tr
from ..organisations import Organisation, load_organisation
from ..output import write_atomic
from ..render.templates import TemplateFinder
from ..text import slug, yaml_text
from .report import Report


@dataclass(frozen=True, slots=True)
class NewResponse:
    """``hoering new response``: the hearing's id; the organisation's profile (default:
    hoering.toml's, or the project's only one) and department (default: its first); the
    subject line, the date (default: today) and the file (default:
    ``<sources>/<hearing>/responses/<organisation>.md``)."""

    hearing: str
    organisation: str | None = None
    department: str | None = None
    title: str | None = None
    date: dt.date | None = None
    path: Path | None = None


def new_response(config: Config, options: NewResponse) -> Path:
    """Write a skeleton høringssvar and return its path; never overwrites a file.

    What the hearing's hearing.yaml and the organisation's profile know is filled in (the
    title, the recipient, the deadline, a section per topic; the department, e-mail and
    phone); the rest is left empty for the author, and ``hoering check`` names what is
    still empty: never an example value that could pass for a real one."""
    templates, profile, organisation, department = _profile(
        config, options.organisation, options.department
    )
    hearing = slug(options.hearing)
    target = options.path or config.sources / hearing / "responses" / f"{slug(organisation)}.md"
    behalf = f"{profile.name}, {department}" if department else profile.name
    known = _hearing_facts(config.sources / hearing, templates)
    text = templates.jinja.get_template("skeletons/response.md").render(
        title=yaml_text(options.title or (known.subject if known else "")),
        hearing=hearing,
        known=known,
        organisation=organisation,
        organisation_text=profile.name,
        department=yaml_text(department or ""),
        email=yaml_text(profile.profile.email or ""),
        phone=yaml_text(profile.profile.phone or ""),
        on_behalf_of=yaml_text(behalf),
        date=(options.date or dt.date.today()).isoformat(),
        placeholders=PLACEHOLDERS,
    )
    write_new(target, text)
    return target


@dataclass(frozen=True)
class HearingFacts:
    """What a response skeleton takes from the hearing's hearing.yaml."""

    subject: str  # "Høringssvar: <the hearing's title>"
    deadline: str  # "21. juni 2019"
    recipient: list[str]  # the authority's name and department, as YAML values
    topics: list[tuple[str, str]]  # (id, title)


def _hearing_facts(folder: Path, templates: TemplateFinder) -> HearingFacts | None:
    """The facts of the hearing in ``folder``; None when it has no hearing.yaml (or one that
    cannot be read: 'hoering check' says why)."""
    if not (folder / HEARING_FILE).is_file():
        return None
    try:
        meta = load_hearing(folder).meta
    except HoeringError:
        return None
    recipient = [_authority_name(meta.authority, templates), meta.department or ""]
    return HearingFacts(
        subject=f"{label('response', 'da')}: {meta.title}",
        deadline=format_date(meta.deadline, "da"),
        recipient=[yaml_text(line) for line in recipient if line],
        topics=[(topic.id, topic.title) for topic in meta.topics],
    )


def _authority_name(authority: str, templates: TemplateFinder) -> str:
    """The name of the hearing's authority: its profile's, or none when it has no profile."""
    try:
        return load_organisation(authority, templates).name
    except HoeringError:
        return ""


def _profile(
    config: Config, organisation: str | None, department: str | None, option: str = "--organisation"
) -> tuple[TemplateFinder, Organisation, str, str | None]:
    """The templates, the organisation's profile, its id and the department to write;
    ``option`` names the command-line option that gives the organisation."""
    templates = TemplateFinder.of_project(config)
    organisation = organisation or config.organisation or _only_project_profile(config)
    if not organisation:
        raise HoeringError(
            tr("no organisation given"),
            hint=tr("use {option} ID or set 'organisation' in hoering.toml", option=option),
        )
    profile = load_organisation(organisation, templates)
    department = department or next(iter(profile.profile.departments), None)
    return templates, profile, organisation, department


def _only_project_profile(config: Config) -> str | None:
    """The project's own organisation when it has exactly one profile: the default of
    'hoering new' when neither an option nor hoering.toml names one."""
    profiles = sorted((config.templates / "organisations").glob("*.yaml"))
    return profiles[0].stem if len(profiles) == 1 else None


def write_new(target: Path, text: str, hint: str | None = None) -> None:
    """Write a new source; refuse to replace an existing one (a user's work)."""
    if target.exists():
        raise HoeringError(
            tr("{path} already exists", path=display_path(target)),
            hint=hint or tr("choose another name with --output; hoering never overwrites a source"),
        )
    write_atomic(target, text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class NewMinutes:
    """``hoering new minutes``: the meeting's title and date (default: today); the
    organisation and department as for :class:`NewResponse`; the hearing it belongs to, if
    any; the file (default: ``<sources>/<hearing>/minutes/<date>-<title>.md``)."""

    title: str
    date: dt.date | None = None
    organisation: str | None = None
    department: str | None = None
    hearing: str | None = None
    path: Path | None = None


def new_minutes(config: Config, options: NewMinutes) -> Path:
    """Write a skeleton referat and return its path; never overwrites a file.

    It goes to ``<sources>/<hearing>/minutes/`` (or ``<sources>/minutes/`` without a
    hearing), named by date and title: ``2019-06-19-dialogmoede-om-snitflader.md``.
    """
    templates, profile, organisation, department = _profile(
        config, options.organisation, options.department
    )
    date, hearing, title = options.date or dt.date.today(), options.hearing, options.title
    folder = config.sources / slug(hearing) if hearing else config.sources
    target = options.path or folder / "minutes" / f"{date.isoformat()}-{slug(title)}.md"
    text = templates.jinja.get_template("skeletons/minutes.md").render(
        title=yaml_text(title),
        date=date.isoformat(),
        organisation=organisation,
        organisation_text=profile.name,
        department=yaml_text(department or ""),
        hearing=slug(hearing) if hearing else None,
        placeholders=PLACEHOLDERS,
    )
    write_new(target, text)
    return target


@dataclass(frozen=True, slots=True)
class NewHearing:
    """``hoering new hearing``: the hearing's id (its folder) and title; the authority's
    profile and department as for :class:`NewResponse`; the first day (default: today)
    and the deadline (default: six weeks later)."""

    hearing: str
    title: str
    authority: str | None = None
    department: str | None = None
    deadline: dt.date | None = None
    start: dt.date | None = None


def new_hearing(config: Config, options: NewHearing) -> Path:
    """Write ``<sources>/<hearing>/hearing.yaml`` with every key explained, and the empty
    ``responses/`` folder; never overwrites a file."""
    templates, profile, authority, department = _profile(
        config, options.authority, options.department, option="--authority"
    )
    hearing, title = options.hearing, options.title
    start = options.start or dt.date.today()
    deadline = options.deadline or start + dt.timedelta(weeks=6)
    if deadline < start:
        raise HoeringError(
            tr(
                "the deadline {deadline} is before the start {start}",
                deadline=deadline,
                start=start,
            ),
            hint=tr("give --start and --deadline as YYYY-MM-DD, start first"),
        )
    folder = config.sources / slug(hearing)
    text = templates.jinja.get_template("skeletons/hearing.yaml").render(
        id=slug(hearing),
        title=yaml_text(title),
        authority=authority,
        department=yaml_text(department or ""),
        start=start.isoformat(),
        deadline=deadline.isoformat(),
        example_party=yaml_text(EXAMPLE_PARTY),
        example_topic=EXAMPLE_TOPIC,
    )
    write_new(folder / "hearing.yaml", text)
    (folder / "responses").mkdir(exist_ok=True)
    return folder / "hearing.yaml"


@dataclass(frozen=True, slots=True)
class NewOrganisation:
    """``hoering new organisation``: the profile's id and the organisation's name."""

    organisation: str
    name: str


def new_organisation(config: Config, options: NewOrganisation) -> Path:
    """Write ``<templates>/organisations/<organisation>.yaml``, a profile with every key
    explained, and return its path; never overwrites a file."""
    organisation, name = options.organisation, options.name
    if slug(organisation) != organisation:
        raise HoeringError(
            tr("'{id}' cannot be an organisation's id", id=organisation),
            hint=tr("use small letters, digits and '-', e.g. --id {example}", example=slug(name)),
        )
    target = config.templates / "organisations" / f"{organisation}.yaml"
    text = (
        TemplateFinder(None)
        .jinja.get_template("skeletons/organisation.yaml")
        .render(id=organisation, name=yaml_text(name))
    )
    write_new(target, text, hint=tr("edit the profile that is there, or choose another --id"))
    return target


Skeleton = NewResponse | NewMinutes | NewHearing | NewOrganisation
MAKERS: dict[type[Any], Callable[[Config, Any], Path]] = {
    NewResponse: new_response,
    NewMinutes: new_minutes,
    NewHearing: new_hearing,
    NewOrganisation: new_organisation,
}


def run(config: Config, options: Skeleton) -> Report:
    """``hoering new …``: write the skeleton ``options`` asks for; report the file created."""
    path = MAKERS[type(options)](config, options)
    return Report(lines=[tr("Created {path}", path=display_path(path))], written=[path])
