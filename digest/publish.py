"""`digest publish`: build the site and push it to a gh-pages branch.

It works the way ghp-import and `mkdocs gh-deploy` do: the built folder becomes the
*whole* tree of a new commit whose parent is the branch's tip, so the branch keeps its
history and the push is a plain fast-forward (never a force push). The commit is made
with git plumbing and a throw-away index (hash-object, update-index, write-tree,
commit-tree, update-ref), so the user's working tree, index and current branch are never
touched. Only the built site is committed, plus `.nojekyll` (else GitHub Pages runs
Jekyll, which drops files starting with "_") and `CNAME` when the site has a domain.

Decisions:
- Article errors: publishing would replace the live site with one missing the failed
  articles, so publish refuses with exit 1 and commits nothing; `--force` publishes the
  site built from the other articles. A build with no articles is refused the same way
  (it would blank the live site).
- base_url: --base-url or $DIGEST_BASE_URL, else site.base_url, else https://DOMAIN/ when
  there is a CNAME, else the GitHub Pages address of a github.com remote
  (https://USER.github.io/REPO/), said so on stderr; else empty, with a warning (pages
  link relatively and work; feeds and the sitemap need an absolute address).
- CNAME: --cname DOMAIN writes it; else a CNAME the build produced; else the CNAME on the
  branch's tip is kept, so a custom domain survives every publish.
- The parent is the local branch or REMOTE/BRANCH (fetched first), whichever is ahead, so
  a fresh clone publishes on top of the remote history; if they diverged, publish refuses
  rather than drop commits.
- --dry-run builds into a temporary folder and only reads from git (ls-remote).
- Credentials are git's business: push runs with the user's own git config and helpers.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from digest import __version__
from digest.errors import EXIT_ARTICLE_ERRORS, EXIT_OK, DigestError
from digest.publish_workflow import GITHUB_WORKFLOW

DEFAULT_REMOTE = "origin"
DEFAULT_BRANCH = "gh-pages"
DEFAULT_MESSAGE = f"Publish site with digest {__version__}"
SHOWN_ERRORS = 10


class PublishError(DigestError):
    """publish refused or git failed; nothing was pushed."""


class UnpublishableBuild(PublishError):
    """The build had article errors or no articles; --force publishes anyway."""

    exit_code = EXIT_ARTICLE_ERRORS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="config file (default: ./config.toml)")
    parser.add_argument("--remote", default=DEFAULT_REMOTE, help=f"git remote to push to (default: {DEFAULT_REMOTE})")
    parser.add_argument("--branch", default=DEFAULT_BRANCH, help=f"branch that holds the site (default: {DEFAULT_BRANCH})")
    parser.add_argument("-m", "--message", default=DEFAULT_MESSAGE, help=f'commit message (default: "{DEFAULT_MESSAGE}")')
    parser.add_argument("--cname", default=None, metavar="DOMAIN", help="custom domain to write to CNAME (default: keep the branch's CNAME)")
    parser.add_argument(
        "--base-url", default=os.environ.get("DIGEST_BASE_URL"), metavar="URL", help="site.base_url for this build (default: $DIGEST_BASE_URL, else config)"
    )
    parser.add_argument("--force", action="store_true", help="publish even if some articles failed to build")
    parser.add_argument("--dry-run", action="store_true", help="show what would be committed and pushed; change nothing")


def run(args: argparse.Namespace) -> int:
    from digest.config import load_config

    git = Git.find()
    config = load_config(args.config, base_url=args.base_url)
    repo = git.repository(config.root)
    remote_url = repo.remote_url(args.remote)
    repo.refuse_tracked(config.output)
    repo.refuse_checked_out(args.branch)
    remote_tip = repo.remote_tip(args.remote, args.branch)
    if remote_tip and not args.dry_run:
        repo.fetch(args.remote, args.branch)
    parent = repo.parent(args.remote, args.branch, remote_tip)
    cname = _clean_cname(args.cname) if args.cname else repo.read(parent, "CNAME")
    base_url, note = choose_base_url(config.base_url, cname, remote_url, args.remote)
    if note:
        print(note, file=sys.stderr)
    config = dataclasses.replace(config, base_url=base_url)
    if args.dry_run:
        with tempfile.TemporaryDirectory(prefix="digest-publish-") as tmp:
            config = dataclasses.replace(config, output=Path(tmp) / "site")
            _build_checked(config, args.force)
            files, extra = _site_tree(config.output, cname, bool(args.cname))
        shown = f" with CNAME {extra['CNAME'].decode().strip()}" if "CNAME" in extra else ""
        print(
            f"Would commit {_count(files, extra)} as the whole tree of branch {args.branch!r} "
            f"({_on_top(parent)}) and push it to {args.remote} ({remote_url}){shown}"
        )
        print("Dry run: nothing was committed or pushed.")
        return EXIT_OK
    _build_checked(config, args.force)
    files, extra = _site_tree(config.output, cname, bool(args.cname))
    tree = repo.write_tree(config.output, files, extra)
    commit = repo.commit(tree, parent, args.message)
    repo.update_branch(args.branch, commit)  # also catches up a local branch that was behind the remote
    if commit == parent:
        print(f"Branch {args.branch!r} already holds this site ({commit[:7]}); nothing new to commit.")
    else:
        print(f"Committed {_count(files, extra)} to branch {args.branch!r} ({commit[:7]}, {_on_top(parent)}).")
    repo.push(args.remote, args.branch, commit)
    print(f"Published to {args.remote}/{args.branch}" + (f": {base_url}" if base_url else "."))
    if remote_tip is None:
        print(f"First publish: in the repository's Settings > Pages, choose \"Deploy from a branch\", {args.branch} / (root).")
    return EXIT_OK


def _build_checked(config, force: bool) -> None:
    """Build, and refuse a build that would hurt the live site unless forced."""
    report = _build(config)
    for error in report.errors[:SHOWN_ERRORS]:
        print(f"error: {error}", file=sys.stderr)
    if len(report.errors) > SHOWN_ERRORS:
        print(f"error: ({len(report.errors) - SHOWN_ERRORS} more; run digest build to see them all)", file=sys.stderr)
    if report.warnings:
        print(f"{len(report.warnings)} build warnings (run digest build -v to see them)", file=sys.stderr)
    print(report.summary_line(config.output))
    if not force and report.errors:
        raise UnpublishableBuild(
            f"not publishing: {len(report.errors)} article(s) failed to build, and the live site would lose them; "
            "fix them (see the errors above) or run digest publish --force to publish the other articles"
        )
    if not force and not report.articles:
        raise UnpublishableBuild(
            "not publishing: the build has no articles, so the live site would be emptied; "
            "add articles to the content folders in config.toml, or run digest publish --force"
        )


def _site_tree(output: Path, cname: str | None, cname_given: bool) -> tuple[list[str], dict[str, bytes]]:
    """The built files to commit, and the files publish adds (.nojekyll, CNAME)."""
    files = site_files(output)
    if not files:
        raise PublishError(f"nothing to publish: the build wrote no files into {output}")
    extra = {".nojekyll": b""}
    # CNAME: the flag wins, then one the build wrote, then the one already on the branch.
    if cname and (cname_given or "CNAME" not in files):
        extra["CNAME"] = f"{cname}\n".encode()
    return [f for f in files if f not in extra], extra


def _build(config):
    from digest.build import build  # imported here: publish's git checks should not wait on the pipeline

    return build(config)


def site_files(folder: Path) -> list[str]:
    """Every regular file under `folder`, as sorted POSIX paths (a stray .git is skipped)."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        for name in filenames:
            path = Path(dirpath, name)
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)


