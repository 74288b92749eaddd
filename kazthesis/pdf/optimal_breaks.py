"""A paragraph's measured pieces → the line breaks that set it best: Knuth–Plass total fit.

All the breaks of a paragraph are chosen together, as TeX and Typst choose
them, not one line at a time as a browser does. The paragraph is a list of
items (Knuth and Plass, "Breaking paragraphs into lines", 1981):

* :class:`Box` — something that is set as it is: a word, or a syllable of it;
* :class:`Glue` — a word space: its natural width, how far it may stretch
  and how far it may shrink. A line may break at a glue that follows a box;
  the glue then disappears. CSS justification only widens spaces, so a space
  can shrink only where the renderer is told to set spaces narrower (a
  negative word-spacing, which justification then widens again); with no
  shrink, every line must fit the measure at natural width;
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
   units of their stretch (or shrink below it, in units of their shrink);
   plus ``double_hyphen`` for a hyphenated line after a hyphenated line,
   ``final_hyphen`` when the last full line is hyphenated, ``short_last``
   when the last line is shorter than the indent, and ``fragment_last``
   when it holds a lone piece of a broken word.

A line must fit with its glue shrunk as far as it goes; the only exception
is a line that holds no place to break (a word wider than the measure),
which no choice avoids. And no line may have room for the whole of the next
one, both shrunk: the renderer's breaker is greedy, and given only the
chosen places to break it must land on each of them (it would take up a
next line that fits).
A line without glue that falls short stretches as if it had one space
(``lone_stretch``): a hole at its end is as bad as one wide space.

:func:`best_breaks` finds the minimum by dynamic programming over the break
candidates, keeping for each the ways to reach it with 0, 1 and 2
hyphenated lines just before — of those, each that is cheaper than all the
ways whose last line leaves less room (a next line too wide for that room can
follow only those). Lines that overflow are never extended, so the work is
about the paragraph's length times the candidates a line can hold.
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
    legal or a line that holds a place to break does not fit."""
    if any(not _legal(items, b) for b in at) or list(at) != sorted(set(at)):
        return None
    lines = lines_of(items, at)
    if any(end < first for first, end in lines[:-1]):
        return None  # a break among the glue and penalties dropped at a line's start
    for number, ((first, _), (_, end)) in enumerate(zip(lines, lines[1:], strict=False)):
        merged = sum(item.width - (item.shrink if isinstance(item, Glue) else 0.0)
                     for item in items[first:end] if not isinstance(item, Penalty))
        if end < len(items) and isinstance(items[end], Penalty):
            merged += items[end].width
        if merged <= (width - indent if number == 0 else width) + EPSILON:
            return None  # the next line would fit on this one: a greedy breaker would not break here
    hard, demerits, run = 0, 0.0, 0
    for number, (first, end) in enumerate(lines):
        last = number == len(lines) - 1
        measure = width - indent if number == 0 else width
        content = items[first:end]
        natural = sum(item.width for item in content if not isinstance(item, Penalty))
        stretch = sum(item.stretch for item in content if isinstance(item, Glue))
        shrink = sum(item.shrink for item in content if isinstance(item, Glue))
        breakable = any(_legal(items, k) for k in range(first, end))
        penalty = items[end] if not last else None
        if isinstance(penalty, Penalty):
            natural += penalty.width
        if natural - shrink > measure + EPSILON and breakable:
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
        badness = _badness(measure - natural, stretch, shrink, settings)
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
    least = [0.0] * (n + 1)  # least[i]: width of items[:i] with every glue shrunk as far as it goes
    glue_count = [0] * (n + 1)
    places = [0] * (n + 1)  # legal breaks among items[:i]
    for i, item in enumerate(items):
        natural[i + 1] = natural[i] + (0.0 if isinstance(item, Penalty) else item.width)
        stretch[i + 1] = stretch[i] + (item.stretch if isinstance(item, Glue) else 0.0)
        least[i + 1] = least[i] + (natural[i + 1] - natural[i]) - (item.shrink if isinstance(item, Glue) else 0.0)
        glue_count[i + 1] = glue_count[i] + isinstance(item, Glue)
        places[i + 1] = places[i] + _legal(items, i)
    candidates = [i for i in range(n) if _legal(items, i)]
    # The ways to reach a break with 0, 1 or 2 hyphenated lines just before it: for each, the room its line
    # leaves (the next line must not fit in it, or a greedy breaker would take it up) and the cost so far.
    # key (break, run) → [(room, (hard, demerits), back key, back way)]; break -1 is the paragraph's start.
    ways: dict[tuple[int, int], list[tuple[float, tuple[int, float], tuple[int, int] | None, int]]] = {
        (-1, 0): [(-inf, (0, 0.0), None, -1)]}
    final: tuple[tuple[int, float], tuple[int, int], int] | None = None
    for a in (-1, *candidates):
        first = 0 if a < 0 else _start(items, a)
        measure = width - indent if a < 0 else width
        flagged_before = a >= 0 and _flagged(items, a)
        for run in (0, 1, 2):
            key = (a, run)
            if key not in ways:
                continue
            front = _front(ways[key])
            # The last line: from here to the end.
            line_width = natural[n] - natural[first]
            way = _cheapest(front, least[n] - least[first])
            if way is not None and (least[n] - least[first] <= measure + EPSILON or places[n] - places[first] == 0):
                (hard, demerits), pick = way
                extra = 0.0
                if flagged_before:
                    extra += settings.final_hyphen
                    if glue_count[n] - glue_count[first] == 0:
                        extra += settings.fragment_last
                if a >= 0 and line_width < indent - EPSILON:
                    extra += settings.short_last
                total = (hard, demerits + extra)
                if final is None or total < final[0]:
                    final = (total, key, pick)
            # Lines that end at a later candidate.
            for b in candidates[_count_below(candidates, first):]:
                item = items[b]
                hyphen = item.width if isinstance(item, Penalty) else 0.0
                line_width = natural[b] - natural[first] + hyphen
                narrowest = least[b] - least[first] + hyphen
                inner = places[b] - places[first] > 0
                if least[b] - least[first] > measure + EPSILON and inner:
                    break  # wider still at every later candidate
                if narrowest > measure + EPSILON and inner:
                    continue  # the hyphen does not fit here; a later space may
                way = _cheapest(front, narrowest)
                if way is None:
                    continue
                (hard, demerits), pick = way
                badness = _badness(measure - line_width, stretch[b] - stretch[first],
                                   (natural[b] - least[b]) - (natural[first] - least[first]), settings)
                p = item.cost if isinstance(item, Penalty) else 0.0
                d = (settings.line_penalty + badness) ** 2 + (p * p if p > 0 else 0.0)
                flagged = _flagged(items, b)
                if flagged and run:
                    d += settings.double_hyphen
                target = (b, min(run + 1, 2) if flagged else 0)
                room = measure - (least[_start(items, b)] - least[first])
                ways.setdefault(target, []).append((room, (hard + (flagged and run >= 2), demerits + d), key, pick))
    assert final is not None  # breaking at every place is always allowed
    (hard, demerits), key, pick = final
    at: list[int] = []
    while key is not None and key[0] >= 0:
        at.append(key[0])
        _, _, key, pick = ways[key][pick]
    return Breaks(tuple(reversed(at)), hard, demerits)


