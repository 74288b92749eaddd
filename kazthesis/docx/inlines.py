"""Inline model nodes → Word runs: text with its emphasis, links, citations, cross-references, footnote
calls, inline images and formulas.

Text keeps the typography the model gave it; the PDF's soft hyphens are never
put into the Word text: a .docx goes to plagiarism-check portals, which flag
invisible characters inside words, and a student editing it in Word would
carry them into every word they touch. Word hyphenates Russian and English
itself (with the document's language); Kazakh text stays justified without
breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart

from kazthesis.docx.images import ImageError
from kazthesis.docx.story import Story
from kazthesis.docx.styles import CODE_FONT
from kazthesis.docx.wordml import Run, append, el, line_break, text_run
from kazthesis.i18n import _
from kazthesis.model import (
    Citation,
    Code,
    CrossRef,
    Emphasis,
    Inline,
    InlineImage,
    LineBreak,
    Link,
    Math,
    NoteRef,
    Strikeout,
    Strong,
    Subscript,
    Superscript,
    Text,
)

SAFE_LINK_RE = re.compile(r"^(?:https?://|mailto:)", re.I)


@dataclass(frozen=True)
class Look:
    """Inherited character formatting of an inline run."""

    bold: bool = False
    italic: bool = False
    upper: bool = False
    superscript: bool = False
    subscript: bool = False
    strike: bool = False
    size: float = 0  # points; 0: the paragraph's

    def run(self) -> Run:
        return Run(bold=self.bold or None, italic=self.italic or None, superscript=self.superscript,
                   subscript=self.subscript, strike=self.strike or None, size=self.size)


class Inlines:
    """Writes inline nodes into paragraphs of one :class:`Story`."""

    def __init__(self, story: Story) -> None:
        self.story = story

    def write(self, parent: BaseOxmlElement, nodes: list[Inline], look: Look = Look(),
              part: StoryPart | None = None) -> None:
        """Append the runs of ``nodes`` to a paragraph (or hyperlink) ``parent``; ``part``: the story part
        (body or footnotes) its images and links belong to."""
        for node in nodes:
            self.inline(parent, node, look, part or self.story.word.part)

    def inline(self, parent: BaseOxmlElement, node: Inline, look: Look, part: StoryPart) -> None:
        if isinstance(node, Text):
            parent.append(text_run(node.text.upper() if look.upper else node.text, look.run()))
        elif isinstance(node, Emphasis):
            self.write(parent, node.children, replace(look, italic=True), part)
        elif isinstance(node, Strong):
            self.write(parent, node.children, replace(look, bold=True), part)
        elif isinstance(node, Superscript):
            self.write(parent, node.children, replace(look, superscript=True), part)
        elif isinstance(node, Subscript):
            self.write(parent, node.children, replace(look, subscript=True), part)
        elif isinstance(node, Strikeout):
            self.write(parent, node.children, replace(look, strike=True), part)
        elif isinstance(node, Code):
            parent.append(text_run(node.text, self.code_run(look)))
        elif isinstance(node, Link):
            self.link(parent, node, look, part)
        elif isinstance(node, LineBreak):
            parent.append(line_break())
        elif isinstance(node, Citation):
            # The PDF keeps a citation on one line (white-space: nowrap); Word's equivalent is no-break spaces.
            parent.append(text_run(node.text.replace(" ", "\u00a0"), look.run()))
        elif isinstance(node, CrossRef):
            self.cross_reference(parent, node, look)
        elif isinstance(node, NoteRef):  # the note in footnotes.xml, its call here
            footnotes = self.story.footnotes
            parent.append(footnotes.add(node.note, lambda p: self.write(p, node.note.children, Look(), footnotes.part)))
        elif isinstance(node, InlineImage):
            self.image(parent, node, part)
        elif isinstance(node, Math):
            self.math(parent, node, look, part)
        else:
            raise TypeError(f"no DOCX for {type(node).__name__}")

    def code_run(self, look: Look) -> Run:
        """Code in the geometry's code size and Word's twin of the PDF's code font."""
        return replace(look.run(), font=CODE_FONT, size=self.story.geometry.code_size)

    def link(self, parent: BaseOxmlElement, node: Link, look: Look, part: StoryPart) -> None:
        if not SAFE_LINK_RE.match(node.url):
            self.write(parent, node.children, look, part)
            return
        rid = part.relate_to(node.url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rid)
        link.set(qn("w:history"), "1")
        self.write(link, node.children, look, part)
        parent.append(link)

    def cross_reference(self, parent: BaseOxmlElement, node: CrossRef, look: Look) -> None:
        run = text_run(node.text, look.run())
        bookmarks = self.story.bookmarks
        target = next((ident for ident in node.ids if ident in bookmarks.targets), "")
        if not target:
            parent.append(run)
            return
        link = el("hyperlink", anchor=bookmarks.name(target), history=1)
        link.append(run)
        parent.append(link)

    def image(self, parent: BaseOxmlElement, node: InlineImage, part: StoryPart) -> None:
        try:
            drawing = self.story.pictures.picture(node.path, "", "", part, node.alt)
        except ImageError as exc:
            self.story.problems.error(node.path, None, _("the image cannot be put into the Word file: {exc}").format(
                                                         exc=exc),
                                      _("save it again as PNG, JPEG or SVG"))
            return
        parent.append(append(OxmlElement("w:r"), drawing))

    def math(self, parent: BaseOxmlElement, node: Math, look: Look, part: StoryPart) -> None:
        """TeX as the PDF shows it: its SVG drawing where the parser made one, else the TeX in code type."""
        if node.svg:
            drawing = self.story.pictures.svg_drawing(node.svg.encode("utf-8"), None, "", "", part, node.tex)
            parent.append(append(OxmlElement("w:r"), drawing))
        else:
            parent.append(text_run(node.tex, self.code_run(look)))
