"""``hoering compare --scheduler`` on a real Dask cluster, started as a municipality's IT would
start one: ``dask scheduler`` and two ``dask worker`` processes of their own (here on this
machine, on 127.0.0.1), speaking TLS with certificates made for the test, so only a holder of
one of them can connect. The hearing's tables are on a path every process sees; the workers
read their partitions there, and the notat and the matrix written by the client have the
numbers a run on one machine gives."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

import hoering
from conftest import PROJECT
from formtables import CAMPAIGN_A, hearing, mass_rows, write_csv, write_parquet

pytest.importorskip("distributed")

DASK = Path(sys.executable).with_name("dask")
ROLES = ("scheduler", "worker", "client")
STARTED_WITHIN = 120  # seconds a cluster may take to come up on a busy machine


def pem_files(folder: Path) -> dict[str, Path]:
    """A certificate authority and a certificate and key per role, as PEM files only this
    user can read (``Security.temporary()`` makes them in memory)."""
    from distributed.security import Security

    security = Security.temporary()
    contents = {"ca": security.tls_ca_file}
    for role in ROLES:
        contents[f"{role}.pem"] = getattr(security, f"tls_{role}_cert")
        contents[f"{role}.key"] = getattr(security, f"tls_{role}_key")
    folder.mkdir(mode=0o700)
    files = {}
    for name, text in contents.items():
        path = folder / (name if name != "ca" else "ca.pem")
        path.write_text(text, "ascii")
        path.chmod(0o600)
        files[name] = path
    return files


def environment(pems: dict[str, Path]) -> dict[str, str]:
    """What every process of the run is given: hoering's source (the workers run its code),
    TLS required, and the client's certificate in Dask's configuration (as the README says)."""
    source = str(Path(hoering.__file__).parents[1])
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")])),
        "DASK_DISTRIBUTED__COMM__REQUIRE_ENCRYPTION": "True",
        "DASK_DISTRIBUTED__COMM__TLS__CA_FILE": str(pems["ca"]),
        "DASK_DISTRIBUTED__COMM__TLS__CLIENT__CERT": str(pems["client.pem"]),
        "DASK_DISTRIBUTED__COMM__TLS__CLIENT__KEY": str(pems["client.key"]),
    }


def tls(pems: dict[str, Path], role: str) -> list[str]:
    return [
        "--tls-ca-file",
        str(pems["ca"]),
        "--tls-cert",
        str(pems[f"{role}.pem"]),
        "--tls-key",
        str(pems[f"{role}.key"]),
    ]


@contextmanager
def dask_cluster(folder: Path, workers: int = 2) -> Iterator[tuple[str, dict[str, str]]]:
    """A scheduler and ``workers`` workers, each a ``dask`` command of its own; yields the
    scheduler's address and the environment a client needs. Every process is ended after."""
    pems = pem_files(folder / "tls")
    env = environment(pems)
    address_file = folder / "scheduler.json"
    listen = ["--protocol", "tls", "--host", "127.0.0.1", "--no-dashboard"]
    with ExitStack() as stack:
        log = stack.enter_context(open(folder / "cluster.log", "wb"))
        started = [
            stack.enter_context(_process([str(DASK), "scheduler", *listen, "--port", "0",
                                          "--scheduler-file", str(address_file),
                                          *tls(pems, "scheduler")], env, log))
        ]  # fmt: skip
        address = _scheduler_address(address_file, started[0], folder)
        for _ in range(workers):
            command = [
                str(DASK),
                "worker",
                address,
                *listen,
                "--nthreads",
                "1",
                *tls(pems, "worker"),
            ]
            started.append(stack.enter_context(_process(command, env, log)))
        if workers:
            _wait_for_workers(address, pems, workers, folder)
        yield address, env


@contextmanager
def _process(command: list[str], env: dict[str, str], log) -> Iterator[subprocess.Popen]:
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _scheduler_address(path: Path, scheduler: subprocess.Popen, folder: Path) -> str:
    import json

    deadline = time.monotonic() + STARTED_WITHIN
    while time.monotonic() < deadline and scheduler.poll() is None:
        if path.is_file() and path.stat().st_size:
            return str(json.loads(path.read_text("utf-8"))["address"])
        time.sleep(0.2)
    pytest.fail("the scheduler did not start:\n" + _log(folder))


