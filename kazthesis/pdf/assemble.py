"""Laid-out pieces → the thesis PDF: pages in order, page numbers, links, bookmarks, metadata.

Each piece was laid out on its own (:mod:`kazthesis.pdf.weasy`), so none knows
on which page of the thesis it starts. That is decided here, after layout:
the pages are joined with pikepdf, and the page numbers are drawn onto them
in the font and size the stylesheet gives the page footer (measured once on a
one-page document laid out with the same stylesheet), in the place the
geometry names (:class:`kazthesis.resolve.geometry.PageNumber`: the middle of
the bottom margin, or the top right corner). A piece that
did not change is never laid out again just because an earlier one grew.
Links between pieces (the contents page, cross-references) and the bookmarks
are made here too, from the anchors each piece reports.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass

import pikepdf

from kazthesis.model import ContentsEntry
from kazthesis.pdf.weasy import LaidOut
from kazthesis.resolve.geometry import Geometry, points

FONT_NAME = pikepdf.Name("/KzPageNumber")


@dataclass
class PageNumberFont:
    """How the footer draws digits: the embedded font, the glyph code of each digit, size and baseline."""

    pdf: bytes  # the one-page PDF the font is taken from
    codes: list[bytes]  # glyph codes of "0".."9" in the font's encoding
    widths: list[float]  # advance of each digit, points
    size: float  # points
    baseline: float  # points above the page's bottom edge


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """Two PDF matrices [a b c d e f] combined: first ``a``, then ``b``."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def measure_page_number_font(pdf: bytes) -> PageNumberFont:
    """Read the digits' font, codes, size and baseline from a page whose footer shows "0123456789"."""
    document = pikepdf.open(io.BytesIO(pdf))
    page = document.pages[0]
    ctm = [1.0, 0, 0, 1, 0, 0]
    font_name, size, matrix, codes = None, 0.0, [1.0, 0, 0, 1, 0, 0], b""
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == "cm":
            ctm = _multiply([float(o) for o in operands], ctm)
        elif name == "Tf":
            font_name, size = operands[0], float(operands[1])
        elif name == "Tm":
            matrix = [float(o) for o in operands]
        elif name in ("Tj", "TJ"):
            items = operands[0] if name == "TJ" else [operands[0]]
            codes = b"".join(bytes(item) for item in items if isinstance(item, pikepdf.String))
            break
    if font_name is None or len(codes) % 10:
        raise RuntimeError("the page-number footer could not be measured")
    width = len(codes) // 10
    font = page.Resources.Font[font_name]
    scale = (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5
    origin = _multiply([1, 0, 0, 1, matrix[4], matrix[5]], ctm)
    advances = _advances(font, [codes[i : i + width] for i in range(0, len(codes), width)])
    point_size = size * scale * abs(matrix[3])
    return PageNumberFont(pdf, [codes[i : i + width] for i in range(0, len(codes), width)],
                          [a / 1000 * point_size for a in advances], point_size, origin[5])


def _advances(font: pikepdf.Dictionary, codes: list[bytes]) -> list[float]:
    """Glyph advances (per 1000 em) of two-byte codes in a Type0 font's /W array."""
    descendant = font.DescendantFonts[0]
    widths: dict[int, float] = {}
    w = list(descendant.get("/W", []))
    i = 0
    while i < len(w):
        first = int(w[i])
        if isinstance(w[i + 1], pikepdf.Array):
            for offset, value in enumerate(w[i + 1]):
                widths[first + offset] = float(value)
            i += 2
        else:
            for code in range(first, int(w[i + 1]) + 1):
                widths[code] = float(w[i + 2])
            i += 3
    default = float(descendant.get("/DW", 1000))
    return [widths.get(int.from_bytes(code, "big"), default) for code in codes]


@dataclass(frozen=True)
class NumberPlace:
    """Where one page's number is drawn: in points from the page's left and bottom edges."""

    x: float  # the number's middle (align "center") or its right end (align "right")
    baseline: float
    align: str


def number_place(geometry: Geometry, width: float, height: float, numbering: PageNumberFont) -> NumberPlace:
    """Where a page of ``width`` × ``height`` points shows its number, as the stylesheet's page-margin box would
    set it: across the text's width, in the middle of the margin. A margin box centres its line vertically, so
    the top margin's baseline mirrors the footer's measured one."""
    place = geometry.forms.page_number
    left, right = points(geometry.margin_left), points(geometry.margin_right)
    x = left + (width - left - right) / 2 if place.align == "center" else width - right
    baseline = numbering.baseline
    if place.edge == "top":
        baseline = height - points(geometry.margin_top) / 2 - (points(geometry.margin_bottom) / 2 - baseline)
    return NumberPlace(x, baseline, place.align)


@dataclass
class Metadata:
    title: str
    author: str
    keywords: str
    language: str


def assemble(pieces: list[LaidOut], numbering: PageNumberFont, places: list[NumberPlace | None],
             contents: list[ContentsEntry], metadata: Metadata) -> bytes:
    """The pieces' pages as one PDF; ``places[i]`` is where page i shows its number (None: nowhere)."""
    out = pikepdf.new()
    sources = [pikepdf.open(io.BytesIO(piece.pdf)) for piece in pieces]
    starts: dict[str, int] = {}
    with warnings.catch_warnings():  # named destinations are not kept: _link makes every internal link anew
        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
        for piece, source in zip(pieces, sources, strict=True):
            starts[piece.name] = len(out.pages)
            out.pages.extend(source.pages)
    anchors = {name: (starts[piece.name] + page, x, y)
               for piece in pieces for name, (page, x, y) in piece.anchors.items()}
    digits = pikepdf.open(io.BytesIO(numbering.pdf))
    sources.append(digits)
    font = _number_font(out, digits)
    for index, page in enumerate(out.pages):
        _drop_internal_links(page)
        if places[index] is not None:
            _stamp(out, page, str(index + 1), numbering, font, places[index])
    for piece in pieces:
        for page, target, rect in piece.links:
            if target in anchors:
                _link(out, out.pages[starts[piece.name] + page], rect, anchors[target], out.pages)
    _outline(out, contents, anchors)
    out.Root.Lang = pikepdf.String(metadata.language)
    out.docinfo["/Title"] = plain_text(metadata.title)
    out.docinfo["/Author"] = plain_text(metadata.author)
    out.docinfo["/Keywords"] = plain_text(metadata.keywords)
    out.docinfo["/Creator"] = "kazthesis"
    buffer = io.BytesIO()
    out.save(buffer)
    for source in sources:
        source.close()
    return buffer.getvalue()


def _number_font(out: pikepdf.Pdf, source: pikepdf.Pdf) -> pikepdf.Object:
    """The digits' font, copied once into ``out`` (qpdf reads the data from ``source`` when saving)."""
    fonts = source.pages[0].Resources.Font
    return out.copy_foreign(fonts[next(iter(fonts.keys()))])


def _drop_internal_links(page: pikepdf.Page) -> None:
    """WeasyPrint's links inside one piece name destinations the joined file no longer has."""
    annotations = page.obj.get("/Annots")
    if annotations is None:
        return
    kept = pikepdf.Array()
    for annotation in annotations:
        action = annotation.get("/A")
        internal = "/Dest" in annotation or (action is not None and action.get("/S") == pikepdf.Name.GoTo)
        if annotation.get("/Subtype") != pikepdf.Name.Link or not internal:
            kept.append(annotation)
    page.obj.Annots = kept


def _stamp(pdf: pikepdf.Pdf, page: pikepdf.Page, text: str, numbering: PageNumberFont, font: pikepdf.Object,
           place: NumberPlace) -> None:
    """Draw ``text`` (digits) at ``place``."""
    width = sum(numbering.widths[int(d)] for d in text)
    codes = b"".join(numbering.codes[int(d)] for d in text).hex()
    left = place.x - width / 2 if place.align == "center" else place.x - width
    stream = (f"q 0 0 0 rg BT {FONT_NAME} {numbering.size:.4f} Tf {left:.4f} "
              f"{place.baseline:.4f} Td <{codes}> Tj ET Q").encode()
    resources = page.obj.get("/Resources")
    if resources is None:
        page.obj.Resources = resources = pikepdf.Dictionary()
    if "/Font" not in resources:
        resources.Font = pikepdf.Dictionary()
    resources.Font[FONT_NAME] = font
    # The page's own content leaves its transformation in place: keep it inside q … Q.
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    page.contents_add(pdf.make_stream(b"\nQ\n" + stream), prepend=False)


def _link(pdf: pikepdf.Pdf, page: pikepdf.Page, rect: tuple[float, float, float, float],
          target: tuple[int, float, float], pages: pikepdf._core.PageList) -> None:
    index, x, y = target
    annotation = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=list(rect), Border=[0, 0, 0],
        Dest=[pages[index].obj, pikepdf.Name.XYZ, x, y, 0]))
    if "/Annots" not in page.obj:
        page.obj.Annots = pikepdf.Array()
    page.obj.Annots.append(annotation)


def plain_text(text: str) -> str:
    """Text for a viewer's title bar and bookmarks: no print-only marks (word joiners, soft hyphens,
    zero-width spaces), and plain spaces for the no-break ones."""
    return re.sub(r"[\u00a0\u2005\u202f]", " ", re.sub(r"[\u2060\u00ad\u200b]", "", text))


def _outline(pdf: pikepdf.Pdf, contents: list[ContentsEntry], anchors: dict[str, tuple[int, float, float]]) -> None:
    """Bookmarks for every contents entry, nested by level."""
    with pdf.open_outline() as outline:
        parents: list[tuple[int, pikepdf.OutlineItem]] = []
        for entry in contents:
            if entry.id not in anchors:
                continue
            page, x, y = anchors[entry.id]
            item = pikepdf.OutlineItem(plain_text(entry.text), page, "XYZ", left=x, top=y)
            while parents and parents[-1][0] >= entry.level:
                parents.pop()
            (parents[-1][1].children if parents else outline.root).append(item)
            parents.append((entry.level, item))
