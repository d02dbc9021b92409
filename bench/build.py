"""Build speed and memory at archive scale, on ../shared/corpus/bbc.

    python bench/build.py [--sizes 1000 2000 10000] [--executor auto|serial|process] [--profile]

For each size: a temporary project with that many articles (beyond the 2,013 real ones,
distinct articles are made deterministically by recombining paragraphs of real ones —
the output says so), then in fresh processes: a cold build (no cache), a warm rebuild
(nothing changed), and a rebuild after editing one article; then, in one process as
`digest serve` runs, a first build and five rebuilds each after editing one more article,
the state handed from build to build (the median and slowest are shown). Prints seconds,
articles/s, peak RSS of the build process, and the time growth ratio between the
smallest and largest size. Skips when the corpus is absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"

CHILD = """
import resource, sys, time
from pathlib import Path
from digest.build import build
from digest.config import load_config
started = time.perf_counter()
report = build(load_config(Path(sys.argv[1])), use_cache=sys.argv[2] == "cache", executor=sys.argv[3])
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{elapsed:.3f} {peak} {report.articles} {report.cached} {len(report.errors)}")
"""

SERVED = """
import statistics, sys, time
from pathlib import Path
from digest.build import build
from digest.config import load_config
from digest.warm import BuildState
config, state = load_config(Path(sys.argv[1])), BuildState()
build(config, state=state)
paths, times = sorted(Path(sys.argv[2]).iterdir()), []
for n in range(5):
    path = paths[len(paths) // 2 + 1 + n]
    path.write_text(path.read_text(encoding="utf-8") + "\\nAnother paragraph, added by the benchmark as a writer would.\\n", encoding="utf-8")
    started = time.perf_counter()
    report = build(config, state=state)
    times.append(time.perf_counter() - started)
    assert report.analysed == 1, report.analysed
state.close()
print(f"{statistics.median(times):.3f} {max(times):.3f}")
"""


def corpus_articles() -> list[tuple[str, list[str]]]:
    articles = []
    for path in sorted(CORPUS.rglob("*.txt")):
        lines = [l.strip() for l in path.read_text(encoding="utf-8", errors="replace").splitlines() if l.strip()]
        if len(lines) >= 3:
            articles.append((lines[0], lines[1:]))
    return articles


def make_project(root: Path, size: int, real: list[tuple[str, list[str]]]) -> bool:
    """Write `size` articles; returns True when some were synthesised."""
    content = root / "content"
    content.mkdir(parents=True)
    rng = random.Random(size)
    synthetic = size > len(real)
    for i in range(size):
        if i < len(real):
            title, paragraphs = real[i]
        else:
            # A new article: the headline of one real article, its first paragraph, then
            # paragraphs drawn from two others. Deterministic for a given size.
            a, b, c = (real[rng.randrange(len(real))] for _ in range(3))
            title = f"{a[0]} ({i})"
            paragraphs = a[1][:1] + b[1][1:4] + c[1][2:5]
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        (content / f"2005-{month:02d}-{day:02d}-{i:05d}.txt").write_text(text, encoding="utf-8")
    (root / "config.toml").write_text('[site]\ntitle = "Bench"\n[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
    return synthetic


def run_build(root: Path, cache: bool, executor: str) -> tuple[float, int, int, int]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(root / "config.toml"), "cache" if cache else "nocache", executor],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"the build failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr[-3000:]}")
    seconds, peak_kb, articles, cached, errors = result.stdout.split()
    return float(seconds), int(peak_kb) // 1024, int(articles), int(cached)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--executor", default="auto")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the largest cold build (serial)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found")
        return 0
    real = corpus_articles()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; executor {args.executor}")
    print(f"corpus: {len(real)} real BBC articles")
    colds: dict[int, float] = {}
    for size in args.sizes:
        root = Path(tempfile.mkdtemp(prefix=f"digest-bench-{size}-"))
        try:
            synthetic = make_project(root, size, real)
            note = f" ({size - len(real)} made by recombining paragraphs of real articles)" if synthetic else ""
            cold, cold_rss, n, _ = run_build(root, cache=True, executor=args.executor)
            warm, warm_rss, _, cached = run_build(root, cache=True, executor=args.executor)
            edited = sorted((root / "content").iterdir())[size // 2]
            edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more paragraph, added by the benchmark to change this article.\n", encoding="utf-8")
            one, one_rss, _, _ = run_build(root, cache=True, executor=args.executor)
            served = subprocess.run([sys.executable, "-c", SERVED, str(root / "config.toml"), str(root / "content")], capture_output=True, text=True)
            if served.returncode != 0:
                raise SystemExit(f"the served rebuilds failed:\n{served.stderr[-3000:]}")
            median, slowest = map(float, served.stdout.split())
            colds[size] = cold
            print(f"{size:>6} articles{note}:")
            print(f"    cold build      {cold:7.2f} s  {n / cold:8.0f} articles/s  peak RSS {cold_rss} MB")
            print(f"    warm rebuild    {warm:7.2f} s  {n / warm:8.0f} articles/s  peak RSS {warm_rss} MB  ({cached} cached)")
            print(f"    one edited      {one:7.2f} s  (whole build process, cache warm)  peak RSS {one_rss} MB")
            print(f"    one edited, in a serving process  {median:5.2f} s median of 5, slowest {slowest:.2f} s  (build(state=...), as digest serve)")
            if args.profile and size == max(args.sizes):
                shutil.rmtree(root / ".digest-cache", ignore_errors=True)
                profile(root)
        finally:
            shutil.rmtree(root, ignore_errors=True)
    if len(colds) > 1:
        small, large = min(colds), max(colds)
        print(f"growth: time({large})/time({small}) = {colds[large] / colds[small]:.2f} (linear would be {large / small:.1f})")
    return 0


def profile(root: Path) -> None:
    import cProfile
    import pstats

    from digest.build import build
    from digest.config import load_config

    profiler = cProfile.Profile()
    profiler.enable()
    build(load_config(root / "config.toml"), use_cache=False, executor="serial")
    profiler.disable()
    print("    profile (serial cold build, top 15 by cumulative time):")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    sys.exit(main())
