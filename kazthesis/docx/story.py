"""The Word file being written: the body's elements in order and what every part of the writer shares.

A :class:`Story` is made once per .docx from the resolved document: the
python-docx package, the geometry, the body (a list of ``w:p`` and ``w:tbl``
elements put into the package at the end), the bookmarks that cross-references
and the contents point at, the pictures, the footnotes and the lists.
"""

from __future__ import annotations

from collections.abc import Mapping

import docx
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from kazthesis.docx.footnotes import Footnotes
from kazthesis.docx.images import Pictures
from kazthesis.docx.styles import Lists
from kazthesis.docx.wordml import el, twips
from kazthesis.lang import wording
from kazthesis.model import Document
from kazthesis.problems import Problems
from kazthesis.resolve.geometry import Geometry


class Bookmarks:
    """Word bookmarks for the ids a cross-reference or the contents may point at."""

    def __init__(self, document: Document) -> None:
        ids = {h.id for h in document.headings if h.id} | {f.id for f in document.figures if f.id}
        ids |= {t.id for t in document.tables if t.id} | {"abbreviations", "references", "terms"}
        self.targets = ids | {listing.id for listing in document.listings if listing.id}
        self.names: dict[str, str] = {}
        self.count = 0

    def name(self, ident: str) -> str:
        """A Word bookmark name for an id (hidden: a leading underscore; ids may hold ":" that Word refuses)."""
        if ident not in self.names:
            self.names[ident] = f"_Ref{100000001 + len(self.names)}"
        return self.names[ident]

    def mark(self, p: BaseOxmlElement, ident: str) -> None:
        """Wrap the content of paragraph ``p`` in the bookmark of ``ident``."""
        if not ident or ident not in self.targets:
            return
        self.count += 1
        start = el("bookmarkStart", id=self.count, name=self.name(ident))
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(el("bookmarkEnd", id=self.count))


class Story:
    """One .docx being written from ``document``."""

    def __init__(self, document: Document, problems: Problems) -> None:
        self.document = document
        self.problems = problems
        self.geometry: Geometry = document.geometry
        self.word = docx.Document()
        self.body: list[BaseOxmlElement] = []
        self.bookmarks = Bookmarks(document)
        self.pictures = Pictures(self.word, self.geometry, document.config.root)
        self.footnotes = Footnotes(self.word)
        self.lists = Lists(twips(self.geometry.indent_pt))
        self.title_foot = ""  # the city and year, set in the title page's own footer

    @property
    def strings(self) -> Mapping[str, str]:
        """The fixed strings as the profile prints them (APA: "References", "Appendix A")."""
        return self.document.strings or wording.strings(self.document.language)

    @property
    def size(self) -> float:
        """The body's type size, pt: the em of every space the writer sets."""
        return self.geometry.body_size

    def add(self, element: BaseOxmlElement) -> BaseOxmlElement:
        """Append a paragraph or table to the body."""
        self.body.append(element)
        return element
