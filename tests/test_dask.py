"""The per-article analysis on Dask: same site as a serial build, failures named per article.

The cluster tests skip when dask.distributed is not installed (`pip install 'digest[dask]'`).
One LocalCluster (2 single-threaded worker processes) is shared by the module; the
builds reach it through its address, as they would reach a real cluster.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHARED
from digest.analyse import AnalysisSettings
from digest.build import build
from digest.config import load_config
from digest.errors import DigestError
from digest.executors import run_map
from digest.model import Source

CORPUS = SHARED / "corpus" / "bbc"
CORPUS_ARTICLES = 300
# Markers an article can carry so that, on the test cluster's workers only, its analysis
# raises or kills the worker process (see FaultyAnalysis).
RAISE_MARK = "DIGEST-TEST-RAISE-ON-WORKER"
KILL_MARK = "DIGEST-TEST-KILL-THE-WORKER"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _article(i: int, extra: str = "") -> str:
    return (
        f"Harbour council votes on ferry plan number {i}\n\n"
        f"The council of the harbour town voted on Tuesday to keep ferry route {i} running through the winter.\n\n"
        f'"We cannot leave the islands without a boat," said Mary Okafor, who chairs the transport committee.\n\n'
        f"The route carried {100 + i} passengers a day last year, the operator said in a statement.\n\n"
        f"{extra}\n"
    )


@pytest.fixture(scope="module")
def scheduler():
    distributed = pytest.importorskip("distributed")
    import dask

    # A task may take down one worker before Dask gives up on it (default 3): keeps the
    # killed-worker test to a few worker restarts.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        )
    with cluster, distributed.Client(cluster, set_as_default=False) as client:
        # Defined here, so Dask ships it by value: workers need not import this test file.
        class FaultyAnalysis(distributed.WorkerPlugin):
            """On every worker, restarted ones too (never in this process): analysing an
            article that carries a marker raises, or kills the worker process."""

            def setup(self, worker):
                import digest.analyse

                real = digest.analyse.analyse

                def analyse(source, settings):
                    if KILL_MARK in source.text:
                        os._exit(1)
                    if RAISE_MARK in source.text:
                        raise RuntimeError("boom on the worker")
                    return real(source, settings)

                digest.analyse.analyse = analyse

        client.register_plugin(FaultyAnalysis(), name="digest-test-faults")
        yield cluster.scheduler_address


def _build(root: Path, out: str, executor: str, address: str | None = None, use_cache: bool = False):
    import contextlib

    config = load_config(root / "config.toml", output=root / out)
    context = contextlib.nullcontext()
    if address:
        import dask

        # build() has no scheduler argument of its own yet; Dask's setting is the documented fallback.
        context = dask.config.set({"scheduler-address": address})
    with context:
        return build(config, use_cache=use_cache, executor=executor)


def _project(root: Path) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    (root / "config.toml").write_text('[site]\ntitle = "Dask test"\n[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
    return content


def test_dask_build_matches_serial_byte_for_byte(tmp_path, scheduler):
    content = _project(tmp_path)
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copy(seed, content / seed.name)
    # Every 6th file: all five sections of the corpus, not only the first.
    corpus = sorted(CORPUS.rglob("*.txt"))[::6][:CORPUS_ARTICLES] if CORPUS.is_dir() else []
    for path in corpus:
        shutil.copy(path, content / f"corpus-{path.parent.name}-{path.name}")
    if not corpus:  # no shared corpus here: generated articles still make many chunks
        for i in range(120):
            (content / f"generated-{i:03d}.txt").write_text(_article(i), encoding="utf-8")

    serial = _build(tmp_path, "serial", "serial")
    dask_report = _build(tmp_path, "dask", "dask", scheduler, use_cache=True)

    assert dask_report.errors == serial.errors
    assert dask_report.articles == serial.articles > 100
    first, second = _tree(tmp_path / "serial"), _tree(tmp_path / "dask")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # Rebuild: every article comes from the driver's cache, none goes to the cluster.
    again = _build(tmp_path, "dask", "dask", scheduler, use_cache=True)
    assert dask_report.analysed > 100
    assert (again.cached, again.analysed) == (dask_report.analysed, 0)


def test_failures_on_workers_name_the_article_and_the_rest_builds(tmp_path, scheduler):
    content = _project(tmp_path)
    for i in range(30):
        (content / f"story-{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    (content / "story-raises.txt").write_text(_article(98, RAISE_MARK), encoding="utf-8")
    (content / "story-kills.txt").write_text(_article(99, KILL_MARK), encoding="utf-8")

    report = _build(tmp_path, "site", "dask", scheduler)

    assert len(report.errors) == 2
    raised, killed = sorted(report.errors, key=lambda e: "kills" in e)
    assert raised.startswith("content/story-raises.txt: could not analyse this article")
    assert "RuntimeError: boom on the worker" in raised
    assert killed.startswith("content/story-kills.txt: could not analyse this article on the Dask cluster")
    assert "died" in killed
    assert report.articles == 30
    assert sorted(a.source.path for a in report.site.articles) == [f"content/story-{i:02d}.txt" for i in range(30)]


def test_workers_running_another_digest_stop_the_build(scheduler):
    import distributed

    def pretend_another_version():
        import digest.cache

        digest.cache.code_version = lambda: "another-version"

    with distributed.Client(scheduler, set_as_default=False) as client:
        # Workers restart with the real digest; restart afterwards so other tests get it back.
        client.run(pretend_another_version)
        try:
            with pytest.raises(DigestError, match="different digest"):
                list(run_map([Source("a.txt", "txt", _article(1))], AnalysisSettings(), executor="dask", scheduler=scheduler))
        finally:
            client.restart()


def test_unreachable_scheduler_is_a_plain_error(monkeypatch):
    pytest.importorskip("distributed")
    import digest.dask_executor

    monkeypatch.setattr(digest.dask_executor, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(DigestError, match="could not reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(run_map([Source("a.txt", "txt", _article(1))], AnalysisSettings(), executor="dask", scheduler="tcp://127.0.0.1:9"))
    with pytest.raises(DigestError, match="'scheduler-host' is not a Dask scheduler address"):
        list(run_map([Source("a.txt", "txt", _article(1))], AnalysisSettings(), executor="dask", scheduler="scheduler-host"))


def test_cli_dask_without_address_starts_a_local_cluster(tmp_path):
    pytest.importorskip("distributed")
    env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    result = subprocess.run(
        [sys.executable, "-m", "digest", "build", "--no-cache", "--executor", "dask", "-j", "2", "--out", str(tmp_path / "dask")],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    # Dask's own start-up and shutdown chatter stays out of the user's terminal.
    assert [line for line in result.stderr.splitlines() if not line.startswith("warning: ")] == []
    serial = build(load_config(REPO / "config.toml", output=tmp_path / "serial"), use_cache=False, executor="serial")
    assert serial.articles == 5
    assert _tree(tmp_path / "dask") == _tree(tmp_path / "serial")


def test_missing_dask_is_a_plain_error_naming_the_extra(project, monkeypatch, capsys):
    from digest.cli import main

    project.write("one.txt", _article(1))
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask were not installed
    code = main(["build", "--config", str(project.config()), "--executor", "dask"])
    assert code == 2
    assert "the dask executor needs `pip install 'digest[dask]'`" in capsys.readouterr().err


def test_the_core_does_not_import_dask():
    code = "import sys, digest.cli, digest.build, digest.executors, digest.dask_executor; print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_scheduler_address_with_a_local_executor_is_refused():
    with pytest.raises(DigestError, match="only applies to the dask executor"):
        list(run_map([], AnalysisSettings(), executor="process", scheduler="tcp://example:8786"))
