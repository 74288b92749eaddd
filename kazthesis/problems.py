"""Problems found in a student's input, collected and reported together.

Every message the tool shows about input reads
``FILE:LINE: error|warning: what is wrong — what to do``. Stages never print
and never raise on bad input: they add a :class:`Problem` to a
:class:`Problems` list and go on, so that one run reports everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kazthesis.i18n import ngettext

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, with where it is and what to do."""

    severity: Severity
    path: str  # relative to the project folder where possible
    line: int | None  # 1-based; None when the problem concerns a whole file
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return problem_line(self.path if self.line is None else f"{self.path}:{self.line}", self.severity,
                            self.message, self.hint)


def problem_line(where: str | Path, severity: Severity, message: str, hint: str = "") -> str:
    """``FILE:LINE: error: what is wrong — what to do``: ``error`` and ``warning`` stay English in every language,
    so that editors still find the line."""
    text = f"{where}: {severity}: {message}"
    return f"{text} — {hint}" if hint else text


def count_errors(number: int) -> str:
    return ngettext("{n} error", "{n} errors", number).format(n=number)


def count_warnings(number: int) -> str:
    return ngettext("{n} warning", "{n} warnings", number).format(n=number)


def summary(problems: Problems) -> str:
    """``1 error, 2 warnings``."""
    return f"{count_errors(len(problems.errors))}, {count_warnings(len(problems.warnings))}"


@dataclass
class Problems:
    """An ordered collection of problems; stages append, the CLI reports."""

    root: Path | None = None
    items: list[Problem] = field(default_factory=list)

    def _rel(self, path: str | Path) -> str:
        p = Path(path)
        if self.root is not None and p.is_absolute():
            try:
                return str(p.relative_to(self.root))
            except ValueError:
                pass
        return str(path)

    def error(self, path: str | Path, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem("error", self._rel(path), line, message, hint))

    def warning(self, path: str | Path, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem("warning", self._rel(path), line, message, hint))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
