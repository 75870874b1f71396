"""Check a response: the original's pages beside what import made of them — each guessed
field with its confidence and where it was found, each section with its topic and stance,
and what was taken out of the text."""

from __future__ import annotations

from pathlib import Path

from ..comparison.model import Remark
from ..imports.review import NOTICES, VALUE_AT, RemovedItem, ReviewItem
from ..messages import label, language, ntr, number, tr
from .layout import Notice, esc, hidden, page
from .originals import Found
from .pagestate import HearingState
from .removed import reason_word


def field_names() -> dict[str, str]:
    lang = language()
    return {
        "sender": tr("Sender"),
        "date": label("date", lang),
        "title": tr("Title"),
        "case_number": label("case_number", lang),
        "on_behalf_of": label("on_behalf_of", lang),
        "signatory": tr("Signatory"),
        "recipient": tr("Recipient"),
        "no_remarks": tr("No remarks"),
        "tracked_changes": tr("Tracked changes"),
        "comments": tr("Comments"),
    }


def response_page(
    state: HearingState,
    path: Path,
    token: str,
    notice: Notice = None,
    original: tuple[str, list[tuple[int, int]], int] | None = None,
    found: dict[str, Found] | None = None,
) -> bytes:
    """``original``: the shown file's name, its pages' pixel sizes and its page count;
    ``found``: where each guessed field stands on those pages (highlighted there)."""
    respondent = state.respondent_of(path.stem)
    assert respondent is not None and state.comparison is not None
    topics = {t.id: t.title for t in state.comparison.hearing.meta.topics}
    form = _Forms(token, path.stem, _version(path))
    body = (
        f"<h1>{esc(respondent.name)}</h1>"
        f'<p class="file">{esc(f"responses/{path.name}")}</p>'
        '<div class="check">'
        f"{_original(path.stem, original)}"
        '<section class="imported" aria-labelledby="imported">'
        f'<h2 id="imported">' + esc(tr("What import read")) + f"</h2>"
        f"{_guesses(state.guesses_in(path), form, found or {})}"
        f"{_sections(state.remarks_in(path), topics, _heading_guesses(state, path), form)}"
        f"{_removed(state.removed_in(path), form)}"
        f"{form.no_remarks(respondent.no_remarks)}"
        "</section></div>"
    )
    return page(respondent.name, body, notice=notice, state=state.tag)


def _version(path: Path) -> str:
    """What the page read of the file: a save from it is refused once the file changed."""
    from .files import read

    return read(path).version


class _Forms:
    """The forms of one response's page, each with the token and the file's version."""

    def __init__(self, token: str, stem: str, version: str) -> None:
        self.fields = hidden("token", token) + hidden("response", stem) + hidden("version", version)

    def form(self, action: str, inside: str, label_id: str = "") -> str:
        labelled = f' aria-labelledby="{label_id}"' if label_id else ""
        return f'<form method="post" action="/save/{action}"{labelled}>{self.fields}{inside}</form>'

    def no_remarks(self, already: bool) -> str:
        if already:
            return '<p class="state">' + esc(tr("Marked: no remarks")) + "</p>"
        button = '<button type="submit">' + esc(tr("Mark as no remarks")) + "</button>"
        return self.form("no-remarks", button)


def _original(stem: str, original: tuple[str, list[tuple[int, int]], int] | None) -> str:
    heading = '<h2 id="original">' + esc(tr("The original")) + "</h2>"
    if original is None:
        text = tr("No page to show: the original cannot be drawn.")
        return (
            f'<section class="original" aria-labelledby="original">{heading}'
            f"<p>{esc(text)}</p></section>"
        )
    name, sizes, count = original
    intro = ntr("{name}, {n} page", "{name}, {n} pages", count, name=name)
    images = "".join(
        f'<img id="page-{i}" src="/responses/{esc(stem)}/page-{i}.png" width="{w}" height="{h}" '
        f'alt="' + esc(tr("Page {page} of {count} of the original", page=i, count=count)) + '">'
        for i, (w, h) in enumerate(sizes, start=1)
    )
    return (
        f'<section class="original" aria-labelledby="original">{heading}'
        f"<p>{esc(intro)}</p>{images}</section>"
    )


def _guesses(items: list[ReviewItem], form: _Forms, found: dict[str, Found]) -> str:
    heading = "<h3>" + esc(tr("Guessed fields")) + "</h3>"
    fields = [item for item in items if item.what in VALUE_AT or item.what in NOTICES]
    if not fields:
        return heading + "<p>" + esc(tr("Every guessed field is checked.")) + "</p>"
    return heading + "".join(_guess(item, form, found.get(item.what)) for item in fields)


def _where(item: ReviewItem, found: Found | None) -> str:
    """Where the field stands on the original's pages (a link to the highlighted page), or
    that this is not known."""
    if item.what not in VALUE_AT or item.unknown:
        return ""
    if found is None:
        text = tr(
            "Where it stands in the original is not known: import does not record the place, "
            "and its text is not on the pages shown."
        )
        return f'<p class="where">{esc(text)}</p>'
    text = tr(
        "Marked on page {page} of the original, where «{text}» stands.",
        page=found.page,
        text=found.text,
    )
    return f'<p class="where"><a href="#page-{found.page}">{esc(text)}</a></p>'


