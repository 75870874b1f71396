"""Referater: the example built into DOCX, PDF, HTML, CSV and iCalendar and read back;
hoering actions; hoering new minutes; and the errors authors make."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import icalendar
import pypdf
import pytest

import hoering
from conftest import EXAMPLE_HEARING, snapshot
from htmltree import parse
from support import commands_fail_cleanly

MINUTES = (
    Path("consultations") / EXAMPLE_HEARING / "minutes" / "2019-06-19-dialogmoede-snitflader.md"
)
OUT = Path("output") / EXAMPLE_HEARING / "minutes" / "2019-06-19-dialogmoede-snitflader"
AGENDA = [
    "1. Velkomst og præsentation",
    "2. Baggrunden for mødet",
    "3. Distriktspsykiatriens praksis ved afslutning",
    "4. Et fast dialogforum",
]


@pytest.fixture
def built(cli, project) -> Path:
    result = cli("build", str(MINUTES))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1 bygget, 0 allerede opdateret, 0 fejlede"
    return project / OUT


def out(built: Path, suffix: str) -> Path:
    return built.with_name(built.name + suffix)


def test_build_writes_documents_and_exports(built):
    names = sorted(p.name for p in built.parent.iterdir())
    assert names == [f"{built.name}{s}" for s in (".actions.csv", ".docx", ".html", ".ics", ".pdf")]


def test_docx_has_numbered_agenda_decisions_actions_and_referent(built):
    document = docx.Document(out(built, ".docx"))
    paragraphs = [(p.text, p.style.name) for p in document.paragraphs]
    headings = [text for text, style in paragraphs if style == "Heading 1"]
    assert headings == ["Deltagere", "Dagsorden", *AGENDA, "Opfølgning", "Næste møde"]
    texts = [text for text, _ in paragraphs]
    assert texts[1].startswith("Mødets overskrift: Snitflader")  # after the title
    assert "Mødeleder: Helle Pernille Madsen, centerchef" in texts
    assert "Referent: Thomas Petersen, udviklingskonsulent, Ishøj Kommune" in texts
    assert (
        texts[0] == "Referat: Dialogmøde mellem Distriktspsykiatrien og Center for Voksne og "
        "Velfærd"
    )
    assert (
        "Onsdag den 18. september 2019 kl. 13:00–15:00, Ishøj Rådhus. Ishøj Kommune indkalder."
    ) in texts
    assert not any(text.startswith("Beslutning:") for text in texts)  # set apart instead
    participants, actions = document.tables[1], document.tables[-1]  # [0]: info block
    assert [c.text for c in participants.rows[2].cells] == [
        "PC Glostrup",
        "Darius Mardosas, Tina Eggert, m.fl.",
    ]
    assert [c.text for c in actions.rows[0].cells] == ["Hvem", "Hvad", "Hvornår", "Status"]
    assert [c.text for c in actions.rows[2].cells] == [
        "Distriktspsykiatrien",
        "sender mulige datoer for dialogmøderne i 2019 til Helle Pernille Madsen",
        "1. august 2019",
        "ikke udført",
    ]
    assert [c.text for c in actions.rows[1].cells][2] == "september 2019"  # kept as written
    assert document.core_properties.title == (
        "Referat: Dialogmøde mellem Distriktspsykiatrien og Center for Voksne og Velfærd"
    )
    assert document.core_properties.author == "Ishøj Kommune"


def test_docx_decisions_are_callouts(built):
    document = docx.Document(out(built, ".docx"))
    boxes = [t.cell(0, 0) for t in document.tables if len(t.columns) == 1]
    assert [[p.text for p in box.paragraphs][0] for box in boxes] == ["Beslutning"] * 2
    assert boxes[0].paragraphs[1].text.startswith("Der holdes dialogmøder to gange om året")
    assert boxes[1].paragraphs[1].text.startswith("Første møde er et ekstraordinært møde")
    assert boxes[0].paragraphs[0].runs[0].bold


def test_pdf_text_and_metadata(built):
    reader = pypdf.PdfReader(out(built, ".pdf"))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Dato",
        "19. juni 2019",
        "Tidspunkt",
        "13:00–14:30",
        "Sted",
        "Ishøj Rådhus, mødelokale 2",
        "Deltagere",
        "Dagsorden",
        "Beslutning",
        "Opfølgning",
        "Hvem",
        "Hvad",
        "Hvornår",
        "Næste møde",
        "Referent: Thomas Petersen, udviklingskonsulent, Ishøj Kommune",
        "Side 1 af 2",
    ):
        assert expected in text, expected
    assert "Velkomst og præsentation" in text and "@Ishøj" not in text
    assert reader.metadata.title.startswith("Referat: Dialogmøde mellem Distriktspsykiatrien")


def test_html_structure(built):
    page = parse(out(built, ".html").read_text("utf-8"))
    headings = [h.text().strip() for h in page.find("main").iter("h2")]
    assert headings[:6] == ["Deltagere", "Dagsorden", *AGENDA]
    decisions = page.find_all("aside", class_="callout-decision")
    assert len(decisions) == 2
    assert decisions[0].text().strip().startswith("Beslutning")
    assert "Der holdes dialogmøder to gange om året" in decisions[0].text()
    tables = page.find_all("table")
    assert [th.text().strip() for th in tables[-1].iter("th")] == [
        "Hvem",
        "Hvad",
        "Hvornår",
        "Status",
    ]


def test_actions_csv(built):
    data = out(built, ".actions.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Ansvarlig", "Opgave", "Frist", "Forfald", "Status", "Kilde"]
    assert rows[1:] == [
        [
            "Ishøj Kommune",
            "inviterer til det første dialogmøde",
            '="september 2019"',  # Excel shows the words, not 1 September 2019
            "2019-09-30",
            "åben",
            f"{MINUTES}:71",
        ],
        [
            "Distriktspsykiatrien",
            "sender mulige datoer for dialogmøderne i 2019 til Helle Pernille Madsen",
            '="1. august 2019"',
            "2019-08-01",
            "åben",
            f"{MINUTES}:72",
        ],
        [
            "Alle parter",
            "tager et udkast til rammebeskrivelse med",
            '="inden næste møde"',
            "2019-09-18",
            "åben",
            f"{MINUTES}:73",
        ],
    ]


def test_ics_parses_back_with_todos_and_the_next_meeting(built, cli, project):
    calendar = icalendar.Calendar.from_ical(out(built, ".ics").read_bytes())
    todos = calendar.walk("VTODO")
    assert [str(t["summary"]) for t in todos] == [
        "Ishøj Kommune: inviterer til det første dialogmøde",
        "Distriktspsykiatrien: sender mulige datoer for dialogmøderne i 2019 til "
        "Helle Pernille Madsen",
        "Alle parter: tager et udkast til rammebeskrivelse med",
    ]
    assert [t.decoded("due").isoformat() for t in todos] == [
        "2019-09-30",
        "2019-08-01",
        "2019-09-18",
    ]
    assert "Frist: september 2019" in str(todos[0]["description"])
    assert all(str(t["status"]) == "NEEDS-ACTION" for t in todos)
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert (start.isoformat(), str(start.tzinfo)) == (
        "2019-09-18T13:00:00+02:00",
        "Europe/Copenhagen",
    )
    assert event.decoded("dtend").hour == 15
    assert str(event["location"]) == "Ishøj Rådhus"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Copenhagen"
    first = out(built, ".ics").read_bytes()
    assert cli("build", "--force", "-o", "again", str(MINUTES)).exit_code == 0
    again = project / "again" / OUT.relative_to("output")
    assert out(again, ".ics").read_bytes() == first  # stable UIDs and time stamps


def _zone_of(calendar: icalendar.Calendar):
    """The .ics's own VTIMEZONE as a tzinfo, read from its rules (not looked up by name)."""
    (zone,) = calendar.walk("VTIMEZONE")
    return zone.to_tz(lookup_tzid=False)


