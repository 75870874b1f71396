"""``hoering review``: what import guessed in a hearing's responses, listed to be confirmed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import ntr, tr
from .project import hearing_or_here
from .report import Report

if TYPE_CHECKING:
    from ..config import Config
    from ..imports.review import ReviewItem


@dataclass(frozen=True, slots=True)
class ReviewOptions:
    """What ``hoering review`` is asked: the hearing (default: the one the current folder
    is in)."""

    hearing: Path | None = None


def run(config: Config, options: ReviewOptions) -> Report:
    """``hoering review``: what import guessed in a hearing's responses, to confirm."""
    from ..imports.review import review_all

    items, removed = review_all(hearing_or_here(options.hearing, config), config=config)
    report = Report(lines=[str(item) for item in items])
    if not items:
        report.lines.append(tr("Nothing to confirm: no guessed values left"))
    else:
        report.lines.append(_guesses_left(items))
    if removed:
        report.lines.append(tr("Taken out of the text by import (listed under removed:):"))
        report.lines += [str(item) for item in removed]
    return report


def _guesses_left(items: list[ReviewItem]) -> str:
    return ntr(
        "{n} guess to confirm in {files}",
        "{n} guesses to confirm in {files}",
        len(items),
        files=ntr("{n} file", "{n} files", len({item.path for item in items})),
    )
