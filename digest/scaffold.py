"""`digest init DIR`: a new briefing project that builds at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from digest.config import render_default_config
from digest.errors import DigestError

EXAMPLE_ARTICLE = """+++
title = "City council approves new riverside park"
date = {date}
outlet = "Example Gazette"
authors = ["Jane Reporter"]
+++

The city council voted 7 to 2 on Tuesday to turn the old freight yard by the river into a public park, ending a decade of debate over the site.

The plan sets aside 12 hectares for playing fields, a wetland garden and a cycle path that links the two bridges downtown.

"This is the biggest new green space the city has seen in fifty years," Mayor Ana Ruiz said after the vote. "Families on the east side have waited far too long."

Councillor Tom Becker, who voted against the plan, said the cost estimate of 40 million was "wildly optimistic" and asked for an independent review.

Construction is expected to start next spring and to take about two years.

## What comes next

The parks department will publish detailed drawings in the coming weeks and hold three public meetings before the design is final, a spokeswoman said.
"""

GITIGNORE = "site/\n.digest-cache/\n"


def init_project(folder: Path, *, github_actions: bool = False) -> list[str]:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise DigestError(f"{folder} already exists and is not empty; choose a new folder name")
    folder.mkdir(parents=True, exist_ok=True)
    config = render_default_config().replace('content = ["seeds"]', 'content = ["content"]')
    config = config.replace('title = "News briefing"', f'title = "{folder.resolve().name.replace(chr(34), "")} briefing"')
    (folder / "config.toml").write_text(config, encoding="utf-8")
    (folder / "content").mkdir()
    today = dt.date.today().isoformat()
    (folder / "content" / f"{today}-riverside-park.md").write_text(EXAMPLE_ARTICLE.format(date=today), encoding="utf-8")
    (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    created = ["config.toml", f"content/{today}-riverside-park.md", ".gitignore"]
    if github_actions:
        from digest.publish_workflow import GITHUB_WORKFLOW, WORKFLOW_PATH

        workflow = folder / WORKFLOW_PATH
        workflow.parent.mkdir(parents=True)
        workflow.write_text(GITHUB_WORKFLOW, encoding="utf-8")
        created.append(WORKFLOW_PATH)
    return created
