"""Summary quality (ROUGE with 95% CIs) and speed, every algorithm through the build's own call.

    python bench/summaries.py [--algorithms default,lead-3,lsa,...] [--out DIR] [--no-speed]
    python bench/summaries.py --split-half 20     # also: tune on half of cnndm, score on the other

Each algorithm summarizes ../shared/eval/summ/dev.jsonl (one paragraph per text
line) with exactly the call `digest build` makes in digest.analyse --
summarize(paragraphs, algorithm=..., sentences=..., max_words=...) with the
build's default settings -- so a sumy algorithm here is what a user gets with
`summary.algorithm: lsa`. "lead-3" is the baseline: the first three sentences of
our splitter, no word budget; "lead-3-naive" is the eval README's Lead-3 (split
after every . ! ? and a space: 40.7 / 18.1 / 36.7), so the default is compared
with both. Scored with that folder's score.py (ROUGE F1 x100,
bootstrap 95% CIs), per source: cnndm is the ranking signal (journalists'
highlights), bbc a secondary one (machine-made extractive references). Then
score.py's paired bootstrap of each algorithm against Lead-3 on cnndm.
Predictions go to DIR (default: a temporary folder), so
`python ../shared/eval/summ/score.py DIR/default.jsonl --against DIR/lead-3.jsonl`
reproduces the comparison. ms/art is split + summarize per dev article; with
speed on, the default is also timed on ../shared/corpus/bbc/*.txt (2,013 real
articles). Skips whatever is absent.

--split-half N guards against tuning to dev: N random halvings of cnndm, both
ways; on one half the summarizer's settings are picked from a small grid
(position decay, centrality weight, word budget, duplicate threshold) by mean
ROUGE-1 + ROUGE-Lsum, then the pick is scored on the other half against Lead-3.
The gain on unseen halves is what to expect on new articles.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.analyse import AnalysisSettings  # noqa: E402
from digest.model import Paragraph  # noqa: E402
from digest.summarize import ALGORITHMS, summarize  # noqa: E402
from digest.summarizers.document import build_document  # noqa: E402
from digest.summarizers.news import NewsSummarizer, Weights  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "summ"
BBC = SHARED / "corpus" / "bbc"
METRICS = ("rouge1", "rouge2", "rougeLsum")
BASELINES = ("lead-3", "lead-3-naive")
_NAIVE_BOUNDARY = re.compile(r"(?<=[.!?])\s+")
SETTINGS = AnalysisSettings()  # what `digest build` uses unless the config says otherwise


def paragraphs_of(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip(), n) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def run(algorithm: str, paragraphs: list[Paragraph]) -> str:
    if algorithm == "lead-3-naive":  # the eval README's baseline, independent of our splitter
        text = " ".join(p.text for p in paragraphs)
        return "\n".join([s for s in _NAIVE_BOUNDARY.split(text) if s.strip()][:3])
    if algorithm == "lead-3":
        summary = summarize(paragraphs, algorithm="lead", sentences=3, max_words=None)
    else:  # the build's call (digest.analyse)
        summary = summarize(paragraphs, algorithm=algorithm, sentences=SETTINGS.sentences,
                            max_words=SETTINGS.max_words)
    return "\n".join(s.text for s in summary)  # one sentence per line, as ROUGE-Lsum needs


def load_scorer():
    spec = importlib.util.spec_from_file_location("summ_score", DEV / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quality(algorithms: list[str], out: Path) -> None:
    if not (DEV / "dev.jsonl").exists():
        print(f"skip quality: {DEV / 'dev.jsonl'} not found")
        return
    score = load_scorer()
    gold = score.load_split("dev", DEV)
    inputs = {g["id"]: paragraphs_of(g["text"]) for g in gold}
    per_article = {}
    print(f"ROUGE F1 x100 [95% CI] on {len(gold)} dev articles; build settings: sentences={SETTINGS.sentences}, "
          f"max_words={SETTINGS.max_words}\n")
    print("| algorithm | source | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | words | ms/article |")
    print("|---|---|---|---|---|---|---|")
    for algorithm in algorithms:
        run(algorithm, inputs[gold[0]["id"]])  # warm up: lazy imports (sumy, numpy), regexes
        started = time.perf_counter()
        preds = {key: run(algorithm, paragraphs) for key, paragraphs in inputs.items()}
        ms = (time.perf_counter() - started) * 1000 / len(gold)
        with open(out / f"{algorithm}.jsonl", "w", encoding="utf-8") as f:
            for key, summary in preds.items():
                f.write(json.dumps({"id": key, "summary": summary}) + "\n")
        result = score.score_predictions(preds, gold, ci=True)
        per_article[algorithm] = result["per_article"]
        for source in ("cnndm", "bbc"):
            agg = result["per_source"][source]
            n_words = [len(preds[g["id"]].split()) for g in gold if g["source"] == source]
            cells = [f"{agg[m]:.2f} [{agg[m + '_ci95'][0]:.1f}, {agg[m + '_ci95'][1]:.1f}]" for m in METRICS]
            print(f"| {algorithm} | {source} | " + " | ".join(cells)
                  + f" | {sum(n_words) / len(n_words):.0f} | {ms:.1f} |", flush=True)
    for baseline in BASELINES:
        if baseline not in per_article:
            continue
        print(f"\npaired bootstrap vs {baseline} on cnndm: mean difference [95% CI], p = share of resamples <= 0")
        base = [r for r in per_article[baseline] if r["source"] == "cnndm"]
        for algorithm, rows in per_article.items():
            if algorithm in BASELINES:
                continue
            rows = [r for r in rows if r["source"] == "cnndm"]
            cells = []
            for m in METRICS:
                mean, (lo, hi), p = score.paired_bootstrap([r[m] for r in rows], [r[m] for r in base])
                verdict = "better" if lo > 0 else "worse" if hi < 0 else "n.s."
                cells.append(f"{m} {mean:+.2f} [{lo:+.2f}, {hi:+.2f}] p={p:.3f} {verdict}")
            print(f"  {algorithm:12} " + " | ".join(cells))
    print(f"\npredictions in {out}; e.g. python {DEV / 'score.py'} {out / 'default.jsonl'} "
          f"--against {out / 'lead-3.jsonl'}")


GRID = {  # the summarizer's main knobs, around the defaults
    "position_decay": (0.2, 0.3, 0.5),
    "centrality": (1.0, 1.5, 2.0),
    "max_words": (55, 60, 70),
    "duplicate": (0.55, 0.8),
}


def split_half(halvings: int) -> None:
    """Tune on one half of cnndm, score on the other: the gain to expect on unseen news."""
    if not (DEV / "dev.jsonl").exists():
        print(f"skip split-half: {DEV / 'dev.jsonl'} not found")
        return
    score = load_scorer()
    gold = [g for g in score.load_split("dev", DEV) if g["source"] == "cnndm"]
    documents = [build_document(paragraphs_of(g["text"])) for g in gold]
    base = [score.score_one(g["reference"], run("lead-3", paragraphs_of(g["text"]))) for g in gold]
    points = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
    print(f"\nsplit-half: scoring {len(points)} grid points on {len(gold)} cnndm stories...", flush=True)
    scores = []  # scores[point][article] = {metric: value}
    for point in points:
        weights = Weights(**{k: v for k, v in point.items() if k != "max_words"})
        summarizer = NewsSummarizer(point["max_words"], weights)
        scores.append([
            score.score_one(g["reference"], "\n".join(s.text for s, _ in summarizer.select(doc, SETTINGS.sentences)))
            for g, doc in zip(gold, documents)
        ])
    rng = random.Random(0)
    gains = {m: [] for m in METRICS}
    for _ in range(halvings):
        order = list(range(len(gold)))
        rng.shuffle(order)
        half = len(order) // 2
        for tune, test in ((order[:half], order[half:]), (order[half:], order[:half])):
            best = max(range(len(points)), key=lambda p: sum(
                scores[p][i]["rouge1"] + scores[p][i]["rougeLsum"] for i in tune))
            for m in METRICS:
                gains[m].append(sum(scores[best][i][m] - base[i][m] for i in test) / len(test))
    print(f"gain over lead-3 on the unseen half ({2 * halvings} tunings): " + ", ".join(
        f"{m} {sum(v) / len(v):+.2f} (> 0 in {sum(x > 0 for x in v) / len(v):.0%})" for m, v in gains.items()))


def speed() -> None:
    files = sorted(BBC.glob("*.txt"))
    if not files:
        print(f"skip speed: no {BBC}/*.txt")
        return
    articles = []
    for path in files:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        articles.append([Paragraph(t.strip(), n) for n, t in enumerate(lines[1:], 2) if t.strip()])
    run("default", articles[0])
    started = time.perf_counter()
    for paragraphs in articles:
        run("default", paragraphs)
    ms = (time.perf_counter() - started) * 1000 / len(articles)
    print(f"\nspeed: split + summarize (default) {ms:.2f} ms/article on {len(articles)} BBC corpus articles")


def main() -> None:
    sumy = [a for a in ALGORITHMS if a not in ("default", "lead")]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--algorithms", default=",".join(["default", *BASELINES, *sumy]),
                        help="comma-separated: default, lead-3, lead-3-naive, lead, or a sumy algorithm")
    parser.add_argument("--out", type=Path, help="folder for the prediction files")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--split-half", type=int, default=0, metavar="N",
                        help="also run N random halvings: tune on one half of cnndm, score on the other")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="digest-summ-"))
    out.mkdir(parents=True, exist_ok=True)
    quality([a for a in args.algorithms.split(",") if a], out)
    if args.split_half:
        split_half(args.split_half)
    if not args.no_speed:
        speed()


if __name__ == "__main__":
    main()
