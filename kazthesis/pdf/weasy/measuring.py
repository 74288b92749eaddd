"""A paragraph's content in WeasyPrint's box tree → its text, with the widths Pango gives it.

:mod:`kazthesis.pdf.weasy.total_fit` plans a paragraph from what this module
reads: the text of its line box, run by run (each text box with its style,
an inline box's margin, border and padding as a stand-in character), and the
width of each character in its style, measured once by Pango and kept for
the process. A run's width is the sum of its characters' where kerning and
ligatures are off (our stylesheet turns them off), so a line is measured
without laying it out; a paragraph holding anything else (an image, an inline
block, text with spacing of its own) is not read.
"""

from __future__ import annotations

from typing import Any

INVISIBLE = frozenset("\u00ad\u2060\u200b")
EDGE = "\u2060"  # stands in the paragraph's text for an inline box's margin, border and padding
_ADVANCES: dict[tuple, float] = {}


def _font_key(style: Any) -> tuple:
    return (tuple(style["font_family"]), style["font_size"], style["font_weight"], style["font_style"],
            style["font_stretch"], style["font_variant_position"], style["font_variant_caps"], style["lang"])


def advance(style: Any, context: Any, char: str) -> float:
    """The width Pango gives a character in a style, CSS px (a space: its width between two letters)."""
    key = (_font_key(style), char)
    width = _ADVANCES.get(key)
    if width is None:
        from weasyprint.text.line_break import create_layout, line_size

        if char in INVISIBLE:
            width = 0.0
        else:
            layout = create_layout("a a" if char == " " else char, style, context, None, 0)
            width = line_size(layout.get_first_line()[0], style)[0]
            layout.deactivate()
            if char == " ":
                width -= 2 * advance(style, context, "a")
        _ADVANCES[key] = width
    return width


def _additive(style: Any) -> bool:
    """Whether a run's width in this style is the sum of its characters' (no kerning, no ligatures, no
    spacing of its own), and its spaces are collapsed as justification wants."""
    return (style["font_kerning"] == "none" and style["font_variant_ligatures"] == "none"
            and style["letter_spacing"] in ("normal", 0) and not style["word_spacing"]
            and style["white_space"] in ("normal", "nowrap", "pre-wrap"))  # pre-wrap: a list item's marker


def _edge(style: Any, side: str) -> float | None:
    """An inline box's margin, border and padding on one side, CSS px (None: not a length yet)."""
    total = 0.0
    for value in (style[f"margin_{side}"], style[f"border_{side}_width"], style[f"padding_{side}"]):
        if hasattr(value, "unit"):
            if value.unit != "px":
                return None
            value = value.value
        total += value or 0.0
    return total


def segments_of(box: Any, into: list) -> bool:
    """(text box or None, text, key) for the content of a line box in order; False when it holds something
    this module does not measure."""
    from weasyprint.formatting_structure import boxes

    for child in box.children:
        if isinstance(child, boxes.TextBox):
            if not _additive(child.style):
                return False
            into.append((child, child.text, ("text", id(child.style))))
        elif isinstance(child, boxes.InlineBox):
            left, right = _edge(child.style, "left"), _edge(child.style, "right")
            if left is None or right is None:
                return False
            if left:
                into.append((None, EDGE, ("edge", left)))
            if not segments_of(child, into):
                return False
            if right:
                into.append((None, EDGE, ("edge", right)))
        else:
            return False
    return True
