"""pdfminer's page aggregator and interpreter, each page held to the glyph and time limits.

A module of its own so that pdfminer is imported only when a PDF is read (:mod:`.pdf`
imports this one inside the function that lays pages out), while the subclasses are real,
typed subclasses of pdfminer's classes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager, PDFStackT
from pdfminer.utils import Matrix

from ..errors import ImportFileError
from ..messages import number, tr
from .safety import Limits, raise_limit

MAX_SAVED_STATES = 256  # graphics states saved (q) and not restored; PDF's own limit is 28


class PageTooHeavy(Exception):
    def __init__(self, glyphs: int | None) -> None:
        super().__init__(glyphs)
        self.glyphs = glyphs  # None: the page ran out of time

    def error(self, path: Path, page: int, limits: Limits) -> ImportFileError:
        if self.glyphs is not None:
            return ImportFileError(
                path,
                tr(
                    "page {page} holds more than {limit} characters; no letter page does, "
                    "so the file is not read",
                    page=page,
                    limit=number(limits.max_glyphs_per_page),
                ),
                hint=raise_limit("max_glyphs_per_page"),
            )
        return ImportFileError(
            path,
            tr(
                "page {page} took more than {seconds} seconds to read, so the file is not read",
                page=page,
                seconds=number(limits.max_seconds_per_page),
            ),
            hint=raise_limit("max_seconds_per_page"),
        )


class BoundedDevice(PDFPageAggregator):
    """pdfminer's page aggregator, stopping a page that draws more characters than the
    limit or takes longer than allowed (a 41 KB PDF with 1.5 M glyphs took 80 s and 1.5 GB
    to lay out). The interpreter asks for the time (:meth:`tick`) at every operator and
    operand; a long string drawn by one operator, every 256 characters."""

    glyphs_left: int
    deadline: float

    def start(self, limits: Limits) -> None:
        self.glyphs_left = limits.max_glyphs_per_page
        self.deadline = time.monotonic() + limits.max_seconds_per_page

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise PageTooHeavy(None)

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        self.glyphs_left -= 1
        if self.glyphs_left < 0:
            raise PageTooHeavy(-self.glyphs_left)
        if self.glyphs_left % 256 == 0:
            self.tick()
        return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)


class BoundedInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, asking its device for the time at every token of a content
    stream: an operand (``push``), an operator taking operands (``pop``), one taking none
    (``q``, ``BT``, ``h`` …) and one pdfminer does not know. A page that draws nothing
    still takes time: 3 million 'BT ET' in a 27 KB file were read for 128 s, unknown
    operators for 50 s, before this."""

    device: BoundedDevice

    def __init__(self, rsrcmgr: PDFResourceManager, device: BoundedDevice) -> None:
        super().__init__(rsrcmgr, device)

    def push(self, obj: PDFStackT) -> None:
        self.device.tick()
        super().push(obj)

    def pop(self, n: int) -> list[PDFStackT]:
        self.device.tick()
        return super().pop(n)

    def __getattr__(self, name: str) -> NoReturn:
        if name.startswith("do_"):  # an unknown operator, looked up in vain
            self.device.tick()
        raise AttributeError(name)

    def do_q(self) -> None:
        """Save the graphics state, unless MAX_SAVED_STATES are saved already (a page
        of 'q q q …' kept a copy per q: 290 MB in the 10 s a page may take)."""
        if len(self.gstack) < MAX_SAVED_STATES:
            super().do_q()


Operator = Callable[[BoundedInterpreter], None]


def _ticking(operator: Operator) -> Operator:
    """An operator without operands that asks for the time first (its signature, which
    the interpreter reads to count operands, stays ``(self)``)."""

    def ticked(self: BoundedInterpreter) -> None:
        self.device.tick()
        operator(self)

    return ticked


def _tick_before_every_operator() -> None:
    for name in vars(PDFPageInterpreter):
        operator = getattr(BoundedInterpreter, name)
        if name.startswith("do_") and operator.__code__.co_argcount == 1:
            setattr(BoundedInterpreter, name, _ticking(operator))


_tick_before_every_operator()
