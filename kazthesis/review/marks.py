"""Placed changes and comments → the lines ``kazthesis review`` prints, in source order.

Each line reads ``FILE:LINE: comment (Author, date): «text» — on «words»`` or
``FILE:LINE: change (Author): «old» → «new»``, so that an editor that jumps
to FILE:LINE takes the student to the place. Replies follow their comment.
What could not be placed is listed last, under the .docx's own name, with its
text: never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kazthesis.docx.reading import PARAGRAPH
from kazthesis.model import Source
from kazthesis.resolve.printed_units import OBJECT, Unit
from kazthesis.review.changes import Change
from kazthesis.review.comments import Comment
from kazthesis.review.place import Placed

LONGEST = 100  # characters of quoted text shown; the middle of a longer text is left out


@dataclass
class Mark:
    """One printed line (or a comment with its replies), with where it belongs."""

    where: str  # "content/02-tarau-1.md:14", or the .docx's name and paragraph
    rank: tuple  # the sort key: file, line, paragraph, position
    text: str  # what follows "where: "
    change: Change | None = None
    replies: tuple[str, ...] = ()  # "reply (…): «…»" lines, printed under the comment at the same place

    def lines(self) -> list[str]:
        return [f"{self.where}: {self.text}", *(f"{self.where}: {reply}" for reply in self.replies)]


def quoted(text: str) -> str:
    """«text» on one line, shortened in the middle when long."""
    text = " ".join(text.replace(OBJECT, " ").replace(PARAGRAPH, " ").split())
    if len(text) > LONGEST:
        half = LONGEST // 2
        text = text[: half - 1].rstrip() + " … " + text[-half + 2 :].lstrip()
    return f"«{text}»"


def _who(author: str, date: str = "", done: bool = False) -> str:
    details = [author or "no author"] + ([date] if date else []) + (["resolved"] if done else [])
    return "(" + ", ".join(details) + ")"


def describe(change: Change, apply: bool) -> str:
    """The printed form of a change (after ``FILE:LINE: ``)."""
    who = f"change {_who(change.author)}:"
    kind = change.kind
    if kind == "inserted":
        what = f"paragraph added after this one: {quoted(change.inserted)}"
    elif kind == "deleted":
        what = f"paragraph deleted: {quoted(change.deleted)}"
    elif kind == "moved":
        where = f"after {change.destination}" if change.destination else "elsewhere"
        what = f"paragraph moved to {where}: {quoted(change.deleted)}"
    elif kind == "split":
        what = f"paragraph split after {quoted(change.before)}"
    elif kind == "joined":
        what = f"paragraph joined with the next one after {quoted(change.before)}"
    elif kind == "format":
        what = f"formatting of {quoted(change.deleted)}"
    elif change.deleted and change.inserted:
        what = f"{quoted(change.deleted)} → {quoted(change.inserted)}"
    elif change.deleted:
        what = f"deleted {quoted(change.deleted)}"
    else:
        what = f"inserted {quoted(change.inserted)} " + (f"after {quoted(change.before)}" if change.before
                                                          else "at the start")
    notes = []
    if change.citation:
        notes.append(f"the citation {change.citation}")
    elif change.generated:
        notes.append(f"on generated text ({change.generated})")
    if change.placed == "alike":
        notes.append("placed where the text reads alike")
    if change.status == "conflict":
        notes.append(f"conflict: {change.reason}")
    elif apply and change.status == "not applicable" and not change.generated and change.unit is not None:
        notes.append(f"not applicable: {change.reason}")
    elif apply and change.status == "applied":
        notes.append("applied")
    return " — ".join([f"{who} {what}", *notes])


def describe_comment(comment: Comment, unit: Unit | None) -> tuple[str, tuple[str, ...]]:
    text = f"comment {_who(comment.author, comment.date, comment.done)}: {quoted(comment.text)}"
    if comment.words:
        text += f" — on {quoted(comment.words)}"
    if unit is not None and unit.generated:
        text += f" — on generated text ({unit.generated})"
    replies = tuple(f"reply {_who(reply.author, reply.date, reply.done)}: {quoted(reply.text)}"
                    for reply in comment.replies)
    return text, replies


class Ranks:
    """Source order: thesis.toml (the title page), the chapters in build order, references.bib, then the rest."""

    def __init__(self, chapters: list[str], bib: str) -> None:
        self.files = {"thesis.toml": 0, **{path: n for n, path in enumerate(chapters, 1)}, bib: len(chapters) + 1}

    def rank(self, source: Source | None, paragraph: int, position: int) -> tuple:
        if source is None:
            return (len(self.files) + 1, 0, paragraph, position)
        return (self.files.get(source.path, len(self.files)), source.line, paragraph, position)


Relocate = Callable[[Source], Source]  # a source line as it stands after --apply changed the file


def _same(source: Source) -> Source:
    return source


def change_marks(changes: list[Change], ranks: Ranks, docx_name: str, apply: bool,
                 relocate: Relocate = _same) -> list[Mark]:
    marks = []
    for n, change in enumerate(changes):
        if change.source is not None:
            change.source = relocate(change.source)
        if change.destination is not None:
            change.destination = relocate(change.destination)
        where = str(change.source) if change.source else f"{docx_name} (paragraph {change.paragraph.index + 1})"
        text = describe(change, apply)
        if change.source is None:
            text += " — not found in the sources"
        marks.append(Mark(where, (*ranks.rank(change.source, change.paragraph.index, 0), 1, n), text, change))
    return marks


def comment_marks(comments: list[Comment], placed: dict[int, Placed], units: list[Unit],
                  lines: dict[str, Source], ranks: Ranks, docx_name: str, relocate: Relocate = _same) -> list[Mark]:
    """``lines``: a comment's id → its exact source line where it is known."""
    marks = []
    for n, comment in enumerate(comments):
        here = placed.get(comment.paragraph) if comment.paragraph is not None else None
        unit = units[here.unit] if here is not None and here.unit is not None else None
        source = lines.get(comment.ident) or (unit.source if unit is not None else None)
        source = relocate(source) if source is not None else None
        text, replies = describe_comment(comment, unit)
        if source is None:
            where = docx_name if comment.paragraph is None else f"{docx_name} (paragraph {comment.paragraph + 1})"
            text += " — not found in the sources" if comment.paragraph is not None else " — anchored nowhere"
        else:
            where = str(source)
        paragraph = comment.paragraph if comment.paragraph is not None else 1 << 30
        order = (comment.date, int(comment.ident) if comment.ident.isdigit() else n)
        marks.append(Mark(where, (*ranks.rank(source, paragraph, comment.start), 0, order), text, None, replies))
    return marks
