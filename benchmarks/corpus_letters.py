"""What each letter of the import corpus says, independent of how it is laid out.

A :class:`Letter` is the truth: sender, date, signatory, sections with their topics and
stances, and the strings that must (or must not) reach the imported body. The producers
(corpus_reportlab, corpus_office, corpus_typst) only lay it out; make_import_corpus.py writes
the files and the answer key from the same objects.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from corpus_texts import (
    DEADLINE_SENTENCES,
    FAMILIES,
    HEADINGS,
    INTROS,
    LABELS,
    NEUTRAL,
    NO_REMARKS,
    TEXTS,
)

TOPICS = list(HEADINGS)
TOPIC_TITLES = {  # as in the corpus hearing's hearing.yaml
    "tvaerfagligt-samarbejde": "Tværfagligt samarbejde",
    "ledsagelse": "Ledsagelse til behandling",
    "ambulant-behandling": "Samarbejde under ambulant behandling",
    "indlaeggelse-udskrivning": "Indlæggelse og udskrivning",
    "ventetid": "Orientering, varsling og færdigmelding",
    "udskrivningsmentor": "Udskrivningsmentor",
    "netvaerksmoeder": "Netværksmøder under indlæggelse",
    "hjemloese": "Borgere i hjemløshed",
}
STANCES = ("positive", "concern", "proposal")
AUTHORITY = "Region Hovedstaden"
RECIPIENT = ["Region Hovedstaden", "Psykiatri og Social", "Kongens Vænge 2", "3400 Hillerød"]
TITLES = {
    "tune": [
        "Høringssvar vedr. udkast til samarbejdsaftale om voksne med psykisk sygdom",
        "Bemærkninger til samarbejdsaftalen om indsatsen for voksne med psykisk sygdom",
    ],
    "test": [
        "Høring over udkast til samarbejdsaftale for voksne med psykisk sygdom",
        "Svar på høring om samarbejdsaftale – voksne med psykisk sygdom",
    ],
}


@dataclass(frozen=True)
class Sender:
    name: str
    department: str
    street: str
    town: str
    domain: str
    phone: str
    ean: str
    signatories: tuple[tuple[str, str], ...]


SENDERS = [
    Sender(
        "Glostrup Kommune",
        "Social og Sundhed",
        "Rådhusparken 2",
        "2600 Glostrup",
        "glostrup.dk",
        "43 23 60 00",
        "5798000550013",
        (("Hanne Krogh Mikkelsen", "Sundhedschef"), ("Peter Aalund", "Socialchef")),
    ),
    Sender(
        "Albertslund Kommune",
        "Center for Social og Sundhed",
        "Nordmarks Allé 1",
        "2620 Albertslund",
        "albertslund.dk",
        "43 68 68 68",
        "5798000551713",
        (("Søren Ærø Jensen", "Centerchef"), ("Lise Damgaard", "Afdelingsleder")),
    ),
    Sender(
        "Brøndby Kommune",
        "Social- og Sundhedsforvaltningen",
        "Park Allé 160",
        "2605 Brøndby",
        "brondby.dk",
        "43 28 28 28",
        "5798000566814",
        (("Åse Mølgaard", "Direktør"), ("Torben Kjærsgaard", "Kontorchef")),
    ),
    Sender(
        "Vallensbæk Kommune",
        "Center for Sundhed og Omsorg",
        "Vallensbæk Stationstorv 100",
        "2665 Vallensbæk Strand",
        "vallensbaek.dk",
        "43 97 97 00",
        "5798000571511",
        (("Jørgen Hæstrup", "Afdelingsleder"), ("Maja Lindholm", "Sundhedskonsulent")),
    ),
    Sender(
        "Hvidovre Kommune",
        "Sundhed og Omsorg",
        "Hvidovrevej 278",
        "2650 Hvidovre",
        "hvidovre.dk",
        "36 39 36 39",
        "5798000557119",
        (("Mette Frøslev", "Chef for psykiatri"), ("Ole Brandt Iversen", "Direktør")),
    ),
    Sender(
        "Rødovre Kommune",
        "Social- og Sundhedsforvaltningen",
        "Rødovre Parkvej 150",
        "2610 Rødovre",
        "rk.dk",
        "36 37 70 00",
        "5798000560317",
        (("Kåre Bøgh Nielsen", "Socialchef"), ("Tina Vestergaard", "Fagkonsulent")),
    ),
    Sender(
        "Ishøj Kommune",
        "Center for Social og Sundhed",
        "Ishøj Store Torv 20",
        "2635 Ishøj",
        "ishoj.dk",
        "43 57 75 75",
        "5798000553113",
        (("Birgitte Holst", "Centerchef"), ("Jens Erik Lund", "Afdelingschef")),
    ),
    Sender(
        "Høje-Taastrup Kommune",
        "Center for Sundhed",
        "Bygaden 2",
        "2630 Taastrup",
        "htk.dk",
        "43 59 10 00",
        "5798000570514",
        (("Camilla Ravn", "Centerchef"), ("Henrik Skov Madsen", "Konsulent")),
    ),
    Sender(
        "Ballerup Kommune",
        "Center for Social og Sundhed",
        "Hold-an Vej 7",
        "2750 Ballerup",
        "balk.dk",
        "44 77 20 00",
        "5798000555511",
        (("Annemette Vind", "Centerchef"), ("Rasmus Grøn", "Chefkonsulent")),
    ),
    Sender(
        "Herlev Kommune",
        "Sundhed og Omsorg",
        "Herlev Bygade 90",
        "2730 Herlev",
        "herlev.dk",
        "44 52 70 00",
        "5798000552215",
        (("Gitte Schou", "Direktør"), ("Nikolaj Friis", "Fagchef")),
    ),
    Sender(
        "Gladsaxe Kommune",
        "Social- og Sundhedsforvaltningen",
        "Rådhus Allé 7",
        "2860 Søborg",
        "gladsaxe.dk",
        "39 57 50 00",
        "5798000552918",
        (("Louise Bech Olsen", "Socialdirektør"), ("Anders Thygesen", "Chef for socialpsykiatri")),
    ),
    Sender(
        "Tårnby Kommune",
        "Social- og Sundhedsforvaltningen",
        "Amager Landevej 76",
        "2770 Kastrup",
        "taarnby.dk",
        "32 47 11 11",
        "5798000563516",
        (("Vibeke Lauritsen", "Forvaltningschef"), ("Morten Dahl", "Afdelingsleder")),
    ),
    Sender(
        "Frederiksberg Kommune",
        "Social-, Sundheds- og Forebyggelsesforvaltningen",
        "Smallegade 1",
        "2000 Frederiksberg",
        "frederiksberg.dk",
        "38 21 21 21",
        "5798000559014",
        (("Karen Munk Poulsen", "Direktør"), ("Thomas Ebbesen", "Kontorchef")),
    ),
    Sender(
        "PLO-Hovedstaden",
        "Praktiserende Lægers Organisation",
        "Kristianiagade 12",
        "2100 København Ø",
        "plo.dk",
        "35 44 84 00",
        "5798000999999",
        (("Dorte Wiborg", "Formand"), ("Jakob Steen", "Konsulent")),
    ),
    Sender(
        "Bedre Psykiatri",
        "Landsforeningen for pårørende",
        "Fiolstræde 17B",
        "1171 København K",
        "bedrepsykiatri.dk",
        "33 24 00 00",
        "5798000888888",
        (("Susanne Friis Holm", "Landsformand"), ("Kasper Winther", "Politisk konsulent")),
    ),
    Sender(
        "Sundhedsstyrelsen",
        "Enhed for Psykiatri",
        "Islands Brygge 67",
        "2300 København S",
        "sst.dk",
        "72 22 74 00",
        "5798000362192",
        (("Helle Bundgaard", "Enhedschef"), ("Mikkel Østergaard", "Specialkonsulent")),
    ),
]


@dataclass
class Section:
    """A heading (or none) and its text, with the topics and the stance a reader gives it."""

    heading: str | None
    paragraphs: list[str]
    topics: list[str]
    stance: str | None
    label: str | None = None  # bold label when the section is one item of a labelled list
    bullet: str | None = None  # glyph: paragraphs[0] introduces a list of paragraphs[1:]


@dataclass
class Letter:
    name: str  # file stem
    producer: str  # reportlab, libreoffice, typst, docx
    layout: str
    features: list[str]
    split: str
    sender: Sender
    signatory: tuple[str, str]
    date: dt.date
    case_number: str
    title: str
    intro: list[str]
    sections: list[Section]
    recipient: list[str] = field(default_factory=list)
    no_remarks: bool = False
    extra_required: list[str] = field(default_factory=list)  # other respondent text
    forbidden: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)  # quoted e-mail thread: not the response
    footnotes: list[str] = field(default_factory=list)
    tracked_authors: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # tracked deletions, to be kept as ~~…~~
    group: str | None = None  # files sent together by one sender
    allowed_headings: list[str] = field(default_factory=list)  # neither required nor false
    suffix: str = "pdf"
    dated: bool = True  # False: no date line, header or e-mail date (the key's date is null)
    respondent: str | None = None  # who answered, when not the consulted party (a citizen)
    anonymous: bool = False  # nothing in the letter says who sent it (the key's sender is null)

    @property
    def file(self) -> str:
        return f"{self.name}.{self.suffix}"

    def required(self) -> list[str]:
        """Every sentence of the respondent, as it must appear in the imported body."""
        texts = list(self.intro) + [p for s in self.sections for p in s.paragraphs]
        return [plain(t) for t in texts + self.extra_required]

    def key(self) -> dict:
        return {
            "file": self.file,
            "producer": self.producer,
            "layout": self.layout,
            "features": self.features,
            "split": self.split,
            "group": self.group,
            "sender": None if self.anonymous else self.respondent or self.sender.name,
            "recipient": self.recipient,
            "date": self.date.isoformat() if self.dated else None,
            "signatory": self.signatory[0] or None,
            "title": self.title,
            "case_number": self.case_number,
            "headings": [plain(s.heading) for s in self.sections if s.heading],
            "allowed_headings": self.allowed_headings
            + [
                s.label or TOPIC_TITLES[t] for s in self.sections if not s.heading for t in s.topics
            ],
            "sections": [
                {
                    "heading": plain(s.heading) if s.heading else None,
                    "label": s.label,
                    "topics": s.topics,
                    "stance": s.stance,
                }
                for s in self.sections
            ],
            "no_remarks": self.no_remarks,
            "required": self.required(),
            "forbidden": [
                f
                for f in self.forbidden + [danish_date(self.date)] * self.dated  # + date line
                if not any(f in said for said in self.footnotes + self.required())
            ],
            "quoted": self.quoted,
            "footnotes": [plain(f) for f in self.footnotes],
            "tracked_authors": self.tracked_authors,
            "deleted": self.deleted,
        }


def plain(text: str) -> str:
    """The text a reader sees: markup, soft hyphens and forced line breaks removed. A hyphen
    that ends a line before "og", "eller" or "samt" is a Danish suspension hyphen, which
    keeps its space ("social- og sundhedsområdet"); any other stays joined ("social-og-")."""
    text = re.sub(r"-\n(?=(?:og|eller|samt) )", "- ", text.replace("\u00ad\n", ""))
    text = text.replace("-\n", "-").replace("\n", " ")
    text = re.sub(r"\^\d+\^", "", text)
    return text.replace("**", "").replace("\u00ad", "")


class Composer:
    """Deterministic choices for one letter: sender, wording family, topics and stances."""

    def __init__(self, name: str, split: str, index: int):
        self.rng = random.Random(f"{name}/{split}")
        self.split = split
        self.families = FAMILIES[split]
        self.sender = SENDERS[index % len(SENDERS)]

    def family(self) -> int:
        return self.rng.choice(self.families)

    def signatory(self) -> tuple[str, str]:
        return self.sender.signatories[self.rng.randrange(2)]

    def date(self) -> dt.date:
        return dt.date(2019, 6, 3) + dt.timedelta(days=self.rng.randrange(17))

    def case_number(self) -> str:
        r = self.rng
        return (
            f"{r.randint(10, 29)}/{r.randint(10000, 99999)}"
            if r.random() < 0.5
            else f"{r.randint(10, 99)}.{r.randint(10, 99)}.00-P20-{r.randint(1, 99)}-19"
        )

    def title(self) -> str:
        return self.rng.choice(TITLES[self.split])

    def intro(self, deadline: bool = False) -> list[str]:
        text = self.rng.choice(INTROS[self.split]).format(sender=self.sender.name)
        return [text + (" " + DEADLINE_SENTENCES[self.split] if deadline else "")]

    def topics(self, count: int) -> list[str]:
        return self.rng.sample(TOPICS, count)

    def section(
        self, topic: str, *, heading: bool = True, sentences: int = 2, labelled: bool = False
    ) -> Section:
        stance = self.rng.choice(STANCES)
        text = TEXTS[topic][stance][self.family()]
        if sentences > 1:
            other = TEXTS[topic][stance][self.family()]
            text += " " + (other if other != text else self.rng.choice(NEUTRAL[self.split]))
        title = HEADINGS[topic][self.family()] if heading else None
        label = LABELS[topic][self.family()] if labelled else None
        return Section(title, [text], [topic], stance, label)

    def sections(self, count: int, **kwargs) -> list[Section]:
        return [self.section(t, **kwargs) for t in self.topics(count)]

    def one_subject(self, paragraphs: int = 2) -> Section:
        """A letter without headings: paragraphs about one topic."""
        topic = self.topics(1)[0]
        stance = self.rng.choice(STANCES)
        texts = [TEXTS[topic][stance][f] for f in self.families]
        if paragraphs > 2:
            texts.append(self.rng.choice(NEUTRAL[self.split]))
        return Section(None, texts[: max(paragraphs, 1)], [topic], stance)

    def no_remarks(self) -> list[str]:
        return [self.rng.choice(NO_REMARKS[self.split]).format(sender=self.sender.name)]


def letterhead_debris(sender: Sender) -> list[str]:
    """Letterhead lines that must never reach the body."""
    return [
        sender.street,
        sender.town,
        f"EAN-nr. {sender.ean}",
        f"Tlf. {sender.phone}",
        f"www.{sender.domain}",
    ]


def new_letter(
    name: str,
    split: str,
    index: int,
    *,
    sections: int = 3,
    deadline: bool = False,
    suffix: str = "pdf",
    **kwargs,
) -> tuple[Letter, Composer]:
    """A letter composed for ``name`` in ``split``: sender, signatory, date, case number, title,
    intro (with a deadline sentence if ``deadline``) and ``sections`` sections (kwargs go to
    Composer.section), with the sender's letterhead forbidden in the body. The caller fills in
    producer, layout and features and may use the returned Composer for more text."""
    c = Composer(name, split, index)
    letter = Letter(
        name=name,
        producer="",
        layout="",
        features=[],
        split=split,
        sender=c.sender,
        signatory=c.signatory(),
        date=c.date(),
        case_number=c.case_number(),
        title=c.title(),
        intro=c.intro(deadline),
        sections=c.sections(sections, **kwargs) if sections else [],
        suffix=suffix,
    )
    letter.forbidden = letterhead_debris(c.sender)
    return letter, c


def danish_date(date: dt.date) -> str:
    months = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ]
    return f"{date.day}. {months[date.month - 1]} {date.year}"
