"""One piece of the thesis (its HTML) → laid-out pages and a PDF of them, in layout passes.

A piece is laid out, looked at, and laid out again where the layout shows
what CSS cannot express: the hyphenation rules that need the lines
(:mod:`kazthesis.pdf.weasy.hyphen_rules`) are fixed page by page, each page
laid out again until it has no fault (:mod:`kazthesis.pdf.weasy.relayout`
keeps WeasyPrint's layout state, so a page is laid out again without the
rest); a table that runs onto the next page gets its continuation label
(:mod:`kazthesis.pdf.weasy.tables`), and the piece is laid out again whole.
In watch mode a piece's layout is kept and taken up after an edit
(:mod:`kazthesis.pdf.weasy.kept`).
"""

from __future__ import annotations

from kazthesis.pdf.weasy.boxes import paragraph_texts
from kazthesis.pdf.weasy.edges import overflows
from kazthesis.pdf.weasy.engine import base_url, refused_by_stylesheet, render, shared_stylesheet
from kazthesis.pdf.weasy.fetcher import Complaints, make_fetcher
from kazthesis.pdf.weasy.hyphen_rules import faults, paragraph_start, withdraw, withdraw_in_boxes
from kazthesis.pdf.weasy.jobs import Job, LaidOut, Measure
from kazthesis.pdf.weasy.kept import KEPT, Kept, Withdrawal, as_before, distrust, resume
from kazthesis.pdf.weasy.paint import footer_digits, paint, positions
from kazthesis.pdf.weasy.tables import find_splits, split_tables

MAX_PASSES = 6
MAX_WITHDRAWALS_PER_PAGE = 40  # a page needs a few; this only bounds a loop that should never run on


def lay_out_or_measure(task: Job | Measure) -> LaidOut | bytes:
    """A piece laid out, or the footer's digits drawn: one kind of task for the workers, so that the measuring
    goes beside the last layout instead of before the first."""
    return lay_out(task) if isinstance(task, Job) else footer_digits(task)


def lay_out(job: Job) -> LaidOut:
    """Lay out one piece until the layout passes change nothing more; write its PDF."""
    with Complaints() as complaints:
        base = base_url(job.root)
        stylesheet, fonts = shared_stylesheet(job.css, job.root, job.allowed)
        resumed = resume(job)
        if resumed is None:
            refused: list[str] = []
            layout = render(job.html, base, make_fetcher(job.allowed, refused), stylesheet, fonts)
            kept, start = Kept(job, layout, [], [], refused), 0
        else:
            kept, start = resumed
        html, splits = job.html, set()
        for _ in range(MAX_PASSES):
            fix_hyphenation(kept, start)
            # A table that runs onto the next page is cut there, with its continuation label: the piece is
            # laid out again whole (the withdrawn hyphens stay withdrawn, in the HTML), until the cuts hold.
            found = find_splits(kept.layout.raw_pages)
            if found == splits:
                break
            splits = found
            html = split_tables(withdraw(job.html, set(kept.withdrawn)), splits)
            kept.layout = render(html, base, make_fetcher(job.allowed, kept.refused), stylesheet, fonts)
            kept.withdrawals, start = [], 0  # the new boxes hold the withdrawals already
        html = split_tables(withdraw(job.html, set(kept.withdrawn)), splits)
        document = kept.layout.document()
        pdf = paint(kept, document) if job.paint else b""
        if job.keep and not splits:  # a piece with cut tables is laid out whole every time
            KEPT[job.name] = kept
    refused = sorted({*kept.refused, *refused_by_stylesheet(job.css, job.root, job.allowed)})
    return LaidOut(job.name, html, pdf, *positions(document), refused=refused, lost=complaints.messages,
                   overflows=overflows(kept.layout.raw_pages), warned=complaints.warned)


def fix_hyphenation(kept: Kept, start: int) -> None:
    """The hyphenation rules, page by page from ``start``: a page's faults are withdrawn and the page laid
    out again until it has none, then the next page. Page by page, the outcome on a page depends only on
    the text up to it: watch mode can take up the work at the first page an edit reaches."""
    layout, page, rounds = kept.layout, start, 0
    layout.advance(page)

    def paragraph_text(paragraph: str) -> str:
        return "".join(box.text for box in paragraph_texts(layout.root_box, paragraph))

    while page < len(layout.raw_pages):
        # A page's faults need only its own lines and those of the paragraph it begins with (and the paragraphs'
        # texts): the next page is not laid out until this one is right.
        first = paragraph_start(layout.raw_pages, page)
        found = {fault for fault in faults(layout.raw_pages[first : page + 1], paragraph_text, first)
                 if fault.page == page}
        if found and kept.trusted_from is not None and page >= kept.trusted_from:
            distrust(kept, page)  # a page kept as it was has a fault it did not have: make it afresh
        elif found and rounds < MAX_WITHDRAWALS_PER_PAGE:
            for fault in sorted(found, key=lambda fault: (fault.paragraph, fault.word, fault.occurrence)):
                kept.withdrawn.append(fault)
                kept.withdrawals += [Withdrawal(fault, box, before, box.text)  # type: ignore[attr-defined]
                                     for box, before in withdraw_in_boxes(layout.root_box, {fault})]
            layout.changed_from(page)
            rounds += 1
        else:
            page, rounds = page + 1, 0
            if kept.trusted_from is not None and page < len(layout.raw_pages):
                if not as_before(kept, page):
                    distrust(kept, page)
                elif page >= kept.trusted_from and page not in kept.redo:
                    # It starts where it did, after the same text: it is the page it was, whatever WeasyPrint
                    # noted while the page before was laid out on its way to the same end.
                    layout.unchanged(page)
        layout.advance(page)
    layout.advance()
    kept.trusted_from = None
