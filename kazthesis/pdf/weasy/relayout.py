"""A piece laid out page by page, that can be laid out again from a page on after its text changed there.

WeasyPrint lays a document out page by page and keeps, for each page, the
point where it starts (``context.page_maker``); it re-makes a page only when
its content changed or it starts elsewhere than before, and keeps the rest.
:class:`Layout` keeps that state after a render and lays pages out only as
they are wanted (:meth:`Layout.advance`), so that the layout passes can fix a
page, look at it, and go on to the next: a hyphenated word whose soft hyphens
are withdrawn (each becomes a word joiner, the same length, so no text
offset moves) costs the page it is on and the next, not the rest of the
piece. Watch mode puts an edited paragraph's new text into the box tree and
lays out again from its page (:func:`text_edits`).

This reaches into WeasyPrint's layout internals (pinned to 70.0 in
requirements.txt): :meth:`Layout.render` is ``Document._render`` up to its
pages, :meth:`Layout.document` is the end of ``layout_document`` (margin
boxes added to copies of the page boxes). tests/test_relayout.py compares
the result with WeasyPrint laying out the same final HTML from scratch.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

SOFT_HYPHEN = "\u00ad"
WORD_JOINER = "\u2060"  # no break here; the same length as the soft hyphen it replaces


@dataclass
class Layout:
    """A rendered piece, with what WeasyPrint needs to lay out again part of it."""

    html: object  # weasyprint.HTML
    context: object  # weasyprint.layout.LayoutContext
    root_box: object  # the box tree before layout
    raw_pages: list  # page boxes as make_all_pages gives them, before margin boxes
    footnotes: list  # context.footnotes as they were before the first page
    options: dict = field(default_factory=dict)

    @classmethod
    def render(cls, html: object, stylesheets: list, font_config: object) -> Layout:
        """The document ready to be laid out (``HTML.render`` up to its pages), keeping the layout state:
        :meth:`advance` lays the pages out as they are wanted."""
        from weasyprint import DEFAULT_OPTIONS
        from weasyprint.css.counters import CounterStyle
        from weasyprint.document import Document
        from weasyprint.formatting_structure.build import build_formatting_structure
        from weasyprint.layout import initialize_page_maker

        options = dict(DEFAULT_OPTIONS, stylesheets=stylesheets)
        counter_style = CounterStyle()
        context = Document._build_layout_context(html, font_config, counter_style, {}, options)
        root_box = build_formatting_structure(
            html.etree_element, context.style_for, context.get_image_from_uri, html.base_url,
            context.target_collector, counter_style, context.footnotes)
        initialize_page_maker(context, root_box)
        return cls(html, context, root_box, [], context.footnotes.copy(), options)

    def document(self) -> object:
        """The laid-out pages as a weasyprint Document, margin boxes and backgrounds added to copies."""
        from weasyprint.document import Document, Page
        from weasyprint.html import get_html_metadata
        from weasyprint.layout import layout_fixed_boxes
        from weasyprint.layout.background import layout_backgrounds
        from weasyprint.layout.page import make_margin_boxes
        from weasyprint.pdf.metadata import DocumentMetadata

        context, finished = self.context, []
        for index, raw in enumerate(self.raw_pages):
            root, footnote_area, note_area = raw.children
            root = root.copy_with_children([*layout_fixed_boxes(context, self.raw_pages[:index], raw),
                                            *root.children,
                                            *layout_fixed_boxes(context, self.raw_pages[index + 1:], raw)])
            page = raw.copy_with_children([root])
            context.current_page = index + 1
            state = context.page_maker[context.current_page][3]
            children = [root]
            if footnote_area.children:
                children.append(footnote_area)
            if note_area.children:
                children.append(note_area)
            children.extend(make_margin_boxes(context, page, state))
            page.children = tuple(children)
            layout_backgrounds(page, context.get_image_from_uri)
            finished.append(page)
        document = Document([Page(page) for page in finished], DocumentMetadata(**get_html_metadata(self.html)),
                            self.html.url_fetcher, context.font_config, {}, self.options["output_intent"])
        document._html = self.html
        return document

    def changed_from(self, page: int) -> None:
        """Note that the text changed on ``page`` (0-based): it is laid out again when next reached."""
        self.context.page_maker[page][-1]["content_changed"] = True

    def unchanged(self, page: int) -> None:
        """Note that ``page`` (0-based) is to be kept as it is: it starts where it did, with the same text."""
        self.context.page_maker[page][-1]["content_changed"] = False

    def advance(self, last: int | None = None) -> None:
        """Bring the pages up to ``last`` (0-based; None: all) up to date: a page is laid out again when it
        changed or starts elsewhere than before, else kept. Pages after ``last`` wait, noted if stale, so that
        a change on each of several pages in turn costs a page or two each, not the rest of the piece each."""
        from weasyprint.layout.page import make_all_pages

        self.context.footnotes = self.footnotes.copy()
        made = []
        for index, page in enumerate(make_all_pages(self.context, self.root_box, self.html, self.raw_pages)):
            made.append(page)
            if last is not None and index >= last:
                self.raw_pages = made + self.raw_pages[len(made):]
                return
        self.raw_pages = made  # the piece ended: make_all_pages has dropped the pages after it

    def apply_text_edits(self, edits: TextEdits) -> list[tuple[object, str]] | None:
        """Put the new texts into the box tree (each box's text before returned, to undo); None, with
        nothing changed, when the boxes are not the texts the edits expect."""
        changed: list[tuple[object, str]] = []
        for paragraph, segments in edits.items():
            boxes = paragraph_texts(self.root_box, paragraph)
            for segment, before, after in segments:
                if segment >= len(boxes) or boxes[segment].text != before:
                    for box, text in reversed(changed):
                        box.text = text  # type: ignore[attr-defined]
                    return None
                changed.append((boxes[segment], before))
                boxes[segment].text = after
        return changed

    def pages_of(self, paragraph: str) -> list[int]:
        """The pages (0-based) that hold lines of the paragraph marked ``data-p``."""
        from kazthesis.pdf.weasy.hyphen_rules import page_lines, paragraph_of_line

        return [index for index, page in enumerate(self.raw_pages)
                if any(paragraph_of_line(line) == paragraph for line in page_lines(page))]


def paragraph_texts(root_box: object, paragraph: str) -> list:
    """The text boxes of the paragraph marked ``data-p`` in the box tree before layout, in order (those of
    generated content, such as a footnote call's number, left out)."""
    boxes = []

    def walk(box: object, inside: bool) -> None:
        element = getattr(box, "element", None)
        tag = str(getattr(box, "element_tag", ""))
        if "::" in tag:
            return
        here = inside or (element is not None and element.get("data-p") == paragraph and tag == element.tag)
        if here and type(box).__name__ == "TextBox":
            boxes.append(box)
        for child in getattr(box, "children", None) or []:
            walk(child, here)

    walk(root_box, False)
    return boxes


TOKEN_RE = re.compile(r"(<[^>]*>)")
PARAGRAPH_RE = re.compile(r'^<p data-p="([^"]+)"')

TextEdits = dict[str, list[tuple[int, str, str]]]  # paragraph → (text segment, old text, new text)


def text_edits(old: str, new: str) -> TextEdits | None:
    """How ``new`` differs from ``old`` when it differs only in the text of paragraphs (not in any tag, nor in
    a footnote's text); None for any other change. Segments count the non-empty texts of each paragraph."""
    a, b = TOKEN_RE.split(old), TOKEN_RE.split(new)
    if len(a) != len(b):
        return None
    edits: TextEdits = {}
    paragraph: str | None = None
    segment = -1
    spans: list[bool] = []  # open spans: whether each is a footnote
    for index, (before, after) in enumerate(zip(a, b, strict=True)):
        if index % 2:  # a tag
            if before != after:
                return None
            if match := PARAGRAPH_RE.match(before):
                paragraph, segment = match.group(1), -1
            elif before == "</p>":
                paragraph = None
            elif before.startswith("<span"):
                spans.append('class="footnote"' in before)
            elif before == "</span>" and spans:
                spans.pop()
            continue
        in_note = any(spans)
        if paragraph is not None and before and not in_note:
            segment += 1
        if before != after:
            if paragraph is None or in_note or not before or not after:
                return None
            edits.setdefault(paragraph, []).append((segment, html.unescape(before), html.unescape(after)))
    return edits
