"""The høringsnotat as an HTML report: the working copy of the notat, rendered by
``render/html`` like every document, with filters by topic, respondent and stance on top
(``report.html.j2``). Every remark is a ``<div class="remark">`` with its topic, respondent
and stance as data- attributes; the filters only hide what does not match."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import label
from ..messages import tr_in
from ..model import Document
from ..model.stances import ORDER
from ..render.templates import TemplateFinder
from .model import Comparison
from .notat import stance_text


def report_html(
    comparison: Comparison, document: Document, templates: TemplateFinder
) -> Iterator[bytes]:
    """The report in pieces, as it is rendered (:func:`~hoering.render.html.page_pieces`);
    ``document``: the notat composed as the working copy."""
    from ..render.html import page_pieces

    lang = document.lang
    words = {
        "filter": tr_in(lang, "Filter the remarks"),
        "all": tr_in(lang, "All"),
        "stance": tr_in(lang, "Stance"),
        "reset": tr_in(lang, "Show all"),
        # {n} and {total} are filled in by the page's script as the filters change
        "showing": tr_in(lang, "Showing {n} of {total} remarks."),
        "topic": label("topic", lang),
        "respondent": label("respondent", lang),
    }
    topics = [{"id": t.topic.id, "title": t.topic.title} for t in comparison.topics]
    return page_pieces(
        document,
        templates,
        "report.html.j2",
        words=words,
        topics=topics,
        respondents=[r.name for r in comparison.respondents],
        stances=[{"id": s, "text": stance_text(s, lang)} for s in ORDER],
    )
