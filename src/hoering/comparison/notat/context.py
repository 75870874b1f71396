"""What every part of the notat is made from: the comparison, the authority, the options."""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from ...i18n import label
from ...messages import known
from ...organisations import Organisation
from ..model import Comparison, Respondent
from ..tally import Tally, tally_of

LAYOUTS = ("emner", "parter", "oversigt")
MATRIX_MAX_RESPONDENTS = 12  # more than this and the grid goes to matrix.xlsx / the report


@dataclass(frozen=True)
class NotatOptions:
    """``layout``: by topic (emner), by party (parter: the hvidbog form) or one table
    (oversigt). ``working``: the working copy — file references, guess marks and
    placeholders for missing answers (the HTML report and ``--draft``); the published copy
    has none of them. ``links_from``: the folder the document will be in, so references to
    the sources can be links. ``matrix_limit``: most respondents shown in the matrix."""

    layout: str = "emner"
    working: bool = False
    links_from: Path | None = None
    matrix_limit: int | None = MATRIX_MAX_RESPONDENTS


@dataclass(frozen=True)
class Notat:
    comparison: Comparison
    authority: Organisation
    lang: str
    options: NotatOptions
    chart_png: bytes | None = None

    @functools.cached_property
    def respondents(self) -> dict[str, Respondent]:
        return {r.name: r for r in self.comparison.respondents}

    @functools.cached_property
    def tally(self) -> Tally:
        """Every number the notat prints (letters and web form), counted once."""
        return tally_of(self.comparison)

    @functools.cached_property
    def guessed(self) -> set[tuple[str, str]]:
        """(respondent, topic) where a remark's topic or stance is a guess of import."""
        return {
            (r.respondent, t.topic.id)
            for t in self.comparison.topics
            for r in t.remarks
            if r.guessed
        }

    @property
    def working(self) -> bool:
        return self.options.working

    @property
    def comments_title(self) -> str:
        """ "Region Hovedstadens bemærkninger", "Remarks of Region Hovedstaden". A name that
        ends in s has a label of its own: Danish adds no second s ("Danske Regioners", but
        "Nordfyns bemærkninger" for Nordfyns Kommune's short name)."""
        name = self.authority.name
        if name.endswith("s"):
            return label("remarks_of_s", self.lang).format(name=name)
        return label("remarks_of", self.lang).format(name=name)


def notat_lang(comparison: Comparison) -> str:
    """The notat's language: the hearing's ``lang`` if we have words for it, else Danish."""
    return known(comparison.hearing.meta.lang)


def notat_date(comparison: Comparison) -> dt.date:
    """The notat's own date: ``notat.date`` in hearing.yaml; else SOURCE_DATE_EPOCH's day
    (reproducible builds); else today."""
    given = comparison.hearing.meta.notat.date
    if given is not None:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
