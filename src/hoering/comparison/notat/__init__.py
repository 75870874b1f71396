"""The høringsnotat: one model Document made of numbered sections, each from one small
function, rendered by ``render/`` to DOCX, PDF and HTML (the HTML report adds filters).

Layout ``emner`` (the default) follows the structure of the notater ministries publish:
header (date, case and document number, unit, caseworker), a table of contents,
1. Høringen (period, høringsliste), 2. Generelle bemærkninger, 3. Bemærkninger til de
enkelte emner (each remark with the authority's answer and its status), 4. Ændringer som
følge af høringen, and the overview (matrix, counts, chart) as an appendix. ``parter`` and
``oversigt`` replace sections 2-3 (see layouts.py) and print the authority's comments on
the general remarks and on each topic in a section of their own. A new part (counts of a mass
consultation, campaigns) is one more function in :data:`SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

from ...i18n import label
from ...messages import tr_in
from ...model import ArchiveRecord, Document
from ...model import nodes as n
from ...organisations import Organisation
from ..model import Comparison
from .changes import changes_section
from .context import LAYOUTS, MATRIX_MAX_RESPONDENTS, Notat, NotatOptions, notat_date, notat_lang
from .forms import form_section
from .header import info
from .hearing import hearing_section
from .layouts import comments_section, parties_section, table_section
from .overview import chart_alt, overview_appendix
from .remarks import general_section, topics_section
from .words import SYMBOLS, shared_note, stance_text, status_text

Section = Callable[[Notat, str], list[n.Block]]
SECTIONS: dict[str, tuple[Section, ...]] = {
    "emner": (hearing_section, general_section, topics_section, form_section, changes_section),
    "parter": (hearing_section, parties_section, comments_section, form_section, changes_section),
    "oversigt": (hearing_section, table_section, comments_section, form_section, changes_section),
}
APPENDICES: tuple[Section, ...] = (overview_appendix,)


def compose_notat(
    comparison: Comparison,
    authority: Organisation,
    chart_png: bytes | None,
    options: NotatOptions | None = None,
) -> Document:
    """The høringsnotat as a Document (nothing is written)."""
    options = options or NotatOptions()
    lang = notat_lang(comparison)
    notat = Notat(comparison, authority, lang, options, chart_png)
    blocks: list[n.Block] = [n.TableOfContents(tr_in(lang, "Contents"))]
    number = 0
    for section in SECTIONS[options.layout]:
        made = section(notat, str(number + 1))
        number += bool(made)  # a section with nothing to say (no form answers) is left out
        blocks += made
    for section in APPENDICES:
        blocks += section(notat, "")
    meta = comparison.hearing.meta
    return Document(
        kind="hoeringsnotat",
        lang=lang,
        title=f"{label('notat', lang)}: {meta.title}",
        author=authority.name,
        date=notat_date(comparison),
        letterhead=authority.letterhead(meta.department, lang),
        info=info(notat),
        blocks=tuple(blocks),
        subject=meta.title,
        keywords=(label("notat", lang), meta.id),
        source=str(comparison.hearing.path),
        archive=ArchiveRecord(
            meta.notat.case_number, meta.notat.document_number, meta.id, authority.name
        ),
    )


__all__ = [
    "LAYOUTS",
    "MATRIX_MAX_RESPONDENTS",
    "SECTIONS",
    "SYMBOLS",
    "NotatOptions",
    "chart_alt",
    "compose_notat",
    "notat_date",
    "notat_lang",
    "shared_note",
    "stance_text",
    "status_text",
]
