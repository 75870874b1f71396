"""``samlede-hoeringssvar.pdf``: every response in one PDF, a first page listing them and a
bookmark per respondent. Imported responses go in as the original PDF that was received;
authored ones (and originals that are not PDFs) as the PDF hoering builds from the source."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..documents import compose
from ..errors import SourceError
from ..i18n import format_date, label
from ..languages import codes
from ..messages import tr, tr_in
from ..model import Document
from ..model import nodes as n
from ..organisations import Organisation, source_organisation
from ..parallel import PARALLEL_FROM, map_in_processes
from ..paths import confined
from ..render import render
from ..render.templates import TemplateFinder
from ..sources import Source, load_source
from .active_content import strip_active_content
from .model import Comparison, Respondent
from .notat import notat_lang


def bundle_pdf(
    comparison: Comparison, authority: Organisation, templates: TemplateFinder, date: dt.date
) -> bytes:
    from .joined_pdf import JoinedPdf, Part, saved

    files = [
        (respondent, path, answered)
        for respondent in comparison.respondents
        for path, answered in zip(respondent.files, _dates(respondent), strict=True)
    ]
    pdfs = _pdfs([path for _respondent, path, _date in files], templates)
    # each response is parsed once: its length for the cover, its pages for the bundle
    parts = [
        (respondent, answered, _opened(data, path))
        for (respondent, path, answered), data in zip(files, pdfs, strict=True)
    ]
    lang = notat_lang(comparison)
    cover, described = _cover(comparison, authority, parts, lang, date, templates)
    joined = JoinedPdf()
    joined.append(cover)
    for respondent, answered, source in parts:
        strip_active_content(source)
        title = bookmark(respondent, answered, lang)
        joined.append(source, Part(title, untagged=label("untagged_original", described.lang)))
    pdf = joined.finish()
    _describe(pdf, described)
    return saved(pdf)


# a respondent, the date of one of their responses (None: unknown), and its PDF (pikepdf)
Response = tuple[Respondent, dt.date | None, Any]


def _dates(respondent: Respondent) -> tuple[dt.date | None, ...]:
    """The date of each of the respondent's files: ``dates`` runs beside ``files`` unless
    a date is unknown, when each file's own is read."""
    if len(respondent.dates) == len(respondent.files):
        return respondent.dates
    return tuple(load_source(path).meta.date for path in respondent.files)


def bookmark(respondent: Respondent, answered: dt.date | None, lang: str) -> str:
    """A response's bookmark: the respondent's name, with the date when it answered twice."""
    if not respondent.answered_twice or answered is None:
        return respondent.name
    return f"{respondent.name} ({tr_in(lang, 'response of')} {format_date(answered, lang)})"


def _opened(data: bytes, path: Path | None) -> Any:
    """A response's PDF (or the cover) opened for joining; one pikepdf cannot read is an
    error about the response."""
    from pikepdf import Pdf, PdfError

    try:
        return Pdf.open(io.BytesIO(data))
    except PdfError as error:
        raise SourceError(
            path,
            tr("its PDF cannot be joined into the bundle: {problem}", problem=_problem(error)),
            hint=tr("import the response again, or leave the bundle out with --no-bundle"),
        ) from None


def _problem(error: Exception) -> str:
    """qpdf's words without the name it gave the bytes (``stream <_io.BytesIO …>: ``)."""
    return str(error).split(": ", 1)[-1][:200]


def _describe(pdf: Any, cover: Document) -> None:
    """The cover's title, author and language in the document information and in XMP
    metadata, the title shown instead of the file name (the structure tree, marked, is the
    joined PDFs')."""
    from pikepdf import Dictionary, Name, String

    title, author, language = cover.title, cover.author, cover.language_tag
    pdf.Root.Lang = String(language)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:title"] = title
        xmp["dc:creator"] = [author]
        xmp["dc:language"] = [language]
        xmp["dc:format"] = "application/pdf"
    pdf.docinfo[Name.Title] = String(title)
    pdf.docinfo[Name.Author] = String(author)


def _pdfs(paths: list[Path], templates: TemplateFinder) -> list[bytes]:
    """The PDF of every response, in order; built in worker processes when there are many
    (building one is ~15 ms, like ``hoering build``)."""
    from functools import partial

    return list(
        map_in_processes(
            partial(_pdf_of, templates=templates), paths, serial_below=PARALLEL_FROM * 4
        )
    )


def _pdf_of(path: Path, templates: TemplateFinder) -> bytes:
    """The received original when the response was imported from a PDF, else the PDF
    hoering builds from the source."""
    source = load_source(path)
    if source.meta.source is not None and source.meta.source.file.lower().endswith(".pdf"):
        return received_original(source)
    document = compose(source, source_organisation(source, templates))
    if source.meta.source is not None:
        document = retypeset(document, source)
    return render(document, "pdf", templates)


