"""The workspace's edits (issue 23): each change lands in the Markdown file as a person
would have made it — the rest of the file byte for byte as it was — and a save on a file
that changed on disk, or with a wrong value, is refused with a message and writes nothing."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoering.cli import main
from hoering.comparison.collect import compare
from hoering.workspace import edits

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "consultations" / "samarbejdsaftale-psykisk-sygdom"
SOURCE = "responses/vestegn.md"

# A received letter as 'hoering import' writes it, in our own words, with a comment of the
# official's own and a value in single quotes.
IMPORTED = """\
---
type: response
title: "Høringssvar om samarbejdsaftalen"
hearing: samarbejdsaftale-psykisk-sygdom
sender: "Vestegnens Kommune"
date: 2019-06-17
case_number: '27.00.00-A00-4-19'  # sagsnummeret fra brevhovedet
recipient:
  - "Region Hovedstaden"
  - "Psykiatri og Social"
signature:
  on_behalf_of: "Vestegnens Kommune, Socialforvaltningen"
  signatories:
    - name: "Karen Holm"
      title: "Direktør"
source:
  file: "received/vestegn.pdf"
  name: "vestegn.pdf"
  sha256: 35857123c929f3db53e69e0eb185831e829b6dbbbfe79594b327579dc02967a3
# Det, 'hoering import' har taget ud af teksten, og hvorfor.
removed:
  letterhead:
    - "Rådhusvej 1"
    - "2600 Vestegn"
  closing:
    - "Med venlig hilsen"
# Det, 'hoering import' har gættet. Tjek hver værdi ovenfor; når den er rigtig (eller
# rettet), så slet dens linje her. 'hoering review' viser, hvad der er tilbage.
guessed:
  sender: {confidence: 0.83, found_in: "brevhovedet"}
  date: {confidence: 0.96, found_in: "brevhovedet: \\"17. juni 2019\\""}
  title: {confidence: 0.75, found_in: "fed linje"}
  case_number: {confidence: 0.90, found_in: "brevhovedet: efter \\"Sagsnr.\\""}
  recipient: {confidence: 0.70, found_in: "vinduet"}
  signatory: {confidence: 0.98, found_in: "afslutningen"}
lang: da
---

Kommunen takker for udkastet og har to bemærkninger.

## Udskrivning {topic=indlaeggelse-udskrivning stance=bekymring guess=0.77 matched="udskrivning"}

Vi får for kort varsel, når en borger skal hjem fra sengeafsnittet.

## Mentor {topic=udskrivningsmentor stance=forslag guess=0.95 matched="mentor"}

