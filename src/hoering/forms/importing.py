"""``hoering import export.xlsx --hearing H``: a web form's export copied unchanged into the
hearing's responses/, once its columns have been checked against ``form:`` (a missing column
stops the copy; columns the mapping does not name are reported as not read)."""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError, SourceErrors, display_path
from ..hearing import load_hearing
from ..messages import tr
from ..output import atomic_file
from . import check_table, form_of
from .tables import TABLE_SUFFIXES


@dataclass(frozen=True)
class CopiedTable:
    path: Path  # <hearing>/responses/<name>
    columns: tuple[str, ...]  # the columns form: reads
    warning: str | None  # columns that are not read


def import_table(path: Path, folder: Path, *, force: bool = False) -> CopiedTable:
    """Copy the table ``path`` into ``folder``/responses/ after checking its columns."""
    if not path.is_file():
        raise SourceError(path, tr("file not found"))
    hearing = load_hearing(folder)
    form = form_of(hearing, path)
    check = check_table(path, form, hearing)
    if check.missing:
        raise SourceErrors(check.missing)
    target = hearing.responses_folder / path.name
    _check_not_imported(path, hearing.responses_folder)
    if (
        target.exists()
        and target.resolve() != path.resolve()
        and not force
        and not filecmp.cmp(target, path, shallow=False)
    ):
        raise SourceError(
            path,
            tr("{path} already exists with other answers", path=display_path(target)),
            hint=tr("rename the export, or use --force to replace it"),
        )
    if target.resolve() != path.resolve():
        with atomic_file(target) as temporary:
            shutil.copyfile(path, temporary)  # streamed: an export can be gigabytes
    return CopiedTable(target, tuple(form.columns), check.warning)


def _check_not_imported(path: Path, responses: Path) -> None:
    """Refuse an export whose content is already in responses/ under another name: the
    same answers twice would count each answer twice."""
    if not responses.is_dir():
        return
    size = path.stat().st_size
    for other in sorted(responses.iterdir()):
        if (
            other.suffix.lower() in TABLE_SUFFIXES
            and other.name != path.name
            and other.is_file()
            and other.resolve() != path.resolve()
            and other.stat().st_size == size
            and filecmp.cmp(other, path, shallow=False)
        ):
            raise SourceError(
                path,
                tr("is already imported as {source}", source=display_path(other)),
                hint=tr(
                    "the same export twice would count every answer twice; delete {source} "
                    "first to import it under this name",
                    source=display_path(other),
                ),
            )
