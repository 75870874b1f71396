"""The frame every workspace page shares: language, title, our own style sheet and script,
a skip link, the navigation with the current page marked, and one message after a save."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..messages import language, tr

Notice = tuple[str, str] | None  # ("saved" or "refused", what happened to the last save)
STYLE = "/static/workspace.css"
SCRIPT = "/static/workspace.js"


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def nav_items() -> list[tuple[str, str]]:
    return [
        ("/", tr("Overview")),
        ("/remarks", tr("Answer remarks")),
        ("/notat", tr("The høringsnotat")),
    ]


def page(
    title: str, body: str, *, current: str = "", notice: Notice = None, state: str = ""
) -> bytes:
    """A whole page: ``body`` is the inside of ``<main>``, ``current`` the nav address,
    ``state`` the tag of the files' state it shows (our script reloads the page when the
    files change; with a form not yet saved it shows :func:`_changed_on_disk` instead)."""
    links = "".join(_nav_link(href, text, href == current) for href, text in nav_items())
    shown = ""
    if notice is not None:
        kind, text = notice
        role = "alert" if kind == "refused" else "status"
        shown = f'<p class="notice {esc(kind)}" role="{role}">{esc(text)}</p>'
    watched = f' data-state="{esc(state)}"' if state else ""
    return (
        f'<!DOCTYPE html><html lang="{language()}"{watched}><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title>"
        f'<link rel="stylesheet" href="{STYLE}"><script src="{SCRIPT}" defer></script>'
        f'</head><body><a class="skip" href="#main">' + esc(tr("Skip to the content")) + "</a>"
        '<header><nav aria-label="' + esc(tr("Workspace")) + f'"><ul>{links}</ul></nav></header>'
        f'<main id="main" tabindex="-1">{shown}{_changed_on_disk() if state else ""}{body}'
        "</main></body></html>"
    ).encode()


def _changed_on_disk() -> str:
    """What the script shows when a file changed on disk while a form has unsaved text."""
    text = tr(
        "A file of the hearing has changed on disk (perhaps in an editor). Reload the page to "
        "see it as it is now; copy first what you have written here and not saved."
    )
    return f'<p class="notice refused" id="changed-on-disk" role="alert" hidden>{esc(text)}</p>'


def _nav_link(href: str, text: str, current: bool) -> str:
    mark = ' aria-current="page"' if current else ""
    return f'<li><a href="{href}"{mark}>{esc(text)}</a></li>'


def errors_page(title: str, errors: Iterable[str], state: str = "") -> bytes:
    """The hearing cannot be read: its errors, each with file and line, and what to do."""
    items = "".join(f"<li>{esc(error)}</li>" for error in errors)
    advice = tr("Correct the file and save it: this page then shows the hearing again.")
    body = f'<h1>{esc(title)}</h1><ol class="errors">{items}</ol><p>{esc(advice)}</p>'
    return page(title, body, state=state)


def refused_page() -> bytes:
    """Asked without the token: say where the way in is, nothing about the hearing."""
    title = tr("Open the workspace from its address")
    advice = tr("Open the address 'hoering workspace' printed (with its token) in this browser.")
    return page(title, f"<h1>{esc(title)}</h1><p>{esc(advice)}</p>")


def hidden(name: str, value: object) -> str:
    return f'<input type="hidden" name="{esc(name)}" value="{esc(value)}">'
