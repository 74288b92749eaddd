"""A reviewed .docx → its paragraphs as printed before the review, their tracked changes, and the comments.

Each part — the body, the footnotes, the headers and footers (the title page's
foot) — is read with :class:`~kazthesis.docx.reading.ParagraphReader`, which
keeps each paragraph's text with every change rejected and accepted, its
tracked changes and the source markers it carries. Here a paragraph the
reviewer split in two is read as the one the tool printed (an inserted
PARAGRAPH character where it was split), and the comments are read with
:mod:`comments`: their author, date, text, anchored words and replies
(``commentsExtended.xml``: ``w15:paraIdParent`` names the parent's last
paragraph).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from kazthesis.docx.reading import (
    PARAGRAPH,
    Paragraph,
    ParagraphReader,
    Piece,
    Revision,
    main_part,
    read_xml,
    related_parts,
    w,
)
from kazthesis.i18n import _
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


def read_reviewed(path: Path) -> Reviewed:
    """Read a reviewed .docx; ReviewedError when it is not one."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(archive, path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReviewedError(_("cannot be read as a .docx ({reason})").format(
            reason=getattr(exc, "strerror", None) or exc)) from exc
    except etree.XMLSyntaxError as exc:
        raise ReviewedError(_("holds damaged XML ({reason})").format(reason=exc)) from exc


def _read(archive: zipfile.ZipFile, path: Path) -> Reviewed:
    main = main_part(archive)
    body = read_xml(archive, main)
    if body is None or etree.QName(body).localname != "document":
        raise ReviewedError(_("is not a Word document (no word/document.xml)"))
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
