"""Quote extraction + attribution figures.

    python bench/quotes.py [--errors N] [--no-doubled]

1. Dev set (../shared/eval/quotes/dev.jsonl, scored by its score.py): detection P/R/F1,
   attribution accuracy and end-to-end F1. The dev gold has one record per quoted stretch,
   so each predicted quote is scored once per segment (a split quote "A," he said, "B." is two
   gold records there). Run twice: with and without NYT ''…'' marks (the dev gold does not
   count them as quotes; users do).
2. Seeds (../shared/gold/seeds.json): how many of the 84 gold quotes come out with the right
   text and speaker (gold README matching: quotes/whitespace unified, ,.;: stripped at the ends).
3. Time per article (each one timed with empty name caches).
Skips a part when its shared folder is absent.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.model import Paragraph  # noqa: E402
from digest.quotes import extract_quotes  # noqa: E402
from digest.quotes.mentions import _analyse_run, name_runs  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "quotes"
GOLD = SHARED / "gold"


def dev_paragraphs(text: str) -> list[Paragraph]:
    # dev texts separate paragraphs by blank lines and, in a few articles, by single newlines
    return [Paragraph(t.strip(), i + 1) for i, t in enumerate(re.split(r"\n+", text)) if t.strip()]


def _cold() -> None:
    """Empty the name caches so each article is timed as if it were the only one built."""
    name_runs.cache_clear()
    _analyse_run.cache_clear()


def run_dev(doubled: bool, errors: int) -> dict | None:
    if not (DEV / "dev.jsonl").exists():
        print("dev set absent: skipped")
        return None
    spec = importlib.util.spec_from_file_location("quote_score", DEV / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    lines, n, elapsed = [], 0, 0.0
    for raw in (DEV / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        art = json.loads(raw)
        paras = dev_paragraphs(art["text"])
        _cold()
        t0 = time.perf_counter()
        quotes = extract_quotes(paras, doubled_apostrophes=doubled)
        elapsed += time.perf_counter() - t0
        n += 1
        recs = [{"text": paras[s.paragraph].text[s.start:s.end].rstrip(","), "speaker": q.speaker}
                for q in quotes for s in q.spans]
        lines.append(json.dumps({"id": art["id"], "quotes": recs}))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write("\n".join(lines) + "\n")
    out, errs = score.score(DEV / "dev.jsonl", Path(fh.name), errors)
    Path(fh.name).unlink()
    o = out["overall"]
    d, e = o["detection"], o["end_to_end"]
    label = "with ''…''" if doubled else "without ''…''"
    print(f"dev ({label}): gold_direct={o['n_gold_direct']} pred={o['n_pred_scored']} "
          f"(+{o['n_pred_ignored_partial']} neutral) matched={o['n_matched']}")
    print(f"  detection   P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f}")
    print(f"  attribution acc={o['attribution_accuracy']:.3f} strict={o['attribution_strict']:.3f}")
    print(f"  end-to-end  P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f}")
    print(f"  time        {1000 * elapsed / n:.2f} ms/article over {n} articles")
    for er in errs:
        print("  ERR", json.dumps(er, ensure_ascii=False))
    return out


def _norm(s: str) -> str:
    s = s.replace("\u00a0", " ").replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", s).strip().strip(",.;:").strip()


def seed_paragraphs(lines: list[str], art: dict) -> list[Paragraph]:
    """The gold clean body: body_lines minus boilerplate, credit and subheading lines."""
    first, last = art["body_lines"]
    drop = set(art.get("boilerplate_line_numbers", [])) | set(art.get("credit_line_numbers", []))
    heads = {h.strip() for h in art.get("subheadings", [])}
    out = []
    for n in range(first, last + 1):
        text = lines[n - 1].strip()
        if n in drop or not text:
            continue
        out.append(Paragraph(text, n, "h" if text in heads else "p"))
    return out


def seed_score(verbose: bool = False) -> tuple[int, int] | None:
    path = GOLD / "seeds.json"
    if not path.exists():
        print("seed gold absent: skipped")
        return None
    gold = json.loads(path.read_text(encoding="utf-8"))
    right = both = kinds = total = 0
    for name, arts in gold.items():
        src = SHARED / "seeds" / name
        if not src.exists():
            src = ROOT / "seeds" / name
        lines = src.read_text(encoding="utf-8").split("\n")
        for art in arts:
            quotes = extract_quotes(seed_paragraphs(lines, art))
            aliases = {p["canonical"]: {p["canonical"], *p.get("aliases", [])} for p in art["people"]}
            by_text = {}
            for q in quotes:
                by_text.setdefault(_norm(q.text), []).append(q)
            for g in art["quotes"]:
                total += 1
                ok_names = set(aliases.get(g["speaker"], {g["speaker"]}))
                for alt in g.get("speaker_alternatives", []):
                    ok_names |= aliases.get(alt, {alt})
                cands = by_text.get(_norm(g["text"]), [])
                good = any(q.speaker in ok_names for q in cands)
                kind_ok = any(q.kind == g["kind"] for q in cands)
                right += good
                kinds += kind_ok
                both += any(q.speaker in ok_names and q.kind == g["kind"] for q in cands)
                if verbose and not (good and kind_ok):
                    got = [(q.speaker, q.kind, q.speaker_role) for q in cands] or "NOT FOUND"
                    print(f"  miss {name[:3]} L{g['line']} {g['kind']}: gold={g['speaker']} got={got}"
                          f" | {g['text'][:60]}")
    print(f"seeds: {right}/{total} gold quotes with the right text and speaker")
    print(f"seeds: {kinds}/{total} with the right kind; {both}/{total} with the right speaker AND kind")
    return right, total


def main() -> int:
    errors = 0
    if "--errors" in sys.argv:
        errors = int(sys.argv[sys.argv.index("--errors") + 1])
    run_dev(True, 0 if "--no-doubled" in sys.argv else errors)
    run_dev(False, errors)
    seed_score(verbose="--seeds" in sys.argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
