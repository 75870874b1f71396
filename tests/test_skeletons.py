"""Skeletons from the hearing (issue 24, point 2): 'hoering new' fills what the hearing's
hearing.yaml and the organisation's profile know, leaves the rest empty, and 'hoering check'
names each empty field in Danish until the author fills it; never an example value that could
pass for a real one (a recipient, a time, the next meeting on the meeting's own day)."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE_FORM_HEARING, EXAMPLE_HEARING, snapshot

RESPONSE_FROM_HEARING = """\
---
# Høringssvar. Udfyld felterne og skriv svaret under den sidste '---'.
# Linjer, der starter med '#', er forklaringer og kommer ikke med i dokumentet.
# Et felt med "" er ikke udfyldt endnu: skriv værdien mellem anførselstegnene, eller slet
# linjen, hvis feltet kan udelades. 'hoering check' siger, hvad der mangler.
type: response
# Emnelinjen: hvad høringen handler om.
title: "Høringssvar: Forslag til trafikplan for bymidten"
# Høringens id: mappenavnet under consultations/.
hearing: trafikplan-bymidten
# Organisationsprofil (templates/organisations/<id>.yaml), der giver brevpapiret.
organisation: ishoj
# Afdeling, der afgiver svaret (vises i brevhovedet).
department: "Center for Socialservice"
# Dato som ÅÅÅÅ-MM-DD; vises som "19. juni 2019".
# Høringsfristen er 12. april 2026.
date: 2026-03-10
# Sagsnummer i jeres ESDH-system (kan udelades).
case_number: ""
# Dokumentnummer i jeres ESDH-system (kan udelades).
document_number: ""
# Modtager: høringens myndighed (fra hearing.yaml), en linje pr. adresselinje.
recipient:
  - "Region Hovedstaden"
  - "Center for Regional Udvikling"
# Kontaktperson i info-blokken øverst til højre: navn og titel; e-mail og telefon er
# organisationens egne (fra profilen), ret dem til kontaktpersonens. Titel, e-mail og
# telefon kan udelades.
contact:
  name: ""
  title: ""
  email: "ishojkommune@ishoj.dk"
  phone: "43 57 75 75"
# Underskrift: "På vegne af …" og navngivne underskrivere (slet 'signatories' og linjerne
# under den, hvis svaret kun skrives under på vegne af organisationen).
signature:
  on_behalf_of: "Ishøj Kommune, Center for Socialservice"
  signatories:
    - name: ""
      title: ""
# Sprog: da (dansk) eller en (engelsk).
lang: da
# Brødteksten nedenfor er Markdown. Skriv et afsnit pr. emne med en overskrift (## …).
# Der er et afsnit pr. emne i høringen; slet dem I ikke har bemærkninger til.
# {topic=…} efter overskriften kobler afsnittet (og underafsnittene) til høringens emne.
# Tilføj stance=positiv, stance=bekymring eller stance=forslag i {…}, hvis I vil sige, om I
# er positive, bekymrede eller foreslår noget. Egenskaberne i {…} vises ikke i dokumentet.
---

Ishøj Kommune takker for muligheden for at afgive høringssvar.

## Biltrafik i bymidten {topic=biltrafik}

Skriv jeres bemærkninger her.

## Parkering {topic=parkering}

Skriv jeres bemærkninger her.

## Cykelstier og fortove {topic=cykelstier}

Skriv jeres bemærkninger her.
"""


MINUTES = """\
---
# Referat. Udfyld felterne og skriv referatet under den sidste '---'.
# Linjer, der starter med '#', er forklaringer og kommer ikke med i dokumentet.
# Et felt med "" er ikke udfyldt endnu: skriv værdien mellem anførselstegnene, eller slet
# linjen, hvis feltet kan udelades. 'hoering check' siger, hvad der mangler.
type: minutes
# Mødets titel (dokumentets overskrift).
title: "Dialogmøde om snitflader"
# Mødets overskrift: hvad mødet handlede om (kan udelades).
subject: ""
# Dato som ÅÅÅÅ-MM-DD, start- og sluttid som TT:MM (tiderne kan udelades).
date: 2019-06-19
start: ""
end: ""
# Mødested (kan udelades).
place: ""
# Organisationsprofil (templates/organisations/<id>.yaml), der giver brevpapiret.
organisation: ishoj
# Afdeling (vises i brevhovedet).
department: "Center for Socialservice"
# Sagsnummer og dokumentnummer i jeres ESDH-system (kan udelades).
case_number: ""
document_number: ""
# Høringens id, hvis mødet hører til en høring.
hearing: samarbejdsaftale-psykisk-sygdom
# Deltagere under deres organisation: "Navn" eller "Navn, titel"; "m.fl." er tilladt.
# Tilføj en linje pr. deltager og en gruppe pr. organisation.
participants:
  Ishøj Kommune:
    - ""
