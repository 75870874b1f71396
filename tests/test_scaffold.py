"""hoering new response: a skeleton that passes check, never overwriting."""

from __future__ import annotations

from pathlib import Path

import hoering
from conftest import snapshot


def test_new_response_is_a_valid_source(cli, project):
    result = cli("new", "response", "--organisation", "ishoj", "--hearing", "ny-hoering",
                 "--date", "2026-01-05", "--title", 'Svar om "trafik": plan')
    target = Path("consultations/ny-hoering/responses/ishoj.md")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Created {target}"
    source = hoering.load_source(project / target)
    assert source.meta.title == 'Svar om "trafik": plan'
    assert source.meta.department == "Center for Socialservice"
    assert str(source.meta.date) == "2026-01-05"
    text = (project / target).read_text("utf-8")
    assert "# Emnelinjen" in text and "{topic=emne stance=positive}" in text
    assert cli("check", str(target)).exit_code == 0


def test_new_response_refuses_to_overwrite(cli, project):
    existing = Path("consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md")
    before = snapshot(project)
    result = cli("new", "response", "--organisation", "ishoj",
                 "--hearing", "samarbejdsaftale-psykisk-sygdom")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {existing} already exists (choose another name with --output; "
        "hoering never overwrites a source)\n")
    assert snapshot(project) == before


def test_new_response_with_unknown_organisation(cli, project):
    before = snapshot(project)
    result = cli("new", "response", "--organisation", "gentofte", "--hearing", "x")
    assert result.exit_code == 1
    assert result.stderr == ("Error: organisation: unknown organisation 'gentofte' "
                             "(available: ishoj, region-hovedstaden)\n")
    assert snapshot(project) == before


def test_new_response_uses_the_configured_organisation(cli, project):
    (project / "hoering.toml").write_text('organisation = "region-hovedstaden"\n')
    assert cli("new", "response", "--hearing", "x").exit_code == 0
    source = hoering.load_source(project / "consultations/x/responses/region-hovedstaden.md")
    assert source.meta.department == "Center for Sundhed"
