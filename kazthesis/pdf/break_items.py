"""A paragraph's text → the items of :mod:`kazthesis.pdf.optimal_breaks`, and chosen breaks → the text again.

The text is the paragraph as the renderer gets it: runs of text, each in one
style (regular, bold, a footnote call…), holding the marks the earlier
stages put in — soft hyphens (U+00AD) where a word may be hyphenated, no-break
spaces (U+00A0) that bind a number to its unit or initials to a surname,
zero-width spaces (U+200B) where a URL may break, word joiners (U+2060)
where nothing may. The places a line may break are given (the renderer's
own line-breaking rules say where: after a space, at a soft hyphen, after a
compound's hyphen…); :func:`paragraph_items` measures what lies between them
with ``measure(text, style)`` (which gives the marks that draw nothing no
width) and makes:

* a space → :class:`Glue` (a justified line stretches it);
* a soft hyphen → a flagged :class:`Penalty` as wide as the hyphen drawn;
* a break after a hyphen the text holds → a flagged penalty of no width;
* any other place (a zero-width space in a URL, after a slash or a dash) →
  an unflagged penalty;
* a no-break space → glue that is not a place to break (CSS justification
  stretches it like any space), except in a long chain of bound words;
* the space joined to an address after ``URL:`` or ``DOI:`` → glue that does
  not stretch, after a costly place to break (``label``).

No-break chains and holes: a no-break space holds (a number and its unit or
the word it counts, initials and the surname, № and its number, б. and the
page, a dash and the word before it), with one exception, where the typography
rules bind more than they mean to. A group of initials is bound both to the
word after it (Н. Ә. Назарбаев) and to a capitalised word before it (the
surname-first order of a reference: Назарбаев Н. Ә.); in running text the
word before is often not the name's (Алматыда Н. Ә. Назарбаев, Тоқаев
Д. Трамптың), and such a chain of three or more words is too long to move
without leaving a hole. So when the initials are followed by their surname,
the no-break space before them may break, at the cost ``chain``: a cost the
total fit pays only where keeping the chain whole would stretch a line's
spaces past about twice their width. The same holds for ``URL:`` and ``DOI:``,
which the typography rules join to the address after them: an address
breaks only at its own places, so ``URL: https://www.site.`` is a long unit,
and where it cannot come up to the line before without that line's spaces
stretching past about twice their width, the label stays at that line's end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from math import inf

from kazthesis.pdf.optimal_breaks import Box, Glue, Item, Penalty

__all__ = ["Costs", "Paragraph", "paragraph_items"]

SOFT_HYPHEN, NBSP, ZERO_WIDTH_SPACE, WORD_JOINER = "\u00ad", "\u00a0", "\u200b", "\u2060"
LABEL_SPACE = "\u2005"  # after URL: and DOI:, joined to the address by a word joiner (lang.typography)
HYPHEN_DRAWN = "\u2010"  # what the renderer draws at a soft-hyphen break
_INITIAL = re.compile(r"[^\W\d_]\.(?:-\u2060?[^\W\d_]\.)?")  # Н. or Қ.-Ж.
_SIGNS = ("№", "§")
_SPACES = re.compile(f"[ {NBSP}{LABEL_SPACE}]")


@dataclass(frozen=True)
class Costs:
    """The penalties of the places to break (the line weights are optimal_breaks.Settings)."""

    hyphen: float = 300.0  # at a soft hyphen
    explicit: float = 100.0  # after a hyphen the text holds (қарым-/қатынас)
    other: float = 50.0  # a zero-width space, after a slash or a dash
    chain: float = 1000.0  # inside a chain of three or more bound words
    label: float = 1000.0  # between URL: or DOI: and the address
    stretch: float = 0.5  # how far a space stretches at badness 100, in spaces
    shrink: float = 0.0  # how far a space may shrink, in spaces
    expansion: float = 0.0  # how far a word may stretch or shrink by spacing its letters, as a share of it


@dataclass(frozen=True)
class Paragraph:
    """The items of a paragraph and, for each place to break, where it is in the text."""

    items: list[Item]
    offsets: dict[int, int]  # item index of a place to break → index in the text of the character it is at


def paragraph_items(runs: Sequence[tuple[str, Hashable]], breaks: set[int],
                    measure: Callable[[str, Hashable], float], costs: Costs = Costs(),
                    forced: set[int] = frozenset()) -> Paragraph:  # type: ignore[assignment]
    """The items of a paragraph given as (text, style) runs and the set of text indices before which a
    line may break (see the module docstring); those also in ``forced`` break a run that has no other place
    (a 300-character number), at the cost of a break inside a chain."""
    text = "".join(t for t, _ in runs)
    style_at: list[Hashable] = [style for t, style in runs for _ in t]
    bounds = list(accumulate((len(t) for t, _ in runs), initial=0))  # where each run starts (and the end)
    chain_breaks = _chain_breaks(text)
    items: list[Item] = []
    offsets: dict[int, int] = {}
    start = 0  # where the pending box's text begins

    def box_until(end: int) -> None:
        """A box for text[start:end], measured run by run (a mark that draws nothing measures nothing)."""
        nonlocal start
        width = 0.0
        k, run = start, bisect_right(bounds, start) - 1
        while k < end:
            j = min(end, bounds[run + 1])
            if j > k:
                width += measure(text[k:j], runs[run][1])
            k, run = j, run + 1
        if end > start:
            items.append(Box(width, width * costs.expansion, width * costs.expansion))
        start = end

    # Only the spaces and the places to break make items; the text between them is measured a run at a time.
    for i in sorted({m.start() for m in _SPACES.finditer(text)} | {b - 1 for b in breaks if 0 < b < len(text)}):
        char = text[i]
        if char == LABEL_SPACE and text[i + 1:i + 2] == WORD_JOINER:
            box_until(i)
            offsets[len(items)] = i
            items.append(Penalty(0.0, costs.label))
            items.append(Glue(measure(char, style_at[i]), 0.0, 0.0))  # justification leaves it be
            start = i + 1
        elif char == " " or char == NBSP:
            box_until(i)
            space = measure(" ", style_at[i])
            if char == NBSP:
                if i in chain_breaks:
                    offsets[len(items)] = i
                    items.append(Penalty(0.0, costs.chain))
                else:
                    items.append(Penalty(0.0, inf))
            elif i + 1 in breaks:
                offsets[len(items)] = i
            else:
                items.append(Penalty(0.0, inf))  # a space the renderer may not break at (before a dash…)
            items.append(Glue(space, space * costs.stretch, space * costs.shrink))
            start = i + 1
        elif i + 1 in breaks:
            if char == SOFT_HYPHEN:
                box_until(i)
                offsets[len(items)] = i
                items.append(Penalty(measure(HYPHEN_DRAWN, style_at[i]), costs.hyphen, True))
                start = i + 1
            elif char in "-\u2010":
                box_until(i + 1)
                offsets[len(items)] = i
                items.append(Penalty(0.0, costs.explicit, True))
            else:
                box_until(i + 1)
                offsets[len(items)] = i
                items.append(Penalty(0.0, costs.chain if i + 1 in forced else costs.other))
    box_until(len(text))
    while items and not isinstance(items[-1], Box):  # the spaces after the paragraph's last word
        items.pop()
    # A break at a glue needs a box before it (optimal_breaks' rule); a space after a penalty is not a place.
    offsets = {k: v for k, v in offsets.items() if k < len(items) and (not isinstance(items[k], Glue) or (
        k and isinstance(items[k - 1], Box)))}
    return Paragraph(items, offsets)


def _chain_breaks(text: str) -> set[int]:
    """The no-break spaces of the text that may break (see the module docstring): in a chain of three or
    more bound words, the one between a word that is not an initial and a group of initials bound to the
    word after them (Алматыда~Н.~Ә.~Назарбаев, Тоқаев~Д.~Трамптың)."""
    result: set[int] = set()
    for chain in re.finditer(rf"\S+(?:{NBSP}\S+){{2,}}", text):
        words = chain.group().split(NBSP)
        at = chain.start()
        for j in range(len(words) - 1):
            at += len(words[j])
            rest = words[j + 1:]
            surname = next((k for k, word in enumerate(rest) if not _INITIAL.fullmatch(word)), None)
            if (not _INITIAL.fullmatch(words[j]) and words[j] not in _SIGNS and surname is not None
                    and surname > 0):
                result.add(at)
            at += 1
    return result
