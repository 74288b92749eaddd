"""A paragraph's measured pieces → the line breaks that set it best: Knuth–Plass total fit.

All the breaks of a paragraph are chosen together, as TeX and Typst choose
them, not one line at a time as a browser does. The paragraph is a list of
items (Knuth and Plass, "Breaking paragraphs into lines", 1981):

* :class:`Box` — something that is set as it is: a word, or a syllable of it;
* :class:`Glue` — a word space: its natural width and how far it may
  stretch. A line may break at a glue that follows a box; the glue then
  disappears. Glue never shrinks here: CSS justification only widens spaces,
  so every line must fit the measure at natural width;
* :class:`Penalty` — a place to break that is not a space (a soft hyphen,
  after a compound's own hyphen, inside a long no-break chain), with the
  width added when the line breaks there (the hyphen drawn), its cost, and
  whether a break there leaves a hyphen at the line's end (``flagged``).

Glue and penalties at the start of a line are dropped, as TeX drops them.
The first line is ``indent`` narrower; the last line is set ragged. The cost
of a set of breaks (:func:`cost`) is a pair compared in order:

1. how many lines are a third (or later) hyphenated line in a row — three
   hyphenated lines in a row is the most FORMATTING.md allows, so this stays
   0 whenever any set of breaks can keep it so;
2. the demerits, TeX's formula: for each line but the last
   ``(line_penalty + badness)² + penalty²``, where the badness is
   ``100·r³`` and r how far the spaces stretch past their natural width, in
   units of their stretch; plus ``double_hyphen`` for a hyphenated line after
   a hyphenated line, ``final_hyphen`` when the last full line is hyphenated,
   ``short_last`` when the last line is shorter than the indent, and
   ``fragment_last`` when it holds a lone piece of a broken word.

A line must fit at natural width; the only exception is a line that holds
no place to break (a word wider than the measure), which no choice avoids.
A line without glue that falls short stretches as if it had one space
(``lone_stretch``): a hole at its end is as bad as one wide space.

:func:`best_breaks` finds the minimum by dynamic programming over the break
candidates, keeping for each the best way to reach it with 0, 1 and 2
hyphenated lines just before; lines that overflow are never extended, so the
work is linear in the paragraph times the candidates a line can hold.
tests/test_optimal_breaks.py checks it against every set of breaks of small
random paragraphs. Pure Python: the PDF stage measures the items
(:mod:`kazthesis.pdf.weasy`) and hands the breaks to the renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import inf

__all__ = ["Box", "Breaks", "Glue", "Item", "Penalty", "Settings", "best_breaks", "cost", "lines_of"]

EPSILON = 1e-6  # points: widths are sums of measured floats


@dataclass(frozen=True, slots=True)
class Box:
    width: float


@dataclass(frozen=True, slots=True)
class Glue:
    width: float
    stretch: float


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
    lone_stretch: float = 1.75  # points: a line without glue stretches as if it had this much


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


def _badness(slack: float, stretch: float, settings: Settings) -> float:
    if slack <= EPSILON:
        return 0.0
    return 100.0 * (slack / (stretch if stretch > 0 else settings.lone_stretch)) ** 3


def cost(items: Sequence[Item], at: Sequence[int], width: float, indent: float = 0.0,
         settings: Settings = Settings()) -> tuple[int, float] | None:
    """The cost of breaking at ``at`` (see the module docstring), line by line; None when the breaks are not
    legal or a line that holds a place to break does not fit."""
    if any(not _legal(items, b) for b in at) or list(at) != sorted(set(at)):
        return None
    lines = lines_of(items, at)
    if any(end < first for first, end in lines[:-1]):
        return None  # a break among the glue and penalties dropped at a line's start
    hard, demerits, run = 0, 0.0, 0
    for number, (first, end) in enumerate(lines):
        last = number == len(lines) - 1
        measure = width - indent if number == 0 else width
        content = items[first:end]
        natural = sum(item.width for item in content if not isinstance(item, Penalty))
        stretch = sum(item.stretch for item in content if isinstance(item, Glue))
        breakable = any(_legal(items, k) for k in range(first, end))
        penalty = items[end] if not last else None
        if isinstance(penalty, Penalty):
            natural += penalty.width
        if natural > measure + EPSILON and breakable:
            return None
        if last:
            previous_flagged = number > 0 and _flagged(items, at[number - 1])
            if previous_flagged:
                demerits += settings.final_hyphen
            if number > 0 and natural < indent - EPSILON:
                demerits += settings.short_last
            if previous_flagged and not any(isinstance(item, Glue) for item in content):
                demerits += settings.fragment_last
            break
        badness = _badness(measure - natural, stretch, settings)
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
    natural = [0.0] * (n + 1)  # natural[i]: width of items[:i] (penalties count nothing unless broken at)
    stretch = [0.0] * (n + 1)
    glue_count = [0] * (n + 1)
    places = [0] * (n + 1)  # legal breaks among items[:i]
    for i, item in enumerate(items):
        natural[i + 1] = natural[i] + (0.0 if isinstance(item, Penalty) else item.width)
        stretch[i + 1] = stretch[i] + (item.stretch if isinstance(item, Glue) else 0.0)
        glue_count[i + 1] = glue_count[i] + isinstance(item, Glue)
        places[i + 1] = places[i] + _legal(items, i)
    candidates = [i for i in range(n) if _legal(items, i)]
    # best[(break, run)] = ((hard, demerits), previous key); break -1 is the paragraph's start.
    best: dict[tuple[int, int], tuple[tuple[int, float], tuple[int, int] | None]] = {(-1, 0): ((0, 0.0), None)}
    order = [-1, *candidates]
    final: tuple[tuple[int, float], tuple[int, int]] | None = None
    for a in order:
        for run in (0, 1, 2):
            key = (a, run)
            if key not in best:
                continue
            (hard, demerits), _ = best[key]
            first = 0 if a < 0 else _start(items, a)
            measure = width - indent if a < 0 else width
            flagged_before = a >= 0 and _flagged(items, a)
            # The last line: from here to the end.
            line_width = natural[n] - natural[first]
            if line_width <= measure + EPSILON or places[n] - places[first] == 0:
                extra = 0.0
                if flagged_before:
                    extra += settings.final_hyphen
                    if glue_count[n] - glue_count[first] == 0:
                        extra += settings.fragment_last
                if a >= 0 and line_width < indent - EPSILON:
                    extra += settings.short_last
                total = (hard, demerits + extra)
                if final is None or total < final[0]:
                    final = (total, key)
            # Lines that end at a later candidate.
            for b in candidates[_first_after(candidates, max(a, first - 1)):]:
                item = items[b]
                line_width = natural[b] - natural[first] + (item.width if isinstance(item, Penalty) else 0.0)
                inner = places[b] - places[first] > 0
                if natural[b] - natural[first] > measure + EPSILON and inner:
                    break  # wider still at every later candidate
                if line_width > measure + EPSILON and inner:
                    continue  # the hyphen does not fit here; a later space may
                badness = _badness(measure - line_width, stretch[b] - stretch[first], settings)
                p = item.cost if isinstance(item, Penalty) else 0.0
                d = (settings.line_penalty + badness) ** 2 + (p * p if p > 0 else 0.0)
                flagged = _flagged(items, b)
                if flagged and run:
                    d += settings.double_hyphen
                new_run = min(run + 1, 2) if flagged else 0
                total = (hard + (flagged and run >= 2), demerits + d)
                target = (b, new_run)
                if target not in best or total < best[target][0]:
                    best[target] = (total, key)
    assert final is not None  # the line from the last candidate on always qualifies
    (hard, demerits), key = final
    at: list[int] = []
    while key is not None and key[0] >= 0:
        at.append(key[0])
        key = best[key][1]
    return Breaks(tuple(reversed(at)), hard, demerits)


def _first_after(candidates: list[int], position: int) -> int:
    """Index in ``candidates`` of the first candidate after ``position`` (binary search)."""
    low, high = 0, len(candidates)
    while low < high:
        middle = (low + high) // 2
        if candidates[middle] <= position:
            low = middle + 1
        else:
            high = middle
    return low