def test_ics_time_zone_is_rules_that_do_not_end(built):
    """A zone written as a list of dates ended in 2037 and began summer time an hour late;
    the zone is the EU rule (last Sunday of March 02:00, of October 03:00), so every
    calendar program reads any year right, and no list of dates (which ical.js reads only
    the first of) is left."""
    text = out(built, ".ics").read_bytes().decode("utf-8")
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")].split("\r\n")
    assert zone[:9] == [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Copenhagen",
        "BEGIN:DAYLIGHT",
        "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZNAME:CEST",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "END:DAYLIGHT",
    ]
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in zone
    assert "RDATE" not in text and "2038" not in text
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    ours, real = _zone_of(icalendar.Calendar.from_ical(text)), ZoneInfo("Europe/Copenhagen")
    for year in range(1981, 2100):
        for month in (3, 9, 10):
            last_sunday = max(
                dt.date(year, month, d)
                for d in range(22, 32 if month != 9 else 31)
                if dt.date(year, month, d).weekday() == 6
            )
            for hour in (0, 1, 4, 12, 23):
                moment = dt.datetime.combine(last_sunday, dt.time(hour))
                got = moment.replace(tzinfo=ours).utcoffset()
                assert got == moment.replace(tzinfo=real).utcoffset(), moment


