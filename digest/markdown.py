"""The markdown-it-py seam: Markdown body → plain text lines + HTML.

The plain text keeps every block on its source line (so line numbers in messages and
anchors match the file); headings keep their leading ``#`` so the body builder can mark
them as structure.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})  # raw HTML in articles is not trusted


def markdown_to_text(body: str, line_offset: int) -> tuple[str, str]:
    md = _parser()
    tokens = md.parse(body)
    total = line_offset + body.count("\n") + 1
    lines = [""] * total
    pending_heading = 0
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            pending_heading = int(token.tag[1:])
        if token.type != "inline" or token.map is None:
            continue
        text = _inline_text(token)
        if not text.strip():
            continue
        parent = tokens[index - 1].type if index else ""
        if parent == "heading_open":
            text = "#" * pending_heading + " " + text
        lines[line_offset + token.map[0]] = text
    return "\n".join(lines), md.render(body)


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()
