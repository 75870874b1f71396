"""The workspace's answers (issue 23): remarks.md changed in the format 'hoering remarks'
writes — an entry's answer, status and summary, a topic's comment, the changes — only the
lines of that part rewritten, the file still read by compare; wrong input refused."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoering.cli import main
from hoering.comparison.collect import compare
from hoering.model import nodes as n
from hoering.workspace import edits

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "consultations" / "samarbejdsaftale-psykisk-sygdom"
REMARKS = (EXAMPLE / "remarks.md").read_text("utf-8")


@pytest.fixture
def hearing(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "consultations" / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    return Path("consultations") / EXAMPLE.name


@pytest.fixture
def comparison(hearing):
    return Compared(compare(hearing))


class Compared:
    """The hearing's comparison, short in hypothesis's reports (the model's repr is long)."""

    def __init__(self, comparison) -> None:
        self.comparison = comparison

    def __repr__(self) -> str:
        return "comparison"


def written(hearing: Path) -> str:
    return (hearing / "remarks.md").read_bytes().decode("utf-8")


def version(hearing: Path) -> str:
    return edits.read_remarks_file(hearing).version


def diff(before: str, after: str) -> list[str]:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_an_answer_and_its_status_replace_the_entry_and_nothing_else(hearing, comparison):
    saved = edits.answer_remark(
        hearing,
        version(hearing),
        "udskrivningsmentor",
        "rødovre kommune",
        "Regionen noterer sig opbakningen\r\nog takker for den.",
        "imoedekommet",
        "Rødovre Kommune støtter mentoren.",
        comparison=comparison.comparison,
    )
    assert diff(REMARKS, written(hearing)) == [
        "-### Rødovre Kommune {status=noteret}",
        "+### Rødovre Kommune {status=imoedekommet}",
        "-Regionen noterer sig kommunens opbakning.",
        "+> Rødovre Kommune støtter mentoren.",
        "+",
        "+Regionen noterer sig opbakningen",
        "+og takker for den.",
    ]
    assert saved.version == version(hearing)
    answer = compare(hearing).topics[5].answers["Rødovre Kommune"]
    assert answer.status == "imoedekommet"
    assert n.plain_text(answer.summary[0].children) == "Rødovre Kommune støtter mentoren."


def test_a_new_entry_goes_at_the_end_of_its_topic_by_the_respondents_name(hearing, comparison):
    edits.answer_remark(
        hearing,
        version(hearing),
        "hjemloese",
        "Glostrup",
        "Se afsnit 5.",
        None,
        comparison=comparison.comparison,
    )
    assert (
        "bopæl udskrives. En aftalt adresse kan regionen ikke sikre.\n\n### Glostrup Kommune\n\n"
        "Se afsnit 5.\n\n## Ændringer\n" in written(hearing)
    )
    assert diff(REMARKS, written(hearing)) == [
        "+### Glostrup Kommune",
        "+",
        "+Se afsnit 5.",
        "+",
    ]


def test_a_topic_without_a_part_gets_one_before_the_changes(hearing, comparison):
    edits.answer_remark(
        hearing,
        version(hearing),
        "ledsagelse",
        "Glostrup Kommune",
        "Ledsagelse aftales.",
        "noteret",
        comparison=comparison.comparison,
    )
    assert written(hearing).endswith(
        "ikke sikre.\n\n## Ledsagelse til behandling\n\n### Glostrup Kommune {status=noteret}\n\n"
        "Ledsagelse aftales.\n\n## Ændringer\n\nUd over ændringerne ovenfor er udkastets sprog "
        "gennemgået, og henvisningerne til\nlovgivningen er opdateret.\n"
    )


def test_the_comment_on_a_topic_the_general_remarks_and_the_changes(hearing, comparison):
    version_now = edits.answer_topic(
        hearing,
        version(hearing),
        "hjemloese",
        "Forslaget drøftes i styregruppen.",
        comparison=comparison.comparison,
    ).version
    version_now = edits.answer_topic(
        hearing, version_now, None, "Tak for svarene.", comparison=comparison.comparison
    ).version
    edits.write_changes(
        hearing, version_now, "Afsnit 4.1 er ændret.\n\n\n", comparison=comparison.comparison
    )
    assert diff(REMARKS, written(hearing)) == [
        "-Regionen takker for høringssvarene. Flere parter fremhæver, at aftalen gør "
        "ansvarsfordelingen",
        "-tydelig, og regionen har brugt bemærkningerne til at gøre aftalen mere konkret dér, hvor",
        "-kommunerne har oplevet problemer i praksis.",
        "+Tak for svarene.",
        "-Forslaget om et fælles overblik over pladser på herberger og forsorgshjem drøftes i",
        "-Den Administrative Styregruppe.",
        "+Forslaget drøftes i styregruppen.",
        "-Ud over ændringerne ovenfor er udkastets sprog gennemgået, og henvisningerne til",
        "-lovgivningen er opdateret.",
        "+Afsnit 4.1 er ændret.",
    ]
    again = compare(hearing)
    assert n.plain_text(again.authority.changes[0].children) == "Afsnit 4.1 er ændret."
    assert n.plain_text(again.general_comment[0].children) == "Tak for svarene."


def test_remarks_md_is_made_when_there_is_none(hearing, comparison):
    (hearing / "remarks.md").unlink()
    assert version(hearing) == edits.ABSENT
    saved = edits.answer_remark(
        hearing,
        edits.ABSENT,
        "ventetid",
        "Glostrup Kommune",
        "Fristen bliver tre hverdage.",
        "imoedekommet",
        comparison=comparison.comparison,
    )
    assert written(hearing) == (
        "## Orientering, varsling og færdigmelding\n\n### Glostrup Kommune {status=imoedekommet}"
        "\n\nFristen bliver tre hverdage.\n"
    )
    edits.write_changes(
        hearing, saved.version, "Afsnit 4.2 er ændret.", comparison=comparison.comparison
    )
    assert written(hearing).endswith("tre hverdage.\n\n## Ændringer\n\nAfsnit 4.2 er ændret.\n")


def test_the_answered_file_compares_and_the_notat_prints_the_answer(hearing):
    edits.answer_remark(
        hearing,
        version(hearing),
        "udskrivningsmentor",
        "Glostrup Kommune",
        "Mentoren ansættes af regionen de første fire uger.",
        "delvist",
    )
    result = CliRunner().invoke(main, ["compare", str(hearing), "-f", "html", "--no-bundle"])
    assert result.exit_code == 0, result.output
    html = (Path("output") / EXAMPLE.name / "hoeringsnotat.html").read_text("utf-8")
    assert "Mentoren ansættes af regionen de første fire uger." in html


REFUSED = [
    (
        {"respondent": "Ukendt Kommune"},
        "'Ukendt Kommune' er ikke part i denne høring",
    ),
    (
        {"status": "godt"},
        "'godt' er ikke en status (brug en af imoedekommet, delvist, ikke-imoedekommet, noteret)",
    ),
    (
        {"topic": "mentor"},
        "'mentor' er ikke et emne i hearing.yaml (brug et af disse: tvaerfagligt-samarbejde, "
        "ledsagelse, ambulant-behandling, indlaeggelse-udskrivning, ventetid, "
        "udskrivningsmentor, netvaerksmoeder, hjemloese)",
    ),
    (
        {"answer": "Svar\n\n## Ændringer\n\nIntet"},
        "svaret: en linje, der begynder med '#' (eller er understreget med '---' eller '==='), "
        "er en overskrift og ville afslutte teksten; skriv den som almindelig tekst",
    ),
    (
        {"answer": "Svar\n---"},
        "svaret: en linje, der begynder med '#' (eller er understreget med '---' eller '==='), "
        "er en overskrift og ville afslutte teksten; skriv den som almindelig tekst",
    ),
    (
        {"answer": "> citat"},
        "svaret: det kan ikke begynde med et citat ('>'), for det ville blive læst som "
        "resuméet; skriv resuméet i dets eget felt",
    ),
    ({"answer": "x" * 20_001}, "svaret: højst 20000 tegn"),
    ({"answer": "Svar\x07"}, "svaret: tegnet U+0007 kan ikke skrives (det er et styretegn)"),
    ({"summary": "x" * 2_001}, "resuméet: højst 2000 tegn"),
    (
        {"version": "0" * 64},
        "consultations/samarbejdsaftale-psykisk-sygdom/remarks.md er ændret, efter at siden "
        "blev læst (måske i en editor); intet er gemt: læs filen igen, og foretag ændringen "
        "en gang til",
    ),
]


@pytest.mark.parametrize(("wrong", "message"), REFUSED)
def test_wrong_answers_are_refused_and_write_nothing(hearing, comparison, wrong, message):
    given_ = {
        "version": version(hearing),
        "topic": "udskrivningsmentor",
        "respondent": "Glostrup Kommune",
        "answer": "Svar.",
        "status": "delvist",
        "summary": "",
    } | wrong
    with pytest.raises(edits.EditRefused) as refused:
        edits.answer_remark(hearing, **given_, comparison=comparison.comparison)
    assert str(refused.value) == message
    assert written(hearing) == REMARKS
    assert sorted(p.name for p in hearing.iterdir()) == sorted(p.name for p in EXAMPLE.iterdir())


ENTRIES = [
    ("indlaeggelse-udskrivning", "Albertslund Kommune"),
    ("indlaeggelse-udskrivning", "Brøndby Kommune"),
    ("udskrivningsmentor", "Ishøj"),  # an alias, as the file names it
    ("hjemloese", "Brøndby Kommune"),
    ("hjemloese", "Rødovre Kommune"),
]
words = st.text(st.sampled_from("abcæøå ÆØÅ,.*_1"), min_size=1, max_size=40)
paragraphs = st.lists(words.filter(lambda s: s.strip() and not s.strip()[0].isdigit()), max_size=3)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entry=st.sampled_from(ENTRIES),
    answer=paragraphs,
    summary=paragraphs,
    status=st.sampled_from([None, "imoedekommet", "delvist", "ikke-imoedekommet", "noteret"]),
)
def test_random_answers_change_only_their_own_entry(
    hearing, comparison, entry, answer, summary, status
):
    (hearing / "remarks.md").write_text(REMARKS, "utf-8")
    topic, who = entry
    edits.answer_remark(
        hearing,
        version(hearing),
        topic,
        who,
        "\n\n".join(answer),
        status,
        "\n".join(summary),
        comparison=comparison.comparison,
    )
    before, after = REMARKS.splitlines(), written(hearing).splitlines()
    start = next(
        i
        for i, line in enumerate(before)
        if line.startswith(f"### {who}")
        and i > before.index(next(x for x in before if x.startswith("## " + topic)))
    )
    stop = next(i for i in range(start + 1, len(before)) if before[i].startswith("#"))
    assert after[:start] == before[:start]
    tail = len(before) - stop
    assert after[len(after) - tail :] == before[stop:]