@pytest.mark.parametrize(
    ("day", "time", "utc"),
    [
        ("2041-03-31", "13:00", "2041-03-31T11:00:00+00:00"),  # the day summer time begins
        ("2041-10-27", "13:00", "2041-10-27T12:00:00+00:00"),  # the day it ends
        ("2041-06-12", "09:30", "2041-06-12T07:30:00+00:00"),
        ("2041-12-04", "09:30", "2041-12-04T08:30:00+00:00"),
    ],
)
def test_a_meeting_in_2041_is_at_the_time_written(cli, project, day, time, utc):
    replace(
        project, '  - date: 2019-09-18\n    time: "13:00"', f'  - date: {day}\n    time: "{time}"'
    )
    result = cli("build", str(MINUTES), "-f", "html")
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical(out(project / OUT, ".ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    written = dt.datetime.fromisoformat(f"{day}T{time}")
    assert str(event["dtstart"].params["TZID"]) == "Europe/Copenhagen"
    assert event["dtstart"].to_ical().decode() == written.strftime("%Y%m%dT%H%M%S")
    start = written.replace(tzinfo=_zone_of(calendar))
    assert start.astimezone(dt.UTC).isoformat() == utc
    zoneinfo = written.replace(tzinfo=ZoneInfo("Europe/Copenhagen"))
    assert start.utcoffset() == zoneinfo.utcoffset()


def test_english_minutes(cli, project):
    path = project / MINUTES
    path.write_text(
        path.read_text("utf-8")
        .replace("type: minutes", "type: minutes\nlang: en")
        .replace("Beslutning:", "Decision:"),
        "utf-8",
    )
    assert cli("build", str(MINUTES), "-f", "docx").exit_code == 0
    document = docx.Document(project / OUT.with_suffix(".docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Participants", "Agenda"] and headings[-2:] == [
        "Action items",
        "Next meeting",
    ]
    assert [c.text for c in document.tables[-1].rows[0].cells] == ["Who", "What", "When", "Status"]
    assert "Minutes taken by: Thomas Petersen, udviklingskonsulent, Ishøj Kommune" in [
        p.text for p in document.paragraphs
    ]


def test_actions_lists_open_items_with_overdue_marked(cli, project):
    result = cli("actions", "--today", "2019-08-15")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Frist", "Ansvarlig", "Opgave", "Kilde"]
    assert lines[1].split()[:4] == ["!", "2019-08-01", "OVERSKREDET", "Distriktspsykiatrien"]
    assert lines[1].endswith(f"{MINUTES}:72")
    assert lines[-1] == "3 åbne opgaver, 1 overskredet (pr. 2019-08-15)"


def test_actions_in_english(cli, project):
    result = cli("--lang", "en", "actions", "--today", "2019-08-15")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Due", "Owner", "Task", "Source"]
    assert lines[1].split()[:3] == ["!", "2019-08-01", "OVERDUE"]
    assert lines[-1] == "3 open action items, 1 overdue (on 2019-08-15)"
    one = cli("--lang", "en", "actions", "--owner", "ishøj", "--today", "2019-10-01")
    assert one.stdout.splitlines()[-1] == "1 open action item, 1 overdue (on 2019-10-01)"
    rows = list(
        csv.reader(
            io.StringIO(
                cli(
                    "--lang", "en", "actions", "--format", "csv", "--today", "2019-08-15"
                ).stdout.lstrip("\ufeff")
            ),
            delimiter=";",
        )
    )
    assert rows[0] == ["owner", "task", "deadline", "due", "status", "source"]
    assert [r[4] for r in rows[1:]] == ["overdue", "open", "open"]


def test_actions_filters_and_csv(cli, project):
    path = project / MINUTES
    path.write_text(path.read_text("utf-8").replace("- [ ] @Alle", "- [x] @Alle"), "utf-8")
    result = cli("actions", "--owner", "ishøj", "--today", "2019-10-01")
    assert result.stdout.splitlines()[-1] == "1 åben opgave, 1 overskredet (pr. 2019-10-01)"
    result = cli("actions", "--overdue", "--today", "2019-08-02", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    assert [r[0] for r in rows] == ["Ansvarlig", "Distriktspsykiatrien"]
    assert rows[1][4] == "overskredet"
    assert cli("actions", "--owner", "nobody").stdout.strip() == "Ingen åbne opgaver"


def test_actions_api(project):
    import datetime as dt

    report = hoering.open_actions(overdue_on=dt.date(2019, 9, 20))
    assert [(a.item.owner, a.item.due.isoformat()) for a in report.actions] == [
        ("Distriktspsykiatrien", "2019-08-01"),
        ("Alle parter", "2019-09-18"),
    ]
    assert report.errors == []


def _filled_minutes(text: str) -> str:
    """A referat skeleton with its empty fields filled in, as the referent would."""
    for empty, value in [
        ('start: ""', 'start: "13:00"'),
        ('end: ""', 'end: "14:30"'),
        ('    - ""', '    - "Anne Holm"'),
        ('chair: ""', 'chair: "Anne Holm"'),
        ('referent: ""', 'referent: "Bo Jensen"'),
        ('  - date: ""', "  - date: 2019-09-18"),
        ('    time: ""', '    time: "13:00"'),
        ("Skriv afsnittets overskrift her", "Velkomst"),
        ("Skriv referatet af punktet her.", "Deltagerne præsenterede sig."),
        ("Skriv beslutningen her.", "Der holdes et nyt møde."),
        ("skriv opgaven her", "inviterer — 1. september 2019"),
    ]:
        text = text.replace(empty, value)
    return text


def test_new_minutes_is_ready_to_build_once_filled_and_never_overwrites(cli, project):
    args = [
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
    ]
    result = cli(*args)
    created = (
        Path("consultations")
        / EXAMPLE_HEARING
        / "minutes"
        / ("2019-06-19-dialogmode-om-snitflader.md")
    )
    assert result.stdout.strip() == f"Oprettede {created}"
    text = (project / created).read_text("utf-8")
    assert 'title: "Dialogmøde om snitflader"' in text and "Beslutning:" in text
    assert cli("check", str(created)).exit_code == 1  # its empty fields: tests/test_skeletons.py
    (project / created).write_text(_filled_minutes(text), "utf-8")
    assert cli("check", str(created)).exit_code == 0
    assert cli("build", str(created), "-f", "html").exit_code == 0
    before = snapshot(project / "consultations")
    again = cli(*args)
    assert again.exit_code == 1
    assert again.stderr.strip() == (
        f"Fejl: {created} findes allerede (vælg et andet navn "
        "med --output; hoering overskriver aldrig en kilde)"
    )
    assert snapshot(project / "consultations") == before


# --- bad input ---------------------------------------------------------------------------


def replace(project: Path, old: str, new: str) -> None:
    path = project / MINUTES
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def fails(cli, project: Path, expected: list[str]) -> None:
    commands_fail_cleanly(cli, project, expected, ["build", str(MINUTES)], ["check", str(MINUTES)])


def test_action_item_without_owner(cli, project):
    replace(project, "- [ ] @Ishøj Kommune: inviterer", "- [ ] Ishøj Kommune inviterer")
    fails(
        cli,
        project,
        [
            f'{MINUTES}:71: opgaven har ingen ansvarlig (skriv den som "- [ ] @Hvem: hvad — '
            'frist", fx "- [ ] @Ishøj Kommune: sender oversigten — 1/9-2019")'
        ],
    )


def test_unparseable_and_impossible_deadlines(cli, project):
    replace(project, "— september 2019", "— når vi får tid")
    replace(project, "— 1. august 2019", "— 31. juni 2019")
    fails(
        cli,
        project,
        [
            f"{MINUTES}:71: fristen 'når vi får tid' er hverken en dato eller en periode (skriv "
            'en dato ("1. september 2019", "1/9-2019") eller en periode ("september 2019", '
            '"uge 38", "inden næste møde"))',
            f"{MINUTES}:72: fristen '31. juni 2019' er ikke en dato i kalenderen "
            "(tjek dagen og måneden)",
        ],
    )


def test_minutes_errors_in_english(cli, project):
    replace(project, "- [ ] @Ishøj Kommune: inviterer", "- [ ] Ishøj Kommune inviterer")
    replace(project, "— 1. august 2019", "— 31. juni 2019")
    result = cli("--lang", "en", "check", str(MINUTES))
    assert result.stderr.splitlines()[:2] == [
        f'Error: {MINUTES}:71: action item has no owner (write it as "- [ ] @Hvem: hvad — '
        'frist", e.g. "- [ ] @Ishøj Kommune: sender oversigten — 1/9-2019")',
        f"Error: {MINUTES}:72: deadline '31. juni 2019' is not a date in the calendar "
        "(check the day and the month)",
    ]


def test_participants_must_be_organisations_with_names(cli, project):
    path = project / MINUTES
    text = path.read_text("utf-8")
    start, end = text.index("participants:"), text.index("chair:")
    path.write_text(
        text[:start] + "participants:\n  - Helle Pernille Madsen\n  - Tina Eggert\n" + text[end:],
        "utf-8",
    )
    result = cli("check", str(MINUTES))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Fejl: {MINUTES}:12: participants: skriv deltagerne under deres organisation, fx",
        "  Ishøj Kommune:",
        "    - Navn Navnesen, titel",
        "1 kilde tjekket, 1 med fejl",
    ]


def test_agenda_numbered_by_hand(cli, project):
    replace(project, "## Baggrunden for mødet", "## 2. Baggrunden for mødet")
    replace(project, "## Et fast dialogforum", "## 2. Et fast dialogforum")
    fails(
        cli,
        project,
        [
            f"{MINUTES}:36: dagsordenspunktet '2. Baggrunden for mødet' er nummereret i hånden "
            "(fjern '2.': hoering nummererer selv dagsordenspunkterne)",
            f"{MINUTES}:58: dagsordenspunktet '2. Et fast dialogforum' er nummereret i hånden "
            "(fjern '2.': hoering nummererer selv dagsordenspunkterne)",
        ],
    )


def test_next_meeting_before_the_meeting_is_a_warning(cli, project):
    replace(project, "  - date: 2019-09-18", "  - date: 2018-09-18")
    result = cli("build", str(MINUTES), "-f", "html")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"Advarsel: {MINUTES}:25: next_meetings: 2018-09-18 er før dette møde "
        "(2019-06-19); er årstallet rigtigt?"
    )


TRICKY_BODY = """
## Opgaver med formatering

- [ ] @Ishøj Kommune: sender *oversigten* over `borgere` — 1/9-2019
- [x] @PC Glostrup: er færdig — september 2019
- almindeligt punkt
  - [ ] @Region Hovedstaden: en indlejret opgave,
    der fortsætter på næste linje — uge 38
- [ ] @A & B: rydder op i [listen](https://example.dk) &amp; arkivet — 2019-12-01

> - [ ] @Distriktspsykiatrien: en opgave i et citat — 1. oktober 2019

```
- [ ] @Ingen: ikke en opgave, men kode
```

1. [ ] @Alle parter: læser udkastet{note} — inden næste møde
"""


def test_actions_reads_the_items_a_build_reads(cli, project):
    """hoering actions reads only the task items (fast); the build converts the whole
    referat. Both must find the same items, with markup, nesting, quotes and footnotes."""
    text = (project / MINUTES).read_text("utf-8")
    head = text[: text.index("---", 3) + 4]
    plain = MINUTES.with_name("2019-09-18-opgaver.md")
    notes = MINUTES.with_name("2019-09-19-noter.md")
    (project / plain).write_text(head + TRICKY_BODY.format(note=""), "utf-8")
    (project / notes).write_text(
        head
        + "Se bilaget.[^a]\n"
        + TRICKY_BODY.format(note="[^b]")
        + "\n[^a]: Bilag 1.\n[^b]: Udkastet fra maj.\n",
        "utf-8",
    )
    assert cli("build", "-f", "html", str(plain), str(notes)).exit_code == 0
    for source in (plain, notes):
        export = (
            project / "output" / source.relative_to("consultations").with_suffix(".actions.csv")
        )
        built = list(csv.reader(io.StringIO(export.read_text("utf-8-sig")), delimiter=";"))
        result = cli("actions", "--format", "csv", str(source))
        listed = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
        expected = [row for row in built[1:] if row[4] != "udført"]
        assert len(expected) == 5
        assert sorted(r[:4] + r[5:] for r in listed[1:]) == sorted(r[:4] + r[5:] for r in expected)
    assert ["Alle parter", "læser udkastet[2]", '="inden næste møde"'] in [
        r[:3] for r in built
    ]  # the second footnote of the body, numbered as in the build


def test_actions_reports_a_broken_referat_and_lists_the_others(cli, project):
    broken = MINUTES.with_name("2019-09-18-broken.md")
    text = (project / MINUTES).read_text("utf-8")
    (project / broken).write_text(
        text.replace("date: 2019-06-19", "date: 2019-06-31").replace(
            "- [ ] @Alle parter:", "- [ ] Alle parter:"
        ),
        "utf-8",
    )
    result = cli("actions", "--today", "2019-08-15")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Fejl: {broken}:5: date: '2019-06-31' er ikke en dato "
        "(skriv datoer som ÅÅÅÅ-MM-DD, fx 2019-06-19)"
    ]
    assert result.stdout.splitlines()[-1] == "3 åbne opgaver, 1 overskredet (pr. 2019-08-15)"


# --- plausibility --------------------------------------------------------------------------


def test_a_week_deadline_gets_the_end_of_that_iso_week_and_can_be_overdue(cli, project):
    replace(project, "— september 2019", "— uge 38")
    on_time = cli("actions", str(MINUTES), "--overdue", "--today", "2019-09-22")
    assert "uge 38" not in on_time.stdout
    late = cli("actions", str(MINUTES), "--overdue", "--today", "2019-09-23")
    assert late.exit_code == 0, late.output
    row = next(line for line in late.stdout.splitlines() if "(uge 38)" in line)
    assert row.startswith("! 2019-09-22 (uge 38) OVERSKREDET") and row.endswith(f"{MINUTES}:71")
    assert cli("build", str(MINUTES), "-f", "html").exit_code == 0
    csv_text = (project / OUT).with_suffix(".actions.csv").read_bytes().decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(csv_text), delimiter=";") if '="uge 38"' in r)
    assert "2019-09-22" in row


