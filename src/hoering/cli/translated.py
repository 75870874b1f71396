"""click in the language of messages: help looked up in the catalogs when it is shown, and
click's own words ("Usage:", "Missing argument", …) looked up there too.

Help is written in English in the code (a command's docstring, an option's ``help=``); the
commands and options of :mod:`hoering.cli` are declared with the classes here, so ``--help``
speaks the language chosen for this run. A paragraph of help with indented lines (the
examples) is printed as it is written.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..messages import N_, NN_, tr, translations
from ..messages import language as current_language

# click's own words that users meet, looked up in our catalogs (click asks gettext for them
# when it prints them); the rest of click's messages stay English.
CLICK_WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    NN_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    NN_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    NN_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    N_("Option {name!r} does not take a value."),
    NN_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    NN_(
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("default: {default}"),
    N_("required"),
    N_("Aborted!"),
)
# What an option or command takes, in the usage line and beside each option.
METAVARS = (
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
    N_("TEXT"),
    N_("PATH"),
    N_("DIRECTORY"),
    N_("INTEGER RANGE"),
    N_("[%Y-%m-%d]"),
    N_("ADDRESS"),
)


def _click_gettext(message: str) -> str:
    return translations(current_language()).gettext(message)


def _click_ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current_language()).ngettext(singular, plural, n)


def _speak_our_language_in_click() -> None:
    """click's modules call gettext's ``_``/``ngettext`` at the moment they print; ours look
    the words up in hoering's catalogs in the language of messages."""
    modules = (click.core, click.decorators, click.exceptions, click.formatting, click.parser)
    for module in (*modules, click.types):
        if hasattr(module, "_"):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]


_speak_our_language_in_click()


def help_text(text: str | None) -> str | None:
    """A help text in the language of messages; a paragraph with indented lines (examples)
    is kept as written (click's ``\\b``)."""
    if not text:
        return text
    translated = tr(inspect.cleandoc(text))  # the message is as untranslated_help gives it
    return "\n\n".join(
        f"\b\n{paragraph}" if "\n " in paragraph else paragraph
        for paragraph in translated.split("\n\n")
    )


def untranslated_help(thing: click.Command | click.Parameter) -> str | None:
    """The help of a command or option as written in the code: the message looked up."""
    text = getattr(thing, "_help", None)
    return inspect.cleandoc(text) if text else None


class TranslatedHelp:
    """Help looked up in the catalogs when it is shown, not when the command is declared."""

    _help: str | None = None

    @property
    def help(self) -> str | None:
        return help_text(self._help)

    @help.setter
    def help(self, text: str | None) -> None:
        self._help = text


class HoeringOption(TranslatedHelp, click.Option):
    """An option whose help, and what it takes (TEXT, PATH, …), speak the language of
    messages."""

    def make_metavar(self, ctx: click.Context) -> str:
        return tr(super().make_metavar(ctx))


class TranslatedCommand(TranslatedHelp):
    """A command's help, and its --help option's, in the language of messages."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr("Show this message and exit.")
        return option

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces: list[str] = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [tr(piece) if piece.isupper() else piece for piece in pieces]


Decorated = TypeVar("Decorated", bound=Callable[..., Any] | click.Command)  # as click's FC


def option(*declarations: str, **attributes: Any) -> Callable[[Decorated], Decorated]:
    """``click.option`` with help in the language of messages."""
    return click.option(*declarations, cls=HoeringOption, **attributes)
