"""Real Word footnotes: a ``word/footnotes.xml`` part python-docx has no API for.

The first reference to a note becomes a ``w:footnoteReference``; Word numbers notes by where
they are referenced, which is the order the model numbers them in. A second reference to the
same note (or one inside a note) is its number in the footnote-reference style. Notes no text
refers to are not lost: they are listed under "Noter" at the end of the body.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.story import StoryPart

from ...i18n import label
from ...model import Footnote
from .blocks import blocks
from .context import Context, State
from .xml import Fmt, el, finish_container, para, run, sub

REFERENCE = Fmt(style="FootnoteReference")
_SEPARATOR = (
    '<w:footnote w:type="{kind}" w:id="{id}"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:{kind}/></w:r></w:p></w:footnote>"
)
FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    + _SEPARATOR.format(kind="separator", id=-1)
    + _SEPARATOR.format(kind="continuationSeparator", id=0)
    + "</w:footnotes>"
)


class Notes:
    """Collects footnote references while the body renders, writes the notes afterwards."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.by_number = {note.number: note for note in state.document.footnotes}
        self.placed: list[int] = []

    def reference(self, ctx: Context, parent: Any, number: int) -> None:
        if ctx.in_note or number in self.placed or number not in self.by_number:
            run(parent, str(number), REFERENCE)
            return
        self.placed.append(number)
        sub(run(parent, "", REFERENCE), "w:footnoteReference", id=number)

    def finish(self, body: Context) -> None:
        """Write the footnotes part, and any note never referenced at the end of ``body``."""
        if self.placed:
            self._footnotes_part()
        unplaced = [n for n in self.state.document.footnotes if n.number not in self.placed]
        if unplaced:
            self._note_list(body, unplaced)

    def _footnotes_part(self) -> None:
        word = self.state.word
        part = StoryPart(
            PackURI("/word/footnotes.xml"),
            CT.WML_FOOTNOTES,
            parse_xml(FOOTNOTES_XML),
            word.part.package,
        )
        word.part.relate_to(part, RT.FOOTNOTES)
        ctx = Context(self.state, part.element, part, style="FootnoteText", in_note=True)
        for number in self.placed:
            note = sub(part.element, "w:footnote", id=number)
            blocks(ctx.inside(note), self.by_number[number].blocks)
            finish_container(note, needs_paragraph=True)
            mark = run(None, "", REFERENCE)
            sub(mark, "w:footnoteRef")
            _prefix(note, mark, run(None, " "))
        _declare_separators(word.settings.element)

    def _note_list(self, body: Context, notes: list[Footnote]) -> None:
        run(para(body.out, "Heading2"), label("footnotes", body.lang))
        for note in notes:
            holder = el("w:body")
            blocks(body.inside(holder, style="FootnoteText"), note.blocks)
            _prefix(holder, run(None, f"{note.number}. "))
            body.out.extend(list(holder))


def _declare_separators(settings: Any) -> None:
    """``w:footnotePr`` naming the separator notes, where Word writes it (before w:compat)."""
    declaration = el("w:footnotePr")
    for separator in (-1, 0):
        sub(declaration, "w:footnote", id=separator)
    settings.find(qn("w:compat")).addprevious(declaration)


def _first_paragraph(container: Any) -> Any:
    first = container[0] if len(container) else None
    if first is None or first.tag != qn("w:p"):
        first = el("w:p")
        container.insert(0, first)
    return first


def _prefix(container: Any, *runs: Any) -> None:
    """Move ``runs`` to the start of the first paragraph of ``container``."""
    p = _first_paragraph(container)
    at = 1 if len(p) and p[0].tag == qn("w:pPr") else 0
    for offset, r in enumerate(runs):
        p.insert(at + offset, r)
