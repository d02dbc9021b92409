"""Benchmark metadata extraction: seeds against ../shared/gold, dev pages against ../shared/eval/clean.

    python bench/metadata.py            # prints per-seed results and the dev-set scores
    python bench/metadata.py --rough    # the same with the stand-in cleaner instead of digest.clean

Uses digest.clean.clean when it is importable; otherwise a rough stand-in cleaner
(for the seeds: the gold body line range; for dev pages: lines of >= 10 words that
end in sentence punctuation). Skips a part whose shared folder is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.dates import resolve_dates  # noqa: E402
from digest.metadata import extract_metadata  # noqa: E402
from digest.model import CleanText, Paragraph, RemovedLine, Source  # noqa: E402

SHARED = ROOT.parent / "shared"


def rough_clean(text: str, body_range: tuple[int, int] | None = None, skip: set[int] = frozenset()) -> CleanText:
    lines = text.split("\n")
    numbered = [(i, line.strip()) for i, line in enumerate(lines, 1) if line.strip()]
    if body_range is None:
        texts = [t for _, t in numbered]
        bodyish = [i for i, t in numbered if len(t.split()) >= 10 and t[-1] in ".!?\"”'’" and texts.count(t) == 1]
        if not bodyish:
            return CleanText((), header=tuple(numbered))
        body_range = (bodyish[0], bodyish[-1])
        skip = {i for i, t in numbered if body_range[0] <= i <= body_range[1] and i not in bodyish}
    first, last = body_range
    paragraphs = tuple(Paragraph(t, i) for i, t in numbered if first <= i <= last and i not in skip)
    removed = tuple(RemovedLine(i, t, "boilerplate") for i, t in numbered if first <= i <= last and i in skip)
    header = tuple((i, t) for i, t in numbered if i < first)
    footer = tuple((i, t) for i, t in numbered if i > last)
    return CleanText(paragraphs, removed, header, footer)


def cleaner():
    if "--rough" in sys.argv:
        return None
    try:
        from digest.clean import clean  # type: ignore[attr-defined]
        return lambda source, *_: clean(source)
    except Exception:
        return None


def seeds() -> None:
    gold_path = SHARED / "gold" / "seeds.json"
    if not gold_path.exists():
        print("seeds: ../shared/gold absent, skipped")
        return
    gold = json.loads(gold_path.read_text())
    real = cleaner()
    sources, bodies, truths = [], [], []
    for name, arts in sorted(gold.items()):
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        source = Source(f"seeds/{name}", "txt", text)
        art = arts[0]
        skip = set(art["boilerplate_line_numbers"]) | set(art["credit_line_numbers"])
        if art.get("subheadings"):
            skip |= {i for i, line in enumerate(text.split("\n"), 1) if line.strip() in art["subheadings"]}
        body = real(source) if real else rough_clean(text, tuple(art["body_lines"]), skip)
        sources.append(source)
        bodies.append(body)
        truths.append(art)
    metas = [extract_metadata(s, b) for s, b in zip(sources, bodies)]
    guesses = resolve_dates(metas)
    ok = {"title": 0, "outlet": 0, "authors": 0, "date": 0}
    for source, meta, guess, art in zip(sources, metas, guesses, truths):
        import datetime as dt

        truth_day = dt.date.fromisoformat(art["date"])
        tol = art["date_tolerance_days"]
        title_ok = (meta.title.value == art["title"]) if art["title"] else meta.title.confidence == "generated"
        outlet_ok = meta.outlet.value == art["outlet"]
        people = set(art["authors"]) | set(art.get("contributors") or [])
        authors_ok = set(meta.authors) | set(meta.contributors) == people
        if guess.value is not None:
            date_ok = abs((guess.value - truth_day).days) <= tol
            verdict = "ok" if date_ok else "WRONG"
        else:
            date_ok = guess.earliest is not None and guess.earliest <= truth_day <= guess.latest
            verdict = "undated, range holds truth" if date_ok else "undated, range misses truth"
        for key, hit in (("title", title_ok), ("outlet", outlet_ok), ("authors", authors_ok), ("date", date_ok)):
            ok[key] += hit
        print(f"{source.path}\n  title   {'ok ' if title_ok else 'BAD'} {meta.title.value!r} [{meta.title.source}, {meta.title.confidence}]")
        print(f"  outlet  {'ok ' if outlet_ok else 'BAD'} {meta.outlet.value} [{meta.outlet.source}, {meta.outlet.confidence}]")
        print(f"  people  {'ok ' if authors_ok else 'BAD'} authors={list(meta.authors)} ({meta.authors_source}) contributors={list(meta.contributors)}")
        print(f"  date    {verdict}: {guess.value} [{guess.earliest}..{guess.latest}] {guess.confidence}: {guess.source}")
    n = len(metas)
    print("SEEDS " + "  ".join(f"{k} {v}/{n}" for k, v in ok.items()))


def dev() -> None:
    folder = SHARED / "eval" / "clean" / "dev"
    if not folder.exists():
        print("dev: ../shared/eval absent, skipped")
        return
    real = cleaner()
    with tempfile.TemporaryDirectory() as out:
        for txt in sorted(folder.glob("*.txt")):
            text = txt.read_text(encoding="utf-8", errors="replace")
            source = Source(txt.name, "txt", text)
            body = real(source) if real else rough_clean(text)
            meta = extract_metadata(source, body)
            guess = resolve_dates([meta])[0]
            pred = {
                "title": "" if meta.title.confidence == "generated" else str(meta.title.value),
                "author": ", ".join(meta.authors),
                "date": guess.value.isoformat() if guess.value else "",
                "body": "\n".join(p.text for p in body.paragraphs),
            }
            (Path(out) / f"{txt.stem}.json").write_text(json.dumps(pred))
        result = subprocess.run([sys.executable, str(folder.parent / "score.py"), out, "--bootstrap", "0"],
                                capture_output=True, text=True)
        print("DEV (clean/dev score.py, title/author/date rows):")
        print("\n".join(line for line in result.stdout.splitlines() if line.startswith(("TITLE", "AUTHOR", "DATE", "pages", "(silver"))))


if __name__ == "__main__":
    print("cleaner:", "digest.clean.clean" if cleaner() else "rough stand-in (gold body lines for seeds)")
    seeds()
    dev()
