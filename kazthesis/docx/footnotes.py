"""Footnotes → footnotes.xml: real Word footnotes, numbered by Word in the model's order.

The note's text is set in the "footnote text" style (the geometry's footnote
size, single spaced, at the paragraph indent); the rule above the notes is
Word's own separator.
"""

from __future__ import annotations

from collections.abc import Callable

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart

from kazthesis.docx.wordml import Para, Run, append, el, paragraph, text_run
from kazthesis.model import Footnote

SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote>')
REFERENCE = Run(style="FootnoteReference")


class Footnotes:
    """The footnotes part of one Word file."""

    def __init__(self, word: docx.document.Document) -> None:
        self.element = parse_xml(f'<w:footnotes {nsdecls("w", "r", "wp", "a", "pic")}>{SEPARATORS}</w:footnotes>')
        self.part = StoryPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.element, word.part.package)

    def add(self, note: Footnote, write: Callable[[BaseOxmlElement], None]) -> BaseOxmlElement:
        """The note in footnotes.xml, its text written into its paragraph by ``write``; returns the call's run."""
        element = el("footnote", id=note.number)
        p = paragraph(Para(style="FootnoteText"))
        p.append(append(OxmlElement("w:r"), REFERENCE.element(), el("footnoteRef")))
        p.append(text_run(" "))
        write(p)
        element.append(p)
        self.element.append(element)
        return append(OxmlElement("w:r"), REFERENCE.element(), el("footnoteReference", id=note.number))
