"""Laid-out pages → PDF bytes, and where their anchors and links are, in PDF points.

After an edit in watch mode only the pages laid out anew are painted; the
others are taken from the piece's last PDF, as WeasyPrint kept their boxes
as they were (:func:`paint`). The footer's digits are drawn once on a page
of their own, for :mod:`kazthesis.pdf.assemble` to number the pages with
(:func:`footer_digits`).
"""

from __future__ import annotations

import io

from kazthesis.pdf.weasy import engine
from kazthesis.pdf.weasy.engine import shared_stylesheet
from kazthesis.pdf.weasy.fetcher import make_fetcher
from kazthesis.pdf.weasy.jobs import Measure
from kazthesis.pdf.weasy.kept import Kept

PX_PER_PT = 4 / 3  # CSS pixels per PDF point


def paint(kept: Kept, document: object) -> bytes:
    """The piece's PDF. After an edit (watch mode) only the pages laid out anew are painted; the others are
    the last PDF's pages, as WeasyPrint kept their boxes as they were."""
    pages = list(kept.layout.raw_pages)
    last = kept.painted
    fresh = [index for index, page in enumerate(pages) if last is None or index >= len(last[0])
             or page is not last[0][index]]
    if last is None or len(fresh) == len(pages):
        pdf = document.write_pdf(uncompressed_pdf=False)  # type: ignore[attr-defined]
    else:
        partial = document.copy([document.pages[index] for index in fresh])  # type: ignore[attr-defined]
        pdf = splice(last[1], partial.write_pdf(uncompressed_pdf=False), set(fresh), len(pages))
    kept.painted = (pages, pdf) if kept.job.keep else None
    return pdf


def splice(last: bytes, painted: bytes, fresh: set[int], count: int) -> bytes:
    """A PDF of ``count`` pages: those numbered in ``fresh`` from ``painted`` in order, the rest from ``last``."""
    import pikepdf

    with pikepdf.open(io.BytesIO(last)) as before, pikepdf.open(io.BytesIO(painted)) as after:
        out = pikepdf.new()
        new_pages = iter(after.pages)
        for index in range(count):
            out.pages.append(next(new_pages) if index in fresh else before.pages[index])
        buffer = io.BytesIO()
        out.save(buffer)
    return buffer.getvalue()


def positions(document: object) -> tuple[list[tuple[float, float]], dict, list]:
    """Page sizes, anchors and internal links of a rendered document, in PDF points."""
    sizes, anchors, links = [], {}, []
    for index, page in enumerate(document.pages):  # type: ignore[attr-defined]
        height = page.height / PX_PER_PT
        sizes.append((page.width / PX_PER_PT, height))
        for name, (x, y, *_rest) in page.anchors.items():
            anchors.setdefault(name, (index, x / PX_PER_PT, height - y / PX_PER_PT))
        for kind, target, (x0, y0, x1, y1), _box in page.links:
            if kind == "internal":
                links.append((index, target, (x0 / PX_PER_PT, height - y1 / PX_PER_PT,
                                              x1 / PX_PER_PT, height - y0 / PX_PER_PT)))
    return sizes, anchors, links


def footer_digits(task: Measure) -> bytes:
    """A one-page PDF whose footer shows "0123456789" as the stylesheet sets the page number (to measure it).
    The page is laid out as every piece is, through the project's fetcher (what it refuses, the pieces
    report: they use the same stylesheet)."""
    stylesheet, fonts = shared_stylesheet(task.css, task.root, task.allowed)  # first: it imports WeasyPrint
    fetcher = make_fetcher(task.allowed, [])
    probe = engine.stylesheet('@page { @bottom-center { content: "0123456789"; } }', None, fetcher, fonts)
    document = engine.html_document("<html><body></body></html>", engine.base_url(task.root), fetcher)
    return document.render(stylesheets=[stylesheet, probe], font_config=fonts).write_pdf()
