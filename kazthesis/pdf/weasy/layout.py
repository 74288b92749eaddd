"""One piece of the thesis (an HTML page) → laid-out pages and a PDF of them, by WeasyPrint.

A piece is laid out, looked at, and laid out again when the layout shows
what CSS cannot express: a table that runs onto the next page gets its
continuation label. The result, :class:`LaidOut`, is plain data (the piece's PDF,
where its anchors and links are), so pieces can be laid out in worker
processes, kept between rebuilds, and assembled by :mod:`kazthesis.pdf.assemble`.

The renderer reads only files under the project folder and the tool's own,
never the network: :class:`ProjectFetcher` serves files itself (urllib would
resolve ``file://HOST/…`` over the network) and refuses everything else.
"""

from __future__ import annotations

import contextlib
import io
import logging
import mimetypes
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from kazthesis.pdf.weasy.hyphen_rules import (
    Fault,
    ends_hyphenated,
    faults,
    page_lines,
    paragraph_start,
    withdraw,
    withdraw_in_boxes,
)
from kazthesis.pdf.weasy.relayout import Layout, paragraph_texts, text_edits
from kazthesis.pdf.weasy.tables import find_splits, split_tables

PX_PER_PT = 4 / 3  # CSS pixels per PDF point
MAX_PASSES = 6


@dataclass(frozen=True)
class Job:
    """What laying out one piece needs; picklable, for a worker process."""

    name: str
    html: str  # the piece as an HTML document, without the stylesheet
    css: str  # the stylesheet, parsed once per process and shared by every piece
    root: Path
    allowed: tuple[Path, ...]  # folders the renderer may read
    keep: bool = False  # keep the layout (watch mode): the next version of the piece may need little layout
    paint: bool = True  # False: only the pages' count and anchors are wanted, no PDF (a draft of the contents)


@dataclass
class LaidOut:
    """A piece after layout: its PDF and what the assembly and the checks need to know of it."""

    name: str
    html: str  # the piece's HTML after the layout passes (tables split, fitted)
    pdf: bytes
    page_sizes: list[tuple[float, float]]  # (width, height) of each page, in points
    anchors: dict[str, tuple[int, float, float]]  # id → (page, x, y), points from the bottom left
    links: list[tuple[int, str, tuple[float, float, float, float]]]  # (page, target id, rectangle in points)
    refused: list[str] = field(default_factory=list)  # URLs the renderer asked for and did not get
    lost: list[str] = field(default_factory=list)  # the renderer's own complaints (an image it could not draw)

    @property
    def pages(self) -> int:
        return len(self.page_sizes)


def make_fetcher(allowed: tuple[Path, ...], refused: list[str]):  # noqa: ANN201 - a WeasyPrint URLFetcher
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectFetcher(URLFetcher):
        """Opens data: URLs and files under the allowed folders; refuses the rest, and notes it."""

        def fetch(self, url: str, headers: dict | None = None):  # noqa: ANN201
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parsed = urlparse(url)
            if parsed.scheme == "file" and not parsed.netloc:
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in allowed) and path.is_file():
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
            refused.append(url)
            raise ValueError(f"refused: {url} is outside the project folder or on the network")

    return ProjectFetcher()