def test_a_remarks_md_that_links_outside_the_hearing_is_neither_read_nor_written(
    hearing, comparison, tmp_path
):
    outside = tmp_path / "elsewhere.md"
    outside.write_text(REMARKS, "utf-8")
    (hearing / "remarks.md").unlink()
    (hearing / "remarks.md").symlink_to(outside)
    for attempt in (
        lambda: edits.read_remarks_file(hearing),
        lambda: edits.write_changes(hearing, "0" * 64, "x", comparison=comparison.comparison),
    ):
        with pytest.raises(edits.EditRefused) as refused:
            attempt()
        assert str(refused.value) == "'remarks.md' ligger uden for høringens mappe"
    assert (hearing / "remarks.md").is_symlink()
    assert outside.read_text("utf-8") == REMARKS


def test_windows_line_ends_in_remarks_md_are_kept(hearing, comparison):
    data = REMARKS.replace("\n", "\r\n").encode("utf-8")
    (hearing / "remarks.md").write_bytes(data)
    edits.answer_remark(
        hearing,
        version(hearing),
        "hjemloese",
        "Brøndby Kommune",
        "Nyt svar.",
        "noteret",
        comparison=comparison.comparison,
    )
    after = (hearing / "remarks.md").read_bytes()
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert diff(REMARKS, after.decode("utf-8").replace("\r\n", "\n")) == [
        "-### Brøndby Kommune {status=delvist}",
        "+### Brøndby Kommune {status=noteret}",
        "-Afsnit 5 præciseres, så sengeafsnittet kontakter borgerens opholdskommune, før en borger",
        "-uden fast bopæl udskrives. En aftalt adresse kan regionen ikke sikre.",
        "+Nyt svar.",
    ]
