"""``hoering import``: letters received (PDF, DOCX, e-mail) become Markdown sources; web-form
exports are copied as they are. Named ``import_`` because ``import`` is Python's word."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import HoeringError, display_path
from ..messages import ntr, tr
from .project import hearing_or_here
from .report import Report

if TYPE_CHECKING:
    from ..config import Config
    from ..imports.run import Imported
    from ..imports.understand import Guessed


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What ``hoering import`` is asked: the files, the hearing (default: the one the
    current folder is in), and whether to replace a source made from the same file."""

    files: tuple[Path, ...]
    hearing: Path | None = None
    force: bool = False


def run(
    config: Config, options: ImportOptions, on_file: Callable[[Report], None] | None = None
) -> Report:
    """``hoering import``: letters (PDF, DOCX, .eml) become sources, web-form exports are
    copied; ``on_file`` gets each file's report as soon as it is done. A bad file is
    reported and the others are still imported."""
    from ..imports.run import import_files

    folder = hearing_or_here(options.hearing, config)
    shown = on_file or (lambda _report: None)
    result = import_files(
        options.files,
        folder,
        force=options.force,
        config=config,
        on_progress=lambda path, outcome: shown(_imported(path, outcome)),
    )
    report = Report(written=[i.path for i in result.imported], failed=bool(result.failed))
    if result.failed:
        report.summary = tr(
            "{imported} imported, {failed} failed: {names}",
            imported=len(result.imported),
            failed=len(result.failed),
            names=", ".join(display_path(path) for path, _ in result.failed),
        )
    elif any(i.table is None for i in result.imported):
        hint = tr("Check the guesses with: hoering review {hearing}", hearing=display_path(folder))
        report.lines.append(hint)
    return report


def _imported(path: Path, outcome: Imported | HoeringError) -> Report:
    """One imported file's report: the source written, or the export copied, or the error."""
    report = Report()
    if isinstance(outcome, HoeringError):
        report.add_error(outcome, getattr(outcome, "detail", None))
    elif outcome.table is not None:  # a web form's export: copied, columns checked
        report.lines.append(
            tr(
                "Copied {path} to {copy} (columns read: {columns})",
                path=display_path(path),
                copy=display_path(outcome.path),
                columns=", ".join(outcome.table.columns),
            )
        )
        report.warnings.extend([outcome.table.warning] if outcome.table.warning else [])
    else:
        report.lines.append(
            tr(
                "Imported {path} ({guesses}; original kept as {original})",
                path=display_path(outcome.path),
                guesses=_guesses(outcome.guessed),
                original=display_path(outcome.original),
            )
        )
    return report


def _guesses(guessed: list[Guessed]) -> str:
    unknown = sum(1 for g in guessed if g.unknown)
    unsure = sum(1 for g in guessed if g.confidence < 0.7 and not g.unknown)
    known = len(guessed) - unknown
    text = ntr("{n} guess", "{n} guesses", known) if known else tr("no guesses")
    text += ntr(", {n} uncertain", ", {n} uncertain", unsure) if unsure else ""  # usikkert/-e
    return text + ntr(", {n} unknown", ", {n} unknown", unknown) if unknown else text
