"""Text → its folded form for comparison: case, quotation marks, dashes and spaces made alike, invisible
characters dropped, each folded character keeping its offset in the text it came from.

The tool prints text with typography (quotes, dashes, no-break spaces, upper-case chapter titles), so two
texts that print alike — a .docx paragraph and the unit it was printed from, a contents line and a PDF
outline title — seldom agree character for character; folded, they do. The .docx writer pairs its
paragraphs with their sources this way, and ``kazthesis review`` lines a reviewed text up with its source
(:mod:`kazthesis.review.align`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


_DROPPED = "\x00"  # what an invisible character becomes before it is dropped (so that offsets hold)
_SAME_LENGTH = _TABLE | {ord(c): _DROPPED for c in INVISIBLE}
_PIECE_RE = re.compile(f"[^ {_DROPPED}]+| +")


def fold(text: str) -> Folded:
    """Case, quotes, dashes and spaces made alike, invisible characters dropped, each run of spaces one space;
    no space at the ends."""
    mapped = text.translate(_SAME_LENGTH)
    lowered = mapped.lower()
    if len(lowered) != len(mapped):  # a letter whose lower case is two characters: one at a time
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in mapped)
    chars: list[str] = []
    origin: list[int] = []
    for match in _PIECE_RE.finditer(lowered):
        start, piece = match.start(), match.group()
        if piece[0] == " ":
            if chars:
                chars.append(" ")
                origin.append(start)
        else:
            chars.append(piece)
            origin.extend(range(start, match.end()))
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return Folded("".join(chars), origin, len(text))


def folded_text(text: str) -> str:
    return fold(text).text
