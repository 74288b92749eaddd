"""Image files and formula drawings → ``w:drawing`` elements, sized as the PDF sizes them.

A bitmap is embedded as it is; an SVG is embedded as SVG (Word 2016 and later
draw it) with a PNG drawn by resvg beside it for LibreOffice and older Word.
An image's size is the PDF's: as written (``width``/``height`` in CSS units)
or its own, within the text width and the geometry's figure height.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.etree import ElementTree

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part as OpcPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.shape import CT_Inline
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart

from kazthesis.docx.wordml import EMU_PER_PT, append, clean
from kazthesis.read.project import is_inside
from kazthesis.resolve.geometry import PT_PER_MM, Geometry, points

SVG_BLIP_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_BLIP_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
PNG_FALLBACK_DPI = 200  # the PNG that LibreOffice and Word before 2016 show instead of an SVG
LENGTH_RE = re.compile(r"^\s*([\d.]+)\s*(%|px|pt|mm|cm|in|em|ex|pc)?\s*$", re.I)
UNIT_PT = {"px": 0.75, "pt": 1.0, "mm": PT_PER_MM, "cm": 10 * PT_PER_MM, "in": 72.0, "pc": 12.0, "": 0.75}
HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
URL_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


class ImageError(Exception):
    """An image the writer cannot embed."""


def css_length(value: str, reference: float, em: float) -> float | None:
    """A CSS length in points (``"50%"`` of ``reference``, ``"8cm"``, ``"300px"``); None when unreadable."""
    match = LENGTH_RE.match(value or "")
    if not match:
        return None
    number, unit = float(match.group(1)), (match.group(2) or "").lower()
    if unit == "%":
        return reference * number / 100
    if unit in ("em", "ex"):
        return number * em * (0.5 if unit == "ex" else 1)
    return number * UNIT_PT[unit]


def natural_size(path: Path, data: bytes, em: float) -> tuple[float, float]:
    """An image's own size in points: an SVG's width/height (or viewBox), a bitmap's pixels at its DPI."""
    if path.suffix.lower() == ".svg":
        root = ElementTree.fromstring(data)
        width = css_length(root.get("width", ""), 0, em)
        height = css_length(root.get("height", ""), 0, em)
        box = [float(n) for n in re.split(r"[\s,]+", root.get("viewBox", "").strip()) if n] or [0, 0, 400, 300]
        box_w, box_h = (box[2], box[3]) if len(box) == 4 and box[2] > 0 and box[3] > 0 else (400, 300)
        if width and height:
            return width, height
        if width:
            return width, width * box_h / box_w
        if height:
            return height * box_w / box_h, height
        return box_w * 0.75, box_h * 0.75
    from PIL import Image

    with Image.open(io.BytesIO(data)) as picture:
        dpi = picture.info.get("dpi", (96, 96))
        dpi_x, dpi_y = (float(dpi[0]) or 96, float(dpi[1]) or 96) if isinstance(dpi, tuple) else (96, 96)
        return picture.width * 72 / dpi_x, picture.height * 72 / dpi_y


def fit_size(natural: tuple[float, float], width: str, height: str, text_width: float, em: float,
             max_height: float) -> tuple[float, float]:
    """The displayed size in points: as written (``width``/``height``, CSS lengths), within the text width
    and ``max_height`` (as ``max-width: 100%`` and ``max-height`` do in the PDF)."""
    w0, h0 = natural
    ratio = h0 / w0 if w0 else 1.0
    w = css_length(width, text_width, em) if width else None
    h = css_length(height, max_height, em) if height else None
    if w and h:
        pass
    elif w:
        h = w * ratio
    elif h:
        w = h / ratio
    else:
        w, h = w0, h0
    scale = min(1.0, text_width / w if w else 1.0, max_height / h if h else 1.0)
    return w * scale, h * scale


