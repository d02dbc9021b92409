"""Stage: write. The only module that writes the site to disk.

The new site is written into a temporary folder beside the output folder and swapped
in with renames, so a reader (or a crash) sees the old site or the new one, never a mix.
The writer refuses a path outside the output folder, and the same path twice.
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

    def __init__(self, output: Path | None = None, *, protected: Iterable[Path] = ()) -> None:
        self._folded: set[str] = set()  # "Test.html" and "test.html" collide on macOS and Windows
        self._pending: list[tuple[str, bytes | Path]] = []
        self._made: set[Path] = set()
        self._count = 0
        self._output: Path | None = None
        self._staging: Path | None = None
        if output is not None:
            self._begin(output, protected)

    def _begin(self, output: Path, protected: Iterable[Path]) -> None:
        check_output_folder(output, protected)
        self._output = output.absolute()
        self._output.parent.mkdir(parents=True, exist_ok=True)
        recover_output(self._output)
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
            _swap(self._staging, self._output)
        except BaseException:
            self.abort()
            raise
        self._staging = None
        return self._count

    def abort(self) -> None:
        """Drop the staged files; the old site stays as it was."""
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None


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


def _swap(staging: Path, output: Path) -> None:
    """Put the staged site in place of the output folder.

    On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders in one atomic step, so
    there is no moment without a site. Elsewhere (or on filesystems without it) the old
    folder is renamed aside first; `recover_output` puts it back if a crash falls between
    the two renames.
    """
    if output.exists() and not output.is_dir():
        raise WriteError(f"{output} exists and is not a folder; move it away or choose another output folder")
    os.chmod(staging, 0o755)  # mkdtemp makes it 0700; a site folder must be readable
    if output.is_dir() and _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
        return
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}.old")
        if old.exists():
            shutil.rmtree(old)
        os.replace(output, old)
    os.replace(staging, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def recover_output(output: Path) -> None:
    """After a crash between the two renames, put the previous site back."""
    old = output.absolute().with_name(f".{output.name}.old")
    if old.is_dir() and not output.exists():
        os.replace(old, output)
    for stale in output.absolute().parent.glob(f".{output.name}.tmp-*"):
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
