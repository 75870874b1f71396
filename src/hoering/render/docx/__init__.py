"""DOCX: a :class:`~hoering.model.Document` as a Word file on the organisation's letterhead.

Built with python-docx on a prepared copy of its default template (``template.py``), using
Word's own styles so the file stays editable: Title, Heading 1-3 (deeper levels are Heading 3),
List Bullet/Number 1-3 by depth, Quote, Caption, Table Grid (repeating header row), Hyperlink,
plus "Code" (paragraphs) and "HTML Code" (inline) in Consolas.

- Block and inline nodes are rendered by small functions looked up by ``kind``
  (``blocks.BLOCK_RENDERERS``, ``inlines.INLINE_RENDERERS``); an unknown kind is an error.
- Ordered lists really number: each list gets its own ``w:num`` with a ``startOverride``, so
  it restarts at its ``start``. Task items show ☐/☒ (in List Continue, without a bullet).
- Footnotes are real Word footnotes in a footnotes part (``notes.py``); a note no text
  refers to is listed under "Noter" at the end.
- Letterhead, info block and "Side X af Y" (PAGE/NUMPAGES fields): ``letterhead.py``.
  python-docx cannot embed SVG, so an SVG logo or image is drawn as a PNG (``raster.py``).
- Callouts are one-cell tables with a coloured left rule; figures carry their alt text as
  the picture description; images that cannot be embedded become "[Billede: alt]".
- The same document gives the same bytes: dates come from :func:`timestamp_for` and the zip
  is rewritten with that time on every entry.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

from ...model import Document
from .. import timestamp_for
from ..templates import TemplateFinder
from . import letterhead, template
from .archive import add_custom_properties
from .blocks import blocks
from .context import Context, State
from .notes import Notes
from .xml import finish_container, para, run, set_keep_next

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
ZIP_END = (2107, 12, 31, 23, 59, 58)


def render(document: Document, templates: TemplateFinder) -> bytes:  # noqa: ARG001 (as pdf's)
    """The bytes of a .docx file for ``document``."""
    import docx

    prepared = template.prepared()
    word = docx.Document(io.BytesIO(prepared.data))
    state = State(document, word, prepared.number_abstracts)
    state.notes = Notes(state)
    _set_language(word, document.language_tag)
    letterhead.apply(state)
    _body(state)
    _set_properties(word, document)
    return _save(word, timestamp_for(document))


def _body(state: State) -> None:
    """Info block, title, blocks, closing, then the notes; the section properties stay last."""
    body = state.word.element.body
    section = body.sectPr
    body.remove(section)
    ctx = Context(state, body, state.word.part)
    letterhead.info_block(ctx)
    run(para(body, "Title", spacing={"before": 360}), state.document.title)
    blocks(ctx, state.document.blocks)
    _closing(ctx, state.document)
    state.notes.finish(ctx)
    finish_container(body, needs_paragraph=False)
    body.append(section)


def _closing(ctx: Context, document: Document) -> None:
    """The signature, kept together on one page."""
    start = len(ctx.out)
    blocks(ctx, document.closing)
    paragraphs = [p for p in ctx.out[start:] if p.tag.endswith("}p")]
    for p in paragraphs[:-1]:
        set_keep_next(p)


def _set_language(word: DocxDocument, tag: str) -> None:
    """Spelling and hyphenation in the document's language, for every style."""
    from docx.oxml.ns import qn

    defaults = word.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    defaults.set(qn("w:val"), tag)
    defaults.set(qn("w:eastAsia"), tag)
    defaults.set(qn("w:bidi"), "ar-SA")
    theme_lang = word.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


def _set_properties(word: DocxDocument, document: Document) -> None:
    when = timestamp_for(document).astimezone(dt.UTC).replace(tzinfo=None)
    props = word.core_properties
    props.title = _property(document.title)
    props.author = props.last_modified_by = _property(document.author)
    props.subject = _property(document.subject or "")
    props.keywords = _property(", ".join(document.keywords))
    props.language = document.language_tag
    props.comments = ""
    props.created = props.modified = props.last_printed = when
    props.revision = 1
    archive = [(name, _property(value)) for name, value in document.archive.properties()]
    add_custom_properties(word, archive)


MAX_PROPERTY = 255  # Word's limit for a core property; the document itself keeps it all


def _property(text: str) -> str:
    """``text`` as a core property: at most 255 characters, shortened with '…'."""
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1].rstrip() + "…"


def _save(word: DocxDocument, when: dt.datetime) -> bytes:
    """The package as zip bytes, every entry dated ``when`` (clamped to what zip can hold)."""
    raw = io.BytesIO()
    word.save(raw)
    utc = when.astimezone(dt.UTC)
    stamp = min(
        max((utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second), ZIP_EPOCH), ZIP_END
    )
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            target.writestr(info, source.read(entry))
    return out.getvalue()
