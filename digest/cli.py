"""The command line: digest build | init | inspect | serve | clean.

Exit codes: 0 success, 1 the build finished but some articles failed, 2 usage or
config error. User mistakes print one plain message, never a traceback (unless --debug).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from digest import __version__
from digest.executors import EXECUTORS
from digest.errors import EXIT_ARTICLE_ERRORS, EXIT_OK, EXIT_USAGE, DigestError

SHOWN_WARNINGS = 10


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except DigestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in digest, not the user's mistake: say so, no traceback
        if getattr(args, "debug", False):
            raise
        print(
            f"error: internal error ({type(exc).__name__}: {exc}); run again with --debug for the traceback and please report it",
            file=sys.stderr,
        )
        return EXIT_ARTICLE_ERRORS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description="Static-site generator for news briefings.")
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", help="build the briefing site", description="Build the site from the content folders in config.toml.")
    _common_build_args(build)
    build.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    build.set_defaults(run=_run_build)

    init = sub.add_parser("init", help="create a new briefing project", description="Scaffold a project that builds at once.")
    init.add_argument("dir", type=Path, help="folder to create (may exist if empty)")
    init.add_argument(
        "--github-actions", action="store_true", help="also write .github/workflows/pages.yml to publish from GitHub Actions"
    )
    init.set_defaults(run=_run_init)

    inspect = sub.add_parser(
        "inspect", help="show what the pipeline makes of articles", description="Analyse articles without building a site."
    )
    inspect.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    inspect.add_argument("--json", action="store_true", help="one JSON object per article per line")
    inspect.add_argument("--config", type=Path, default=None, help="config file for summary settings (default: ./config.toml)")
    inspect.set_defaults(run=_run_inspect)

    serve = sub.add_parser(
        "serve", help="build, serve and rebuild on change", description="Build the site, serve it on 127.0.0.1 and rebuild live as files change."
    )
    from digest import serve as serve_command  # light: the build is imported when serving starts

    serve_command.add_arguments(serve)
    serve.set_defaults(run=serve_command.run)

    publish = sub.add_parser(
        "publish", help="build and push the site to GitHub Pages", description="Build, commit the site to the gh-pages branch and push it."
    )
    from digest import publish as publish_command  # light: imports git helpers only

    publish_command.add_arguments(publish)
    publish.set_defaults(run=publish_command.run)

    clean = sub.add_parser("clean", help="delete the output folder and the analysis cache")
    clean.add_argument("--config", type=Path, default=None, help="config file (default: ./config.toml)")
    clean.set_defaults(run=_run_clean)
    return parser


def _common_build_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="config file (default: ./config.toml)")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (overrides build.output)")
    parser.add_argument(
        "--base-url", default=os.environ.get("DIGEST_BASE_URL"), metavar="URL", help="site.base_url for this build (default: $DIGEST_BASE_URL, else config)"
    )
    loud = parser.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="print only errors and the closing line")
    loud.add_argument("-v", "--verbose", action="store_true", help="print every warning and what was cached")
    parser.add_argument("--no-cache", action="store_true", help="re-analyse every article")
    parser.add_argument(
        "--executor", choices=EXECUTORS, default="auto", help="how to run the per-article analysis (auto: a process pool for big builds)"
    )
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: one per core)")
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler for the analysis, e.g. tcp://host:8786 (implies --executor dask; default: $DASK_SCHEDULER_ADDRESS, else a local cluster)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")


def _run_build(args: argparse.Namespace) -> int:
    from digest.build import build
    from digest.config import load_config

    config = load_config(args.config, output=args.out, base_url=args.base_url)
    report = build(config, use_cache=not args.no_cache, debug=args.debug, executor=args.executor, workers=args.jobs, scheduler=args.scheduler)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    if not args.quiet:
        limit = None if args.verbose else SHOWN_WARNINGS
        for warning in report.warnings[:limit]:
            print(f"warning: {warning}", file=sys.stderr)
        hidden = len(report.warnings) - SHOWN_WARNINGS
        if limit is not None and hidden > 0:
            print(f"warning: ({hidden} more; run with -v to see them all)", file=sys.stderr)
    if args.verbose:
        print(f"{report.cached} articles cached, {report.analysed} analysed; {report.pages_reused} pages unchanged, {report.files_written} files in the site")
    print(report.summary_line(config.output))
    if report.errors or (args.strict and report.warnings):
        return EXIT_ARTICLE_ERRORS
    return EXIT_OK


def _run_init(args: argparse.Namespace) -> int:
    from digest.scaffold import init_project

    created = init_project(args.dir, github_actions=args.github_actions)
    print(f"Created a briefing project in {args.dir} ({', '.join(created)}).")
    print(f"Next: cd {args.dir} && digest build")
    return EXIT_OK


def _run_inspect(args: argparse.Namespace) -> int:
    from digest.config import load_config
    from digest.inspection import inspect_paths

    config = load_config(args.config)
    failures = inspect_paths(args.paths, config, as_json=args.json, out=sys.stdout, err=sys.stderr)
    return EXIT_ARTICLE_ERRORS if failures else EXIT_OK


def _run_clean(args: argparse.Namespace) -> int:
    import shutil

    from digest.cache import CACHE_DIR
    from digest.config import load_config
    from digest.write import check_output_folder

    config = load_config(args.config)
    check_output_folder(config.output, (config.root, *config.content))
    for folder in (config.output, config.root / CACHE_DIR):
        if folder.is_dir():
            shutil.rmtree(folder)
            print(f"Removed {folder}")
    return EXIT_OK
