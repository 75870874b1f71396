"""E-mails printed to PDF and .eml files: the top message is the response (sender, date and
subject from its header), the quoted thread is kept apart in an appendix that is no remark,
and an .eml's PDF/DOCX attachment is imported with the mail's sender and date."""

from __future__ import annotations

import re
from email.message import EmailMessage
from pathlib import Path

import pytest

import hoering
from conftest import EXAMPLE_HEARING
from hoering.model import nodes as n
from letters import body_of, email_pdf, imported, letter_pdf

HEARING = Path("consultations") / EXAMPLE_HEARING
TO_ALL = [
    (
        "Til",
        "; ".join(
            f"{town} Kommune <post@{town.lower()}.dk>"
            for town in (
                "Albertslund",
                "Brøndby",
                "Glostrup",
                "Hvidovre",
                "Ishøj",
                "Rødovre",
                "Vallensbæk",
                "Ballerup",
                "Herlev",
                "Gladsaxe",
                "Gentofte",
                "Lyngby",
            )
        ),
    )
]
REMARKS = [
    "Kære Region Hovedstaden",
    "Tak for muligheden for at svare. Vi har to bemærkninger.",
    "Det er ikke realistisk at holde netværksmøder inden for tre dage, og vi er bekymrede "
    "for kvaliteten af møderne. Vi foreslår, at netværksmøder indkaldes skriftligt.",
    ("lines", ["Med venlig hilsen", "Birgitte Løkke Sørensen", "Sundhedschef"]),
]
HEARING_LETTER = [
    "Region Hovedstaden sender hermed udkastet til samarbejdsaftale i høring med svarfrist "
    "den 19. marts 2025. Aftalen beskriver blandt andet en udskrivningsmentor og ledsagelse "
    "til ambulant behandling.",
    ("lines", ["Med venlig hilsen", "Hans Holm Hansen", "Specialkonsulent"]),
]


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


def appendix_of(source) -> tuple[n.Heading, list]:
    """The appendix heading and the blocks under it."""
    index = next(i for i, b in enumerate(source.blocks) if isinstance(b, n.Heading) and b.appendix)
    return source.blocks[index], list(source.blocks[index + 1 :])


def words(blocks) -> str:
    from hoering.comparison.sections import block_text

    return " ".join(" ".join(block_text(b) for b in blocks).split())


def test_outlook_mail_printed_to_pdf(project):
    data = email_pdf(
        [
            ("Fra", "Birgitte Løkke Sørensen <bls@glostrup.dk>"),
            ("Sendt", "3. marts 2025 10:15"),
            *TO_ALL,
            ("Cc", "Jens Jensen <jj@glostrup.dk>"),
            ("Emne", "SV: VS: Høring af samarbejdsaftale om psykisk sygdom"),
        ],
        REMARKS,
        quoted=[
            (
                [
                    ("Fra", "Region Hovedstaden <hoering@regionh.dk>"),
                    ("Sendt", "10. februar 2025 09:00"),
                    ("Til", "Glostrup Kommune"),
                    ("Emne", "Høring af samarbejdsaftale om psykisk sygdom"),
                ],
                HEARING_LETTER,
            )
        ],
    )
    source, raw, path = imported(project, "mail.pdf", data)
    meta = source.meta
    assert meta.sender == "Glostrup Kommune"
    assert raw["guessed"]["sender"]["found_in"] == (
        "e-mailens brevhoved: fra (e-maildomænet glostrup.dk)"
    )
    assert meta.date.isoformat() == "2025-03-03"
    assert raw["guessed"]["date"]["found_in"] == 'e-mailens brevhoved: "3. marts 2025"'
    assert meta.title == "Høring af samarbejdsaftale om psykisk sygdom"
    assert [s.name for s in meta.signature.signatories] == ["Birgitte Løkke Sørensen"]
    assert meta.recipient[:2] == [
        "Albertslund Kommune <post@albertslund.dk>",
        "Brøndby Kommune <post@brøndby.dk>",
    ]
    body = body_of(path)
    assert "|" not in body and "Fra:" not in body.split("## Tidligere")[0]
    [topic] = [b for b in source.blocks if isinstance(b, n.Heading) and b.topic]
    assert topic.topic == "netvaerksmoeder" and topic.guess is not None
    heading, quoted = appendix_of(source)
    assert "## Tidligere korrespondance {appendix=true}" in body
    assert heading.topic is None and [type(b) for b in quoted] == [n.BlockQuote]
    kept = words(quoted)
    assert "Fra: Region Hovedstaden" in kept and "svarfrist den 19. marts 2025" in kept
    assert "Hans Holm Hansen" in kept  # the quoted signature is kept, not the signatory


