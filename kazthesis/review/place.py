"""Paragraphs of a reviewed .docx → the units of the current project they print.

A .docx made by ``kazthesis docx`` names each paragraph's source in a hidden
bookmark (see :mod:`kazthesis.docx.markers`); those are read first. A
paragraph without one (a file made by another tool, or markers lost on the
way) is found by its text with every change rejected: first the paragraphs
whose text is printed once and only once by both (kept in reading order, the
longest run of them that agrees), then the others between those, exactly,
then — for the paragraphs that carry marks — the most alike text between
the same neighbours. A paragraph inserted by the reviewer is placed after the
paragraph before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from kazthesis.docx.markers import read_marker
from kazthesis.docx.reading import Paragraph
from kazthesis.lang.folding import folded_text
from kazthesis.resolve.printed_units import Unit
from kazthesis.review.reviewed import Reviewed

PAGE_NUMBER_RE = re.compile(r"\s*\d*\s*$")
ALIKE = 0.6  # the least similarity at which a paragraph is taken for a unit that reads differently


@dataclass
class Placed:
    """Where one paragraph of the reviewed file comes from."""

    unit: int | None  # index into the units; None when not found
    how: str  # "marker" | "text" | "alike" | "after" (an inserted paragraph, after ``unit``) | ""


def _text(paragraph: Paragraph) -> str:
    text = folded_text(paragraph.original)
    return PAGE_NUMBER_RE.sub("", text) if paragraph.contents else text


def place(reviewed: Reviewed, units: list[Unit], files: list[str]) -> dict[int, Placed]:
    """Each paragraph's unit, by marker where it has one, else by text. ``files``: the project's source files
    in marker order, for a file whose list of them was lost."""
    placed: dict[int, Placed] = {}
    table = {int(name.rsplit(".", 1)[-1]): path for name, path in reviewed.sources.items()
             if name.startswith("kazthesis.source.") and name.rsplit(".", 1)[-1].isdigit()}
    table = table or dict(enumerate(files))
    by_line: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        by_line[(unit.source.path, unit.source.line)].append(index)
    for paragraph in reviewed.paragraphs:
        for name in paragraph.markers:
            marker = read_marker(name)
            candidates = by_line.get((table.get(marker[0], ""), marker[1]), []) if marker else []
            if not candidates or marker is None:
                continue
            text = _text(paragraph)
            same = [i for i in candidates if folded_text(units[i].printed) == text]
            counted = candidates[min(marker[2], len(candidates) - 1)]
            # The unit at the marker's count, unless another from that line prints exactly this text (the
            # cells of a row changed since); where none does, the source changed since: still that unit.
            placed[paragraph.index] = Placed(counted if counted in same or not same else same[0], "marker")
            break
    for paragraph in list(reviewed.paragraphs):
        here = placed.get(paragraph.index)
        if here is not None and here.unit is not None and paragraph in reviewed.paragraphs:
            _join_if_split(reviewed, paragraph, units[here.unit], placed)
    stories: dict[str, list[Paragraph]] = defaultdict(list)
    for paragraph in reviewed.paragraphs:
        stories["footer" if paragraph.story == "header" else paragraph.story].append(paragraph)
    for story, paragraphs in stories.items():
        pool = [i for i, unit in enumerate(units) if unit.story == story]
        _by_text(reviewed, [p for p in paragraphs if p.index not in placed], units, pool, placed)
        _after(paragraphs, placed)
    return placed


def _joined_text(first: Paragraph, second: Paragraph) -> str:
    return folded_text(first.original + " " + second.original).replace(" ", "")


def _join_if_split(reviewed: Reviewed, paragraph: Paragraph, unit: Unit, placed: dict[int, Placed]) -> bool:
    """A paragraph that reads as only the start of its unit, followed by one that reads as the rest: a split
    that was not tracked. The two are read as one."""
    second = reviewed.following(paragraph)
    if second is None or second.index in placed or second.markers or not second.original.strip():
        return False
    whole = folded_text(unit.printed).replace(" ", "")
    if _text(paragraph).replace(" ", "") == whole or _joined_text(paragraph, second) != whole:
        return False
    reviewed.join_untracked(paragraph, second)
    return True


def _by_text(reviewed: Reviewed, paragraphs: list[Paragraph], units: list[Unit], pool: list[int],
             placed: dict[int, Placed]) -> None:
    unit_texts = {i: folded_text(units[i].printed) for i in pool}
    where: dict[str, list[int]] = defaultdict(list)
    for i in pool:
        if unit_texts[i]:
            where[unit_texts[i]].append(i)
    texts = {p.index: _text(p) for p in paragraphs}
    counts: dict[str, int] = defaultdict(int)
    for text in texts.values():
        counts[text] += 1
    taken = {p.unit for p in placed.values() if p.unit is not None}
    members = set(pool)
    # 1. Anchors: texts printed once in the file and once in the project, the longest run in order.
    pairs = [(p.index, where[texts[p.index]][0]) for p in paragraphs
             if texts[p.index] and counts[texts[p.index]] == 1 and len(where.get(texts[p.index], ())) == 1
             and where[texts[p.index]][0] not in taken]
    for paragraph_index, unit_index in _increasing(pairs):
        placed[paragraph_index] = Placed(unit_index, "text")
    # 2. The rest: exact text between the neighbours placed so far; then, for marked paragraphs, alike text.
    for exact in (True, False):
        for paragraph in paragraphs:
            if paragraph.index in placed or not texts[paragraph.index] or paragraph not in reviewed.paragraphs:
                continue
            if not exact and not _has_marks(paragraph):
                continue
            low, high = _window(paragraph.index, placed, members)
            if exact:
                candidates = [i for i in where.get(texts[paragraph.index], []) if low < i < high]
                if not candidates:  # a split that was not tracked: this paragraph and the next one are one unit
                    second = reviewed.following(paragraph)
                    joined = _joined_text(paragraph, second) if second is not None else ""
                    candidates = [i for i in pool if low < i < high and unit_texts[i].replace(" ", "") == joined]
                    if candidates and not _join_if_split(reviewed, paragraph, units[candidates[0]], placed):
                        candidates = []
                    if candidates:
                        texts[paragraph.index] = _text(paragraph)
                if candidates:
                    placed[paragraph.index] = Placed(candidates[0], "text")
                continue
            best = _most_alike(texts[paragraph.index], [i for i in pool if low < i < high], unit_texts)
            if best is not None:
                placed[paragraph.index] = Placed(best, "alike")


def _has_marks(paragraph: Paragraph) -> bool:
    return bool(paragraph.edits() or paragraph.mark or paragraph.comment_starts)


def _window(index: int, placed: dict[int, Placed], pool: set[int]) -> tuple[int, int]:
    """The units between those of the nearest placed paragraphs before and after paragraph ``index``."""
    before = [p.unit for i, p in placed.items() if i < index and p.unit is not None and p.how != "after"]
    after = [p.unit for i, p in placed.items() if i > index and p.unit is not None and p.how != "after"]
    low = max((u for u in before if u in pool), default=-1)
    high = min((u for u in after if u in pool), default=max(pool, default=0) + 1)
    return low, high


def _most_alike(text: str, candidates: list[int], unit_texts: dict[int, str]) -> int | None:
    best, best_ratio = None, ALIKE
    for index in candidates:
        matcher = SequenceMatcher(None, text, unit_texts[index], autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = index, ratio
    return best


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (paragraph, unit) pairs whose units increase with the paragraphs (patience sorting)."""
    pairs = sorted(pairs)
    tails: list[int] = []  # unit index ending a run of each length
    tail_at: list[int] = []  # the pair ending it
    previous: list[int] = [-1] * len(pairs)
    for n, (_, unit) in enumerate(pairs):
        k = bisect_left(tails, unit)
        if k == len(tails):
            tails.append(unit)
            tail_at.append(n)
        else:
            tails[k] = unit
            tail_at[k] = n
        previous[n] = tail_at[k - 1] if k else -1
    chain = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        chain.append(pairs[n])
        n = previous[n]
    return chain[::-1]


def _after(paragraphs: list[Paragraph], placed: dict[int, Placed]) -> None:
    """A paragraph the reviewer added (nothing of it was printed) goes after the paragraph before it."""
    last: int | None = None
    for paragraph in paragraphs:
        here = placed.get(paragraph.index)
        if here is not None and here.how != "after":
            last = here.unit
        elif not paragraph.original.strip() and paragraph.accepted.strip() and last is not None:
            placed[paragraph.index] = Placed(last, "after")
