"""Mass consultations: the same comparison in this process, in a process pool and on a
small Dask cluster (in-process workers), over a hearing whose tables are cut in partitions."""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ProcessPoolExecutor

import pyarrow as pa
import pytest

from formtables import CAMPAIGN_A, CAMPAIGN_B, HEADER, hearing, mass_rows, write_csv, write_parquet
from hoering.errors import HoeringError, SourceErrors
from hoering.hearing import load_hearing
from hoering.mass.engine import compare_tables
from hoering.mass.runners import DaskRunner, LocalRunner


@pytest.fixture(scope="module")
def mass_hearing(tmp_path_factory):
    import hoering.forms.tables as tables

    folder = hearing(tmp_path_factory.mktemp("mass"))
    rows = mass_rows(240)
    write_csv(folder / "responses" / "a-svar.csv", rows[:120])
    write_parquet(folder / "responses" / "b-svar.parquet", rows[120:], row_group_size=25)
    with pytest.MonkeyPatch.context() as patch:  # several partitions per file
        patch.setattr(tables, "CSV_BLOCK_BYTES", 2048)
        patch.setattr(tables, "CSV_BATCHES_PER_PARTITION", 2)
        patch.setattr(tables, "PARQUET_ROWS_PER_PARTITION", 40)
        yield load_hearing(folder)


def _run(hearing, runner):
    result = compare_tables(hearing, runner)
    matrix = pa.concat_tables(list(result.matrix_chunks()))
    result.matrix = None
    return result, matrix


@pytest.fixture(scope="module")
def serial(mass_hearing):
    return _run(mass_hearing, LocalRunner())


def test_counts_campaigns_and_organisations(serial):
    result, matrix = serial
    summary = result.summary
    assert result.partitions == 9
    assert (summary.answers, summary.bad_rows, summary.anonymous, summary.private) == (
        238,
        2,
        22,
        159,
    )
    assert summary.organisations == {"Grundejerforeningen Nord": 39, "Cyklistforbundet": 40}
    assert [e.split("responses/")[1] for e in summary.errors] == [
        "a-svar.csv: række 52: indsendt: 'ukendt' er ikke en dato (skriv den som 2019-06-21 "
        "eller 21-06-2019)",
        "b-svar.parquet: post 28: indsendt: 'ukendt' er ikke en dato (skriv den som "
        "2019-06-21 eller 21-06-2019)",
    ]
    assert [c.text for c in result.campaigns] == [CAMPAIGN_A, CAMPAIGN_B]
    parking, cycle = result.campaigns
    assert (parking.topic, parking.respondents, parking.private, parking.organisations) == (
        "parkering",
        79,
        40,
        (("Grundejerforeningen Nord", 39),),
    )
    assert (cycle.topic, cycle.respondents, cycle.private, cycle.organisations) == (
        "cykelstier",
        47,
        31,
        (("Cyklistforbundet", 8), ("Grundejerforeningen Nord", 8)),
    )
    assert (parking.identical, parking.wordings, parking.stances) == (39, 4, (("proposal", 79),))
    assert {(e.removed, e.added) for e in parking.edits} == {
        ((), ("meget",)),
        (("ældre",), ("gamle",)),
        (("fordi",), ("da",)),
    }
    assert matrix.num_rows == 238
    assert matrix.column_names == [
        "Fil",
        "Række",
        "Respondent",
        "Organisation",
        "Dato",
        "Cykelstier",
        "Parkering",
        "Kampagne",
    ]
    assert matrix.slice(0, 4).to_pylist()[3] == {
        "Fil": "a-svar.csv",
        "Række": 5,
        "Respondent": "Borger 3",
        "Organisation": "Grundejerforeningen Nord",
        "Dato": dt.date(2019, 6, 4),
        "Cykelstier": "bemærkning",
        "Parkering": "forslag",
        "Kampagne": "1",
    }
    assert matrix.column("Kampagne").to_pylist()[:6] == ["1, 2", "", "", "1", "", "2"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "da",
            [
                "238 svar fra a-svar.csv, b-svar.parquet (9 dele): 436 bemærkninger, "
                "2 kampagner med 126, 2 organisationer",
                " (rækken er ikke talt med)",
            ],
        ),
        (
            "en",
            [
                "238 answers from a-svar.csv, b-svar.parquet (9 partitions): 436 remarks, "
                "2 campaigns holding 126, 2 organisations",
                " (the row is not counted)",
            ],
        ),
    ],
)
def test_the_summary_on_the_terminal_in_danish_and_english(serial, lang, expected, monkeypatch):
    from hoering import messages

    monkeypatch.setattr(messages, "_chosen", {"option": lang, "config": None})
    outline, unread = expected
    assert serial[0].outline() == [outline]
    # the rows that could not be read are warnings (stderr), one a row, each saying so
    warnings = serial[0].unread()
    assert len(warnings) == 2 and all(w.endswith(unread) for w in warnings)
    errors = serial[0].summary.errors
    assert all(any(w.startswith(e) for w in serial[0].warnings) for e in errors)


