"""What a preview shows: one source's document, or a hearing's høringsnotat.

A :class:`Target` makes the HTML and the PDF in this process (so the second build and every
one after it find the libraries, templates and profiles loaded) and names the folders whose
changes should rebuild it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..comparison.model import Comparison
from ..comparison.outputs import NOTAT, OutputOptions, make_outputs
from ..config import Config
from ..documents import compose
from ..errors import SourceError
from ..hearing import HEARING_FILE, hearing_folder
from ..messages import tr
from ..model import Document
from ..organisations import source_organisation
from ..render import render
from ..render.templates import TemplateFinder
from ..sources import load_source


@dataclass(frozen=True)
class Target:
    """A source file or a hearing folder, in a project."""

    path: Path
    config: Config

    @classmethod
    def of(cls, path: Path | str, config: Config) -> Target:
        """The target ``path`` names: a ``.md`` source, a hearing's folder or its id."""
        given = Path(path)
        folder = hearing_folder(given, config)
        if folder.is_dir() and (folder / HEARING_FILE).is_file():
            return cls(folder.resolve(), config)
        if given.is_file() and given.suffix == ".md":
            return cls(given.resolve(), config)
        raise SourceError(
            given,
            tr("nothing to preview here"),
            hint=tr("give a source (.md) or a hearing's folder (with hearing.yaml)"),
        )

    @property
    def is_hearing(self) -> bool:
        return self.path.is_dir()

    @property
    def name(self) -> str:
        return self.path.name

    def templates(self) -> TemplateFinder:
        return TemplateFinder.of_project(self.config)

    def watched(self) -> list[Path]:
        """Folders whose changes may change the output: the source's folder (images sit next
        to it; editors save by renaming) or the hearing's, and the project's templates."""
        folders = [self.path if self.is_hearing else self.path.parent]
        if self.config.templates.is_dir():
            folders.append(self.config.templates)
        return folders

    def make(self, fmt: str) -> tuple[bytes, list[str]]:
        """The ``fmt`` ("html" or "pdf") file and the warnings made on the way."""
        if self.is_hearing:
            return self._notat(fmt), []
        return self._document(fmt)

    def _document(self, fmt: str) -> tuple[bytes, list[str]]:
        document, warnings = self.composed()
        return render(document, fmt, self.templates()), warnings

    def composed(self) -> tuple[Document, list[str]]:
        """The source's document, and the warnings made reading it."""
        templates = self.templates()
        try:
            source = load_source(self.path)
            document = compose(source, source_organisation(source, templates))
        except SourceError as exc:
            raise exc.located(self.path) from None
        return document, list(source.warnings)

    def _notat(self, fmt: str) -> bytes:
        from ..comparison.collect import compare

        return self.notat_of(compare(self.path, config=self.config), fmt)

    def notat_of(self, comparison: Comparison, fmt: str) -> bytes:
        """The høringsnotat of ``comparison`` (of this hearing) as ``fmt``, as compare makes it."""
        files = make_outputs(
            comparison, OutputOptions(formats=(fmt,), bundle=False), config=self.config
        )
        return files[f"{NOTAT}.{fmt}"]
