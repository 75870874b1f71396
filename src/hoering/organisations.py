"""Organisation profiles: the letterhead data of a municipality, region or secretariat.

A profile is ``templates/organisations/<id>.yaml`` in the project (or built into hoering),
with an optional logo (SVG or PNG) next to it. It becomes a
:class:`~hoering.model.Letterhead` for one department.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field

from .errors import SourceError, display_path
from .i18n import label
from .messages import tr
from .model import Letterhead
from .paths import confined, plain_id
from .render.templates import TemplateFinder
from .sources.frontmatter import parse_yaml, read_text, yaml_line
from .sources.images import check_pixels
from .sources.validation import Strict, validate
from .text import slug

LOGO_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


class Address(Strict):
    building: str | None = None
    street: str
    postcode: str
    city: str


class Profile(Strict):
    """What ``templates/organisations/<id>.yaml`` may contain."""

    name: str = Field(min_length=1)
    departments: list[str] = []
    address: Address
    phone: str | None = None
    email: str | None = None
    web: str | None = None
    opening_hours: str | None = None
    opening_hours_en: str | None = None
    logo: str | None = None


class Organisation:
    """A validated profile with its logo read, ready to print letterheads."""

    def __init__(self, id: str, path: Path | None, profile: Profile, logo: bytes | None) -> None:
        self.id = id
        self.path = path
        self.profile = profile
        self.logo = logo

    @classmethod
    def without_profile(cls, name: str) -> Organisation:
        """A sender we have no profile for (an imported response): its name, no letterhead."""
        profile = Profile.model_construct(
            name=name,
            departments=[],
            address=None,
            phone=None,
            email=None,
            web=None,
            opening_hours=None,
            opening_hours_en=None,
            logo=None,
        )
        return cls(slug(name), None, profile, None)

    @property
    def name(self) -> str:
        return self.profile.name

    @property
    def logo_path(self) -> Path | None:
        if self.path is None or not self.profile.logo:
            return None
        return self.path.parent / self.profile.logo

    def files(self) -> list[Path]:
        """Files the letterhead depends on (for up-to-date checks)."""
        return [p for p in (self.path, self.logo_path) if p is not None]

    def letterhead(self, department: str | None, lang: str) -> Letterhead:
        logo_path = self.logo_path
        return Letterhead(
            organisation=self.profile.name,
            department=department,
            logo=self.logo,
            logo_mime=LOGO_TYPES[logo_path.suffix.lower()] if logo_path else None,
            footer_lines=self.footer_lines(lang),
            web=_web_url(self.profile.web),
        )

    def footer_lines(self, lang: str) -> tuple[str, ...]:
        p = self.profile
        if p.address is None:
            return ()
        address = [p.address.building, p.address.street, f"{p.address.postcode} {p.address.city}"]
        first = [part for part in address if part]
        if p.phone:
            first.append(f"{label('phone', lang)} {p.phone}")
        second = [part for part in (p.email, p.web) if part]
        hours = p.opening_hours_en if lang == "en" and p.opening_hours_en else p.opening_hours
        if hours:
            second.append(label("opening_hours", lang) + ": " + hours)
        return tuple(" · ".join(line) for line in (first, second) if line)


def _web_url(web: str | None) -> str | None:
    if not web:
        return None
    return web if web.startswith(("http://", "https://")) else f"https://{web}"


def profile_path(organisation_id: str, templates: TemplateFinder) -> Path:
    """Where the profile ``organisation_id`` is, or an error listing where we looked."""
    plain_id(organisation_id, origin=None, key="organisation")
    name = f"organisations/{organisation_id}.yaml"
    for folder in templates.folders:
        if (folder / name).is_file():
            return confined(
                folder / name,
                [folder],
                origin=folder / name,
                what=tr("profile '{id}'", id=organisation_id),
                allowed=tr("the templates folder ({folder})", folder=display_path(folder)),
            )
    raise SourceError(
        None,
        tr("unknown organisation '{id}'", id=organisation_id),
        key="organisation",
        hint=_unknown_hint(organisation_id, templates),
    )


def _unknown_hint(organisation_id: str, templates: TemplateFinder) -> str:
    """Did you mean …, the profiles there are, and how to make one."""
    import difflib

    known = sorted(known_organisations(templates))
    close = difflib.get_close_matches(organisation_id, known, n=1)
    create = tr(
        'create it with: hoering new organisation --id {id} --name "…"',
        id=slug(organisation_id),
    )
    if not known:
        return create
    if close:
        return tr(
            "did you mean '{id}'? known organisations: {known}; or {create}",
            id=close[0],
            known=", ".join(known),
            create=create,
        )
    return tr("known organisations: {known}; {create}", known=", ".join(known), create=create)


def known_organisations(templates: TemplateFinder) -> set[str]:
    found: set[str] = set()
    for folder in templates.folders:
        found.update(p.stem for p in (folder / "organisations").glob("*.yaml"))
    return found


def organisation_for(
    organisation_id: str,
    templates: TemplateFinder,
    *,
    origin: Path,
    line: int | None,
    key: str = "organisation",
) -> Organisation:
    """The organisation a file names (a source's ``organisation:``, a hearing's
    ``authority:``), its profile loaded; an unknown profile is an error at ``origin:line``,
    the line that names it."""
    try:
        return load_organisation(organisation_id, templates)
    except SourceError as exc:
        if exc.path is not None:  # a problem inside the profile: it names its own file
            raise
        raise SourceError(origin, exc.message, line=line, key=key, hint=exc.hint) from None


def source_organisation(source: Any, templates: TemplateFinder) -> Organisation:
    """The organisation of a response or referat (see :func:`organisation_for`); a
    response without ``organisation:`` (an imported one) is from its sender, no profile."""
    if source.meta.organisation is None:
        return Organisation.without_profile(source.meta.sender_shown(source.path.name))
    return organisation_for(
        source.meta.organisation,
        templates,
        origin=source.path,
        line=source.raw.line_of(("organisation",)),
    )


def load_organisation(organisation_id: str, templates: TemplateFinder) -> Organisation:
    path = profile_path(organisation_id, templates)
    return _load_cached(organisation_id, path, path.stat().st_mtime_ns)


@lru_cache(maxsize=64)
def _load_cached(organisation_id: str, path: Path, _mtime: int) -> Organisation:
    data = parse_yaml(read_text(path), path)
    if not isinstance(data, dict):
        raise SourceError(path, tr("a profile must be 'key: value' lines"), line=1)
    profile = validate(Profile, data, path, lambda loc: yaml_line(data, loc, 1))
    logo = None
    if profile.logo:
        logo = _read_logo(path, profile.logo, yaml_line(data, ("logo",), 1))
    return Organisation(organisation_id, path, profile, logo)


def _read_logo(profile: Path, name: str, line: int | None) -> bytes:
    folder = profile.parent.parent  # the templates folder the profile is in
    logo = confined(
        profile.parent / name,
        [folder],
        origin=profile,
        line=line,
        key="logo",
        what=tr("logo '{name}'", name=name[:80]),
        allowed=tr("the templates folder ({folder})", folder=display_path(folder)),
    )
    if logo.suffix.lower() not in LOGO_TYPES:
        raise SourceError(
            profile,
            tr("logo '{name}' is not an SVG, PNG or JPEG file", name=name),
            line=line,
            key="logo",
            hint=tr("save the logo as SVG, PNG or JPEG and name the file in 'logo'"),
        )
    if not logo.is_file():
        raise SourceError(
            profile,
            tr("logo file '{name}' not found", name=name),
            line=line,
            key="logo",
            hint=tr("put the file at {path} or remove the 'logo' line", path=display_path(logo)),
        )
    data = logo.read_bytes()
    check_pixels(
        data, LOGO_TYPES[logo.suffix.lower()], profile, line, tr("logo '{name}'", name=name)
    )
    return data
