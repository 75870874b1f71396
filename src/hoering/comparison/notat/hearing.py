"""Section 1, "Høringen": the period (with its length in days), where the draft was
published, and the høringsliste — every consulted party in alphabetical order with a mark
for its answer."""

from __future__ import annotations

from ...i18n import format_date, label
from ...model import nodes as n
from ..model import Respondent
from .context import Notat
from .words import cell, danish_order, heading, text

MARKS = {
    "da": {
        "answered": "svar modtaget",
        "no_remarks": "ingen bemærkninger",
        "late": "modtaget efter fristen",
        "none": "ikke svaret",
        "not_consulted": "ikke hørt part",
        "guessed": "dato foreslået ved indlæsning",
        "and": "og",
    },
    "en": {
        "answered": "response received",
        "no_remarks": "no remarks",
        "late": "received after the deadline",
        "none": "no response",
        "not_consulted": "not a consulted party",
        "guessed": "date suggested on import",
        "and": "and",
    },
}
WORDS = {
    "da": {
        "section": "Høringen",
        "period": "Høringsperiode",
        "parties": "Hørte parter",
        "list": "Høringsliste",
        "answer": "Svar",
    },
    "en": {
        "section": "The consultation",
        "period": "Consultation period",
        "parties": "Consulted parties",
        "list": "Consultation list",
        "answer": "Response",
    },
}


def hearing_section(notat: Notat, number: str) -> list[n.Block]:
    words = WORDS.get(notat.lang, WORDS["da"])
    return [
        heading(1, words["section"], f"{number}."),
        heading(2, words["period"], f"{number}.1"),
        *_period(notat),
        heading(2, words["parties"], f"{number}.2"),
        *_parties(notat),
    ]


def _period(notat: Notat) -> list[n.Block]:
    meta = notat.comparison.hearing.meta
    lang = notat.lang
    start, end = meta.period.start, meta.deadline
    days = (end - start).days
    if lang == "da":
        said = (
            f"{notat.authority.name} sendte {meta.draft.name} i høring den "
            f"{format_date(start, lang)} med frist for svar den {format_date(end, lang)} "
            f"({days} dage)."
        )
    else:
        said = (
            f"{notat.authority.name} consulted on {meta.draft.name} from "
            f"{format_date(start, lang)} to {format_date(end, lang)} ({days} days)."
        )
    blocks = [text(said)]
    published = meta.notat.published
    if published is not None:
        where = meta.notat.published_where
        if lang == "da":
            place = f" på {where}" if where else ""
            blocks.append(
                text(f"Udkastet blev offentliggjort{place} den {format_date(published, lang)}.")
            )
        else:
            place = f" on {where}" if where else ""
            blocks.append(
                text(f"The draft was published{place} on {format_date(published, lang)}.")
            )
    return blocks


def _parties(notat: Notat) -> list[n.Block]:
    comparison = notat.comparison
    words = WORDS.get(notat.lang, WORDS["da"])
    by_name = {r.name: r for r in comparison.respondents}
    consulted = [p.name for p in comparison.hearing.meta.consulted]
    names = sorted({*consulted, *by_name}, key=danish_order)
    rows = tuple(
        (cell(name), cell(mark(by_name.get(name), name in consulted, notat))) for name in names
    )
    answered = sum(1 for r in comparison.respondents if r.consulted)
    quiet = sum(1 for r in comparison.respondents if r.no_remarks)
    if notat.lang == "da":
        said = (
            f"Udkastet blev sendt i høring hos {len(consulted)} parter. Der er modtaget "
            f"{len(comparison.respondents)} høringssvar, heraf {answered} fra hørte parter"
            f" og {quiet} uden bemærkninger. Høringslisten:"
        )
    else:
        said = (
            f"The draft was sent to {len(consulted)} parties. {len(comparison.respondents)}"
            f" responses were received, {answered} of them from consulted parties and "
            f"{quiet} without remarks. The consultation list:"
        )
    return [
        text(said),
        n.Table(
            (cell(label("party", notat.lang)), cell(words["answer"])),
            rows,
            caption=words["list"],
            widths=(1.2, 1),
            row_headers=True,
        ),
    ]


def mark(respondent: Respondent | None, consulted: bool, notat: Notat) -> str:
    """A party's mark in the høringsliste: "svar modtaget 19. juni 2019", "ingen
    bemærkninger (…)", "modtaget efter fristen (…)" or "ikke svaret"."""
    marks = MARKS.get(notat.lang, MARKS["da"])
    if respondent is None:
        return marks["none"]
    deadline = notat.comparison.hearing.meta.deadline
    dates = f" {marks['and']} ".join(format_date(d, notat.lang) for d in respondent.dates)
    if respondent.no_remarks:
        said = f"{marks['no_remarks']} ({dates})"
    elif all(d > deadline for d in respondent.dates):
        said = f"{marks['late']} ({dates})"
    else:
        said = f"{marks['answered']} {dates}"
        if respondent.late:
            said += f" ({marks['late']})"
    if not consulted:
        said += f"; {marks['not_consulted']}"
    if notat.working and respondent.date_guessed:
        said += f" [{marks['guessed']}]"
    return said
