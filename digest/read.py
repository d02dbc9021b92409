"""Stage 1, read: find article files and decode each into a `Source`.

Formats: ``.txt`` (scraped page text), ``.md`` (Markdown with TOML ``+++`` or YAML
``---`` front matter), ``.html`` (article extracted with trafilatura) and ``.json``
(one article object). Text is decoded from UTF-8, UTF-8 or UTF-16 with a BOM, or
cp1252, and odd whitespace is normalised without moving any line.
"""

from __future__ import annotations

import errno
import dataclasses
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from digest import pagemeta
from digest.errors import ArticleError
from digest.frontmatter import sidecar_fields, parse_front_matter, scrub, structured_json
from digest.markdown import markdown_to_text
from digest.model import Source
from digest.warm import Memo

EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}
MAX_BYTES = 20 * 1024 * 1024  # a scraped article is kilobytes; anything this big is not one

# Signatures of files that are not text whatever their name says (PNG, JPEG, GIF, PDF, ZIP/DOCX, gzip).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b")


@dataclass(frozen=True, slots=True)
class Found:
    """An article file found on disk: its absolute path and the name shown to users."""

    path: Path
    shown: str


def discover(folders: tuple[Path, ...], root: Path, *, skip: tuple[Path, ...] = ()) -> tuple[list[Found], list[str]]:
    """Every article file under the content folders, sorted; plus problems (missing folders)."""
    found: dict[Path, Found] = {}
    problems: list[str] = []
    skipped = {p.resolve() for p in skip}
    for folder in folders:
        if folder.is_file():
            found.setdefault(folder.resolve(), Found(folder, _shown(folder, root)))
            continue
        if not folder.is_dir():
            problems.append(f"{_shown(folder, root)}: content folder not found (check build.content in config.toml)")
            continue
        # os.walk does not follow symlinked folders, so a symlink loop cannot trap us; and
        # every folder it enters is a real one, so below the resolved top folder only a
        # symlinked file needs resolving.
        top = folder.resolve()
        for dirpath, dirnames, filenames in os.walk(folder):
            here = Path(dirpath)
            real = top.joinpath(os.path.relpath(dirpath, folder))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (here / d).resolve() not in skipped)
            for name in sorted(filenames):
                if is_ignored_name(name) or os.path.splitext(name)[1].lower() not in EXTENSIONS:
                    continue
                path = here / name
                try:
                    resolved = path.resolve(strict=True) if os.path.islink(path) else real / name
                except (OSError, RuntimeError) as exc:  # Python 3.11 reports a symlink loop as RuntimeError
                    why = "symlink loop" if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP else "broken symlink or unreadable path"
                    problems.append(f"{_shown(path, root)}: {why}, skipped")
                    continue
                found.setdefault(resolved, Found(path, _shown(path, root)))
    return sorted(found.values(), key=lambda f: f.shown), problems


def is_ignored_name(name: str) -> bool:
    """Hidden files and editor temporaries (vim, emacs, JetBrains, gedit) are never articles."""
    return (
        name.startswith((".", "#"))
        or name.endswith(("~", ".swp", ".swx", ".tmp", "___jb_tmp___", "___jb_old___"))
        or name == "4913"
        or name.startswith(".goutputstream-")
    )


def read_source(found: Found, parsed: Memo | None = None) -> Source:
    """Read and decode one file. Raises ArticleError with the path on any problem.

    `parsed` (a warm build's memo) holds the last build's Sources by their bytes: an
    unchanged file is read and hashed, not decoded and parsed again."""
    try:
        size = found.path.stat().st_size
        if size > MAX_BYTES:  # refused before reading: a 5 GB log file must not be loaded to say no
            raise ArticleError(too_large(size), path=found.shown)
        data = found.path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read the file ({exc.strerror or exc}); check its permissions", path=found.shown)
    try:
        fmt = EXTENSIONS[found.path.suffix.lower()]
        if parsed is None:
            source = parse_source(data, found.shown, fmt)
        else:
            source = parsed.make((found.shown, fmt, hashlib.sha256(data).digest()), lambda: parse_source(data, found.shown, fmt))
        return with_sidecar(source, found)
    except ArticleError:
        raise
    except Exception as exc:  # a parser bug must cost this article, not the whole build
        raise ArticleError(f"could not read this file ({type(exc).__name__}: {exc}); please report it with the file", path=found.shown) from exc


