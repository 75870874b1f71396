"""hoering build over the example project: outputs mirror sources, skip when up to date,
byte-identical across builds, one failing source does not stop the others."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pypdf

import hoering
from conftest import EXAMPLE_HEARING, snapshot

RESPONSE = Path("consultations") / EXAMPLE_HEARING / "responses" / "ishoj.md"
OUT = Path("output") / EXAMPLE_HEARING / "responses"


def example_sources() -> int:
    """How many sources the example project holds (it grows with every kind of document)."""
    from hoering.sources.discovery import discover

    return len(discover([Path("consultations")], hoering.load_config()))


def test_build_writes_every_format_mirroring_the_folders(cli, project):
    result = cli("build", str(RESPONSE))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / OUT).iterdir()) == [
        "ishoj.docx",
        "ishoj.html",
        "ishoj.pdf",
    ]
    assert result.stdout.strip() == "1 bygget, 0 allerede opdateret, 0 fejlede"


def test_build_one_format(cli, project):
    assert cli("build", str(RESPONSE), "-f", "pdf").exit_code == 0
    assert [p.name for p in (project / OUT).iterdir()] == ["ishoj.pdf"]
    assert pypdf.PdfReader(project / OUT / "ishoj.pdf").metadata.title.startswith("Høringssvar")


def test_output_option_and_sources_are_untouched(cli, project):
    before = snapshot(project / "consultations")
    assert cli("build", "-o", "elsewhere", "-f", "docx").exit_code == 0
    document = docx.Document(project / "elsewhere" / EXAMPLE_HEARING / "responses" / "ishoj.docx")
    assert document.core_properties.author == "Ishøj Kommune"
    assert snapshot(project / "consultations") == before
    assert not (project / "output").exists()


def test_up_to_date_outputs_are_skipped_until_an_input_changes(cli, project):
    total = example_sources()
    assert cli("build", "-f", "html").exit_code == 0
    second = cli("build", "-f", "html")
    assert second.stdout.strip() == f"0 bygget, {total} allerede opdateret, 0 fejlede"
    future = time.time() + 5
    os.utime(project / RESPONSE, (future, future))
    assert cli("build", "-f", "html").stdout.strip() == (
        f"1 bygget, {total - 1} allerede opdateret, 0 fejlede"
    )
    assert cli("build", "-f", "html", "--force").stdout.strip() == (
        f"{total} bygget, 0 allerede opdateret, 0 fejlede"
    )


def test_a_profile_change_rebuilds(cli, project):
    assert cli("build", "-f", "html").exit_code == 0
    profile = project / "templates" / "organisations" / "ishoj.yaml"
    profile.write_text(
        (Path(hoering.__file__).parent / "templates/organisations/ishoj.yaml")
        .read_text("utf-8")
        .replace("logo: ishoj.png\n", ""),
        "utf-8",
    )
    result = cli("build", "-f", "html")
    ishoj_sources = sum(
        1
        for p in project.glob("consultations/**/*.md")
        if "organisation: ishoj" in p.read_text("utf-8")
    )
    assert result.stdout.strip() == (
        f"{ishoj_sources} bygget, {example_sources() - ishoj_sources} allerede opdateret, 0 fejlede"
    )
    assert "data:image/png" not in (project / OUT / "ishoj.html").read_text("utf-8")


def test_builds_are_byte_identical(cli, project):
    assert cli("build", "-o", "a").exit_code == 0
    assert cli("build", "-o", "b").exit_code == 0
    first, second = snapshot(project / "a"), snapshot(project / "b")
    assert first == second and len(first) >= 3 * example_sources()


def test_source_date_epoch_is_honoured(cli, project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert cli("build", "-f", "docx").exit_code == 0
    created = docx.Document(project / OUT / "ishoj.docx").core_properties.created
    assert created.year == 2023 and created.month == 11


def test_a_failing_source_does_not_stop_the_others(cli, project):
    broken = project / RESPONSE.with_name("broken.md")
    broken.write_text("---\ntype: response\ntitle: x\n---\n", "utf-8")
    result = cli("build", "-f", "html")
    assert result.exit_code == 1
    assert (project / OUT / "ishoj.html").exists()
    assert not (project / OUT / "broken.html").exists()
    errors = [line for line in result.stderr.splitlines() if line.startswith("Fejl:")]
    assert errors == [
        f"Fejl: {RESPONSE.with_name('broken.md')}:2: {key}: påkrævet nøgle mangler"
        for key in ("date", "hearing")
    ]
    assert result.stderr.splitlines()[-1] == (
        f"{example_sources() - 1} bygget, 0 allerede opdateret, 1 fejlede"
    )


def test_api_builds_with_any_executor(project):
    for index in range(5):
        text = (
            (project / RESPONSE)
            .read_text("utf-8")
            .replace("date: 2019-06-19", f"date: 2019-06-{10 + index}")
        )
        (project / RESPONSE.with_name(f"copy-{index}.md")).write_text(text, "utf-8")
    seen = []
    with ThreadPoolExecutor(2) as executor:
        report = hoering.build(
            formats=["html"],
            executor=executor,
            on_progress=lambda o, done, total: seen.append((done, total)),
        )
    total = example_sources()
    failures = [str(o.error) for o in report.failed]
    assert report.ok and len(report.built) == total and total >= 6, failures
    assert seen[-1] == (total, total)


def test_process_pool_build_of_many_sources(project):
    for index in range(6):
        text = (project / RESPONSE).read_text("utf-8")
        (project / RESPONSE.with_name(f"copy-{index}.md")).write_text(text, "utf-8")
    report = hoering.build(formats=["html", "pdf"])
    assert report.ok, [str(o.error) for o in report.failed]
    total = example_sources()
    assert total >= 7 and len(report.built) == total
    assert len(list((project / "output").rglob("*.pdf"))) == total


def test_check_writes_nothing_and_reports_ok(cli, project):
    before = snapshot(project)
    result = cli("check")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("tjekket")
    assert snapshot(project) == before


def test_sections_written_as_level_two_become_heading_1(cli, project):
    assert cli("build", "-f", "docx").exit_code == 0
    document = docx.Document(project / OUT / "ishoj.docx")
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Tværfagligt samarbejde"] == "Heading 1"
    assert styles["Høringssvar om udkast til samarbejdsaftale om voksne med psykisk sygdom"] == (
        "Title"
    )
    assert "Heading 2" not in styles.values()