def test_samples_leave_the_campaigns_out(serial):
    result, _ = serial
    for samples in result.samples.values():
        assert samples and not any(s.text in (CAMPAIGN_A, CAMPAIGN_B) for s in samples)
        assert len({s.text for s in samples}) == len(samples)


def test_a_process_pool_gives_the_same_comparison(mass_hearing, serial):
    with ProcessPoolExecutor(2) as pool:
        result, matrix = _run(mass_hearing, LocalRunner(pool))
    assert result == serial[0]
    assert matrix.equals(serial[1])


def test_a_dask_cluster_gives_the_same_comparison(mass_hearing, serial):
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        result, matrix = _run(mass_hearing, DaskRunner(client))
        assert set(DaskRunner(client).worker_memory()) == set(client.scheduler_info()["workers"])
    assert result == serial[0]
    assert matrix.equals(serial[1])


def test_dask_workers_run_under_the_callers_language_and_limits():
    """A worker is a process of its own: it must speak --lang en and keep the caller's
    [limits], not start in Danish with the defaults. The cluster is the one --workers
    starts (TLS with certificates of its own), so this also shows that it works."""
    from hoering.limits import Limits, activate, active
    from hoering.mass.runners import cluster
    from hoering.messages import choose_language, tr

    choose_language("en")
    activate(Limits(table_rows=7))
    try:
        with cluster(workers=1) as client:
            runner = DaskRunner(client)
            said = runner.gather([runner.submit(tr, "the disk is full")])
            limits = runner.gather([runner.submit(active)])
    finally:
        choose_language(None)
        activate(Limits())
    assert said == ["the disk is full"]  # a worker on its own would say 'disken er fuld'
    assert limits == [Limits(table_rows=7)]


def _status(address: str, path: str) -> int:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://{address}{path}", timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _connect(address: str, **connection_args: object) -> None:
    """Open one comm to ``address`` the way a client does (distributed's handshake included)
    and close it again. A plain asyncio run of :func:`distributed.comm.connect`, not a
    ``Client``: a Client starts its own IO-loop thread, and under a loaded machine that start
    could time out inside distributed (an AssertionError) before the connection was tried."""
    from distributed.comm import connect

    async def attempt() -> None:
        comm = await connect(address, timeout="10s", **connection_args)
        await comm.close()

    asyncio.run(attempt())


