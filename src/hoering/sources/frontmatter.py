"""Read a source file: UTF-8 text, a YAML metadata block, and the Markdown body after it.

YAML is read with ruamel.yaml (YAML 1.2: ``no`` stays text, ``14:30`` stays text) keeping
the line of every key, and with timestamps left as text so the metadata schema parses dates
and can say which line holds an impossible one.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SourceError, display_path
from ..limits import active
from ..messages import number as number_text
from ..messages import tr
from .yaml_errors import explain

if TYPE_CHECKING:
    from ruamel.yaml.composer import Composer

FENCE = "---"


@dataclass
class RawSource:
    """A source file split into its metadata (with line numbers) and Markdown body."""

    path: Path
    metadata: Any  # ruamel CommentedMap: a dict that knows the line of each key
    body: str
    body_first_line: int  # line number in the file of the body's first line
    metadata_first_line: int = 2
    warnings: list[str] = field(default_factory=list)  # "file:line: message" lines

    def line_of(self, location: tuple[str | int, ...]) -> int | None:
        """The file line of the value at ``location`` (a path of keys and indexes)."""
        return yaml_line(self.metadata, location, self.metadata_first_line)


MAX_DEPTH = 40  # nesting of metadata; real metadata is 3 levels deep
_parsers = threading.local()


class AliasBudgetExceeded(Exception):
    def __init__(self, line: int, budget: int) -> None:
        super().__init__(line, budget)
        self.line, self.budget = line, budget


def _yaml() -> Any:
    """This thread's YAML parser: a ruamel YAML object keeps its parsing state, so threads
    building at the same time (any Executor) must not share one."""
    yaml = getattr(_parsers, "yaml", None)
    if yaml is None:
        from ruamel.yaml import YAML

        yaml = YAML(typ="rt", pure=True)
        yaml.Composer = _budget_composer()
        yaml.max_depth = MAX_DEPTH
        constructors = yaml.constructor.yaml_constructors
        constructors["tag:yaml.org,2002:timestamp"] = constructors["tag:yaml.org,2002:str"]
        _parsers.yaml = yaml
    return yaml


@lru_cache(maxsize=1)
def _budget_composer() -> type[Composer]:
    from ruamel.yaml.composer import Composer
    from ruamel.yaml.events import AliasEvent

    class BudgetComposer(Composer):
        """Counts alias uses (``*name``) in a document and stops past the budget: a few
        hundred bytes of nested aliases expand to billions of values (an alias bomb)."""

        aliases = 0

        def compose_document(self) -> Any:
            self.aliases = 0
            self.depth = 0  # a document that stopped deep inside leaves it counted up
            return super().compose_document()

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.parser.check_event(AliasEvent):
                self.aliases += 1
                if self.aliases > active().yaml_aliases:
                    mark = self.parser.peek_event().start_mark
                    raise AliasBudgetExceeded(mark.line, active().yaml_aliases)
            return super().compose_node(parent, index)

    return BudgetComposer


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML text; a syntax error names the file and line."""
    from ruamel.yaml.composer import MaxDepthExceededError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return _yaml().load(text)
    except AliasBudgetExceeded as exc:
        raise SourceError(
            path,
            tr("metadata uses aliases (*name) more than {n} times", n=exc.budget),
            line=exc.line + first_line,
            hint=tr("write the values out") + "; " + _limit_hint("yaml_aliases"),
        ) from None
    except MaxDepthExceededError as exc:
        raise SourceError(
            path,
            tr("metadata is nested more than {n} levels deep", n=MAX_DEPTH),
            line=exc.problem_mark.line + first_line if exc.problem_mark else None,
            hint=tr("real metadata is a few levels deep; look for unclosed brackets"),
        ) from None
    except MarkedYAMLError as exc:
        line, message, hint = explain(exc, text, first_line)
        raise SourceError(
            path,
            tr("metadata is not valid YAML: {problem}", problem=message),
            line=line,
            hint=hint,
        ) from None
    except YAMLError:
        raise SourceError(
            path,
            tr("metadata is not valid YAML: {problem}", problem=tr("it cannot be read")),
            hint=tr("check the characters and the indentation of the metadata"),
        ) from None
    except RecursionError:
        raise SourceError(
            path,
            tr("metadata is nested too deeply"),
            line=first_line,
            hint=tr("metadata may be at most {n} levels deep", n=MAX_DEPTH),
        ) from None


