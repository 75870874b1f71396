"""The høringsnotat's sections on the answers from form tables: how many answered and how,
the counts per topic, each campaign once (its text, how many sent it, who, how it was
edited), the organisations by name, and a sample of what others wrote per topic — never a
million quotes. Blocks of the one document model, rendered by ``render/`` like the rest."""

from __future__ import annotations

from ..i18n import format_date, label
from ..model import nodes as n
from .model import Campaign, MassComparison

STANCES = ("positive", "concern", "proposal", "none")
ORGANISATIONS_LISTED = 200  # more than this and the rest are counted (all are in the matrix)
WORDS = {
    "da": {
        "answers": "Svar fra webformular",
        "summary": (
            "{answers} svar i {files} fra {first} til {last}: {organisations} på vegne "
            "af en organisation ({named} organisationer), {private} fra privatpersoner "
            "(heraf {anonymous} uden navn), {late} efter fristen."
        ),
        "bad": "{bad} rækker kunne ikke læses og er ikke talt med; de første er:",
        "counts": "Bemærkninger pr. emne fra webformularen",
        "in_campaigns": "heraf i kampagner",
        "campaigns": "Kampagner",
        "campaigns_intro": (
            "Enslydende bemærkninger fra {min} eller flere svar vises én gang "
            "som en kampagne. {count} kampagner samler {remarks} bemærkninger."
        ),
        "no_campaigns": "Der er ingen kampagner (enslydende bemærkninger fra mange svar).",
        "campaign": "Kampagne {number}: {topic} ({respondents} svar)",
        "campaign_who": (
            "Sendt af {respondents} svar: {private} privatpersoner og {orgs}. "
            "{identical} er ordret som teksten ovenfor; {wordings} forskellige "
            "formuleringer; den mest ændrede ligner teksten {lowest} %."
        ),
        "no_organisations": "ingen organisationer",
        "organisation_list": "{count} organisationer ({names})",
        "edits": "Eksempler på ændringer i forhold til teksten:",
        "removed": "uden",
        "added": "tilføjet",
        "organisations": "Organisationer",
        "organisations_intro": (
            "{count} organisationer har svaret via webformularen (antal svar i parentes):"
        ),
        "more_organisations": "og {count} andre (alle står i formularsvar.csv)",
        "samples": "Udvalgte bemærkninger pr. emne",
        "samples_intro": (
            "Et udvalg af forskellige bemærkninger uden for kampagnerne; alle "
            "svar står i formularsvar.parquet og formularsvar.csv."
        ),
        "nothing": "Ingen bemærkninger om dette emne uden for kampagnerne.",
        "topic": "Emne",
        "total": "I alt",
        "guessed": (
            "Holdningen er gættet ud fra ordlyden, som når et brev importeres; "
            "«bemærkning» er en bemærkning uden tydelig holdning."
        ),
    },
    "en": {
        "answers": "Answers from the web form",
        "summary": (
            "{answers} answers in {files} from {first} to {last}: {organisations} on "
            "behalf of an organisation ({named} organisations), {private} from private "
            "persons ({anonymous} without a name), {late} after the deadline."
        ),
        "bad": "{bad} rows could not be read and are not counted; the first are:",
        "counts": "Remarks per topic from the web form",
        "in_campaigns": "of these in campaigns",
        "campaigns": "Campaigns",
        "campaigns_intro": (
            "Near-identical remarks from {min} or more answers are shown once "
            "as a campaign. {count} campaigns hold {remarks} remarks."
        ),
        "no_campaigns": "There are no campaigns (near-identical remarks from many answers).",
        "campaign": "Campaign {number}: {topic} ({respondents} answers)",
        "campaign_who": (
            "Sent by {respondents} answers: {private} private persons and {orgs}. "
            "{identical} are word for word the text above; {wordings} different "
            "wordings; the most edited is {lowest} % like the text."
        ),
        "no_organisations": "no organisations",
        "organisation_list": "{count} organisations ({names})",
        "edits": "Examples of edits to the text:",
        "removed": "without",
        "added": "added",
        "organisations": "Organisations",
        "organisations_intro": (
            "{count} organisations answered through the web form (answers in brackets):"
        ),
        "more_organisations": "and {count} others (all are in formularsvar.csv)",
        "samples": "A sample of remarks per topic",
        "samples_intro": (
            "A sample of distinct remarks outside the campaigns; every answer is "
            "in formularsvar.parquet and formularsvar.csv."
        ),
        "nothing": "No remarks on this topic outside the campaigns.",
        "topic": "Topic",
        "total": "Total",
        "guessed": (
            "The stance is guessed from the wording, as when a letter is imported; "
            "«remark» is a remark without a clear stance."
        ),
    },
}


