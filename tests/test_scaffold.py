"""hoering new response: a skeleton that passes check, never overwriting."""

from __future__ import annotations

from pathlib import Path

import hoering
from conftest import snapshot


def test_new_response_is_a_valid_source(cli, project):
    result = cli(
        "new",
        "response",
        "--organisation",
        "ishoj",
        "--hearing",
        "ny-hoering",
        "--date",
        "2026-01-05",
        "--title",
        'Svar om "trafik": plan',
    )
    target = Path("consultations/ny-hoering/responses/ishoj.md")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Oprettede {target}"
    _filled(project / target)
    source = hoering.load_source(project / target)
    assert source.meta.title == 'Svar om "trafik": plan'
    assert source.meta.department == "Center for Socialservice"
    assert str(source.meta.date) == "2026-01-05"
    text = (project / target).read_text("utf-8")
    assert "# Emnelinjen" in text and "topic=" not in text.split("\n---\n", 1)[1]


def test_new_response_refuses_to_overwrite(cli, project):
    existing = Path("consultations/samarbejdsaftale-psykisk-sygdom/responses/ishoj.md")
    before = snapshot(project)
    result = cli(
        "new", "response", "--organisation", "ishoj", "--hearing", "samarbejdsaftale-psykisk-sygdom"
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Fejl: {existing} findes allerede (vælg et andet navn med --output; "
        "hoering overskriver aldrig en kilde)\n"
    )
    assert snapshot(project) == before


def test_new_response_with_unknown_organisation(cli, project):
    before = snapshot(project)
    result = cli("new", "response", "--organisation", "gentofte", "--hearing", "x")
    assert result.exit_code == 1
    assert result.stderr == (
        "Fejl: organisation: ukendt organisation 'gentofte' "
        "(kendte organisationer: ishoj, region-hovedstaden; opret den med: hoering new "
        'organisation --id gentofte --name "…")\n'
    )
    assert snapshot(project) == before


def _filled(path: Path) -> None:
    """A response skeleton with its empty fields filled in, as its author would."""
    text = path.read_text("utf-8")
    for empty, value in [
        ('title: ""', 'title: "Svar om trafik"'),
        ('  - ""', '  - "Region Hovedstaden"'),
        ('name: ""', 'name: "Anne Holm"'),
        ("## Skriv afsnittets overskrift her", "## Trafik"),
        ("Skriv jeres bemærkninger her.", "Vi bakker op."),
    ]:
        text = text.replace(empty, value)
    path.write_text(text, "utf-8")


def test_new_response_uses_the_configured_organisation(cli, project):
    (project / "hoering.toml").write_text('organisation = "region-hovedstaden"\n')
    assert cli("new", "response", "--hearing", "x").exit_code == 0
    path = project / "consultations/x/responses/region-hovedstaden.md"
    _filled(path)
    source = hoering.load_source(path)
    assert source.meta.department == "Center for Sundhed"


# --- hoering new organisation ---------------------------------------------------------------

GLADSAXE = Path("templates/organisations/gladsaxe.yaml")


def _explained_keys(text: str) -> list[str]:
    """The keys of a YAML skeleton that have a '#' explanation on the line above."""
    lines = text.splitlines()
    keys = []
    for above, line in zip(lines, lines[1:], strict=False):
        key = line.lstrip("# ").split(":")[0]
        if ":" in line and above.strip().startswith("#") and key.isidentifier():
            keys.append(key)
    return keys


def test_new_organisation_writes_a_profile_with_every_key_explained(cli, project):
    result = cli("new", "organisation", "--id", "gladsaxe", "--name", "Gladsaxe Kommune")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Oprettede {GLADSAXE}\n"
    from hoering.organisations import Profile, load_organisation
    from hoering.render.templates import TemplateFinder

    profile = load_organisation("gladsaxe", TemplateFinder(project / "templates")).profile
    assert profile.name == "Gladsaxe Kommune" and profile.address.postcode == "0000"
    explained = _explained_keys((project / GLADSAXE).read_text("utf-8"))
    assert set(Profile.model_fields) <= set(explained), "a profile key without explanation"


def test_a_new_organisation_gives_a_letterhead(cli, project):
    assert (
        cli("new", "organisation", "--id", "gladsaxe", "--name", "Gladsaxe Kommune").exit_code == 0
    )
    assert (
        cli(
            "new",
            "response",
            "--organisation",
            "gladsaxe",
            "--hearing",
            "trafik",
            "--date",
            "2026-01-05",
        ).exit_code
        == 0
    )
    _filled(project / "consultations/trafik/responses/gladsaxe.md")
    result = cli("build", "consultations/trafik", "-f", "html")
    assert result.exit_code == 0, result.output
    html = (project / "output/trafik/responses/gladsaxe.html").read_text("utf-8")
    assert "Gladsaxe Kommune" in html and "Vejnavn 1" in html


def test_new_organisation_never_overwrites(cli, project):
    assert (
        cli("new", "organisation", "--id", "gladsaxe", "--name", "Gladsaxe Kommune").exit_code == 0
    )
    before = snapshot(project)
    again = cli("new", "organisation", "--id", "gladsaxe", "--name", "Anden")
    assert again.exit_code == 1
    assert again.stderr == (
        f"Fejl: {GLADSAXE} findes allerede (ret den profil, der allerede "
        "findes, eller vælg et andet --id)\n"
    )
    assert snapshot(project) == before


def test_new_organisation_refuses_an_id_that_is_no_file_name(cli, project):
    before = snapshot(project)
    result = cli("new", "organisation", "--id", "Glad Saxe", "--name", "Gladsaxe Kommune")
    assert result.exit_code == 1
    assert result.stderr == (
        "Fejl: 'Glad Saxe' kan ikke være id for en organisation (brug små "
        "bogstaver, tal og '-', fx --id gladsaxe-kommune)\n"
    )
    assert snapshot(project) == before


def test_unknown_organisation_lists_the_known_ones_with_the_new_one(cli, project):
    cli("new", "organisation", "--id", "gladsaxe", "--name", "Gladsaxe Kommune")
    result = cli("new", "response", "--organisation", "gladsaxes", "--hearing", "x")
    assert result.exit_code == 1
    assert result.stderr == (
        "Fejl: organisation: ukendt organisation 'gladsaxes' (mente du 'gladsaxe'? "
        "kendte organisationer: gladsaxe, ishoj, region-hovedstaden; eller opret den med: "
        "hoering new "
        'organisation --id gladsaxes --name "…")\n'
    )


def test_new_hearing_takes_the_projects_only_profile_as_authority(cli, project):
    result = cli("new", "hearing", "--id", "trafikplan-2027", "--title", "Trafikplan")
    assert result.exit_code == 0, result.output
    text = (project / "consultations/trafikplan-2027/hearing.yaml").read_text("utf-8")
    assert "\nauthority: region-hovedstaden\n" in text
    cli("new", "organisation", "--id", "gladsaxe", "--name", "Gladsaxe Kommune")
    two = cli("new", "hearing", "--id", "cykelplan", "--title", "Cykelplan")
    assert two.exit_code == 1
    assert two.stderr == (
        "Fejl: ingen organisation angivet (brug --authority ID, eller skriv 'organisation' i "
        "hoering.toml)\n"
    )
