"""What each address of the workspace answers: pages read the hearing's state as it is now,
saves change a file and send the browser back to the page it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..imports.review import VALUE_AT
from ..messages import tr
from .layout import errors_page
from .originals import Found
from .pagestate import HearingState

HTML = "text/html; charset=utf-8"
# our own pages: our own style sheet, script and images, forms to ourselves, nothing else
PAGE_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# the notat as hoering builds it: its styles, images and filter script are inline
NOTAT_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)
NOTAT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

Query = dict[str, list[str]]


class Workspace(Protocol):
    """What the routes ask of a served hearing (:class:`hoering.workspace.running.Workspace`)."""

    folder: Path
    config: Any
    token: str
    notice: tuple[str, str] | None

    def state(self) -> HearingState: ...

    def notat(self, fmt: str) -> bytes: ...

    def kept(self, key: tuple[object, ...], make: Callable[[], bytes]) -> bytes: ...

    def take_notice(self) -> tuple[str, str] | None: ...


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = HTML
    policy: str | None = None  # None: the page policy


def _first(query: Query, key: str) -> str:
    return query.get(key, [""])[0]


def _readable(workspace: Workspace, make: Callable[[HearingState], bytes]) -> Reply:
    """A page of the state, or the errors that keep the hearing from being read."""
    state = workspace.state()
    if state.comparison is None:
        return Reply(200, errors_page(tr("The hearing cannot be read"), state.errors, state.tag))
    return Reply(200, make(state))


def overview(workspace: Workspace, query: Query) -> Reply:
    from .overview import overview_page

    notice = workspace.take_notice()
    return _readable(workspace, lambda s: overview_page(s, _first(query, "show"), notice))


def remarks(workspace: Workspace, query: Query) -> Reply | None:
    from .remarks_page import remarks_page, respondent_page

    if "respondent" in query:
        who = _first(query, "respondent")
        state = workspace.state()
        if state.comparison is None:
            return _readable(workspace, lambda s: b"")
        made = respondent_page(state, who, workspace.token, workspace.take_notice())
        return None if made is None else Reply(200, made)
    notice = workspace.take_notice()
    chosen = _first(query, "topic")
    return _readable(workspace, lambda s: remarks_page(s, chosen, workspace.token, notice))


def response(workspace: Workspace, stem: str) -> Reply | None:
    from .response_page import response_page

    state = workspace.state()
    path = workspace.folder / "responses" / f"{stem}.md"
    if state.comparison is None:
        return _readable(workspace, lambda s: b"")
    if state.respondent_of(stem) is None or not path.is_file():
        return None
    notice = workspace.take_notice()
    pdf = original_pdf(workspace, stem)
    shown, found = _shown(workspace, stem, pdf), guesses_found(workspace, stem, pdf)
    return Reply(200, response_page(state, path, workspace.token, notice, shown, found))


def _shown(
    workspace: Workspace, stem: str, pdf: bytes | None
) -> tuple[str, list[tuple[int, int]], int] | None:
    """The name, page sizes and page count of what the response's page shows beside it
    (``pdf``: :func:`original_pdf`)."""
    from .originals import original_of, page_sizes

    if pdf is None:
        return None
    path = workspace.folder / "responses" / f"{stem}.md"
    original = original_of(path, workspace.folder / "received")
    name = original.name if original is not None else tr("our own PDF of {name}", name=path.name)
    sizes, count = page_sizes(pdf)
    return name, sizes, count


def page_image(workspace: Workspace, stem: str, number: int) -> Reply | None:
    from .originals import page_png

    pdf = original_pdf(workspace, stem)
    if pdf is None:
        return None
    marks = tuple(guesses_found(workspace, stem).values())
    try:
        return Reply(200, page_png(pdf, number, marks), "image/png")
    except IndexError:
        return None


def guesses_found(workspace: Workspace, stem: str, pdf: bytes | None = None) -> dict[str, Found]:
    """Where each guessed field of responses/``stem``.md stands on the pages shown beside
    it: import does not record the place, so the text it quoted (``found_in``) or the value
    is searched for; a field found nowhere is left out, and the page says so. ``pdf``:
    :func:`original_pdf`, when it is at hand."""
    from .originals import locate

    path = workspace.folder / "responses" / f"{stem}.md"
    wanted = {
        item.what: searched_texts(item.why, item.value)
        for item in workspace.state().guesses_in(path)
        if item.what in VALUE_AT and not item.unknown
    }
    if not wanted:  # every guess checked: the original need not be opened
        return {}
    pdf = pdf if pdf is not None else original_pdf(workspace, stem)
    return locate(pdf, wanted) if pdf is not None else {}


def searched_texts(why: str, value: str) -> list[str]:
    """What to search the original for, best first: the value as written (a list's first
    item), then the texts import quoted where it found it ('brevhovedet, side 1: "18. juni
    2019"' for the date 2019-06-18)."""
    import re

    texts = [value, *re.findall(r"^\['([^']{3,})'", value), *re.findall(r'"([^"]{3,})"', why)]
    return [t.strip() for t in texts if len(t.strip()) >= 3]


def original_pdf(workspace: Workspace, stem: str) -> bytes | None:
    """The kept original of responses/``stem``.md, or our own PDF of it when it has none:
    each kept while what it is made of is unchanged (the received file; what the response
    prints, which a topic or stance saved on the page does not change)."""
    from .originals import original_of, printed

    path = workspace.folder / "responses" / f"{stem}.md"
    if workspace.state().respondent_of(stem) is None or not path.is_file():
        return None
    original = original_of(path, workspace.folder / "received")
    if original is not None:
        stat = original.stat()
        key = ("received", original, stat.st_size, stat.st_mtime_ns, stat.st_ino)
        return workspace.kept(key, original.read_bytes)
    print_key, make = printed(path, workspace.config)
    return workspace.kept(("printed", print_key), make)


def notat(workspace: Workspace, query: Query) -> Reply:
    """The notat of the current state, with a bar back to the workspace and its files."""
    import re

    from .layout import esc

    back, label = esc(tr("Back to the workspace")), esc(tr("Workspace"))
    link = '<a style="color:#fff" href="{}">{}</a>'
    bar = (
        f'<nav aria-label="{label}" style="padding:.5em 1em;background:#1d3b53">'
        + " · ".join(
            link.format(*pair)
            for pair in (("/", back), ("/notat.pdf", "PDF"), ("/notat.docx", "DOCX"))
        )
        + "</nav>"
    )
    text = workspace.notat("html").decode("utf-8")
    text = re.sub(r"(<body[^>]*>)", lambda m: m[1] + bar, text, count=1)
    return Reply(200, text.encode("utf-8"), HTML, NOTAT_POLICY)


def notat_file(fmt: str) -> Callable[[Workspace, Query], Reply]:
    def send(workspace: Workspace, query: Query) -> Reply:
        return Reply(200, workspace.notat(fmt), NOTAT_TYPES[fmt])

    return send


def state_now(workspace: Workspace, query: Query) -> Reply:
    """The tag of the files' state now (cheap: the files' names, sizes and times), which a
    page compares with the one it was made from."""
    from .pagestate import fingerprint, state_tag

    return Reply(200, state_tag(fingerprint(workspace.folder)).encode(), "text/plain")


PAGES: dict[str, Callable[[Workspace, Query], Reply | None]] = {
    "/": overview,
    "/state": state_now,
    "/remarks": remarks,
    "/notat": notat,
    "/notat.pdf": notat_file("pdf"),
    "/notat.docx": notat_file("docx"),
}