Vi foreslår, at mentoren følger borgeren i to måneder.
"""
UDSKRIVNING, MENTOR = 41, 45  # the headings' lines


@pytest.fixture
def hearing(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "consultations" / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    (folder / SOURCE).write_bytes(IMPORTED.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return Path("consultations") / EXAMPLE.name


def written(hearing: Path) -> str:
    return (hearing / SOURCE).read_bytes().decode("utf-8")


def diff(before: str, after: str) -> list[str]:
    """The changed lines, as git diff shows them (without the context)."""
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def heading_line(hearing: Path, start: str) -> int:
    lines = written(hearing).splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def version(hearing: Path) -> str:
    return edits.read_response(hearing, SOURCE).version


# --- front matter ---------------------------------------------------------------------


def test_accepting_a_guess_deletes_its_line_and_nothing_else(hearing):
    saved = edits.accept_guess(hearing, SOURCE, version(hearing), "sender")
    assert written(hearing) == IMPORTED.replace(
        '  sender: {confidence: 0.83, found_in: "brevhovedet"}\n', ""
    )
    assert saved.text == written(hearing)
    assert saved.version == version(hearing)


def test_correcting_a_value_keeps_its_quotes_and_comment_and_deletes_the_guess(hearing):
    before = written(hearing)
    edits.correct_field(hearing, SOURCE, version(hearing), "case_number", "27.00.00-A00-5-19")
    edits.correct_field(hearing, SOURCE, version(hearing), "sender", 'Vestegnens "Kommune"')
    edits.correct_field(hearing, SOURCE, version(hearing), "date", " 2019-06-18 ")
    assert diff(before, written(hearing)) == [
        '-sender: "Vestegnens Kommune"',
        "-date: 2019-06-17",
        "-case_number: '27.00.00-A00-4-19'  # sagsnummeret fra brevhovedet",
        '+sender: "Vestegnens \\"Kommune\\""',
        "+date: 2019-06-18",
        "+case_number: '27.00.00-A00-5-19'  # sagsnummeret fra brevhovedet",
        '-  sender: {confidence: 0.83, found_in: "brevhovedet"}',
        '-  date: {confidence: 0.96, found_in: "brevhovedet: \\"17. juni 2019\\""}',
        '-  case_number: {confidence: 0.90, found_in: "brevhovedet: efter \\"Sagsnr.\\""}',
    ]


def test_correcting_the_recipient_and_the_signatory(hearing):
    before = written(hearing)
    edits.correct_field(hearing, SOURCE, version(hearing), "recipient", ["Region Hovedstaden"])
    edits.correct_field(hearing, SOURCE, version(hearing), "signatory", "Karen B. Holm")
    assert diff(before, written(hearing)) == [
        '-  - "Psykiatri og Social"',
        '-    - name: "Karen Holm"',
        '+    - name: "Karen B. Holm"',
        '-  recipient: {confidence: 0.70, found_in: "vinduet"}',
        '-  signatory: {confidence: 0.98, found_in: "afslutningen"}',
    ]


def test_no_remarks_is_written_where_import_writes_it_and_taken_away_again(hearing):
    before = written(hearing)
    edits.set_no_remarks(hearing, SOURCE, version(hearing))
    assert diff(before, written(hearing)) == ["+no_remarks: true"]
    assert '  - "Psykiatri og Social"\nno_remarks: true\nsignature:\n' in written(hearing)
    edits.set_no_remarks(hearing, SOURCE, version(hearing), False)
    assert written(hearing) == before


def test_a_removed_line_is_restored_where_it_stood(hearing):
    before = written(hearing)
    edits.restore_removed(hearing, SOURCE, version(hearing), "letterhead", 1)
    edits.restore_removed(hearing, SOURCE, version(hearing), "closing")
    assert diff(before, written(hearing)) == [
        '-    - "2600 Vestegn"',
        "-  closing:",
        '-    - "Med venlig hilsen"',
        "+2600 Vestegn",
        "+",
        "+",
        "+Med venlig hilsen",
    ]
    assert written(hearing).startswith(before[: before.index("\n---\n")].split("removed:")[0])
    assert "---\n\n2600 Vestegn\n\nKommunen takker" in written(hearing)
    assert written(hearing).endswith("to måneder.\n\nMed venlig hilsen\n")


def test_restoring_the_last_removed_line_takes_the_empty_list_and_its_comment_away(hearing):
    edits.restore_removed(hearing, SOURCE, version(hearing), "letterhead")
    edits.restore_removed(hearing, SOURCE, version(hearing), "closing", 0)
    text = written(hearing)
    assert "removed:" not in text
    assert "taget ud af teksten" not in text
    assert "\nsha256: " not in text and "  sha256: 3585" in text
    assert "---\n\nRådhusvej 1\n\n2600 Vestegn\n\nKommunen takker" in text


# --- headings -------------------------------------------------------------------------


def test_a_heading_gets_another_topic_and_stance_and_loses_its_guess(hearing):
    before = written(hearing)
    edits.set_heading_topic(hearing, SOURCE, version(hearing), MENTOR, "ventetid", "concern")
    edits.accept_heading(hearing, SOURCE, version(hearing), UDSKRIVNING)
    assert diff(before, written(hearing)) == [
        "-## Udskrivning {topic=indlaeggelse-udskrivning stance=bekymring guess=0.77 "
        'matched="udskrivning"}',
        "+## Udskrivning {topic=indlaeggelse-udskrivning stance=bekymring}",
        '-## Mentor {topic=udskrivningsmentor stance=forslag guess=0.95 matched="mentor"}',
        "+## Mentor {topic=ventetid stance=bekymring}",
    ]


def test_a_heading_set_to_no_topic_loses_its_attributes(hearing):
    edits.set_heading_topic(hearing, SOURCE, version(hearing), MENTOR, None, None)
    assert "\n## Mentor\n\nVi foreslår" in written(hearing)


# --- refused --------------------------------------------------------------------------


def test_a_save_on_a_file_changed_on_disk_is_refused_and_writes_nothing(hearing):
    old = version(hearing)
    changed = IMPORTED.replace("to bemærkninger", "tre bemærkninger")
    (hearing / SOURCE).write_text(changed, "utf-8")  # the official's editor saved it
    with pytest.raises(edits.ChangedOnDisk) as refused:
        edits.accept_guess(hearing, SOURCE, old, "sender")
    assert str(refused.value) == (
        "consultations/samarbejdsaftale-psykisk-sygdom/responses/vestegn.md er ændret, efter at "
        "siden blev læst (måske i en editor); intet er gemt: læs filen igen, og foretag "
        "ændringen en gang til"
    )
    assert written(hearing) == changed
    assert not [p for p in (hearing / "responses").iterdir() if p.name.startswith(".")]


REFUSED = [
    (
        lambda h, v: edits.set_heading_topic(h, SOURCE, v, MENTOR, "mentorordning", None),
        "'mentorordning' er ikke et emne i hearing.yaml (brug et af disse: "
        "tvaerfagligt-samarbejde, ledsagelse, ambulant-behandling, indlaeggelse-udskrivning, "
        "ventetid, udskrivningsmentor, netvaerksmoeder, hjemloese)",
    ),
    (
        lambda h, v: edits.set_heading_topic(h, SOURCE, v, MENTOR, "ventetid", "glad"),
        "'glad' er ikke en holdning (brug positiv, bekymring, forslag (eller positive, "
        "concern, proposal))",
    ),
    (
        lambda h, v: edits.set_heading_topic(h, SOURCE, v, MENTOR + 1, "ventetid", None),
        "vestegn.md: der er ingen overskrift i linje 46",
    ),
    (
        lambda h, v: edits.correct_field(h, SOURCE, v, "date", "2019-02-30"),
        "date: '2019-02-30' er ikke en dato (skriv ÅÅÅÅ-MM-DD, fx 2019-06-18)",
    ),
    (
        lambda h, v: edits.correct_field(h, SOURCE, v, "date", "17. juni 2019"),
        "date: '17. juni 2019' er ikke en dato (skriv ÅÅÅÅ-MM-DD, fx 2019-06-18)",
    ),
    (
        lambda h, v: edits.correct_field(h, SOURCE, v, "sender", "  "),
        "sender: værdien er tom; skriv den, eller godkend gættet",
    ),
    (
        lambda h, v: edits.correct_field(h, SOURCE, v, "sender", "Vestegn\nKommune"),
        "sender: skriv én linje tekst",
    ),
    (
        lambda h, v: edits.correct_field(h, SOURCE, v, "sender", "Vestegn\u202enummoK"),
        "sender: tegnet U+202E kan ikke skrives (det er et styretegn)",
    ),
    (  # a line separator: YAML ends the line there, and every later edit was refused
        lambda h, v: edits.correct_field(h, SOURCE, v, "sender", "Vestegn\u2028Kommune"),
        "sender: tegnet U+2028 kan ikke skrives (det er et styretegn)",
    ),
    (
        lambda h, v: edits.correct_field(h, SOURCE, v, "title", "x" * 301),
        "title: højst 300 tegn",
    ),
    (
        lambda h, v: edits.correct_field(h, SOURCE, v, "lang", "en"),
        "'lang' er ikke et felt, der kan rettes her; brug et af disse: sender, date, title, "
        "case_number, on_behalf_of, signatory, recipient, signatory_title",
    ),
    (
        lambda h, v: edits.accept_guess(h, SOURCE, v, "no_remarks"),
        "vestegn.md: 'no_remarks' er ikke blandt de gæt, der mangler at blive tjekket",
    ),
    (
        lambda h, v: edits.restore_removed(h, SOURCE, v, "stamp"),
        "'stamp' er ikke en slags tekst, som import tager ud",
    ),
    (
        lambda h, v: edits.restore_removed(h, SOURCE, v, "archive_stamp"),
        "vestegn.md: intet blev taget ud som arkivstempel",
    ),
    (
        lambda h, v: edits.restore_removed(h, SOURCE, v, "letterhead", 2),
        "vestegn.md: under brevhoved er der kun 2 linjer, ingen linje nr. 3",
    ),
    (
        lambda h, v: edits.restore_removed(h, SOURCE, v, "closing", 1),
        "vestegn.md: under hilsen er der kun 1 linje, ingen linje nr. 2",
    ),
    (
        lambda h, v: edits.accept_guess(h, "../hearing.yaml", v, "sender"),
        "'../hearing.yaml' ligger uden for høringens mappe responses/",
    ),
    (
        lambda h, v: edits.accept_guess(h, "responses/../../../../etc/passwd", v, "sender"),
        "'responses/../../../../etc/passwd' ligger uden for høringens mappe responses/",
    ),
    (
        lambda h, v: edits.accept_guess(h, "responses/nobody.md", v, "sender"),
        "'responses/nobody.md' er ikke et høringssvar i denne høring",
    ),
]


@pytest.mark.parametrize(("edit", "message"), REFUSED)
def test_wrong_input_is_refused_with_a_message_and_writes_nothing(hearing, edit, message):
    files = {p: p.read_bytes() for p in hearing.rglob("*") if p.is_file()}
    with pytest.raises(edits.EditRefused) as refused:
        edit(hearing, version(hearing))
    assert str(refused.value) == message
    assert {p: p.read_bytes() for p in hearing.rglob("*") if p.is_file()} == files


def test_a_refused_restore_names_the_reason_in_english_with_lang_en(hearing):
    from hoering.messages import choose_language

    choose_language("en")
    with pytest.raises(edits.EditRefused) as refused:
        edits.restore_removed(hearing, SOURCE, version(hearing), "archive_stamp")
    assert str(refused.value) == "vestegn.md: nothing was taken out as archive stamp"
    with pytest.raises(edits.EditRefused) as refused:
        edits.restore_removed(hearing, SOURCE, version(hearing), "closing", 3)
    assert str(refused.value) == "vestegn.md: closing has only 1 line, not line 4"


def test_a_value_the_reader_would_refuse_is_not_saved(hearing):
    """A value that reads as YAML but not as a valid response (an empty title after
    quoting cannot happen; a title that is a list can't be typed): the check is the
    reader's own, so a signatory title in a file whose signature is malformed is refused."""
    text = IMPORTED.replace("lang: da\n", "lang: dk\n")
    (hearing / SOURCE).write_text(text, "utf-8")
    with pytest.raises(edits.EditRefused) as refused:
        edits.accept_guess(hearing, SOURCE, version(hearing), "sender")
    assert str(refused.value).startswith(
        "consultations/samarbejdsaftale-psykisk-sygdom/responses/vestegn.md: ændringen er ikke "
        "gemt, for filen ville ikke kunne læses: "
    )
    assert "lang" in str(refused.value)
    assert written(hearing) == text


# --- line ends, byte order mark, round trip -------------------------------------------


def test_windows_line_ends_and_a_byte_order_mark_are_kept(hearing):
    data = b"\xef\xbb\xbf" + IMPORTED.replace("\n", "\r\n").encode("utf-8")
    (hearing / SOURCE).write_bytes(data)
    edits.set_no_remarks(hearing, SOURCE, version(hearing))  # one line more above it
    edits.set_heading_topic(hearing, SOURCE, version(hearing), MENTOR + 1, "ventetid", "positiv")
    after = (hearing / SOURCE).read_bytes()
    assert after.startswith(b"\xef\xbb\xbf---\r\n")
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert after.replace(b"\r\n", b"\n").decode("utf-8-sig") == IMPORTED.replace(
        '  - "Psykiatri og Social"\n', '  - "Psykiatri og Social"\nno_remarks: true\n'
    ).replace(
        '## Mentor {topic=udskrivningsmentor stance=forslag guess=0.95 matched="mentor"}',
        "## Mentor {topic=ventetid stance=positiv}",
    )


def test_after_every_edit_the_hearing_checks_and_compares(hearing):
    for edit in (
        lambda v: edits.accept_guess(hearing, SOURCE, v, "title"),  # one line less
        lambda v: edits.correct_field(hearing, SOURCE, v, "sender", "Vestegnens Kommune"),
        lambda v: edits.restore_removed(hearing, SOURCE, v, "letterhead", 0),  # one more
        lambda v: edits.set_heading_topic(
            hearing, SOURCE, v, heading_line(hearing, "## Mentor"), "hjemloese", "proposal"
        ),
    ):
        edit(version(hearing))
        result = CliRunner().invoke(main, ["check", str(hearing / SOURCE)])
        assert result.exit_code == 0, result.output
    comparison = compare(hearing)
    remark = next(r for e in comparison.topics for r in e.remarks if r.heading == "Mentor")
    assert (remark.topic, remark.stance, remark.guessed) == ("hjemloese", "proposal", False)
    assert "Rådhusvej 1" in (hearing / SOURCE).read_text("utf-8").split("---\n")[2]


# --- every other byte stays: a property -----------------------------------------------

GUESSES = ["sender", "date", "title", "case_number", "recipient", "signatory"]
values = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda s: s.strip())


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["sender", "title", "case_number", "on_behalf_of", "signatory_title"]),
    value=values,
    accepted=st.sets(st.sampled_from(GUESSES)),
)
def test_random_edits_change_only_their_own_lines(hearing, field, value, accepted):
    (hearing / SOURCE).write_text(IMPORTED, "utf-8")
    for key in sorted(accepted):
        edits.accept_guess(hearing, SOURCE, version(hearing), key)
    before = written(hearing)
    try:
        edits.correct_field(hearing, SOURCE, version(hearing), field, value)
    except edits.EditRefused:
        assert written(hearing) == before
        return
    changed = diff(before, written(hearing))
    removed = [line for line in changed if line.startswith("-")]
    added = [line for line in changed if line.startswith("+")]
    assert len(added) == 1
    guess = "signatory" if field == "signatory_title" else field
    assert len(removed) == 1 + (guess in GUESSES and guess not in accepted)
    from hoering.sources import load_source

    source = load_source(hearing / SOURCE)
    location = edits.FIELDS[field]
    stored = source.raw.metadata
    for step in location:
        stored = stored[step]
    assert stored == value.strip()


