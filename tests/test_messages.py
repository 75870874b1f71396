"""The message catalogs: every message the code uses is in both, translated into Danish; no
catalog keeps a message nobody uses; the language is chosen by --lang, HOERING_LANG and
hoering.toml, in that order.

Messages are found the way translators' tools find them: Babel extracts every ``tr(...)``
and ``ntr(...)`` call from the source (and ``tr_in``/``ntr_in``, a document's words in its
own language), and every ``label("key", …)`` with a literal key.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from hoering.languages import DOMAIN, SHIPPED
from hoering.messages import LABEL_CONTEXT, Messages, catalog_path, translations

LANGUAGES = [language.code for language in SHIPPED]


def catalog(lang: str):
    """The catalog of ``lang`` as Babel, the translators' tool, reads it: the reference."""
    from babel.messages.pofile import read_po

    with open(catalog_path(lang), "rb") as stream:
        return read_po(stream, locale=lang, domain=DOMAIN)


SOURCE = Path(__file__).resolve().parent.parent / "src" / "hoering"
MESSAGES = {
    "tr": None,
    "ntr": (1, 2),
    "tr_in": (2,),
    "ntr_in": (2, 3),
    "N_": None,
    "NN_": (1, 2),
}
FIELD = re.compile(r"{(\w+)")


def used(keywords: dict | None = None) -> dict[tuple[str, ...] | str, list[str]]:
    """Every message (a plural is a tuple of its forms) in the code → where it is used."""
    found: dict = {}
    for filename, line, message, _comments, _context in extract_from_dir(
        SOURCE, method_map=[("**.py", "python")], keywords=keywords or MESSAGES, comment_tags=()
    ):
        if message:
            found.setdefault(message, []).append(f"{filename}:{line}")
    if keywords is None:
        for message, where in help_texts().items():
            found.setdefault(message, []).append(where)
    return found


def help_texts() -> dict[str, str]:
    """Every help text of the command line (as it is looked up in the catalogs) → where."""
    import click

    from hoering.cli import main
    from hoering.cli.translated import untranslated_help

    found: dict[str, str] = {}

    def walk(command: click.Command, path: str) -> None:
        for text in (untranslated_help(command), *map(untranslated_help, command.params)):
            if text:
                found.setdefault(text, f"--help of {path}")
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(main, "hoering")
    return found


def _entries(lang: str) -> dict:
    return {
        (m.context, m.id if isinstance(m.id, str) else tuple(m.id)): m
        for m in catalog(lang)
        if m.id
    }


def test_every_message_in_the_code_is_in_both_catalogs_and_translated():
    missing = []
    for lang in LANGUAGES:
        entries = _entries(lang)
        for message, where in used().items():
            entry = entries.get((None, message))
            strings = (
                (entry.string if isinstance(entry.string, tuple) else (entry.string,))
                if entry
                else ()
            )
            if entry is None or (lang == "da" and not all(strings)):
                missing.append(f"{lang}: {message!r} ({where[0]})")
    assert not missing, "messages without a translation:\n" + "\n".join(missing)


def test_every_label_the_code_names_is_in_both_catalogs():
    for lang in LANGUAGES:
        keys = {key for context, key in _entries(lang) if context == LABEL_CONTEXT}
        unknown = {key: where[0] for key, where in used({"label": (1,)}).items() if key not in keys}
        assert not unknown, f"{lang}: labels not in the catalog: {unknown}"


def test_no_catalog_keeps_a_message_the_code_does_not_use():
    found = used()
    for lang in LANGUAGES:
        stale = [key for context, key in _entries(lang) if context is None and key not in found]
        assert not stale, f"{lang}: not used any more: {stale}"


