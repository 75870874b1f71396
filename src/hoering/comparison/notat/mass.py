"""The høringsnotat's sections on the answers from form tables: how many answered and how,
the counts per topic, each campaign once (its text, how many sent it, who, how it was
edited), the organisations by name, and a sample of what others wrote per topic — never a
million quotes. Blocks of the one document model, rendered by ``render/`` like the rest."""

from __future__ import annotations

from functools import partial

from ...i18n import format_date, format_number, label
from ...mass.model import Campaign, MassComparison, Sample
from ...mass.summary import ORGANISATIONS_KEPT, Summary, by_name
from ...messages import ntr_in, tr_in
from ...model import nodes as n
from ...model.stances import ORDER
from ...prose import capitalised, joined, number_words, quoted, stance_counts
from ..tally import Tally, TopicTally

ORGANISATIONS_LISTED = ORGANISATIONS_KEPT  # the rest are counted (all are in the matrix)


def _p(text: str) -> n.Paragraph:
    return n.Paragraph((n.Text(text),))


def _h(level: int, text: str, number: str | None = None) -> n.Heading:
    return n.Heading(level, (n.Text(text),), number=number)


def _cell(text: str) -> n.TableCell:
    return n.TableCell((n.Text(text),))


def mass_sections(
    mass: MassComparison,
    titles: dict[str, str],
    min_campaign: int,
    lang: str,
    number: str = "",
    *,
    tally: Tally,
    samples: bool = True,
    working: bool = False,
) -> list[n.Block]:
    """The notat's numbered section on the form answers (``number``: its number in the
    notat), with subsections for the counts, the campaigns, the organisations and (with
    ``samples``: where the topics' sections do not show them) the sample. ``titles`` maps
    topic ids to titles; ``tally``: the comparison's numbers; ``working``: the working
    copy, which lists the rows that could not be read (with their file)."""
    parts = [
        _counts(tally, titles, lang),
        _campaigns(mass, titles, min_campaign, lang),
        _organisations(mass, lang),
        _samples(mass, titles, lang) if samples else [],
    ]
    blocks = _answers(mass, lang, number, working)
    for index, part in enumerate(p for p in parts if p):
        title, *rest = part
        assert isinstance(title, n.Heading)  # each part opens with its heading
        blocks += [
            _h(2, n.plain_text(title.children), f"{number}.{index + 1}" if number else None),
            *rest,
        ]
    return blocks


def topic_form_part(mass: MassComparison, topic: TopicTally, lang: str) -> list[n.Block]:
    """What the web form's answers said on one topic, for the topic's own section: how
    many and with what stance, the campaigns among them, and a sample of the others."""
    if not topic.form_total:
        return []
    num = partial(format_number, lang=lang)
    parts = stance_counts(list(zip(ORDER, topic.form, strict=True)), lang)
    said = ntr_in(
        lang,
        "From the web form: {count} remark in {answers}: {parts}.",
        "From the web form: {count} remarks in {answers}: {parts}.",
        topic.form_total,
        count=number_words(topic.form_total, lang),
        answers=_answers_count(topic.form_answers, lang),
        parts=parts,
    )
    campaigns = [c for c in mass.campaigns if c.topic == topic.topic]
    numbers = [str(c.number) for c in campaigns]
    if numbers:
        said += " " + ntr_in(
            lang,
            "{count} of them are in campaign {numbers}.",
            "{count} of them are in campaigns {numbers}.",
            len(numbers),
            count=num(topic.in_campaigns),
            numbers=_listed(numbers, lang),
        )
    blocks: list[n.Block] = [_h(3, tr_in(lang, "Answers from the web form")), _p(said)]
    for campaign in campaigns:  # each campaign's text once, where its topic is
        lead = tr_in(
            lang,
            "Campaign {number} ({answers}):",
            number=campaign.number,
            answers=_answers_count(campaign.respondents, lang),
        )
        blocks += [_p(lead), n.BlockQuote((_p(campaign.text),))]
    samples = mass.samples.get(topic.topic, ())
    if samples:
        blocks.append(_p(tr_in(lang, "A sample of the other remarks from the web form:")))
        blocks += [_sample(sample, lang) for sample in samples]
    return blocks


def _answers_count(count: int, lang: str) -> str:
    return ntr_in(
        lang, "{count} answer", "{count} answers", count, count=number_words(count, lang, True)
    )


