"""Placed changes and comments → the lines ``kazthesis review`` prints, in source order.

Each line reads ``FILE:LINE: comment (Author, date): «text» — on «words»`` or
``FILE:LINE: change (Author): «old» → «new»``, so that an editor that jumps
to FILE:LINE takes the student to the place; the words are in the student's
language (:mod:`kazthesis.i18n`), the FILE:LINE, «quotes» and → are not. Replies follow their comment.
What could not be placed is listed last, under the .docx's own name, with its
text: never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kazthesis.docx.reading import PARAGRAPH
from kazthesis.i18n import _
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
    details = [author or _("no author")] + ([date] if date else []) + ([_("resolved")] if done else [])
    return "(" + ", ".join(details) + ")"


def _what(change: Change) -> str:
    """What the change does, in words (the quoted texts filled in after translating)."""
    kind = change.kind
    if kind == "inserted":
        return _("paragraph added after this one: {text}").format(text=quoted(change.inserted))
    if kind == "deleted":
        return _("paragraph deleted: {text}").format(text=quoted(change.deleted))
    if kind == "moved":
        if change.destination:
            return _("paragraph moved to after {place}: {text}").format(place=change.destination,
                                                                        text=quoted(change.deleted))
        return _("paragraph moved elsewhere: {text}").format(text=quoted(change.deleted))
    if kind == "split":
        return _("paragraph split after {text}").format(text=quoted(change.before))
    if kind == "joined":
        return _("paragraph joined with the next one after {text}").format(text=quoted(change.before))
    if kind == "format":
        return _("formatting of {text}").format(text=quoted(change.deleted))
    if change.deleted and change.inserted:
        return f"{quoted(change.deleted)} → {quoted(change.inserted)}"
    if change.deleted:
        return _("deleted {text}").format(text=quoted(change.deleted))
    if change.before:
        return _("inserted {text} after {before}").format(text=quoted(change.inserted), before=quoted(change.before))
    return _("inserted {text} at the start").format(text=quoted(change.inserted))


def describe(change: Change, apply: bool) -> str:
    """The printed form of a change (after ``FILE:LINE: ``), in the student's language."""
    notes = []
    if change.citation:
        note = _("the citation {citation} stands for {keys}").format(citation=change.citation, keys=change.cites)
        if change.meant is not None:
            note += _("; [{number}] would be {key}").format(number=change.meant[0], key=change.meant[1])
        notes.append(note)
    elif change.generated:
        notes.append(_("on generated text ({what})").format(what=_(change.generated)))
    if change.placed == "alike":
        notes.append(_("placed where the text reads alike"))
    if change.status == "conflict":
        notes.append(_("conflict: {reason}").format(reason=change.why()))
    elif apply and change.status == "not applicable" and not change.generated and change.unit is not None:
        notes.append(_("not applicable: {reason}").format(reason=change.why()))
    elif apply and change.status == "applied":
        notes.append(_("applied"))
    return " — ".join([_("change {who}: {what}").format(who=_who(change.author), what=_what(change)), *notes])


def describe_comment(comment: Comment, unit: Unit | None) -> tuple[str, tuple[str, ...]]:
    text = _("comment {who}: {text}").format(who=_who(comment.author, comment.date, comment.done),
                                             text=quoted(comment.text))
    if comment.words:
        text += " — " + _("on {words}").format(words=quoted(comment.words))
    if unit is not None and unit.generated:
        text += " — " + _("on generated text ({what})").format(what=_(unit.generated))
    replies = tuple(_("reply {who}: {text}").format(who=_who(reply.author, reply.date, reply.done),
                                                   text=quoted(reply.text)) for reply in comment.replies)
    return text, replies


def _in_docx(docx_name: str, paragraph: int) -> str:
    """Where a mark not found in the sources stands: the .docx's name and its paragraph's number."""
    return _("{file} (paragraph {number})").format(file=docx_name, number=paragraph + 1)


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
        where = str(change.source) if change.source else _in_docx(docx_name, change.paragraph.index)
        text = describe(change, apply)
        if change.source is None:
            text += " — " + _("not found in the sources")
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
            where = docx_name if comment.paragraph is None else _in_docx(docx_name, comment.paragraph)
            text += " — " + (_("not found in the sources") if comment.paragraph is not None else _("anchored nowhere"))
        else:
            where = str(source)
        paragraph = comment.paragraph if comment.paragraph is not None else 1 << 30
        order = (comment.date, int(comment.ident) if comment.ident.isdigit() else n)
        marks.append(Mark(where, (*ranks.rank(source, paragraph, comment.start), 0, order), text, None, replies))
    return marks
