"""The program's own words in the user's language: gettext catalogs.

The catalogs are ``locale/<lang>/LC_MESSAGES/hoering.po`` in the package, read at run time
(no compile step at install) once per process, messages and document labels together, by a
small reader of our own (Babel, the translators' tool, costs ~90 ms to import; the tests
check that both read every message alike). Messages are written in English in the code and
looked up by that text:

    tr("{path}: hearing folder not found", path=...)       # a message
    ntr("{n} source checked", "{n} sources checked", n)    # with plural forms
    label("case_number", "da")                             # a document label: "Sagsnr."
    either(["'da'", "'en'"])                               # choices: "'da' eller 'en'"
    tr_in(notat.lang, "{n} remarks", n=3)                  # a document's words, in its language

The language of messages is ``--lang``, else ``HOERING_LANG``, else hoering.toml's
``lang``, else Danish. Documents have their own language (``lang:`` in a source), given to
:func:`label`, :func:`tr_in` and :func:`ntr_in` explicitly.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from .languages import DEFAULT, WRITTEN_IN, is_known, language_of

if TYPE_CHECKING:
    from pathlib import Path

ENVIRONMENT = "HOERING_LANG"
LABEL_CONTEXT = "label"  # msgctxt of document labels, looked up by key ("case_number")

_chosen: dict[str, str | None] = {"option": None, "config": None}


def language() -> str:
    """The language of messages now: --lang, HOERING_LANG, hoering.toml's lang, Danish."""
    for candidate in (_chosen["option"], os.environ.get(ENVIRONMENT), _chosen["config"]):
        if candidate is not None and is_known(candidate):
            return candidate
    return DEFAULT.code


def choose_language(option: str | None = None) -> None:
    """Start a command (or a worker) with ``--lang`` (``option``, may be None); forgets the
    language of a configuration read before."""
    _chosen["option"], _chosen["config"] = option, None


def configured_language(lang: str | None) -> None:
    """The language hoering.toml asks for (below ``--lang`` and ``HOERING_LANG``)."""
    _chosen["config"] = lang


@cache  # one per language
def translations(lang: str) -> Messages:
    """The messages of ``lang`` (once per process), read without Babel: ``--help`` prints
    translated words and must stay as cheap as importing click, so what the catalog says is
    kept as Python keeps a module's bytecode (:func:`_kept`)."""
    path = _catalog_file(lang)  # as text: 'hoering --help' does without pathlib
    stamp = _stamp(path)
    kept = _kept(path)
    try:
        with open(kept, "rb") as file:
            found_stamp, tables = marshal.load(file)
        if found_stamp == stamp:
            return Messages(*tables)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not kept yet, or by another Python: read the catalog
    messages = Messages.read(path)
    _keep(kept, (stamp, messages.tables()))
    return messages


def _stamp(path: str) -> tuple[int, int]:
    """What tells that a catalog changed: its time and size, as for a module's bytecode."""
    stat = os.stat(path)
    return stat.st_mtime_ns, stat.st_size


def _kept(catalog: str) -> str:
    """Where a catalog's messages are kept: beside it in ``__pycache__``, or below
    PYTHONPYCACHEPREFIX, as Python keeps bytecode (and named for this Python's marshal)."""
    folder, name = os.path.split(os.path.abspath(catalog))
    name = f"{name}.{sys.implementation.cache_tag}.marshal"
    if sys.pycache_prefix:
        return os.path.join(sys.pycache_prefix, folder.lstrip(os.sep), name)
    return os.path.join(folder, "__pycache__", name)


def _keep(path: str, value: Any) -> None:
    """Write ``value`` to ``path`` atomically, unless Python writes no bytecode
    (PYTHONDONTWRITEBYTECODE) or cannot write there (an installed, read-only package)."""
    if sys.dont_write_bytecode:
        return
    import contextlib
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # a new file of our own (O_EXCL), never a name another user could plant a link at
        handle, temporary = tempfile.mkstemp(suffix=".tmp", dir=os.path.dirname(path))
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(marshal.dumps(value))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


class Messages:
    """A catalog's messages, looked up as gettext does: an entry without a translation (or
    not in the catalog) gives the English text of the code. Fuzzy entries are left out, as
    Babel leaves them out of a compiled catalog (tests/test_messages.py checks that both
    read every message alike); document labels (``msgctxt "label"``) are kept apart, by key."""

    def __init__(
        self,
        singular: dict[str, str],
        plural: dict[str, list[str]],
        labels: dict[str, str],
        header: str = "",
    ) -> None:
        self.singular = singular
        self.plural = plural
        self.labels = labels
        self.header = header  # the catalog's header entry: its Plural-Forms
        self.rule = _plural_rule(header)

    @classmethod
    def of_entries(cls, entries: list[dict[str, str]]) -> Messages:
        singular: dict[str, str] = {}
        plural: dict[str, list[str]] = {}
        labels: dict[str, str] = {}
        for entry in entries:
            if entry.get("msgctxt") == LABEL_CONTEXT and entry["msgid"]:
                labels[entry["msgid"]] = entry.get("msgstr", "")
            if "msgctxt" in entry or entry.get("fuzzy"):
                continue
            if "msgid_plural" in entry:
                forms = [entry[f"msgstr[{i}]"] for i in range(9) if f"msgstr[{i}]" in entry]
                plural[entry["msgid"]] = forms
            elif entry.get("msgstr"):
                singular[entry["msgid"]] = entry["msgstr"]
        return cls(singular, plural, labels, singular.pop("", ""))

    @classmethod
    def read(cls, path: Path | str) -> Messages:
        with open(path, encoding="utf-8") as file:
            return cls.of_entries(_entries(file.read()))

    def tables(self) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str], str]:
        """What the catalog says, as plain values (to keep, see :func:`translations`)."""
        return self.singular, self.plural, self.labels, self.header

    def gettext(self, message: str) -> str:
        return self.singular.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self.plural.get(singular)
        if not forms or not all(forms):
            return singular if n == 1 else plural
        return forms[min(self.rule(n), len(forms) - 1)]