def test_a_local_cluster_is_only_for_the_user_who_started_it():
    """Issue 21, item 10: another local process could connect to the scheduler and run code
    in a worker, and the dashboard listened on every interface. Now a process without this
    run's certificates is turned away, and the web server answers nothing (no dashboard, no
    HTTP API) unless the dashboard is asked for, and then only on 127.0.0.1."""
    from distributed.security import Security

    from hoering.mass.runners import cluster

    with cluster(workers=1) as client:
        address = client.scheduler.address
        assert address.startswith("tls://127.0.0.1:")
        assert client.submit(sum, [1, 2]).result() == 3
        _connect(address, **client.security.get_connection_args("client"))  # the user's own
        strangers_certificates = Security.temporary().get_connection_args("client")
        for intruder in ({}, strangers_certificates):
            with pytest.raises((OSError, TypeError)):
                _connect(address, **intruder)
        with pytest.raises(OSError):  # the same port without TLS
            _connect(address.replace("tls://", "tcp://"))
        web = client.cluster.scheduler.http_server
        assert {s.getsockname()[0] for s in web._sockets.values()} == {"127.0.0.1"}
        assert _status(f"127.0.0.1:{web.port}", "/status") == 404
        assert _status(f"127.0.0.1:{web.port}", "/api/v1/retire_workers") == 404
    with cluster(workers=1, dashboard=True) as client:
        assert client.dashboard_link.startswith("http://127.0.0.1:")
        web = client.cluster.scheduler.http_server
        assert {s.getsockname()[0] for s in web._sockets.values()} == {"127.0.0.1"}


def test_a_missing_column_stops_before_any_work(tmp_path):
    folder = hearing(tmp_path)
    path = write_csv(
        folder / "responses" / "svar.csv",
        mass_rows(10),
        header=[c if c != "spm_2" else "spm2" for c in HEADER],
    )
    with pytest.raises(SourceErrors) as caught:
        compare_tables(load_hearing(folder), LocalRunner())
    assert str(caught.value).startswith(f"{path}: har ingen kolonne 'spm_2' (form.topics.spm_2 i")


