"""A file's text understood: cleaned, put in blocks, its metadata guessed (from the text,
a mail's or a form's header), topics assigned, every word accounted for (the ledger), and
the Markdown source written in memory and checked that build would accept it. Pure: it runs
in the worker processes of :mod:`hoering.imports.run`, which writes what it returns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ImportFileError, SourceErrors
from ..limits import active
from ..messages import number, tr, tr_in
from ..sources.markdown import check_tables
from ..text import slug
from .body_writer import body
from .characters import normalise_bullet, normalise_characters
from .cleanup import Cleaned, clean
from .email import Mail, appendix, apply_header
from .found import Found
from .ledger import (
    Account,
    ReadLine,
    draft_fields,
    read_lines,
    removals,
    set_aside,
    settle,
    unplaced_blocks,
)
from .lines import Extracted, Line
from .metadata import Metadata, guess_metadata
from .review import notice
from .safety import Limits
from .sectioning import Guess as TopicGuess
from .sectioning import assign_topics
from .structure import Block, structure
from .topics import TopicSpec
from .webform import FormAnswer, apply_form
from .writer import Draft, render, unknown_fields


@dataclass
class Guessed:
    """One value import guessed, and why."""

    key: str  # "sender", "date", …, or "topic" for a heading
    value: str
    confidence: float
    found_in: str
    score: float | None = None  # the raw evidence score (see imports.calibration)
    unknown: bool = False  # nothing good enough was found: the field is left empty


@dataclass
class Analysis:
    """A file read and understood, not yet written anywhere."""

    original: Path
    sha256: str
    slug: str
    markdown: str
    guessed: list[Guessed]
    pages: int
    unaccounted: int = 0  # words of the file that import could not place (the ledger)
    unplaced_pages: tuple[int, ...] = ()  # the pages they are on
    attachment_sha256: str | None = None  # an e-mail's attached letter (imports.duplicates)


@dataclass(frozen=True)
class Context:
    """What the import of every file of one batch needs to know of the hearing."""

    hearing_id: str
    lang: str
    parties: tuple[tuple[str, tuple[str, ...]], ...]
    topics: tuple[TopicSpec, ...]
    deadline: str
    limits: Limits
    authority: tuple[str, ...] = ()  # its names and domains: never a response's sender


def understand(
    path: Path,
    sha: str,
    extracted: Extracted,
    mail: Mail | None,
    context: Context,
    form: FormAnswer | None = None,
    read: Extracted | None = None,
) -> Analysis:
    """The Markdown source the text of ``path`` becomes, with what was guessed on the way
    (``read``: the text as read, when ``extracted`` is what is left of it once a mail's or a
    form's header is taken off)."""
    read = read if read is not None else extracted
    read_text = read_lines(read, _normalised)
    form_lines = form.header if form is not None else []
    mail_lines = _mail_header(read, extracted, mail, form_lines)
    cleaned = clean(extracted)
    blocks = structure(cleaned.body, cleaned.body_size)
    meta = _metadata(cleaned, mail, form, context, path)
    title = _title(meta, context, path)
    if blocks and blocks[0].kind == "heading" and blocks[0].text == title.value:
        blocks = blocks[1:]
    blocks, topics = assign_topics(blocks, list(context.topics))
    if mail is not None and mail.quoted:
        blocks += appendix(mail, context.lang)
    draft = _draft(path, sha, extracted, mail, context, meta, blocks, cleaned, title)
    account = _settle(
        draft, cleaned, [("mail_header", mail_lines), ("form_field", form_lines)], read_text
    )
    sender = meta.sender
    name = slug(str(sender.value)) if sender is not None else slug(path.stem) or "svar"
    markdown = render(draft)
    _check_buildable(path, markdown)
    return Analysis(
        path,
        sha,
        name,
        markdown,
        _guesses(draft, meta, title, topics),
        extracted.pages,
        account.unaccounted,
        tuple(account.pages),
        draft.attachment_sha256,
    )


def _metadata(
    cleaned: Cleaned, mail: Mail | None, form: FormAnswer | None, context: Context, path: Path
) -> Metadata:
    """The metadata guessed from the text, then from a mail's or a form's header."""
    parties = [(name, list(aliases)) for name, aliases in context.parties]
    meta = guess_metadata(cleaned, parties, context.authority, path.name)
    if mail is not None:
        apply_header(meta, mail.header, parties, context.authority)
    if form is not None:
        apply_form(meta, form, parties, context.authority)
    return meta


def _title(meta: Metadata, context: Context, path: Path) -> Found[str]:
    """The subject line found, else "Høringssvar fra <sender>" (or the file's name)."""
    if meta.title is not None:
        return meta.title
    sender = meta.sender
    return Found(
        tr_in(context.lang, "Response from {sender}", sender=sender.value)
        if sender is not None
        else tr_in(context.lang, "Response in {name}", name=path.name),
        0.3,
        tr("no subject line in the document"),
    )


def _draft(
    path: Path,
    sha: str,
    extracted: Extracted,
    mail: Mail | None,
    context: Context,
    meta: Metadata,
    blocks: list[Block],
    cleaned: Cleaned,
    title: Found[str],
) -> Draft:
    sender, date = meta.sender, meta.date
    return Draft(
        hearing=context.hearing_id,
        meta=meta,
        blocks=blocks,
        footnotes=cleaned.footnotes,
        source_file=f"received/{path.name}",
        source_name=path.name,
        sha256=sha,
        date=date.value if date is not None else None,
        date_guess=date,
        title=str(title.value),
        title_guess=title,
        sender=str(sender.value) if sender is not None else None,
        sender_guess=sender,
        lang=context.lang,
        note_spans=extracted.note_spans,
        notices=_notices(extracted),
        attachment_sha256=mail.attachment_sha256 if mail is not None else None,
    )


def _guesses(
    draft: Draft, meta: Metadata, title: Found[str], topics: list[TopicGuess]
) -> list[Guessed]:
    """Every value guessed (fields, notices, headings' topics) and every field left empty."""
    guessed = [
        Guessed(key, _shown(found.value), found.confidence, found.found_in, found.score)
        for key, found in (
            ("sender", meta.sender),
            ("date", meta.date),
            ("title", title),
            ("case_number", meta.case_number),
            ("on_behalf_of", meta.on_behalf_of),
            ("signatory", meta.signatory),
            ("recipient", meta.recipient),
            ("no_remarks", meta.no_remarks),
            *draft.notices,
        )
        if found is not None
    ]
    guessed += [
        Guessed(f"heading '{guess.heading}'", guess.value, guess.confidence, guess.explanation)
        for guess in topics
    ]
    guessed += [Guessed(key, "", 0.0, why, unknown=True) for key, why in unknown_fields(draft)]
    return guessed


def _normalised(text: str) -> str:
    return normalise_bullet(normalise_characters(text))


def _mail_header(
    read: Extracted, top: Extracted, mail: Mail | None, form_lines: list[Line]
) -> list[Line]:
    """The lines of a printed mail that are neither its text nor its quoted thread (kept at
    the end of the body): the header block ("Fra:", "Sendt:", …) and the banner above it."""
    kept = {id(line) for line in top.lines + form_lines}
    kept |= {id(line) for line in mail.quoted_lines} if mail is not None else set()
    return [line for line in read.lines if id(line) not in kept]


def _settle(
    draft: Draft, cleaned: Cleaned, taken: list[tuple[str, list[Line]]], read: list[ReadLine]
) -> Account:
    """The ledger: every word read is in the body, a field or ``removed:``; what is in none
    is kept at the end of the body under a heading saying so (and counted)."""
    fields = draft_fields(draft)
    draft.body_lines = body(draft.blocks, draft.footnotes, draft.note_spans, draft.lang)
    text = "\n".join(draft.body_lines)
    text += "\n" + " ".join(block.dropped for block in draft.blocks)
    removed = set_aside(cleaned) + removals(taken)
    account = settle(read, text, fields, removed)
    draft.removed = account.removed
    if account.unplaced:
        draft.blocks = draft.blocks + unplaced_blocks(account, draft.lang)
        draft.body_lines = None  # written again, with them
    return account


def check_size(path: Path, size: int) -> None:
    """Refuse a file whose text (or the source it becomes) is over ``source_mb``: checked
    once the text is read, before it is analysed (the analysis costs seconds per megabyte:
    a 20 MB mail ran for minutes before the source was refused), and again on the source."""
    limits = active()
    if size > limits.source_mb * 1024 * 1024:
        raise ImportFileError(
            path,
            tr(
                "would become a source of {size} MB, more than a source may be",
                size=number(size / 1024 / 1024, 1),
            ),
            hint=tr("split the document up") + "; " + limits.hint("source_mb"),
        )


def _check_buildable(path: Path, markdown: str) -> None:
    """Refuse to write a source that build would refuse (larger than ``source_mb``, a table
    past ``table_rows`` or ``table_cells``): it would block compare for the whole hearing."""
    limits = active()
    check_size(path, len(markdown.encode("utf-8")))
    lines = markdown.count("\n") + 1
    if lines > limits.source_lines:
        raise ImportFileError(
            path,
            tr(
                "would become a source of {lines} lines, more than a source may have",
                lines=number(lines, 0),
            ),
            hint=tr("split the document up") + "; " + limits.hint("source_lines"),
        )
    try:
        check_tables(markdown, 1)
    except SourceErrors as refused:
        first = refused.errors[0]
        raise ImportFileError(
            path,
            tr("would become a source that cannot be built: {reason}", reason=first.message),
            hint=first.hint,
        ) from None


def _notices(extracted: Extracted) -> list[tuple[str, Found[str]]]:
    """What the reader says a person must look at (tracked changes, comments), listed under
    ``guessed:`` so that ``hoering review`` shows it until someone has dealt with it."""
    return [(key, Found(notice(key), 0.5, text)) for key, text in extracted.notices.items()]


def _shown(value: object) -> str:
    if isinstance(value, list):
        return " / ".join(map(str, value))
    return "true" if value is True else str(value)