_GITHUB_REMOTE = re.compile(
    r"^(?:https?://(?:[^@/]+@)?github\.com/|(?:ssh://)?git@github\.com[:/])([A-Za-z0-9-]+)/([\w.-]+?)(?:\.git)?/?$", re.I
)


def github_pages_url(remote_url: str) -> str | None:
    """https://USER.github.io/REPO/ for a github.com remote, else None."""
    match = _GITHUB_REMOTE.match(remote_url.strip())
    if not match:
        return None
    user, repo = match.group(1).lower(), match.group(2)
    if repo.lower() == f"{user}.github.io":  # a user site is served from the root
        return f"https://{user}.github.io/"
    return f"https://{user}.github.io/{repo}/"


def choose_base_url(configured: str, cname: str | None, remote_url: str, remote: str) -> tuple[str, str | None]:
    """The base_url to build with, and a note saying where it came from when not configured."""
    if configured:
        return configured, None
    if cname:
        url = f"https://{cname}/"
        return url, f"note: site.base_url is not set; using {url} from CNAME for feeds and the sitemap"
    derived = github_pages_url(remote_url)
    if derived:
        return derived, (
            f"note: site.base_url is not set; using {derived}, the GitHub Pages address of {remote}, "
            "for feeds and the sitemap (set site.base_url in config.toml to change it)"
        )
    return "", (
        "warning: site.base_url is empty: the pages work, but feeds and the sitemap need the site's "
        "absolute address; set site.base_url in config.toml or pass --base-url URL"
    )