SIDECAR_SUFFIX = ".meta.toml"


def sidecar_path(path: Path) -> Path:
    """`2022-01-28-talks.txt` → `2022-01-28-talks.meta.toml`."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def with_sidecar(source: Source, found: Found) -> Source:
    """Fill metadata the article does not state from its sidecar file, if there is one.

    The sidecar is TOML with the front-matter keys (title, date, outlet, authors, url); the
    article's own front matter wins where both give a value. Its bytes join the content
    hash, so editing the sidecar re-analyses the article.
    """
    path = sidecar_path(found.path)
    if not path.is_file():
        return source
    shown = found.shown.rsplit("/", 1)[0] + "/" + path.name if "/" in found.shown else path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read the sidecar file ({exc.strerror or exc})", path=shown)
    fields = sidecar_fields(data.decode("utf-8-sig", errors="replace"), shown)
    own = {key for key, _ in source.front}
    added = tuple((key, value) for key, value in fields if key not in own)
    if not added:
        return source
    provenance = tuple((key, f"sidecar file {path.name}") for key, _ in added)
    content_hash = hashlib.sha256(source.content_hash.encode() + data).hexdigest()
    front = source.front + added + (("provenance", provenance),)
    return dataclasses.replace(source, front=front, content_hash=content_hash)


def parse_source(data: bytes, shown: str, fmt: str) -> Source:
    """Decode bytes of the given format into a Source (pure; used by tests and the cache)."""
    if len(data) > MAX_BYTES:
        raise ArticleError(too_large(len(data)), path=shown)
    text, encoding = decode(data, shown)
    text = normalise(text)
    if not text.strip():
        raise ArticleError("the file is empty; add the article text or delete the file", path=shown)
    content_hash = hashlib.sha256(data).hexdigest()
    if fmt == "md":
        front, body, offset = parse_front_matter(text, shown)
        plain, body_html = markdown_to_text(body, offset)
        if not plain.strip():
            where = "after the front matter; add the article below it" if front or offset else "in this Markdown file"
            raise ArticleError(f"no article text {where}", path=shown, line=offset + 1)
        return Source(shown, "md", plain, front, body_html, encoding, content_hash)
    if fmt == "json":
        front, plain = structured_json(text, shown)
        if not plain.strip():  # "text" held only control or invisible characters
            raise ArticleError('the JSON object needs a non-empty "text" string with the article body', path=shown, line=1)
        return Source(shown, "json", plain, front, None, encoding, content_hash)
    if fmt == "html":
        front, plain = html_to_text(text, shown)
        return Source(shown, "html", plain, front, None, encoding, content_hash)
    return Source(shown, "txt", text, (), None, encoding, content_hash)


def too_large(size: int) -> str:
    return f"file is {size // (1024 * 1024)} MB, too large for an article (limit {MAX_BYTES // (1024 * 1024)} MB); split it or remove it"


def decode(data: bytes, shown: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ArticleError("starts with a UTF-16 byte-order mark but is not valid UTF-16; re-save it as UTF-8", path=shown)
    head = data[:8192]
    if b"\x00" in head:
        bom_less = _utf16_without_bom(data)
        if bom_less:
            return bom_less
    if _looks_binary(head):
        raise ArticleError("looks like a binary file, not article text; remove it from the content folder", path=shown)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Windows-1252 is what scraped Western pages are when they are not UTF-8; its five
        # undefined bytes are replaced rather than rejected.
        return data.decode("cp1252", errors="replace"), "cp1252"


def _looks_binary(head: bytes) -> bool:
    """A known binary signature, or more control bytes than text ever has.

    A stray NUL or two (hostile or corrupt text) is not enough: `normalise` drops them.
    """
    if head.startswith(_BINARY_MAGIC):
        return True
    controls = sum(head.count(bytes([b])) for b in (*range(0, 8), *range(14, 27), *range(28, 32)))
    return controls > max(2, len(head) // 20)  # random bytes are 11% controls; text with junk, a few


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark: ASCII-heavy text has a NUL in every other byte."""
    if len(data) % 2:
        return None
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros > len(head) // 4 and other == 0:  # over half the characters ASCII, none of them NUL
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def normalise(text: str) -> str:
    """Unify line ends and odd whitespace, drop control characters; never adds or removes a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return scrub(text)


# htmldate's settings (through trafilatura), for pages whose metadata states no date
# (pagemeta.stated_date comes first): trafilatura's own, but keeping any time and offset so
# the analysis files the article under its day in site.timezone. A page that gives only a
# day yields a naive midnight: that day.
DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def html_to_text(html: str, shown: str) -> tuple[tuple[tuple[str, object], ...], str]:
    """The article out of a saved web page, through trafilatura (imported lazily: it is slow to load)."""
    import trafilatura

    try:
        tree = trafilatura.load_html(html)  # parsed once; the page's own metadata is read first, as extraction may prune the tree
        extracted = None
        if tree is not None:
            stated, meta_authors = pagemeta.stated_date(tree), pagemeta.stated_authors(tree)
            extracted = trafilatura.bare_extraction(
                tree, with_metadata=True, include_comments=False, favor_precision=True, date_extraction_params=DATE_PARAMS
            )
    except Exception as exc:  # trafilatura raises many kinds on malformed pages
        raise ArticleError(f"could not extract an article from this HTML page ({exc})", path=shown)
    if extracted is None:
        raise ArticleError("no article text found in this HTML page; save the article page itself, not an index", path=shown)
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = scrub(data.get("text") or "").strip()  # entities such as &#x202e; decode to characters we never show
    if not body:
        raise ArticleError("no article text found in this HTML page", path=shown)
    data["date"] = stated or _heuristic_day(data.get("date"))
    data["author"] = data.get("author") or "; ".join(meta_authors)
    front: list[tuple[str, object]] = []
    for key, name in (("title", "title"), ("author", "authors"), ("date", "date"), ("sitename", "outlet"), ("url", "url")):
        value = scrub(str(data.get(key) or "")).strip()
        if value:
            front.append((name, [a.strip() for a in value.split(";") if a.strip()] if name == "authors" else value))
    # Blank lines between blocks, as in scraped text, so the clean stage sees paragraphs.
    return tuple(front), "\n\n".join(line for line in body.split("\n") if line.strip())


_NEW_YEAR_MIDNIGHT = re.compile(r"\d{4}-01-01T00:00:00")


def _heuristic_day(date: object) -> object:
    """htmldate's guess for a page that states no date in its metadata, unless it is 1 January
    at midnight: htmldate's default when all it found is a copyright year ("© 2022" in the
    footer), a year and not a day. The text's own date clues decide instead."""
    return None if isinstance(date, str) and _NEW_YEAR_MIDNIGHT.fullmatch(date) else date


def _shown(path: Path, root: Path) -> str:
    try:
        text = path.relative_to(root).as_posix() if root != Path(".") else path.as_posix()
    except ValueError:
        text = path.as_posix()
    return printable_name(text)


def printable_name(text: str) -> str:
    """A file name as it can be shown and written: undecodable bytes (kept by Python as lone
    surrogates, which cannot be written as UTF-8), control characters (a newline would split
    a message) and bidirectional overrides (which make "x\u202egnp.txt" read "xtxt.png") become �."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _UNPRINTABLE.sub("\ufffd", text)