def _wait_for_workers(address: str, pems: dict[str, Path], count: int, folder: Path) -> None:
    from distributed import Client
    from distributed.security import Security

    security = Security(
        tls_ca_file=str(pems["ca"]),
        tls_client_cert=str(pems["client.pem"]),
        tls_client_key=str(pems["client.key"]),
        require_encryption=True,
    )
    try:
        with Client(address, security=security, timeout="30s") as client:
            client.wait_for_workers(count, timeout=STARTED_WITHIN)
    except (OSError, TimeoutError) as exc:
        pytest.fail(f"the workers did not join: {exc}\n{_log(folder)}")


def _log(folder: Path) -> str:
    return (folder / "cluster.log").read_text("utf-8", errors="replace")[-3000:]


@pytest.fixture
def form_project(tmp_path) -> Path:
    """A project whose hearing's answers are a CSV and a Parquet file (238 answers)."""
    shutil.copytree(PROJECT / "templates", tmp_path / "templates")
    folder = hearing(tmp_path / "consultations")
    rows = mass_rows(240)
    write_csv(folder / "responses" / "a-svar.csv", rows[:120])
    write_parquet(folder / "responses" / "b-svar.parquet", rows[120:])
    return tmp_path


def test_compare_on_a_scheduler_and_two_workers_started_apart(form_project, tmp_path_factory):
    import docx
    import pyarrow.parquet as pq

    command = [sys.executable, "-m", "hoering", "compare", "consultations/trafikplan"]
    command += ["--no-bundle", "-f", "docx"]
    with dask_cluster(tmp_path_factory.mktemp("cluster")) as (address, env):
        assert address.startswith("tls://127.0.0.1:")
        done = subprocess.run(
            [*command, "--scheduler", address],
            cwd=form_project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    summary = next(line for line in done.stdout.splitlines() if " svar fra " in line)
    assert summary.startswith("238 svar fra a-svar.csv, b-svar.parquet (")
    assert summary.endswith("): 436 bemærkninger, 2 kampagner med 126, 2 organisationer")
    out = form_project / "output" / "trafikplan"
    paragraphs = [p.text for p in docx.Document(out / "hoeringsnotat.docx").paragraphs]
    assert "Kampagne 1: Parkering (79 svar)" in paragraphs
    assert CAMPAIGN_A in paragraphs
    assert (
        "Teksten står i 79 svar: 40 fra privatpersoner og 39 fra organisationer "
        "(Grundejerforeningen Nord (39)). 39 af dem er ordret som teksten ovenfor; teksten "
        "findes i fire forskellige formuleringer, og den mest ændrede ligner teksten 70 %."
    ) in paragraphs
    table = list(
        csv.reader(io.StringIO((out / "formularsvar.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert len(table) == 239 and table[1][:2] == ["a-svar.csv", "2"]
    assert pq.read_table(out / "formularsvar.parquet").num_rows == 238


def test_a_scheduler_that_requires_tls_refuses_a_client_without_a_certificate(
    form_project, tmp_path_factory
):
    """A cluster like the one above is closed to a process without the certificates: the
    CLI says what to configure, and writes nothing."""
    command = [sys.executable, "-m", "hoering", "compare", "consultations/trafikplan"]
    with dask_cluster(tmp_path_factory.mktemp("closed"), workers=0) as (address, env):
        bare = {k: v for k, v in env.items() if "__TLS__" not in k}
        done = subprocess.run(
            [*command, "--scheduler", address],
            cwd=form_project,
            env=bare,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == (
        f"Fejl: Dask-scheduleren på {address} taler TLS, og der er ikke sat et certifikat op "
        "til hoering (angiv certifikatudstederen og et klientcertifikat i Dasks konfiguration "
        "(DASK_DISTRIBUTED__COMM__TLS__CA_FILE, …__CLIENT__CERT og …__CLIENT__KEY); se 'On a "
        "cluster' i README)\n"
    )
    assert not (form_project / "output").exists()
