"""A piece's finished layout kept between rebuilds (watch mode), and made ready for the piece's next version.

Each worker keeps the layouts of the pieces it laid out (:data:`KEPT`), with
the hyphenation fixes made on each page. When the next version of a piece
differs only in the text of some paragraphs, :func:`resume` puts the new
texts into the kept box tree and undoes the fixes of the pages they are on:
pages before them stay exactly as a layout from scratch would make them;
pages after them keep their fixes on trust, checked as the layout reaches
them (:func:`as_before`, :func:`distrust`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kazthesis.pdf.weasy.boxes import page_lines
from kazthesis.pdf.weasy.hyphen_rules import Fault, ends_hyphenated
from kazthesis.pdf.weasy.jobs import Job
from kazthesis.pdf.weasy.markup import text_edits
from kazthesis.pdf.weasy.relayout import Layout

# How far past its own lines a page's layout reads: WeasyPrint lays out up to two lines after the one that
# overflows (widows: 2), and an edit that shortens the text by up to SHRINK_TRUSTED characters pulls up about
# two more. Withdrawals within this many lines after the pages an edit reaches are always made again.
REACH_LINES = 8
SHRINK_TRUSTED = 150


@dataclass
class Withdrawal:
    """The soft hyphens of one faulty word turned into word joiners in one text box."""

    fault: Fault
    box: object
    before: str  # the box's text before and after, to undo exactly this change
    after: str

    def undo(self) -> None:
        """Put back the soft hyphens this withdrawal took, leaving any other withdrawal in the box."""
        current = self.box.text  # type: ignore[attr-defined]
        self.box.text = "".join(  # type: ignore[attr-defined]
            old if old != new else kept for kept, old, new in zip(current, self.before, self.after, strict=True))


@dataclass
class Kept:
    """A piece's layout, with how its hyphenation was fixed (kept by its worker in watch mode)."""

    job: Job
    layout: Layout
    withdrawals: list[Withdrawal]  # in the order made
    withdrawn: list[Fault]  # the faults fixed, with the page each was fixed on
    refused: list[str]
    # After an edit, the pages from ``trusted_from`` on keep their withdrawals on trust (but those of the
    # ``redo`` pages, laid out again): right as long as each page starts where it started before (kept in
    # ``starts``), as it is then the page it was.
    trusted_from: int | None = None
    redo: set[int] = field(default_factory=set)
    starts: list = field(default_factory=list)
    # The last PDF and the page boxes it was painted from: a page WeasyPrint kept is the same box, and
    # its PDF page is taken over instead of painted again.
    painted: tuple[list, bytes] | None = None


KEPT: dict[str, Kept] = {}  # per worker process: piece name → its kept layout


def as_before(kept: Kept, page: int) -> bool:
    """Whether ``page`` (about to be laid out) starts where it started in the last layout, after a line that
    is not hyphenated: then its layout, and its withdrawals, are what they were."""
    maker = kept.layout.context.page_maker  # type: ignore[attr-defined]
    if page >= len(kept.starts) or page >= len(maker) or tuple(maker[page][:4]) != kept.starts[page]:
        return False
    lines = page_lines(kept.layout.raw_pages[page - 1])
    return not (lines and ends_hyphenated(lines[-1]))


def distrust(kept: Kept, page: int) -> None:
    """Undo the withdrawals kept on trust from ``page`` on: those pages are laid out afresh when reached."""
    undo(kept, lambda fault: fault.page >= page)
    kept.trusted_from = None


def undo(kept: Kept, which: Callable[[Fault], bool]) -> set[int]:
    """Undo the withdrawals of the faults ``which`` picks (the latest first), forget those faults, and mark
    their pages to be laid out again; returns those pages."""
    undone = [withdrawal for withdrawal in kept.withdrawals if which(withdrawal.fault)]
    for withdrawal in reversed(undone):
        withdrawal.undo()
    kept.withdrawals = [withdrawal for withdrawal in kept.withdrawals if not which(withdrawal.fault)]
    pages = {fault.page for fault in kept.withdrawn if which(fault)}
    kept.withdrawn = [fault for fault in kept.withdrawn if not which(fault)]
    for page in pages:
        if page < len(kept.layout.raw_pages):
            kept.layout.changed_from(page)
    return pages


def resume(job: Job) -> tuple[Kept, int] | None:
    """The piece's kept layout made ready for ``job`` when only paragraph texts changed: the withdrawals of
    the pages the changed paragraphs are on (and of the lines just after) undone, the new texts put in,
    those pages laid out again. Pages before them stay exactly as a layout from scratch would make them;
    pages after them keep their withdrawals on trust, checked as the layout reaches them. None: lay out
    from scratch. Returns the kept layout and the first page to lay out again."""
    kept = KEPT.pop(job.name, None)
    if kept is None or (kept.job.css, kept.job.root, kept.job.allowed) != (job.css, job.root, job.allowed):
        return None
    edits = text_edits(kept.job.html, job.html)
    if not edits:
        return None
    found = [kept.layout.pages_of(paragraph) for paragraph in edits]
    if not all(found):
        return None
    pages = sorted({page for each in found for page in each})
    start, last = pages[0], pages[-1]
    shrink = sum(max(0, len(before) - len(after)) for segments in edits.values() for _, before, after in segments)
    trusted = last + 1 if shrink <= SHRINK_TRUSTED else None
    lines_before = [0]  # lines from the end of page ``last`` to the start of each page after it
    for raw in kept.layout.raw_pages[last + 1 :]:
        lines_before.append(lines_before[-1] + len(page_lines(raw)))

    def redone(fault: Fault) -> bool:
        """Whether a withdrawal is made again: on the edited pages, or within reach of them, or all after
        them when trust is off."""
        if fault.page < start:
            return False
        if trusted is None or fault.page <= last:
            return True
        return lines_before[fault.page - last - 1] + fault.line < REACH_LINES

    try:
        redo = undo(kept, redone)
    except ValueError:  # a box's text is not what its withdrawals left: never expected, but never a wrong page
        return None
    if kept.layout.apply_text_edits(edits) is None:
        return None  # the kept layout is dropped: this piece is laid out from scratch
    kept.job, kept.trusted_from, kept.redo = job, trusted, redo | set(pages)
    kept.starts = [tuple(entry[:4]) for entry in kept.layout.context.page_maker]  # type: ignore[attr-defined]
    # Every page whose text changed is laid out again when reached, even if it starts where it started
    # before (WeasyPrint would keep a page that starts at the same place).
    for page in pages:
        if page < len(kept.layout.raw_pages):
            kept.layout.changed_from(page)
    return kept, start
