"""A file already imported is not imported twice: not again under another name, not as the
attachment of an e-mail already imported (nor the e-mail after its attachment). Each
imported source keeps the SHA-256 of the file it was made from (``source.sha256``) and, for
an e-mail whose attachment is the response, of that attachment
(``source.attachment_sha256``); a file whose content one of them names is a duplicate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import HoeringError, ImportFileError, display_path
from ..messages import tr
from ..sources.frontmatter import parse_yaml, split_source, top_level_entries


@dataclass(frozen=True)
class Received:
    """What one imported source was made from."""

    source: Path  # responses/<name>.md
    name: str  # the file's name when it arrived
    sha256: str
    attachment_sha256: str | None = None  # an e-mail's attached letter


def received_files(responses: Path) -> list[Received]:
    """What each imported source in ``responses`` was made from (a source written by a
    person, or one that cannot be read, made from nothing we know)."""
    found = []
    for path in sorted(responses.glob("*.md")):
        received = _received(path)
        if received is not None:
            found.append(received)
    return found


def _received(path: Path) -> Received | None:
    try:
        metadata_text, _body, _line = split_source(path)
        data = parse_yaml(top_level_entries(metadata_text, {"source"}), path)
    except HoeringError:
        return None
    source = data.get("source") if isinstance(data, dict) else None
    if not isinstance(source, dict) or not isinstance(source.get("sha256"), str):
        return None
    attachment = source.get("attachment_sha256")
    return Received(
        path,
        str(source.get("name") or ""),
        source["sha256"],
        attachment if isinstance(attachment, str) else None,
    )


def imported_before(
    sha256: str, attachment_sha256: str | None, known: list[Received]
) -> tuple[Received, str] | None:
    """The source the file (``sha256``, and its attachment's) was already imported as, and
    how: "same" (the same file), "attachment" (it is an imported e-mail's attachment) or
    "mail" (it is an e-mail whose attachment was imported on its own)."""
    for received in known:
        if received.sha256 == sha256:
            return received, "same"
        if received.attachment_sha256 == sha256:
            return received, "attachment"
        if attachment_sha256 is not None and received.sha256 == attachment_sha256:
            return received, "mail"
    return None


def duplicate_error(original: Path, found: tuple[Received, str]) -> ImportFileError:
    """The refusal of a file already imported, saying as what."""
    received, how = found
    source = display_path(received.source)
    if how == "attachment":
        message = tr(
            "is the attachment of the e-mail {mail}, already imported as {source}",
            mail=received.name,
            source=source,
        )
    elif how == "mail":
        message = tr("its attachment is already imported on its own as {source}", source=source)
    else:
        message = tr("is already imported as {source}", source=source)
    return ImportFileError(
        original,
        message,
        hint=tr("it may hold corrections; use --force to import the file again in its place"),
    )
