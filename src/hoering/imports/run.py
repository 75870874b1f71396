"""``hoering import``/``hoering.import_file``: read, analyse, then write the source and keep
the original. The analysis is pure (it runs in worker processes for a batch; what it does
with a file's text is :mod:`.understand`); only the main process writes, after checking that
nothing of the user's would be replaced."""

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
from ..errors import HoeringError, ImportFileError, SourceError, display_path
from ..forms.importing import CopiedTable, import_table
from ..forms.tables import TABLE_SUFFIXES
from ..hearing import hearing_folder, load_hearing
from ..log import warn
from ..messages import tr
from ..organisations import load_organisation
from ..output import write_atomic
from ..parallel import map_in_processes
from ..render.templates import TemplateFinder
from ..sources.frontmatter import read_source
from .duplicates import Received, duplicate_error, imported_before, received_files
from .email import (
    Mail,
    printed_mail,
    quoted_paragraphs,
    split_quoted,
)
from .eml import read_eml, text_lines
from .kinds import Kind
from .ledger import (
    unplaced_warning,
)
from .lines import Extracted
from .readers import read as read_file
from .safety import Limits, check_file
from .topics import TopicSpec
from .understand import Analysis, Context, Guessed, check_size, understand
from .webform import printed_form


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


def _context(folder: Path, config: Config) -> Context:
    hearing = load_hearing(folder)
    meta = hearing.meta
    return Context(
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
    paths: list[Path], context: Context, executor: Executor | None
) -> list[Analysis | HoeringError]:
    """The analysis of each file, in order: an Analysis or the error that file gave. A file
    that kills its worker process (out of memory, a crash in a C library) fails alone."""
    jobs = [(path, context) for path in paths]
    # ~80 ms a file: chunks of 4 keep both cores busy to the last file
    return list(
        map_in_processes(_analyse_job, jobs, chunk_max=4, executor=executor, on_crash=_crashed)
    )


def _crashed(job: tuple[Path, Context], _exc: BaseException) -> ImportFileError:
    return _failed(
        job[0], tr("the process reading it stopped unexpectedly (it may have run out of memory)")
    )


def _analyse_job(job: tuple[Path, Context]) -> Analysis | HoeringError:
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


def analyse(path: Path, context: Context) -> Analysis:
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
    check_size(path, sum(len(line.text.encode("utf-8")) + 1 for line in read.lines))
    form = printed_form(extracted) if mail is None else None
    extracted = form.top if form is not None else extracted
    return understand(path, sha, extracted, mail, context, form, read)


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
