"""Fuzz the pure stages with many generated inputs; print counts and every distinct failure.

    python bench/fuzz.py [--inputs 100000] [--seed 1] [--only read,clean,split,quotes,summarize,analyse,group]

The properties are those of tests/test_fuzz.py, run on far more inputs (plain seeded
random generation, no hypothesis, so 100,000 inputs take minutes, not hours):

* read: parse_source returns a Source (no control characters, no CR) or raises ArticleError naming the file;
* clean: paragraph and removed-line numbers lie inside the file;
* split: sentence spans ordered, disjoint, non-empty, trimmed, and covering every non-space character;
* quotes: spans index the paragraphs, in order, and the quote text is exactly the spanned characters;
* summarize: every summary sentence is paragraphs[span.paragraph].text[span.start:span.end], in order;
* analyse: the whole per-article stage (clean, metadata, summary, quotes) never raises;
* group: a few such articles grouped together (dates across them, slugs, speakers) never raise,
  and their slugs are unique and safe.

Each distinct failure (target, kind) is shrunk to a small input by deleting pieces while
it still fails, and printed with repr() so it can be pasted into a test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.analyse import AnalysisSettings, analyse  # noqa: E402
from digest.clean import clean  # noqa: E402
from digest.errors import ArticleError  # noqa: E402
from digest.group import group  # noqa: E402
from digest.model import Paragraph  # noqa: E402
from digest.quotes import extract_quotes  # noqa: E402
from digest.read import parse_source  # noqa: E402
from digest.split import split_sentences  # noqa: E402
from digest.summarize import summarize  # noqa: E402

TOKENS = [
    "the", "council", "said", "says", "told", "reporters", "according to", "Mayor", "Ann", "Lee", "Smith", "Mr.", "Dr.",
    "U.S.", "Jan.", "No.", "a.m.", "3.5", "2022", "January 28,", "Friday", "he", "she", "they", "added", "(AP)", "—", "-",
    "…", ".", ".", ".", "?", "!", ",", ",", ";", ":", '"', '"', '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "''", "``",
    "(", ")", "[", "]", " ", " ", "  ", "\n", "\n", "\n\n", "\t", "\u00a0", "\u202e", "\u200b", "\x00", "\x0c", "\r\n", "\r",
    "\u2028", "By", "Copyright", "©", "Share", "Advertisement", "<script>", "&amp;", "é", "\u05d0", "\U0001f600", "###", "*",
    "+++", "---", "{", "}", "\\",
]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class PropertyFailed(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise PropertyFailed(what)


# ------------------------------------------------------------------ inputs


def soup(rng: random.Random, size: int) -> list[str]:
    """A list of pieces: news-shaped tokens, random Unicode, or both."""
    mode = rng.random()
    pieces = []
    for _ in range(rng.randint(0, size)):
        if mode < 0.6 or (mode < 0.85 and rng.random() < 0.8):
            pieces.append(rng.choice(TOKENS))
        else:
            pieces.append("".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0, 0x2FFF), rng.randint(0, 0x10FFFF)]))
                                  for _ in range(rng.randint(1, 6))))
    return pieces


def joined(pieces: list[str]) -> str:
    return " ".join(pieces).replace(" \n ", "\n")


def paragraphs_of(text: str) -> list[Paragraph]:
    return [Paragraph(b.strip(), n) for n, b in enumerate(text.split("\n"), start=1) if b.strip()]


def encode_for_read(rng: random.Random, pieces: list[str]) -> tuple[str, bytes]:
    fmt = rng.choice(["txt", "md", "json"])
    text = joined(pieces)
    if fmt == "md" and rng.random() < 0.5:
        fence = rng.choice(["+++", "---"])
        front = rng.choice(['title = "T"', "title: T", "date = 2024-01-02", "authors: [a, 3]", "date: x", "", "[x", "\x00",
                            'date = 9999-12-31', "title: [1]", 'url = "javascript:x"', "date: 2022-02-30", "1: x", "~: y",
                            "x = " + "[" * 5000, "date: " + "9" * 5000])
        text = f"{fence}\n{front}\n{fence}\n{text}"
    if fmt == "json" and rng.random() < 0.5:
        text = json.dumps({"text": text, "title": joined(soup(rng, 6)), "authors": [joined(soup(rng, 3))]})
    encoding = rng.choice(["utf-8", "utf-16", "utf-16-le", "cp1252", "raw"])
    if encoding == "raw":
        return fmt, bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 300)))
    return fmt, text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


# ------------------------------------------------------------------ targets (each raises on a failure)


def run_read(case) -> None:
    fmt, data = case
    try:
        source = parse_source(data, "in/put.x", fmt)
    except ArticleError as exc:
        check(str(exc).startswith("in/put.x"), "ArticleError without the path")
        return
    check(bool(source.text.strip()), "empty Source.text")
    check("\r" not in source.text, "CR in Source.text")
    check(not CONTROL.search(source.text), "control character in Source.text")
    for _, value in source.front:
        for item in value if isinstance(value, list) else [value]:
            check(not CONTROL.search(str(item)), "control character in front matter value")


def run_clean(text: str) -> None:
    try:
        source = parse_source(text.encode("utf-8", "replace"), "a.txt", "txt")
    except ArticleError:
        return
    body = clean(source)
    lines = source.text.split("\n")
    for paragraph in body.paragraphs:
        check(bool(paragraph.text.strip()), "empty paragraph")
        check(1 <= paragraph.line <= len(lines), "paragraph line outside the file")
    for removed in body.removed:
        check(1 <= removed.line <= len(lines), "removed line outside the file")


def run_split(text: str) -> None:
    previous = 0
    covered = bytearray(len(text))
    for start, end in split_sentences(text):
        check(previous <= start < end <= len(text), "span out of order, overlapping, empty or outside")
        check(not text[start].isspace() and not text[end - 1].isspace(), "span not trimmed")
        covered[start:end] = b"\x01" * (end - start)
        previous = end
    check(all(covered[i] or ch.isspace() for i, ch in enumerate(text)), "non-space character in no sentence")


def run_quotes(text: str) -> None:
    paragraphs = paragraphs_of(text)
    for quote in extract_quotes(paragraphs):
        check(bool(quote.spans), "quote without spans")
        parts = []
        for span in quote.spans:
            check(0 <= span.paragraph < len(paragraphs), "span paragraph out of range")
            check(0 <= span.start <= span.end <= len(paragraphs[span.paragraph].text), "span outside its paragraph")
            parts.append(paragraphs[span.paragraph].text[span.start : span.end])
        check([(s.paragraph, s.start) for s in quote.spans] == sorted((s.paragraph, s.start) for s in quote.spans), "spans out of order")
        spanned = " ".join(parts)
        # Words first, so a different wording is told apart from the known spacing difference.
        check(quote.text.split() in (spanned.split(), spanned.rstrip(" ,").split()), "quote words differ from the spanned words")
        check(bool(quote.text), "empty quote text")
        check(quote.text == spanned, "quote text differs from the spanned characters (spaces, ' ,')")


def run_summarize(case) -> None:
    text, algorithm, count = case
    paragraphs = paragraphs_of(text)
    summary = summarize(paragraphs, algorithm=algorithm, sentences=count, max_words=60)
    check(len(summary) <= count, "more sentences than asked")
    for sentence in summary:
        span = sentence.span
        check(bool(sentence.text), "empty summary sentence")
        check(sentence.text == paragraphs[span.paragraph].text[span.start : span.end], "summary text is not its span")
    positions = [(s.span.paragraph, s.span.start) for s in summary]
    check(positions == sorted(positions), "summary not in document order")


def run_analyse(case) -> None:
    fmt, data = case
    try:
        source = parse_source(data, f"in/put.{fmt}", fmt)
    except ArticleError:
        return
    article = analyse(source, AnalysisSettings())
    check(bool(article.title), "article without a title")


def run_group(case) -> None:
    """A few articles analysed and grouped together: dates, slugs and speakers across them."""
    articles = []
    for index, text in enumerate(case):
        try:
            articles.append(analyse(parse_source(text.encode("utf-8", "replace"), f"a{index}.txt", "txt"), AnalysisSettings()))
        except ArticleError:
            pass
    site, _ = group(articles, title="t", briefing_sentences=6)
    slugs = [a.slug for a in site.articles]
    check(len(slugs) == len(set(slugs)), "two articles share a slug")
    check(all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug) for slug in slugs), "unsafe article slug")


def dated_texts(rng: random.Random, pieces: list[str]) -> list[str]:
    """Two to four articles cut from the pieces, with dates and weekdays to match across them."""
    dates = ["Friday, December 31, 9999", "January 1, 0001", "Monday", "February 29", "last week", "March 3, 2022",
             "2022-01-28", "Friday", "Copyright 2021", "on Tuesday"]
    cut = sorted(rng.sample(range(len(pieces) + 1), k=min(len(pieces) + 1, rng.randint(1, 3))))
    parts = [pieces[a:b] for a, b in zip([0, *cut], [*cut, len(pieces)])]
    return [f"{rng.choice(['Title', 'Budget vote', '???', 'Update'])}\n\n" + joined(part + [rng.choice(dates), "."]) for part in parts]


TARGETS = {
    "read": (run_read, lambda rng, p: encode_for_read(rng, p), 60),
    "clean": (run_clean, lambda rng, p: joined(p), 200),
    "split": (run_split, lambda rng, p: joined(p), 200),
    "quotes": (run_quotes, lambda rng, p: joined(p), 120),
    "summarize": (run_summarize, lambda rng, p: (joined(p), rng.choice(["default", "default", "lead", "luhn"]), rng.randint(1, 5)), 200),
    "analyse": (run_analyse, lambda rng, p: encode_for_read(rng, p), 150),
    "group": (run_group, dated_texts, 150),
}


# ------------------------------------------------------------------ failures


def failure_kind(run, case) -> str | None:
    try:
        run(case)
    except PropertyFailed as exc:
        return f"property: {exc}"
    except Exception as exc:  # a crash is the finding
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return f"crash: {type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
    return None


def shrink(name: str, pieces: list[str], rng_state, kind: str) -> list[str]:
    """Delete runs of pieces, then characters, while the same kind of failure remains."""
    run, make, _ = TARGETS[name]

    def fails(candidate: list[str]) -> bool:
        rng = random.Random()
        rng.setstate(rng_state)
        return failure_kind(run, make(rng, candidate)) == kind

    chunk = max(1, len(pieces) // 2)
    while chunk >= 1:
        i = 0
        while i < len(pieces):
            candidate = pieces[:i] + pieces[i + chunk :]
            if fails(candidate):
                pieces = candidate
            else:
                i += chunk
        chunk //= 2
    for index in range(len(pieces)):  # then shorten each piece
        piece = pieces[index]
        for cut in range(len(piece)):
            candidate = pieces[:index] + [piece[:cut] + piece[cut + 1 :]] + pieces[index + 1 :]
            if len(piece) > 1 and fails(candidate):
                pieces, piece = candidate, candidate[index]
    return pieces


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="total inputs across the targets")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default=",".join(TARGETS), help="comma-separated targets")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n]
    grand = 0
    started = time.perf_counter()
    found: dict[tuple[str, str], tuple[int, list[str], object]] = {}
    for position, name in enumerate(names):
        per_target = args.inputs // len(names) + (position < args.inputs % len(names))
        run, make, size = TARGETS[name]
        rng = random.Random(f"{args.seed}-{name}")
        t0 = time.perf_counter()
        failures = 0
        for _ in range(per_target):
            pieces = soup(rng, size)
            state = rng.getstate()
            kind = failure_kind(run, make(rng, pieces))
            if kind:
                failures += 1
                key = (name, kind)
                if key not in found or len(pieces) < len(found[key][1]):
                    found[key] = (found.get(key, (0,))[0] + 1, pieces, state)
                else:
                    found[key] = (found[key][0] + 1, *found[key][1:])
        grand += per_target
        print(f"{name:10} {per_target:7,d} inputs  {failures:6,d} failing  {time.perf_counter() - t0:6.1f} s", flush=True)
    print(f"{'total':10} {grand:7,d} inputs  {sum(c for c, *_ in found.values()):6,d} failing  {time.perf_counter() - started:6.1f} s")
    for (name, kind), (count, pieces, state) in sorted(found.items()):
        small = shrink(name, pieces, state, kind)
        rng = random.Random()
        rng.setstate(state)
        print(f"\nFAIL {name}: {kind} ({count:,d} inputs)\n  minimal input: {make_display(name, TARGETS[name][1](rng, small))}")
    return 1 if found else 0


def make_display(name: str, case) -> str:
    return repr(case if name != "summarize" else case[0]) + (f" (algorithm={case[1]!r}, sentences={case[2]})" if name == "summarize" else "")


if __name__ == "__main__":
    sys.exit(main())
