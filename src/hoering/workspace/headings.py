"""A heading's attributes (``## Vedr. mentor {topic=udskrivningsmentor stance=bekymring}``)
rewritten on its own line: the heading's words, the other attributes and their order stay."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ..errors import HoeringError
from ..messages import tr
from ..model import nodes as n
from ..model.stances import STANCES, WRITTEN_STANCES, stance_value
from ..sources.markdown import ATTRIBUTE, ATTRIBUTE_LIST, HEADING_ATTRIBUTES, parse_body
from .files import EditRefused
from .metadata import MetadataLines

GUESS_KEYS = ("guess", "matched")  # what import wrote about its guess: gone once decided
_PLAIN_VALUE = re.compile(r'[^\s"{}]+')


def with_attributes(line: str, changes: dict[str, str | None]) -> str:
    """``line`` (a heading, with its line end) with the attributes in ``changes`` set (None:
    deleted) and the guess attributes deleted; every other character stays."""
    text = line.rstrip("\r\n")
    ending = line[len(text) :]
    match = HEADING_ATTRIBUTES.search(text)
    if match and ATTRIBUTE_LIST.fullmatch(match.group(1)):
        pairs = ATTRIBUTE.findall(match.group(1))
        head = text[: match.start()]
        lead = match.group(0)[: len(match.group(0)) - len(match.group(0).lstrip())]
    else:
        pairs, head, lead = [], text.rstrip(), " "
    new: list[tuple[str, str]] = []
    for key, value in pairs:
        if key in GUESS_KEYS:
            continue
        if key in changes:
            value = _value(changes[key])
        if value:
            new.append((key, value))
    written = {key for key, _ in pairs}
    new += [(key, _value(v)) for key, v in changes.items() if key not in written and v]
    attributes = lead + "{" + " ".join(f"{k}={v}" for k, v in new) + "}" if new else ""
    return head + attributes + ending


def _value(value: str | None) -> str:
    if value is None:
        return ""
    return value if _PLAIN_VALUE.fullmatch(value) else '"' + value.replace('"', "'") + '"'


def rewrite_heading(text: str, path: Path, line: int, changes: dict[str, str | None]) -> str:
    """``text`` (a response) with the heading on file line ``line`` given the topic and
    stance in ``changes`` (stances as model values) and its guess deleted; refused unless
    the body reads back as the same blocks with only that heading's attributes changed."""
    source = MetadataLines.of(text, path)
    before = _blocks(source, path)
    heading = next((b for b in before if isinstance(b, n.Heading) and b.line == line), None)
    if heading is None:
        raise EditRefused(
            tr("{file}: there is no heading on line {line}", file=path.name, line=line)
        )
    if "stance" in changes and changes["stance"] is not None:
        changes = {**changes, "stance": _stance_word(source, line, changes["stance"])}
    index = line - 1
    source.lines[index] = with_attributes(source.lines[index], changes)
    after = _blocks(source, path)
    stance = heading.stance
    if "stance" in changes:
        stance = stance_value(changes["stance"] or "")
    expected = dataclasses.replace(
        heading, topic=changes.get("topic", heading.topic), stance=stance, guess=None, matched=None
    )
    wanted = [expected if b is heading else b for b in before]
    if after != wanted:
        raise EditRefused(
            tr(
                "{file}: the heading on line {line} cannot be changed without changing other "
                "text; make the change in an editor",
                file=path.name,
                line=line,
            )
        )
    return source.text


def _stance_word(source: MetadataLines, line: int, stance: str) -> str:
    """``stance`` in the words the file uses: English where its heading had an English
    stance, else the words of the document's language."""
    written = ATTRIBUTE.findall(source.lines[line - 1])
    old = next((v for k, v in written if k == "stance"), None)
    if old is not None and old.strip('"') in STANCES:
        return stance
    lang = str(source.value(("lang",)) or "da")
    return WRITTEN_STANCES.get(lang, {}).get(stance, stance)


def _blocks(source: MetadataLines, path: Path) -> list[n.Block]:
    body = "".join(source.lines[source.end + 1 :])
    try:
        return parse_body(body, source.end + 2).blocks
    except HoeringError as exc:
        raise EditRefused(str(exc.located(path))) from None
