"""Stage: write. The only module that writes the site to disk.

The new site is written into a temporary folder beside the output folder and swapped
in with renames, so a reader (or a crash) sees the old site or the new one, never a mix.
The writer refuses a path outside the output folder, and the same path twice.

A writer given a `spare` (the site before last, which the previous writer in this process
kept instead of deleting it: see `SiteWriter.kept`) stages into it: a file that is already
the right one (the same inode as the page carried over) stays, the rest are replaced,
and files the new site does not have are removed. For a rebuild after one edit that is a
few file operations instead of linking and deleting every file of the site.
"""

from __future__ import annotations

import ctypes
import os
import posixpath
import sys
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from digest.errors import WriteError


class SiteWriter:
    """Writes one build's files into a staging folder, then swaps it in; refuses
    duplicates and escapes.

    Given the output folder up front, files are written as they are added, so a site of
    tens of thousands of pages is never held in memory at once; without it, they are
    kept until `commit(output)`.
    """

    def __init__(self, output: Path | None = None, *, protected: Iterable[Path] = (), spare: Path | None = None, keep: bool = False) -> None:
        self._folded: set[str] = set()  # "Test.html" and "test.html" collide on macOS and Windows
        self._pending: list[tuple[str, bytes | Path]] = []
        self._made: set[Path] = set()
        self._count = 0
        self._output: Path | None = None
        self._staging: Path | None = None
        self._keep = keep  # keep the replaced site as the next writer's spare
        self._spare: dict[str, tuple[int, bool]] | None = None  # what the recycled staging folder holds
        self._current: dict[str, tuple[int, bool]] = {}  # what the output folder holds, when recycling
        self._claimed: set[str] = set()
        self.kept: Path | None = None  # after commit: the replaced site, when kept
        if output is not None:
            self._begin(output, protected, spare)

    def _begin(self, output: Path, protected: Iterable[Path], spare: Path | None = None) -> None:
        check_output_folder(output, protected)
        self._output = output.absolute()
        self._output.parent.mkdir(parents=True, exist_ok=True)
        usable = spare is not None and spare.parent == self._output.parent and spare.name.startswith(f".{self._output.name}.tmp-")
        recover_output(self._output, keep=spare if usable else None)
        if usable and spare.is_dir() and not spare.is_symlink():
            self._staging, self._spare = spare, _entries(spare)
            self._current = _entries(self._output) if self._output.is_dir() else {}
        else:
            self._staging = Path(tempfile.mkdtemp(prefix=f".{self._output.name}.tmp-", dir=self._output.parent))

    def _claim(self, path: str) -> str:
        safe = safe_path(path)
        if safe.casefold() in self._folded:
            raise WriteError(f"two pages want the same output file {safe!r}; rename one of their sources")
        self._folded.add(safe.casefold())
        self._count += 1
        return safe

    def add(self, path: str, content: bytes) -> None:
        safe = self._claim(path)
        if self._staging is None:
            self._pending.append((safe, content))
        else:
            self._put(safe, content)

    def reuse(self, path: str, previous: Path) -> None:
        """Carry a file over from the previous build unchanged (hard-linked, not rewritten)."""
        safe = self._claim(path)
        if self._staging is None:
            self._pending.append((safe, previous))
        else:
            self._put(safe, previous)

    def add_all(self, files: Mapping[str, bytes]) -> None:
        for path in sorted(files):
            self.add(path, files[path])

    def _put(self, path: str, content: bytes | Path) -> None:
        assert self._staging is not None
        if self._spare is not None and not self._recycle(path, content):
            return
        target = self._staging / path
        if target.parent not in self._made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(target.parent)
        if isinstance(content, Path):
            try:
                os.link(content, target)  # the old site is never edited in place
            except OSError:
                shutil.copy2(content, target)
        else:
            target.write_bytes(content)

    def commit(self, output: Path | None = None, *, protected: Iterable[Path] = ()) -> int:
        """Swap the staged site in atomically; returns the number of files in it."""
        try:
            if self._staging is None:
                if output is None:
                    raise ValueError("commit() needs the output folder when the writer was made without one")
                self._begin(output, protected)
            for path, content in self._pending:
                self._put(path, content)
            self._pending.clear()
            assert self._staging is not None and self._output is not None
            if self._spare is not None:
                self._drop_unclaimed()
            self.kept = _swap(self._staging, self._output, keep=self._keep)
        except BaseException:
            self.abort()
            raise
        self._staging = None
        return self._count

    def _recycle(self, path: str, content: bytes | Path) -> bool:
        """Make room for `path` in the recycled staging folder; False when the file there
        is already the one to carry over. Nothing is written into an existing file: it may
        be linked from the site being served."""
        assert self._spare is not None and self._staging is not None and self._output is not None
        self._claimed.add(path)
        parts = path.split("/")
        for depth in range(1, len(parts)):  # a file where a folder is needed goes
            parent = "/".join(parts[:depth])
            if parent in self._spare and not self._spare[parent][1]:
                _remove(self._staging / parent, False)
                del self._spare[parent]
        here = self._spare.pop(path, None)
        if here is None:
            return True
        if isinstance(content, Path) and not here[1] and _inode(content, self._output, path, self._current) == here[0]:
            return False
        _remove(self._staging / path, here[1])
        return True

    def _drop_unclaimed(self) -> None:
        """Remove what the spare holds and the new site does not (an article deleted since)."""
        assert self._spare is not None and self._staging is not None
        needed = {"/".join(p.split("/")[:d]) for p in self._claimed for d in range(1, p.count("/") + 1)}
        removed: set[str] = set()
        for path, (_, is_dir) in sorted(self._spare.items()):
            if is_dir and path in needed:
                continue
            parts = path.split("/")
            if any("/".join(parts[:d]) in removed for d in range(1, len(parts))):
                continue  # inside a folder already removed
            _remove(self._staging / path, is_dir)
            if is_dir:
                removed.add(path)
        self._spare = None

    def abort(self) -> None:
        """Drop the staged files; the old site stays as it was (a recycled spare goes too)."""
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