def _entries(text: str) -> list[dict[str, str]]:
    """The entries of a .po file: keyword (msgctxt, msgid, msgid_plural, msgstr,
    msgstr[N]) → its text, and "fuzzy" when the entry is flagged so. (Read on every start,
    ``--help`` too: one pass, plain string tests.)"""
    entries: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    keyword = ""
    translated = False  # the entry has its msgstr: anything but a translation starts the next
    for line in text.splitlines():
        line = line.strip()
        if line[:1] == '"':
            entry[keyword] += _unquoted(line)
            continue
        msgstr = line.startswith("msgstr")
        if translated and not msgstr:
            entries.append(entry)
            entry, translated = {}, False
        if line[:1] == "#":
            if line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = "fuzzy"
        elif line:
            keyword, _, rest = line.partition(" ")
            entry[keyword] = _unquoted(rest)
            translated = translated or msgstr
    return [*entries, entry] if "msgid" in entry else entries


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquoted(text: str) -> str:
    """A quoted .po string's text, escapes (\\n, \\", …) undone."""
    text = text.strip()[1:-1]
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), text)


def _plural_rule(header: str) -> Callable[[int], int]:
    """The catalog's ``Plural-Forms`` as a function of n (English's rule without one)."""
    import gettext

    for line in header.splitlines():
        if line.lower().startswith("plural-forms:") and "plural=" in line:
            rule: Callable[[int], int] = gettext.c2py(
                line.split("plural=", 1)[1].strip().rstrip(";")
            )
            return rule
    return lambda n: int(n != 1)


def labels(lang: str) -> dict[str, str]:
    """The document labels of ``lang``: key → text (read with the messages, once)."""
    return translations(lang).labels


def catalog_path(lang: str) -> Path:
    from pathlib import Path

    return Path(_catalog_file(lang))


def _catalog_file(lang: str) -> str:
    return language_of(lang).catalog_path


def tr(message: str, /, **values: Any) -> str:
    """``message`` in the current language, with ``{name}`` filled from ``values``."""
    text = translations(language()).gettext(message)
    return text.format(**values) if values else text


def ntr(singular: str, plural: str, n: int, /, **values: Any) -> str:
    """The singular or plural form for ``n`` (``{n}`` is filled in, as :func:`number` writes
    it: "60.000 svar", not "60000 svar") in the current language."""
    text = translations(language()).ngettext(singular, plural, n)
    return text.format(n=number(n), **values)


def tr_in(lang: str, message: str, /, **values: Any) -> str:
    """``message`` in a document's language ``lang`` (not the language of messages), with
    ``{name}`` filled from ``values``: the words of a høringsnotat written in English."""
    text = translations(known(lang)).gettext(message)
    return text.format(**values) if values else text


def ntr_in(lang: str, singular: str, plural: str, n: int, /, **values: Any) -> str:
    """The singular or plural form for ``n`` in a document's language ``lang``."""
    return translations(known(lang)).ngettext(singular, plural, n).format(n=n, **values)


def known(lang: str) -> str:
    """``lang`` if we have its catalog, else Danish."""
    return lang if is_known(lang) else DEFAULT.code


def N_(message: str, /) -> str:
    """Marks ``message`` for the catalogs; it is looked up later, where it is shown (click's
    own words)."""
    return message


def NN_(singular: str, plural: str, /) -> tuple[str, str]:
    """Marks a message with plural forms for the catalogs, to be looked up later."""
    return singular, plural


def either(choices: Iterable[str], /) -> str:
    """The choices as one says them in the language of messages: "'da' eller 'en'",
    "docx, pdf eller html" (``choices`` are written as they should appear)."""
    items = list(choices)
    if len(items) < 2:
        return "".join(items)
    return tr("{choices} or {last}", choices=", ".join(items[:-1]), last=items[-1])


def label(key: str, lang: str) -> str:
    """The document label ``key`` in the document's language ``lang`` (Danish when the
    language has no catalog; the code's English when its catalog lacks the label, as
    gettext gives a message); an unknown key is a bug and raises KeyError."""
    return labels(known(lang)).get(key) or labels(WRITTEN_IN.code)[key]


def number(value: float, digits: int | None = None) -> str:
    """``value`` as the language of messages writes it: "12,5" and "20.000" in Danish, "12.5"
    and "20,000" in English, with ``digits`` decimals (as few as needed when None)."""
    from babel.numbers import format_decimal

    pattern = None if digits is None else "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=language_of(language()).locale)


# C0 and C1 controls and DEL; bidirectional controls too: each would let a file name or a
# value change what the terminal shows (move the cursor, clear the line, colour, reorder)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROL = "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"  # compiled when first used


def terminal_line(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character written as an escape (ESC as ``\\x1b``, CR as
    ``\\r``, a line feed as ``\\n``): a file name or value in a message can then neither
    forge a line nor drive the terminal. A line feed before an indented line is kept (a
    message's example, set in below it), and with ``lines`` every line feed is (a table)."""

    def escaped(match: re.Match[str]) -> str:
        character = match.group()
        if character == "\n" and (lines or text.startswith(" ", match.end())):
            return character
        return _NAMED.get(character) or character.encode("unicode_escape").decode("ascii")

    return re.sub(_CONTROL, escaped, text)
