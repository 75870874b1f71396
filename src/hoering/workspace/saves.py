"""What each form of the workspace changes: the posted fields → one call of :mod:`.edits`,
and the page to go back to. A refused save (the file changed on disk since the page read it,
a wrong value) writes nothing: the page shows why, and the file as it is now."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from ..errors import HoeringError
from ..messages import tr
from .routes import Workspace

Form = dict[str, str]
STEM_CHARACTERS = set("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789._-")


def _source(form: Form) -> str:
    """responses/<stem>.md of the form's response (edits confine it to responses/)."""
    stem = form.get("response", "")
    if not stem or not set(stem) <= STEM_CHARACTERS or stem.startswith("."):
        stem = "-"
    return f"responses/{stem}.md"


def _saved(workspace: Workspace, back: str, edit: Callable[[], Any], file: str) -> str:
    """Run ``edit``; tell the page what became of it; the address to go back to."""
    try:
        edit()
    except HoeringError as exc:
        workspace.notice = ("refused", str(exc))
        return back
    workspace.notice = ("saved", tr("Saved in {file}.", file=file))
    return back


def _number(text: str) -> int:
    return int(text) if text.isdigit() and len(text) < 7 else -1


def guess(workspace: Workspace, form: Form) -> str:
    from . import edits

    source, key = _source(form), form.get("field", "")
    version, value = form.get("version", ""), form.get("value", "")
    back = f"/{source.removesuffix('.md')}#guess-{key}"

    def edit() -> Any:
        if form.get("action") == "accept":
            return edits.accept_guess(workspace.folder, source, version, key)
        return edits.correct_field(workspace.folder, source, version, key, value)

    return _saved(workspace, back, edit, source)


def section(workspace: Workspace, form: Form) -> str:
    from . import edits

    source, version, line = _source(form), form.get("version", ""), _number(form.get("line", ""))
    back = f"/{source.removesuffix('.md')}#section-{line}"

    def edit() -> Any:
        if form.get("action") == "accept":
            return edits.accept_heading(workspace.folder, source, version, line)
        topic, stance = form.get("topic") or None, form.get("stance") or None
        return edits.set_heading_topic(workspace.folder, source, version, line, topic, stance)

    return _saved(workspace, back, edit, source)


def no_remarks(workspace: Workspace, form: Form) -> str:
    from . import edits

    source = _source(form)
    return _saved(
        workspace,
        f"/{source.removesuffix('.md')}",
        lambda: edits.set_no_remarks(workspace.folder, source, form.get("version", "")),
        source,
    )


def restore(workspace: Workspace, form: Form) -> str:
    from . import edits

    source = _source(form)
    return _saved(
        workspace,
        f"/{source.removesuffix('.md')}#removed",
        lambda: edits.restore_removed(
            workspace.folder,
            source,
            form.get("version", ""),
            form.get("reason", ""),
            _number(form.get("index", "")),
        ),
        source,
    )


def _topic(form: Form) -> str | None:
    """The form's topic id; None for the general remarks (``generelt``)."""
    topic = form.get("topic", "")
    return None if topic in ("", "generelt") else topic


def _remarks_back(form: Form, anchor: str) -> str:
    """The page the form came from: a topic's, or a respondent's (``view=respondent``)."""
    if form.get("view") == "respondent":
        return f"/remarks?respondent={quote(form.get('respondent', ''))}#{anchor}"
    topic = form.get("topic", "")
    return "/remarks" + (f"?topic={quote(topic)}" if topic else "") + f"#{anchor}"


def answer(workspace: Workspace, form: Form) -> str:
    from . import edits

    who = form.get("respondent", "")

    def edit() -> Any:
        return edits.answer_remark(
            workspace.folder,
            form.get("version", ""),
            _topic(form),
            who,
            form.get("answer", ""),
            form.get("status") or None,
            form.get("summary", ""),
            comparison=workspace.state().comparison,
        )

    back = _remarks_back(form, form.get("anchor", ""))
    return _saved(workspace, back, edit, "remarks.md")


def topic_comment(workspace: Workspace, form: Form) -> str:
    from . import edits

    def edit() -> Any:
        return edits.answer_topic(
            workspace.folder,
            form.get("version", ""),
            _topic(form),
            form.get("text", ""),
            comparison=workspace.state().comparison,
        )

    return _saved(workspace, _remarks_back(form, "whole"), edit, "remarks.md")


def changes(workspace: Workspace, form: Form) -> str:
    from . import edits

    def edit() -> Any:
        return edits.write_changes(
            workspace.folder,
            form.get("version", ""),
            form.get("text", ""),
            comparison=workspace.state().comparison,
        )

    return _saved(workspace, "/remarks?topic=aendringer#changes", edit, "remarks.md")


SAVES: dict[str, Callable[[Workspace, Form], str]] = {
    "/save/answer": answer,
    "/save/topic-comment": topic_comment,
    "/save/changes": changes,
    "/save/guess": guess,
    "/save/section": section,
    "/save/no-remarks": no_remarks,
    "/save/restore": restore,
}