def test_the_quoted_thread_is_no_remark_in_the_comparison(project):
    data = email_pdf(
        [
            ("Fra", "Birgitte Løkke Sørensen <bls@glostrup.dk>"),
            ("Sendt", "3. marts 2025 10:15"),
            ("Til", "hoering@regionh.dk"),
            ("Emne", "SV: Høring"),
        ],
        REMARKS,
        quoted=[
            (
                [("Fra", "Region Hovedstaden"), ("Sendt", "10. februar 2025"), ("Emne", "Høring")],
                HEARING_LETTER,
            )
        ],
    )
    imported(project, "mail.pdf", data)
    comparison = hoering.compare(HEARING)
    remarks = [r for topic in comparison.topics for r in topic.remarks] + list(comparison.unmatched)
    glostrup = [r for r in remarks if r.respondent == "Glostrup Kommune"]
    assert glostrup and all("svarfrist" not in r.text for r in glostrup)
    assert all("udskrivningsmentor" not in r.text for r in glostrup)
    assert {r.topic for r in glostrup} >= {"netvaerksmoeder"}


def test_english_outlook_mail_with_an_original_message_line(project):
    data = email_pdf(
        [
            ("From", "Mette Frøslev <mef@hvidovre.dk>"),
            ("Sent", "Monday, March 3, 2025 10:15 AM"),
            ("To", "hoering@regionh.dk"),
            ("Subject", "RE: Høring af samarbejdsaftale"),
        ],
        [
            "Hvidovre Kommune har ingen bemærkninger til udkastet.",
            ("lines", ["Venlig hilsen", "Mette Frøslev"]),
            (
                "lines",
                [
                    "-----Original Message-----",
                    "From: Region Hovedstaden",
                    "Sent: 10 February 2025 09:00",
                    "Subject: Høring af samarbejdsaftale",
                ],
            ),
            *HEARING_LETTER,
        ],
    )
    source, raw, path = imported(project, "hvidovre.pdf", data)
    assert source.meta.sender == "Hvidovre Kommune"
    assert source.meta.date.isoformat() == "2025-03-03"
    assert source.meta.title == "Høring af samarbejdsaftale"
    assert source.meta.no_remarks is True  # the quoted letter's words do not count
    assert [s.name for s in source.meta.signature.signatories] == ["Mette Frøslev"]
    _, quoted = appendix_of(source)
    assert re.match(r"[-–—]+Original Message[-–—]+ From: Region Hovedstaden", words(quoted))


def _mail(text: str, **headers: str) -> EmailMessage:
    mail = EmailMessage()
    for key, value in headers.items():
        mail[key.replace("_", "-")] = value
    mail.set_content(text)
    return mail


def test_eml_file_the_text_is_the_response(project):
    mail = _mail(
        "Kære Region Hovedstaden\n\nVi hilser udskrivningsmentoren velkommen og finder\n"
        "ordningen positiv. Vi foreslår en fælles evaluering efter et år.\n\n"
        "Med venlig hilsen\nÅse Mølgaard\n\n"
        "Den 10. feb. 2025 kl. 09.00 skrev Region Hovedstaden <hoering@regionh.dk>:\n"
        "> Hermed udkastet til samarbejdsaftale i høring.\n> Svarfrist den 19. marts 2025.\n",
        From="Åse Mølgaard <asm@brondby.dk>",
        To="Region Hovedstaden <hoering@regionh.dk>",
        Subject="Re: Høring af samarbejdsaftale",
        Date="Wed, 05 Mar 2025 14:02:00 +0100",
    )
    data = bytes(mail)
    source, raw, path = imported(project, "svar.eml", data)
    meta = source.meta
    assert (meta.sender, meta.date.isoformat(), meta.title) == (
        "Brøndby Kommune",
        "2025-03-05",
        "Høring af samarbejdsaftale",
    )
    assert raw["guessed"]["sender"]["found_in"] == "e-mail: fra (e-maildomænet brondby.dk)"
    assert meta.recipient == ["Region Hovedstaden"]
    assert [s.name for s in meta.signature.signatories] == ["Åse Mølgaard"]
    body = body_of(path)
    assert (
        "Vi hilser udskrivningsmentoren velkommen og finder ordningen positiv. Vi foreslår "
        "en fælles evaluering efter et år."
    ) in " ".join(body.split())
    _, quoted = appendix_of(source)
    assert "Svarfrist den 19. marts 2025." in words(quoted)
    assert (project / HEARING / "received" / "svar.eml").read_bytes() == data