def _entries(folder: Path) -> dict[str, tuple[int, bool]]:
    """Every file and folder under `folder`: relative path -> (inode, is a folder). The
    directory listing gives both, so no file is stat-ed."""
    found: dict[str, tuple[int, bool]] = {}
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, here = pending.pop()
        with os.scandir(here) as listing:
            for entry in listing:
                rel = prefix + entry.name
                is_dir = entry.is_dir(follow_symlinks=False)
                found[rel] = (entry.inode(), is_dir)
                if is_dir:
                    pending.append((rel + "/", entry.path))
    return found


def _inode(content: Path, output: Path, path: str, current: dict[str, tuple[int, bool]]) -> int | None:
    """The inode of a file carried over: from the listing of the output folder when it is
    that folder's own file (it always is in a build), else from the file itself."""
    if os.path.abspath(content) == os.path.join(output, path):
        entry = current.get(path)
        return entry[0] if entry is not None and not entry[1] else None
    try:
        return os.stat(content).st_ino
    except OSError:
        return None


def _remove(target: Path, is_dir: bool) -> None:
    try:
        if is_dir:
            shutil.rmtree(target)
        else:
            os.unlink(target)
    except FileNotFoundError:
        pass


def safe_path(path: str) -> str:
    """A normalised relative POSIX path inside the output folder, or WriteError."""
    if "\x00" in path or "\\" in path:
        raise WriteError(f"refusing to write {path!r}: invalid characters in the path")
    normal = posixpath.normpath(path)
    if normal.startswith(("/", "../")) or normal in ("..", ".", ""):
        raise WriteError(f"refusing to write {path!r}: it is outside the output folder")
    return normal


def check_output_folder(output: Path, protected: Iterable[Path]) -> None:
    """Refuse to replace a folder that holds sources (or is home, or the project itself)."""
    resolved = output.resolve()
    for folder in [Path.home(), *protected]:
        folder = folder.resolve()
        if resolved == folder or resolved in folder.parents:
            raise WriteError(
                f"refusing to use {output} as the output folder: it contains {folder}; set build.output to a folder of its own such as \"site\""
            )


def _swap(staging: Path, output: Path, keep: bool = False) -> Path | None:
    """Put the staged site in place of the output folder.

    On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders in one atomic step, so
    there is no moment without a site. Elsewhere (or on filesystems without it) the old
    folder is renamed aside first; `recover_output` puts it back if a crash falls between
    the two renames. With `keep`, the replaced site is left in `staging` and returned
    (the next writer's spare) when the two folders were exchanged.
    """
    if output.exists() and not output.is_dir():
        raise WriteError(f"{output} exists and is not a folder; move it away or choose another output folder")
    os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a site folder must be readable
    if output.is_dir() and _exchange(staging, output):
        if keep:
            return staging  # it now holds the old site
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
        return None
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}.old")
        if old.exists():
            shutil.rmtree(old)
        os.replace(output, old)
    os.replace(staging, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return None


def recover_output(output: Path, keep: Path | None = None) -> None:
    """After a crash between the two renames, put the previous site back; remove staging
    folders left by a crash (or kept by a `digest serve` that has ended), except `keep`."""
    old = output.absolute().with_name(f".{output.name}.old")
    if old.is_dir() and not output.exists():
        os.replace(old, output)
    for stale in output.absolute().parent.glob(f".{output.name}.tmp-*"):
        if keep is None or stale.name != keep.name:
            shutil.rmtree(stale, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0
