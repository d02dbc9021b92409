"""Old name of bench/summaries.py, kept so existing notes and commands still work.

    python bench/summarize.py [same options as bench/summaries.py]
"""

from __future__ import annotations

import runpy
from pathlib import Path

if __name__ == "__main__":
    runpy.run_path(str(Path(__file__).with_name("summaries.py")), run_name="__main__")
