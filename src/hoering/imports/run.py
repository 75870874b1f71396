"""``hoering import``/``hoering.import_file``: read, analyse, then write the source and keep
the original. The analysis is pure (it runs in worker processes for a batch); only the main
process writes, after checking that nothing of the user's would be replaced."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, load_config
from ..errors import HoeringError, ImportFileError, SourceError, SourceErrors, display_path
from ..forms.importing import CopiedTable, import_table
from ..forms.tables import TABLE_SUFFIXES
from ..hearing import hearing_folder, load_hearing
from ..limits import active
from ..log import warn
from ..messages import number, tr, tr_in
from ..organisations import load_organisation
from ..output import write_atomic
from ..parallel import map_in_processes
from ..render.templates import TemplateFinder
from ..sources.frontmatter import read_source
from ..sources.markdown import check_tables
from ..text import slug
from .characters import normalise_bullet, normalise_characters
from .cleanup import Cleaned, clean
from .duplicates import Received, duplicate_error, imported_before, received_files
from .email import (
    Mail,
    appendix,
    apply_header,
    printed_mail,
    quoted_paragraphs,
    split_quoted,
)
from .eml import read_eml, text_lines
from .kinds import Kind
from .ledger import (
    Account,
    ReadLine,
    draft_fields,
    read_lines,
    removals,
    set_aside,
    settle,
    unplaced_blocks,
    unplaced_warning,
)
from .lines import Extracted, Line
from .metadata import Found, guess_metadata
from .readers import read as read_file
from .review import notice
from .safety import Limits, check_file
from .sectioning import assign_topics
from .structure import structure
from .topics import TopicSpec
from .webform import FormAnswer, apply_form, printed_form
from .writer import Draft, body, render, unknown_fields


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


@dataclass
class Imported:
    """What ``import_file`` wrote and what it guessed (to be confirmed by a person)."""

    path: Path  # the new source, <hearing>/responses/<slug>.md
    original: Path  # the unchanged copy, <hearing>/received/<name>
    guessed: list[Guessed]
    pages: int = 1
    table: CopiedTable | None = None  # a web form's export copied as it is
    # words of the file in neither the body, the front matter nor ``removed:`` (the ledger);
    # they are kept at the end of the body under a heading saying so
    unaccounted: int = 0
    unplaced_pages: tuple[int, ...] = ()


@dataclass
class ImportReport:
    imported: list[Imported] = field(default_factory=list)
    failed: list[tuple[Path, HoeringError]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class _Context:
    hearing_id: str
    lang: str
    parties: tuple[tuple[str, tuple[str, ...]], ...]
    topics: tuple[TopicSpec, ...]
    deadline: str
    limits: Limits
    authority: tuple[str, ...] = ()  # its names and domains: never a response's sender


def import_file(
    path: Path | str, hearing: Path | str, *, force: bool = False, config: Config | None = None
) -> Imported:
    """Import one PDF or DOCX response into the hearing folder ``hearing``.

    Writes ``<hearing>/responses/<slug>.md`` and copies the original unchanged to
    ``<hearing>/received/``. Raises :class:`~hoering.errors.HoeringError` (nothing written)
    when the file cannot be read or would replace a source without ``force``.
    """
    report = import_files([path], hearing, force=force, config=config)
    if report.failed:
        raise report.failed[0][1]
    return report.imported[0]


def import_files(
    paths: Iterable[Path | str],
    hearing: Path | str,
    *,
    force: bool = False,
    config: Config | None = None,
    executor: Executor | None = None,
    on_progress: Callable[[Path, Imported | HoeringError], None] | None = None,
) -> ImportReport:
    """Import several files; a bad file is reported and the others are still imported."""
    config = config if config is not None else load_config()
    folder = hearing_folder(hearing, config)
    context = _context(folder, config)
    files = list({Path(p).resolve(): Path(p) for p in paths}.values())  # each file once
    report = ImportReport()
    planned: set[Path] = set()
    known = received_files(folder / "responses")
    files = _import_tables(files, folder, force, report, on_progress)
    for path, analysed in zip(files, _analyse_all(files, context, executor), strict=True):
        result = (
            _written(path, analysed, folder, force, planned, known)
            if isinstance(analysed, Analysis)
            else analysed
        )
        if isinstance(result, Imported):
            report.imported.append(result)
        else:
            report.failed.append((path, result))
        if on_progress is not None:
            on_progress(path, result)
        if isinstance(result, Imported) and result.unaccounted:
            warn("import", [unplaced_warning(path, result.unaccounted, result.unplaced_pages)])
    return report


def _import_tables(
    paths: list[Path],
    folder: Path,
    force: bool,
    report: ImportReport,
    on_progress: Callable[[Path, Imported | HoeringError], None] | None,
) -> list[Path]:
    """Web-form exports (CSV, XLSX, Parquet) are copied as they are (hoering.forms); the
    other files are returned, to be read as letters."""
    letters = []
    for path in paths:
        if path.suffix.lower() not in TABLE_SUFFIXES:
            letters.append(path)
            continue
        try:
            copied = import_table(path, folder, force=force)
            imported = Imported(copied.path, copied.path, [], 0, table=copied)
            report.imported.append(imported)
            result: Imported | HoeringError = imported
        except HoeringError as exc:
            result = exc
            report.failed.append((path, exc))
        if on_progress is not None:
            on_progress(path, result)
        if isinstance(result, Imported) and result.table and result.table.warning:
            warn("import", [result.table.warning])  # after the line saying it was copied
    return letters


def _context(folder: Path, config: Config) -> _Context:
    hearing = load_hearing(folder)
    meta = hearing.meta
    return _Context(
        hearing_id=meta.id,
        lang=meta.lang,  # one of hoering.languages: hearing.yaml is checked when read
        parties=tuple((p.name, tuple(p.aliases)) for p in meta.consulted),
        topics=tuple(TopicSpec(t.id, t.title, t.section, tuple(t.keywords)) for t in meta.topics),
        deadline=meta.deadline.isoformat(),
        limits=Limits.from_config(config),
        authority=_authority(meta.authority, config),
    )


def _authority(organisation_id: str, config: Config) -> tuple[str, ...]:
    """The names (and web and e-mail domains) the hearing's authority goes by."""
    names = [organisation_id.replace("-", " ")]
    try:
        templates = TemplateFinder.of_project(config)
        profile = load_organisation(organisation_id, templates).profile
    except HoeringError:
        return tuple(names)
    names.append(profile.name)
    names += [
        address.split("@")[-1].removeprefix("www.")
        for address in (profile.email, profile.web)
        if address
    ]
    return tuple(names)


