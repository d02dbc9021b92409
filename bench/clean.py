"""Benchmark the clean stage: seeds against ../shared/gold, dev pages against ../shared/eval/clean.

    python bench/clean.py            # seed figures + dev body F1 from the .txt pages
    python bench/clean.py --html     # also trafilatura on the saved .html, for comparison
    python bench/clean.py --pages    # also the per-page dev rows, worst first

Seeds: boilerplate/credit lines that leaked into the body, gold body lines lost,
subheadings kept as "h", and whether the first and last body sentences are right.
Dev: writes {"body": ...} predictions to a temp dir and runs the shared scorer.
Skips a part whose shared folder is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.clean import clean  # noqa: E402
from digest.model import Source  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"
DEV = SHARED / "eval" / "clean"


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(a, b)
    return " ".join(text.split()).strip(",.;: ")


def seeds() -> None:
    if not GOLD.exists():
        print("seeds: ../shared/gold absent, skipped")
        return
    gold = json.loads(GOLD.read_text())
    _time_seeds(sorted(gold))
    totals = {"leaked": 0, "lost": 0, "first": 0, "last": 0, "articles": 0}
    print("SEEDS  file                         leaked  lost  subheads  first  last")
    for name, articles in sorted(gold.items()):
        text = _seed_path(name).read_text(encoding="utf-8")
        body = clean(Source(name, "txt", text))
        for truth in articles:
            kept = {p.line: p for p in body.paragraphs}
            junk = set(truth["boilerplate_line_numbers"]) | set(truth["credit_line_numbers"])
            subheads = {_norm(s) for s in truth.get("subheadings") or ()}
            first, last = truth["body_lines"]
            lines = text.split("\n")
            gold_body = [n for n in range(first, last + 1)
                         if lines[n - 1].strip() and n not in junk and _norm(lines[n - 1]) not in subheads]
            leaked = sorted(junk & set(kept))
            lost = [n for n in gold_body if n not in kept or kept[n].kind != "p"]
            heads = sum(1 for p in body.paragraphs if p.kind == "h" and _norm(p.text) in subheads)
            prose = [p.text for p in body.paragraphs if p.kind == "p"]
            first_ok = bool(prose) and _norm(prose[0]).startswith(_norm(truth["first_body_sentence"]))
            last_ok = bool(prose) and _norm(prose[-1]).endswith(_norm(truth["last_body_sentence"]))
            print(f"       {name:28s} {len(leaked):6d} {len(lost):5d} {heads:5d}/{len(subheads)}   "
                  f"{'yes' if first_ok else 'NO':>5s} {'yes' if last_ok else 'NO':>5s}"
                  + (f"   leaked lines {leaked}" if leaked else "") + (f"   lost lines {lost}" if lost else ""))
            totals["leaked"] += len(leaked)
            totals["lost"] += len(lost)
            totals["first"] += first_ok
            totals["last"] += last_ok
            totals["articles"] += 1
    n = totals["articles"]
    print(f"SEEDS total: leaked boilerplate lines {totals['leaked']}, lost body lines {totals['lost']}, "
          f"first sentence right {totals['first']}/{n}, last sentence right {totals['last']}/{n}")


def _time_seeds(names: list[str]) -> None:
    sources = [Source(name, "txt", _seed_path(name).read_text(encoding="utf-8")) for name in names]
    rounds = 20
    started = time.perf_counter()
    for _ in range(rounds):
        for source in sources:
            clean(source)
    per_article = (time.perf_counter() - started) / (rounds * len(sources))
    print(f"SEEDS speed: {per_article * 1000:.3f} ms per article (mean of {rounds} rounds)")


def _seed_path(name: str) -> Path:
    path = SHARED / "seeds" / name
    return path if path.exists() else ROOT / "seeds" / name


def dev(html: bool, pages: bool) -> None:
    data = DEV / "dev"
    if not data.is_dir():
        print("dev: ../shared/eval/clean absent, skipped")
        return
    texts = sorted(data.glob("*.txt"))
    sources = [Source(path.name, "txt", path.read_text(encoding="utf-8")) for path in texts]
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        bodies = [clean(source) for source in sources]
        elapsed = time.perf_counter() - started
        for path, body in zip(texts, bodies):
            # Subheadings count as body here: the dev annotators kept them in the article text.
            prediction = {"body": "\n\n".join(p.text for p in body.paragraphs)}
            (Path(out) / f"{path.stem}.json").write_text(json.dumps(prediction))
        lines = sum(source.text.count("\n") + 1 for source in sources) / max(len(sources), 1)
        print(f"DEV from .txt: {len(texts)} pages (avg {lines:.0f} lines) cleaned in {elapsed * 1000:.0f} ms "
              f"({elapsed * 1000 / max(len(texts), 1):.2f} ms/page)")
        _score(out, pages)
    if html:
        try:
            import trafilatura
        except ImportError:
            print("trafilatura not installed; --html skipped")
            return
        with tempfile.TemporaryDirectory() as out:
            for path in sorted(data.glob("*.html")):
                extracted = trafilatura.extract(path.read_text(encoding="utf-8", errors="replace")) or ""
                (Path(out) / f"{path.stem}.json").write_text(json.dumps({"body": extracted}))
            print("DEV trafilatura on .html (comparison):")
            _score(out, False)
        from digest.analyse import structured_body
        from digest.errors import ArticleError
        from digest.read import parse_source

        with tempfile.TemporaryDirectory() as out:
            failed = 0
            for path in sorted(data.glob("*.html")):
                try:
                    body = structured_body(parse_source(path.read_bytes(), path.name, "html"))
                    text = "\n\n".join(p.text for p in body.paragraphs)
                except ArticleError:
                    failed, text = failed + 1, ""
                (Path(out) / f"{path.stem}.json").write_text(json.dumps({"body": text}))
            print(f"DEV digest's .html reader (trafilatura inside; {failed} pages gave no article):")
            _score(out, False)


def _score(out: str, pages: bool) -> None:
    per_page = Path(out) / "per_page.jsonl"
    result = subprocess.run(
        [sys.executable, str(DEV / "score.py"), out, "--bootstrap", "0", "--per-page", str(per_page)],
        capture_output=True, text=True,
    )
    body_lines = [line for line in result.stdout.splitlines() if line.startswith(("pages", "BODY", "  "))]
    print("\n".join(body_lines) or result.stderr)
    if pages and per_page.exists():
        rows = [json.loads(line) for line in per_page.read_text().splitlines()]
        for row in sorted((r for r in rows if "f1" in r), key=lambda r: r["f1"]):
            print(f"  {row['id']:28s} {row.get('lang') or '':3s} F1 {row['f1']:.3f}  P {row['p']:.3f}  "
                  f"R {row['r']:.3f}  pred {row['n_pred']:5d}  gold {row['n_gold']:5d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--html", action="store_true", help="also score trafilatura on the .html pages")
    parser.add_argument("--pages", action="store_true", help="print per-page dev rows, worst first")
    args = parser.parse_args()
    seeds()
    dev(args.html, args.pages)


if __name__ == "__main__":
    main()
