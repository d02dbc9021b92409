"""Summary quality (ROUGE on the dev set) and speed (ms per article on the BBC corpus).

    python bench/summarize.py [--algorithms default,lead-3,lsa,...] [--out DIR] [--no-speed]

Quality: every algorithm summarizes ../shared/eval/summ/dev.jsonl (one paragraph per
text line), scored with that folder's score.py (ROUGE F1 x100, per source), plus
a paired bootstrap of each against Lead-3 on the cnndm part, the ranking signal.
"lead-3" is the first three sentences; sumy algorithms are run "as shipped"
(3 sentences, no word budget) and, marked "+budget", with our word budget.
Predictions are written to DIR (default: a temporary folder) so that
`python ../shared/eval/summ/score.py DIR/default.jsonl --against DIR/lead-3.jsonl`
reproduces the figures. Speed: split + summarize of ../shared/corpus/bbc/*.txt
(first line the headline, then the body). Skips what is absent.
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

from digest.model import Paragraph  # noqa: E402
from digest.split import split_sentences  # noqa: E402
from digest.summarize import ALGORITHMS, DEFAULT_MAX_WORDS, DEFAULT_SENTENCES, summarize  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "summ"
BBC = SHARED / "corpus" / "bbc"
METRICS = ("rouge1", "rouge2", "rougeLsum")


def paragraphs_of(text: str) -> list[Paragraph]:
    return [Paragraph(line.strip(), n) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


def run(algorithm: str, text: str) -> str:
    paragraphs = paragraphs_of(text)
    if algorithm == "default":
        summary = summarize(paragraphs)
    elif algorithm == "lead-3":
        summary = summarize(paragraphs, algorithm="lead", sentences=3, max_words=None)
    elif algorithm.endswith("+budget"):
        name = algorithm.removesuffix("+budget")
        summary = summarize(paragraphs, algorithm=name, sentences=DEFAULT_SENTENCES + 1,
                            max_words=DEFAULT_MAX_WORDS)
    else:
        summary = summarize(paragraphs, algorithm=algorithm, sentences=3, max_words=None)
    return "\n".join(s.text for s in summary)


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
    per_article = {}
    print(f"ROUGE F1 x100 on {len(gold)} dev articles; defaults: sentences={DEFAULT_SENTENCES}, "
          f"max_words={DEFAULT_MAX_WORDS}")
    print(f"{'algorithm':16} {'source':6} " + " ".join(f"{m:>9}" for m in METRICS) + "  words  ms/art")
    for algorithm in algorithms:
        started = time.perf_counter()
        preds = {g["id"]: run(algorithm, g["text"]) for g in gold}
        elapsed = (time.perf_counter() - started) * 1000 / len(gold)
        with open(out / f"{algorithm}.jsonl", "w", encoding="utf-8") as f:
            for key, summary in preds.items():
                f.write(json.dumps({"id": key, "summary": summary}) + "\n")
        result = score.score_predictions(preds, gold, ci=False)
        per_article[algorithm] = result["per_article"]
        for source in ("cnndm", "bbc"):
            agg = result["per_source"][source]
            n_words = [len(preds[g["id"]].split()) for g in gold if g["source"] == source]
            print(f"{algorithm:16} {source:6} " + " ".join(f"{agg[m]:9.2f}" for m in METRICS)
                  + f"  {sum(n_words) / len(n_words):5.1f}  {elapsed:6.1f}")
    if "lead-3" in per_article:
        print("\npaired bootstrap vs lead-3, cnndm (mean diff [95% CI], p = share of resamples <= 0)")
        base = [r for r in per_article["lead-3"] if r["source"] == "cnndm"]
        for algorithm, rows in per_article.items():
            if algorithm == "lead-3":
                continue
            rows = [r for r in rows if r["source"] == "cnndm"]
            cells = []
            for m in METRICS:
                mean, (lo, hi), p = score.paired_bootstrap([r[m] for r in rows], [r[m] for r in base])
                cells.append(f"{m} {mean:+.2f} [{lo:+.2f},{hi:+.2f}] p={p:.3f}")
            print(f"  {algorithm:16} " + " | ".join(cells))
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
    summarize(articles[0])  # warm up (regex compilation)
    started = time.perf_counter()
    for paragraphs in articles:
        for paragraph in paragraphs:
            split_sentences(paragraph.text)
    split_ms = (time.perf_counter() - started) * 1000 / len(articles)
    started = time.perf_counter()
    for paragraphs in articles:
        summarize(paragraphs)  # splits again: this is the stage's real cost
    total_ms = (time.perf_counter() - started) * 1000 / len(articles)
    print(f"\nspeed on {len(articles)} BBC articles: split {split_ms:.2f} ms/article, "
          f"split + summarize (default) {total_ms:.2f} ms/article")


def main() -> None:
    sumy = [a for a in ALGORITHMS if a not in ("default", "lead")]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--algorithms", default=",".join(["default", "lead-3", *sumy, "lex-rank+budget",
                                                          "text-rank+budget"]))
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
