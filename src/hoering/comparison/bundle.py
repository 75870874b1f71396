"""``samlede-hoeringssvar.pdf``: every response in one PDF, a first page listing them and a
bookmark per respondent. Imported responses go in as the original PDF that was received;
authored ones (and originals that are not PDFs) as the PDF hoering builds from the source."""

from __future__ import annotations

import io
from pathlib import Path

from ..i18n import format_date, label
from ..model import Document
from ..model import nodes as n
from ..organisations import Organisation
from ..render.templates import TemplateFinder
from .model import Comparison


def bundle_pdf(comparison: Comparison, authority: Organisation, templates: TemplateFinder,
               date) -> bytes:
    from pypdf import PdfReader, PdfWriter

    parts = [(respondent, path, _pdf_of(path, respondent.received, templates))
             for respondent in comparison.respondents for path in respondent.files]
    lang = comparison.hearing.meta.lang if comparison.hearing.meta.lang in ("da", "en") else "da"
    cover = _cover(comparison, authority, parts, lang, date, templates)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(cover)))
    for respondent, path, data in parts:
        title = respondent.name if len(respondent.files) == 1 else (
            f"{respondent.name} ({path.name})")
        writer.append(PdfReader(io.BytesIO(data)), outline_item=title)
    writer.add_metadata({"/Title": f"{label('bundle', lang)}: {comparison.hearing.meta.title}",
                         "/Author": authority.name})
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf_of(path: Path, received: tuple[Path, ...], templates: TemplateFinder) -> bytes:
    from ..documents import compose
    from ..pipeline import organisation_for
    from ..render import render
    from ..sources import load_source

    source = load_source(path)
    if source.meta.source is not None:
        original = path.parent.parent / source.meta.source.file
        if original.suffix.lower() == ".pdf" and original.is_file():
            return original.read_bytes()
    document = compose(source, organisation_for(source, templates))
    return render(document, "pdf", templates)


def _cover(comparison: Comparison, authority: Organisation, parts, lang: str, date,
           templates: TemplateFinder) -> bytes:
    from pypdf import PdfReader

    from ..render import render

    page = 2  # the cover is one page; the responses follow it
    rows = []
    for respondent, _path, data in parts:
        rows.append((n.TableCell((n.Text(respondent.name),)),
                     n.TableCell((n.Text(format_date(respondent.date, lang)),)),
                     n.TableCell((n.Text(str(page)),))))
        page += len(PdfReader(io.BytesIO(data)).pages)
    meta = comparison.hearing.meta
    document = Document(
        kind="bundle", lang=lang, title=f"{label('bundle', lang)}: {meta.title}",
        author=authority.name, date=date,
        letterhead=authority.letterhead(meta.department, lang),
        blocks=(n.Table((n.TableCell((n.Text(label("party", lang)),)),
                         n.TableCell((n.Text(label("received", lang)),)),
                         n.TableCell((n.Text(label("page", lang)),))),
                        tuple(rows), align=(None, None, "right"),
                        caption=label("bundle", lang)),),
        subject=meta.title)
    return render(document, "pdf", templates)
