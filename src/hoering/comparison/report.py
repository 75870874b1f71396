"""The høringsnotat as HTML: the notat's text on the letterhead, and every remark with its
topic, respondent and stance, so a reader can filter them (``report.html.j2``)."""

from __future__ import annotations

from ..i18n import label
from ..model import Document
from ..model import nodes as n
from ..render.templates import TemplateFinder
from .model import NO_STANCE, STANCES, Comparison, Remark
from .notat import shared_note, stance_text

WORDS = {
    "da": {"filter": "Filtrér bemærkningerne", "all": "Alle", "stance": "Holdning",
           "reset": "Vis alle", "full_text": "Hele teksten",
           "showing": "Viser {n} af {total} bemærkninger.",
           "no_remarks": "Ingen høringssvar nævner dette emne."},
    "en": {"filter": "Filter the remarks", "all": "All", "stance": "Stance",
           "reset": "Show all", "full_text": "Full text",
           "showing": "Showing {n} of {total} remarks.",
           "no_remarks": "No response mentions this topic."},
}


def report_html(comparison: Comparison, document: Document, front: list[n.Block],
                templates: TemplateFinder, authority_name: str) -> bytes:
    """``front``: the notat's blocks before the topics (hearing, parties, overview)."""
    from ..render.html import render_page

    lang = document.lang
    words = dict(WORDS.get(lang, WORDS["da"]))
    words.update({key: label(key, lang) for key in (
        "topic", "respondent", "remarks_per_topic", "unmatched")})
    words["guessed"] = label("guessed_note", lang)
    topics = []
    for entry in comparison.topics:
        topic = entry.topic
        title = f"{authority_name}s {label('authority_remarks', lang)}" if lang == "da" else (
            f"{authority_name}: {label('authority_remarks', lang)}")
        topics.append({
            "id": topic.id,
            "heading": f"{topic.section} {topic.title}" if topic.section else topic.title,
            "groups": [{"stance": stance, "title": f"{label(stance + '_group', lang)} "
                                                   f"({len(remarks)})",
                        "remarks": [_remark(r, lang) for r in remarks]}
                       for stance, remarks in entry.by_stance()],
            "authority_title": title,
            "authority": list(entry.authority) or [n.Paragraph((n.Text(
                label("placeholder", lang).format(id=topic.id)),))],
        })
    page = dict(
        topics=topics, words=words,
        respondents=[r.name for r in comparison.respondents],
        stances=[{"id": s, "text": stance_text(s, lang)} for s in (*STANCES, NO_STANCE)],
        unmatched=[_remark(r, lang) for r in comparison.unmatched],
    )
    import dataclasses

    front_only = dataclasses.replace(document, blocks=tuple(front))
    return render_page(front_only, templates, "report.html.j2", **page)


def _remark(remark: Remark, lang: str) -> dict:
    return {"respondent": remark.respondent, "stance": remark.stance,
            "stance_text": stance_text(remark.stance, lang), "quote": remark.quote,
            "text": remark.text, "full": remark.quote != " ".join(remark.text.split()),
            "source": remark.source, "guessed": remark.guessed,
            "shared": shared_note(remark.shared_with, lang) if remark.shared_with else ""}
