"""Where the stages run: a ``concurrent.futures`` executor on one machine (or the calling
process itself), or a Dask cluster. Both take ``submit(fn, *args)`` where an argument may be
the handle of an earlier step; on Dask the handles are futures whose values stay on the
workers (a worker fetches what it needs from another), on one machine they are values."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..errors import HoeringError
from ..limits import Limits, activate, active
from ..messages import choose_language, language, tr

if TYPE_CHECKING:
    from distributed import Client

DASK_EXTRA = "pip install 'hoering[dask]'"
Step = Callable[..., Any]  # a function run as one step, its arguments the earlier steps' values


class LocalRunner:
    """Steps run by ``executor`` (a process pool, say), or in this process when it is None.
    ``inline`` steps (cheap ones: picking a piece of a list) always run here."""

    def __init__(self, executor: Executor | None = None) -> None:
        self.executor = executor

    def submit(self, fn: Step, *args: Any, inline: bool = False) -> Future[Any]:
        values = [a.result() if isinstance(a, Future) else a for a in args]
        if self.executor is not None and not inline:
            return self.executor.submit(fn, *values)
        done: Future[Any] = Future()
        try:
            done.set_result(fn(*values))
        except BaseException as exc:  # kept in the future, raised where its result is asked
            done.set_exception(exc)
        return done

    def gather(self, handles: list[Future[Any]]) -> list[Any]:
        return [h.result() for h in handles]

    def stream(self, handles: list[Future[Any]]) -> Iterator[Any]:
        for handle in handles:
            yield handle.result()

    def release(self, handle: Future[Any]) -> None:
        """Nothing to let go here: a value lives as long as something refers to it."""

    def worker_memory(self) -> dict[str, int]:
        return {}


class DaskRunner:
    """Steps run as tasks of a ``dask.distributed`` client; results stay on the workers
    until the client asks for one."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.caller = (active(), language())  # what a worker must know of this run

    def submit(self, fn: Step, *args: Any, inline: bool = False) -> Any:  # noqa: ARG002 (a task either way)
        return self.client.submit(_as_the_caller, self.caller, fn, *args, pure=False)

    def gather(self, handles: list[Any]) -> list[Any]:
        values: list[Any] = self.client.gather(handles)
        return values

    def stream(self, handles: list[Any]) -> Iterator[Any]:
        """Results one at a time in order, each released once given (bounded memory)."""
        for handle in handles:
            yield handle.result()
            handle.release()

    def release(self, handle: Any) -> None:
        """Let the workers forget a result once nothing else needs it."""
        handle.release()

    def worker_memory(self) -> dict[str, int]:
        """Each worker's peak resident memory in bytes (Linux: ru_maxrss is in KiB)."""
        return {address: value * 1024 for address, value in self.client.run(_peak_kib).items()}


def _as_the_caller(caller: tuple[Limits, str], fn: Step, *args: Any) -> Any:
    """Runs on a Dask worker: the step under the caller's limits and in the caller's
    language (a worker is a process of its own, started without either)."""
    limits, lang = caller
    activate(limits)
    choose_language(lang)
    return fn(*args)


def _peak_kib() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@contextmanager
def cluster(
    scheduler: str | None = None, workers: int | None = None, *, dashboard: bool = False
) -> Iterator[Any]:
    """A Dask client while the block runs (None when neither is given: compare locally)."""
    if not scheduler and not workers:
        yield None
        return
    client = dask_client(scheduler, workers, dashboard=dashboard)
    try:
        yield client
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()


def dask_client(
    scheduler: str | None = None, workers: int | None = None, *, dashboard: bool = False
) -> Client:
    """A ``dask.distributed`` client: connected to ``scheduler`` (tcp://host:8786, or
    tls://… with the certificates of Dask's configuration), or to a cluster of ``workers``
    processes started on this machine (:func:`local_cluster`). A missing extra is a message
    saying what to install."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise HoeringError(
            tr("running on Dask needs the dask extra"),
            hint=tr(
                "install it with {command}, or leave out --scheduler/--workers to compare on "
                "this machine",
                command=DASK_EXTRA,
            ),
        ) from None
    if scheduler:
        _refuse_tls_without_certificate(scheduler)
        try:
            return Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise HoeringError(
                tr(
                    "cannot reach the Dask scheduler at {address}: {reason}",
                    address=scheduler,
                    reason=exc,
                ),
                hint=tr("check the address (tcp://host:8786) and that the scheduler is running"),
            ) from None
    return local_cluster(workers or 2, dashboard=dashboard)


def _refuse_tls_without_certificate(scheduler: str) -> None:
    """A ``tls://`` address needs the certificates in Dask's configuration (distributed
    itself fails with a TypeError about an SSL context)."""
    import dask

    if scheduler.startswith("tls://") and not dask.config.get("distributed.comm.tls.ca-file"):
        raise HoeringError(
            tr(
                "the Dask scheduler at {address} speaks TLS, and no certificate is configured "
                "for hoering",
                address=scheduler,
            ),
            hint=tr(
                "put the certificate authority and a client certificate in Dask's "
                "configuration (DASK_DISTRIBUTED__COMM__TLS__CA_FILE, …__CLIENT__CERT and "
                "…__CLIENT__KEY); see 'On a cluster' in the README"
            ),
        )


def local_cluster(workers: int, *, dashboard: bool = False) -> Client:
    """A client of a cluster of ``workers`` processes on this machine that only the user who
    started it can use: scheduler and workers listen on 127.0.0.1 and speak TLS with
    certificates made for this run and held in memory (``Security.temporary()``), so another
    local process can neither connect nor run code in a worker. Without ``dashboard`` the
    scheduler's web server answers nothing (no dashboard, no HTTP API); with it the dashboard
    is on 127.0.0.1 only."""
    import dask
    from dask.distributed import Client, LocalCluster
    from distributed.security import Security

    security = Security.temporary()
    routes = dask.config.get("distributed.scheduler.http.routes") if dashboard else []
    with dask.config.set({"distributed.scheduler.http.routes": routes}):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            protocol="tls://",
            security=security,
            dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
            scheduler_kwargs={"dashboard": dashboard},
        )
    return Client(cluster, security=security)