def test_both_catalogs_have_every_label_translated():
    keys = {
        lang: {
            key: m.string
            for (context, key), m in _entries(lang).items()
            if context == LABEL_CONTEXT
        }
        for lang in LANGUAGES
    }
    assert set(keys["da"]) == set(keys["en"])
    for lang in LANGUAGES:
        assert all(keys[lang].values()), f"{lang}: a label without text"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_use_only_the_placeholders_of_their_message(lang):
    for (context, key), entry in _entries(lang).items():
        if context == LABEL_CONTEXT:  # a label's placeholders are those of its Danish text
            allowed = set(FIELD.findall(_entries("da")[(context, key)].string))
        else:
            forms = key if isinstance(key, tuple) else (key,)
            allowed = {name for form in forms for name in FIELD.findall(form)} | {"n"}
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in strings:
            assert set(FIELD.findall(text or "")) <= allowed, (lang, key, text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_read_without_babel_are_those_babel_compiles(lang):
    """tr and ntr read the catalogs with a small reader of their own (so that --help does not
    import Babel); every message must come out as from Babel's compiled catalog."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.support import Translations

    compiled = BytesIO()
    write_mo(compiled, catalog(lang))
    compiled.seek(0)
    babel = Translations(fp=compiled)
    ours = translations(lang)
    for (context, key), _entry in _entries(lang).items():
        if context is not None:
            continue
        if isinstance(key, tuple):
            for n in (0, 1, 2, 7):
                assert ours.ngettext(*key, n) == babel.ngettext(*key, n), (key, n)
        else:
            assert ours.gettext(key) == babel.gettext(key), key
    assert ours.gettext("a message in no catalog") == "a message in no catalog"


def test_the_reader_of_catalogs_undoes_escapes_and_leaves_fuzzy_entries_out(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\nmsgid "Maybe"\nmsgstr "Måske"\n\n'
        'msgid "Say \\"hi\\"\\n"\nmsgstr ""\n"Sig \\"hej\\"\\n"\n\n'
        'msgctxt "label"\nmsgid "date"\nmsgstr "Dato"\n\n'
        'msgid "{n} file"\nmsgid_plural "{n} files"\nmsgstr[0] "{n} fil"\nmsgstr[1] "{n} filer"\n',
        "utf-8",
    )
    messages = Messages.read(po)
    assert messages.gettext('Say "hi"\n') == 'Sig "hej"\n'
    assert messages.gettext("Maybe") == "Maybe"
    assert messages.gettext("date") == "date"
    assert [messages.ngettext("{n} file", "{n} files", n) for n in (1, 2)] == [
        "{n} fil",
        "{n} filer",
    ]


# --- choosing the language ------------------------------------------------------------------

OUTSIDE = {"da": "er ikke i et hoering-projekt", "en": "is not in a hoering project"}


@pytest.mark.parametrize(
    "args, environment, expected",
    [
        ([], None, "da"),
        (["--lang", "en"], None, "en"),
        ([], "en", "en"),
        (["--lang", "da"], "en", "da"),
    ],
    ids=["default Danish", "--lang en", "HOERING_LANG=en", "--lang beats HOERING_LANG"],
)
def test_language_of_messages(args, environment, expected, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from hoering.cli import main

    monkeypatch.chdir(tmp_path)
    if environment:
        monkeypatch.setenv("HOERING_LANG", environment)
    result = CliRunner().invoke(main, [*args, "check"], catch_exceptions=False)
    assert result.exit_code == 1 and OUTSIDE[expected] in result.stderr


def test_hoering_toml_lang_is_below_the_environment_and_the_option(monkeypatch):
    from hoering import messages

    monkeypatch.setattr(messages, "_chosen", {"option": None, "config": None})
    messages.configured_language("en")
    assert messages.language() == "en"
    monkeypatch.setenv("HOERING_LANG", "da")
    assert messages.language() == "da"
    messages.choose_language("en")
    assert messages.language() == "en"


def test_a_language_we_do_not_speak_in_hoering_toml(tmp_path):
    from hoering.config import load_config
    from hoering.errors import ConfigError

    (tmp_path / "hoering.toml").write_text('lang = "sv"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value).endswith(
        'hoering.toml: lang: \'sv\' er ikke et sprog, hoering kender (brug "da" eller "en")'
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_read_without_babel_are_those_babel_reads(lang):
    """Document labels come from the same reading of the catalog as the messages; they must be
    what Babel reads (msgctxt "label", key → text)."""
    babel = {m.id: m.string for m in catalog(lang) if m.context == LABEL_CONTEXT and m.id}
    assert translations(lang).labels == babel


def test_one_uncertain_guess_reads_as_danish():
    """ "(5 gæt, 1 usikkert; …)" on import: one is neuter singular like gæt, more are usikre."""
    from hoering.messages import ntr

    assert ntr(", {n} uncertain", ", {n} uncertain", 1) == ", 1 usikkert"
    assert ntr(", {n} uncertain", ", {n} uncertain", 2) == ", 2 usikre"


def test_an_import_where_every_field_is_unknown_says_no_guesses():
    """Not "(0 gæt, 2 ukendte; …)": when import left every field it looked for empty."""
    from hoering.commands.import_ import _guesses
    from hoering.imports.run import Guessed

    unknown = [Guessed(key, "", 0.0, "ingen fundet", unknown=True) for key in ("sender", "date")]
    assert _guesses(unknown) == "ingen gæt, 2 ukendte"
    assert _guesses(unknown[:1]) == "ingen gæt, 1 ukendt"
    assert _guesses([]) == "ingen gæt"
    title = Guessed("title", "Høringssvar", 0.9, "dokumentets typografi Titel")
    assert _guesses([title, *unknown]) == "1 gæt, 2 ukendte"
