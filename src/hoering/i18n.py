"""Danish first: labels and dates in the document's language (da, or en)."""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("da", "en")

_LABELS: dict[str, dict[str, str]] = {
    "date": {"da": "Dato", "en": "Date"},
    "case_number": {"da": "Sagsnr.", "en": "Case no."},
    "contact": {"da": "Kontaktperson", "en": "Contact"},
    "email": {"da": "E-mail", "en": "E-mail"},
    "phone": {"da": "Telefon", "en": "Phone"},
    "page": {"da": "Side", "en": "Page"},
    "of": {"da": "af", "en": "of"},
    "footnotes": {"da": "Noter", "en": "Notes"},
    "to": {"da": "Til", "en": "To"},
    "on_behalf_of": {"da": "På vegne af", "en": "On behalf of"},
    "hearing": {"da": "Høring", "en": "Consultation"},
    "response": {"da": "Høringssvar", "en": "Consultation response"},
    "participants": {"da": "Deltagere", "en": "Participants"},
    "absent": {"da": "Afbud", "en": "Apologies"},
    "decision": {"da": "Beslutning", "en": "Decision"},
    "referent": {"da": "Referent", "en": "Minutes taken by"},
    "chair": {"da": "Mødeleder", "en": "Chair"},
    "time": {"da": "Tidspunkt", "en": "Time"},
    "place": {"da": "Sted", "en": "Place"},
    "table": {"da": "Tabel", "en": "Table"},
    "image": {"da": "Billede", "en": "Image"},
    "done": {"da": "udført", "en": "done"},
    "open": {"da": "ikke udført", "en": "not done"},
    "back": {"da": "Tilbage til teksten", "en": "Back to the text"},
    "letterhead": {"da": "Brevhoved", "en": "Letterhead"},
    "details": {"da": "Oplysninger", "en": "Details"},
    "minutes": {"da": "Referat", "en": "Minutes"},
    "subject": {"da": "Mødets overskrift", "en": "Subject"},
    "agenda": {"da": "Dagsorden", "en": "Agenda"},
    "organisation": {"da": "Organisation", "en": "Organisation"},
    "action_items": {"da": "Opfølgning", "en": "Action items"},
    "who": {"da": "Hvem", "en": "Who"},
    "what": {"da": "Hvad", "en": "What"},
    "when": {"da": "Hvornår", "en": "When"},
    "deadline": {"da": "Frist", "en": "Deadline"},
    "status": {"da": "Status", "en": "Status"},
    "next_meeting": {"da": "Næste møde", "en": "Next meeting"},
    "next_meetings": {"da": "Næste møder", "en": "Next meetings"},
    "invites": {"da": "indkalder", "en": "sends the invitation"},
    "overdue": {"da": "overskredet", "en": "overdue"},
    "no_deadline": {"da": "ingen frist", "en": "no deadline"},
    "notat": {"da": "Høringsnotat", "en": "Consultation report"},
    "the_hearing": {"da": "Høringen", "en": "The consultation"},
    "parties": {"da": "Høringsparter og modtagne svar", "en": "Consulted parties and responses"},
    "overview": {"da": "Overblik", "en": "Overview"},
    "remarks_per_topic": {"da": "Bemærkninger til de enkelte emner",
                          "en": "Remarks on each topic"},
    "unmatched": {"da": "Bemærkninger uden for emnerne", "en": "Remarks outside the topics"},
    "period": {"da": "Høringsperiode", "en": "Consultation period"},
    "hearing_deadline": {"da": "Høringsfrist", "en": "Deadline"},
    "responses": {"da": "Svar", "en": "Responses"},
    "responses_count": {"da": "{n}, heraf {answered} af {consulted} hørte parter",
                        "en": "{n}, {answered} of {consulted} consulted parties"},
    "party": {"da": "Høringspart", "en": "Party"},
    "received": {"da": "Modtaget", "en": "Received"},
    "note": {"da": "Bemærkning", "en": "Note"},
    "late": {"da": "modtaget efter fristen", "en": "received after the deadline"},
    "imported": {"da": "indlæst fra modtaget fil; emner og holdninger foreslået af hoering",
                 "en": "read from the received file; topics and stances suggested by hoering"},
    "not_consulted": {"da": "ikke høringspart", "en": "not a consulted party"},
    "no_answer": {"da": "Der er ikke modtaget svar fra", "en": "No response was received from"},
    "all_answered": {"da": "Alle høringsparter har svaret.",
                     "en": "Every consulted party has responded."},
    "topic": {"da": "Emne", "en": "Topic"},
    "section_ref": {"da": "Afsnit", "en": "Section"},
    "total": {"da": "I alt", "en": "Total"},
    "respondent": {"da": "Høringssvar fra", "en": "Response from"},
    "positive": {"da": "positiv", "en": "positive"},
    "concern": {"da": "bekymring", "en": "concern"},
    "proposal": {"da": "forslag", "en": "proposal"},
    "none": {"da": "bemærkning", "en": "remark"},
    "positive_group": {"da": "Positive bemærkninger", "en": "Positive remarks"},
    "concern_group": {"da": "Bekymringer", "en": "Concerns"},
    "proposal_group": {"da": "Forslag", "en": "Proposals"},
    "none_group": {"da": "Øvrige bemærkninger", "en": "Other remarks"},
    "authority_remarks": {"da": "bemærkninger", "en": "remarks"},
    "placeholder": {"da": "[Bemærkninger til dette emne skrives i remarks.md under '## {id}'.]",
                    "en": "[Write the remarks on this topic in remarks.md under '## {id}'.]"},
    "guessed_note": {"da": "emne og holdning foreslået ved indlæsning, ikke bekræftet",
                     "en": "topic and stance suggested on import, not confirmed"},
    "shared_note": {"da": "samme ordlyd som", "en": "same wording as"},
    "shared_many": {"da": "samme ordlyd som {n} andre høringssvar, bl.a. {names}",
                    "en": "same wording as {n} other responses, among them {names}"},
    "more_remarks": {"da": "… og {n} svar mere med denne holdning (se matrix.xlsx og "
                           "hoeringsnotat.html).",
                     "en": "… and {n} more responses with this stance (see matrix.xlsx and "
                           "hoeringsnotat.html)."},
    "chart": {"da": "Svar pr. emne fordelt på holdning", "en": "Responses per topic by stance"},
    "legend": {"da": "Tegnforklaring", "en": "Legend"},
    "matrix_too_big": {"da": "Med {n} høringssvar vises matrixen i matrix.xlsx og "
                             "hoeringsnotat.html; her vises antallet pr. emne.",
                       "en": "With {n} responses the matrix is in matrix.xlsx and "
                             "hoeringsnotat.html; the counts per topic are shown here."},
    "general": {"da": "Generelt", "en": "General"},
    "bundle": {"da": "Samlede høringssvar", "en": "All consultation responses"},
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (Danish when the language has no entry)."""
    entry = _LABELS[key]
    return entry.get(lang, entry["da"])


def format_date(value: dt.date, lang: str) -> str:
    """A date as people write it: "19. juni 2019" (da) or "19 June 2019" (en)."""
    from babel.dates import format_date as babel_format_date

    locale = "da_DK" if lang == "da" else "en_GB"
    return babel_format_date(value, format="long", locale=locale)


def page_label(lang: str) -> tuple[str, str]:
    """The words around page numbers: ("Side", "af") → "Side 1 af 2"."""
    return label("page", lang), label("of", lang)


def format_day(value: dt.date, lang: str) -> str:
    """A date with its weekday: "torsdag den 12. september 2019" / "Thursday 12 September 2019"."""
    from babel.dates import format_date as babel_format_date

    if lang == "da":
        return babel_format_date(value, format="EEEE 'den' d. MMMM y", locale="da_DK")
    return babel_format_date(value, format="EEEE d MMMM y", locale="en_GB")
