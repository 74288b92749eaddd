"""A piece's HTML → its tags and the texts of its paragraphs, with their places in the string.

The layout passes change a piece's HTML in two ways and compare two versions
of it: a hyphenated word's soft hyphens withdrawn in its paragraph
(:func:`withdraw` in :mod:`kazthesis.pdf.weasy.hyphen_rules`), a table cut at
a page break (:mod:`kazthesis.pdf.weasy.tables`), and an edit told apart from
a change of structure (:func:`text_edits`, watch mode). Each is a change of
a few places in the string the HTML writer made, so the string is cut there
and the rest is kept byte for byte. The places come from the standard
library's HTML tokenizer (:class:`html.parser.HTMLParser`: attributes in any
order and quoting, values unescaped, ``<style>`` read as text), not from
patterns over the markup.

A paragraph is an element with ``data-p``; its texts are those outside the
footnotes it holds (``<span class="footnote">``), as in WeasyPrint's box
tree, which moves a footnote's text out of its paragraph
(:func:`kazthesis.pdf.weasy.boxes.paragraph_texts`).
"""

from __future__ import annotations

import html as html_module
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Tag:
    """A start or end tag, and where it stands: ``html[start:end]`` is the tag as written."""

    name: str  # lower case, as the tokenizer gives it
    attrs: dict[str, str | None]  # values unescaped; empty for an end tag
    start: int
    end: int
    closing: bool = False

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()


class _Tokenizer(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]
        position = html.find("\n")
        while position != -1:
            self.line_starts.append(position + 1)
            position = html.find("\n", position + 1)
        self.tags: list[Tag] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        self.tags.append(Tag(tag, dict(attrs), start, start + len(self.get_starttag_text() or "")))

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        self.tags.append(Tag(tag, {}, start, self.html.index(">", start) + 1, closing=True))


def tags(html: str) -> list[Tag]:
    """Every start and end tag of ``html``, in order (comments and the doctype are left to the texts)."""
    tokenizer = _Tokenizer(html)
    tokenizer.feed(html)
    tokenizer.close()
    return tokenizer.tags


def element_end(found: list[Tag], index: int) -> int:
    """The index in ``found`` of the end tag that closes the element ``found[index]`` opens (elements of the
    same name may nest); len(found) when it is never closed."""
    name, depth = found[index].name, 0
    for position in range(index, len(found)):
        tag = found[position]
        if tag.name == name:
            depth += -1 if tag.closing else 1
            if depth == 0:
                return position
    return len(found)


@dataclass(frozen=True)
class Gap:
    """The text between two tags (or before the first, after the last), and what it belongs to."""

    start: int
    end: int
    paragraph: str | None  # the data-p of the paragraph it is in
    in_note: bool  # inside a footnote


def gaps(html: str, found: list[Tag]) -> list[Gap]:
    """The texts around ``found`` (the tags of ``html``), each with its paragraph: len(found) + 1 of them."""
    result: list[Gap] = []
    paragraph: str | None = None
    closes_paragraph: int | None = None  # the index of the paragraph's end tag
    spans: list[bool] = []  # open spans: whether each is a footnote
    previous = 0
    for index, tag in enumerate(found):
        result.append(Gap(previous, tag.start, paragraph, any(spans)))
        previous = tag.end
        if index == closes_paragraph:
            paragraph, closes_paragraph = None, None
        elif not tag.closing and tag.attrs.get("data-p") and paragraph is None:
            paragraph, closes_paragraph = tag.attrs["data-p"], element_end(found, index)
        if tag.name == "span" and not tag.closing:
            spans.append(tag.has_class("footnote"))
        elif tag.name == "span" and spans:
            spans.pop()
    result.append(Gap(previous, len(html), paragraph, any(spans)))
    return result


def paragraph_texts(html: str) -> dict[str, list[Gap]]:
    """Each paragraph's non-empty texts outside footnotes, in order, by data-p."""
    texts: dict[str, list[Gap]] = {}
    for gap in gaps(html, tags(html)):
        if gap.paragraph is not None and not gap.in_note and gap.end > gap.start:
            texts.setdefault(gap.paragraph, []).append(gap)
    return texts


TextEdits = dict[str, list[tuple[int, str, str]]]  # paragraph → (text segment, old text, new text)


def text_edits(old: str, new: str) -> TextEdits | None:
    """How ``new`` differs from ``old`` when it differs only in the text of paragraphs (not in any tag, nor in
    a footnote's text); None for any other change. Segments count the non-empty texts of each paragraph
    outside its footnotes, in order: the text boxes :func:`~kazthesis.pdf.weasy.boxes.paragraph_texts` finds."""
    a, b = tags(old), tags(new)
    if len(a) != len(b) or any(old[x.start : x.end] != new[y.start : y.end] for x, y in zip(a, b, strict=True)):
        return None
    edits: TextEdits = {}
    segments: dict[str, int] = {}
    for before, after in zip(gaps(old, a), gaps(new, b), strict=True):
        old_text, new_text = old[before.start : before.end], new[after.start : after.end]
        paragraph = before.paragraph
        if paragraph is not None and old_text and not before.in_note:
            segments[paragraph] = segments.get(paragraph, -1) + 1
        if old_text != new_text:
            if paragraph is None or before.in_note or not old_text or not new_text:
                return None
            edits.setdefault(paragraph, []).append(
                (segments[paragraph], html_module.unescape(old_text), html_module.unescape(new_text)))
    return edits

