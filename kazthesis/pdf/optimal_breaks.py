"""A paragraph's measured pieces → the line breaks that set it best: Knuth–Plass total fit.

All the breaks of a paragraph are chosen together, as TeX and Typst choose
them, not one line at a time as a browser does. The paragraph is a list of
items (Knuth and Plass, "Breaking paragraphs into lines", 1981):

* :class:`Box` — something set as it is: a word, or a syllable of it. It may
  stretch and shrink a little (``stretch``, ``shrink``): the renderer spaces
  its letters out or in by a fraction of a point, as pdfTeX's font expansion
  does, so that a line need not take all its slack in the word spaces;
* :class:`Glue` — a word space: its natural width, how far it may stretch
  and how far it may shrink. A line may break at a glue that follows a box;
  the glue then disappears;
* :class:`Penalty` — a place to break that is not a space (a soft hyphen,
  after a compound's own hyphen, inside a long no-break chain), with the
  width added when the line breaks there (the hyphen drawn), its cost, and
  whether a break there leaves a hyphen at the line's end (``flagged``).

Glue and penalties at the start of a line are dropped, as TeX drops them.
The first line is ``indent`` narrower; the last line is set ragged, at
natural width. The cost of a set of breaks (:func:`cost`) is a pair compared
in order:

1. how many lines are a third (or later) hyphenated line in a row — three
   hyphenated lines in a row is the most FORMATTING.md allows, so this stays
   0 whenever any set of breaks can keep it so;
2. the demerits, TeX's formula: for each line but the last
   ``(line_penalty + badness)² + penalty²``, where the badness is
   ``100·r³`` and r how far the line stretches past its natural width, in
   units of its stretch (or shrinks, in units of its shrink); plus
   ``double_hyphen`` for a hyphenated line after a hyphenated line,
   ``final_hyphen`` when the last full line is hyphenated, ``short_last``
   when the last line is shorter than the indent, and ``fragment_last``
   when it holds a lone piece of a broken word.

A line must fit with everything in it shrunk as far as it goes, and its
badness must not pass ``tolerance`` (a line that stretches further looks
holed); the only exception is a line that holds no place to break (a word
wider than the measure, or one that stands between two long ones), which no
choice avoids, so that some set of breaks always qualifies. The last line
must fit at natural width. A line without any stretch that falls short
stretches as if it had ``lone_stretch``.

:func:`best_breaks` finds the minimum by dynamic programming over the break
candidates, keeping for each the cheapest way to reach it with 0, 1 and 2
hyphenated lines just before. From each break only the lines within the
tolerance are tried (found by bisection: the candidates whose line is not
too loose and not too wide), so the work is about the paragraph's length
times the few candidates a line can end at. tests/test_optimal_breaks.py
checks it against every set of breaks of small random paragraphs. Pure
Python: the PDF stage measures the items (:mod:`kazthesis.pdf.weasy`) and
hands the breaks to the renderer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from math import inf

__all__ = ["Box", "Breaks", "Glue", "Item", "Penalty", "Settings", "best_breaks", "cost", "lines_of"]

EPSILON = 1e-6  # widths are sums of measured floats


@dataclass(frozen=True, slots=True)
class Box:
    width: float
    stretch: float = 0.0
    shrink: float = 0.0


@dataclass(frozen=True, slots=True)
class Glue:
    width: float
    stretch: float
    shrink: float = 0.0


@dataclass(frozen=True, slots=True)
class Penalty:
    width: float  # added to the line when it breaks here (the hyphen)
    cost: float
    flagged: bool = False  # a break here leaves a hyphen at the end of the line


Item = Box | Glue | Penalty


@dataclass(frozen=True)
class Settings:
    """The weights of the cost (see the module docstring); the defaults are TeX's where TeX has one."""

    line_penalty: float = 10.0
    double_hyphen: float = 10000.0
    final_hyphen: float = 5000.0
    short_last: float = 5000.0
    fragment_last: float = 20000.0
    tolerance: float = inf  # the most badness a line may have (unless it holds no place to break)
    lone_stretch: float = 1.75  # a line without any stretch stretches as if it had this much


@dataclass(frozen=True)
class Breaks:
    """The chosen breaks (indices of the glue or penalty items broken at, in order) and their cost."""

    at: tuple[int, ...]
    hard: int  # lines that are a third hyphenated line in a row
    demerits: float


