"""The languages hoering writes documents in and speaks its messages in: one record each.

Everything that differs between languages and is not a sentence lives in a
:class:`Language`; the sentences and document labels live in its catalog
(``locale/<code>/LC_MESSAGES/hoering.po``, read by :mod:`hoering.messages`). Every place
that needs a language asks this registry: the ``lang`` of sources, hearings and hoering.toml,
``--lang``, the language tag of DOCX, HTML and PDF, the PDF's region, dates and numbers,
the month names import reads.

A third language is one more :class:`Language` in :data:`SHIPPED` and its catalog.
:func:`register` adds one while the program runs (the tests' small language does); a worker
process started afresh knows only the shipped ones.
"""

from __future__ import annotations

import os
from typing import NamedTuple

# text, not a Path: 'hoering --help' reads the catalogs without pathlib or dataclasses
LOCALE = os.path.join(os.path.dirname(os.path.realpath(__file__)), "locale")
DOMAIN = "hoering"


class Language(NamedTuple):
    code: str  # ISO 639-1: lang: in sources and hoering.toml, --lang, HTML's and Typst's lang
    tag: str  # BCP 47 with the region: the language of DOCX and PDF metadata ("da-DK")
    locale: str  # Babel's locale for dates and numbers ("da_DK")
    region: str  # Typst's text region (ISO 3166-1 alpha-2, lower case): quotes, hyphenation
    day_format: str  # a date with its weekday, as a Babel pattern ("torsdag den 12. september")
    number_words: tuple[str, ...]  # the counts prose writes in words, from zero
    neuter_one: str  # "one" before a neuter noun, where the language has one ("et svar")
    quotes: tuple[str, str]  # around a title quoted inside a sentence
    date_format: str = "long"  # a date in a document ("19. juni 2019"): a Babel format
    catalog: str | None = None  # its .po file; None: the package's locale/<code>/…

    @property
    def catalog_path(self) -> str:
        """The catalog of the language's messages and document labels."""
        return self.catalog or os.path.join(LOCALE, self.code, "LC_MESSAGES", f"{DOMAIN}.po")


DANISH = Language(
    code="da",
    tag="da-DK",
    locale="da_DK",
    region="dk",
    day_format="EEEE 'den' d. MMMM y",
    number_words=tuple("ingen en to tre fire fem seks syv otte ni ti elleve tolv".split()),
    neuter_one="et",
    quotes=("»", "«"),
)
ENGLISH = Language(
    code="en",
    tag="en-GB",
    locale="en_GB",
    region="gb",
    day_format="EEEE d MMMM y",
    number_words=tuple("no one two three four five six seven eight nine ten eleven twelve".split()),
    neuter_one="one",
    quotes=("“", "”"),
)
SHIPPED: tuple[Language, ...] = (DANISH, ENGLISH)  # each with its catalog in the package
DEFAULT = DANISH  # of documents and of messages, when nothing says otherwise
WRITTEN_IN = ENGLISH  # the code's own words: a catalog's missing label is taken from here

_registry: dict[str, Language] = {language.code: language for language in SHIPPED}


def codes() -> tuple[str, ...]:
    """The codes of every language known now, the shipped ones first ("da", "en")."""
    return tuple(_registry)


def languages() -> tuple[Language, ...]:
    """Every language known now, the shipped ones first."""
    return tuple(_registry.values())


def is_known(code: object) -> bool:
    """Whether ``code`` names a language we have (any value: a typo in YAML may be a list)."""
    return isinstance(code, str) and code in _registry


def language_of(code: str) -> Language:
    """The language ``code`` names; Danish for a code we do not have (the sources' values are
    checked when they are read, so this only happens for a caller's default)."""
    return _registry.get(code, DEFAULT)


def register(language: Language) -> None:
    """Know ``language`` from now on, in this process (a shipped one belongs in SHIPPED)."""
    _registry[language.code] = language


def forget(code: str) -> None:
    """Forget a language :func:`register` added (the shipped ones stay)."""
    if code not in {language.code for language in SHIPPED}:
        _registry.pop(code, None)