def _w(lang: str, key: str) -> str:
    return WORDS.get(lang, WORDS["da"])[key]


def _p(text: str) -> n.Paragraph:
    return n.Paragraph((n.Text(text),))


def _h(level: int, text: str, number: str | None = None) -> n.Heading:
    return n.Heading(level, (n.Text(text),), number=number)


def _cell(text: str) -> n.TableCell:
    return n.TableCell((n.Text(text),))


def _number(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", "." if lang == "da" else ",")


def mass_sections(
    mass: MassComparison, titles: dict[str, str], min_campaign: int, lang: str, number: str = ""
) -> list[n.Block]:
    """The notat's numbered section on the form answers (``number``: its number in the
    notat), with subsections for the counts, the campaigns, the organisations and the
    sample; ``titles`` maps topic ids to titles."""
    parts = [
        _counts(mass, titles, lang),
        _campaigns(mass, titles, min_campaign, lang),
        _organisations(mass, lang),
        _samples(mass, titles, lang),
    ]
    blocks = _answers(mass, lang, number)
    for index, part in enumerate(p for p in parts if p):
        title, *rest = part
        assert isinstance(title, n.Heading)  # each part opens with its heading
        blocks += [
            _h(2, n.plain_text(title.children), f"{number}.{index + 1}" if number else None),
            *rest,
        ]
    return blocks


def _answers(mass: MassComparison, lang: str, number: str) -> list[n.Block]:
    s = mass.summary
    num = lambda v: _number(v, lang)  # noqa: E731
    heading = _h(1, _w(lang, "answers"), f"{number}." if number else None)
    blocks: list[n.Block] = [
        heading,
        _p(
            _w(lang, "summary").format(
                answers=num(s.answers),
                files=", ".join(mass.files),
                first=format_date(s.first, lang) if s.first else "–",
                last=format_date(s.last, lang) if s.last else "–",
                organisations=num(s.answers - s.private),
                named=num(len(s.organisations)),
                private=num(s.private),
                anonymous=num(s.anonymous),
                late=num(s.late),
            )
        ),
    ]
    if s.bad_rows:
        blocks.append(_p(_w(lang, "bad").format(bad=num(s.bad_rows))))
        blocks.append(n.BulletList(tuple(n.ListItem((_p(e),)) for e in s.errors[:10])))
    return blocks


def _counts(mass: MassComparison, titles: dict[str, str], lang: str) -> list[n.Block]:
    in_campaigns: dict[str, int] = {}
    for campaign in mass.campaigns:
        in_campaigns[campaign.topic] = in_campaigns.get(campaign.topic, 0) + campaign.respondents
    header = (
        _cell(_w(lang, "topic")),
        *(_cell(label(s, lang)) for s in STANCES),
        _cell(_w(lang, "total")),
        _cell(_w(lang, "in_campaigns")),
    )
    rows = tuple(
        (
            _cell(titles[topic]),
            *(_cell(_number(counts.get(s, 0), lang)) for s in STANCES),
            _cell(_number(sum(counts.values()), lang)),
            _cell(_number(in_campaigns.get(topic, 0), lang)),
        )
        for topic, counts in mass.summary.counts.items()
    )
    return [
        _h(2, _w(lang, "counts")),
        n.Table(
            header,
            rows,
            align=(None, *("right",) * 6),
            caption=_w(lang, "counts"),
            row_headers=True,
        ),
        _p(_w(lang, "guessed")),
    ]


def _campaigns(
    mass: MassComparison, titles: dict[str, str], min_campaign: int, lang: str
) -> list[n.Block]:
    blocks: list[n.Block] = [_h(2, _w(lang, "campaigns"))]
    if not mass.campaigns:
        return [*blocks, _p(_w(lang, "no_campaigns"))]
    blocks.append(
        _p(
            _w(lang, "campaigns_intro").format(
                min=min_campaign,
                count=len(mass.campaigns),
                remarks=_number(mass.campaign_remarks, lang),
            )
        )
    )
    for campaign in mass.campaigns:
        blocks += _campaign(campaign, titles, lang)
    return blocks


def _campaign(campaign: Campaign, titles: dict[str, str], lang: str) -> list[n.Block]:
    orgs = campaign.organisations
    names = ", ".join(f"{name} ({count})" for name, count in orgs[:20])
    if len(orgs) > 20:
        names += ", …"
    listed = (
        _w(lang, "organisation_list").format(count=len(orgs), names=names)
        if orgs
        else _w(lang, "no_organisations")
    )
    blocks: list[n.Block] = [
        _h(
            3,
            _w(lang, "campaign").format(
                number=campaign.number,
                topic=titles[campaign.topic],
                respondents=_number(campaign.respondents, lang),
            ),
        ),
        n.BlockQuote((_p(campaign.text),)),
        _p(
            _w(lang, "campaign_who").format(
                respondents=_number(campaign.respondents, lang),
                private=_number(campaign.private, lang),
                orgs=listed,
                identical=_number(campaign.identical, lang),
                wordings=_number(campaign.wordings, lang),
                lowest=round(campaign.lowest_similarity * 100),
            )
        ),
    ]
    if campaign.edits:
        items = []
        for edit in campaign.edits:
            changes = [f"{_w(lang, 'removed')} «{w}»" for w in edit.removed]
            changes += [f"{_w(lang, 'added')} «{w}»" for w in edit.added]
            items.append(n.ListItem((_p("; ".join(changes) or "–"),)))
        blocks += [_p(_w(lang, "edits")), n.BulletList(tuple(items))]
    return blocks


def _organisations(mass: MassComparison, lang: str) -> list[n.Block]:
    organisations = sorted(mass.summary.organisations.items(), key=lambda item: item[0].casefold())
    if not organisations:
        return []
    shown = organisations[:ORGANISATIONS_LISTED]
    text = "; ".join(f"{name} ({count})" for name, count in shown)
    if len(organisations) > len(shown):
        text += "; " + _w(lang, "more_organisations").format(
            count=_number(len(organisations) - len(shown), lang)
        )
    return [
        _h(2, _w(lang, "organisations")),
        _p(_w(lang, "organisations_intro").format(count=_number(len(organisations), lang))),
        _p(text + "."),
    ]


def _samples(mass: MassComparison, titles: dict[str, str], lang: str) -> list[n.Block]:
    blocks: list[n.Block] = [_h(2, _w(lang, "samples")), _p(_w(lang, "samples_intro"))]
    for topic, title in titles.items():
        blocks.append(_h(3, title))
        samples = mass.samples.get(topic, ())
        if not samples:
            blocks.append(_p(_w(lang, "nothing")))
        for sample in samples:
            blocks.append(
                n.BlockQuote(
                    (
                        _p(sample.text),
                        n.Paragraph((n.Emphasis((n.Text(label(sample.stance, lang)),)),)),
                    )
                )
            )
    return blocks
