"""WeasyPrint's box trees → what the layout passes read of them: lines, their paragraphs and texts, table rows.

A box keeps the HTML element it was made for (``box.element``, with its
attributes) and its tag (``box.element_tag``, ``"p::footnote-call"`` for
generated content): the passes find a paragraph by its ``data-p`` and a
table row by its ``data-table`` and ``data-row`` here, in the boxes, never
in the HTML. Box classes are told apart by name (WeasyPrint 70.0's names), so
that reading a tree needs no import of WeasyPrint; this module is the only
place those names are written.
"""

from __future__ import annotations

from collections.abc import Iterator

TEXT_BOX = "TextBox"
LINE_BOX = "LineBox"
LEFT_OUT = ("FootnoteAreaBox", "MarginBox")  # not the page's main text


def kind(box: object) -> str:
    """The name of a box's class."""
    return type(box).__name__


def children(box: object) -> list:
    return getattr(box, "children", None) or []


def is_generated(box: object) -> bool:
    """Whether a box holds generated content (``::before``, a footnote call's number), not the HTML's text."""
    return "::" in str(getattr(box, "element_tag", ""))


def page_lines(page: object) -> list:
    """The line boxes of a page's main text, in order (footnotes and page margins left out)."""
    return _lines(page, [])


def _lines(box: object, into: list) -> list:
    name = kind(box)
    if name in LEFT_OUT:
        return into
    if name == LINE_BOX:
        into.append(box)
        return into
    for child in children(box):
        _lines(child, into)
    return into


def paragraph_of_line(line: object) -> str | None:
    """The data-p of the paragraph a line belongs to (None for lines of headings, captions, lists…)."""
    element = getattr(line, "element", None)
    return element.get("data-p") if element is not None else None


def line_text(line: object) -> str:
    """A line's text as laid out (with the hyphen drawn at its break), without a footnote call's number."""
    return "".join(_texts(line))


def _texts(box: object) -> list[str]:
    if kind(box) == TEXT_BOX:
        return [box.text]  # type: ignore[attr-defined]
    if "::footnote-call" in str(getattr(box, "element_tag", "")):
        return []  # a footnote call's number is not part of the text
    return [text for child in children(box) for text in _texts(child)]


def paragraph_texts(root_box: object, paragraph: str) -> list:
    """The text boxes of the paragraph marked ``data-p`` in the box tree before layout, in order (those of
    generated content, such as a footnote call's number, left out; a footnote's text is not in the paragraph's
    boxes: WeasyPrint moves it out, into the footnote area)."""
    boxes = []

    def walk(box: object, inside: bool) -> None:
        if is_generated(box):
            return
        element = getattr(box, "element", None)
        tag = str(getattr(box, "element_tag", ""))
        here = inside or (element is not None and element.get("data-p") == paragraph and tag == element.tag)
        if here and kind(box) == TEXT_BOX:
            boxes.append(box)
        for child in children(box):
            walk(child, here)

    walk(root_box, False)
    return boxes


def table_rows(pages: list) -> Iterator[tuple[int, str, int]]:
    """(page index, table number, row number) of every laid-out table row marked ``data-row``, in order."""
    for index, page in enumerate(pages):
        for box in page.descendants():  # type: ignore[attr-defined]
            element = getattr(box, "element", None)
            if getattr(box, "element_tag", None) == "tr" and element is not None and element.get("data-row"):
                yield index, element.get("data-table"), int(element.get("data-row"))
