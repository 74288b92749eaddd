"""A reviewed .docx → its paragraphs as printed before the review, their tracked changes, and the comments.

Read with zipfile and lxml, as Word and LibreOffice write WordprocessingML: the
body, the footnotes and the headers and footers (the title page's foot), table
cells included. Each paragraph keeps its text with every change rejected
(``original``: what the tool printed) and accepted (``accepted``), the changes
as edits of the original text (``w:ins``, ``w:del``, ``w:moveFrom``/``w:moveTo``,
a paragraph mark inserted or deleted: ``w:pPr/w:rPr/w:ins|w:del``), the source
markers it carries (bookmarks named ``_Ks…``, see :mod:`kazthesis.docx.markers`)
and whether it is generated (the contents field). Comments come with their
author, date, text, anchored words and replies (``commentsExtended.xml``:
``w15:paraIdParent`` names the parent's last paragraph).

A footnote call, a picture or a formula is one OBJECT character in the text, so
that the text lines up with what the document model prints.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from kazthesis.docx.reading import (
    CONTAINERS,
    MARKER_PREFIX,
    OBJECT,
    PARAGRAPH,
    REVISIONS,
    SKIPPED,
    M,
    Paragraph,
    Piece,
    Revision,
    main_part,
    read_xml,
    related_parts,
    revision_of,
    w,
)
from kazthesis.review.comments import Comment, read_comments


class ReviewedError(Exception):
    """The file is not a .docx this tool can read (with a reason the student can act on)."""


UNTRACKED = Revision("insert", "untracked", "")  # a paragraph split that the editor did not record


@dataclass
class Reviewed:
    path: Path
    paragraphs: list[Paragraph]
    comments: list[Comment]  # top-level comments; replies hang under them
    sources: dict[str, str] = field(default_factory=dict)  # custom properties kazthesis.source.N → file

    def following(self, paragraph: Paragraph) -> Paragraph | None:
        """The next paragraph of the same story."""
        at = self.paragraphs.index(paragraph)
        if at + 1 < len(self.paragraphs) and self.paragraphs[at + 1].story == paragraph.story:
            return self.paragraphs[at + 1]
        return None

    def join_untracked(self, first: Paragraph, second: Paragraph) -> None:
        """Read two paragraphs as the one the tool printed, split without tracking (LibreOffice 7 drops a
        tracked paragraph break when it saves): an inserted paragraph break where they meet, replacing the
        space between them if neither kept it."""
        shift = len(first.full)
        if not first.original[-1:].isspace() and not second.original[:1].isspace():
            first.pieces.append(Piece(" ", Revision("delete", UNTRACKED.author, "")))
            shift += 1
        first.pieces.append(Piece(PARAGRAPH, UNTRACKED))
        shift += 1
        original_shift = len(first.original)
        first.pieces.extend(second.pieces)
        first.markers.extend(second.markers)
        first.comment_starts.update({k: v + shift for k, v in second.comment_starts.items()})
        first.comment_ends.update({k: v + shift for k, v in second.comment_ends.items()})
        first.mark = second.mark
        self.paragraphs.remove(second)
        for comment in self.comments:
            for one in (comment, *comment.replies):
                if one.paragraph == second.index:
                    one.paragraph, one.start = first.index, one.start + original_shift


# --- reading ------------------------------------------------------------------------------------------

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

def read_reviewed(path: Path) -> Reviewed:
    """Read a reviewed .docx; ReviewedError when it is not one."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(archive, path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReviewedError(f"cannot be read as a .docx ({getattr(exc, 'strerror', None) or exc})") from exc
    except etree.XMLSyntaxError as exc:
        raise ReviewedError(f"holds damaged XML ({exc})") from exc


def _read(archive: zipfile.ZipFile, path: Path) -> Reviewed:
    main = main_part(archive)
    body = read_xml(archive, main)
    if body is None or etree.QName(body).localname != "document":
        raise ReviewedError("is not a Word document (no word/document.xml)")
    related = related_parts(archive, main)
    paragraphs: list[Paragraph] = []
    stories = [("body", body)]
    for kind, story in (("footnotes", "footnote"), ("endnotes", "footnote"), ("footer", "footer"),
                        ("header", "header")):
        for part in related.get(kind, []):
            root = read_xml(archive, part)
            if root is not None:
                stories.append((story, root))
    for story, root in stories:
        walker = ParagraphReader(story, len(paragraphs))
        if story == "footnote":
            for note in root:  # the separators are not notes
                if isinstance(note.tag, str) and note.get(w("type")) in (None, "normal"):
                    walker.walk(note)
        else:
            walker.walk(root)
        paragraphs.extend(_join_splits(walker.paragraphs))
    comments = read_comments(archive, related, paragraphs)
    return Reviewed(path, paragraphs, comments, _custom_properties(archive))


def _join_splits(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A paragraph the reviewer split in two (its mark inserted, text printed on both sides) is read as the
    one paragraph the tool printed, with an inserted paragraph break (PARAGRAPH) where it was split."""
    joined: list[Paragraph] = []
    for para in paragraphs:
        last = joined[-1] if joined else None
        if (last is not None and last.mark is not None and last.mark.kind == "insert" and last.original.strip()
                and para.original.strip() and last.story == para.story and last.in_table == para.in_table):
            shift = len(last.full) + 1
            last.pieces.append(Piece(PARAGRAPH, last.mark))
            last.pieces.extend(para.pieces)
            last.markers.extend(para.markers)
            last.comment_starts.update({k: v + shift for k, v in para.comment_starts.items()})
            last.comment_ends.update({k: v + shift for k, v in para.comment_ends.items()})
            last.mark = para.mark
            continue
        joined.append(para)
    return joined

def _custom_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    root = read_xml(archive, "docProps/custom.xml")
    found: dict[str, str] = {}
    if root is None:
        return found
    for prop in root:
        name = prop.get("name", "")
        if name.startswith("kazthesis."):
            found[name] = "".join(prop.itertext()).strip()
    return found