def _limit_hint(key: str) -> str:
    return active().hint(key)


def read_text(path: Path) -> str:
    """The file's text, refusing what is not a readable, non-empty UTF-8 text file."""
    if not path.exists():
        raise SourceError(path, tr("file not found"))
    if path.is_dir():
        raise SourceError(
            path,
            tr("is a folder, not a source file"),
            hint=tr("give a .md file, or build the folder with 'hoering build FOLDER'"),
        )

    size = path.stat().st_size
    if size == 0:
        raise SourceError(
            path, tr("file is empty"), hint=tr("start it with 'hoering new response'")
        )
    if size > active().source_mb * 1024 * 1024:
        raise SourceError(
            path,
            tr("file is too large ({size} MB)", size=number_text(size / 1024 / 1024, 1)),
            hint=tr("split it up") + "; " + active().hint("source_mb"),
        )
    data = path.read_bytes()
    check_line_count(path, data.count(b"\n") + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            path,
            tr("is not UTF-8 text (byte 0x{byte:02x})", byte=data[exc.start]),
            line=line,
            hint=tr("save the file as UTF-8 in your editor"),
        ) from None


def check_line_count(path: Path, lines: int) -> None:
    """Refuse a source of more lines than ``source_lines``: the Markdown parser makes objects
    for every line, and a million short lines took 3 GB and a minute (issue 21, item 11)."""
    if lines > active().source_lines:
        raise SourceError(
            path,
            tr("has {lines} lines, more than a source may have", lines=number_text(lines, 0)),
            hint=tr("split it up") + "; " + active().hint("source_lines"),
        )


def read_source(path: Path) -> RawSource:
    """Split ``path`` into metadata and body. The metadata block must come first."""
    metadata_text, body, body_first_line = split_source(path)
    warnings: list[str] = []
    metadata_text = _printable(metadata_text, path, 2, warnings)
    body = _printable(body, path, body_first_line, warnings)
    metadata = parse_yaml(metadata_text, path, first_line=2)
    if metadata is None:
        raise SourceError(path, tr("metadata block is empty"), line=2)
    if not isinstance(metadata, dict):
        raise SourceError(path, tr("metadata must be 'key: value' lines"), line=2)
    _printable_values(metadata, path, warnings)
    _comments_glued_to_values(metadata, path, warnings)
    return RawSource(path, metadata, body, body_first_line, warnings=warnings)


# Control characters other than tab and line ends print as nothing, and DOCX (XML) and HTML
# cannot hold them; each becomes a visible placeholder and a warning.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PLACEHOLDER = "\ufffd"


# Bidirectional embeddings, overrides and isolates make a line show its characters in
# another order than they are written ('Trojan Source'): a published text could read
# differently from its source. Each is removed with a warning (the text keeps its words,
# in the order written); left-to-right and right-to-left marks (U+200E, U+200F) stay.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _printable(text: str, path: Path, first_line: int, warnings: list[str]) -> str:
    text = _without_bidi_controls(text, path, first_line, warnings)
    if not _CONTROL.search(text):
        return text
    for number, line in enumerate(text.split("\n"), start=first_line):
        for match in _CONTROL.finditer(line):
            code = f"U+{ord(match[0]):04X}"
            warnings.append(
                f"{display_path(path)}:{number}: "
                + tr(
                    "control character {code} replaced by {placeholder}",
                    code=code,
                    placeholder=PLACEHOLDER,
                )
            )
    return _CONTROL.sub(PLACEHOLDER, text)