def test_without_the_dask_extra_the_message_says_what_to_install(monkeypatch):
    import builtins

    from hoering import messages
    from hoering.mass.runners import dask_client

    real = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.startswith("dask"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    monkeypatch.setattr(messages, "_chosen", {"option": "da", "config": None})
    with pytest.raises(HoeringError) as caught:
        dask_client(workers=2)
    assert str(caught.value) == (
        "kørsel på Dask kræver tilvalget dask (installér det med pip install 'hoering[dask]', "
        "eller udelad --scheduler/--workers for at sammenligne på denne maskine)"
    )
    monkeypatch.setattr(messages, "_chosen", {"option": "en", "config": None})
    with pytest.raises(HoeringError) as caught:
        dask_client(workers=2)
    assert str(caught.value) == (
        "running on Dask needs the dask extra (install it with pip install 'hoering[dask]', "
        "or leave out --scheduler/--workers to compare on this machine)"
    )


def test_hoering_compare_puts_the_form_answers_in_the_notat_and_streams_their_matrix(
    tmp_path, monkeypatch
):
    import csv
    import io
    import shutil

    import docx
    import pyarrow.parquet as pq
    from click.testing import CliRunner

    from conftest import PROJECT
    from hoering.cli import main

    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    folder = hearing(tmp_path / "consultations")
    rows = mass_rows(240)
    write_csv(folder / "responses" / "a-svar.csv", rows[:120])
    write_parquet(folder / "responses" / "b-svar.parquet", rows[120:])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["compare", "consultations/trafikplan", "--no-bundle", "-f", "docx"]
    )
    assert result.exit_code == 0, result.output
    summary = next(line for line in result.output.splitlines() if " svar fra " in line)
    assert summary.startswith("238 svar fra a-svar.csv, b-svar.parquet (")
    assert summary.endswith("): 436 bemærkninger, 2 kampagner med 126, 2 organisationer")
    assert (
        "Advarsel: consultations/trafikplan/responses/a-svar.csv: kolonner, som form: i "
        "hearing.yaml ikke nævner, og som derfor ikke læses: 'samtykke'"
    ) in result.output
    out = tmp_path / "output" / "trafikplan"
    document = docx.Document(out / "hoeringsnotat.docx")
    paragraphs = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[headings.index("4. Svar fra webformular") :][:4] == [
        "4. Svar fra webformular",
        "4.1 Bemærkninger pr. emne fra webformularen",
        "4.2 Kampagner",
        "Kampagne 1: Parkering (79 svar)",
    ]
    assert "5. Ændringer som følge af høringen" in headings
    assert "Kampagne 1: Parkering (79 svar)" in paragraphs
    assert CAMPAIGN_A in paragraphs
    assert (
        "Teksten står i 79 svar: 40 fra privatpersoner og 39 fra organisationer "
        "(Grundejerforeningen Nord (39)). 39 af dem er ordret som teksten ovenfor; teksten "
        "findes i fire forskellige formuleringer, og den mest ændrede ligner teksten 70 %."
    ) in paragraphs
    assert "Cyklistforbundet (40); Grundejerforeningen Nord (39)." in paragraphs
    text = (out / "formularsvar.csv").read_text("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert table[0] == [
        "Fil",
        "Række",
        "Respondent",
        "Organisation",
        "Dato",
        "Cykelstier",
        "Parkering",
        "Kampagne",
    ]
    assert len(table) == 239 and table[1][:2] == ["a-svar.csv", "2"]
    assert pq.read_table(out / "formularsvar.parquet").num_rows == 238
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_the_client_gets_the_first_organisations_by_name_and_the_number_of_all(
    mass_hearing, monkeypatch
):
    """As many organisations may answer as there are answers: the client is sent the first
    by name (as many as the notat lists) and how many there are; the notat says so."""
    import hoering.mass.summary as summary
    from hoering.comparison.notat.mass import _organisations
    from hoering.model.nodes import plain_text

    monkeypatch.setattr(summary, "ORGANISATIONS_KEPT", 1)
    result, _matrix = _run(mass_hearing, LocalRunner())
    assert result.summary.organisations == {"Cyklistforbundet": 40}
    assert result.summary.organisations_named == 2
    assert "2 organisationer" in result.outline()[0]
    section = [plain_text(block.children) for block in _organisations(result, "da")]
    assert section == [
        "Organisationer",
        "2 organisationer har svaret via webformularen (antal svar i parentes):",
        "Cyklistforbundet (40); og 1 anden (alle står i formularsvar.csv).",
    ]


def _said(campaign):
    """The notat's sentence on who sent a campaign's text (Danish)."""
    from hoering.comparison.notat.mass import _campaign
    from hoering.model.nodes import plain_text

    titles = {"parkering": "Parkering", "cykelstier": "Cykelstier"}
    return plain_text(_campaign(campaign, titles, "da")[2].children)


def test_a_campaigns_answers_add_up_in_the_notat(serial):
    """The answers from organisations are counted as answers, as the private persons' are:
    31 + 16 = 47 (it said 'to fra organisationer', the organisations, 31 + 2)."""
    _parking, cycle = serial[0].campaigns
    assert cycle.organisations_named == 2
    assert _said(cycle).startswith(
        "Teksten står i 47 svar: 31 fra privatpersoner og 16 fra organisationer "
        "(Cyklistforbundet (8), Grundejerforeningen Nord (8))."
    )


def test_a_campaign_names_its_first_organisations_and_counts_them_all(mass_hearing, monkeypatch):
    import hoering.mass.assemble as assemble

    monkeypatch.setattr(assemble, "CAMPAIGN_ORGANISATIONS", 1)
    result, _matrix = _run(mass_hearing, LocalRunner())
    _parking, cycle = result.campaigns
    assert (cycle.organisations, cycle.organisations_named) == ((("Cyklistforbundet", 8),), 2)
    assert _said(cycle).startswith(
        "Teksten står i 47 svar: 31 fra privatpersoner og 16 fra organisationer "
        "(Cyklistforbundet (8), …)."
    )
