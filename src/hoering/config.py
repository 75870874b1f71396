"""The project configuration: ``hoering.toml`` at the project root, every key optional.

The project root is found as git finds ``.git``: the nearest folder, from the current one
upwards, that holds ``hoering.toml`` or a ``consultations/`` folder.

```toml
sources = "consultations"     # where the Markdown sources are
templates = "templates"       # organisation profiles and template overrides
output = "output"             # where documents are written
organisation = "ishoj"        # default profile for 'hoering new'
formats = ["docx", "pdf", "html"]
lang = "da"                   # what hoering says: "da" (default) or "en"
```
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, NotInProject, SourceErrors
from .languages import DEFAULT, codes, is_known
from .limits import Limits, activate
from .messages import either, tr
from .roots import CONFIG_FILE, DEFAULT_SOURCES, find_root

FORMATS: tuple[str, ...] = ("docx", "pdf", "html")  # what hoering renders (hoering.render)


@dataclass(frozen=True)
class Config:
    root: Path
    sources: Path
    templates: Path
    output: Path
    organisation: str | None = None
    formats: tuple[str, ...] = FORMATS
    lang: str | None = None  # language of messages: "da" (default), "en" (hoering.languages)
    path: Path | None = None  # the config file, when there is one
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # sections of later features
    limits: Limits = field(default_factory=Limits, compare=False)  # [limits]

    @classmethod
    def defaults(cls, root: Path) -> Config:
        return cls(root, root / DEFAULT_SOURCES, root / "templates", root / "output")

    def default_sources(self) -> Path:
        """What a command works on when given no paths: the current folder when it is inside
        the sources (a hearing's folder builds that hearing), else the whole sources folder."""
        here = Path.cwd()
        try:
            here.resolve().relative_to(self.sources.resolve())
        except (ValueError, OSError):
            return self.sources
        return here


_KEYS = {"sources", "templates", "output", "organisation", "formats", "lang"}
_SECTIONS: set[str] = set()  # [tables] owned by other features (registered by them)


def find_project(project: Path | None = None, near: Iterable[Path] = ()) -> Config:
    """The configuration of the project ``project`` (a folder given with ``--project``), or
    else of the project around the current folder, or else around the first of ``near``
    (paths a command was given); an error in one line outside any project."""
    if project is not None:
        if not Path(project).is_dir():
            raise ConfigError(
                project,
                tr("project folder not found"),
                hint=tr("give --project the folder with hoering.toml or consultations/"),
            )
        return load_config(Path(project).resolve())
    for start in (Path.cwd(), *near):
        root = find_root(start)
        if root is not None:
            return load_config(root)
    raise NotInProject(Path.cwd())


def load_config(root: Path | None = None) -> Config:
    """Read ``hoering.toml`` in ``root`` (default: the project around the current folder, or
    the current folder itself); the defaults without the file."""
    if root is None:
        root = find_root(Path.cwd()) or Path.cwd()
    root = Path(root)
    path = root / CONFIG_FILE
    config = Config.defaults(root)
    if not path.is_file():
        activate(config.limits)
        return config
    data = _read_toml(path)
    problems = _check(data, path)
    if problems:
        raise problems[0] if len(problems) == 1 else _many(problems)
    limits = Limits.from_section(data.get("limits", {}), path)
    activate(limits)
    return Config(
        root=root,
        sources=root / data.get("sources", DEFAULT_SOURCES),
        templates=root / data.get("templates", "templates"),
        output=root / data.get("output", "output"),
        organisation=data.get("organisation"),
        lang=data.get("lang"),
        formats=tuple(data.get("formats", FORMATS)),
        path=path,
        extra={k: v for k, v in data.items() if k in _SECTIONS},
        limits=limits,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        text = str(exc)
        line = None
        if "(at line " in text:
            line = int(text.split("(at line ")[1].split(",")[0])
            text = text.split(" (at line ")[0]
        raise ConfigError(
            path,
            tr("not valid TOML: {problem}", problem=text),
            line=line,
            hint=tr('write text in quotes, e.g. organisation = "ishoj"'),
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(
            path, tr("is not UTF-8 text"), hint=tr("save the file as UTF-8 in your editor")
        ) from None


def _check(data: dict[str, Any], path: Path) -> list[ConfigError]:
    problems = []
    for key, value in data.items():
        if key not in _KEYS | _SECTIONS:
            close = difflib.get_close_matches(key, sorted(_KEYS | _SECTIONS), n=1)
            hint = (
                tr("did you mean '{key}'?", key=close[0])
                if close
                else tr("known keys: {keys}", keys=", ".join(sorted(_KEYS | _SECTIONS)))
            )
            problems.append(ConfigError(path, tr("unknown key"), key=key, hint=hint))
        elif key in ("sources", "templates", "output", "organisation") and not isinstance(
            value, str
        ):
            problems.append(ConfigError(path, tr("should be text in quotes"), key=key))
    if not is_known(data.get("lang", DEFAULT.code)):
        problems.append(
            ConfigError(
                path,
                tr("{value} is not a language we speak", value=repr(data["lang"])),
                key="lang",
                hint=tr("use {expected}", expected=either(f'"{code}"' for code in codes())),
            )
        )
    formats = data.get("formats", list(FORMATS))
    if not isinstance(formats, list) or any(f not in FORMATS for f in formats):
        problems.append(
            ConfigError(
                path,
                tr("{value} is not a list of formats", value=repr(formats)),
                key="formats",
                hint=tr("use a list of {formats}", formats=either(FORMATS)),
            )
        )
    return problems


def _many(problems: list[ConfigError]) -> Exception:
    return SourceErrors(problems)


def register_section(name: str) -> None:
    """Let a feature own a ``[name]`` table in hoering.toml."""
    _SECTIONS.add(name)


register_section("limits")  # [limits] of every input (hoering/limits.py)
register_section("import")  # [import] limits of 'hoering import' (hoering/imports/safety.py)
