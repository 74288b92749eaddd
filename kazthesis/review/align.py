"""Two texts that print alike → where each character of one stands in the other.

The tool prints the sources with typography (quotes, dashes, no-break spaces,
upper-case chapter titles), so the .docx's text and the Markdown never agree
character for character. Both are *folded* first (:mod:`kazthesis.lang.folding`:
case, quotation marks, dashes and spaces made alike, invisible characters
dropped), keeping for each folded character its offset in the text it came from; then
:class:`Alignment` lines the folded texts up (difflib, no junk heuristic) and
maps an offset of one text to the other. What does not line up is markup on
the source side (``*``, ``[@key]``) and generated text on the printed side.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from difflib import SequenceMatcher

from kazthesis.lang.folding import fold

TOKEN_RE = re.compile(r"\w+|\s|[^\w\s]")


def _tokens(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in TOKEN_RE.finditer(text)]


def matching_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """(a_start, b_start, size) of the runs ``a`` and ``b`` share, in order: words lined up first, then the
    characters of the words that differ (a paragraph's thousand characters are a hundred and fifty words)."""
    if a == b:
        return [(0, 0, len(a))] if a else []
    ta, tb = _tokens(a), _tokens(b)
    words = SequenceMatcher(None, [t for _, t in ta], [t for _, t in tb], autojunk=False)
    blocks: list[tuple[int, int, int]] = []

    def at(tokens: list[tuple[int, str]], index: int, text: str) -> int:
        return tokens[index][0] if index < len(tokens) else len(text)

    for tag, i1, i2, j1, j2 in words.get_opcodes():
        a1, a2, b1, b2 = at(ta, i1, a), at(ta, i2, a), at(tb, j1, b), at(tb, j2, b)
        if tag == "equal":
            blocks.append((a1, b1, a2 - a1))
        elif tag == "replace":
            inner = SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
            blocks.extend((a1 + i, b1 + j, n) for i, j, n in inner.get_matching_blocks() if n)
    merged: list[tuple[int, int, int]] = []
    for block in blocks:
        if merged and merged[-1][0] + merged[-1][2] == block[0] and merged[-1][1] + merged[-1][2] == block[1]:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + block[2])
        else:
            merged.append(block)
    return merged


class Alignment:
    """Offsets of text ``a`` mapped into text ``b`` through their folded forms."""

    def __init__(self, a: str, b: str) -> None:
        self.a, self.b = fold(a), fold(b)
        self.blocks = matching_blocks(self.a.text, self.b.text)
        self._starts = [block[0] for block in self.blocks]

    @property
    def identical(self) -> bool:
        return self.a.text == self.b.text

    def differences(self) -> list[tuple[int, int, int, int]]:
        """Unfolded (a_start, a_end, b_start, b_end) of each place where the texts differ."""
        found = []
        i = j = 0
        for start, target, size in [*self.blocks, (len(self.a.text), len(self.b.text), 0)]:
            if start > i or target > j:
                found.append((self.a.back(i), self.a.back(start), self.b.back(j), self.b.back(target)))
            i, j = start + size, target + size
        return found

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

    def place(self, start: int, end: int) -> tuple[int, int] | None:
        """``b``'s span for ``a[start:end]``: :meth:`span` for text, an empty span at :meth:`point` for an
        insertion point (``start == end``); None when nothing of it matches."""
        if start < end:
            return self.span(start, end)
        point = self.point(start)
        return (point, point) if point is not None else None

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
