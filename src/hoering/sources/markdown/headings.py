"""A heading's attributes: ``## Vedr. mentor {topic=udskrivningsmentor stance=concern}``
taken off the heading's text, each checked (a known key, a stance, a confidence, true or
false) and every problem added to the list of errors given, so the reading goes on."""

from __future__ import annotations

import re
from typing import Any

from ...errors import SourceError
from ...messages import either, tr
from ...model import nodes as n
from ...model.stances import DANISH_STANCES, STANCES, stance_value

HEADING_ATTRIBUTES = re.compile(r"\s*\{([^{}]*)\}\s*$")
ATTRIBUTE = re.compile(r'([A-Za-z_][\w-]*)=("[^"]*"|[^\s"{}]+)')
ATTRIBUTE_LIST = re.compile(r'\s*(?:[A-Za-z_][\w-]*=(?:"[^"]*"|[^\s"{}]+)\s*)+')
HEADING_KEYS = ("topic", "stance", "guess", "matched", "appendix", "status")


def heading(
    node: Any, inlines: list[n.Inline], line: int | None, errors: list[SourceError]
) -> n.Heading:
    """The heading of the parser's ``node`` with its text ``inlines`` and attributes."""
    attributes = heading_attributes(inlines, line, errors)
    return n.Heading(
        level=int(node.tag[1]),
        children=tuple(inlines),
        line=line,
        topic=attributes.get("topic"),
        stance=attributes.get("stance"),
        guess=confidence(attributes.get("guess"), line, errors),
        matched=attributes.get("matched"),
        appendix=appendix(attributes.get("appendix"), line, errors),
        status=attributes.get("status"),
    )


def appendix(value: str | None, line: int | None, errors: list[SourceError]) -> bool:
    if value in (None, "false"):
        return False
    if value != "true":
        errors.append(
            SourceError(
                None,
                tr("{value} is not true or false", value=repr(value)),
                line=line,
                key="appendix",
                hint=tr("write appendix=true"),
            )
        )
    return value == "true"


def confidence(value: str | None, line: int | None, errors: list[SourceError]) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        errors.append(
            SourceError(
                None,
                tr("'{value}' is not a confidence", value=value),
                line=line,
                key="guess",
                hint=tr("use a number from 0 to 1"),
            )
        )
        return None
    return number


def heading_attributes(
    inlines: list[n.Inline], line: int | None, errors: list[SourceError]
) -> dict[str, str]:
    """The attributes at the end of a heading's text, taken off ``inlines`` (in place)."""
    if not inlines or not isinstance(inlines[-1], n.Text):
        return {}
    match = HEADING_ATTRIBUTES.search(inlines[-1].text)
    if not match or not ATTRIBUTE_LIST.fullmatch(match.group(1)):
        return {}  # "{2019}" at the end of a heading is text, not attributes
    found = {k: v.strip('"') for k, v in ATTRIBUTE.findall(match.group(1))}
    errors.extend(_unknown_keys(found, line))
    stance = found.get("stance")
    if stance is not None and stance_value(stance) is None:
        errors.append(_not_a_stance(stance, line))
    elif stance is not None:
        found["stance"] = stance_value(stance) or stance
    rest = inlines[-1].text[: match.start()]
    if rest:
        inlines[-1] = n.Text(rest)
    else:
        inlines.pop()
    return found


def _unknown_keys(found: dict[str, str], line: int | None) -> list[SourceError]:
    return [
        SourceError(
            None,
            tr("unknown heading attribute '{key}'", key=key),
            line=line,
            key=key,
            hint=tr("heading attributes are {keys}", keys=", ".join(HEADING_KEYS)),
        )
        for key in found
        if key not in HEADING_KEYS
    ]


def _not_a_stance(stance: str, line: int | None) -> SourceError:
    return SourceError(
        None,
        tr("'{stance}' is not a stance", stance=stance),
        line=line,
        key="stance",
        hint=tr(
            "use {choices} (or {english})",
            choices=either(DANISH_STANCES),
            english=either(STANCES),
        ),
    )
