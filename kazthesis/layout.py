"""One piece of the thesis (an HTML page) → laid-out pages and a PDF of them, by WeasyPrint.

A piece is laid out, looked at, and laid out again when the layout shows
what CSS cannot express: a table that runs onto the next page gets its
continuation label. The result, :class:`LaidOut`, is plain data (the piece's PDF,
where its anchors and links are), so pieces can be laid out in worker
processes, kept between rebuilds, and assembled by :mod:`kazthesis.assemble`.

The renderer reads only files under the project folder and the tool's own,
never the network: :class:`ProjectFetcher` serves files itself (urllib would
resolve ``file://HOST/…`` over the network) and refuses everything else.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from kazthesis.hyphen_rules import Fault, faults, withdraw, withdraw_in_boxes
from kazthesis.relayout import Layout, paragraph_texts, text_edits
from kazthesis.tables import find_splits, split_tables

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


def _fonts():  # noqa: ANN202 - weasyprint's FontConfiguration
    """The font configuration every render in this process shares; the first call also puts the faster
    line breaking in place (:mod:`kazthesis.linebreak`)."""
    if "fonts" not in _SHARED:
        from weasyprint.text.fonts import FontConfiguration

        from kazthesis import linebreak

        linebreak.install()
        _SHARED["fonts"] = FontConfiguration()
    return _SHARED["fonts"]


def shared_stylesheet(css: str):  # noqa: ANN202 - (weasyprint.CSS, FontConfiguration)
    """The stylesheet parsed once per process, with the font configuration every render shares."""
    import weasyprint

    fonts = _fonts()
    key = "css:" + css
    if key not in _SHARED:
        _SHARED.clear()
        _SHARED["fonts"] = fonts
        _SHARED[key] = weasyprint.CSS(string=css, font_config=fonts)
    return _SHARED[key], fonts


def warm_up() -> None:
    """Import the renderer and load the fonts, in a worker that has nothing to do yet."""
    import weasyprint

    fonts = _fonts()
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


@dataclass
class _Kept:
    """A piece's finished layout, kept by its worker in watch mode, with how its hyphenation was fixed."""

    job: Job
    layout: Layout
    withdrawals: list[tuple[int, object, str]]  # (page, box, its text before), in the order made
    withdrawn: list[Fault]  # the faults fixed, with the page each was fixed on
    refused: list[str]


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
        pdf = document.write_pdf(uncompressed_pdf=False)  # attachments would be fetched here
        if job.keep and not splits:  # a piece with cut tables is laid out whole every time
            _KEPT[job.name] = kept
    finally:
        logger.removeHandler(complaints)
    return LaidOut(job.name, html, pdf, *_positions(document), refused=sorted(set(kept.refused)),
                   lost=complaints.messages)


def _fix_hyphenation(kept: _Kept, start: int) -> None:
    """The hyphenation rules, page by page from ``start``: a page's faults are withdrawn and the page laid
    out again until it has none, then the next page. Page by page, the outcome on a page depends only on
    the text up to it: watch mode can take up the work at the first page an edit reaches."""
    layout, page, rounds = kept.layout, start, 0
    layout.advance(page)

    def paragraph_text(paragraph: str) -> str:
        return "".join(box.text for box in paragraph_texts(layout.root_box, paragraph))

    while page < len(layout.raw_pages):
        # A page's faults need only its own lines (and the paragraphs' texts): the next page is not laid out
        # until this one is right.
        found = {fault for fault in faults(layout.raw_pages[: page + 1], paragraph_text) if fault.page == page}
        if found and rounds < MAX_WITHDRAWALS_PER_PAGE:
            kept.withdrawn += sorted(found, key=lambda fault: (fault.paragraph, fault.word, fault.occurrence))
            kept.withdrawals += [(page, box, text) for box, text in withdraw_in_boxes(layout.root_box, found)]
            layout.changed_from(page)
            rounds += 1
        else:
            page, rounds = page + 1, 0
        layout.advance(page)
    layout.advance()


def _resume(job: Job) -> tuple[_Kept, int] | None:
    """The piece's kept layout made ready for ``job`` when only paragraph texts changed: the withdrawals
    from the first changed paragraph's page on undone, the new texts put in, those pages laid out again.
    Pages before it stay exactly as a layout from scratch would make them. None: lay out from scratch."""
    kept = _KEPT.pop(job.name, None)
    if kept is None or (kept.job.css, kept.job.root, kept.job.allowed) != (job.css, job.root, job.allowed):
        return None
    edits = text_edits(kept.job.html, job.html)
    if not edits:
        return None
    pages = [kept.layout.pages_of(paragraph) for paragraph in edits]
    if not all(pages):
        return None
    start = min(page for found in pages for page in found)
    undone = [w for w in kept.withdrawals if w[0] >= start]
    for _, box, text in reversed(undone):
        box.text = text  # type: ignore[attr-defined]
    if kept.layout.apply_text_edits(edits) is None:
        return None  # the kept layout is dropped: this piece is laid out from scratch
    kept.withdrawals = [w for w in kept.withdrawals if w[0] < start]
    kept.withdrawn = [fault for fault in kept.withdrawn if fault.page < start]
    kept.job = job
    # Every page whose text changed is laid out again when reached, even if it starts where it started
    # before (WeasyPrint would keep a page that starts at the same place).
    for page in {*(page for found in pages for page in found), *(w[0] for w in undone)}:
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
