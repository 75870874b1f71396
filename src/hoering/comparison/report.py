"""The høringsnotat as an HTML report: the working copy of the notat, rendered by
``render/html`` like every document, with filters by topic, respondent and stance on top
(``report.html.j2``). Every remark is a ``<div class="remark">`` with its topic, respondent
and stance as data- attributes; the filters only hide what does not match."""

from __future__ import annotations

from ..i18n import label
from ..model import Document
from ..render.templates import TemplateFinder
from .model import NO_STANCE, STANCES, Comparison
from .notat import stance_text

WORDS = {
    "da": {
        "filter": "Filtrér bemærkningerne",
        "all": "Alle",
        "stance": "Holdning",
        "reset": "Vis alle",
        "showing": "Viser {n} af {total} bemærkninger.",
        "general": "Generelle bemærkninger",
    },
    "en": {
        "filter": "Filter the remarks",
        "all": "All",
        "stance": "Stance",
        "reset": "Show all",
        "showing": "Showing {n} of {total} remarks.",
        "general": "General remarks",
    },
}


def report_html(comparison: Comparison, document: Document, templates: TemplateFinder) -> bytes:
    """``document``: the notat composed as the working copy."""
    from ..render.html import render_page

    lang = document.lang
    words = dict(WORDS.get(lang, WORDS["da"]))
    words.update({key: label(key, lang) for key in ("topic", "respondent")})
    topics = [{"id": t.topic.id, "title": t.topic.title} for t in comparison.topics]
    return render_page(
        document,
        templates,
        "report.html.j2",
        words=words,
        topics=topics,
        respondents=[r.name for r in comparison.respondents],
        stances=[{"id": s, "text": stance_text(s, lang)} for s in (*STANCES, NO_STANCE)],
    )
