"""Laver de modtagne breve, som vejledningen (docs/vejledning.md) importerer.

Tre høringssvar til eksemplets høring "Udkast til trafikplan 2027", skrevet til vejledningen
med egne ord, som en høringspart kunne sende dem: et brev som PDF (Albertslund Kommune), et
brev som DOCX (Brøndby Kommune) og en e-mail (Glostrup Kommune). Brevene sættes op af hoering
selv på et neutralt brevpapir; e-mailen skrives med Pythons email-pakke.

    python docs/eksempler/lav_breve.py      # skriver filerne ved siden af dette script

Samme kilder giver de samme bytes (datoerne står i brevene), så filerne kan ligge i git, og
tests/test_guide.py kontrollerer, at de er, hvad dette script laver.
"""

from __future__ import annotations

import email.message
import email.utils
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEARING = """\
id: trafikplan-2027
title: Udkast til trafikplan 2027
authority: region-hovedstaden
draft: {name: Udkast til trafikplan 2027}
period: {start: 2027-03-01, end: 2027-04-12}
deadline: 2027-04-12
consulted:
  - name: Albertslund Kommune
  - name: Brøndby Kommune
topics:
  - {id: busbetjening, title: Busbetjening}
  - {id: cykelstier, title: Cykelstier}
  - {id: trafiksikkerhed, title: Trafiksikkerhed}
"""

ALBERTSLUND = """\
---
type: response
title: Høringssvar om udkast til trafikplan 2027
hearing: trafikplan-2027
sender: Albertslund Kommune
department: By, Miljø og Teknik
date: 2027-04-07
case_number: "27-1187"
recipient: [Region Hovedstaden, Center for Regional Udvikling]
signature:
  on_behalf_of: Albertslund Kommune, By, Miljø og Teknik
  signatories: [{name: Lise Holm, title: Vejchef}]
---

Albertslund Kommune takker for udkastet til trafikplan 2027 og har følgende bemærkninger.

## Busbetjening

Vi er bekymrede for, at linje 143 i planen kun kører hver halve time om aftenen. Mange
borgere i den sydlige del af kommunen har ikke bil, og de mangler en bus efter kl. 19.

## Cykelstier

Vi er positive over for supercykelstien langs Roskildevej. Den vil gøre det lettere at
cykle til arbejde i København, og vi bidrager gerne til planlægningen af strækningen.
"""

BRONDBY = """\
---
type: response
title: Brøndby Kommunes bemærkninger til trafikplan 2027
hearing: trafikplan-2027
sender: Brøndby Kommune
department: Teknik og Miljø
date: 2027-04-10
recipient: [Region Hovedstaden]
signature:
  on_behalf_of: Brøndby Kommune
  signatories: [{name: Anders Friis, title: Direktør}]
---

Brøndby Kommune har læst udkastet og har to bemærkninger.

## Trafiksikkerhed

Vi foreslår, at planen prioriterer sikre skoleveje ved de store indfaldsveje. Krydset ved
Park Allé og Gammel Køge Landevej er et af de steder, hvor forældre oplever skolevejen som
utryg.

## Busbetjening

Vi foreslår en ny buslinje mellem Brøndby Strand station og Glostrup station, så
borgerne kan skifte til S-tog og regionaltog uden omveje.
"""

GLOSTRUP_TEXT = """\
Til Region Hovedstaden

Glostrup Kommune takker for muligheden for at svare på høringen om trafikplan 2027.

Glostrup Kommune hilser planen for flere cykelstier velkommen. Vi er særligt positive over,
at cykelstien langs Hovedvejen bliver forlænget til stationen.

Med venlig hilsen

Karen Bach
Trafikplanlægger, Glostrup Kommune
"""


def letters(folder: Path) -> dict[str, bytes]:
    """The letters' file names and bytes, built by hoering in a project under ``folder``."""
    import hoering

    hearing = folder / "consultations" / "trafikplan-2027"
    (hearing / "responses").mkdir(parents=True)
    (hearing / "hearing.yaml").write_text(HEARING, "utf-8")
    (hearing / "responses" / "albertslund.md").write_text(ALBERTSLUND, "utf-8")
    (hearing / "responses" / "brondby.md").write_text(BRONDBY, "utf-8")
    (folder / "templates").mkdir()
    built = folder / "output" / "trafikplan-2027" / "responses"
    previous = Path.cwd()
    os.chdir(folder)
    try:
        report = hoering.build(["consultations"], formats=["pdf", "docx"])
    finally:
        os.chdir(previous)
    assert not report.failed, [str(outcome.error) for outcome in report.failed]
    return {
        "albertslund-kommune.pdf": (built / "albertslund.pdf").read_bytes(),
        "brondby-kommune.docx": (built / "brondby.docx").read_bytes(),
        "glostrup-kommune.eml": glostrup_mail(),
    }


def glostrup_mail() -> bytes:
    """Glostrup's answer as the e-mail a case officer saves from Outlook (.eml)."""
    mail = email.message.EmailMessage()
    mail["From"] = email.utils.formataddr(("Glostrup Kommune", "teknik@glostrup.dk"))
    mail["To"] = "regionh@regionh.dk"
    mail["Subject"] = "SV: Høring over udkast til trafikplan 2027"
    mail["Date"] = "Thu, 08 Apr 2027 10:14:00 +0200"
    mail["Message-ID"] = "<trafikplan-2027-glostrup@glostrup.dk>"
    mail.set_content(GLOSTRUP_TEXT)
    return bytes(mail)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        made = letters(Path(folder))
    for name, data in made.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
