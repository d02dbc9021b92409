"""Save-to-served latency of `digest serve`: the time from writing an article to the new
page being served over HTTP, on the seeds and on 2,000 BBC articles from the shared corpus.

Each project is a temporary copy (the repo is never edited). The first build runs with a
cold cache and is timed separately; each edit then appends one sentence with a unique
word to an article, and the clock stops when a GET of that article's page returns it.

    python bench/serve.py [--articles 2000] [--edits 5] [--poll]
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from digest.serve.session import Session  # noqa: E402

SEEDS = REPO / "seeds"
BBC = REPO.parent / "shared" / "corpus" / "bbc"


def get(session: Session, path: str) -> bytes:
    conn = http.client.HTTPConnection(*session.server.server_address[:2], timeout=30)
    conn.request("GET", path)
    body = conn.getresponse().read()
    conn.close()
    return body


def wait_served(session: Session, cursor: int, word: str, saved: float) -> float | None:
    """Seconds from `saved` until a GET returns the page holding `word`, found via reload events."""
    while (left := 120 - (time.perf_counter() - saved)) > 0:
        for message in session.hub.wait(cursor, left):
            cursor = message.seq
            if message.event != "reload":
                continue
            changed = message.data["changed"] or [p.relative_to(session.live.served.root).as_posix() for p in (session.live.served.root / "articles").glob("*.html")]
            for path in changed:
                if path.startswith("articles/") and word.encode() in get(session, "/" + path):
                    return time.perf_counter() - saved
    return None


def measure(name: str, files: list[Path], edits: int, poll: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="digest-bench-serve-") as tmp:
        root = Path(tmp)
        content = root / "content"
        content.mkdir()
        for path in files:
            shutil.copy2(path, content / path.name)
        config = root / "config.toml"
        config.write_text('[build]\ncontent = ["content"]\noutput = "site"\n', encoding="utf-8")
        said: list[str] = []
        session = Session(config, port=0, poll=poll, say=said.append)
        try:
            started = time.perf_counter()
            session.start()
            first = time.perf_counter() - started
            targets = [content / files[i * len(files) // edits].name for i in range(edits)]
            latencies: list[float] = []
            for n, target in enumerate(targets):
                word = f"Zqxbench{n}word"
                text = target.read_text(encoding="utf-8", errors="replace").rstrip("\n")
                cursor = session.hub.cursor()
                saved = time.perf_counter()
                target.write_text(f"{text}\n\nOfficials said the {word} plan was on schedule.\n", encoding="utf-8")
                latency = wait_served(session, cursor, word, saved)
                if latency is None:
                    print(f"  edit {n}: page not served within 120 s", file=sys.stderr)
                else:
                    latencies.append(latency)
        finally:
            session.stop()
    built = next((line for line in said if line.startswith("Built")), "?")
    print(f"{name}: {len(files)} articles; first build (cold cache) {first:.2f} s: {built}")
    if latencies:
        print(
            f"  save -> new page served, {len(latencies)} edits ({'polling' if poll else 'OS events'}): "
            f"median {statistics.median(latencies):.2f} s, min {min(latencies):.2f} s, max {max(latencies):.2f} s"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="BBC articles to copy (default 2000)")
    parser.add_argument("--edits", type=int, default=5, help="edits per project (default 5)")
    parser.add_argument("--poll", action="store_true", help="use the polling observer")
    args = parser.parse_args()
    measure("seeds", sorted(SEEDS.glob("*.txt")), args.edits, args.poll)
    if BBC.is_dir():
        measure("bbc", sorted(BBC.glob("*.txt"))[: args.articles], args.edits, args.poll)
    else:
        print(f"bbc: skipped ({BBC} not found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