def test_a_value_import_left_unknown_is_written_and_its_mark_deleted(hearing):
    text = IMPORTED.replace('sender: "Vestegnens Kommune"\n', "sender:\n").replace(
        '  sender: {confidence: 0.83, found_in: "brevhovedet"}\n',
        '  sender: {unknown: true, found_in: "ingen afsender fundet"}\n',
    )
    (hearing / SOURCE).write_text(text, "utf-8")
    edits.correct_field(hearing, SOURCE, version(hearing), "sender", "Vestegnens Kommune")
    assert diff(text, written(hearing)) == [
        "-sender:",
        '+sender: "Vestegnens Kommune"',
        '-  sender: {unknown: true, found_in: "ingen afsender fundet"}',
    ]


def test_a_guess_written_inside_braces_is_refused_rather_than_rewritten(hearing):
    head, rest = IMPORTED.split("guessed:\n")
    text = head + "guessed: {sender: {confidence: 0.8}, date: {confidence: 0.9}}\n"
    text += rest[rest.index("lang: da") :]
    (hearing / SOURCE).write_text(text, "utf-8")
    with pytest.raises(edits.EditRefused) as refused:
        edits.accept_guess(hearing, SOURCE, version(hearing), "sender")
    assert str(refused.value) == (
        "vestegn.md: ændringen kan ikke skrives uden at ændre andre værdier; "
        "foretag den i en editor"
    )
    assert written(hearing) == text


TOPICS = [None, "ledsagelse", "ventetid", "hjemloese", "udskrivningsmentor"]
STANCE_WORDS = [None, "positive", "concern", "proposal", "positiv", "bekymring", "forslag"]


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    line=st.sampled_from([UDSKRIVNING, MENTOR]),
    topic=st.sampled_from(TOPICS),
    stance=st.sampled_from(STANCE_WORDS),
)
def test_random_heading_edits_change_only_that_heading(hearing, line, topic, stance):
    (hearing / SOURCE).write_text(IMPORTED, "utf-8")
    edits.set_heading_topic(hearing, SOURCE, version(hearing), line, topic, stance)
    before, after = IMPORTED.splitlines(keepends=True), written(hearing).splitlines(keepends=True)
    assert len(after) == len(before)
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [line - 1]
    from hoering.sources import load_source

    heading = next(
        b for b in load_source(hearing / SOURCE).blocks if getattr(b, "line", None) == line
    )
    expected_stance = {"positiv": "positive", "bekymring": "concern", "forslag": "proposal"}
    assert (heading.topic, heading.stance, heading.guess) == (
        topic,
        expected_stance.get(stance or "", stance),
        None,
    )
