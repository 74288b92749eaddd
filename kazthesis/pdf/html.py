"""Document model → HTML for WeasyPrint: the pieces of the thesis and the whole of it.

A thesis is laid out in pieces that each start on a new page — the title
page, the contents, the abbreviations, every level-1 part, the reference
list, every appendix — so that the PDF stage can lay out each on its own
(and again only when it changes). The same pieces joined make
``output/thesis.html``, the HTML of the whole document. The chapters' markup
is written by :mod:`kazthesis.pdf.fragments`; the page furniture (title page,
contents, lists) lives in Jinja2 templates and the look in CSS, which a
project may override file by file in its own templates/ (rendered in the
sandbox of :mod:`kazthesis.pdf.templates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from kazthesis.lang import wording
from kazthesis.lang.hyphenation import hyphenate_text
from kazthesis.model import Document, Source, Statistics, walk_blocks
from kazthesis.pdf.fragments import Writer, reference_html
from kazthesis.pdf.templates import template_environment


@dataclass
class Piece:
    """A run of pages laid out on its own: its name and its HTML (a ``<section>``)."""

    name: str  # "title", "contents", "abbreviations", "part-2", "references", "appendix-1"
    html: str


class HtmlBook:
    """The thesis as HTML pieces, and the page around them."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.env = template_environment(document.config.root)
        self.writer = Writer(document)
        self.strings = document.strings or wording.strings(document.language)  # as the profile prints them
        if not document.geometry.forms.hyphenate:  # the list's words stay whole too
            self.env.filters["reference_html"] = lambda runs, language=None: reference_html(runs)
        self.sources: dict[str, dict[str, Source]] = {}  # piece → its paragraphs' data-p → where each is written

    def _render(self, name: str, **values: Any) -> str:
        return self.env.get_template(name).render(language=self.document.language, strings=self.strings,
                                                  **values)

    def css(self, stamped: bool) -> str:
        """The stylesheet, its sizes and distances from the document's geometry (the Word writer reads the
        same); ``stamped``: page numbers are drawn after layout, not by the page boxes."""
        return self._render("thesis.css", geometry=self.document.geometry, stamped=stamped)

    def contents(self, pages: dict[str, int] | None) -> Piece:
        """The contents page; without ``pages`` its numbers come from CSS ``target-counter``."""
        return Piece("contents", self._render("contents.html", entries=self.document.contents, pages=pages))

    def pieces(self, pages: dict[str, int] | None = None) -> list[Piece]:
        """Every piece in page order."""
        document = self.document
        apa = document.geometry.forms.name == "apa"
        title_page = "student_title_page.html" if apa else "title_page.html"
        pieces = [Piece("title", self._render(title_page, title_page=document.title_page))]
        pieces.extend(self.abstract_pieces())
        if self.has_contents:
            pieces.append(self.contents(pages))
        if document.terms:
            pieces.append(self.terms())
        if document.abbreviations:
            pieces.append(Piece("abbreviations", self._render("abbreviations.html",
                                                              abbreviations=document.abbreviations)))
        if apa and document.parts:  # APA: a heading starts no page, so the text is one piece, under the title
            pieces.append(self._piece("part-1", self.writer.body(document.parts, document.title_page.title)))
        for n, part in enumerate([] if apa else document.parts, 1):
            pieces.append(self._piece(f"part-{n}", self.writer.part(part)))
        pieces.append(Piece("references", self._render("references.html", references=document.references,
                                                       hanging=document.hanging_references)))
        for n, part in enumerate(document.appendices, 1):
            pieces.append(self._piece(f"appendix-{n}", self.writer.part(part)))
        return pieces

    @property
    def has_contents(self) -> bool:
        """Whether a contents page is printed: the profile's choice, or ``[layout] contents``."""
        return bool(self.document.config.layout.get("contents", True))

    def _piece(self, name: str, html: str) -> Piece:
        """A piece of the text, noting where each of its paragraphs is written (for the layout's messages)."""
        self.sources[name] = dict(self.writer.paragraph_sources)
        return Piece(name, html)

    def page(self, pieces: list[Piece], css: str) -> str:
        """A complete HTML document holding ``pieces``."""
        return self._render("thesis.html", title_page=self.document.title_page, css=css,
                            body=Markup("".join(piece.html for piece in pieces)))

    # --- annotations and terms ------------------------------------------------------------------------
    def abstract_pieces(self, total_pages: int | None = None) -> list[Piece]:
        """Each annotation a piece of its own, in the order written, its statistics line (if any) counting
        ``total_pages`` (the previous count when None)."""
        if total_pages is not None:
            self.writer.total_pages = total_pages
        return [self._piece(f"abstract-{n}", self.writer.abstract(part))
                for n, part in enumerate(self.document.abstracts, 1)]

    def has_statistics(self) -> bool:
        return any(isinstance(block, Statistics) for part in self.document.abstracts
                   for block in walk_blocks(part.blocks))

    def terms(self) -> Piece:
        """The terms-and-definitions page; its justified text hyphenated as the chapters' is."""
        language = self.document.language
        hyphenate = self.document.geometry.forms.hyphenate
        terms = [(term, hyphenate_text(definition, language) if hyphenate else definition)
                 for term, definition in self.document.terms]
        intro = self.strings["terms_intro"]
        return Piece("terms", self._render("terms.html", terms=terms,
                                           intro=hyphenate_text(intro, language) if hyphenate else intro))
