"""One seam for running the per-article map: serial, a process pool, or a Dask cluster.

Workers receive a Source and the analysis settings and return plain records (an
Article or an error message); the driver keeps the cache and writes the site. Results
come back in input order, so every executor gives the same site as a serial run.
Dask is optional and lives in digest.dask_executor, imported only when asked for.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from typing import TYPE_CHECKING

from digest.errors import ArticleError, DigestError

if TYPE_CHECKING:  # the analysis stack is heavy; `digest --version` must not import it
    from digest.analyse import AnalysisSettings
    from digest.model import Article, Source

EXECUTORS = ("auto", "serial", "process", "dask")
# Below this many articles to analyse, starting worker processes costs more than it saves.
POOL_THRESHOLD = 24


def analyse_safely(source: Source, settings: AnalysisSettings, debug: bool = False) -> Article | str:
    """Analyse one article; any failure comes back as a message naming the article."""
    from digest.analyse import analyse

    try:
        return analyse(source, settings)
    except ArticleError as exc:
        return str(exc)
    except Exception as exc:  # a bug in a stage must not cost the user the other articles
        detail = traceback.format_exc() if debug else f"{type(exc).__name__}: {exc}"
        return f"{source.path}: could not analyse this article ({detail}); please report it with the file"


def _analyse_chunk(sources: Sequence[Source], settings: AnalysisSettings, debug: bool) -> list[Article | str]:
    return [analyse_safely(s, settings, debug) for s in sources]


def run_map(
    sources: Sequence[Source],
    settings: AnalysisSettings,
    *,
    executor: str = "auto",
    workers: int | None = None,
    debug: bool = False,
    scheduler: str | None = None,
) -> Iterator[Article | str]:
    """One Article or error message per source, in input order.

    scheduler: a Dask scheduler address; it implies the dask executor under "auto".
    """
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r}; choose from {', '.join(EXECUTORS)}")
    if scheduler and executor == "auto":
        executor = "dask"
    if scheduler and executor != "dask":
        raise DigestError(f"a scheduler address only applies to the dask executor, not {executor!r}; use --executor dask")
    if executor == "dask":
        from digest.dask_executor import run_dask

        yield from run_dask(sources, settings, workers=workers, debug=debug, scheduler=scheduler)
        return
    workers = workers or os.cpu_count() or 1
    if executor == "serial" or (executor == "auto" and (len(sources) < POOL_THRESHOLD or workers < 2)):
        for source in sources:
            yield analyse_safely(source, settings, debug)
        return
    # Chunks amortise pickling and scheduling; several per worker keep the cores even.
    size = max(1, min(64, len(sources) // (workers * 4) or 1))
    chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_analyse_chunk, chunks, [settings] * len(chunks), [debug] * len(chunks)):
            yield from results