def _without_bidi_controls(text: str, path: Path, first_line: int, warnings: list[str]) -> str:
    if not _BIDI.search(text):
        return text
    for number, line in enumerate(text.split("\n"), start=first_line):
        for match in _BIDI.finditer(line):
            warnings.append(
                tr(
                    "{place}: bidirectional control character U+{code} removed (it shows "
                    "the text in another order than it is written)",
                    place=f"{display_path(path)}:{number}",
                    code=f"{ord(match[0]):04X}",
                )
            )
    return _BIDI.sub("", text)


def _printable_values(node: Any, path: Path, warnings: list[str], line: int = 2) -> None:
    """The same for control characters written as YAML escapes ("\\u0007")."""
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        where = yaml_line(node, (key,), 2) or line
        if isinstance(value, str) and (_CONTROL.search(value) or _BIDI.search(value)):
            node[key] = _printable(value, path, where, warnings)
        elif isinstance(value, dict | list):
            _printable_values(value, path, warnings, where)


# An end-of-line comment that starts right after '#' ("title: Svar #2") is most likely part
# of the value the writer meant: YAML drops it silently, so it is named. "# note" with a
# space is a comment written as one and is left alone.
_GLUED_COMMENT = re.compile(r"#\S")


def _comments_glued_to_values(node: Any, path: Path, warnings: list[str]) -> None:
    """Warn where YAML read text after ``#`` on a value's line as a comment, not the value."""
    mapping = isinstance(node, dict)
    if not (mapping or isinstance(node, list)) or not hasattr(node, "ca"):
        return
    for key, value in node.items() if mapping else enumerate(node):
        if isinstance(value, dict | list):
            _comments_glued_to_values(value, path, warnings)
            continue
        tokens = node.ca.items.get(key) or ()
        token = tokens[2 if mapping else 0] if len(tokens) > 2 else None
        line = (node.lc.value(key) if mapping else node.lc.item(key))[0]
        if token is None or token.start_mark.line != line:
            continue
        comment = token.value.split("\n", 1)[0].strip()
        if _GLUED_COMMENT.match(comment):
            warnings.append(
                tr(
                    "{place}: '{comment}' is read as a YAML comment and left out of the "
                    "value; put the value in quotes if it belongs to it",
                    place=f"{display_path(path)}:{line + 2}",
                    comment=comment,
                )
            )


def split_source(path: Path) -> tuple[str, str, int]:
    """The metadata text, the body text and the file line the body starts on."""
    text = read_text(path)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise SourceError(
            path,
            tr("no metadata block at the top"),
            line=1,
            hint=tr("the file must start with a line '---', the metadata, and '---'"),
        )
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in (FENCE, "...")), None)
    if end is None:
        raise SourceError(
            path,
            tr("metadata block is not closed"),
            line=1,
            hint=tr("end the metadata with a line '---'"),
        )
    return "".join(lines[1:end]), "".join(lines[end + 1 :]), end + 2


def top_level_entries(metadata_text: str, keys: set[str]) -> str:
    """Only the top-level ``keys`` of a metadata block (each with its indented lines), for
    readers that need a few values fast; line numbers are not kept."""
    kept: list[str] = []
    keep = False
    for line in metadata_text.splitlines(keepends=True):
        if line[:1] not in (" ", "\t", "#", "\n", "\r", "-"):
            keep = line.split(":", 1)[0].strip() in keys
        if keep:
            kept.append(line)
    return "".join(kept)


def yaml_line(node: Any, location: tuple[str | int, ...], first_line: int) -> int | None:
    """Follow ``location`` through ruamel containers and return the deepest known line."""
    line = None
    for step in location:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, dict) and lc is not None and step in node:
                line = lc.key(step)[0] + first_line
                node = node[step]
            elif isinstance(node, list) and lc is not None and isinstance(step, int):
                line = lc.item(step)[0] + first_line
                node = node[step]
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
    if line is None and getattr(node, "lc", None) is not None:
        line = node.lc.line + first_line
    return line
