"""hoering.toml: optional, validated, every problem named."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoering.config import load_config
from hoering.errors import ConfigError, SourceErrors


def test_no_config_file_gives_the_defaults(tmp_path):
    config = load_config(tmp_path)
    assert (config.sources, config.templates, config.output) == (
        tmp_path / "consultations",
        tmp_path / "templates",
        tmp_path / "output",
    )
    assert config.formats == ("docx", "pdf", "html") and config.path is None


def test_config_file_sets_folders_formats_and_organisation(tmp_path):
    (tmp_path / "hoering.toml").write_text(
        'sources = "kilder"\noutput = "ud"\norganisation = "ishoj"\nformats = ["pdf"]\n'
    )
    config = load_config(tmp_path)
    assert config.sources == tmp_path / "kilder" and config.output == tmp_path / "ud"
    assert config.organisation == "ishoj" and config.formats == ("pdf",)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (None, "hoering.toml: ouput: ukendt nøgle (mente du 'output'?)"),
        ("en", "hoering.toml: ouput: unknown key (did you mean 'output'?)"),
    ],
)
def test_typo_in_a_key(tmp_path, monkeypatch, lang, expected):
    if lang:
        monkeypatch.setenv("HOERING_LANG", lang)
    (tmp_path / "hoering.toml").write_text('ouput = "ud"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value).endswith(expected)


def test_every_problem_at_once(tmp_path):
    (tmp_path / "hoering.toml").write_text('formats = ["pdf", "rtf"]\nsources = 3\n')
    with pytest.raises(SourceErrors) as caught:
        load_config(tmp_path)
    messages = [e.message for e in caught.value.errors]
    assert messages == [
        "skal være tekst i anførselstegn",
        "['pdf', 'rtf'] er ikke en liste med formater",
    ]
    assert caught.value.errors[1].hint == "brug en liste med docx, pdf eller html"


def test_toml_syntax_error_names_the_line(tmp_path):
    (tmp_path / "hoering.toml").write_text('sources = "a"\noutput = \n')
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.line == 2
    assert Path(str(caught.value).split(":")[0]).name == "hoering.toml"
