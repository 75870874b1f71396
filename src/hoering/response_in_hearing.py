"""A response as part of its hearing: the hearing it names and the topics its headings use,
checked against the hearing's ``hearing.yaml`` — the same messages for ``check``, ``build``,
``compare`` and the workspace."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from .errors import SourceError, SourceErrors, display_path
from .hearing import EXAMPLE_TOPIC, HEARING_FILE, Hearing, load_hearing
from .messages import tr
from .model import nodes as n
from .sources import Source, SourceParts


def response_errors(
    hearing: Hearing,
    path: Path,
    hearing_id: str | None,
    hearing_line: int | None,
    topics: Iterable[tuple[str, int | None]],
) -> list[SourceError]:
    """What is wrong with a response as part of ``hearing``: it names another hearing, or
    a topic the hearing does not have. ``topics``: each topic attribute with its line."""
    errors = []
    if hearing_id is not None and hearing_id != hearing.id:
        errors.append(
            SourceError(
                path,
                tr(
                    "belongs to hearing '{other}', not '{hearing}'",
                    other=hearing_id,
                    hearing=hearing.id,
                ),
                line=hearing_line,
                key="hearing",
                hint=tr("move it to its own hearing's folder or correct 'hearing'"),
            )
        )
    known = hearing.topics
    for topic, line in topics:
        if topic not in known:
            close = difflib.get_close_matches(topic, known, n=1)
            hint = (
                tr("did you mean '{key}'?", key=close[0])
                if close
                else tr("use one of: {choices}", choices=", ".join(known))
            )
            errors.append(
                SourceError(
                    path,
                    tr("topic '{topic}' is not a topic of hearing.yaml", topic=topic),
                    line=line,
                    hint=hint,
                )
            )
    return errors


def hearing_of(source: Path) -> Hearing | None:
    """The hearing a source in ``<hearing>/responses/`` belongs to; None when it is not in
    a hearing folder with a hearing.yaml."""
    folder = Path(source).parent.parent
    path = folder / HEARING_FILE
    if Path(source).parent.name != "responses" or not path.is_file():
        return None
    return load_hearing(folder)


def hearing_problems(parts: SourceParts) -> tuple[list[SourceError], list[str]]:
    """The errors and warnings a response in ``<hearing>/responses/`` has as part of its
    hearing: the same messages ``hoering compare`` gives, so ``check`` and ``build`` find
    them first. Without a hearing.yaml the topics cannot be checked: a warning says so
    (an author may answer a hearing whose hearing.yaml is not theirs to write), and the
    skeleton's example topic is an error."""
    path = parts.raw.path
    if parts.type != "response" or path.parent.name != "responses":
        return [], []
    topics = [
        (b.topic, b.line) for b in parts.blocks if isinstance(b, n.Heading) and b.topic is not None
    ]
    line = parts.raw.line_of(("hearing",))
    hearing = hearing_of(path)
    if hearing is None:
        return _example_topics(path, topics), [_without_hearing_file(path, line)]
    return response_errors(hearing, path, _hearing_id(parts), line, topics), []


def _hearing_id(parts: SourceParts) -> str | None:
    """The hearing the response names, also when its other metadata has mistakes."""
    if parts.meta is not None:
        return str(parts.meta.hearing)
    value = parts.raw.metadata.get("hearing")
    return value if isinstance(value, str) and value else None


def _without_hearing_file(path: Path, line: int | None) -> str:
    hearing_file = path.parent.parent / HEARING_FILE
    where = display_path(path) + (f":{line}" if line is not None else "")
    return f"{where}: hearing: " + tr(
        "{file} does not exist yet, so the response's topics cannot be checked",
        file=display_path(hearing_file),
    )


def _example_topics(path: Path, topics: Iterable[tuple[str, int | None]]) -> list[SourceError]:
    return [
        SourceError(
            path,
            tr("topic '{topic}' is the skeleton's example", topic=topic),
            line=line,
            hint=tr(
                "write the id of one of the hearing's topics (in its hearing.yaml), or "
                "remove topic={topic}",
                topic=topic,
            ),
        )
        for topic, line in topics
        if topic == EXAMPLE_TOPIC
    ]


def check_response(source: Source) -> None:
    """Raise the errors :func:`hearing_problems` finds in a loaded response."""
    parts = SourceParts(source.raw, source.type, source.meta, source.body, [])
    errors, _warnings = hearing_problems(parts)
    if errors:
        raise SourceErrors(errors)
