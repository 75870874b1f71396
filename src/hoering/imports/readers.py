"""One reader for each kind of file import reads (an e-mail is read by :mod:`.email`, which
hands its attachment back to these). Each takes the file, the ``[import]`` limits and the
language of the hearing, and returns the text as the file holds it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .docx import read_docx
from .kinds import Kind
from .lines import Extracted
from .odt import read_odt
from .pdf import read_pdf
from .safety import Limits

Reader = Callable[[Path, Limits, str], Extracted]


def _pdf(path: Path, limits: Limits, _lang: str) -> Extracted:
    return read_pdf(path, limits)


def _docx(path: Path, _limits: Limits, lang: str) -> Extracted:
    return read_docx(path, lang)


READERS: dict[Kind, Reader] = {Kind.PDF: _pdf, Kind.DOCX: _docx, Kind.ODT: read_odt}


def read(path: Path, kind: Kind, limits: Limits, lang: str) -> Extracted:
    """The text of ``path``, a file of ``kind`` that :func:`~.safety.check_file` let in."""
    return READERS[kind](path, limits, lang)
