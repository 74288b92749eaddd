"""Document → PDF: every piece laid out on its own (in parallel where it pays), then assembled.

The pieces of :class:`~kazthesis.pdf.html.HtmlBook` start on new pages, so
each is laid out by itself (:mod:`kazthesis.pdf.weasy`) — on two cores two at a
time — and kept in a :class:`LayoutCache` under its HTML: a rebuild lays out
again only the pieces whose HTML changed. The contents page comes last, when
the pages of the headings are known; then :mod:`kazthesis.pdf.assemble` joins
the pages and draws the page numbers. ``output/thesis.html`` is the same
pieces joined into one document.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kazthesis.i18n import N_, _, ngettext
from kazthesis.lang import wording
from kazthesis.model import ContentsEntry, Document, Source
from kazthesis.pdf import workers
from kazthesis.pdf.assemble import (
    Metadata,
    NumberPlace,
    PageNumberFont,
    assemble,
    measure_page_number_font,
    number_place,
)
from kazthesis.pdf.html import HtmlBook, Piece
from kazthesis.pdf.inserts import external_pieces, is_external, place
from kazthesis.pdf.weasy import Job, LaidOut, Measure, WrongWeasyPrint, lay_out_or_measure
from kazthesis.pdf.workers import PieceFailed
from kazthesis.problems import Problems
from kazthesis.read.project import unreadable
from kazthesis.resources import templates_dir

TOOL_DIR = templates_dir()  # the tool's own files the renderer may read
TEXT_SUFFIXES = {".md", ".markdown", ".svg", ".html", ".css"}
BODY_RE = re.compile(r"<body>\n?(.*)</body>", re.S)


@dataclass
class PdfResult:
    """What the PDF stage made."""

    pdf: bytes
    html: str  # the whole document, for output/thesis.html
    pages: int
    laid_out: int  # pieces laid out in this run (the rest came from the cache)
    body_pages: int  # from the introduction to the conclusion, as norm control counts them


@dataclass
class LayoutCache:
    """Laid-out pieces by the hash of their HTML, and the measured page-number font, kept between rebuilds."""

    pieces: dict[str, LaidOut] = field(default_factory=dict)
    numbers: dict[str, PageNumberFont] = field(default_factory=dict)

    def keep_only(self, keys: set[str]) -> None:
        """Forget pieces no longer in the document (their memory is the PDF of each)."""
        for key in set(self.pieces) - keys:
            del self.pieces[key]


FILE_URL_RE = re.compile(r'src="(file://[^"]+)"')


def _key(job: Job) -> str:
    """What a piece's layout depends on: its HTML, the stylesheet, and the images it shows (by size and time)."""
    from urllib.parse import unquote, urlparse

    images = []
    for url in sorted(set(FILE_URL_RE.findall(job.html))):
        try:
            stat = Path(unquote(urlparse(url).path)).stat()
            images.append(f"{url}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            images.append(url)
    text = "|".join([str(job.root), str(job.paint), job.css, job.html, *images])
    return hashlib.sha1(text.encode()).hexdigest()


class LayoutStopped(Exception):
    """Pieces the renderer gave up on (too long, too much memory): the build reports them and stops."""

    def __init__(self, failures: list[PieceFailed]) -> None:
        super().__init__(failures)
        self.failures = failures


def _lay_out_all(jobs: list[Job], cache: LayoutCache, measure: Measure | None = None) -> tuple[dict[str, LaidOut],
                                                                                             int]:
    """Every job laid out — by the workers, the largest first, or here without them — from the cache where
    the same HTML was laid out before. With ``measure`` (the stylesheet), the page-number font is measured
    beside them and kept in the cache."""
    done = {job.name: cache.pieces[_key(job)] for job in jobs if _key(job) in cache.pieces}
    todo = sorted((job for job in jobs if job.name not in done), key=lambda job: -len(job.html))
    results = workers.run(lay_out_or_measure, [*todo, *([measure] if measure is not None else [])])
    if failures := [result for result in results if isinstance(result, PieceFailed)]:
        raise LayoutStopped(failures)
    for job, result in zip(todo, results, strict=False):
        done[job.name] = cache.pieces[_key(job)] = result
    if measure is not None:
        cache.numbers[_css_key(measure.css)] = measure_page_number_font(results[-1])
    return done, len(todo)


def _css_key(css: str) -> str:
    return hashlib.sha1(css.encode()).hexdigest()


def locate(url: str, root: Path) -> tuple[Path, int | None]:
    """Where the project asks for ``url``: the first text file and line naming it (or its file name)."""
    from urllib.parse import unquote, urlparse

    name = unquote(urlparse(url).path).rstrip("/").rsplit("/", 1)[-1]
    # Only the project's own files are read: a name linked outside, or a pipe, is checked, never opened.
    candidates = [p for folder in ("content", "templates", "images") if (root / folder).is_dir()
                  for p in sorted((root / folder).rglob("*"))
                  if p.suffix.lower() in TEXT_SUFFIXES and not unreadable(p, root) and p.is_file()]
    for needle in (url, name):
        for path in candidates:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if needle and needle in text:
                return path, text.count("\n", 0, text.index(needle)) + 1
    return root, None


def _report(document: Document, laid_out: list[LaidOut], problems: Problems) -> None:
    """What the layout found: refused URLs, images the renderer could not draw."""
    root = document.config.root
    for url in sorted({url for piece in laid_out for url in piece.refused}):
        path, line = locate(url, root)
        problems.error(path, line, _("the renderer was asked for {url}, outside the project or on the network; "
                                     "refused").format(url=url),
                       _("keep images and styles inside the project folder and refer to them by a relative path"))
    for message in dict.fromkeys(message for piece in laid_out for message in piece.lost):
        problems.error(root / "content", None, _("the renderer could not draw something: {message}").format(
                                                 message=message),
                       _("check the image files the chapters use"))
    for piece in laid_out:
        for message in piece.warned:
            path, line, what = piece_source(document, piece.name)
            problems.warning(path, line, _("{what}: the renderer warned while laying it out: {message}").format(
                                             what=what, message=message),
                             _("look at that part of thesis.pdf"))


def report_overflows(document: Document, sources: dict[str, dict[str, Source]], pieces: list[LaidOut],
                     problems: Problems) -> None:
    """What the layout drew outside the text area, as a warning at the line that holds it (its paragraph's, or
    its heading's, figure's or table's), with the thesis's page."""
    root = document.config.root
    elements = {item.id: item.source for item in [*document.headings, *document.figures, *document.tables,
                                                   *document.listings] if item.id}
    start = 1
    for piece in pieces:
        for overflow in piece.overflows:
            source = (sources.get(piece.name, {}).get(overflow.paragraph or "")
                      or elements.get(overflow.element or ""))
            path, line = ((root / source.path, source.line) if source is not None
                          else piece_source(document, piece.name)[:2])
            what = (_("the text «{text}…»").format(text=overflow.text.strip()) if overflow.text.strip()
                    else _("a picture"))
            problems.warning(path, line, _("{what} runs {points} pt past the text area on page {page}").format(
                                             what=what, points=f"{overflow.points:g}", page=start + overflow.page),
                             _("break the long word, number or address (a space or a hyphen in it), or make the "
                               "picture smaller"))
        start += piece.pages


def check_placement(document: Document, pieces: list[LaidOut], problems: Problems) -> None:
    """A figure or table more than one page after the page of its first mention (GOST 7.32: right after it)."""
    start, anchors, mentions = 1, {}, {}
    for piece in pieces:
        for name, (page, _x, _y) in piece.anchors.items():
            anchors.setdefault(name, start + page)
        for page, target, _rect in piece.links:
            mentions[target] = min(mentions.get(target, start + page), start + page)
        start += piece.pages
    for item in [*document.figures, *document.tables]:
        if item.id in anchors and item.id in mentions and anchors[item.id] - mentions[item.id] > 1:
            problems.warning(document.config.root / item.source.path, item.source.line,
                             ngettext("{label} is on page {page}, {n} page after its first mention on page {first}",
                                      "{label} is on page {page}, {n} pages after its first mention on page {first}",
                                      anchors[item.id] - mentions[item.id]).format(
                                 label=item.label, page=anchors[item.id], n=anchors[item.id] - mentions[item.id],
                                 first=mentions[item.id]),
                             _("move it closer to the paragraph that first mentions it"))


def _contents_pages(pieces: list[Piece], laid_out: dict[str, LaidOut], contents_pages: int) -> dict[str, int]:
    """The page of every anchor, with the contents piece taking ``contents_pages`` pages."""
    pages: dict[str, int] = {}
    start = 1
    for piece in pieces:
        count = contents_pages if piece.name == "contents" else laid_out[piece.name].pages
        if piece.name != "contents":
            for name, (page, _x, _y) in laid_out[piece.name].anchors.items():
                pages.setdefault(name, start + page)
        start += count
    return pages


def build_pdf(document: Document, problems: Problems, cache: LayoutCache | None = None) -> PdfResult | None:
    """Lay out, assemble and return the thesis PDF; None when the layout found errors."""
    try:
        return _build_pdf(document, problems, cache)
    except WrongWeasyPrint as exc:  # the renderer found another WeasyPrint than the one it is written for
        problems.error(exc.where, None, exc.message, exc.fix)
        return None
    except LayoutStopped as stopped:
        for failure in stopped.failures:
            report_stopped(document, failure, problems)
        return None


STOPPED = {
    "time": N_("{what}: laying it out took longer than {seconds} s, and was stopped"),
    "memory": N_("{what}: laying it out needed more than {mib} MiB of memory, and was stopped"),
    "stopped": N_("{what}: the renderer ended while laying it out ({detail}; most likely it needed more than {mib} "
                  "MiB of memory)"),
}


def report_stopped(document: Document, failure: PieceFailed, problems: Problems) -> None:
    """A piece the renderer gave up on, reported at the file (and heading) it comes from."""
    path, line, what = piece_source(document, failure.name)
    template = STOPPED[failure.reason]
    code = failure.code
    detail = (_("killed by signal {n}").format(n=-code) if code is not None and code < 0
              else _("exit status {n}").format(n=code))
    message = _(template).format(what=what, detail=detail, seconds=f"{workers.PIECE_SECONDS:g}",
                                 mib=workers.WORKER_MEMORY >> 20)
    problems.error(path, line, message,
                   _("look in it for what makes the layout heavy — a very large image or table, a deeply nested "
                     "SVG, a long text without a paragraph break — and make it smaller"))


PIECES = {"references": N_("the reference list"), "title": N_("the title page"), "terms": N_("the terms"),
          "abbreviations": N_("the abbreviations"), "contents": N_("the contents page")}
OTHER_PIECE = N_("a page of the thesis")


def piece_source(document: Document, name: str) -> tuple[Path, int | None, str]:
    """Where a piece comes from (file, line) and what to call it in a message."""
    config = document.config
    kind, _dash, number = name.partition("-")
    parts = {"part": document.parts, "appendix": document.appendices, "abstract": document.abstracts}
    if kind in parts and number.isdigit() and int(number) <= len(parts[kind]):
        heading = parts[kind][int(number) - 1].heading
        if heading is not None:
            return (config.root / heading.source.path, heading.source.line,
                    _("the part '{title}'").format(title=heading.plain))
        return config.root / "content", None, _("a part without a heading")
    shown = PIECES.get(name, OTHER_PIECE)
    if name == "references":
        return config.bib_path, None, _(shown)
    key = "title_page" if name == "title" else name
    return config.path, config.key_lines.get(key), _(shown)


def _build_pdf(document: Document, problems: Problems, cache: LayoutCache | None) -> PdfResult | None:
    watching = cache is not None  # watch mode: the workers keep each piece's layout for the next edit
    cache = cache if cache is not None else LayoutCache()
    config = document.config
    book = HtmlBook(document)
    css = book.css(stamped=True)
    pieces = book.pieces()
    external = external_pieces(config, document.language, document.inserted)  # PDF pages from outside: never laid out
    pieces = place(pieces, config, external)
    allowed = (config.root.resolve(), TOOL_DIR)

    def job(piece: Piece, paint: bool = True) -> Job:
        return Job(piece.name, book.page([piece], ""), css, config.root, allowed, keep=watching, paint=paint)

    jobs = [job(piece) for piece in pieces if piece.name != "contents" and piece.name not in external]
    final_job = None
    if book.has_contents:
        # The contents page is laid out first with wide placeholder numbers, to know how many pages it takes
        # (not painted: only its page count is used).
        placeholder = {entry.id: 999 for entry in document.contents}
        jobs.append(job(book.contents(placeholder), paint=False))
    measure_now = _css_key(css) not in cache.numbers and not book.has_contents  # else beside the contents page
    laid_out, count = _lay_out_all(jobs, cache, Measure(css, config.root, allowed) if measure_now else None)
    laid_out.update(external)
    if book.has_contents:
        contents_pages = laid_out["contents"].pages
        for _attempt in range(3):  # the real numbers rarely change the contents' length; when they do, again
            final_job = job(book.contents(_contents_pages(pieces, laid_out, contents_pages)))
            # The footer's digits are measured (once a stylesheet) by the worker the contents page leaves free.
            measure = None if _css_key(css) in cache.numbers else Measure(css, config.root, allowed)
            final, extra = _lay_out_all([final_job], cache, measure)
            laid_out["contents"], count = final["contents"], count + extra
            if final["contents"].pages == contents_pages:
                break
            contents_pages = final["contents"].pages
    settled, count = _settle_statistics(book, pieces, laid_out, job, cache, count)
    numbering = cache.numbers[_css_key(css)]
    ordered = [laid_out[piece.name] for piece in pieces]
    cache.keep_only({_key(j) for j in [*jobs, *([final_job] if final_job else []), *settled]})
    _report(document, ordered, problems)
    report_overflows(document, book.sources, ordered, problems)
    if problems.errors:
        return None
    if config.checks["figure_placement"]:
        check_placement(document, ordered, problems)
    places: list[NumberPlace | None] = []  # where each page shows its number (None: not at all)
    on_title_page = document.geometry.forms.page_number.on_title_page
    for piece in ordered:
        shown = not is_external(piece.name) and (piece.name != "title" or on_title_page)
        places += [number_place(document.geometry, width, height, numbering) if shown else None
                   for width, height in piece.page_sizes]
    title = document.title_page
    metadata = Metadata(title.title, title.author, title.keywords, document.language)
    pdf = assemble(ordered, numbering, places, _bookmarks(document, book.has_contents), metadata)
    whole = [Piece(p.name, _body(laid_out[p.name].html)) if p.name != "contents" else p for p in pieces]
    # The whole document: the same pieces, page numbers and contents from CSS counters.
    html = book.page(whole, book.css(stamped=False))
    body = sum(laid_out[piece.name].pages for piece in pieces if piece.name.startswith("part-"))
    return PdfResult(pdf, html, len(places), count, body)


def _settle_statistics(book: HtmlBook, pieces: list[Piece], laid_out: dict[str, LaidOut],
                       job: Callable[[Piece], Job], cache: LayoutCache, count: int) -> tuple[list[Job], int]:
    """Lay out the annotations again with the PDF's real page count in their statistics lines, and the contents
    page with the page numbers that follow, until the count stays the same (a line that grows by a digit can
    make an annotation a page longer, which moves every heading after it)."""
    if not book.has_statistics():
        return [], count
    jobs: list[Job] = []
    for _attempt in range(5):
        total = sum(laid_out[piece.name].pages for piece in pieces)
        jobs = [job(piece) for piece in book.abstract_pieces(total)]
        done, extra = _lay_out_all(jobs, cache)
        laid_out.update(done)
        more = 0
        if "contents" in laid_out:
            contents_job = job(book.contents(_contents_pages(pieces, laid_out, laid_out["contents"].pages)))
            final, more = _lay_out_all([contents_job], cache)
            laid_out.update(final)
            jobs.append(contents_job)
        count += extra + more
        if sum(laid_out[piece.name].pages for piece in pieces) == total:
            break
    return jobs, count


def _body(html: str) -> str:
    match = BODY_RE.search(html)
    return match.group(1) if match else html


def _bookmarks(document: Document, has_contents: bool) -> list[ContentsEntry]:
    """The contents entries as bookmarks, after one for the contents page itself (where there is one)."""
    abstracts = [ContentsEntry(1, "abstract", part.heading.plain, part.heading.id) for part in document.abstracts
                 if part.heading is not None]  # the annotations come before the contents page
    page = ContentsEntry(1, "structural", (document.strings or wording.strings(document.language))["contents"],
                         "contents")
    return [*abstracts, *([page] if has_contents else []), *document.contents]
