"""The GitHub Actions workflow `digest init` writes on request (.github/workflows/pages.yml).

The other way to publish: GitHub builds the site on every push to main and deploys it with
the Pages artifact actions, so no gh-pages branch is needed (Settings → Pages → Source:
"GitHub Actions"). The site's address comes from actions/configure-pages and reaches the
build through DIGEST_BASE_URL, which `digest build` reads like --base-url, so config.toml
does not have to know where the site lives.
"""

from __future__ import annotations

from digest import __version__

WORKFLOW_PATH = ".github/workflows/pages.yml"

# What the workflow pip-installs. The PyPI name "digest" may belong to another project:
# change this one line when the package's published name or git URL is settled.
INSTALL_REQUIREMENT = f"digest=={__version__}"

# Kept as plain text (not generated from a dict) so the file the user gets is commented
# and reads like a hand-written workflow.
GITHUB_WORKFLOW = f"""\
# Build the briefing with digest and publish it on GitHub Pages.
# One-time setup: in the repository's Settings > Pages, set "Source" to "GitHub Actions".
name: Publish briefing

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits instead of cancelling a running deploy.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"

      # The digest you build with locally; use a git URL here if you install it from source.
      - name: Install digest
        run: python -m pip install "{INSTALL_REQUIREMENT}"

      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v5

      # A failing article fails the job, and the live site stays as it was.
      - name: Build the site
        run: digest build
        env:
          DIGEST_BASE_URL: ${{{{ steps.pages.outputs.base_url }}}}/

      # The folder digest builds into (build.output in config.toml).
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site/

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v4
"""

__all__ = ["GITHUB_WORKFLOW", "INSTALL_REQUIREMENT", "WORKFLOW_PATH"]
