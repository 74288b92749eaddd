"""A laid-out piece that can be laid out again from a page on, after its text changed there.

WeasyPrint lays a document out page by page, and keeps for each page the
point where it starts (``context.page_maker``); it already re-makes only the
pages whose start moved when a counter changes. :class:`Layout` keeps that
state after a render, so that when the layout passes change a paragraph's
text — a hyphenated word whose soft hyphens are withdrawn — only the pages
from that word's page on are laid out again, and only until the pages start
where they started before. The change keeps every text offset (a withdrawn
soft hyphen becomes a word joiner, the same length), so the start points of
the pages before it stay valid.

This reaches into WeasyPrint's layout internals (pinned to 70.0 in
requirements.txt): :meth:`Layout.render` is ``Document._render`` and
``layout_document`` with the page boxes kept before their margin boxes are
added. The test suite compares the result with a full layout of the same
HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SOFT_HYPHEN = "\u00ad"
WORD_JOINER = "\u2060"  # no break here; the same length as the soft hyphen it replaces
MAX_LOOPS = 8  # as layout_document: page-based counters may need passes


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
        """Lay the document out (as ``HTML.render`` does), keeping the layout state."""
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
        layout = cls(html, context, root_box, [], context.footnotes.copy(), options)
        layout._paginate(first=True)
        return layout

    def _paginate(self, first: bool = False) -> None:
        """make_all_pages until nothing changes (layout_document's loop)."""
        from weasyprint.layout.page import make_all_pages

        context = self.context
        for loop in range(MAX_LOOPS):
            if loop > 0 or not first:
                context.footnotes = self.footnotes.copy()
            total = len(self.raw_pages)
            self.raw_pages = list(make_all_pages(context, self.root_box, self.html, self.raw_pages))
            changed = again = False
            for _, _, _, page_state, remake_state in context.page_maker:
                page_state[1]["pages"] = [len(self.raw_pages)]
                changed |= remake_state["content_changed"]
                again |= remake_state["pages_wanted"] and total != len(self.raw_pages)
            if not changed and not again:
                break

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

    def relayout_from(self, page: int) -> None:
        """Lay the pages out again from ``page`` (0-based) on, after a text change there."""
        self.context.page_maker[page][-1]["content_changed"] = True
        self._paginate()


def paragraph_texts(root_box: object, paragraph: str) -> list:
    """The text boxes of the paragraph marked ``data-p`` in the box tree before layout."""
    boxes = []

    def walk(box: object, inside: bool) -> None:
        element = getattr(box, "element", None)
        here = inside or (element is not None and element.get("data-p") == paragraph
                          and getattr(box, "element_tag", "") == element.tag)
        if here and type(box).__name__ == "TextBox":
            boxes.append(box)
        for child in getattr(box, "children", None) or []:
            walk(child, here)

    walk(root_box, False)
    return boxes