class _Complaints(logging.Handler):
    """WeasyPrint logs, and goes on, when it cannot draw an image: that is content lost."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Failed to load"):
            self.messages.append(message.splitlines()[0])


_SHARED: dict[str, object] = {}  # per process: the font configuration and parsed stylesheets


def _import_weasyprint() -> None:
    """Import WeasyPrint without ctypes' library search, which is a third of the import on Linux.

    WeasyPrint loads each library by trying names for Windows, macOS and Linux in turn, and cffi asks
    ``ctypes.util.find_library`` about every name that does not load at once: on Linux that runs ldconfig,
    gcc and ld, some fifty programs. The Linux names (libpango-1.0.so.0, …) load at once, so the search is
    left out; should the import fail without it, it is imported again the usual way.
    """
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint  # noqa: F401
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # WeasyPrint prints its advice when a library is missing
            import weasyprint  # noqa: F401
    except (OSError, ImportError):
        for name in [name for name in sys.modules if name.split(".")[0] == "weasyprint"]:
            del sys.modules[name]
        ctypes.util.find_library = search
        import weasyprint  # noqa: F401, F811
    finally:
        ctypes.util.find_library = search


def _fonts():  # noqa: ANN202 - weasyprint's FontConfiguration
    """The font configuration every render in this process shares. The first call imports WeasyPrint and puts
    the faster line breaking in place (:mod:`kazthesis.pdf.weasy.linebreak`)."""
    if "fonts" not in _SHARED:
        _import_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        from kazthesis.pdf.weasy import linebreak

        linebreak.install()
        _SHARED["fonts"] = FontConfiguration()
    return _SHARED["fonts"]


def shared_stylesheet(css: str):  # noqa: ANN202 - (weasyprint.CSS, FontConfiguration)
    """The stylesheet parsed once per process, with the font configuration every render shares."""
    fonts = _fonts()
    import weasyprint

    key = "css:" + css
    if key not in _SHARED:
        _SHARED.clear()
        _SHARED["fonts"] = fonts
        _SHARED[key] = weasyprint.CSS(string=css, font_config=fonts)
    return _SHARED[key], fonts


def warm_up() -> None:
    """Import the renderer and load the fonts, in a worker that has nothing to do yet."""
    fonts = _fonts()
    import pikepdf  # noqa: F401 - watch mode splices pages painted anew into a piece's last PDF
    import weasyprint

    weasyprint.HTML(string="<p style='font-family: serif'>Қазақстан <b>Kazakhstan</b> <i>Қ</i></p>").render(
        font_config=fonts)


def footer_digits(css: str) -> bytes:
    """A one-page PDF whose footer shows "0123456789" as the stylesheet sets the page number (to measure it)."""
    import weasyprint

    stylesheet, fonts = shared_stylesheet(css)
    probe = weasyprint.CSS(string='@page { @bottom-center { content: "0123456789"; } }', font_config=fonts)
    document = weasyprint.HTML(string="<html><body></body></html>").render(stylesheets=[stylesheet, probe],
                                                                           font_config=fonts)
    return document.write_pdf()


def lay_out_or_measure(task: Job | str) -> LaidOut | bytes:
    """A piece laid out, or (given the stylesheet) the footer's digits drawn: one kind of task for the workers,
    so that the measuring goes beside the last layout instead of before the first."""
    return lay_out(task) if isinstance(task, Job) else footer_digits(task)


MAX_WITHDRAWALS_PER_PAGE = 40  # a page needs a few; this only bounds a loop that should never run on
# How far past its own lines a page's layout reads: WeasyPrint lays out up to two lines after the one that
# overflows (widows: 2), and an edit that shortens the text by up to SHRINK_TRUSTED characters pulls up about
# two more. Withdrawals within this many lines after the pages an edit reaches are always made again.
REACH_LINES = 8
SHRINK_TRUSTED = 150


@dataclass
class _Withdrawal:
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
class _Kept:
    """A piece's finished layout, kept by its worker in watch mode, with how its hyphenation was fixed."""

    job: Job
    layout: Layout
    withdrawals: list[_Withdrawal]  # in the order made
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


_KEPT: dict[str, _Kept] = {}


def lay_out(job: Job) -> LaidOut:
    """Lay out one piece until the layout passes change nothing more; write its PDF."""
    logger = logging.getLogger("weasyprint")
    logger.setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    complaints = _Complaints()
    logger.addHandler(complaints)
    base_url = job.root.resolve().as_uri() + "/"
    stylesheet, fonts = shared_stylesheet(job.css)
    try:
        resumed = _resume(job)
        if resumed is None:
            refused: list[str] = []
            layout = _render(job.html, base_url, make_fetcher(job.allowed, refused), stylesheet, fonts)
            kept, start = _Kept(job, layout, [], [], refused), 0
        else:
            kept, start = resumed
        html, splits = job.html, set()
        for _ in range(MAX_PASSES):
            _fix_hyphenation(kept, start)
            # A table that runs onto the next page is cut there, with its continuation label: the piece is
            # laid out again whole (the withdrawn hyphens stay withdrawn, in the HTML), until the cuts hold.
            found = find_splits(kept.layout.raw_pages)
            if found == splits:
                break
            splits = found
            html = split_tables(withdraw(job.html, set(kept.withdrawn)), splits)
            kept.layout = _render(html, base_url, make_fetcher(job.allowed, kept.refused), stylesheet, fonts)
            kept.withdrawals, start = [], 0  # the new boxes hold the withdrawals already
        html = split_tables(withdraw(job.html, set(kept.withdrawn)), splits)
        document = kept.layout.document()
        pdf = _paint(kept, document) if job.paint else b""
        if job.keep and not splits:  # a piece with cut tables is laid out whole every time
            _KEPT[job.name] = kept
    finally:
        logger.removeHandler(complaints)
    return LaidOut(job.name, html, pdf, *_positions(document), refused=sorted(set(kept.refused)),
                   lost=complaints.messages)


