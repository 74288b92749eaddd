"""Paragraphs of the reviewed .docx with their units → the tracked changes, each placed at FILE:LINE and, where
it can be, planned as an edit of the source.

A change is carried back in three steps: the .docx's text before the review
is lined up with the unit's printed text (it must read the same but for the
numbers the tool generates, else the source changed since: a conflict); the
changed stretch of printed text is found in the unit's segments (inside a
generated number or label it cannot be made in the source: not applicable);
the segments' source form is lined up with the source lines, which gives the
offsets to edit. The replacement words are written as Markdown (characters
Markdown would read escaped; a citation number typed as ``[5]`` as the
citation it stands for), so that the source's own markup around them stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kazthesis.docx.reading import PARAGRAPH, Edit, Paragraph
from kazthesis.i18n import N_, _
from kazthesis.lang.folding import folded_text
from kazthesis.model import Source
from kazthesis.resolve.printed_units import OBJECT, Unit
from kazthesis.review.align import Alignment
from kazthesis.review.carry import (
    TEXT_KINDS,
    correspondence,
    escaped,
    in_case_of,
    key_offset,
    trimmed,
    with_empty_markup,
)
from kazthesis.review.place import Placed
from kazthesis.review.reviewed import Reviewed
from kazthesis.review.settings import field_edit, reference_edit
from kazthesis.review.sources import Sources, region

ALREADY = N_("the source already reads so (applied before?)")
CITED_NUMBER_RE = re.compile(r"\[(\d{1,4})\]")


@dataclass
class SourceEdit:
    """Replace ``text[start:end]`` of a source file with ``new``."""

    path: str
    start: int
    end: int
    new: str
    order: int = 0  # edits at the same offset are made in this order


@dataclass
class Change:
    """One tracked change of the reviewed file, placed in the sources."""

    paragraph: Paragraph
    kind: str  # "text" | "inserted" | "deleted" | "moved" | "split" | "joined" | "format"
    author: str
    deleted: str = ""  # the printed words taken out
    inserted: str = ""  # the words put in
    before: str = ""  # the printed words before an insertion
    unit: Unit | None = None
    source: Source | None = None  # where the change is, as exactly as known
    placed: str = ""  # how its paragraph was found: "marker" | "text" | "alike" | "after"
    generated: str = ""  # the generated text it falls on ("the heading's number", marked with N_), if any
    citation: str = ""  # a changed citation number: the citation as printed,
    cites: str = ""  # the keys it stands for,
    meant: tuple[int, str] | None = None  # and the one number typed over it with the key that number stands for
    destination: Source | None = None  # a moved paragraph: the line it now follows
    status: str = "ready"  # "ready" | "conflict" | "not applicable" | "applied"
    reason: str = ""  # why it is a conflict or not applicable: a message marked with N_, translated when shown
    reason_fields: dict[str, str] = field(default_factory=dict)  # the values of the reason's {placeholders}
    edits: list[SourceEdit] = field(default_factory=list)
    key_edit: tuple[int, int, str] | None = None  # the change on the unit's source form, for checking
    expect: tuple[str, str] | None = None  # a setting or entry changed: its name or key, its new printed text

    def why(self) -> str:
        """The reason, in the student's language."""
        return _(self.reason).format(**self.reason_fields)


