"""The project's source files as text → the stretch of a file that a printed unit comes from.

A unit knows the line it starts at; :func:`region` finds where it ends, as
Markdown does: a heading, a table row, a line of code or a setting is one line;
a paragraph, a list item or a footnote runs to the blank line (a list item
also to the next item, a footnote on through its indented lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

BOM = b"\xef\xbb\xbf"
ONE_LINE = {"heading", "cell", "code", "title", "setting", "caption"}
BLOCK_START_RE = re.compile(r"^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}\s|>|\||```|~~~|\[\^[^\]]+\]:)")
NOTE_START_RE = re.compile(r"^\[\^[^\]]+\]:\s?")


@dataclass
class SourceFile:
    """A source file's text and where each of its lines starts."""

    path: str  # relative to the project folder
    text: str  # as in the file: its own line ends kept
    bom: bool = False
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]

    @property
    def lines(self) -> int:
        return len(self.starts)

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of line ``line`` (1-based), without its line end."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        low, high = 0, len(self.starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1


class Sources:
    """The project's text files, read once each (None for one that cannot be read)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, SourceFile | None] = {}

    def get(self, path: str) -> SourceFile | None:
        if path not in self.files:
            self.files[path] = read_source(self.root, path)
        return self.files[path]


def read_source(root: Path, path: str) -> SourceFile | None:
    try:
        data = (root / path).read_bytes()
    except OSError:
        return None
    try:
        text = data.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError:
        return None  # the build names the bad bytes
    return SourceFile(path, text, data.startswith(BOM))


def encoded(source: SourceFile, text: str) -> bytes:
    """New text for ``source``'s file, as that file was written (its byte-order mark kept)."""
    return (BOM if source.bom else b"") + text.encode("utf-8")


def region(source: SourceFile, line: int, kind: str) -> tuple[int, int]:
    """Offsets of the Markdown block of ``kind`` that starts at ``line``."""
    if line < 1 or line > source.lines:
        return 0, 0
    start, end = source.line_span(line)
    if kind in ONE_LINE:
        return start, end
    note = NOTE_START_RE.match(source.line_text(line)) is not None
    number = line + 1
    while number <= source.lines:
        text = source.line_text(number)
        if not text.strip():
            following = source.line_text(number + 1) if number < source.lines else ""
            if note and following.startswith(("    ", "\t")):
                number += 1
                continue
            break
        if BLOCK_START_RE.match(text) and not (note and text.startswith(("    ", "\t"))):
            break  # the next block: a list item (a nested one too), a heading, a table, a fence, a note
        end = source.line_span(number)[1]
        number += 1
    return start, end


def block_end_line(source: SourceFile, line: int, kind: str) -> int:
    """The last line of the block that starts at ``line``."""
    return source.line_of(region(source, line, kind)[1])