def _analyse_all(
    paths: list[Path], context: _Context, executor: Executor | None
) -> list[Analysis | HoeringError]:
    """The analysis of each file, in order: an Analysis or the error that file gave. A file
    that kills its worker process (out of memory, a crash in a C library) fails alone."""
    jobs = [(path, context) for path in paths]
    # ~80 ms a file: chunks of 4 keep both cores busy to the last file
    return list(
        map_in_processes(_analyse_job, jobs, chunk_max=4, executor=executor, on_crash=_crashed)
    )


def _crashed(job: tuple[Path, _Context], _exc: BaseException) -> ImportFileError:
    return _failed(
        job[0], tr("the process reading it stopped unexpectedly (it may have run out of memory)")
    )


def _analyse_job(job: tuple[Path, _Context]) -> Analysis | HoeringError:
    """Analyse one file (in a worker process); never raises: whatever goes wrong in one
    file, in our code or a library's, becomes that file's error and the batch goes on."""
    path, context = job
    try:
        return analyse(path, context)
    except SourceError as exc:
        return exc.located(path)
    except HoeringError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - RecursionError, BadZipFile, MemoryError, …
        return _failed(path, _reason(exc), traceback.format_exc())


def _failed(path: Path, reason: str, detail: str | None = None) -> ImportFileError:
    error = ImportFileError(
        path,
        tr("could not be read: {reason}", reason=reason),
        hint=tr(
            "please report it, with the file if you may share it; "
            "'hoering --debug import …' shows the details"
        ),
    )
    error.detail = detail
    return error


