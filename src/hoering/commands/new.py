"""``hoering new``: ready-to-edit sources with every metadata key explained."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..config import Config
from ..errors import HoeringError, display_path
from ..hearing import HEARING_FILE, load_hearing
from ..messages import tr
from ..organisations import load_organisation
from ..output import write_atomic
from ..render.templates import TemplateFinder
from ..text import slug, yaml_text


def new_response(
    config: Config,
    *,
    hearing: str,
    organisation: str | None = None,
    department: str | None = None,
    title: str | None = None,
    date: dt.date | None = None,
    path: Path | None = None,
) -> Path:
    """Write a skeleton høringssvar and return its path; never overwrites a file."""
    templates, profile, organisation, department = _profile(config, organisation, department)
    target = path or config.sources / slug(hearing) / "responses" / f"{slug(organisation)}.md"
    behalf = f"{profile.name}, {department}" if department else profile.name
    topic_id, topic_title = _first_topic(config.sources / slug(hearing))
    text = templates.jinja.get_template("skeletons/response.md").render(
        topic_id=topic_id,
        topic_title=topic_title,
        title=yaml_text(title or "Høringssvar vedr. …"),
        hearing=slug(hearing),
        organisation=organisation,
        organisation_text=profile.name,
        department=yaml_text(department or ""),
        on_behalf_of=yaml_text(behalf),
        date=(date or dt.date.today()).isoformat(),
    )
    write_new(target, text)
    return target


# The first topic of the hearing skeleton ('hoering new hearing'), so the two skeletons agree.
SKELETON_TOPIC = ("emne-et", "Første emne")


def _first_topic(folder: Path) -> tuple[str, str]:
    """The hearing's first topic (id, title), for the response skeleton's first section;
    the hearing skeleton's when the hearing has none yet (or cannot be read)."""
    if not (folder / HEARING_FILE).is_file():
        return SKELETON_TOPIC
    try:
        topics = load_hearing(folder).meta.topics
    except HoeringError:
        return SKELETON_TOPIC
    return (topics[0].id, topics[0].title) if topics else SKELETON_TOPIC


def _profile(
    config: Config, organisation: str | None, department: str | None, option: str = "--organisation"
):
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


def new_minutes(
    config: Config,
    *,
    title: str,
    date: dt.date | None = None,
    organisation: str | None = None,
    department: str | None = None,
    hearing: str | None = None,
    path: Path | None = None,
) -> Path:
    """Write a skeleton referat and return its path; never overwrites a file.

    It goes to ``<sources>/<hearing>/minutes/`` (or ``<sources>/minutes/`` without a
    hearing), named by date and title: ``2019-06-19-dialogmoede-om-snitflader.md``.
    """
    templates, profile, organisation, department = _profile(config, organisation, department)
    date = date or dt.date.today()
    folder = config.sources / slug(hearing) if hearing else config.sources
    target = path or folder / "minutes" / f"{date.isoformat()}-{slug(title)}.md"
    text = templates.jinja.get_template("skeletons/minutes.md").render(
        title=yaml_text(title),
        date=date.isoformat(),
        organisation=organisation,
        organisation_text=profile.name,
        department=yaml_text(department or ""),
        hearing=slug(hearing) if hearing else None,
    )
    write_new(target, text)
    return target


def new_hearing(
    config: Config,
    *,
    hearing: str,
    title: str,
    authority: str | None = None,
    department: str | None = None,
    deadline: dt.date | None = None,
    start: dt.date | None = None,
) -> Path:
    """Write ``<sources>/<hearing>/hearing.yaml`` with every key explained, and the empty
    ``responses/`` folder; never overwrites a file."""
    templates, profile, authority, department = _profile(
        config, authority, department, option="--authority"
    )
    start = start or dt.date.today()
    deadline = deadline or start + dt.timedelta(weeks=6)
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
    )
    write_new(folder / "hearing.yaml", text)
    (folder / "responses").mkdir(exist_ok=True)
    return folder / "hearing.yaml"


def new_organisation(config: Config, *, organisation: str, name: str) -> Path:
    """Write ``<templates>/organisations/<organisation>.yaml``, a profile with every key
    explained, and return its path; never overwrites a file."""
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
