"""Section 1, "Høringen": the period (with its length in days), where the draft was
published, and the høringsliste — every consulted party in alphabetical order with a mark
for its answer."""

from __future__ import annotations

from ...i18n import format_date, format_number, label
from ...messages import ntr_in, tr_in
from ...model import nodes as n
from ...prose import capitalised, joined, number_words, quoted
from ..model import Respondent
from ..tally import Tally
from .context import Notat
from .words import cell, danish_order, heading, text


def hearing_section(notat: Notat, number: str) -> list[n.Block]:
    lang = notat.lang
    return [
        heading(1, tr_in(lang, "The consultation"), f"{number}."),
        heading(2, tr_in(lang, "Consultation period"), f"{number}.1"),
        *_period(notat),
        heading(2, tr_in(lang, "Consulted parties"), f"{number}.2"),
        *_parties(notat),
    ]


def _period(notat: Notat) -> list[n.Block]:
    meta = notat.comparison.hearing.meta
    lang = notat.lang
    start, end = meta.period.start, meta.deadline
    said = ntr_in(
        lang,
        "{authority} consulted on {draft} from {start} to {end} ({n} day).",
        "{authority} consulted on {draft} from {start} to {end} ({n} days).",
        (end - start).days,
        authority=notat.authority.name,
        draft=quoted(meta.draft.name, lang),
        start=format_date(start, lang),
        end=format_date(end, lang),
    )
    blocks: list[n.Block] = [text(said)]
    published = meta.notat.published
    if published is not None:
        where, day = meta.notat.published_where, format_date(published, lang)
        blocks.append(
            text(
                tr_in(lang, "The draft was published on {where} on {day}.", where=where, day=day)
                if where
                else tr_in(lang, "The draft was published on {day}.", day=day)
            )
        )
    return blocks


def _parties(notat: Notat) -> list[n.Block]:
    comparison = notat.comparison
    by_name = {r.name: r for r in comparison.respondents}
    consulted = [p.name for p in comparison.hearing.meta.consulted]
    names = sorted({*consulted, *by_name}, key=danish_order)
    rows = tuple(
        (cell(name), cell(mark(by_name.get(name), name in consulted, notat))) for name in names
    )
    left_out = _left_out(notat)
    if not rows:  # a hearing held through a web form only
        return [text(" ".join(_form_said(notat))), *left_out]
    form = [text(said) for said in _form_said(notat)]  # after the list the letters introduce
    return [
        text(" ".join(_letters_said(notat))),
        n.Table(
            (cell(label("party", notat.lang)), cell(tr_in(notat.lang, "Response"))),
            rows,
            caption=tr_in(notat.lang, "Consultation list"),
            widths=(1.2, 1),
            row_headers=True,
        ),
        *form,
        *left_out,
    ]


def _left_out(notat: Notat) -> list[n.Block]:
    """The responses that could not be read: every copy says how many are left out (the
    notat does not present itself as complete); the working copy lists each with its error,
    as compare printed it."""
    left_out = notat.comparison.left_out
    files = len({left.path for left in left_out})
    if not files:
        return []
    lang = notat.lang
    said = ntr_in(
        lang,
        "Besides, one response is left out of this notat because it could not be read.",
        "Besides, {count} responses are left out of this notat because they could not be read.",
        files,
        count=number_words(files, lang, neuter=True),
    )
    blocks: list[n.Block] = [text(said)]
    if notat.working:
        items = tuple(n.ListItem((text(str(left.error)),)) for left in left_out)
        blocks.append(n.BulletList(items))
    return blocks


def _letters_said(notat: Notat) -> list[str]:
    """The høringsliste's sentences: to whom the draft was sent, what came back; nothing
    when the hearing had no list and received no letters (a hearing by web form only)."""
    tally = notat.tally
    said: list[str] = []
    lang = notat.lang
    if tally.consulted:
        count = number_words(tally.consulted, lang)
        said.append(
            ntr_in(
                lang,
                "The draft was sent to one party.",
                "The draft was sent to {count} parties.",
                tally.consulted,
                count=count,
            )
        )
    if tally.consulted or tally.letters:
        said += [_received(lang, tally), tr_in(lang, "The consultation list:")]
    return said


def _received(lang: str, tally: Tally) -> str:
    """ "Der er modtaget syv høringssvar, alle fra hørte parter, heraf et uden
    bemærkninger.": the numbers in words, no clause that would say "0"."""
    letters = tally.letters
    received = capitalised(
        ntr_in(
            lang,
            "One response was received",
            "{count} responses were received",
            letters,
            count=number_words(letters, lang, neuter=True),
        )
    )
    clauses = []
    if letters > 1 and tally.from_consulted == letters:
        received = tr_in(lang, "{received}, all from consulted parties", received=received)
    elif tally.from_consulted:
        clauses.append(
            ntr_in(
                lang,
                "one from a consulted party",
                "{count} from consulted parties",
                tally.from_consulted,
                count=number_words(tally.from_consulted, lang, neuter=True),
            )
        )
    if tally.no_remarks:
        clauses.append(
            ntr_in(
                lang,
                "one without remarks",
                "{count} without remarks",
                tally.no_remarks,
                count=number_words(tally.no_remarks, lang, neuter=True),
            )
        )
    if not clauses:
        return f"{received}."
    return tr_in(
        lang, "{received}, of these {clauses}.", received=received, clauses=joined(clauses, lang)
    )


def _form_said(notat: Notat) -> list[str]:
    """How many answered through the web form: the whole hearing when there was no list
    and no letter, else besides the letters."""
    tally = notat.tally
    if not tally.has_form:
        return []
    answers = format_number(tally.form_answers, notat.lang)
    if tally.consulted or tally.letters:
        said = ntr_in(
            notat.lang,
            "Besides, {answers} answer was received through the web form.",
            "Besides, {answers} answers were received through the web form.",
            tally.form_answers,
            answers=answers,
        )
    else:
        said = ntr_in(
            notat.lang,
            "The consultation was held as a public consultation through a web form, which "
            "received {answers} answer.",
            "The consultation was held as a public consultation through a web form, which "
            "received {answers} answers.",
            tally.form_answers,
            answers=answers,
        )
    return [said]


def mark(respondent: Respondent | None, consulted: bool, notat: Notat) -> str:
    """A party's mark in the høringsliste: "svar modtaget 19. juni 2019", "ingen
    bemærkninger (…)", "modtaget efter fristen (…)" or "ikke svaret"."""
    lang = notat.lang
    if respondent is None:
        return tr_in(lang, "no response")
    deadline = notat.comparison.hearing.meta.deadline
    joined_by = " " + tr_in(lang, "and") + " "
    dates = joined_by.join(format_date(d, lang) for d in respondent.dates)
    late = tr_in(lang, "received after the deadline")
    if not respondent.dates:  # no date known: neither in time nor late is claimed
        said = (
            tr_in(lang, "no remarks") if respondent.no_remarks else tr_in(lang, "response received")
        )
    elif respondent.no_remarks:
        said = tr_in(lang, "no remarks ({dates})", dates=dates)
    elif all(d > deadline for d in respondent.dates):
        said = f"{late} ({dates})"
    else:
        said = tr_in(lang, "response received {dates}", dates=dates)
        if respondent.late:
            said += f" ({late})"
    if not consulted:
        said += "; " + tr_in(lang, "not a consulted party")
    if notat.working and not respondent.dates:
        said += " [" + tr_in(lang, "date unknown: write it in the response") + "]"
    elif notat.working and respondent.date_guessed:
        said += " [" + tr_in(lang, "date suggested on import") + "]"
    return said