def test_a_week_without_year_is_the_next_such_week_after_the_meeting():
    import datetime as dt

    from hoering.dates import end_of_period

    assert end_of_period("uge 2", dt.date(2019, 11, 19)) == dt.date(2020, 1, 12)
    assert end_of_period("senest uge 20 2027") == dt.date(2027, 5, 23)
    assert end_of_period("uge 1", dt.date(2019, 12, 30)) == dt.date(2020, 1, 5)  # ISO: 2020


def test_a_week_that_does_not_exist_is_an_error(cli, project):
    replace(project, "— september 2019", "— uge 60")
    fails(
        cli,
        project,
        [
            f"{MINUTES}:71: fristen 'uge 60': der er ingen uge 60: ugerne hedder 1 til 53 "
            '(skriv ugen som "uge 38", eller en dato)'
        ],
    )


def test_end_before_start_is_an_error_with_its_line(cli, project):
    replace(project, 'end: "14:30"', 'end: "12:30"')
    replace(project, 'end: "15:00"', 'end: "11:00"')
    fails(
        cli,
        project,
        [
            f"{MINUTES}:7: end: '12:30' er før starten '13:00'; mødet skal slutte efter det "
            "begynder",
            f"{MINUTES}:27: next_meetings.end: '11:00' er før starten '13:00'; mødet skal "
            "slutte efter det begynder",
        ],
    )


