"""The per-article map on a Dask cluster (`digest build --executor dask [--scheduler ADDRESS]`).

Workers get chunks of Sources plus the AnalysisSettings and send back plain records
(an Article or an error message) — no templates, no files. The driver yields them in
input order, so the site is byte-identical to a serial build, and it alone writes the
cache and the site.

Dask is optional (`pip install 'digest[dask]'`): nothing here imports it until a dask
build starts, so the core never needs it.

Failures are reported like local ones. An exception inside one article is caught on the
worker (analyse_safely). A worker that dies is replaced and its tasks rescheduled by
Dask; a chunk that still fails (KilledWorker: it took down several workers) is re-run one
article per task, so only the article that kills workers is reported, by name.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from digest.errors import DigestError

if TYPE_CHECKING:
    from digest.analyse import AnalysisSettings
    from digest.model import Article, Source

INSTALL_HINT = "the dask executor needs `pip install 'digest[dask]'`"
# Per-article analysis takes a few milliseconds, a Dask task costs about one; 64 articles
# per task keep scheduling overhead small, and several tasks per worker keep cores busy.
MAX_CHUNK = 64
TASKS_PER_WORKER = 4
# A task that raised (not a dead worker: Dask reschedules those by itself) is tried once
# more, for transient trouble such as a worker shutting down under it.
RETRIES = 1
CONNECT_TIMEOUT = "30s"
# A remote scheduler may be waiting for workers (dask-jobqueue, Kubernetes autoscaling);
# without this the build would wait forever on a cluster with no workers.
WORKER_WAIT_SECONDS = 300


def run_dask(
    sources: Sequence[Source],
    settings: AnalysisSettings,
    *,
    workers: int | None = None,
    debug: bool = False,
    scheduler: str | None = None,
) -> Iterator[Article | str]:
    """Analyse `sources` on a Dask cluster; yields one Article or error message per source, in order.

    scheduler: a scheduler address (tcp://host:8786); default: Dask's own
    `scheduler-address` setting ($DASK_SCHEDULER_ADDRESS), else a LocalCluster with one
    single-threaded worker process per core (`workers` of them when given).
    """
    distributed, address = _load(scheduler)
    if not sources:  # everything came from the cache: no cluster to start
        return
    with _client(distributed, address, workers, debug) as client:
        yield from _ordered(client, list(sources), settings, debug, address)


def analyse_chunk(sources: Sequence[Source], settings: AnalysisSettings, debug: bool) -> tuple[str, list[Article | str]]:
    """The task run on a worker; also returns the worker's code version, so a cluster
    running another digest cannot silently produce (and cache) different results."""
    from digest.cache import code_version
    from digest.executors import analyse_safely

    return code_version(), [analyse_safely(source, settings, debug) for source in sources]


def _load(scheduler: str | None):
    try:
        import dask.config
        import distributed
    except ImportError:
        raise DigestError(INSTALL_HINT) from None
    return distributed, scheduler or dask.config.get("scheduler-address", None)


@contextmanager
def _client(distributed, address: str | None, workers: int | None, debug: bool):
    if address:
        from distributed.comm import get_address_host_port

        try:
            # Checked first: a Client that fails on a malformed address hangs for a minute
            # when it is garbage-collected at exit.
            get_address_host_port(address)
        except ValueError as exc:
            raise DigestError(f"{address!r} is not a Dask scheduler address ({exc}); expected e.g. tcp://host:8786") from None
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except Exception as exc:  # OSError, TimeoutError: nothing listening there
            raise DigestError(f"could not reach the Dask scheduler at {address} ({exc}); is it running, and is the address right?") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
            except TimeoutError:
                raise DigestError(
                    f"no Dask workers joined the scheduler at {address} within {WORKER_WAIT_SECONDS} s; start some with `dask worker {address}`"
                ) from None
            yield client
        return
    # Processes, one thread each: the analysis is pure Python, so threads would share one GIL.
    try:
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # No dashboard, but the scheduler still serves /health; on port 8787 it would
            # clash (with a warning) with any other Dask on this machine.
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            # Dask logs a dead worker as an ERROR; the build reports it per article, so
            # the log only repeats it (kept with --debug).
            silence_logs=logging.ERROR if debug else logging.CRITICAL,
        )
    except Exception as exc:  # e.g. worker processes that cannot start (spawn re-imports __main__)
        raise DigestError(f"could not start a local Dask cluster ({type(exc).__name__}: {exc})") from None
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        yield client


def _ordered(client, sources: list[Source], settings: AnalysisSettings, debug: bool, address: str | None) -> Iterator[Article | str]:
    from digest.cache import code_version

    # A LocalCluster runs the files this process runs; only a remote cluster can hold
    # another digest (a worker image built from an older release, say).
    expected = code_version() if address else None
    slots = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1
    size = max(1, min(MAX_CHUNK, len(sources) // (slots * TASKS_PER_WORKER)))
    chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
    futures = [client.submit(analyse_chunk, chunk, settings, debug, retries=RETRIES, pure=False) for chunk in chunks]
    for index, chunk in enumerate(chunks):
        future, futures[index] = futures[index], None  # drop our reference: the cluster frees the result
        try:
            version, results = future.result()
        except (Exception, asyncio.CancelledError) as exc:
            _fatal(exc, client, address)
            results = list(_one_by_one(client, chunk, settings, debug, expected, address, _killed(exc)))
        else:
            _check_version(version, expected)
        yield from results


def _one_by_one(
    client, chunk: list[Source], settings: AnalysisSettings, debug: bool, expected: str | None, address: str | None, killed: bool
) -> Iterator[Article | str]:
    """Re-run a failed chunk one article per task, so only the culprit is reported.

    After dead workers they run one at a time: Dask blames every task that was running on
    a worker when it died, so an innocent article beside the culprit would be blamed too.
    """
    def submit(source: Source):
        return client.submit(analyse_chunk, [source], settings, debug, retries=RETRIES, pure=False)

    futures = [None] * len(chunk) if killed else [submit(source) for source in chunk]
    for source, future in zip(chunk, futures):
        try:
            version, (result,) = (future or submit(source)).result()
        except (Exception, asyncio.CancelledError) as exc:
            _fatal(exc, client, address)
            yield f"{source.path}: could not analyse this article on the Dask cluster ({_describe(exc)}); the rest of the site was built"
            continue
        _check_version(version, expected)
        yield result


def _killed(exc: BaseException) -> bool:
    return type(exc).__name__ == "KilledWorker"  # by name: distributed is imported lazily


def _describe(exc: BaseException) -> str:
    if _killed(exc):
        return "every worker that tried it died, e.g. out of memory or a crash in a library"
    return f"{type(exc).__name__}: {exc}"


def _fatal(exc: BaseException, client, address: str | None) -> None:
    """Failures that concern the whole cluster, not one article, stop the build."""
    where = f"the Dask scheduler at {address}" if address else "the local Dask cluster"
    if isinstance(exc, ImportError):
        raise DigestError(f"the Dask workers cannot import digest ({exc}); install the same digest on every worker") from None
    if client.status not in ("running", "connecting"):
        raise DigestError(f"lost the connection to {where} during the build ({type(exc).__name__}); nothing was written") from None


def _check_version(version: str, expected: str | None) -> None:
    from digest.cache import code_version

    # The second look is for a cluster on this machine whose workers started after
    # digest's files were edited (a developer saving mid-build): they run the newer files.
    if expected is not None and version != expected and version != _fresh(code_version)():
        raise DigestError(
            f"the Dask workers run a different digest (code version {version}, here {expected}); install the same digest on every worker"
        )


def _fresh(cached):
    """The undecorated function behind an lru_cache, to read the files again."""
    return getattr(cached, "__wrapped__", cached)
