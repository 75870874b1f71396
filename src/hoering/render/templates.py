"""Find templates: the project's ``templates/`` first, then the ones built into hoering.

A file in the project's templates folder with the same name as a built-in one overrides it,
like a theme. Jinja templates render in a sandbox that also refuses runaway arithmetic.
"""

from __future__ import annotations

import operator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import TemplateError

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Results larger than this from `*` or `**` in a user template are refused (sandbox guard).
MAX_TEMPLATE_PRODUCT = 1_000_000


class TemplateFinder:
    """An ordered list of folders to look for templates in, the project's first."""

    def __init__(self, project_templates: Path | None = None) -> None:
        folders = []
        if project_templates is not None:
            folders.append(Path(project_templates))
        folders.append(BUILTIN_TEMPLATES)
        self.folders: tuple[Path, ...] = tuple(folders)

    def __reduce__(self):
        project = self.folders[0] if len(self.folders) > 1 else None
        return (TemplateFinder, (project,))

    def find(self, name: str) -> Path:
        """The first file called ``name`` in the folders, or an error listing where we looked."""
        for folder in self.folders:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        searched = ", ".join(str(f) for f in self.folders)
        raise TemplateError(
            None, f"template '{name}' not found", hint=f"searched: {searched}"
        )

    def files(self, names: list[str]) -> list[Path]:
        """The files that would be used for ``names`` (for up-to-date checks)."""
        found = []
        for name in names:
            try:
                found.append(self.find(name))
            except TemplateError:
                continue
        return found

    @property
    def jinja(self) -> Any:
        """A sandboxed Jinja environment over the folders, HTML-autoescaping.

        One per process and folder list, so templates compile once (Jinja reloads a
        template whose file changed)."""
        return _jinja_environment(self.folders)

    def render_jinja(self, name: str, **context: Any) -> str:
        """Render the Jinja template ``name``; syntax and runtime errors name file and line."""
        import jinja2

        path = self.find(name)
        try:
            template = self.jinja.get_template(name)
            return template.render(**context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                exc.filename or path, f"template syntax error: {exc.message}", line=exc.lineno
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateError(path, f"template error: {exc}") from None
        except (ArithmeticError, MemoryError) as exc:
            raise TemplateError(path, f"template error: {exc}") from None


@lru_cache(maxsize=8)
def _jinja_environment(folders: tuple[Path, ...]) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import SandboxedEnvironment

    class GuardedEnvironment(SandboxedEnvironment):
        def call_binop(self, context, op, left, right):  # type: ignore[override]
            return _guarded_binop(op, left, right)

    env = GuardedEnvironment(
        loader=FileSystemLoader([str(f) for f in folders]),
        autoescape=select_autoescape(["html", "htm", "j2", "xml"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.intercepted_binops = frozenset({"*", "**"})
    return env


def _guarded_binop(op: str, left: Any, right: Any) -> Any:
    if op == "**" and isinstance(right, int) and abs(right) > 64:
        raise OverflowError("exponent too large in template")
    if op == "*":
        sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
        counts = [v for v in (left, right) if isinstance(v, int)]
        if sizes and counts and sizes[0] * max(counts[0], 0) > MAX_TEMPLATE_PRODUCT:
            raise OverflowError("repeated text too long in template")
        return operator.mul(left, right)
    return operator.pow(left, right)