def _paint(kept: _Kept, document: object) -> bytes:
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
        pdf = _splice(last[1], partial.write_pdf(uncompressed_pdf=False), set(fresh), len(pages))
    kept.painted = (pages, pdf) if kept.job.keep else None
    return pdf


def _splice(last: bytes, painted: bytes, fresh: set[int], count: int) -> bytes:
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


def _fix_hyphenation(kept: _Kept, start: int) -> None:
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
            _distrust(kept, page)  # a page kept as it was has a fault it did not have: make it afresh
        elif found and rounds < MAX_WITHDRAWALS_PER_PAGE:
            for fault in sorted(found, key=lambda fault: (fault.paragraph, fault.word, fault.occurrence)):
                kept.withdrawn.append(fault)
                kept.withdrawals += [_Withdrawal(fault, box, before, box.text)  # type: ignore[attr-defined]
                                     for box, before in withdraw_in_boxes(layout.root_box, {fault})]
            layout.changed_from(page)
            rounds += 1
        else:
            page, rounds = page + 1, 0
            if kept.trusted_from is not None and page < len(layout.raw_pages):
                if not _as_before(kept, page):
                    _distrust(kept, page)
                elif page >= kept.trusted_from and page not in kept.redo:
                    # It starts where it did, after the same text: it is the page it was, whatever WeasyPrint
                    # noted while the page before was laid out on its way to the same end.
                    layout.unchanged(page)
        layout.advance(page)
    layout.advance()
    kept.trusted_from = None


def _as_before(kept: _Kept, page: int) -> bool:
    """Whether ``page`` (about to be laid out) starts where it started in the last layout, after a line that
    is not hyphenated: then its layout, and its withdrawals, are what they were."""
    maker = kept.layout.context.page_maker  # type: ignore[attr-defined]
    if page >= len(kept.starts) or page >= len(maker) or tuple(maker[page][:4]) != kept.starts[page]:
        return False
    lines = page_lines(kept.layout.raw_pages[page - 1])
    return not (lines and ends_hyphenated(lines[-1]))


def _distrust(kept: _Kept, page: int) -> None:
    """Undo the withdrawals kept on trust from ``page`` on: those pages are laid out afresh when reached."""
    _undo(kept, lambda fault: fault.page >= page)
    kept.trusted_from = None


def _undo(kept: _Kept, which: Callable[[Fault], bool]) -> set[int]:
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


def _resume(job: Job) -> tuple[_Kept, int] | None:
    """The piece's kept layout made ready for ``job`` when only paragraph texts changed: the withdrawals of
    the pages the changed paragraphs are on (and of the lines just after) undone, the new texts put in,
    those pages laid out again. Pages before them stay exactly as a layout from scratch would make them;
    pages after them keep their withdrawals on trust, checked as the layout reaches them. None: lay out
    from scratch."""
    kept = _KEPT.pop(job.name, None)
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
        redo = _undo(kept, redone)
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


def _render(html: str, base_url: str, fetcher: object, stylesheet: object, fonts: object) -> Layout:
    """The piece ready to be laid out; its pages are laid out page by page as the hyphenation passes go."""
    import weasyprint

    return Layout.render(weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher), [stylesheet], fonts)


def _positions(document: object) -> tuple[list[tuple[float, float]], dict, list]:
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
