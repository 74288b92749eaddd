"""The spacing between glyphs written into the PDF as Pango laid it out, not truncated to whole units.

WeasyPrint 70 draws a line's glyphs with one ``TJ`` operator and, between
each two glyphs, the difference between the glyph's advance in the font and
its advance in the layout (kerning, letter spacing, word spacing) in
thousandths of the font size — truncated to a whole number
(``int(kerning)`` in ``weasyprint/draw/text.py``). A fraction of a unit a
glyph is nothing; but a line set with its own letter spacing
(:mod:`kazthesis.pdf.weasy.total_fit`) has the same fraction at every glyph,
and seventy glyphs drift by up to a point from where the layout put them, so
justified lines end up to a point before or past the right margin. ``TJ``
takes real numbers: :func:`install` has that module write the spacing to
three decimals. The name ``int`` is looked up in the module's globals before
the built-ins, so the change reaches that call and one other, which sizes a
Pango layout (a large number, always given back whole).
"""

from __future__ import annotations

import builtins

__all__ = ["install"]

WHOLE_FROM = 10_000  # a spacing is a few hundred units at most; a layout's width in Pango units is far more


def _spacing(value: float) -> float | int:
    """A glyph spacing to three decimals; anything else (a layout width) as ``int`` gives it."""
    if isinstance(value, float) and abs(value) < WHOLE_FROM:
        return round(value, 3)
    return builtins.int(value)


def install() -> None:
    """Write glyph spacing to three decimals in WeasyPrint's text drawing (once per process)."""
    from weasyprint.draw import text

    text.int = _spacing  # type: ignore[attr-defined]