def test_eml_with_a_pdf_attached_imports_the_attachment_with_the_mails_sender_and_date(project):
    letter = letter_pdf(
        logo="Sundhed og Omsorg",
        date_top_right="3. marts 2025",
        subject="Høringssvar om samarbejdsaftalen",
        blocks=[
            ("heading", "Udskrivningsmentor"),
            "Vi hilser udskrivningsmentoren velkommen og finder ordningen positiv.",
        ],
        closing=["Med venlig hilsen", "Mette Frøslev", "Chef for psykiatri"],
    )
    mail = _mail(
        "Hej\n\nHermed vores høringssvar, vedhæftet.\n\nMette",
        From="Mette Frøslev <mef@hvidovre.dk>",
        To="hoering@regionh.dk",
        Subject="Høringssvar fra Hvidovre",
        Date="Thu, 06 Mar 2025 08:30:00 +0100",
    )
    mail.add_attachment(
        letter, maintype="application", subtype="pdf", filename="Høringssvar Hvidovre.pdf"
    )
    data = bytes(mail)
    source, raw, path = imported(project, "hvidovre.eml", data)
    meta = source.meta
    assert (meta.sender, meta.date.isoformat()) == ("Hvidovre Kommune", "2025-03-06")
    assert meta.title == "Høringssvar fra Hvidovre"
    assert meta.source.name == "hvidovre.eml"
    [heading] = [b for b in source.blocks if isinstance(b, n.Heading) and not b.appendix]
    assert heading.topic == "udskrivningsmentor"
    assert [s.name for s in meta.signature.signatories] == ["Mette Frøslev"]
    cover, quoted = appendix_of(source)
    assert n.plain_text(cover.children) == "Følgemail"
    assert "Hermed vores høringssvar, vedhæftet." in words(quoted)
    assert (project / HEARING / "received" / "hvidovre.eml").read_bytes() == data


def test_bad_eml_files(cli, project):
    from import_fixtures import scanned_pdf

    scanned = _mail("Se vedhæftede.", From="a@b.dk", Subject="Svar")
    scanned.add_attachment(
        scanned_pdf(), maintype="application", subtype="pdf", filename="scan.pdf"
    )
    crowded = _mail("Mange bilag.", From="a@b.dk", Subject="Svar")
    for number in range(210):
        crowded.add_attachment(
            b"x", maintype="application", subtype="octet-stream", filename=f"bilag-{number}.bin"
        )
    files = {
        "scan.eml": bytes(scanned),
        "crowded.eml": bytes(crowded),
        "note.eml": b"Bare en tekst, ikke en mail.\n",
    }
    folder = project / "incoming"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    result = cli("import", *(f"incoming/{name}" for name in files), "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Fejl: incoming/scan.eml: dens vedhæftede fil scan.pdf: har ingen tekst: den er et "
        "indscannet billede og skal først have tekstgenkendelse (OCR) (kør først "
        "tekstgenkendelse (OCR) på den, fx 'ocrmypdf ind.pdf ud.pdf', og indlæs så resultatet)",
        "Fejl: incoming/crowded.eml: har mere end 200 dele; en mail med et vedhæftet brev har "
        "langt færre, så den læses ikke (gem den vedhæftede fil, og indlæs den i stedet)",
        "Fejl: incoming/note.eml: er ikke en e-mail: filen er en ren tekstfil (gem mailen "
        "igen fra mailprogrammet)",
        "0 indlæst, 3 fejlede: incoming/scan.eml, incoming/crowded.eml, incoming/note.eml",
    ]
    assert not (project / HEARING / "received").exists()