def _guess(item: ReviewItem, form: _Forms, found: Found | None = None) -> str:
    name = field_names().get(item.what, item.what)
    ident = f"guess-{esc(item.what)}"
    value = "" if item.unknown else item.value
    confidence = tr("confidence {value}", value=number(item.confidence, 2))
    why = f'<p class="why">{esc(item.why)}</p>' if item.why else ""
    inside = (
        hidden("field", item.what)
        + f'<label for="{ident}-value">'
        + esc(tr("Value"))
        + "</label>"
        + f'<input id="{ident}-value" name="value" value="{esc(value)}">'
        + '<button type="submit" name="action" value="accept">'
        + esc(tr("Accept"))
        + "</button>"
        + '<button type="submit" name="action" value="correct">'
        + esc(tr("Save correction"))
        + "</button>"
    )
    return (
        f'<div class="guess"><h4 id="{ident}">{esc(name)}</h4>'
        f'<p><span class="confidence">{esc(confidence)}</span></p>{why}{_where(item, found)}'
        f"{form.form('guess', inside, ident)}</div>"
    )


def _heading_guesses(state: HearingState, path: Path) -> dict[int, ReviewItem]:
    """The guesses of topic and stance on headings, by the heading's line."""
    return {
        item.line: item
        for item in state.guesses_in(path)
        if item.line is not None and item.what not in VALUE_AT and item.what not in NOTICES
    }


def _sections(
    remarks: list[Remark], topics: dict[str, str], guesses: dict[int, ReviewItem], form: _Forms
) -> str:
    heading = "<h3>" + esc(tr("Sections")) + "</h3>"
    if not remarks:
        return heading + "<p>" + esc(tr("The response has no sections.")) + "</p>"
    return heading + "".join(_section(r, topics, guesses.get(r.line or 0), form) for r in remarks)


def _section(remark: Remark, topics: dict[str, str], guess: ReviewItem | None, form: _Forms) -> str:
    ident = f"section-{remark.line or 0}"
    title = remark.heading or tr("(before the first heading)")
    options = (
        '<option value="">'
        + esc(tr("No topic"))
        + "</option>"
        + "".join(
            f'<option value="{esc(key)}"{" selected" if key == remark.topic else ""}>'
            f"{esc(text)}</option>"
            for key, text in topics.items()
        )
    )
    state = tr("confirmed")
    if remark.guessed:
        state = tr("guessed by import, not confirmed")
    if guess is not None:
        confidence = tr("confidence {value}", value=number(guess.confidence, 2))
        state = "; ".join(x for x in (state, confidence, guess.why) if x)
    inside = (
        hidden("line", remark.line or 0)
        + f'<label for="{ident}-topic">'
        + esc(tr("Topic"))
        + f'</label><select id="{ident}-topic" name="topic">{options}</select>'
        + _stance_field(ident, remark.stance)
        + '<button type="submit" name="action" value="set">'
        + esc(tr("Save topic"))
        + "</button>"
        + (_accept_button() if remark.guessed else "")
    )
    paragraphs = "".join(f"<p>{esc(p)}</p>" for p in remark.text.split("\n\n") if p.strip())
    return (
        f'<article class="section"><h4 id="{ident}">{esc(title)}</h4>'
        f'<p class="state">{esc(state)}</p>'
        f"{form.form('section', inside, ident) if remark.heading else ''}"
        f'<div class="text">{paragraphs}</div></article>'
    )


def _stance_field(ident: str, stance: str) -> str:
    lang = language()
    options = "".join(
        f'<option value="{key}"{" selected" if key == stance else ""}>{esc(label(key, lang))}'
        "</option>"
        for key in ("positive", "concern", "proposal", "none")
    )
    return (
        f'<label for="{ident}-stance">'
        + esc(tr("Stance"))
        + f'</label><select id="{ident}-stance" name="stance">{options}</select>'
    )


def _accept_button() -> str:
    return '<button type="submit" name="action" value="accept">' + esc(tr("Accept")) + "</button>"


def _removed(items: list[RemovedItem], form: _Forms) -> str:
    heading = '<h3 id="removed">' + esc(tr("Taken out by import")) + "</h3>"
    if not items:
        return heading + "<p>" + esc(tr("Import took nothing out of this text.")) + "</p>"
    groups = "".join(_removed_group(item, form) for item in items)
    return heading + groups


def _removed_group(item: RemovedItem, form: _Forms) -> str:
    word = reason_word(item.reason)
    reason = word[:1].upper() + word[1:]
    summary = ntr("{reason} ({n} line)", "{reason} ({n} lines)", len(item.texts), reason=reason)
    lines = "".join(
        f"<li><span>{esc(text)}</span>"
        + form.form(
            "restore",
            hidden("reason", item.reason)
            + hidden("index", i)
            + '<button type="submit" aria-label="'
            + esc(tr("Restore «{text}»", text=text))
            + '">'
            + esc(tr("Restore"))
            + "</button>",
        )
        + "</li>"
        for i, text in enumerate(item.texts)
    )
    return f"<details><summary>{esc(summary)}</summary><ul>{lines}</ul></details>"