def _listed(items: list[str], lang: str) -> str:
    """ "1, 2 og 3"."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + tr_in(lang, "and") + " " + items[-1]


def _sample(sample: Sample, lang: str) -> n.BlockQuote:
    return n.BlockQuote(
        (
            _p(sample.text),
            n.Paragraph((n.Emphasis((n.Text(label(sample.stance, lang)),)),)),
        )
    )


def _answers(mass: MassComparison, lang: str, number: str, working: bool) -> list[n.Block]:
    s = mass.summary
    num = partial(format_number, lang=lang)
    heading = _h(1, tr_in(lang, "Answers from the web form"), f"{number}." if number else None)
    blocks: list[n.Block] = [
        heading,
        _p(
            ntr_in(
                lang,
                "{answers} answer in {files} from {first} to {last}: {organisations} on behalf "
                "of an organisation ({named} organisations), {private} from private persons "
                "({anonymous} without a name), {late} after the deadline.",
                "{answers} answers in {files} from {first} to {last}: {organisations} on behalf "
                "of an organisation ({named} organisations), {private} from private persons "
                "({anonymous} without a name), {late} after the deadline.",
                s.answers,
                answers=num(s.answers),
                files=", ".join(mass.files),
                first=format_date(s.first, lang) if s.first else "–",
                last=format_date(s.last, lang) if s.last else "–",
                organisations=num(s.answers - s.private),
                named=num(s.organisations_named),
                private=num(s.private),
                anonymous=num(s.anonymous),
                late=num(s.late),
            )
        ),
    ]
    return blocks + _bad_rows(s, lang, working)


def _bad_rows(s: Summary, lang: str, working: bool) -> list[n.Block]:
    """How many rows could not be read; the working copy also lists the first (with the
    file they are in), the published copy names no file."""
    if not s.bad_rows:
        return []
    bad = format_number(s.bad_rows, lang)
    if not working:
        said = ntr_in(
            lang,
            "{bad} row of the web form's export could not be read and is not counted.",
            "{bad} rows of the web form's export could not be read and are not counted.",
            s.bad_rows,
            bad=bad,
        )
        return [_p(said)]
    said = ntr_in(
        lang,
        "{bad} row could not be read and is not counted:",
        "{bad} rows could not be read and are not counted; the first are:",
        s.bad_rows,
        bad=bad,
    )
    listed = n.BulletList(tuple(n.ListItem((_p(e),)) for e in s.errors[:10]))
    return [_p(said), listed]


def _counts(tally: Tally, titles: dict[str, str], lang: str) -> list[n.Block]:
    header = (
        _cell(label("topic", lang)),
        *(_cell(label(s, lang)) for s in ORDER),
        _cell(label("total", lang)),
        _cell(tr_in(lang, "of these in campaigns")),
    )
    rows = tuple(
        (
            _cell(titles[topic.topic]),
            *(_cell(format_number(count, lang)) for count in topic.form),
            _cell(format_number(topic.form_total, lang)),
            _cell(format_number(topic.in_campaigns, lang)),
        )
        for topic in tally.topics
    )
    title = tr_in(lang, "Remarks per topic from the web form")
    guessed = tr_in(
        lang,
        "The stance is guessed from the wording, as when a letter is imported; {none} is a "
        "remark without a clear stance.",
        none=quoted(label("none", lang), lang),
    )
    return [
        _h(2, title),
        n.Table(header, rows, align=(None, *("right",) * 6), caption=title, row_headers=True),
        _p(guessed),
    ]


def _campaigns(
    mass: MassComparison, titles: dict[str, str], min_campaign: int, lang: str
) -> list[n.Block]:
    blocks: list[n.Block] = [_h(2, tr_in(lang, "Campaigns"))]
    if not mass.campaigns:
        said = tr_in(lang, "There are no campaigns (near-identical remarks from many answers).")
        return [*blocks, _p(said)]
    rule = tr_in(
        lang,
        "Near-identical remarks from {min} or more answers are shown once as a campaign.",
        min=min_campaign,
    )
    held = ntr_in(
        lang,
        "{n} campaign holds {remarks} remarks.",
        "{n} campaigns hold {remarks} remarks.",
        len(mass.campaigns),
        remarks=format_number(mass.campaign_remarks, lang),
    )
    blocks.append(_p(f"{rule} {held}"))
    for campaign in mass.campaigns:
        blocks += _campaign(campaign, titles, lang)
    return blocks


def _campaign(campaign: Campaign, titles: dict[str, str], lang: str) -> list[n.Block]:
    names = ", ".join(f"{name} ({count})" for name, count in campaign.organisations)
    if campaign.organisations_named > len(campaign.organisations):
        names += ", …"
    from_organisations = campaign.respondents - campaign.private  # answers, as private counts
    listed = ntr_in(
        lang,
        "one from an organisation ({names})",
        "{count} from organisations ({names})",
        from_organisations,
        count=number_words(from_organisations, lang, neuter=True),
        names=names,
    )
    blocks: list[n.Block] = [
        _h(
            3,
            ntr_in(
                lang,
                "Campaign {number}: {topic} ({respondents} answer)",
                "Campaign {number}: {topic} ({respondents} answers)",
                campaign.respondents,
                number=campaign.number,
                topic=titles[campaign.topic],
                respondents=format_number(campaign.respondents, lang),
            ),
        ),
        n.BlockQuote((_p(campaign.text),)),
        _p(_campaign_said(campaign, listed, lang)),
    ]
    if campaign.edits:
        items = []
        for edit in campaign.edits:
            changes = [tr_in(lang, "without {words}", words=quoted(w, lang)) for w in edit.removed]
            changes += [tr_in(lang, "added {words}", words=quoted(w, lang)) for w in edit.added]
            items.append(n.ListItem((_p("; ".join(changes) or "–"),)))
        blocks += [_p(tr_in(lang, "Examples of edits to the text:")), n.BulletList(tuple(items))]
    return blocks


def _campaign_said(campaign: Campaign, organisations: str, lang: str) -> str:
    """Who sent the campaign's text and how far they changed it, numbers up to twelve in
    words: "Teksten står i 20 svar: 17 fra privatpersoner og …. Ni af dem er ordret …"."""
    private = ntr_in(
        lang,
        "one from a private person",
        "{count} from private persons",
        campaign.private,
        count=number_words(campaign.private, lang, neuter=True),
    )
    who = ([private] if campaign.private else []) + (
        [organisations] if campaign.respondents > campaign.private else []
    )
    said = [
        ntr_in(
            lang,
            "The text is in one answer: {who}.",
            "The text is in {count} answers: {who}.",
            campaign.respondents,
            count=number_words(campaign.respondents, lang, neuter=True),
            who=joined(who, lang),
        ),
        capitalised(
            tr_in(lang, "all of them are word for word the text above")
            if campaign.identical == campaign.respondents > 1
            else ntr_in(
                lang,
                "one of them is word for word the text above",
                "{count} of them are word for word the text above",
                campaign.identical,
                count=number_words(campaign.identical, lang, neuter=True),
            )
        ),
    ]
    if campaign.wordings > 1:
        said[-1] += tr_in(
            lang,
            "; the text has {count} different wordings, the most edited {lowest} % like it.",
            count=number_words(campaign.wordings, lang),
            lowest=round(campaign.lowest_similarity * 100),
        )
    else:
        said[-1] += "."
    return " ".join(said)


def _organisations(mass: MassComparison, lang: str) -> list[n.Block]:
    """The organisations by name with their answers: the first ORGANISATIONS_LISTED (the
    summary holds no more), then how many others."""
    held = mass.summary.organisations
    named = mass.summary.organisations_named
    if not named:
        return []
    shown = [(name, held[name]) for name in sorted(held, key=by_name)[:ORGANISATIONS_LISTED]]
    text = "; ".join(f"{name} ({count})" for name, count in shown)
    if named > len(shown):
        others = named - len(shown)
        text += "; " + ntr_in(
            lang,
            "and {count} other (all are in formularsvar.csv)",
            "and {count} others (all are in formularsvar.csv)",
            others,
            count=format_number(others, lang),
        )
    intro = ntr_in(
        lang,
        "{count} organisation answered through the web form (answers in brackets):",
        "{count} organisations answered through the web form (answers in brackets):",
        named,
        count=format_number(named, lang),
    )
    return [_h(2, tr_in(lang, "Organisations")), _p(intro), _p(text + ".")]


def _samples(mass: MassComparison, titles: dict[str, str], lang: str) -> list[n.Block]:
    intro = tr_in(
        lang,
        "A sample of distinct remarks outside the campaigns; every answer is in "
        "formularsvar.parquet and formularsvar.csv.",
    )
    blocks: list[n.Block] = [_h(2, tr_in(lang, "A sample of remarks per topic")), _p(intro)]
    for topic, title in titles.items():
        blocks.append(_h(3, title))
        samples = mass.samples.get(topic, ())
        if not samples:
            blocks.append(_p(tr_in(lang, "No remarks on this topic outside the campaigns.")))
        blocks += [_sample(sample, lang) for sample in samples]
    return blocks
