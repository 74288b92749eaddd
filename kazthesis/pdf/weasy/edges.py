"""Laid-out pages → what is drawn outside the text area: a word too long for its line, a picture too wide.

CSS lets a run of letters without a break opportunity (a 300-character
``aaaa…``, a formula's digits) run past its line, and WeasyPrint draws it
there, past the page's margin or its edge. Such runs are marked by the HTML
writer and broken anywhere as a last resort (by CSS's ``overflow-wrap:
anywhere`` and by total fit, :mod:`kazthesis.pdf.weasy.total_fit`), so this
should find little; it is read in every build all the same, from the boxes' own
positions: each text and each picture of a page, with the paragraph
(``data-p``) or the element (``id``) it is in, for the build to report at
the source line. Box classes are told apart by name, as in
:mod:`kazthesis.pdf.weasy.boxes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kazthesis.pdf.weasy.boxes import children, kind

DRAWN = ("TextBox", "InlineReplacedBox", "BlockReplacedBox")
INVISIBLE_RE = re.compile("[\u00ad\u200b\u2060]")  # soft hyphens, zero-width spaces, word joiners: not shown
TOLERANCE = 0.5  # CSS px: rounding in justified lines


@dataclass(frozen=True)
class Overflow:
    """Something drawn past the text area of a page (0-based) of a piece, and what it belongs to."""

    page: int
    paragraph: str | None  # the data-p of its paragraph
    element: str | None  # else the id of the nearest element that has one (a heading, a figure, a table)
    text: str  # the text drawn there (its start), or "" for a picture
    points: float  # how far past the edge, in points


def overflows(pages: list) -> list[Overflow]:
    """Every text and picture drawn outside its page's text area (left or right), one for each paragraph or
    element on a page."""
    found: dict[tuple[int, str | None, str | None], Overflow] = {}
    for index, page in enumerate(pages):
        left = page.content_box_x()
        right = left + page.width
        stack: list[tuple[object, str | None, str | None]] = [(page, None, None)]
        while stack:
            box, paragraph, element = stack.pop()
            node = getattr(box, "element", None)
            if node is not None and str(getattr(box, "element_tag", "")) == node.tag:
                paragraph = node.get("data-p") or paragraph
                element = node.get("id") or element
            drawn = kind(box)
            if drawn in DRAWN and not (drawn == "TextBox" and not INVISIBLE_RE.sub("", box.text).strip()):
                # (a text box of spaces and invisible marks, left at a line's end, draws nothing)
                x0 = box.position_x  # type: ignore[attr-defined]
                x1 = x0 + box.margin_width()  # type: ignore[attr-defined]
                past = max(x1 - right, left - x0)
                if past > TOLERANCE and (index, paragraph, element) not in found:
                    text = INVISIBLE_RE.sub("", getattr(box, "text", "") or "")  # "" for a picture
                    found[(index, paragraph, element)] = Overflow(index, paragraph, element, text[:40],
                                                                  round(past * 0.75, 1))
            stack.extend((child, paragraph, element) for child in reversed(children(box)))
    return list(found.values())