class _Planner:
    def __init__(self, reviewed: Reviewed, units: list[Unit], placed: dict[int, Placed], sources: Sources,
                 numbers: dict[int, str]) -> None:
        self.reviewed, self.units, self.placed, self.sources = reviewed, units, placed, sources
        self.numbers = numbers  # a reference-list number → its citation key
        self.changes: list[Change] = []
        self.order = 0

    # --- the paragraphs ------------------------------------------------------------------------
    def plan(self) -> list[Change]:
        moved_to = {name: p for p in self.reviewed.paragraphs if (name := _move_name(p, "move-to"))}
        moved_from = {name for p in self.reviewed.paragraphs if (name := _move_name(p, "move-from"))}
        for paragraph in self.reviewed.paragraphs:
            here = self.placed.get(paragraph.index)
            unit = self.units[here.unit] if here is not None and here.unit is not None else None
            how = here.how if here is not None else ""
            if _move_name(paragraph, "move-to") in moved_from:
                continue  # reported with the paragraph it was moved from
            original, accepted = _words(paragraph.original), _words(paragraph.accepted)
            if not original and accepted:
                self.inserted(paragraph, unit, how)
            elif original and not accepted:
                self.deleted(paragraph, unit, how, moved_to.get(_move_name(paragraph, "move-from")))
            else:
                self.text(paragraph, unit, how)
        return self.changes

    def new(self, paragraph: Paragraph, kind: str, author: str, unit: Unit | None, how: str, **more: object) -> Change:
        change = Change(paragraph, kind, author, unit=unit, source=unit.source if unit else None, placed=how,
                        **more)  # type: ignore[arg-type]
        if unit is None:
            change.status, change.reason = "not applicable", N_("its paragraph was not found in the sources")
        elif unit.generated:
            change.generated = unit.generated
            change.status, change.reason = "not applicable", N_("it is on generated text")  # shown: what text
        self.changes.append(change)
        return change

    def inserted(self, paragraph: Paragraph, unit: Unit | None, how: str) -> None:
        author = next((p.revision.author for p in paragraph.pieces if p.revision), "")
        text = " ".join(paragraph.accepted.replace(OBJECT, "").split())
        change = self.new(paragraph, "inserted", author, unit, how, inserted=text)
        if change.status != "ready" or unit is None:
            return
        source = self.sources.get(unit.source.path)
        if source is None or not unit.source.path.endswith((".md", ".markdown")) or unit.story != "body":
            change.status = "not applicable"
            change.reason = N_("a paragraph can be added only among the chapters' text")
            return
        following = self.units.index(unit) + 1
        if following < len(self.units) and folded_text(self.units[following].printed) == folded_text(text):
            change.status, change.reason = "not applicable", ALREADY
            return
        end = self.block_end(unit)
        self.order += 1
        change.edits.append(SourceEdit(unit.source.path, end, end, "\n\n" + self.markdown(text, unit), self.order))

    def deleted(self, paragraph: Paragraph, unit: Unit | None, how: str, destination: Paragraph | None) -> None:
        first = paragraph.pieces[0].revision if paragraph.pieces and paragraph.pieces[0].revision else None
        author = first.author if first else ""
        text = " ".join(paragraph.original.replace(OBJECT, "").split())
        kind = "moved" if destination is not None else "deleted"
        change = self.new(paragraph, kind, author, unit, how, deleted=text)
        if change.status != "ready" or unit is None:
            return
        if self.conflict(change, paragraph, unit) is None:
            return
        if unit.kind == "cell":  # a table cell's text, not its row
            self.text(paragraph, unit, how)
            self.changes.remove(change)
            return
        source = self.sources.get(unit.source.path)
        if source is None or not unit.source.path.endswith((".md", ".markdown")):
            change.status, change.reason = "not applicable", N_("only a paragraph of the chapters can be deleted here")
            return
        start, end = region(source, unit.source.line, unit.kind)
        cut_end = end
        while cut_end < len(source.text) and source.text[cut_end] in "\r\n":
            cut_end += 1
        if cut_end == len(source.text):  # the file's last block: take the blank line before it instead
            while start > 0 and source.text[start - 1] in "\r\n":
                start -= 1
            cut_end = end
        change.edits.append(SourceEdit(unit.source.path, start, cut_end, ""))
        if destination is not None:
            self.move_to(change, destination, source.text[source.starts[unit.source.line - 1] : end])

    def move_to(self, change: Change, destination: Paragraph, block: str) -> None:
        here = self.placed.get(destination.index)
        target = self.units[here.unit] if here is not None and here.unit is not None else None
        if target is None or not target.source.path.endswith((".md", ".markdown")) or target.story != "body":
            change.status, change.reason = "not applicable", N_("the place it was moved to is not in the chapters")
            return
        change.destination = target.source
        end = self.block_end(target)
        self.order += 1
        change.edits.append(SourceEdit(target.source.path, end, end, "\n\n" + block, self.order))

    def block_end(self, unit: Unit) -> int:
        """The offset after the Markdown block holding ``unit`` (a whole table for a caption or cell)."""
        source = self.sources.get(unit.source.path)
        assert source is not None
        line = unit.source.line
        if unit.kind in ("cell", "caption"):
            while line < source.lines and source.line_text(line + 1).strip().startswith("|"):
                line += 1
            return source.line_span(line)[1]
        return region(source, line, unit.kind)[1]

    # --- changes inside a paragraph ----------------------------------------------------------------
    def text(self, paragraph: Paragraph, unit: Unit | None, how: str) -> None:
        edits = paragraph.edits()
        for piece in paragraph.pieces:
            if piece.revision is not None and piece.revision.kind == "format" and piece.text.strip():
                change = self.new(paragraph, "format", piece.revision.author, unit, how, deleted=piece.text)
                change.status, change.reason = "not applicable", N_("a change of formatting: make it in the "
                                                                    "source with *italics* or **bold**")
        if paragraph.mark is not None and paragraph.mark.kind == "delete" and paragraph.accepted.strip():
            change = self.new(paragraph, "joined", paragraph.mark.author, unit, how,
                              before=_tail(paragraph.accepted))
            if change.status == "ready":
                change.status, change.reason = "not applicable", N_("join the two paragraphs in the source by hand")
        if not edits:
            return
        alignment = correspondence(paragraph.original, unit) if unit is not None and not unit.generated else None
        if alignment is not None and how == "alike":
            how = "text"  # it reads the same but for generated text (a number, a footnote call)
        for edit in edits:
            kind = "split" if edit.inserted == PARAGRAPH else "text"
            change = self.new(paragraph, kind, edit.revision.author, unit, how, deleted=edit.deleted,
                              inserted=edit.inserted.replace(PARAGRAPH, ""),
                              before=_tail(paragraph.original[: edit.start]))
            if change.status != "ready" or unit is None:
                continue
            if alignment is None and correspondence(paragraph.accepted.replace(PARAGRAPH, " "), unit) is not None:
                change.status, change.reason = "not applicable", ALREADY
                continue
            if alignment is None:
                change.status = "conflict"
                change.reason = N_("the source paragraph has changed since the .docx was made")
                continue
            self.locate(change, trimmed(edit), unit, alignment)

    def conflict(self, change: Change, paragraph: Paragraph, unit: Unit) -> Alignment | None:
        alignment = correspondence(paragraph.original, unit)
        if alignment is None:
            change.status, change.reason = "conflict", N_("the source paragraph has changed since the .docx was made")
        return alignment

    def locate(self, change: Change, edit: Edit, unit: Unit, alignment: Alignment) -> None:
        """Where in the unit's segments the change falls, and the source edit that makes it."""
        starts = unit.offsets()
        if edit.start < edit.end:
            span = alignment.span(edit.start, edit.end)
            if span is None:
                self.outside(change, unit, None, starts)
                return
            first, last = span
        else:
            point = alignment.point(edit.start)
            first = last = point if point is not None else len(unit.printed)
        if first < last:
            touched = [i for i in range(len(unit.segments)) if starts[i] < last and first < starts[i + 1]]
        else:  # an insertion: the segment it falls inside, or the text segment it touches (before, then after)
            touched = [i for i in range(len(unit.segments)) if starts[i] < first < starts[i + 1]] or \
                [i for i in range(len(unit.segments)) if first in (starts[i + 1], starts[i])
                 and unit.segments[i].kind in TEXT_KINDS][:1]
        partial = [i for i in touched if unit.segments[i].kind not in TEXT_KINDS
                   and not (first <= starts[i] and starts[i + 1] <= last and first < last)]
        if partial:
            self.outside(change, unit, partial[0], starts)
            return
        kinds = {unit.segments[i].kind for i in touched} - {"cite", "xref", "object"}
        if kinds & {"field", "reference"}:
            self.setting(change, edit, unit, touched, first, last, starts)
            return
        self.markdown_edit(change, edit.inserted, unit, first, last)

    def outside(self, change: Change, unit: Unit, index: int | None, starts: list[int]) -> None:
        """A change inside generated text: said so; a citation number with the key it stands for."""
        segment = unit.segments[index] if index is not None else None
        if segment is not None and segment.kind == "cite":
            change.citation, change.cites = segment.printed.replace(chr(0xA0), " "), segment.what
            numbers = [int(n) for n in re.findall(r"\d+", change.inserted)]
            if len(numbers) == 1 and numbers[0] in self.numbers:
                change.meant = (numbers[0], "@" + self.numbers[numbers[0]])
            change.generated = N_("a citation number")
            change.reason = N_("a citation number is made from the source's [{keys}]: cite the source you mean there")
            change.reason_fields = {"keys": segment.what}
        else:
            change.generated = segment.what if segment is not None else N_("generated text")
            change.reason = N_("it is on generated text")
        change.status = "not applicable"

    def markdown_edit(self, change: Change, inserted: str, unit: Unit, first: int, last: int) -> None:
        source = self.sources.get(unit.source.path)
        if source is None or not unit.source.path.endswith((".md", ".markdown")):
            change.status, change.reason = "not applicable", N_("its source is not a text file of the project")
            return
        key_first = key_offset(unit, first, first == last)
        key_last = key_offset(unit, last, True)
        start, end = region(source, unit.source.line, unit.kind)
        lined = Alignment(unit.key, source.text[start:end])
        if key_first < key_last:
            span = lined.span(key_first, key_last)
        else:
            point = lined.point(key_first)
            span = (point, point) if point is not None else None
        if span is None:
            change.status, change.reason = "not applicable", N_("its words were not found in the source paragraph")
            return
        at, to = start + span[0], start + span[1]
        if change.kind == "split":
            if unit.kind != "paragraph":
                change.status = "not applicable"
                change.reason = N_("only a paragraph of running text can be split here")
                return
            while to < len(source.text) and source.text[to] in " \t":
                to += 1  # the new paragraph starts at its first word
            new, key_new = "\n\n", PARAGRAPH
        else:
            if any(segment.upper for segment in unit.segments):  # a chapter title, printed in capitals
                inserted = in_case_of(inserted, source.text[at:to] or source.text[max(at - 20, 0) : at])
            new, key_new = self.markdown(inserted, unit), self.key_text(inserted)
        if not new:
            at, to = with_empty_markup(source.text, at, to)
        change.source = Source(unit.source.path, source.line_of(at))
        change.edits.append(SourceEdit(unit.source.path, at, to, new))
        change.key_edit = (key_first, key_last, key_new)

    def setting(self, change: Change, edit: Edit, unit: Unit, touched: list[int], first: int, last: int,
                starts: list[int]) -> None:
        if len(touched) != 1:
            change.status, change.reason = "not applicable", N_("it spans text from more than one setting")
            return
        index = touched[0]
        segment = unit.segments[index]
        source = self.sources.get(unit.source.path)
        if source is None:
            change.status, change.reason = "not applicable", N_("{file} cannot be read")
            change.reason_fields = {"file": unit.source.path}
            return
        inside = (first - starts[index], last - starts[index])
        make = field_edit if segment.kind == "field" else reference_edit
        made = make(source, segment, inside, edit.inserted, segment.line or unit.source.line)
        if isinstance(made, str):
            change.status, change.reason = "not applicable", made
            change.reason_fields = {"setting": segment.what}
            return
        at, to, new = made
        change.source = Source(unit.source.path, source.line_of(at))
        change.edits.append(SourceEdit(unit.source.path, at, to, new))
        change.expect = (segment.what, segment.printed[: inside[0]] + edit.inserted + segment.printed[inside[1] :])

    # --- the words as Markdown ---------------------------------------------------------------------
    def markdown(self, text: str, unit: Unit) -> str:
        """Typed words as Markdown that prints them: special characters escaped, ``[5]`` as the citation."""
        text = text.replace("\u00a0", " ").replace(OBJECT, "")
        pieces, position = [], 0
        for match in CITED_NUMBER_RE.finditer(text):
            number = int(match.group(1))
            if number in self.numbers:
                pieces.append(escaped(text[position : match.start()], unit))
                pieces.append(f"[@{self.numbers[number]}]")
                position = match.end()
        pieces.append(escaped(text[position:], unit))
        return "".join(pieces)

    def key_text(self, text: str) -> str:
        """The inserted words as the unit's source form shows them (citation numbers as their keys)."""
        text = text.replace(OBJECT, "")
        return CITED_NUMBER_RE.sub(lambda m: f"[@{self.numbers[int(m.group(1))]}]"
                                   if int(m.group(1)) in self.numbers else m.group(), text)


def _words(text: str) -> str:
    return text.replace(OBJECT, "").replace(PARAGRAPH, "").strip()


def _tail(text: str, words: int = 4) -> str:
    return " ".join(text.replace(OBJECT, "").split()[-words:])


def _move_name(paragraph: Paragraph, kind: str) -> str:
    """The name pairing a paragraph moved whole with its other half ("" unless all its text is one ``kind``)."""
    pieces = [p for p in paragraph.pieces if p.text.strip()]
    if pieces and all(p.revision is not None and p.revision.kind == kind for p in pieces):
        return pieces[0].revision.move  # type: ignore[union-attr]
    return ""


def plan_changes(reviewed: Reviewed, units: list[Unit], placed: dict[int, Placed], sources: Sources,
                 numbers: dict[int, str]) -> list[Change]:
    """Every tracked change of ``reviewed``, placed, with the source edits that make it where it can be made."""
    return _Planner(reviewed, units, placed, sources, numbers).plan()