def test_a_date_years_from_the_meetings_is_a_warning(cli, project):
    replace(project, "— 1. august 2019", "— 1. august 2091")
    replace(project, "  - date: 2019-09-18", "  - date: 2029-09-18")
    result = cli("build", str(MINUTES), "-f", "html")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:2] == [
        f"Advarsel: {MINUTES}:25: next_meetings: 2029-09-18 ligger langt fra mødets dato "
        "(2019-06-19): 2029 — mente du 2019?",
        f"Advarsel: {MINUTES}:72: deadline: 2091-08-01 ligger langt fra mødets dato "
        "(2019-06-19): 2091 — mente du 2019?",
    ]
    english = cli("--lang", "en", "check", str(MINUTES))
    assert english.stderr.splitlines()[1] == (
        f"Warning: {MINUTES}:72: deadline: 2091-08-01 is far from the meeting's date "
        "(2019-06-19): 2091 — did you mean 2019?"
    )


# --- hostile values (issue 21, low batch) ------------------------------------------------

TITLE = "title: Dialogmøde mellem"


@pytest.mark.parametrize("line_break", ["\\n", "\\r", "\\r\\n"])
def test_a_title_with_a_line_break_is_refused_before_any_file_is_written(cli, project, line_break):
    replace(project, TITLE, f'title: "Dialogmøde{line_break}mellem')
    replace(project, "og Velfærd\nsubject", 'og Velfærd"\nsubject')
    fails(cli, project, [f"{MINUTES}:3: title: skal stå på én linje; fjern linjeskiftet"])
    english = cli("--lang", "en", "check", str(MINUTES))
    assert english.stderr.splitlines()[0] == (
        f"Error: {MINUTES}:3: title: must be on one line; remove the line break"
    )


