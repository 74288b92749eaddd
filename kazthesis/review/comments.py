"""The comments of a reviewed .docx → who wrote what, when, on which words, with the replies under each.

``comments.xml`` holds the comments; ``commentsExtended.xml`` (Word, and
LibreOffice from 24.2) links a reply to its parent: ``w15:paraIdParent`` names
the parent's last paragraph by its ``w14:paraId``, and ``w15:done`` marks a
resolved thread. LibreOffice 7 writes no such link: its replies are comments
of their own on the same words. The anchored words are read between
``w:commentRangeStart`` and ``w:commentRangeEnd``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from lxml import etree

from kazthesis.docx.reading import W14, W15, Paragraph, read_xml, w
from kazthesis.resolve.printed_units import OBJECT


@dataclass
class Comment:
    ident: str
    author: str
    date: str
    text: str
    para_id: str = ""  # w14:paraId of its last paragraph (commentsExtended keys on it)
    parent: str = ""  # the para_id of the comment it replies to
    done: bool = False
    paragraph: int | None = None  # index of the paragraph its anchor starts in
    start: int = 0  # offset in that paragraph's original text
    words: str = ""  # the anchored words
    replies: list[Comment] = field(default_factory=list)


def _comment_text(comment: etree._Element) -> tuple[str, str]:
    """A comment's text (its paragraphs joined by " / ") and the w14:paraId of its last paragraph."""
    texts, para_id = [], ""
    for p in comment.iter(w("p")):
        para_id = p.get(f"{{{W14}}}paraId", para_id)
        text = "".join(t.text or "" for t in p.iter(w("t")))
        if text.strip():
            texts.append(" ".join(text.split()))
    return " / ".join(texts), para_id


def read_comments(archive: zipfile.ZipFile, related: dict[str, list[str]],
                  paragraphs: list[Paragraph]) -> list[Comment]:
    """The top-level comments, each with its replies, anchored in ``paragraphs``."""
    root = next((r for part in related.get("comments", []) if (r := read_xml(archive, part)) is not None), None)
    if root is None:
        return []
    comments: dict[str, Comment] = {}
    for element in root.iter(w("comment")):
        text, para_id = _comment_text(element)
        ident = element.get(w("id"), "")
        comments[ident] = Comment(ident, element.get(w("author"), ""), (element.get(w("date")) or "")[:10], text,
                                  para_id)
    by_para_id = {c.para_id: c for c in comments.values() if c.para_id}
    for part in related.get("commentsExtended", []):
        extended = read_xml(archive, part)
        if extended is None:
            continue
        for entry in extended.iter(f"{{{W15}}}commentEx"):
            comment = by_para_id.get(entry.get(f"{{{W15}}}paraId", ""))
            if comment is not None:
                comment.parent = entry.get(f"{{{W15}}}paraIdParent", "")
                comment.done = entry.get(f"{{{W15}}}done") == "1"
    _anchor(comments, paragraphs)
    top: list[Comment] = []
    for comment in comments.values():
        parent = by_para_id.get(comment.parent) if comment.parent else None
        if parent is not None and parent is not comment:
            while parent.parent and by_para_id.get(parent.parent) not in (None, parent):
                parent = by_para_id[parent.parent]  # Word threads are one level deep
            parent.replies.append(comment)
        else:
            top.append(comment)
    return top


def _anchor(comments: dict[str, Comment], paragraphs: list[Paragraph]) -> None:
    """Each comment's paragraph, offset and anchored words, from its range markers."""
    starts: dict[str, tuple[Paragraph, int]] = {}
    for para in paragraphs:
        for ident, offset in para.comment_starts.items():
            starts.setdefault(ident, (para, offset))
    ends: dict[str, tuple[Paragraph, int]] = {}
    for para in paragraphs:
        for ident, offset in para.comment_ends.items():
            ends[ident] = (para, offset)
    by_index = {p.index: p for p in paragraphs}
    for ident, comment in comments.items():
        if ident not in starts:
            continue
        para, offset = starts[ident]
        comment.paragraph = para.index
        comment.start = para.original_offset(offset)
        end_para, end = ends.get(ident, (para, offset))
        words = []
        for index in range(para.index, end_para.index + 1):
            current = by_index.get(index)
            if current is None or current.story != para.story:
                continue
            first = offset if index == para.index else 0
            last = end if index == end_para.index else len(current.full)
            words.append(_shown_text(current, first, last))
        comment.words = " ".join(" ".join(words).split())


def _shown_text(para: Paragraph, start: int, end: int) -> str:
    """The words of ``para.full[start:end]`` a reader sees: the accepted ones, or the original where the
    accepted text there is empty (a comment on a deletion)."""
    position, accepted, original = 0, [], []
    for piece in para.pieces:
        a, b = max(start, position), min(end, position + len(piece.text))
        if a < b:
            chunk = piece.text[a - position : b - position]
            if piece.accepted:
                accepted.append(chunk)
            if piece.original:
                original.append(chunk)
        position += len(piece.text)
    text = "".join(accepted).strip() or "".join(original)
    return text.replace(OBJECT, "")

