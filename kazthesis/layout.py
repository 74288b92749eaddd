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

from kazthesis.hyphen_rules import faults, withdraw, withdraw_in_boxes
from kazthesis.relayout import Layout
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


def shared_stylesheet(css: str):  # noqa: ANN202 - (weasyprint.CSS, FontConfiguration)
    """The stylesheet parsed once per process, with the font configuration every render shares."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = _SHARED.setdefault("fonts", FontConfiguration())
    key = "css:" + css
    if key not in _SHARED:
        _SHARED.clear()
        _SHARED["fonts"] = fonts
        _SHARED[key] = weasyprint.CSS(string=css, font_config=fonts)
    return _SHARED[key], fonts


def lay_out(job: Job) -> LaidOut:
    """Lay out one piece until the layout passes change nothing more; write its PDF."""

    logger = logging.getLogger("weasyprint")
    logger.setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    complaints = _Complaints()
    logger.addHandler(complaints)
    refused: list[str] = []
    fetcher = make_fetcher(job.allowed, refused)
    base_url = job.root.resolve().as_uri() + "/"
    stylesheet, fonts = shared_stylesheet(job.css)
    try:
        html, splits, withdrawn = job.html, set(), set()
        layout = _render(html, base_url, fetcher, stylesheet, fonts)
        for _ in range(MAX_PASSES):
            # Each continuation label moves the rows after it, so the splits are found afresh on every
            # pass; a split that no longer opens a page is dropped. Withdrawn hyphens stay withdrawn.
            found = find_splits(layout.raw_pages)
            faulty = faults(layout.raw_pages)
            if found != splits:  # new tables: the piece is laid out again whole
                splits, withdrawn = found, withdrawn | faulty
                html = split_tables(withdraw(job.html, withdrawn), splits)
                layout = _render(html, base_url, fetcher, stylesheet, fonts)
            elif faulty:  # a word's hyphens withdrawn: laid out again from its page on
                withdrawn |= faulty
                html = split_tables(withdraw(job.html, withdrawn), splits)
                withdraw_in_boxes(layout.root_box, faulty)
                layout.relayout_from(min(fault.page for fault in faulty))
            else:
                break
        document = layout.document()
        pdf = document.write_pdf(uncompressed_pdf=False)  # attachments would be fetched here
    finally:
        logger.removeHandler(complaints)
    return LaidOut(job.name, html, pdf, *_positions(document), refused=sorted(set(refused)),
                   lost=complaints.messages)


def _render(html: str, base_url: str, fetcher: object, stylesheet: object, fonts: object) -> Layout:
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