def retypeset(document: Document, source: Source) -> Document:
    """A received response that was not a PDF (a DOCX, an e-mail), set again from its
    imported text: its first lines say so, and it carries no title import made up."""
    meta = source.meta
    received = meta.source
    assert received is not None
    kind = Path(received.name).suffix.lstrip(".").upper() or received.name
    said = tr_in(
        meta.lang,
        "Received as {kind} ({name}); set here again from the imported text, so the layout "
        "is not the sender's.",
        kind=kind,
        name=received.name,
    )
    note = n.Paragraph((n.Emphasis((n.Text(said),)),))
    return replace(
        document,
        title="" if _made_up_title(source) else document.title,
        blocks=(note, *document.blocks),
    )


def _made_up_title(source: Source) -> bool:
    """Whether the title is the one import writes when a letter has no subject line
    ("Høringssvar fra …") and nobody has confirmed it."""
    meta = source.meta
    made_up = {tr_in(lang, "Response from {sender}", sender=meta.sender) for lang in codes()}
    return "title" in meta.guessed and meta.title in made_up


def received_original(source: Source) -> bytes:
    """The bytes of an imported response's original: only a file inside the hearing's
    received/ folder, and only when it is still the file that was imported (its SHA-256)."""
    import hashlib

    received = source.meta.source
    hearing = source.path.parent.parent
    line = source.raw.line_of(("source", "file"))
    original = confined(
        hearing / received.file,
        [hearing / "received"],
        origin=source.path,
        line=line,
        key="source.file",
        what="'" + received.file[:80] + "'",
        allowed=tr("the hearing's received/ folder"),
    )
    if not original.is_file():
        raise SourceError(
            source.path,
            tr("the original '{file}' is missing", file=received.file),
            line=line,
            key="source.file",
            hint=tr(
                "put the received file back, or remove the 'source:' block to bundle the "
                "response as written"
            ),
        )
    data = original.read_bytes()
    if hashlib.sha256(data).hexdigest() != received.sha256:
        raise SourceError(
            source.path,
            tr(
                "the original '{file}' has changed since it was imported (its SHA-256 differs)",
                file=received.file,
            ),
            line=source.raw.line_of(("source", "sha256")),
            key="source.sha256",
            hint=tr(
                "put back the file that was received, or import it again with "
                "'hoering import --force'"
            ),
        )
    return data


def _cover(
    comparison: Comparison,
    authority: Organisation,
    parts: list[Response],
    lang: str,
    date: dt.date,
    templates: TemplateFinder,
) -> tuple[Any, Document]:
    """The first page(s): who answered, when, and on which page of the bundle their response
        starts. The page numbers depend on how long the cover itself is, so it is laid out again
        until its length settles (once, unless the list runs over a page break). Returns the cover
    opened for joining and the document it was laid out from."""
    lengths = [len(source.pages) for _respondent, _path, source in parts]
    cover_pages = 1
    for _attempt in range(4):
        document = _cover_document(comparison, authority, parts, lengths, cover_pages, lang, date)
        cover = _opened(render(document, "pdf", templates), None)
        if len(cover.pages) == cover_pages:
            break
        cover_pages = len(cover.pages)
    return cover, document


def _cover_document(
    comparison: Comparison,
    authority: Organisation,
    parts: list[Response],
    lengths: list[int],
    cover_pages: int,
    lang: str,
    date: dt.date,
) -> Document:
    page = cover_pages + 1
    rows = []
    for (respondent, answered, _reader), length in zip(parts, lengths, strict=True):
        rows.append(
            (
                n.TableCell((n.Text(respondent.name),)),
                n.TableCell((n.Text(format_date(answered, lang) if answered else ""),)),
                n.TableCell((n.Text(str(page)),)),
            )
        )
        page += length
    meta = comparison.hearing.meta
    return Document(
        kind="bundle",
        lang=lang,
        title=f"{label('bundle', lang)}: {meta.title}",
        author=authority.name,
        date=date,
        letterhead=authority.letterhead(meta.department, lang),
        blocks=(
            n.Table(
                (
                    n.TableCell((n.Text(label("party", lang)),)),
                    n.TableCell((n.Text(label("received", lang)),)),
                    n.TableCell((n.Text(label("page", lang)),)),
                ),
                tuple(rows),
                align=(None, None, "right"),
                widths=(2.4, 1.4, 0.6),
                row_headers=True,
                caption=label("bundle", lang),
            ),
        ),
        subject=meta.title,
        bundle_pages=page - 1,
    )