def _legal(items: Sequence[Item], i: int) -> bool:
    item = items[i]
    if isinstance(item, Glue):
        return i > 0 and isinstance(items[i - 1], Box)
    return isinstance(item, Penalty) and item.cost < inf


def _start(items: Sequence[Item], after: int) -> int:
    """Where a line that follows a break at ``after`` starts (glue and penalties dropped)."""
    i = after + 1
    while i < len(items) and not isinstance(items[i], Box):
        i += 1
    return i


def lines_of(items: Sequence[Item], at: Sequence[int]) -> list[tuple[int, int]]:
    """The lines a set of breaks makes: (first item, item after the last) of each; the break item itself is
    not part of the line (a penalty's width is added by the cost)."""
    lines, start = [], 0
    for b in at:
        lines.append((start, b))
        start = _start(items, b)
    lines.append((start, len(items)))
    return lines


def _badness(slack: float, stretch: float, shrink: float, settings: Settings) -> float:
    """TeX's badness of a line ``slack`` short of its measure (negative: that much too wide)."""
    if slack < -EPSILON:
        return 100.0 * min(-slack / shrink, 1.0) ** 3 if shrink > 0 else 0.0
    if slack <= EPSILON:
        return 0.0
    return 100.0 * (slack / (stretch if stretch > 0 else settings.lone_stretch)) ** 3


def cost(items: Sequence[Item], at: Sequence[int], width: float, indent: float = 0.0,
         settings: Settings = Settings()) -> tuple[int, float] | None:
    """The cost of breaking at ``at`` (see the module docstring), line by line; None when the breaks are not
    legal or a line that holds a place to break does not fit or passes the tolerance."""
    if any(not _legal(items, b) for b in at) or list(at) != sorted(set(at)):
        return None
    lines = lines_of(items, at)
    if any(end < first for first, end in lines[:-1]):
        return None  # a break among the glue and penalties dropped at a line's start
    hard, demerits, run = 0, 0.0, 0
    for number, (first, end) in enumerate(lines):
        last = number == len(lines) - 1
        measure = width - indent if number == 0 else width
        content = [item for item in items[first:end] if not isinstance(item, Penalty)]
        natural = sum(item.width for item in content)
        stretch = sum(item.stretch for item in content)
        shrink = sum(item.shrink for item in content)
        breakable = any(_legal(items, k) for k in range(first, end))
        if last:
            if natural > measure + EPSILON and breakable:
                return None
            previous_flagged = number > 0 and _flagged(items, at[number - 1])
            if previous_flagged:
                demerits += settings.final_hyphen
            if number > 0 and natural < indent - EPSILON:
                demerits += settings.short_last
            if previous_flagged and not any(isinstance(item, Glue) for item in content):
                demerits += settings.fragment_last
            break
        penalty = items[end]
        if isinstance(penalty, Penalty):
            natural += penalty.width
        badness = _badness(measure - natural, stretch, shrink, settings)
        if breakable and (natural - shrink > measure + EPSILON or badness > settings.tolerance):
            return None
        p = penalty.cost if isinstance(penalty, Penalty) else 0.0
        demerits += (settings.line_penalty + badness) ** 2 + (p * p if p > 0 else 0.0)
        flagged = _flagged(items, end)
        if flagged and run:
            demerits += settings.double_hyphen
        run = run + 1 if flagged else 0
        hard += run >= 3
    return hard, demerits


def _flagged(items: Sequence[Item], b: int) -> bool:
    item = items[b]
    return isinstance(item, Penalty) and item.flagged


