"""WordprocessingML as Word and LibreOffice write it → its paragraphs, each as text in pieces with their
tracked-change state.

The format knowledge that both sides of a .docx need: :mod:`kazthesis.docx.markers` reads back the
paragraphs just written to pair them with their sources, and ``kazthesis review``
(:mod:`kazthesis.review.reviewed`) reads a reviewed file with it. Here are the namespaces, the parts of a
package (read with zipfile and lxml) and :class:`ParagraphReader`, which walks one part — the body, the
footnotes, a header or footer, table cells included. Each :class:`Paragraph` keeps its text with every
change rejected (``original``: what the tool printed) and accepted (``accepted``), the changes as edits of
the original text (``w:ins``, ``w:del``, ``w:moveFrom``/``w:moveTo``, a paragraph mark inserted or deleted:
``w:pPr/w:rPr/w:ins|w:del``), the source markers it carries (bookmarks named ``_Ks…``, see
:mod:`kazthesis.docx.markers`) and whether it is generated (the contents field). A footnote call, a
picture or a formula is one OBJECT character in the text, so that the text lines up with the printed
units of :mod:`kazthesis.resolve.printed_units`.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from kazthesis.resolve.printed_units import OBJECT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
PARAGRAPH = "\u2029"  # a paragraph break the reviewer inserted (a paragraph split in two)
MARKER_PREFIX = "_Ks"  # the source markers' bookmarks (their names: kazthesis.docx.markers)
REVISIONS = {"ins": "insert", "del": "delete", "moveFrom": "move-from", "moveTo": "move-to"}
SKIPPED = {"instrText", "delInstrText", "footnoteRef", "endnoteRef", "commentReference", "annotationRef",
           "separator", "continuationSeparator", "lastRenderedPageBreak", "rPr", "fldChar"}
CONTAINERS = {"hyperlink", "smartTag", "customXml", "fldSimple", "sdtContent", "dir", "bdo"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Revision:
    """Who made a tracked change, and when."""

    kind: str  # "insert" | "delete" | "move-from" | "move-to" | "format"
    author: str
    date: str  # "2026-12-03", or ""
    move: str = ""  # the name that pairs a moveFrom with its moveTo


@dataclass
class Piece:
    """A stretch of a paragraph's text with one revision state (None: unchanged)."""

    text: str
    revision: Revision | None = None

    @property
    def original(self) -> bool:  # part of the text as it was before the review
        return self.revision is None or self.revision.kind in ("delete", "move-from", "format")

    @property
    def accepted(self) -> bool:  # part of the text once every change is accepted
        return self.revision is None or self.revision.kind in ("insert", "move-to", "format")


@dataclass
class Edit:
    """One tracked change inside a paragraph, on its original text: ``original[start:end]`` → ``inserted``."""

    start: int
    end: int
    deleted: str
    inserted: str
    revision: Revision
    move: str = ""  # a moveFrom/moveTo name when the edit is (half of) a move


@dataclass
class Paragraph:
    """One paragraph of the reviewed file."""

    index: int  # reading order over the whole file (body, then footnotes, then headers and footers)
    story: str  # "body" | "footnote" | "footer" | "header"
    pieces: list[Piece] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)  # _Ks… bookmark names
    mark: Revision | None = None  # the paragraph mark itself inserted or deleted
    contents: bool = False  # inside the contents field (generated text)
    style: str = ""
    in_table: bool = False
    comment_starts: dict[str, int] = field(default_factory=dict)  # comment id → offset in the full text
    comment_ends: dict[str, int] = field(default_factory=dict)

    @property
    def original(self) -> str:
        return "".join(p.text for p in self.pieces if p.original)

    @property
    def accepted(self) -> str:
        return "".join(p.text for p in self.pieces if p.accepted)

    @property
    def full(self) -> str:
        """Every piece, inserted and deleted alike (comment offsets count in it)."""
        return "".join(p.text for p in self.pieces)

    def edits(self) -> list[Edit]:
        """The tracked changes as edits of the original text; a deletion right before an insertion by the
        same author is one replacement, as Word shows it."""
        edits: list[Edit] = []
        offset = 0
        for piece in self.pieces:
            revision = piece.revision
            if revision is None or revision.kind == "format":
                offset += len(piece.text)
                continue
            removes = revision.kind in ("delete", "move-from")
            last = edits[-1] if edits else None
            if (last is not None and last.end == offset and not last.inserted and not removes
                    and last.revision.author == revision.author and not last.move and not revision.move):
                last.inserted = piece.text  # a replacement: deleted words, then the words that replace them
            elif (last is not None and last.end == offset and last.revision == revision
                  and (bool(last.deleted) == removes)):
                if removes:
                    last.deleted += piece.text
                    last.end += len(piece.text)
                else:
                    last.inserted += piece.text
            elif removes:
                edits.append(Edit(offset, offset + len(piece.text), piece.text, "", revision, revision.move))
            else:
                edits.append(Edit(offset, offset, "", piece.text, revision, revision.move))
            if removes:
                offset += len(piece.text)
        return [e for e in edits if e.deleted or e.inserted]

    def original_offset(self, full_offset: int) -> int:
        """An offset of the full text as an offset of the original text."""
        position = original = 0
        for piece in self.pieces:
            if position + len(piece.text) > full_offset:
                return original + (full_offset - position if piece.original else 0)
            position += len(piece.text)
            original += len(piece.text) if piece.original else 0
        return original


def revision_of(element: etree._Element, kind: str, move: str = "") -> Revision:
    """Who made the change of ``element`` (a w:ins, w:del… element), and when."""
    return Revision(kind, element.get(w("author"), ""), (element.get(w("date")) or "")[:10], move)


