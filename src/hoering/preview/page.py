"""The pages a preview serves: the document with a bar on top (PDF link, warnings, and a
script that reloads the page when it is rebuilt), or the errors with the lines they are on.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import HoeringError, SourceError, SourceErrors, display_path
from ..messages import language, tr

BAR_STYLE = """
#hoering-preview{position:sticky;top:0;z-index:1000;display:flex;flex-wrap:wrap;gap:.3em 1em;
align-items:baseline;padding:.4em .8em;background:#1d3b53;color:#fff;
font:14px/1.4 system-ui,sans-serif}
#hoering-preview a{color:#fff}
#hoering-preview ul{margin:0;padding:0 0 0 1.2em;flex-basis:100%}
.hoering-errors{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:1em auto;padding:0 1em}
.hoering-errors li{margin:0 0 1.2em}
.hoering-errors pre{background:#f4f4f4;padding:.5em;overflow-x:auto;white-space:pre-wrap}
.hoering-errors mark{background:#ffd7d7}
"""

# Waits at /events for a version newer than the page's; reloads when there is one. After a
# failed request (the preview was stopped and started again) it tries again a second later.
RELOAD_SCRIPT = """
(function () {
  var version = %d;
  function wait() {
    fetch("/events?since=" + version, {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (d) { if (d.version !== version) { location.reload(); } else { wait(); } })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();
"""

CONTEXT_LINES = 2  # lines shown above and below an error's line


def document_page(document_html: bytes, *, name: str, version: int, warnings: list[str]) -> bytes:
    """The built HTML with the preview bar after ``<body>`` and the reload script."""
    text = document_html.decode("utf-8")
    bar = _bar(name, warnings, pdf=True)
    text = _insert_after_body(text, bar)
    extra = f"<style>{BAR_STYLE}</style><script>{RELOAD_SCRIPT % version}</script>"
    text = text.replace("</head>", extra + "</head>", 1)
    return text.encode("utf-8")


def error_page(error: Exception, *, name: str, version: int) -> bytes:
    """A page listing the errors, each with file, line and the lines around it."""
    items = "".join(_error_item(e) for e in _errors(error))
    heading = html.escape(tr("{name} cannot be built", name=name))
    advice = html.escape(tr("Correct the file and save it: this page then shows the document."))
    title = html.escape(tr("Errors: {name}", name=name))
    body = (
        f'{_bar(name, [], pdf=False)}<main class="hoering-errors">'
        f"<h1>{heading}</h1><ol>{items}</ol><p>{advice}</p></main>"
    )
    return (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{BAR_STYLE}</style>"
        f"<script>{RELOAD_SCRIPT % version}</script></head><body>{body}</body></html>"
    ).encode()


def _bar(name: str, warnings: list[str], *, pdf: bool) -> str:
    link = '<a href="/document.pdf">PDF</a>' if pdf else ""
    notes = ""
    if warnings:
        notes = (
            "<ul>"
            + "".join(
                "<li>" + html.escape(tr("Warning: {warning}", warning=w)) + "</li>"
                for w in warnings
            )
            + "</ul>"
        )
    heading = html.escape(tr("Preview: {name}", name=name))
    updated = html.escape(tr("updated when you save"))
    return (
        f'<div id="hoering-preview" role="status"><strong>{heading}</strong>{link}'
        f"<span>{updated}</span>{notes}</div>"
    )


def _insert_after_body(text: str, fragment: str) -> str:
    match = re.search(r"<body[^>]*>", text)
    if match is None:
        return fragment + text
    return text[: match.end()] + fragment + text[match.end() :]


def _errors(error: Exception) -> list[Exception]:
    if isinstance(error, SourceErrors):
        return list(error.errors)
    return [error]


def _error_item(error: Exception) -> str:
    message = html.escape(str(error))
    if not isinstance(error, HoeringError):
        message = html.escape(tr("internal error: {error}", error=repr(error)))
    excerpt = ""
    if isinstance(error, SourceError) and error.path is not None and error.line:
        excerpt = _excerpt(error.path, error.line)
    return f"<li><p>{message}</p>{excerpt}</li>"


def _excerpt(path: Path, line: int) -> str:
    """The lines around ``line`` of ``path``, that line marked, numbered as in an editor."""
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    first = max(1, line - CONTEXT_LINES)
    shown = []
    for number in range(first, min(len(lines), line + CONTEXT_LINES) + 1):
        text = html.escape(f"{number:>4}  {lines[number - 1]}")
        shown.append(f"<mark>{text}</mark>" if number == line else text)
    label = html.escape(tr("{path}, line {line}", path=display_path(path), line=line))
    return f'<pre aria-label="{label}">' + "\n".join(shown) + "</pre>"