def best_breaks(items: Sequence[Item], width: float, indent: float = 0.0,
                settings: Settings = Settings()) -> Breaks:
    """The breaks of least :func:`cost`: the same minimum as trying every set of breaks."""
    n = len(items)
    natural = [0.0] * (n + 1)  # natural[i]: width of items[:i] (a penalty counts only when broken at)
    stretch = [0.0] * (n + 1)
    shrink = [0.0] * (n + 1)
    glues = [0] * (n + 1)
    for i, item in enumerate(items):
        is_penalty = isinstance(item, Penalty)
        natural[i + 1] = natural[i] + (0.0 if is_penalty else item.width)
        stretch[i + 1] = stretch[i] + (0.0 if is_penalty else item.stretch)
        shrink[i + 1] = shrink[i] + (0.0 if is_penalty else item.shrink)
        glues[i + 1] = glues[i] + isinstance(item, Glue)
    candidates = [i for i in range(n) if _legal(items, i)]
    starts = {-1: 0, **{b: _start(items, b) for b in candidates}}
    extra = [items[b].width if isinstance(items[b], Penalty) else 0.0 for b in candidates]
    costs = [items[b].cost ** 2 if isinstance(items[b], Penalty) and items[b].cost > 0 else 0.0 for b in candidates]
    flags = [_flagged(items, b) for b in candidates]
    tolerance, lone = settings.tolerance, settings.lone_stretch
    reach = (tolerance / 100.0) ** (1 / 3) if tolerance < inf else inf  # the most r a line may have
    # A candidate's line from ``first`` is within the tolerance only if natural + reach·stretch gets within
    # the measure: this sum grows along the paragraph, so the first such candidate is found by bisection.
    loose_key = [natural[b] + reach * stretch[b] for b in candidates] if reach < inf else None
    least_key = [natural[b] - shrink[b] for b in candidates]
    widest = max(extra, default=0.0)
    line_penalty, double_hyphen = settings.line_penalty, settings.double_hyphen
    # best[(break, run)] = (hard, demerits, previous key); break -1 is the paragraph's start.
    best: dict[tuple[int, int], tuple[int, float, tuple[int, int] | None]] = {(-1, 0): (0, 0.0, None)}
    final: tuple[int, float, tuple[int, int]] | None = None
    for a in (-1, *candidates):
        ways = [(run, best[(a, run)]) for run in (0, 1, 2) if (a, run) in best]
        if not ways:
            continue
        first = starts[a]
        measure = width - indent if a < 0 else width
        # The last line: from here to the end, at natural width.
        line_width = natural[n] - natural[first]
        if line_width <= measure + EPSILON or bisect_left(candidates, n) == bisect_left(candidates, first):
            extra_last = 0.0
            if a >= 0 and _flagged(items, a):
                extra_last += settings.final_hyphen
                if glues[n] == glues[first]:
                    extra_last += settings.fragment_last
            if a >= 0 and line_width < indent - EPSILON:
                extra_last += settings.short_last
            for run, (hard, demerits, _) in ways:
                total = (hard, demerits + extra_last, (a, run))
                if final is None or total[:2] < final[:2]:
                    final = total
        # Lines that end at a later candidate: the one right after (always allowed: no place to break
        # inside it), then those neither too loose nor too wide.
        next_index = bisect_left(candidates, first)
        low = next_index + 1
        if loose_key is not None:
            threshold = natural[first] + reach * stretch[first] + measure - reach * lone - widest - EPSILON
            low = max(low, bisect_left(loose_key, threshold))
        high = bisect_right(least_key, natural[first] - shrink[first] + measure + EPSILON)
        tried = range(low, high) if next_index >= len(candidates) or low == next_index else (
            [next_index, *range(low, high)])
        for index in tried:
            b = candidates[index]
            line_natural = natural[b] - natural[first] + extra[index]
            line_stretch, line_shrink = stretch[b] - stretch[first], shrink[b] - shrink[first]
            inner = index > next_index
            slack = measure - line_natural
            if inner and slack + line_shrink < -EPSILON:
                continue  # the hyphen does not fit here; a later space may
            badness = _badness(slack, line_stretch, line_shrink, settings)
            if inner and badness > tolerance:
                continue
            d = (line_penalty + badness) ** 2 + costs[index]
            flagged = flags[index]
            for run, (hard, demerits, _) in ways:
                target = (b, min(run + 1, 2) if flagged else 0)
                new_hard = hard + (flagged and run >= 2)
                new_demerits = demerits + d + (double_hyphen if flagged and run else 0.0)
                known = best.get(target)
                if known is None or (new_hard, new_demerits) < known[:2]:
                    best[target] = (new_hard, new_demerits, (a, run))
    assert final is not None  # breaking at every place always qualifies
    hard, demerits, key = final
    at: list[int] = []
    while key is not None and key[0] >= 0:
        at.append(key[0])
        key = best[key][2]
    return Breaks(tuple(reversed(at)), hard, demerits)