def read_xml(archive: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        data = archive.read(name)
    except KeyError:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)
    return etree.fromstring(data, parser)


def related_parts(archive: zipfile.ZipFile, document: str) -> dict[str, list[str]]:
    """The document part's relationships: type (its last path segment) → part names."""
    folder, name = posixpath.split(document)
    rels = read_xml(archive, posixpath.join(folder, "_rels", name + ".rels"))
    found: dict[str, list[str]] = {}
    if rels is None:
        return found
    for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], []).append(part)
    return found


def main_part(archive: zipfile.ZipFile) -> str:
    rels = read_xml(archive, "_rels/.rels")
    if rels is not None:
        for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
    return "word/document.xml"


class ParagraphReader:
    """Walks the paragraphs of one XML part, keeping field and move state across paragraphs."""

    def __init__(self, story: str, first_index: int) -> None:
        self.story = story
        self.index = first_index
        self.paragraphs: list[Paragraph] = []
        self.fields: list[list] = []  # open complex fields: [instruction, past "separate"]
        self.move_name = ""

    def in_contents(self) -> bool:
        return any(f[0].lstrip().upper().startswith("TOC") for f in self.fields)

    def showing(self) -> bool:
        """Text shows unless it is a field's instruction."""
        return all(f[1] for f in self.fields)

    def walk(self, element: etree._Element, in_table: bool = False) -> None:
        for child in element:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p" and child.tag == w("p"):
                self.paragraph(child, in_table)
            elif tag == "tbl":
                self.walk(child, True)
            elif tag in ("tr", "tc", "sdt", "sdtContent", "customXml", "txbxContent", "body", "footnote",
                         "endnote", "hdr", "ftr"):
                self.walk(child, in_table)

    def paragraph(self, p: etree._Element, in_table: bool) -> None:
        para = Paragraph(self.index, self.story, in_table=in_table)
        self.index += 1
        ppr = p.find(w("pPr"))
        if ppr is not None:
            style = ppr.find(w("pStyle"))
            para.style = style.get(w("val"), "") if style is not None else ""
            rpr = ppr.find(w("rPr"))
            if rpr is not None:
                for kind in REVISIONS:
                    mark = rpr.find(w(kind))
                    if mark is not None:
                        para.mark = revision_of(mark, REVISIONS[kind])
        para.contents = self.in_contents() or para.style.upper().startswith(("TOC", "CONTENTS"))
        for start in p.iter(w("moveFromRangeStart"), w("moveToRangeStart")):
            self.move_name = start.get(w("name"), "")  # LibreOffice writes it inside the first moved run
            break
        self.inline(p, para, None)
        para.contents = para.contents or self.in_contents()
        self.paragraphs.append(para)

    def inline(self, element: etree._Element, para: Paragraph, revision: Revision | None) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            tag = qname.localname
            if qname.namespace == M:
                if tag in ("oMath", "oMathPara"):
                    self.text(para, OBJECT, revision)
                continue
            if tag == "r":
                self.run(child, para, revision)
            elif tag in REVISIONS:
                name = child.get(w("name")) or self.move_name
                self.inline(child, para, revision_of(child, REVISIONS[tag], name if "move" in tag else ""))
            elif tag in ("moveFromRangeStart", "moveToRangeStart"):
                self.move_name = child.get(w("name"), "")
            elif tag in ("moveFromRangeEnd", "moveToRangeEnd"):
                self.move_name = ""
            elif tag in CONTAINERS or tag == "sdt":
                self.inline(child, para, revision)
            elif tag == "bookmarkStart":
                name = child.get(w("name"), "")
                if name.startswith(MARKER_PREFIX):
                    para.markers.append(name)
            elif tag == "commentRangeStart":
                para.comment_starts[child.get(w("id"), "")] = len(para.full)
            elif tag == "commentRangeEnd":
                para.comment_ends[child.get(w("id"), "")] = len(para.full)

    def text(self, para: Paragraph, text: str, revision: Revision | None) -> None:
        if not text:
            return
        if para.pieces and para.pieces[-1].revision == revision:
            para.pieces[-1].text += text
        else:
            para.pieces.append(Piece(text, revision))

    def run(self, r: etree._Element, para: Paragraph, revision: Revision | None) -> None:
        rpr = r.find(w("rPr"))
        if revision is None and rpr is not None and rpr.find(w("rPrChange")) is not None:
            change = rpr.find(w("rPrChange"))
            revision = revision_of(change, "format")
        for child in r:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "fldChar":
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self.fields.append(["", False])
                elif kind == "separate" and self.fields:
                    self.fields[-1][1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag in ("instrText", "delInstrText"):
                if self.fields and not self.fields[-1][1]:
                    self.fields[-1][0] += child.text or ""
                continue
            if tag in SKIPPED or not self.showing():
                continue
            if tag in ("t", "delText"):
                self.text(para, child.text or "", revision)
            elif tag == "tab" or tag == "ptab":
                self.text(para, "\t", revision)
            elif tag in ("br", "cr"):
                if child.get(w("type")) not in ("page", "column"):
                    self.text(para, "\n", revision)
            elif tag == "noBreakHyphen":
                self.text(para, "\u2011", revision)
            elif tag == "sym":
                try:
                    self.text(para, chr(int(child.get(w("char"), "0"), 16) & 0xFFFF or 0x25A1), revision)
                except ValueError:
                    pass
            elif tag in ("footnoteReference", "endnoteReference", "drawing", "pict", "object"):
                self.text(para, OBJECT, revision)
