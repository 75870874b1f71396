"""Find templates: the project's ``templates/`` first, then the ones built into hoering.

A file in the project's templates folder with the same name as a built-in one overrides it,
like a theme. Jinja templates render in a sandbox that also refuses runaway arithmetic.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from ..config import Config
from ..errors import TemplateError
from ..limits import Limits, active
from ..messages import ntr, number, tr

if TYPE_CHECKING:
    from jinja2.runtime import Context

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Text or lists longer than this made by one operation of a user template (`*`, `+`, `~`, a
# filter, a method) are refused (sandbox guard): doubling a text 13 times reached 11.7 GB.
MAX_TEMPLATE_PRODUCT = 1_000_000


class TemplateFinder:
    """An ordered list of folders to look for templates in, the project's first."""

    def __init__(self, project_templates: Path | None = None) -> None:
        folders = []
        if project_templates is not None:
            folders.append(Path(project_templates))
        folders.append(BUILTIN_TEMPLATES)
        self.folders: tuple[Path, ...] = tuple(folders)

    @classmethod
    def of_project(cls, config: Config) -> TemplateFinder:
        """The project's templates folder (when it exists), then the built-in templates."""
        return cls(config.templates if config.templates.is_dir() else None)

    def __reduce__(self) -> tuple[type[TemplateFinder], tuple[Path | None]]:
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
            None,
            tr("template '{name}' not found", name=name),
            hint=tr("looked in: {folders}", folders=searched),
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
            return _render_limited(template, context, path)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                exc.filename or path,
                tr("template syntax error: {problem}", problem=exc.message),
                line=exc.lineno,
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateError(path, tr("template error: {problem}", problem=exc)) from None
        except (ArithmeticError, MemoryError) as exc:
            raise TemplateError(path, tr("template error: {problem}", problem=exc)) from None


class TemplateTimeout(Exception):
    """A user template ran longer than ``[limits] template_seconds``."""


def _render_limited(template: Any, context: dict[str, Any], path: Path) -> str:
    """Render, stopping a template that writes more than ``template_output_mb`` or runs
    longer than ``template_seconds`` (the sandbox itself bounds neither)."""
    limits = active()
    budget = int(limits.template_output_mb * 1024 * 1024)
    parts: list[str] = []
    try:
        with _time_limit(limits.template_seconds):
            for part in template.generate(**context):
                budget -= len(part)
                if budget < 0:
                    raise TemplateError(
                        path,
                        tr(
                            "the template writes more than {mb} MB",
                            mb=number(limits.template_output_mb),
                        ),
                        hint=limits.hint("template_output_mb"),
                    )
                parts.append(part)
    except TemplateTimeout:
        raise ran_too_long(path, limits) from None
    return "".join(parts)


