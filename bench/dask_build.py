"""The per-article analysis on Dask beside the local process pool, on ../shared/corpus/bbc.

    python bench/dask_build.py [--sizes 2000 10000] [--repeat 2] [--workers N] [--scheduler ADDRESS]

For each size, a temporary project (bench/build.py's make_project: beyond the 2,013 real
articles, distinct ones are made by recombining paragraphs of real ones, and the output
says so), then cold builds (no cache) with each executor in fresh processes, interleaved,
`--repeat` times; the fastest of each is shown. Prints the whole build's seconds and
articles/s, the per-article stage's seconds, when its first result came back (pool or
cluster start-up plus one chunk), and the overhead per article: (stage seconds × workers
− serial cost) / articles, in core-ms, the serial cost per article measured on a
300-article sample. Without --scheduler the dask executor starts a LocalCluster of N
single-threaded worker processes.
Skips when the corpus is absent or dask.distributed is not installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import CORPUS, corpus_articles, make_project  # noqa: E402  (bench/build.py, a script beside this one)

SAMPLE = 300

# The child times the per-article stage by wrapping the run_map that digest.build calls.
CHILD = """
import contextlib, sys, time
from pathlib import Path


def main():
    import digest.build
    from digest.config import load_config

    marks = {}
    real_run_map = digest.build.run_map

    def timed(*args, **kwargs):
        marks["start"] = time.perf_counter()
        for n, outcome in enumerate(real_run_map(*args, **kwargs)):
            if n == 0:
                marks["first"] = time.perf_counter()
            yield outcome
        marks["end"] = time.perf_counter()

    digest.build.run_map = timed
    config_path, executor, workers, scheduler = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    context = contextlib.nullcontext()
    if scheduler != "-":
        import dask

        context = dask.config.set({"scheduler-address": scheduler})
    started = time.perf_counter()
    with context:
        report = digest.build.build(load_config(Path(config_path)), use_cache=False, executor=executor, workers=workers)
    elapsed = time.perf_counter() - started
    print(elapsed, marks["end"] - marks["start"], marks["first"] - marks["start"], report.articles, report.analysed, len(report.errors))


if __name__ == "__main__":  # Dask's spawned workers import this file too
    main()
"""

SERIAL_SAMPLE = """
import sys, time
from pathlib import Path
from digest.analyse import AnalysisSettings
from digest.executors import analyse_safely
from digest.read import discover, read_source
found, _ = discover((Path(sys.argv[1]),), Path(sys.argv[1]))
sources = [read_source(f) for f in found[: int(sys.argv[2])]]
analyse_safely(sources[0], AnalysisSettings())  # imports and warm-up are not per-article cost
started = time.perf_counter()
for source in sources:
    analyse_safely(source, AnalysisSettings())
print((time.perf_counter() - started) / len(sources))
"""


def run_child(root: Path, executor: str, workers: int, scheduler: str | None) -> tuple[float, float, float, int, int, int]:
    # A script file, not `python -c`: Dask starts its workers with multiprocessing's
    # spawn, which re-imports the main module and needs it to be a file.
    script = root / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(root / "config.toml"), executor, str(workers), scheduler or "-"],
        capture_output=True, text=True,
    )
    if result.returncode:
        raise SystemExit(f"the {executor} build failed:\n{result.stderr}")
    total, mapped, first, articles, analysed, errors = result.stdout.split()
    return float(total), float(mapped), float(first), int(articles), int(analysed), int(errors)


def serial_cost(root: Path) -> float:
    result = subprocess.run([sys.executable, "-c", SERIAL_SAMPLE, str(root / "content"), str(SAMPLE)], capture_output=True, text=True, check=True)
    return float(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="process-pool workers and LocalCluster worker processes")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS", help="a running Dask scheduler instead of a LocalCluster")
    parser.add_argument("--repeat", type=int, default=2, help="cold builds per executor, interleaved; the fastest is shown")
    parser.add_argument("--threads", type=int, default=None, help="with --scheduler: the cluster's total worker threads, for the overhead figure")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    if importlib.util.find_spec("distributed") is None:
        print("skipped: dask.distributed is not installed (pip install 'digest[dask]')")
        return 0
    real = corpus_articles()
    where = f"scheduler {args.scheduler}" if args.scheduler else f"LocalCluster of {args.workers} single-threaded worker processes"
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; dask: {where}")
    # Other work on the machine inflates the overhead figure; the load says how much.
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"corpus: {len(real)} real BBC articles")
    for size in args.sizes:
        root = Path(tempfile.mkdtemp(prefix=f"digest-dask-bench-{size}-"))
        try:
            synthetic = make_project(root, size, real)
            note = f" ({size - len(real)} made by recombining paragraphs of real articles)" if synthetic else ""
            per_article = serial_cost(root)
            print(f"{size:>6} articles{note}; serial cost {per_article * 1000:.2f} ms/article ({SAMPLE}-article sample):")
            best: dict[str, tuple[float, float, float, int, int, int]] = {}
            # Interleaved runs, best of each: on a shared machine the load changes by the
            # minute, and a single pair of runs measures the neighbours more than Dask.
            for _ in range(args.repeat):
                for executor in ("process", "dask"):
                    remote = executor == "dask" and args.scheduler
                    run = run_child(root, executor, args.workers, args.scheduler if remote else None)
                    if executor not in best or run[1] < best[executor][1]:
                        best[executor] = run
            for executor, (total, mapped, first, articles, analysed, errors) in best.items():
                remote = executor == "dask" and args.scheduler
                cores = (args.threads or args.workers) if remote else args.workers
                overhead = (mapped * cores - per_article * analysed) / analysed * 1000
                print(
                    f"    {executor:<8} build {total:7.2f} s  {articles / total:6.0f} articles/s | per-article stage {mapped:6.2f} s"
                    f"  {analysed / mapped:6.0f} articles/s, first result after {first:5.2f} s, overhead {overhead:6.2f} core-ms/article"
                    + (f"  ({errors} errors)" if errors else "")
                )
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
