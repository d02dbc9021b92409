"""One small exception hierarchy; its base doubles as the CLI exit.

A DigestError carries a user-facing message (``path:line: what is wrong and how to fix
it``) and an exit code. The CLI prints the message without a traceback.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ARTICLE_ERRORS = 1
EXIT_USAGE = 2


class DigestError(Exception):
    """A problem the user can fix; printed as a plain message, never a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return located(self.message, self.path, self.line)


class ConfigError(DigestError):
    """config.toml is missing, unreadable or does not match the schema."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def __str__(self) -> str:
        return "\n".join(self.problems)


class ThemeError(DigestError):
    """A template is missing or does not compile."""


class ArticleError(DigestError):
    """One article could not be read or analysed; the others still build."""

    exit_code = EXIT_ARTICLE_ERRORS


class WriteError(DigestError):
    """The writer refused (same path twice, path outside the output folder)."""


def located(message: str, path: str | None, line: int | None = None) -> str:
    if path is None:
        return message
    if line is None:
        return f"{path}: {message}"
    return f"{path}:{line}: {message}"


def toml_problem(exc: Exception, text: str) -> tuple[str, int | None]:
    """tomllib's message without its position, and the 1-based line it points at.

    Python 3.11's TOMLDecodeError carries the position only inside its message:
    "(at line 2, column 9)" or "(at end of document)".
    """
    import re

    message = str(exc)
    match = re.search(r"\s*\(at line (\d+), column \d+\)", message)
    if match:
        return message[: match.start()], int(match.group(1))
    if message.endswith("(at end of document)"):
        return message.removesuffix("(at end of document)").rstrip(), text.rstrip("\n").count("\n") + 1
    return message, None
