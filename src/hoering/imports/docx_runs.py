"""A Word paragraph (``w:p``) → :class:`~hoering.imports.lines.Span` objects: its text with
the marks a reader of the letter must see.

Tracked changes stay visible: text inside ``w:del`` (and the old place of a move,
``w:moveFrom``) is marked "deleted", text inside ``w:ins`` (a move's new place, ``w:moveTo``)
"inserted", and every change is counted by author for the import's report. Bold, italic and
struck-through runs keep their marks (from the run or its character style); hyperlinks keep
their targets. Field codes (``w:instrText``) never reach the text, only a field's result
does (a HYPERLINK field's result becomes a link); hidden text stays hidden. Footnote,
endnote and comment references become spans that point at the note (the caller numbers
them). Text boxes inside the paragraph are read once (not again from their fallback).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..messages import ntr, tr
from .characters import normalise_characters
from .docx_styles import Styles
from .lines import Span

if TYPE_CHECKING:
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
INSERTED = {W + "ins": "insertion", W + "moveTo": "move"}
DELETED = {W + "del": "deletion", W + "moveFrom": ""}  # a move is counted once, at moveTo
CONTAINERS = {W + "smartTag", W + "sdt", W + "sdtContent", W + "customXml", W + "dir", W + "bdo"}
SPACES = {W + "tab", W + "ptab"}
BREAKS = {W + "br", W + "cr"}
BREAK = Span("\n", frozenset({"break"}))  # a line break inside a paragraph (w:br)
NOTE_REFERENCES = {
    W + "footnoteReference": "footnote",
    W + "endnoteReference": "endnote",
    W + "commentReference": "comment",
}
FIELD_LINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"', re.IGNORECASE)


@dataclass
class Revisions:
    """Tracked changes and comments found in the file, by author."""

    changes: dict[str, Counter[str]] = field(default_factory=dict)
    comments: Counter[str] = field(default_factory=Counter)

    def count(self, element: _Element, kind: str) -> None:
        if kind and "".join(element.itertext()).strip():
            author = (element.get(W + "author") or "").strip() or tr("unknown author")
            self.changes.setdefault(author, Counter())[kind] += 1

    def notices(self) -> dict[str, str]:
        """One line each for tracked changes and comments, naming their authors."""
        notices = {}
        if self.changes:
            people = "; ".join(
                f"{author}: "
                + ", ".join(_changes(kind, count) for kind, count in sorted(kinds.items()))
                for author, kinds in self.changes.items()
            )
            notices["tracked_changes"] = tr(
                "the DOCX has tracked changes by {people}. They are kept: insertions as "
                "++…++, deletions as ~~…~~ (a move as both); keep or accept them by hand",
                people=people,
            )
        if self.comments:
            people = "; ".join(f"{author}: {count}" for author, count in self.comments.items())
            notices["comments"] = tr(
                "the DOCX has Word comments by {people}; each is kept as a "
                "footnote at the place it was made",
                people=people,
            )
        return notices


def _changes(kind: str, count: int) -> str:
    """ "2 insertions": ``count`` tracked changes of ``kind`` (insertion, deletion, move)."""
    if kind == "insertion":
        return ntr("{n} insertion", "{n} insertions", count)
    if kind == "deletion":
        return ntr("{n} deletion", "{n} deletions", count)
    return ntr("{n} move", "{n} moves", count)


@dataclass
class _Field:
    instruction: str = ""
    showing: bool = False  # past w:fldCharType="separate": the result is shown

    @property
    def link(self) -> str | None:
        match = FIELD_LINK.match(self.instruction)
        return match.group(1) if match else None


@dataclass
class RunReader:
    """Reads paragraphs of one part (body, header, notes) of one document."""

    styles: Styles
    notes: dict[tuple[str, str], int]  # ("footnote"/"endnote"/"comment", w:id) → note key
    revisions: Revisions
    links: dict[str, str] = field(default_factory=dict)  # relationship id → URL of this part

    def spans(self, paragraph: _Element) -> list[Span]:
        out: list[Span] = []
        self._walk(paragraph, frozenset(), None, out, [])
        return tidy(out)

    def _walk(
        self,
        element: _Element,
        marks: frozenset[str],
        link: str | None,
        out: list[Span],
        fields: list[_Field],
    ) -> None:
        for child in element:
            tag = child.tag
            if tag == W + "r":
                self._run(child, marks, link, out, fields)
            elif tag in INSERTED or tag in DELETED:
                inserted = tag in INSERTED
                self.revisions.count(child, INSERTED.get(tag) or DELETED.get(tag, ""))
                self._walk(
                    child, marks | {"inserted" if inserted else "deleted"}, link, out, fields
                )
            elif tag == W + "hyperlink":
                self._walk(
                    child, marks, self.links.get(child.get(R + "id", "")) or link, out, fields
                )
            elif tag == W + "fldSimple":
                self._walk(
                    child, marks, _Field(child.get(W + "instr", "")).link or link, out, fields
                )
            elif tag in CONTAINERS:
                self._walk(child, marks, link, out, fields)
            elif tag == MC + "AlternateContent":
                self._walk(_one_choice(child), marks, link, out, fields)

    def _run(
        self,
        run: _Element,
        marks: frozenset[str],
        link: str | None,
        out: list[Span],
        fields: list[_Field],
    ) -> None:
        rpr = run.find(W + "rPr")
        if _on(rpr, "vanish"):
            return  # hidden text: Word does not show it
        marks = marks | self._formatting(rpr)
        for child in run:
            if child.tag in (W + "fldChar", W + "instrText"):
                _field_step(child, fields)
            elif all(f.showing for f in fields):  # not inside a field's code
                here = next((f.link for f in reversed(fields) if f.link), None) or link
                self._content(child, marks, here, out)

    def _content(
        self, child: _Element, marks: frozenset[str], link: str | None, out: list[Span]
    ) -> None:
        tag = child.tag
        if tag in (W + "t", W + "delText"):
            kind = marks | {"deleted"} if tag == W + "delText" else marks
            out.append(Span(child.text or "", frozenset(kind), link))
        elif tag in SPACES:
            out.append(Span(" ", marks, link))
        elif tag in BREAKS:
            out.append(BREAK)
        elif tag == W + "noBreakHyphen":
            out.append(Span("-", marks, link))
        elif tag in NOTE_REFERENCES:
            self._reference(child, NOTE_REFERENCES[tag], marks, out)
        elif tag in (W + "drawing", W + "pict", MC + "AlternateContent", W + "object"):
            for box in _text_boxes(child):
                out += [Span(" ")] + unbroken(self.spans(box)) + [Span(" ")]

    def _reference(
        self, element: _Element, kind: str, marks: frozenset[str], out: list[Span]
    ) -> None:
        key = self.notes.get((kind, element.get(W + "id", "")))
        if key is not None:
            out.append(Span(f"[^{key}]", marks - {"strong", "emphasis"}, footnote=key))

    def _formatting(self, rpr: _Element | None) -> frozenset[str]:
        if rpr is None:
            return frozenset()
        style_id = rpr.find(W + "rStyle")
        style = self.styles.get(style_id.get(W + "val")) if style_id is not None else None
        marks = set()
        if _on(rpr, "b", style.bold if style else None):
            marks.add("strong")
        if _on(rpr, "i", style.italic if style else None):
            marks.add("emphasis")
        if _on(rpr, "strike") or _on(rpr, "dstrike"):
            marks.add("strike")
        return frozenset(marks)


def tidy(spans: list[Span]) -> list[Span]:
    """Spans as the text reads: characters normalised, runs of white space one space (also
    across spans), none at the ends, neighbours with the same marks joined."""
    out: list[Span] = []
    for span in spans:
        if span == BREAK:
            _strip_end(out)
            out.append(span)
            continue
        text = (
            span.text
            if span.footnote is not None
            else re.sub(r"\s+", " ", normalise_characters(span.text))
        )
        if text.startswith(" ") and (not out or out[-1].text.endswith((" ", "\n"))):
            text = text[1:]
        if not text:
            continue
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.footnote is None
            and span.footnote is None
            and (previous.marks, previous.link) == (span.marks, span.link)
        ):
            out[-1] = Span(previous.text + text, span.marks, span.link)
        else:
            out.append(Span(text, span.marks, span.link, span.footnote))
    _strip_end(out)
    while out and out[-1] == BREAK:
        out.pop()
        _strip_end(out)
    return out


def _strip_end(spans: list[Span]) -> None:
    while spans and spans[-1].text.endswith(" ") and spans[-1].footnote is None:
        last = spans.pop()
        if last.text.rstrip():
            spans.append(Span(last.text.rstrip(), last.marks, last.link))
            return


def lines_of(spans: list[Span]) -> list[list[Span]]:
    """The spans between line breaks, each piece tidied; empty pieces left out."""
    pieces: list[list[Span]] = [[]]
    for span in spans:
        if span == BREAK:
            pieces.append([])
        else:
            pieces[-1].append(span)
    return [piece for piece in map(tidy, pieces) if piece]


def unbroken(spans: list[Span]) -> list[Span]:
    """The spans with each line break as a space (where the text must stay one line)."""
    return tidy([Span(" ") if span == BREAK else span for span in spans])


def _field_step(element: _Element, fields: list[_Field]) -> None:
    """Follow a complex field: begin, its code, separate, its shown result, end."""
    if element.tag == W + "instrText":
        if fields:
            fields[-1].instruction += element.text or ""
        return
    kind = element.get(W + "fldCharType")
    if kind == "begin":
        fields.append(_Field())
    elif kind == "separate" and fields:
        fields[-1].showing = True
    elif kind == "end" and fields:
        fields.pop()


def _one_choice(element: _Element) -> _Element:
    """Markup compatibility: the first alternative (Word's own), never also the fallback."""
    for tag in (MC + "Choice", MC + "Fallback"):
        found = element.find(tag)
        if found is not None:
            return found
    return element


def _text_boxes(element: _Element) -> list[_Element]:
    """The paragraphs of the text boxes drawn in a run, each box once (a box inside a box
    is read with the paragraph that holds it)."""
    if element.tag == MC + "AlternateContent":
        element = _one_choice(element)
    return [
        paragraph
        for box in element.iter(W + "txbxContent")
        if not _inside_box(box, element)
        for paragraph in box.findall(W + "p")
    ]


def _inside_box(box: _Element, top: _Element) -> bool:
    for ancestor in box.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag in (W + "txbxContent", MC + "Fallback"):
            return True
    return False


def _on(rpr: _Element | None, tag: str, inherited: bool | None = None) -> bool:
    element = rpr.find(W + tag) if rpr is not None else None
    if element is None:
        return bool(inherited)
    return element.get(W + "val") not in ("0", "false", "off")