def _reason(exc: BaseException) -> str:
    """A short, one-line reason: the exception's type and the first line of its message."""
    if isinstance(exc, MemoryError):
        return tr("out of memory")
    if isinstance(exc, RecursionError):
        return tr("it is nested too deeply (RecursionError)")
    text = " ".join(str(exc).split())
    text = text if len(text) <= 80 else text[:79] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def analyse(path: Path, context: _Context) -> Analysis:
    """Read ``path`` and return the Markdown source it becomes (nothing is written)."""
    kind = check_file(path, context.limits)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    mail: Mail | None
    if kind is Kind.EML:
        mail = _read_eml(path, context.limits, context.lang)
        extracted = read = mail.top
    else:
        extracted = read = read_file(path, kind, context.limits, context.lang)
        mail = printed_mail(extracted)
        extracted = mail.top if mail is not None else extracted
    _check_size(path, sum(len(line.text.encode("utf-8")) + 1 for line in read.lines))
    form = printed_form(extracted) if mail is None else None
    extracted = form.top if form is not None else extracted
    return _understand(path, sha, extracted, mail, context, form, read)


def _read_eml(path: Path, limits: Limits, lang: str) -> Mail:
    """An .eml file: its text is the response, or its PDF/DOCX attachment is (read as any
    file is, with the mail's sender and date; the mail's own text then goes in the appendix)."""
    eml = read_eml(path)
    if eml.attachment is None:
        top, quoted = split_quoted(text_lines(eml.text))
        return Mail(eml.header, Extracted(Kind.EML, top), quoted_paragraphs(quoted))
    name, content = eml.attachment
    with tempfile.TemporaryDirectory() as folder:
        attached = Path(folder) / ("attachment" + Path(name).suffix.lower())
        attached.write_bytes(content)
        try:
            extracted = read_file(attached, check_file(attached, limits), limits, lang)
        except ImportFileError as exc:
            raise ImportFileError(
                path,
                tr("its attachment {name}: {problem}", name=name, problem=exc.message),
                hint=exc.hint,
            ) from None
    cover = quoted_paragraphs(text_lines(eml.text))
    attached_sha = hashlib.sha256(content).hexdigest()
    return Mail(eml.header, extracted, cover, covering=True, attachment_sha256=attached_sha)