def test_an_imported_mail_builds_and_appendix_takes_only_true_or_false(project):
    from hoering.errors import SourceErrors
    from hoering.sources.markdown import parse_body

    data = email_pdf(
        [
            ("Fra", "Birgitte Løkke Sørensen <bls@glostrup.dk>"),
            ("Sendt", "3. marts 2025 10:15"),
            ("Emne", "SV: Høring"),
        ],
        REMARKS,
        quoted=[
            (
                [("Fra", "Region Hovedstaden"), ("Sendt", "10. februar 2025"), ("Emne", "Høring")],
                HEARING_LETTER,
            )
        ],
    )
    _, _, path = imported(project, "mail.pdf", data)
    report = hoering.build([path], formats=("html",))
    assert report.ok, [str(o.error) for o in report.failed]
    html = report.built[0].written[0].read_text("utf-8")
    assert "<blockquote>" in html and "Hans Holm Hansen" in html
    with pytest.raises(SourceErrors) as caught:
        parse_body("## Tidligere {appendix=yes}\n")
    assert [str(e) for e in caught.value.errors] == [
        "appendix: 'yes' er hverken true eller false (skriv appendix=true)"
    ]


def test_header_labels_in_a_column_of_their_own(project):
    data = email_pdf(
        [
            ("Fra", "Birgitte Løkke Sørensen <bls@glostrup.dk>"),
            ("Sendt", "mandag 3. marts 2025 10:15"),
            ("Til", "hoering@regionh.dk"),
            ("Emne", "SV: Høring"),
        ],
        REMARKS,
        quoted=[
            (
                [
                    ("Fra", "Region Hovedstaden <hoering@regionh.dk>"),
                    ("Sendt", "10. februar 2025 09:00"),
                    ("Emne", "Høring"),
                ],
                HEARING_LETTER,
            )
        ],
        columns=True,
    )
    source, _, path = imported(project, "mail.pdf", data)
    assert (source.meta.sender, source.meta.date.isoformat(), source.meta.title) == (
        "Glostrup Kommune",
        "2025-03-03",
        "Høring",
    )
    body = body_of(path)
    assert "bls@glostrup.dk" not in body and "Sendt" not in body.split("## Tidligere")[0]
    assert (
        "> Fra: Region Hovedstaden \\<hoering@regionh.dk>\\\n> Sendt: 10. februar 2025 "
        "09:00\\\n> Emne: Høring\n"
    ) in body


def test_eml_with_only_an_html_body(project):
    mail = EmailMessage()
    mail["From"] = "Kåre Bøgh Nielsen <kbn@rodovre.dk>"
    mail["Subject"] = "Høringssvar"
    mail["Date"] = "Fri, 07 Mar 2025 09:00:00 +0100"
    mail.set_content(
        "<html><head><style>p {margin: 0}</style></head><body><p>Kære&nbsp;region</p>"
        "<p>Det er ikke realistisk at holde netværksmøder inden for tre dage.</p>"
        "<table><tr><td>Afsnit</td><td>4.4</td></tr></table>"
        "<ul><li>Vi foreslår skriftlig indkaldelse.</li></ul></body></html>",
        subtype="html",
    )
    source, _, path = imported(project, "rk.eml", bytes(mail))
    assert (source.meta.sender, source.meta.date.isoformat()) == ("Rødovre Kommune", "2025-03-07")
    text = " ".join(body_of(path).split())
    for words in (
        "Kære region",
        "Det er ikke realistisk at holde netværksmøder inden for tre dage.",
        "Afsnit 4.4",
        "Vi foreslår skriftlig indkaldelse.",
    ):
        assert words in text
    assert "margin" not in text