def ran_too_long(template: Path, limits: Limits) -> TemplateError:
    """The error of a user's template (Jinja or Typst) stopped after ``template_seconds``."""
    return TemplateError(
        template,
        ntr(
            "the template ran for more than {seconds} second",
            "the template ran for more than {seconds} seconds",
            1 if limits.template_seconds == 1 else 2,  # one second, else seconds
            seconds=number(limits.template_seconds),
        ),
        hint=tr("look for loops that never end") + "; " + limits.hint("template_seconds"),
    )


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise TemplateTimeout after ``seconds`` (main thread only: that is where signals
    arrive; builds run there, in the CLI and in its worker processes)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum: int, _frame: FrameType | None) -> NoReturn:
        raise TemplateTimeout

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@lru_cache(maxsize=8)
def _jinja_environment(folders: tuple[Path, ...]) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import SandboxedEnvironment

    class GuardedEnvironment(SandboxedEnvironment):
        code_generator_class = _guarded_code_generator()

        def call_binop(self, context: Context, op: str, left: Any, right: Any) -> Any:  # noqa: ARG002
            return _guarded_binop(op, left, right)

        def call(  # noqa: N805
            __self, __context: Context, __obj: Any, *args: Any, **kwargs: Any
        ) -> Any:
            _guard_arguments(__obj, args, kwargs)
            return _bounded(SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs))

        def guarded_concat(self, join: Callable[[Any], str], parts: tuple[Any, ...]) -> str:
            """``a ~ b``: refused before joining when the parts are too long together."""
            if sum(len(p) for p in parts if isinstance(p, str)) > MAX_TEMPLATE_PRODUCT:
                raise OverflowError(tr("joined text too long in template"))
            return join(parts)

        def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
            _guard_arguments(value, (), {})  # '{:>2000000000}'.format(x)
            return super().wrap_str_format(value)

    env = GuardedEnvironment(
        loader=FileSystemLoader([str(f) for f in folders]),
        autoescape=select_autoescape(["html", "htm", "j2", "xml"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.intercepted_binops = frozenset({"*", "**", "%", "+"})
    env.filters = {name: _guarded_filter(f) for name, f in env.filters.items()}
    return env


_WIDE_FORMAT = re.compile(r"[%{][^a-zA-Z}%]*\d{7,}")  # '%2000000000s', '{:>2000000000}'


def _guard_arguments(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call that asks for text a million characters wide ('x'.ljust(2e9),
    '{:>9999999}'.format(x), center(10**9)): the sandbox would build it in memory."""
    for value in (*args, *kwargs.values()):
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and (abs(value) > MAX_TEMPLATE_PRODUCT)
        ):
            raise OverflowError(
                tr("number too large in template ({value})", value=format(value, "g"))
            )
    receiver = getattr(function, "__self__", None)
    if isinstance(receiver, str) and _WIDE_FORMAT.search(receiver):
        raise OverflowError(tr("format width too large in template"))
    if getattr(function, "__name__", "") in ("replace", "do_replace"):
        texts = [a for a in (receiver, *args) if isinstance(a, str)]
        if len(texts) >= 3 and _replaced_length(*texts[:3]) > MAX_TEMPLATE_PRODUCT:
            raise OverflowError(tr("text too long in template"))


def _replaced_length(text: str, old: str, new: str) -> int:
    """How long ``text.replace(old, new)`` would be, without making it."""
    count = text.count(old) if old else len(text) + 1
    return len(text) + count * (len(new) - len(old))


def _guarded_filter(function: Any) -> Any:
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _guard_arguments(function, args[1:], kwargs)
        return _bounded(function(*args, **kwargs))

    return guarded


def _bounded(result: Any) -> Any:
    """A filter's or method's result, refused when it is text or a list too long to be
    taken further (each step of a chain is bounded, so the chain is)."""
    if isinstance(result, str | list | tuple) and len(result) > MAX_TEMPLATE_PRODUCT:
        raise OverflowError(tr("text too long in template"))
    return result


def _guarded_code_generator() -> type:
    """Jinja's code generator with ``~`` compiled as a call of the environment's
    ``guarded_concat`` (the sandbox has no hook for it)."""
    from jinja2.compiler import CodeGenerator

    class GuardedCodeGenerator(CodeGenerator):
        def visit_Concat(self, node: Any, frame: Any) -> None:  # noqa: N802
            self.write("environment.guarded_concat(")
            if frame.eval_ctx.volatile:
                self.write("(markup_join if context.eval_ctx.volatile else str_join)")
            else:
                self.write("markup_join" if frame.eval_ctx.autoescape else "str_join")
            self.write(", (")
            for part in node.nodes:
                self.visit(part, frame)
                self.write(", ")
            self.write("))")

    return GuardedCodeGenerator


def _guarded_binop(op: str, left: Any, right: Any) -> Any:
    if op == "%":
        if isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise OverflowError(tr("format width too large in template"))
        return operator.mod(left, right)
    if op == "**" and isinstance(right, int) and abs(right) > 64:
        raise OverflowError(tr("exponent too large in template"))
    if op == "*":
        sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
        counts = [v for v in (left, right) if isinstance(v, int)]
        if sizes and counts and sizes[0] * max(counts[0], 0) > MAX_TEMPLATE_PRODUCT:
            raise OverflowError(tr("repeated text too long in template"))
        return operator.mul(left, right)
    if op == "+":
        sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
        if sum(sizes) > MAX_TEMPLATE_PRODUCT:
            raise OverflowError(tr("joined text too long in template"))
        return operator.add(left, right)
    return operator.pow(left, right)