# Afbud, i samme form som deltagerne (kan udelades).
absent: {}
# Mødeleder og referent: "Navn, titel" (mødelederen kan udelades).
chair: ""
referent: ""
# Næste møde: dato (ÅÅÅÅ-MM-DD), tid (TT:MM), sted og hvem der indkalder. Slet de fem
# linjer, hvis der ikke er aftalt et næste møde.
next_meetings:
  - date: ""
    time: ""
    place: ""
    invites: ""
# Selve referatet skrives under den sidste '---':
#   Hvert punkt på dagsordenen er en overskrift med '##'; punkterne nummereres automatisk.
#   Et afsnit, der begynder med "Beslutning:" fremhæves som en beslutning.
#   En opgave skrives "- [ ] @Hvem: hvad — frist"; fristen er en dato ("1. september 2019",
#   "1/9-2019") eller en periode ("september 2019", "uge 38", "inden næste møde").
#   Sæt [x] når opgaven er udført.
---

## Skriv afsnittets overskrift her

Skriv referatet af punktet her.

Beslutning: Skriv beslutningen her.

- [ ] @Ishøj Kommune: skriv opgaven her
"""


def _new_response(cli, hearing: str) -> Path:
    result = cli(
        "new", "response", "--organisation", "ishoj", "--hearing", hearing, "--date", "2026-03-10"
    )
    assert result.exit_code == 0, result.output
    return Path("consultations") / hearing / "responses" / "ishoj.md"


def _errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Fejl: ")]


def test_a_response_skeleton_takes_what_the_hearing_knows(cli, project):
    target = _new_response(cli, EXAMPLE_FORM_HEARING)
    assert (project / target).read_text("utf-8") == RESPONSE_FROM_HEARING


def test_the_empty_fields_of_a_response_are_named_until_filled(cli, project):
    target = _new_response(cli, EXAMPLE_FORM_HEARING)
    result = cli("check", str(target))
    assert result.exit_code == 1
    remarks = "skabelonens tekst 'Skriv jeres bemærkninger her.' står her stadig (skriv jeres "
    remarks += "egen tekst i stedet, eller slet den)"
    assert _errors(result) == [
        f"Fejl: {target}:30: contact.name: må ikke være tom",
        f"Fejl: {target}:39: signature.signatories.name: må ikke være tom",
        f"Fejl: {target}:54: {remarks}",
        f"Fejl: {target}:58: {remarks}",
        f"Fejl: {target}:62: {remarks}",
    ]
    text = (project / target).read_text("utf-8")
    text = text.replace('  name: ""', '  name: "Anne Holm"', 1)
    text = text.replace('    - name: ""', '    - name: "Bo Jensen"')
    text = text.replace("Skriv jeres bemærkninger her.", "Vi bakker op om planen.")
    (project / target).write_text(text, "utf-8")
    filled = cli("check", str(target))
    assert filled.exit_code == 0, filled.output
    built = cli("build", str(target), "-f", "html")
    assert built.exit_code == 0, built.output
    html = (project / "output" / EXAMPLE_FORM_HEARING / "responses" / "ishoj.html").read_text()
    assert "Region Hovedstaden" in html and "Center for Regional Udvikling" in html
    assert "Høringssvar: Forslag til trafikplan for bymidten" in html


def test_without_a_hearing_file_the_recipient_and_title_are_left_empty(cli, project):
    target = _new_response(cli, "ny-hoering")
    text = (project / target).read_text("utf-8")
    assert 'title: ""\n' in text and 'recipient:\n  - ""\n' in text
    assert "topic=" not in text.split("\n---\n", 1)[1]  # no topic to guess: no example id
    result = cli("check", str(target))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Advarsel: {target}:10: hearing: consultations/ny-hoering/hearing.yaml findes ikke "
        "endnu, så svarets emner kan ikke tjekkes"
    )
    assert _errors(result) == [
        f"Fejl: {target}:8: title: må ikke være tom",
        f"Fejl: {target}:23: recipient: må ikke være tom",
        f"Fejl: {target}:28: contact.name: må ikke være tom",
        f"Fejl: {target}:37: signature.signatories.name: må ikke være tom",
        f"Fejl: {target}:50: skabelonens tekst 'Skriv afsnittets overskrift her' står her "
        "stadig (skriv jeres egen tekst i stedet, eller slet den)",
        f"Fejl: {target}:52: skabelonens tekst 'Skriv jeres bemærkninger her.' står her "
        "stadig (skriv jeres egen tekst i stedet, eller slet den)",
    ]


def test_a_referat_skeleton_leaves_times_people_and_the_next_meeting_empty(cli, project):
    result = cli(
        "new",
        "minutes",
        "--organisation",
        "ishoj",
        "--title",
        "Dialogmøde om snitflader",
        "--date",
        "2019-06-19",
        "--hearing",
        EXAMPLE_HEARING,
    )
    target = (
        Path("consultations")
        / EXAMPLE_HEARING
        / "minutes"
        / "2019-06-19-dialogmode-om-snitflader.md"
    )
    assert result.stdout == f"Oprettede {target}\n"
    text = (project / target).read_text("utf-8")
    assert text == MINUTES
    assert text.count("2019-06-19") == 1  # the meeting's date, not the next meeting's too
    before = snapshot(project)
    check = cli("check", str(target))
    assert check.exit_code == 1
    placeholder = (
        "skabelonens tekst '{}' står her stadig (skriv jeres egen tekst i stedet, eller slet den)"
    )
    assert _errors(check) == [
        f"Fejl: {target}:13: start: må ikke være tom",
        f"Fejl: {target}:14: end: må ikke være tom",
        f"Fejl: {target}:30: participants.Ishøj Kommune: må ikke være tom",
        f"Fejl: {target}:34: chair: må ikke være tom",
        f"Fejl: {target}:35: referent: må ikke være tom",
        f"Fejl: {target}:39: next_meetings.date: må ikke være tom (skriv datoer som ÅÅÅÅ-MM-DD, "
        "fx 2019-06-19)",
        f"Fejl: {target}:40: next_meetings.time: må ikke være tom",
        f"Fejl: {target}:51: " + placeholder.format("Skriv afsnittets overskrift her"),
        f"Fejl: {target}:53: " + placeholder.format("Skriv referatet af punktet her."),
        f"Fejl: {target}:55: " + placeholder.format("Skriv beslutningen her."),
        f"Fejl: {target}:57: " + placeholder.format("skriv opgaven her"),
    ]
    assert snapshot(project) == before
    filled = (
        text.replace('start: ""', 'start: "13:00"')
        .replace('end: ""', 'end: "14:30"')
        .replace('    - ""', '    - "Anne Holm, centerchef"')
        .replace('chair: ""', 'chair: "Anne Holm, centerchef"')
        .replace('referent: ""', 'referent: "Bo Jensen, konsulent"')
        .replace('  - date: ""', "  - date: 2019-09-18")
        .replace('    time: ""', '    time: "13:00"')
        .replace("Skriv afsnittets overskrift her", "Velkomst")
        .replace("Skriv referatet af punktet her.", "Deltagerne præsenterede sig.")
        .replace("Skriv beslutningen her.", "Der holdes et nyt møde i september.")
        .replace("skriv opgaven her", "inviterer til næste møde — 1. september 2019")
    )
    (project / target).write_text(filled, "utf-8")
    assert cli("check", str(target)).exit_code == 0
    built = cli("build", str(target), "-f", "html")
    assert built.exit_code == 0, built.output
