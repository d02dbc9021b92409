"""Benchmark title, authors and date from saved .html pages on ../shared/eval/clean/dev.

    python bench/html_metadata.py           # the score.py rows
    python bench/html_metadata.py --pages   # also gold vs predicted date and author per page

Runs the build's own path: read (trafilatura, digest/pagemeta.py) → analyse → resolve_dates,
in the default site.timezone (UTC, which is also the gold's zone). bench/metadata.py scores
the same fields from the pages' .txt. Skips when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.analyse import AnalysisSettings, analyse  # noqa: E402
from digest.dates import resolve_dates  # noqa: E402
from digest.errors import ArticleError  # noqa: E402
from digest.read import parse_source  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "clean" / "dev"


def predict(path: Path) -> dict:
    try:
        meta = analyse(parse_source(path.read_bytes(), path.name, "html"), AnalysisSettings()).meta
    except ArticleError:
        return {}
    day = resolve_dates([meta])[0].value
    return {
        "title": "" if meta.title.confidence == "generated" else str(meta.title.value),
        "author": ", ".join(meta.authors),
        "date": day.isoformat() if day else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", action="store_true", help="print gold vs predicted date and author per gold page")
    args = parser.parse_args()
    if not DEV.exists():
        print("dev: ../shared/eval absent, skipped")
        return
    with tempfile.TemporaryDirectory() as out:
        predictions = {path.stem: predict(path) for path in sorted(DEV.glob("*.html"))}
        for stem, prediction in predictions.items():
            (Path(out) / f"{stem}.json").write_text(json.dumps(prediction))
        per_page = Path(out) / "per_page.jsonl"
        result = subprocess.run([sys.executable, str(DEV.parent / "score.py"), out, "--bootstrap", "0", "--per-page", str(per_page)],
                                capture_output=True, text=True)
        verdicts = {row["id"]: row for row in map(json.loads, per_page.read_text().splitlines())} if per_page.exists() else {}
    print("DEV from .html (clean/dev score.py, title/author/date rows):")
    print("\n".join(line for line in result.stdout.splitlines() if line.startswith(("TITLE", "AUTHOR", "DATE", "(silver"))) or result.stderr)
    if args.pages:
        for stem, prediction in predictions.items():
            gold = json.loads((DEV / f"{stem}.json").read_text())
            for key in ("date", "author"):
                if key in gold.get("gold", []):
                    mark = "  " if verdicts.get(stem, {}).get(f"{key}_ok") else "≠ "
                    print(f"{mark}{stem[:28]:28s} {key:6s} gold {gold.get(key)!r:32.32s} predicted {prediction.get(key, '')!r:.40s}")

if __name__ == "__main__":
    main()
