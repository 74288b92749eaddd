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

import html
import re
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
    def render(cls, html: object, stylesheets: list, font_config: object, paginate: bool = True) -> Layout:
        """Lay the document out (as ``HTML.render`` does), keeping the layout state. With ``paginate`` false
        no page is laid out yet: :meth:`advance` lays them out as they are wanted."""
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
        if paginate:
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

    def changed_from(self, page: int) -> None:
        """Note that the text changed on ``page`` (0-based): it is laid out again when next reached."""
        self.context.page_maker[page][-1]["content_changed"] = True

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

    def snapshot(self) -> Snapshot:
        """The pagination as it is now, to come back to (the box texts are undone by the caller's log)."""
        return Snapshot([_copy_page_maker_item(item) for item in self.context.page_maker], list(self.raw_pages))

    def restore(self, snapshot: Snapshot, texts: list[tuple[object, str]]) -> None:
        """Back to ``snapshot``, with the box texts changed since put back (``texts``: box, old text)."""
        for box, text in reversed(texts):
            box.text = text  # type: ignore[attr-defined]
        self.context.page_maker = [_copy_page_maker_item(item) for item in snapshot.page_maker]
        self.raw_pages = list(snapshot.raw_pages)

    def first_page_of(self, paragraph: str) -> int | None:
        """The page (0-based) on which the paragraph marked ``data-p`` starts."""
        from kazthesis.hyphen_rules import page_lines, paragraph_of_line

        for index, page in enumerate(self.raw_pages):
            if any(paragraph_of_line(line) == paragraph for line in page_lines(page)):
                return index
        return None


@dataclass
class Snapshot:
    page_maker: list
    raw_pages: list


def _copy_page_maker_item(item: tuple) -> tuple:
    """A copy of one page's pagination state that later pagination cannot change (as remake_page copies it)."""
    import copy

    resume_at, next_page, right_page, page_state, remake_state = item
    return (copy.deepcopy(resume_at), dict(next_page), right_page, copy.deepcopy(page_state),
            {key: list(value) if isinstance(value, list) else value for key, value in remake_state.items()})


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
