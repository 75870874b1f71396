"""E-mails printed to PDF whose quoted thread opens with a reply line ("Den … skrev X:"),
as Apple Mail, Gmail and Outlook on the web write it in Danish (issue 19: the quoted thread
was kept as the respondent's text and its signature taken as the signatory)."""

from __future__ import annotations

import pytest

from hoering.model import nodes as n
from letters import body_of, email_pdf, imported

HEADER = [
    ("Fra", "Birgitte Løkke Sørensen <bls@glostrup.dk>"),
    ("Sendt", "3. marts 2025 10:15"),
    ("Til", "hoering@regionh.dk"),
    ("Emne", "SV: Høring af samarbejdsaftale"),
]
REPLY = [
    "Kære Region Hovedstaden",
    "Det er ikke realistisk at holde netværksmøder inden for tre dage, og vi er bekymrede "
    "for kvaliteten af møderne.",
    ("lines", ["Med venlig hilsen", "Birgitte Løkke Sørensen", "Sundhedschef"]),
]
QUOTED = [
    "Region Hovedstaden sender hermed udkastet til samarbejdsaftale i høring med svarfrist "
    "den 19. marts 2025.",
    ("lines", ["Med venlig hilsen", "Hans Holm Hansen", "Specialkonsulent"]),
]


@pytest.fixture(autouse=True)
def _bare_hearing(bare_hearing):
    """Import into the example hearing without its imported example."""


@pytest.mark.parametrize(
    "wrote",
    [
        "Den 10. februar 2025 kl. 09.00 skrev Region Hovedstaden <hoering@regionh.dk>:",
        # long enough to be printed over two lines
        "Den 10. februar 2025 kl. 09.00 skrev Region Hovedstaden, Center for Sundhed, Enhed "
        "for Samarbejde og Kvalitet, Kongens Vænge 2 <hoering-samarbejde@regionh.dk>:",
        "On 10 February 2025, at 09:00, Region Hovedstaden <hoering@regionh.dk> wrote:",
    ],
)
def test_a_reply_line_starts_the_quoted_thread(project, wrote):
    source, raw, path = imported(project, "mail.pdf", email_pdf(HEADER, [*REPLY, wrote, *QUOTED]))
    assert [s.name for s in source.meta.signature.signatories] == ["Birgitte Løkke Sørensen"]
    assert source.meta.date.isoformat() == "2025-03-03"  # from "Sendt:"
    body = body_of(path)
    reply, appendix = body.split("## Tidligere korrespondance {appendix=true}")
    assert "svarfrist" not in reply and "Hans Holm Hansen" not in reply
    assert "netværksmøder" in reply
    assert "svarfrist den 19. marts 2025" in " ".join(appendix.replace("\n>", " ").split())
    assert "Hans Holm Hansen" in appendix  # kept, in the quoted thread
    quoted_headings = [b for b in source.blocks if isinstance(b, n.Heading) and b.appendix]
    assert [h.topic for h in quoted_headings] == [None]