def test_a_title_written_as_a_block_is_refused_too(cli, project):
    replace(project, TITLE, "title: |\n  Dialogmøde\n  mellem")
    fails(cli, project, [f"{MINUTES}:3: title: skal stå på én linje; fjern linjeskiftet"])


def test_the_calendars_name_is_the_title_on_one_line(built):
    data = out(built, ".ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == (
        "Dialogmøde mellem Distriktspsykiatrien og Center for Voksne og Velfærd"
    )
    assert b"\r" not in data.replace(b"\r\n", b"")


def test_a_meeting_late_on_the_last_day_of_year_9999_lasts_two_hours(cli, project):
    replace(project, "  - date: 2019-09-18", "  - date: 9999-12-31")
    replace(project, '    time: "13:00"\n    end: "15:00"\n', '    time: "23:00"\n')
    replace(project, "— september 2019", "— 31. december 9999")
    result = cli("build", str(MINUTES), "-f", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1 bygget, 0 allerede opdateret, 0 fejlede"
    calendar = icalendar.Calendar.from_ical(out(project / OUT, ".ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == "9999-12-31T23:00:00+01:00"
    assert "dtend" not in event
    assert event.decoded("duration") == dt.timedelta(hours=2)
    due = [t.decoded("due").isoformat() for t in calendar.walk("VTODO")]
    assert due == ["9999-12-31", "2019-08-01", "9999-12-31"]  # the last: "inden næste møde"