def _clean_cname(value: str) -> str:
    domain = value.strip().removeprefix("https://").removeprefix("http://").rstrip("/")
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", domain) or "." not in domain:
        raise PublishError(f"--cname {value!r} is not a domain name; pass one such as news.example.com")
    return domain


def _count(files: list[str], extra: dict[str, bytes]) -> str:
    return f"{len(files)} site files + {', '.join(sorted(extra))}"


def _on_top(parent: str | None) -> str:
    return f"on top of {parent[:7]}" if parent else "its first commit"


class Git:
    """The user's git, found on PATH; every failure becomes a PublishError."""

    def __init__(self, exe: str, cwd: Path):
        self.exe = exe
        self.cwd = cwd

    @classmethod
    def find(cls) -> Git:
        exe = shutil.which("git")
        if exe is None:
            raise PublishError("git is not installed (or not on PATH); install it from https://git-scm.com and run digest publish again")
        return cls(exe, Path("."))

    def run(self, *args: str, data: bytes | None = None, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            [self.exe, *args], cwd=self.cwd, input=data, capture_output=True, env={**os.environ, **(env or {})}
        )
        if check and proc.returncode != 0:
            raise PublishError(f"git {args[0]} failed: {proc.stderr.decode(errors='replace').strip()}")
        return proc

    def out(self, *args: str, **kw) -> str:
        return self.run(*args, **kw).stdout.decode(errors="replace").strip()

    def maybe(self, *args: str) -> str | None:
        proc = self.run(*args, check=False)
        return proc.stdout.decode(errors="replace").strip() if proc.returncode == 0 else None

    def repository(self, folder: Path) -> Repo:
        probe = Git(self.exe, folder)
        top = probe.maybe("rev-parse", "--show-toplevel")
        if not top:
            raise PublishError(
                f"{folder.resolve()} is not in a git repository; run `git init` there, commit your sources and "
                "`git remote add origin https://github.com/USER/REPO.git`, then publish again"
            )
        return Repo(self.exe, Path(top))


