"""Validate metadata against a pydantic model and report every problem with its line.

Pydantic finds all problems at once; each becomes ``file:line: key: message (hint)`` with
messages written for people who are not programmers, and "did you mean …" for typos.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import PydanticCustomError

from ..errors import SourceError, SourceErrors
from ..languages import codes, is_known
from ..messages import either, number, tr

M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    """Base for metadata models: unknown keys are errors, values are not coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


MAX_TITLE = 400  # characters: a title is a heading, a PDF string, a calendar's name


def one_line(value: object) -> object:
    """A validator for titles: a line feed or carriage return in one is refused (a title is
    a heading, a file's title property and a calendar's name, all one line), and so is one
    longer than MAX_TITLE (a 108,000-character mail subject failed the PDF at the end)."""
    if isinstance(value, str) and ("\n" in value.strip() or "\r" in value.strip()):
        raise ValueError(tr("must be on one line; remove the line break"))
    if isinstance(value, str) and len(value.strip()) > MAX_TITLE:
        raise ValueError(
            tr(
                "is {n} characters long; a title has at most {most}: write the rest in the text",
                n=number(len(value.strip())),
                most=number(MAX_TITLE),
            )
        )
    return value


def known_language(value: object) -> object:
    """A validator of ``lang``: one of the languages we have (:mod:`hoering.languages`),
    refused as a value outside a list of choices is ("'de' is not allowed (use 'da' or
    'en')")."""
    if is_known(value):
        return value
    *first, last = (repr(code) for code in codes())
    expected = f"{', '.join(first)} or {last}" if first else last
    raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": expected})


def validate(
    model: type[M],
    data: Any,
    path: Path,
    line_of: Callable[[tuple[str | int, ...]], int | None],
) -> M:
    """``model`` built from ``data``, or :class:`SourceErrors` naming every problem."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        errors = [_to_source_error(e, model, data, path, line_of) for e in exc.errors()]
        raise SourceErrors(_unique(errors)) from None


def _unique(errors: list[SourceError]) -> list[SourceError]:
    seen: set[str] = set()
    result = []
    for error in sorted(errors, key=lambda e: (e.line or 0, str(e))):
        if str(error) not in seen:
            seen.add(str(error))
            result.append(error)
    return result


def _to_source_error(
    error: Any,
    model: type[BaseModel],
    data: Any,
    path: Path,
    line_of: Callable[[tuple[str | int, ...]], int | None],
) -> SourceError:
    location = _data_location(error["loc"], data, error["type"] == "missing")
    key = ".".join(str(step) for step in location if isinstance(step, str)) or None
    message, hint = _explain(error, model, location)
    known = location[:-1] if error["type"] == "missing" else location
    line = line_of(known) if known else line_of(())
    return SourceError(path, message, line=line, key=key, hint=hint)


def _data_location(loc: tuple[Any, ...], data: Any, missing: bool) -> tuple[Any, ...]:
    """The steps of a pydantic location that exist in the data (pydantic also puts the
    names of union members it tried, such as 'list[str]', into locations)."""
    steps: list[Any] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
        elif isinstance(step, str) and missing and step == loc[-1]:
            pass  # the missing key itself: named in the message, no line of its own
        else:
            continue
        steps.append(step)
    return tuple(steps)


def _explain(
    error: Any, model: type[BaseModel], location: tuple[Any, ...]
) -> tuple[str, str | None]:
    kind = error["type"]
    value = error.get("input")
    explain = _EXPLAIN.get(kind)
    if kind == "extra_forbidden":
        return tr("unknown key"), _did_you_mean(model, location)
    if kind == "literal_error":
        return (
            tr("{value} is not allowed", value=_quoted(value)),
            tr("use {expected}", expected=_choices(error["ctx"]["expected"])),
        )
    if kind in _LIMITS:
        limit = number(error["ctx"][_LIMITS[kind]])
        return (
            tr("{value} is less than {limit}", value=value, limit=limit)
            if kind == "greater_than_equal"
            else tr("{value} is more than {limit}", value=value, limit=limit)
        ), None
    if explain is not None:
        return explain(value)
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message, None


def _did_you_mean(model: type[BaseModel], location: tuple[Any, ...]) -> str:
    known = _known_keys(model, location[:-1])
    typo = str(location[-1])
    close = difflib.get_close_matches(typo, known, n=1, cutoff=0.6)
    if close:
        return tr("did you mean '{key}'?", key=close[0])
    return tr("known keys: {keys}", keys=", ".join(sorted(known)))


def _known_keys(model: type[BaseModel], parents: tuple[Any, ...]) -> list[str]:
    current: Any = model
    for step in parents:
        if isinstance(step, int) or current is None:
            continue
        field = current.model_fields.get(step)
        current = _inner_model(field.annotation) if field else None
    if current is None:
        return []
    return list(current.model_fields)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _choices(expected: str) -> str:
    """Pydantic's list of allowed values ("'a', 'b' or 'c'", joined in English) in the
    language of messages."""
    import ast

    first, _, last = expected.rpartition(" or ")
    try:
        values = ast.literal_eval(f"({first}, {last},)" if first else f"({last},)")
    except (ValueError, SyntaxError):
        return expected
    return either(_quoted(value) for value in values)


def _quoted(value: Any) -> str:
    return f"'{value}'"


def _not_a_date(value: Any) -> tuple[str, str | None]:
    said = tr("{value} is not a date", value=_quoted(value)) if value else tr("must not be empty")
    return (
        said,
        tr("write dates as YYYY-MM-DD, e.g. 2019-06-19"),
    )


def _not_a_number(value: Any) -> tuple[str, str | None]:
    return tr("{value} is not a number", value=_quoted(value)), tr("write a number, e.g. 0.8")


_LIMITS = {"greater_than_equal": "ge", "less_than_equal": "le"}  # pydantic's names of limits


def _not_true_or_false(value: Any) -> tuple[str, str | None]:
    return (tr("{value} is not true or false", value=_quoted(value)), tr("write true or false"))


_EXPLAIN: dict[str, Callable[[Any], tuple[str, str | None]]] = {
    "missing": lambda v: (tr("required key is missing"), None),
    "date_from_datetime_parsing": _not_a_date,
    "date_parsing": _not_a_date,
    "date_type": _not_a_date,
    "date_from_datetime_inexact": _not_a_date,
    "time_parsing": lambda v: (
        tr("{value} is not a time", value=_quoted(v)),
        tr("write times as HH:MM, e.g. 14:30"),
    ),
    "string_type": lambda v: (
        tr("{value} should be text", value=_quoted(v)),
        tr("put the value in quotes"),
    ),
    "list_type": lambda v: (tr("should be a list"), tr("write one '- item' per line")),
    "dict_type": lambda v: (tr("should be 'key: value' lines"), None),
    "model_type": lambda v: (tr("should be 'key: value' lines"), None),
    "string_pattern_mismatch": lambda v: (
        (tr("{value} has the wrong form", value=_quoted(v)), None)
        if v
        else (tr("must not be empty"), None)
    ),
    "string_too_short": lambda v: (tr("must not be empty"), None),
    "float_parsing": _not_a_number,
    "float_type": _not_a_number,
    "int_parsing": _not_a_number,
    "int_type": _not_a_number,
    "bool_parsing": _not_true_or_false,
    "bool_type": _not_true_or_false,
}
