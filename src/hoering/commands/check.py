"""``hoering check``: validate every source (metadata, body, profile); write nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..config import Config, load_config
from ..documents import compose
from ..documents.checks import load_checked, warnings_of
from ..errors import HoeringError, SourceError
from ..log import warn
from ..messages import ntr, tr
from ..organisations import source_organisation
from ..render.templates import TemplateFinder
from ..sources.discovery import discover
from .build import BuildReport, Outcome, outcomes_report
from .report import Report


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What ``hoering check`` is asked: the sources (default: the sources folder)."""

    paths: tuple[Path, ...] = ()


def run(config: Config, options: CheckOptions) -> Report:
    """``hoering check``: validate every source in ``options.paths``; write nothing."""
    result = check(options.paths or None, config=config)
    report = outcomes_report(result)
    report.summary = ntr("{n} source checked", "{n} sources checked", len(result.outcomes))
    if result.failed:
        report.summary += tr(", {n} with errors", n=len(result.failed))
    return report


def check(
    paths: Iterable[Path | str] | None = None, *, config: Config | None = None
) -> BuildReport:
    """Validate every source below ``paths`` (metadata, body, profile); write nothing."""
    config = config or load_config()
    templates = TemplateFinder.of_project(config)
    outcomes = []
    for path in discover(paths, config):
        outcome = Outcome(path)
        try:
            source = load_checked(path, templates)
            outcome.warnings = source.warnings
            compose(source, source_organisation(source, templates))
        except HoeringError as exc:
            outcome.error = exc.located(path) if isinstance(exc, SourceError) else exc
            outcome.warnings = outcome.warnings or warnings_of(exc)
        warn("build", outcome.warnings)
        outcomes.append(outcome)
    return BuildReport(outcomes)