class Repo(Git):
    """Plumbing on one repository; never touches its working tree, index or HEAD."""

    def remote_url(self, remote: str) -> str:
        url = self.maybe("remote", "get-url", remote)
        if url is None:
            names = self.out("remote").split()
            known = f" (this repository has: {', '.join(names)}; choose one with --remote NAME)" if names else ""
            raise PublishError(
                f"no git remote named {remote!r}{known}; add it with `git remote add {remote} https://github.com/USER/REPO.git`"
            )
        return url

    def refuse_tracked(self, output: Path) -> None:
        relative = os.path.relpath(output.resolve(), self.cwd.resolve())
        if relative.startswith(".."):
            return  # outside the repository: git cannot track it
        if self.out("ls-files", "--", relative):
            raise PublishError(
                f"the output folder {relative}/ is committed in your source branch; publish puts the site on its own "
                f"branch instead. Run `git rm -r --cached {relative}`, add `{relative}/` to .gitignore, commit, and publish again"
            )

    def refuse_checked_out(self, branch: str) -> None:
        listing = self.out("worktree", "list", "--porcelain")
        if f"branch refs/heads/{branch}" in listing.splitlines():
            raise PublishError(
                f"branch {branch!r} is checked out, and publishing replaces its files; "
                f"switch to your source branch (git switch main) or publish to another branch with --branch"
            )

    def remote_tip(self, remote: str, branch: str) -> str | None:
        proc = self.run("ls-remote", "--heads", remote, f"refs/heads/{branch}", check=False)
        if proc.returncode != 0:
            message = proc.stderr.decode(errors="replace").strip()
            raise PublishError(f"cannot reach remote {remote!r}: {message}; check `git remote -v` and your network")
        line = proc.stdout.decode().strip()
        return line.split()[0] if line else None

    def fetch(self, remote: str, branch: str) -> None:
        self.run("fetch", "--quiet", "--no-tags", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")

    def parent(self, remote: str, branch: str, remote_tip: str | None) -> str | None:
        """The commit the new one goes on top of: the local branch or the remote's, whichever is ahead."""
        local = self.maybe("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}^{{commit}}")
        if remote_tip is None or remote_tip == local:
            return local
        if local is None or self.maybe("cat-file", "-e", f"{remote_tip}^{{commit}}") is None:
            return remote_tip if local is None else local  # dry run: the remote tip was not fetched
        if self._is_ancestor(remote_tip, local):
            return local
        if self._is_ancestor(local, remote_tip):
            return remote_tip
        raise PublishError(
            f"your local {branch!r} and {remote}/{branch} have diverged; to publish on top of the remote run "
            f"`git branch -f {branch} {remote}/{branch}` (it drops the local-only site commits), then publish again"
        )

    def _is_ancestor(self, older: str, newer: str) -> bool:
        return self.run("merge-base", "--is-ancestor", older, newer, check=False).returncode == 0

    def read(self, commit: str | None, path: str) -> str | None:
        if commit is None:
            return None
        text = self.maybe("cat-file", "blob", f"{commit}:{path}")
        return (text or "").strip() or None

    def write_tree(self, folder: Path, files: list[str], extra: dict[str, bytes]) -> str:
        """A tree holding exactly `files` from `folder` plus `extra`, built in a private index."""
        entries: list[tuple[str, str]] = []
        plain = [f for f in files if "\n" not in f]  # --stdin-paths is line-based
        if plain:
            listing = "".join(f"{folder.absolute() / f}\n" for f in plain).encode()
            ids = self.out("hash-object", "-w", "--no-filters", "--stdin-paths", data=listing).split()
            entries.extend(zip(plain, ids))
        for name in (f for f in files if "\n" in f):
            entries.append((name, self.out("hash-object", "-w", "--no-filters", "--", str(folder.absolute() / name))))
        for name, content in extra.items():
            entries.append((name, self.out("hash-object", "-w", "--stdin", data=content)))
        with tempfile.TemporaryDirectory(prefix="digest-index-") as tmp:
            index = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            info = "".join(f"100644 {oid}\t{name}\0" for name, oid in entries).encode()
            self.run("update-index", "--add", "-z", "--index-info", data=info, env=index)
            return self.out("write-tree", env=index)

    def commit(self, tree: str, parent: str | None, message: str) -> str:
        """A new commit of `tree` on `parent`; the parent itself when its tree is the same."""
        if parent and self.maybe("rev-parse", f"{parent}^{{tree}}") == tree:
            return parent
        source = self.maybe("rev-parse", "--short", "HEAD")
        body = f"{message}\n\nBuilt from {source}.\n" if source else f"{message}\n"
        return self.out("commit-tree", tree, *(["-p", parent] if parent else []), data=body.encode())

    def update_branch(self, branch: str, commit: str) -> None:
        old = self.maybe("rev-parse", "--verify", "--quiet", f"refs/heads/{branch}") or ""
        if old == commit:
            return
        self.run("update-ref", "-m", "digest publish", f"refs/heads/{branch}", commit, old)

    def push(self, remote: str, branch: str, commit: str) -> None:
        sys.stdout.flush()  # our lines first, then git's
        # Not captured: git's progress, credential prompts and rejection hints reach the user as-is.
        code = subprocess.run([self.exe, "push", remote, f"refs/heads/{branch}:refs/heads/{branch}"], cwd=self.cwd).returncode
        if code != 0:
            raise PublishError(
                f"git push {remote} {branch} failed (git's message is above). The site is committed on your local "
                f"branch {branch!r} ({commit[:7]}): fix the problem and run `git push {remote} {branch}`, or publish again"
            )


__all__ = ["DEFAULT_MESSAGE", "GITHUB_WORKFLOW", "PublishError", "add_arguments", "choose_base_url", "github_pages_url", "run", "site_files"]
