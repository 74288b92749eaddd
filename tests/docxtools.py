"""Reading a built .docx back: its parts as XML, the body's paragraphs and their visible text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
}


def q(tag: str) -> str:
    """``"w:p"`` → ``"{namespace}p"``, as lxml names elements."""
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


class Docx:
    """A .docx package, read part by part."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def blob(self, name: str) -> bytes:
        with zipfile.ZipFile(self.path) as package:
            return package.read(name)

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.blob(name))

    def rels(self, name: str = "word/_rels/document.xml.rels") -> dict[str, str]:
        """Relationship id → target."""
        return {rel.get("Id"): rel.get("Target") for rel in self.xml(name)}

    @property
    def body(self) -> etree._Element:
        return self.xml("word/document.xml").find(q("w:body"))


def text_of(element: etree._Element) -> str:
    """The visible text of a paragraph (or any element): runs, tabs, line breaks as spaces, a non-breaking
    hyphen as a hyphen."""
    shown = {q("w:tab"): "\t", q("w:br"): " ", q("w:noBreakHyphen"): "-"}
    parts = []
    for node in element.iter(q("w:t"), q("w:tab"), q("w:br"), q("w:noBreakHyphen")):
        parts.append(node.text or "" if node.tag == q("w:t") else shown[node.tag])
    return "".join(parts)


def style_of(p: etree._Element) -> str:
    """The paragraph's style id ("" for Normal)."""
    style = p.find(f"{q('w:pPr')}/{q('w:pStyle')}")
    return style.get(q("w:val")) if style is not None else ""


def flat(text: str) -> str:
    """Text as read, spacing made plain; the PDF's invisible line-breaking marks (kept out of Word) dropped."""
    text = text.replace("\u00a0", " ").replace("\u2060", "").replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()
