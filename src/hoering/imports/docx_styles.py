"""Word styles (word/styles.xml) as import needs them, each property inherited through
``w:basedOn``: a paragraph style's outline level (which makes any style a heading, also a
custom "kapiteloverskrift2"), its automatic numbering, and a character style's bold and
italic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY_TEXT = 9  # Word's outline level for body text
HEADING_NAME = re.compile(r"^heading ([1-9])$", re.IGNORECASE)


@dataclass(frozen=True)
class StyleInfo:
    """What one style says, after inheritance."""

    name: str = ""
    outline: int | None = None  # 0 for Heading 1 … 8; None for body text
    num_id: int | None = None  # the numbering instance the style's paragraphs use
    ilvl: int | None = None
    bold: bool | None = None
    italic: bool | None = None


class Styles:
    """The styles of one document, resolved on demand."""

    def __init__(self, root: _Element | None) -> None:
        self.elements: dict[str, _Element] = {}
        self.default_paragraph: str | None = None
        self.resolved: dict[str, StyleInfo] = {}
        for style in root.findall(W + "style") if root is not None else ():
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            self.elements[style_id] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default_paragraph = style_id

    def get(self, style_id: str | None) -> StyleInfo:
        """The style ``style_id`` (the default paragraph style when None)."""
        style_id = style_id or self.default_paragraph
        if style_id is None or style_id not in self.elements:
            return StyleInfo()
        if style_id not in self.resolved:
            self.resolved[style_id] = self._resolve(style_id, set())
        return self.resolved[style_id]

    def _resolve(self, style_id: str, seen: set[str]) -> StyleInfo:
        element = self.elements.get(style_id)
        if element is None or style_id in seen:  # a basedOn loop ends here
            return StyleInfo()
        seen.add(style_id)
        based_on = _val(element.find(W + "basedOn"))
        parent = self._resolve(based_on, seen) if based_on else StyleInfo()
        name = _val(element.find(W + "name")) or style_id
        ppr, rpr = element.find(W + "pPr"), element.find(W + "rPr")
        outline = outline_level(ppr)
        if outline is None:
            heading = HEADING_NAME.match(name)  # built-in headings some writers leave bare
            outline = int(heading.group(1)) - 1 if heading else parent.outline
        num_id, ilvl = numbering_of(ppr)
        return StyleInfo(
            name=name,
            outline=outline if outline != BODY_TEXT else None,
            num_id=num_id if num_id is not None else parent.num_id,
            ilvl=ilvl if ilvl is not None or num_id is not None else parent.ilvl,
            bold=_toggle(rpr, "b", parent.bold),
            italic=_toggle(rpr, "i", parent.italic),
        )


def outline_level(ppr: _Element | None) -> int | None:
    """``w:outlineLvl`` of a ``w:pPr`` (9 is body text), or None when it sets none."""
    if ppr is None:
        return None
    value = _val(ppr.find(W + "outlineLvl"))
    return int(value) if value is not None and value.isdigit() else None


def numbering_of(ppr: _Element | None) -> tuple[int | None, int | None]:
    """``(numId, ilvl)`` of a ``w:pPr``; numId 0 switches numbering off."""
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    if numpr is None:
        return None, None
    num_id, ilvl = _val(numpr.find(W + "numId")), _val(numpr.find(W + "ilvl"))
    return (
        int(num_id) if num_id and num_id.isdigit() else None,
        int(ilvl) if ilvl and ilvl.isdigit() else None,
    )


def _toggle(rpr: _Element | None, tag: str, inherited: bool | None) -> bool | None:
    element = rpr.find(W + tag) if rpr is not None else None
    if element is None:
        return inherited
    return _val(element) not in ("0", "false", "off")


def _val(element: _Element | None) -> str | None:
    return None if element is None else element.get(W + "val")
