"""A table's column widths and type size, decided before layout from the font's own metrics.

The browser's automatic table layout (CSS 2.1 §17.5.2.2) is done here once,
in Python: each column gets at least its longest unbreakable piece of text
(a syllable where the word may be hyphenated), then as far as the width
allows its longest whole word (a word in a cell is broken only when the page
has no room for it whole), and shares the rest in proportion to what its
longest cell would need on one line. The writers
then lay tables out with fixed widths, which is three times faster in
WeasyPrint, gives Word the same columns, and tells, before anything is laid
out, when a table cannot fit the page: it gets smaller type, then a
landscape page where the settings allow (the steps and their type sizes are
the geometry's: :mod:`kazthesis.resolve.geometry`), or it is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kazthesis.lang.hyphenation import SOFT_HYPHEN, hyphenate_text
from kazthesis.model import Cell, Table, plain_text
from kazthesis.read.fonts import text_width
from kazthesis.resolve.geometry import page_geometry, points

BREAKS = re.compile(r"[ \n]+")  # a no-break space joins; only these spaces break


@dataclass
class TableFit:
    """How a table is laid out: the share of the width of each column, and the type step."""

    widths: list[float]
    step: str  # "", "narrow", "tiny", "landscape"
    fits: bool  # False: too wide even in the smallest allowed way (it is then printed in that way)


def _cell_extent(cell: Cell, language: str, family: str, size: float, bold: bool) -> tuple[float, float, float]:
    """(min-content, widest whole word, max-content) width of a cell's text, in points."""
    text = plain_text(cell.children).strip()
    if not text:
        return 0.0, 0.0, 0.0
    widest_piece = widest_word = 0.0
    hyphen = text_width("-", family, size, bold)
    for word in BREAKS.split(text):
        pieces = hyphenate_text(word, language).split(SOFT_HYPHEN)
        for index, piece in enumerate(pieces):
            for part in re.split(r"(?<=-)", piece):  # a line may end after a hyphen
                width = text_width(part, family, size, bold) + (hyphen if index < len(pieces) - 1 else 0)
                widest_piece = max(widest_piece, width)
        widest_word = max(widest_word, max(text_width(part, family, size, bold) for part in re.split(r"(?<=-)", word)))
    lines = text.split("\n")
    return widest_piece, widest_word, max(text_width(line, family, size, bold) for line in lines)


def _widths(table: Table, language: str, family: str, size: float, padding: float,
            available: float) -> tuple[list[float], bool]:
    """Column widths in points for a table ``available`` points wide, and whether the words fit.

    Each column gets at least its longest syllable; then, as far as the width allows, its longest whole word
    (every column the same share of the way there), so that a word in a cell is broken only where the page
    has no room for it whole; what is left is shared in proportion to what the columns' longest cells need.
    """
    columns = table.columns
    low, words, high = [0.0] * columns, [0.0] * columns, [0.0] * columns
    for rows, bold in ((table.header, True), (table.rows, False)):
        for row in rows:
            for index, cell in enumerate(row):
                small, word, large = _cell_extent(cell, language, family, size, bold)
                low[index] = max(low[index], small + padding)
                words[index] = max(words[index], word + padding, low[index])
                high[index] = max(high[index], large + padding)
    if sum(low) > available:
        return low, False
    if sum(high) <= available:
        total = sum(high) or 1.0
        return [w * available / total for w in high], True
    reach = min(1.0, (available - sum(low)) / ((sum(words) - sum(low)) or 1.0))
    floor = [lo + reach * (w - lo) for lo, w in zip(low, words, strict=True)]
    spare = available - sum(floor)
    stretch = [max(h - f, 0.0) for h, f in zip(high, floor, strict=True)]
    total = sum(stretch) or 1.0
    return [f + spare * s / total for f, s in zip(floor, stretch, strict=True)], True


def fit_table(table: Table, layout: dict, language: str) -> TableFit:
    """The first way, of the steps the settings allow, in which the table's words fit the page width."""
    columns = table.columns
    if columns == 0:
        return TableFit([], "", True)
    geometry = page_geometry(layout)
    last: tuple[list[float], str] = ([1 / columns] * columns, "")
    for step in geometry.table_steps:
        if step.landscape and not layout.get("landscape_tables"):
            break
        page_mm = geometry.page_height if step.landscape else geometry.page_width
        available = points(page_mm - geometry.margin_left - geometry.margin_right)
        padding = points(2 * step.padding) + geometry.rule
        widths, fits = _widths(table, language, geometry.font, step.size, padding, available)
        total = sum(widths) or 1.0
        last = ([w / total for w in widths], step.name)
        if fits:
            return TableFit(last[0], step.name, True)
    return TableFit(last[0], last[1], False)
