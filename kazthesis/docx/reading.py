"""WordprocessingML as Word and LibreOffice write it: the namespaces, the parts of a package, and a reviewed
paragraph — its text in pieces with their tracked-change state, read as edits of the text printed before
the review.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OBJECT = "\ufffc"  # a footnote call, a picture, a formula: one character of the text
PARAGRAPH = "\u2029"  # a paragraph break the reviewer inserted (a paragraph split in two)
MARKER_PREFIX = "_Ks"  # the source markers kazthesis.docx writes (hidden bookmarks)
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