def confine_svg(data: bytes, folder: Path | None, root: Path) -> str:
    """The SVG with every reference to a file outside the project removed: resvg would read any path
    (the PDF's URL fetcher refuses them), so only ``#fragment``, ``data:`` and files inside ``root`` stay."""
    ElementTree.register_namespace("", "http://www.w3.org/2000/svg")
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    tree = ElementTree.fromstring(data)
    changed = False
    for element in tree.iter():
        for name in HREFS:
            value = (element.get(name) or "").strip()
            if not value or value.startswith(("#", "data:")):
                continue
            inside = (folder is not None and not URL_SCHEME_RE.match(value) and not Path(value).is_absolute()
                      and is_inside(folder / value, root))
            if not inside:
                del element.attrib[name]
                changed = True
    return ElementTree.tostring(tree, encoding="unicode") if changed else data.decode("utf-8")


def svg_to_png(svg: str, width_px: int, folder: Path | None) -> bytes:
    """An SVG drawn as PNG (resvg: a wheel with no system library), ``width_px`` wide."""
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=max(width_px, 16),
                                       resources_dir=str(folder) if folder else None))


class Pictures:
    """The drawings of one Word file: each gets its own shape id; an SVG file used twice is stored once."""

    def __init__(self, word: docx.document.Document, geometry: Geometry, root: Path) -> None:
        self.word = word
        self.root = root
        self.em = geometry.body_size
        self.text_width = geometry.text_width_pt
        self.max_height = points(geometry.figure_max_height)
        self.shape_id = 0
        self.svg_parts: dict[Path, OpcPart] = {}

    def picture(self, path: Path, width: str, height: str, part: StoryPart, description: str) -> BaseOxmlElement:
        """A ``w:drawing`` of an image file; ``part``: the story (body, footnotes) that holds it."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImageError(exc.strerror or str(exc)) from exc
        if path.suffix.lower() == ".svg":
            return self.svg_drawing(data, path, width, height, part, description)
        try:
            w, h = fit_size(natural_size(path, data, self.em), width, height, self.text_width, self.em,
                            self.max_height)
            rid, _ = part.get_or_add_image(io.BytesIO(data))
        except Exception as exc:  # PIL and python-docx raise many kinds for a damaged picture
            raise ImageError(str(exc) or type(exc).__name__) from exc
        return self._drawing(rid, path.name, w, h, description)

    def svg_drawing(self, data: bytes, path: Path | None, width: str, height: str, part: StoryPart,
                    description: str) -> BaseOxmlElement:
        """An SVG picture with a PNG fallback: Word 2016+ draws the SVG, LibreOffice and older Word the PNG."""
        try:
            w, h = fit_size(natural_size(Path("x.svg"), data, self.em), width, height, self.text_width, self.em,
                            self.max_height)
            folder = path.parent if path else None
            svg = confine_svg(data, folder, self.root)
            png = svg_to_png(svg, round(w / 72 * PNG_FALLBACK_DPI), folder)
        except (ElementTree.ParseError, ValueError, UnicodeDecodeError) as exc:
            raise ImageError(str(exc)) from exc
        rid, _ = part.get_or_add_image(io.BytesIO(png))
        name = path.stem + ".png" if path else "math.png"
        drawing = self._drawing(rid, name, w, h, description)
        svg_part = self.svg_parts.get(path) if path else None
        if svg_part is None:
            package = self.word.part.package
            svg_part = OpcPart(package.next_partname("/word/media/image%d.svg"), "image/svg+xml", data, package)
            if path:
                self.svg_parts[path] = svg_part
        svg_rid = part.relate_to(svg_part, RT.IMAGE)
        blip = drawing.find(".//" + qn("a:blip"))
        blip.append(parse_xml(
            f'<a:extLst {nsdecls("a", "r")}><a:ext uri="{SVG_BLIP_URI}">'
            f'<asvg:svgBlip xmlns:asvg="{SVG_BLIP_NS}" r:embed="{svg_rid}"/></a:ext></a:extLst>'))
        return drawing

    def _drawing(self, rid: str, filename: str, width_pt: float, height_pt: float,
                 description: str) -> BaseOxmlElement:
        self.shape_id += 1
        inline = CT_Inline.new_pic_inline(self.shape_id, rid, filename, round(width_pt * EMU_PER_PT),
                                          round(height_pt * EMU_PER_PT))
        inline.docPr.set("descr", clean(description))
        return append(OxmlElement("w:drawing"), inline)
