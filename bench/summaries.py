"""Summary quality (ROUGE with 95% CIs) and speed, every algorithm through the build's own call.

    python bench/summaries.py [--algorithms default,lead-3,lsa,...] [--out DIR] [--no-speed]

Each algorithm summarizes ../shared/eval/summ/dev.jsonl (one paragraph per text
line) with exactly the call `digest build` makes in digest.analyse --
summarize(paragraphs, algorithm=..., sentences=..., max_words=...) with the
build's default settings -- so a sumy algorithm here is what a user gets with
`summary.algorithm: lsa`. "lead-3" is the baseline: the first three sentences of
our splitter, no word budget. Scored with that folder's score.py (ROUGE F1 x100,
bootstrap 95% CIs), per source: cnndm is the ranking signal (journalists'
highlights), bbc a secondary one (machine-made extractive references). Then
score.py's paired bootstrap of each algorithm against Lead-3 on cnndm.
Predictions go to DIR (default: a temporary folder), so
`python ../shared/eval/summ/score.py DIR/default.jsonl --against DIR/lead-3.jsonl`
reproduces the comparison. ms/art is split + summarize per dev article; with
speed on, the default is also timed on ../shared/corpus/bbc/*.txt (2,013 real
articles). Skips whatever is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.analyse import AnalysisSettings  # noqa: E402
from digest.model import Paragraph  # noqa: E402
from digest.summarize import ALGORITHMS, summarize  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "summ"
BBC = SHARED / "corpus" / "bbc"
METRICS = ("rouge1", "rouge2", "rougeLsum")
SETTINGS = AnalysisSettings()  # what `digest build` uses unless the config says otherwise


def paragraphs_of(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip(), n) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def run(algorithm: str, paragraphs: list[Paragraph]) -> str:
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
    per_article, table = {}, []
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
    if "lead-3" in per_article:
        print("\npaired bootstrap vs lead-3 on cnndm: mean difference [95% CI], p = share of resamples <= 0")
        base = [r for r in per_article["lead-3"] if r["source"] == "cnndm"]
        for algorithm, rows in per_article.items():
            if algorithm == "lead-3":
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
    parser.add_argument("--algorithms", default=",".join(["default", "lead-3", *sumy]),
                        help="comma-separated: default, lead-3, lead, or a sumy algorithm")
    parser.add_argument("--out", type=Path, help="folder for the prediction files")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="digest-summ-"))
    out.mkdir(parents=True, exist_ok=True)
    quality([a for a in args.algorithms.split(",") if a], out)
    if not args.no_speed:
        speed()


if __name__ == "__main__":
    main()
