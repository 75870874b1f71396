"""``hoering remarks``: the authority's answer sheet, ``<hearing>/remarks.md``, gets an entry
for every respondent and topic with a remark that has none yet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import display_path
from ..messages import ntr, tr
from ..output import write_atomic
from .project import hearing_or_here
from .report import Report

if TYPE_CHECKING:
    from ..comparison.model import Comparison
    from ..config import Config


@dataclass(frozen=True, slots=True)
class RemarksOptions:
    """What ``hoering remarks`` is asked: the hearing (default: the one the current folder
    is in)."""

    hearing: Path | None = None


def run(config: Config, options: RemarksOptions) -> Report:
    """``hoering remarks``: add an entry for every remark to the hearing's remarks.md."""
    from ..comparison.collect import compare

    hearing = hearing_or_here(options.hearing, config)
    comparison = compare(hearing, config=config, answers_expected=False)  # it makes room
    path, added = write_remarks(comparison)
    if not added:
        report = Report(lines=[tr("{path} has an entry for every remark", path=display_path(path))])
    else:
        said = ntr(
            "Added {n} entry to {path}",
            "Added {n} entries to {path}",
            added,
            path=display_path(path),
        )
        report = Report(lines=[said], written=[path])
    left_out(report, comparison)  # their remarks get no entry until they can be read
    return report


def write_remarks(comparison: Comparison) -> tuple[Path, int]:
    """Add to the hearing's remarks.md an entry for every respondent and topic with a remark
    that has none yet (creating the file the first time); what is written is never changed.
    Returns the file and how many entries were added."""
    from ..comparison.answer_sheet import with_entries
    from ..comparison.notat import notat_lang
    from ..comparison.remarks import REMARKS_FILE

    path = comparison.hearing.folder / REMARKS_FILE
    old = path.read_text("utf-8") if path.is_file() else ""
    new, added = with_entries(comparison, old, notat_lang(comparison))
    if new != old:
        write_atomic(path, new.encode("utf-8"))
    return path, added


def left_out(report: Report, comparison: Comparison) -> None:
    """Each response that could not be read as an error, in the words build gives it, and
    how many were left out as the summary (the command then exits 1)."""
    for left in comparison.left_out:
        report.add_error(left.error)
    files = len({left.path for left in comparison.left_out})
    if files:
        report.summary = ntr(
            "{n} response was left out of the comparison: it could not be read",
            "{n} responses were left out of the comparison: they could not be read",
            files,
        )
