"""Document model → .docx bytes: the thesis laid out for Word by the same geometry as the PDF.

The sibling of :mod:`kazthesis.pdf.html` (model → HTML for the PDF). It reads
the resolved :class:`~kazthesis.model.Document` and writes WordprocessingML
through python-docx, page by page in the PDF's order: the title page (or the
place of a signed one), the annotations, the contents as a TOC field, the
terms and abbreviations, the chapters, the reference list, the appendices.
Every number and printed string comes from the model, every size and
distance from its geometry: nothing here counts.
"""

from __future__ import annotations

from kazthesis.docx.blocks import Blocks
from kazthesis.docx.contents import add_contents
from kazthesis.docx.inlines import Inlines
from kazthesis.docx.package import package_bytes
from kazthesis.docx.pages import add_abbreviations_page, add_inserted_pages, add_references, add_terms
from kazthesis.docx.story import Story
from kazthesis.docx.title_page import add_title_page
from kazthesis.model import Document
from kazthesis.problems import Problems

__all__ = ["render_docx"]


def render_docx(document: Document, problems: Problems) -> bytes | None:
    """The thesis as .docx bytes; None when an image cannot be embedded (reported in ``problems``)."""
    errors = len(problems.errors)
    story = Story(document, problems)
    blocks = Blocks(story, Inlines(story))
    if not add_inserted_pages(story, "title"):
        add_title_page(story)
    add_inserted_pages(story, "after title")
    for part in document.abstracts:
        blocks.part(part)
    if document.config.layout.get("contents", True):  # APA: only where the course asks for one
        add_contents(story)
    add_inserted_pages(story, "after contents")
    if document.terms:
        add_terms(story, blocks)
    if document.abbreviations:
        add_abbreviations_page(story, blocks)
    if document.geometry.forms.name == "apa" and document.title_page.title and document.parts:
        blocks.paper_title(document.title_page.title)  # APA: the text starts under the paper's title
    for part in document.parts:
        blocks.part(part)
    add_references(story, blocks)
    for part in document.appendices:
        blocks.part(part)
    add_inserted_pages(story, "after end")
    data = package_bytes(story)
    return None if len(problems.errors) > errors else data