def _front(ways: list) -> tuple[list[float], list[tuple[int, float]], list[int]]:
    """The ways worth keeping, by room: each cheaper than every way with less room (the only ones a
    narrower next line can follow). Returns their rooms, costs and indices, room ascending."""
    rooms: list[float] = []
    costs: list[tuple[int, float]] = []
    picks: list[int] = []
    for index in sorted(range(len(ways)), key=lambda k: (ways[k][0], ways[k][1])):
        room, total = ways[index][0], ways[index][1]
        if not costs or total < costs[-1]:
            rooms.append(room)
            costs.append(total)
            picks.append(index)
    return rooms, costs, picks


def _cheapest(front: tuple[list[float], list[tuple[int, float]], list[int]],
              need: float) -> tuple[tuple[int, float], int] | None:
    """The least cost of the ways of a front whose line has no room for a next line ``need`` wide, and which
    way it is."""
    rooms, costs, picks = front
    k = _count_below(rooms, need - EPSILON)
    return (costs[k - 1], picks[k - 1]) if k else None


def _count_below(values: Sequence[float], limit: float) -> int:
    """How many of the ascending ``values`` are less than ``limit`` (binary search)."""
    low, high = 0, len(values)
    while low < high:
        middle = (low + high) // 2
        if values[middle] < limit:
            low = middle + 1
        else:
            high = middle
    return low