def test_eml_date_in_year_0000_is_no_date(project):
    """Python's mail parser reads year 0000 as 2000; the header dates nothing, so import
    abstains rather than guess 2000 with the confidence of a mail header."""
    mail = _mail(
        "Kære Region Hovedstaden\n\nVi støtter udskrivningsmentoren.\n\n"
        "Med venlig hilsen\nÅse Mølgaard\n",
        From="Åse Mølgaard <asm@brondby.dk>",
        To="Region Hovedstaden <hoering@regionh.dk>",
        Subject="Høring af samarbejdsaftale",
        Date="Sat, 01 Jan 2000 10:00:00 +0000",
    )
    data = bytes(mail).replace(b"01 Jan 2000", b"01 Jan 0000")  # EmailMessage rewrites 0000
    assert b"Date: Sat, 01 Jan 0000 10:00:00 +0000" in data
    source, raw, _ = imported(project, "svar.eml", data)
    assert source.meta.date is None
    assert raw["date"] is None
    assert raw["guessed"]["date"] == {
        "unknown": True,
        "found_in": "ingen datolinje i dokumentet: skriv datoen, svaret blev modtaget",
    }


def test_eml_date_the_parser_reads_as_written_is_kept():
    import datetime as dt

    from hoering.imports.eml import eml_date

    stamp = dt.datetime(2000, 1, 1, 10, 0)
    assert eml_date("Sat, 01 Jan 0000 10:00:00 +0000", stamp) is None
    assert eml_date("Sat, 01 Jan 2000 10:00:00 +0000", stamp) == dt.date(2000, 1, 1)
    assert eml_date("Sat, 01 Jan 00 10:00:00 +0000", stamp) == dt.date(2000, 1, 1)
    assert eml_date("garbage", None) is None


def test_a_subject_too_long_for_a_title_is_shortened_and_the_guess_says_so(project):
    """Issue 21, item 5: a 108 KB subject became a title no PDF can hold, and the source
    failed at build. The title is the subject cut at a word, and the guess says so."""
    subject = "Høring af samarbejdsaftale om udskrivningsmentorer " * 2000
    mail = _mail(
        "Vi støtter udskrivningsmentoren.\n\nMed venlig hilsen\nÅse Mølgaard\n",
        From="Åse Mølgaard <asm@brondby.dk>",
        Subject=subject,
        Date="Mon, 03 Jun 2019 10:00:00 +0200",
    )
    source, raw, _ = imported(project, "svar.eml", bytes(mail))
    title = source.meta.title
    assert len(title) == 387 and title.endswith(" samarbejdsaftale om…")
    assert subject.startswith(title[:-1])
    assert raw["guessed"]["title"] == {
        "confidence": 0.85,
        "found_in": "e-mail: emne, afkortet fra 101.999 tegn; hele emnelinjen står i originalen",
    }


def test_fields_read_from_the_header_carry_their_measured_confidence(project):
    """Issue 19: the header's Date, To and From (as the signatory of an unsigned mail) were
    written with fixed confidences (0.95, 0.9, 0.6) nobody had measured. Each now carries its
    band's measured share right (calibration.BANDS): the Date 7 of 7 on the tune half, so
    (7 + 1) / (7 + 2) = 0.89; To and an unsigned From were never measured, so 0.5."""
    from hoering.imports.calibration import confidence
    from hoering.imports.email import MAIL_HEADER

    mail = _mail(
        "Kære Region Hovedstaden\n\nVi støtter udskrivningsmentoren.\n",
        From="Åse Mølgaard <asm@example.dk>",
        To="Region Hovedstaden <hoering@regionh.dk>",
        Subject="Høring af samarbejdsaftale",
        Date="Mon, 03 Jun 2019 10:00:00 +0200",
    )
    _, raw, _ = imported(project, "svar.eml", bytes(mail))
    guessed = raw["guessed"]
    assert guessed["date"]["confidence"] == confidence("e-mail date", MAIL_HEADER) == 0.89
    assert guessed["recipient"]["confidence"] == confidence("e-mail recipient", MAIL_HEADER)
    assert guessed["signatory"]["confidence"] == 0.5


def test_a_byte_that_is_no_text_in_a_header_is_shown_as_unreadable(project):
    """Found by the fuzzer (issue 21): a raw 0x80 in the From line became a surrogate that
    no file can hold, and import failed with "meld venligst fejlen". It is U+FFFD now,
    which says a character could not be read, and the rest of the mail is imported."""
    import hostile_files

    data = hostile_files.mail_bytes().replace(b"From: ", b"From: \x80", 1)
    source, raw, _ = imported(project, "svar.eml", data)
    assert raw["signature"] == {"signatories": [{"name": "\ufffdAnna Holm"}]}
    assert source.meta.title == "Høring af trafikplanen"