def _understand(
    path: Path,
    sha: str,
    extracted: Extracted,
    mail: Mail | None,
    context: _Context,
    form: FormAnswer | None = None,
    read: Extracted | None = None,
) -> Analysis:
    read = read if read is not None else extracted
    read_text = read_lines(read, _normalised)
    form_lines = form.header if form is not None else []
    mail_lines = _mail_header(read, extracted, mail, form_lines)
    cleaned = clean(extracted)
    blocks = structure(cleaned.body, cleaned.body_size)
    parties = [(name, list(aliases)) for name, aliases in context.parties]
    meta = guess_metadata(cleaned, parties, context.authority, path.name)
    if mail is not None:
        apply_header(meta, mail.header, parties, context.authority)
    if form is not None:
        apply_form(meta, form, parties, context.authority)
    sender, date = meta.sender, meta.date
    title = meta.title or Found(
        tr_in(context.lang, "Response from {sender}", sender=sender.value)
        if sender is not None
        else tr_in(context.lang, "Response in {name}", name=path.name),
        0.3,
        tr("no subject line in the document"),
    )
    if blocks and blocks[0].kind == "heading" and blocks[0].text == title.value:
        blocks = blocks[1:]
    blocks, topics = assign_topics(blocks, list(context.topics))
    if mail is not None and mail.quoted:
        blocks += appendix(mail, context.lang)
    draft = Draft(
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
    account = _settle(
        draft, cleaned, [("mail_header", mail_lines), ("form_field", form_lines)], read_text
    )
    guessed = [
        Guessed(key, _shown(found.value), found.confidence, found.found_in, found.score)
        for key, found in (
            ("sender", sender),
            ("date", date),
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
    name = slug(str(sender.value)) if sender is not None else slug(path.stem) or "svar"
    markdown = render(draft)
    _check_buildable(path, markdown)
    return Analysis(
        path,
        sha,
        name,
        markdown,
        guessed,
        extracted.pages,
        account.unaccounted,
        tuple(account.pages),
        draft.attachment_sha256,
    )


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


def _check_size(path: Path, size: int) -> None:
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
    _check_size(path, len(markdown.encode("utf-8")))
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


def _written(
    path: Path,
    analysis: Analysis,
    folder: Path,
    force: bool,
    planned: set[Path],
    known: list[Received],
) -> Imported | HoeringError:
    """The analysed file written (:func:`_write`), or the error that writing it gave."""
    try:
        return _write(analysis, folder, force, planned, known)
    except HoeringError as exc:
        return exc
    except OSError as exc:  # a full disk, a folder without write permission
        return ImportFileError(
            path,
            tr("could not be written: {reason}", reason=_reason(exc)),
            hint=tr("check the hearing folder's space and permissions"),
        )


def _write(
    analysis: Analysis, folder: Path, force: bool, planned: set[Path], known: list[Received]
) -> Imported:
    """Write the source as responses/<sender>.md; a second file from the same sender (in this
    batch or an earlier one) goes beside it as <sender>-2.md. A file already imported (in
    this batch or an earlier one; see :mod:`.duplicates`) is refused, and with ``force``
    replaces the source made from it."""
    found = imported_before(analysis.sha256, analysis.attachment_sha256, known)
    if found is not None and not force:
        raise duplicate_error(analysis.original, found)
    target = found[0].source if found is not None else _free_target(analysis, folder, planned)
    original = folder / "received" / analysis.original.name
    if target.exists() and not force:
        raise ImportFileError(
            analysis.original,
            tr("{path} already exists", path=display_path(target)),
            hint=tr("it may hold corrections; use --force to replace it"),
        )
    if original.exists() and not force and _sha256(original) != analysis.sha256:
        raise ImportFileError(
            analysis.original,
            tr("{path} already exists with other content", path=display_path(original)),
            hint=tr("rename the file, or use --force to replace the kept original"),
        )
    if original.resolve() != analysis.original.resolve():
        write_atomic(original, analysis.original.read_bytes())
        shutil.copystat(analysis.original, original)
        os.chmod(original, 0o644)
    write_atomic(target, analysis.markdown.encode("utf-8"))
    planned.add(target)
    received = Received(target, analysis.original.name, analysis.sha256, analysis.attachment_sha256)
    known[:] = [k for k in known if k.source != target] + [received]
    return Imported(
        target,
        original,
        analysis.guessed,
        analysis.pages,
        unaccounted=analysis.unaccounted,
        unplaced_pages=analysis.unplaced_pages,
    )


def _free_target(analysis: Analysis, folder: Path, planned: set[Path]) -> Path:
    """responses/<sender>.md, or <sender>-2.md … beside another source of the sender."""
    responses = folder / "responses"
    target = responses / f"{analysis.slug}.md"
    number = 2
    while target in planned or (target.exists() and not _made_from(target, analysis)):
        target = responses / f"{analysis.slug}-{number}.md"
        number += 1
    return target


def _made_from(source: Path, analysis: Analysis) -> bool:
    """Whether the existing ``source`` was imported from the same file (same content, or
    the same name in received/): importing it again replaces it (with --force)."""
    try:
        received = read_source(source).metadata.get("source")
    except HoeringError:
        return False
    if not isinstance(received, dict):
        return False  # written by a person, not imported: another file goes beside it
    return (
        received.get("sha256") == analysis.sha256 or received.get("name") == analysis.original.name
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
