"""Two texts that print alike → where each character of one stands in the other.

The tool prints the sources with typography (quotes, dashes, no-break spaces,
upper-case chapter titles), so the .docx's text and the Markdown never agree
character for character. Both are *folded* first — case, quotation marks,
dashes and spaces made alike, invisible characters dropped — keeping for each
folded character its offset in the text it came from; then
:class:`Alignment` lines the folded texts up (difflib, no junk heuristic) and
maps an offset of one text to the other. What does not line up is markup on
the source side (``*``, ``[@key]``) and generated text on the printed side.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

QUOTES = "\"'«»„“”‘’‚‹›`´"
DASHES = "-‐‑‒–—―−"
SPACES = " \t\n\r\u00a0\u2005\u2007\u2009\u202f\u2002\u2003"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TABLE = {ord(c): '"' for c in QUOTES} | {ord(c): "-" for c in DASHES} | {ord(c): " " for c in SPACES}
_TABLE |= {ord(c): None for c in INVISIBLE} | {ord("…"): "."}


@dataclass
class Folded:
    """A text folded for comparison, and for each of its characters the offset it came from."""

    text: str
    origin: list[int]  # origin[i]: offset in the unfolded text of text[i]
    length: int  # the unfolded text's length

    def back(self, position: int) -> int:
        """A folded offset as an offset of the unfolded text (the end maps to the end)."""
        return self.origin[position] if position < len(self.origin) else self.length


def fold_char(char: str) -> str:
    folded = char.translate(_TABLE)
    if len(folded) == 1 and folded != " ":
        lower = folded.lower()
        return lower if len(lower) == 1 else folded
    return folded


def fold(text: str) -> Folded:
    """Case, quotes, dashes and spaces made alike, invisible characters dropped, each run of spaces one space;
    no space at the ends."""
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        folded = fold_char(char)
        if not folded:
            continue
        if folded == " " and (not chars or chars[-1] == " "):
            continue
        chars.append(folded)
        origin.append(offset)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return Folded("".join(chars), origin, len(text))


def folded_text(text: str) -> str:
    return fold(text).text


class Alignment:
    """Offsets of text ``a`` mapped into text ``b`` through their folded forms."""

    def __init__(self, a: str, b: str) -> None:
        self.a, self.b = fold(a), fold(b)
        matcher = SequenceMatcher(None, self.a.text, self.b.text, autojunk=False)
        self.opcodes = matcher.get_opcodes()
        self.blocks = [(i1, j1, i2 - i1) for tag, i1, i2, j1, _ in self.opcodes if tag == "equal"]
        self._starts = [block[0] for block in self.blocks]

    @property
    def identical(self) -> bool:
        return self.a.text == self.b.text

    def differences(self) -> list[tuple[int, int, int, int]]:
        """Unfolded (a_start, a_end, b_start, b_end) of each place where the texts differ."""
        return [(self._a_back(i1), self._a_back(i2), self.b.back(j1), self.b.back(j2))
                for tag, i1, i2, j1, j2 in self.opcodes if tag != "equal"]

    def _a_back(self, position: int) -> int:
        return self.a.back(position)

    def _folded_a(self, offset: int) -> int:
        """The folded index of the first folded character at or after unfolded ``offset`` of ``a``."""
        return bisect_right(self.a.origin, offset - 1)

    def char(self, offset: int) -> int | None:
        """Where the character at unfolded ``offset`` of ``a`` stands in ``b``; None when it has no match."""
        index = self._folded_a(offset)
        if index >= len(self.a.origin) or self.a.origin[index] != offset:
            return None
        at = bisect_right(self._starts, index) - 1
        if at < 0:
            return None
        start, target, size = self.blocks[at]
        return self.b.origin[target + index - start] if index < start + size else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """``b``'s span for ``a[start:end]`` (a non-empty span): from the first matched character of it to the
        last one; None when none matches."""
        first = last = None
        for offset in range(start, end):
            if (mapped := self.char(offset)) is not None:
                first = mapped if first is None else first
                last = mapped
        if first is None or last is None:
            return None
        return first, last + 1

    def point(self, offset: int) -> int | None:
        """``b``'s offset for the gap before ``a[offset]``: right after the match of the nearest matched
        character before it (a word typed after another takes its place, as in Word), else right before
        the match of the next one."""
        for before in range(offset - 1, -1, -1):
            if (mapped := self.char(before)) is not None:
                return mapped + 1
        for after in range(offset, self.a.length):
            if (mapped := self.char(after)) is not None:
                return mapped
        return None
