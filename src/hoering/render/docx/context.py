"""Where the renderers write: the element blocks go into, and the state shared by a render."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ...i18n import label
from ...model import Document
from ...model.nodes import headings
from .xml import EMU_PER_CM, TWIPS_PER_CM

PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7  # A4
MARGIN_LEFT_CM = MARGIN_RIGHT_CM = 2.5
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGIN_LEFT_CM - MARGIN_RIGHT_CM
TEXT_WIDTH_TWIPS = (
    round(PAGE_WIDTH_CM * TWIPS_PER_CM)
    - round(MARGIN_LEFT_CM * TWIPS_PER_CM)
    - round(MARGIN_RIGHT_CM * TWIPS_PER_CM)
)  # as Word computes it: 9072
TEXT_WIDTH_EMU = round(TEXT_WIDTH_CM * EMU_PER_CM)


@dataclass
class State:
    """What one render shares across all stories (body, headers, footnotes)."""

    document: Document
    word: Any  # the python-docx Document being built
    number_abstracts: dict[str, int]
    notes: Any = None  # the Notes collector, see notes.py
    shape_ids: int = 0
    image_word: str = field(init=False)
    marks: dict[int, int] = field(init=False)

    def __post_init__(self) -> None:
        self.image_word = label("image", self.document.lang)
        # each printed heading's number among them: its bookmark, which a table of contents
        # links to and takes its page number from
        self.marks = {id(h): i for i, h in enumerate(headings(self.document.blocks), start=1)}

    def new_shape_id(self) -> int:
        """A drawing id unique across the whole file (Word repairs duplicates)."""
        self.shape_ids += 1
        return self.shape_ids

    def restart_numbering(self, style_id: str, start: int) -> int:
        """A new numbering instance for one ordered list, counting from ``start``."""
        numbering = self.word.part.numbering_part.element
        num = numbering.add_num(self.number_abstracts[style_id])
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)


@dataclass(frozen=True)
class Context:
    """Where blocks are appended (``out``) and whose relationships links use (``part``)."""

    state: State
    out: Any
    part: Any
    style: str | None = None  # paragraph style for plain paragraphs (Quote, FootnoteText…)
    depth: int = 0  # list nesting
    in_note: bool = False
    width: int = TEXT_WIDTH_EMU  # room for pictures

    def inside(self, out: Any = None, **changes: Any) -> Context:
        return replace(self, out=self.out if out is None else out, **changes)

    @property
    def lang(self) -> str:
        return self.state.document.lang
