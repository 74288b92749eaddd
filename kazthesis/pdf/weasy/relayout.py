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
lays out again from its page (:func:`kazthesis.pdf.weasy.markup.text_edits`).

This reaches into WeasyPrint's layout internals (pinned to 70.0 in
requirements.txt): :meth:`Layout.render` is ``Document._render`` up to its
pages, :meth:`Layout.document` is the end of ``layout_document`` (margin
boxes added to copies of the page boxes). tests/pdf/weasy/test_relayout.py compares
the result with WeasyPrint laying out the same final HTML from scratch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kazthesis.pdf.weasy.boxes import page_lines, paragraph_of_line, paragraph_texts
from kazthesis.pdf.weasy.markup import TextEdits


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
        return [index for index, page in enumerate(self.raw_pages)
                if any(paragraph_of_line(line) == paragraph for line in page_lines(page))]
