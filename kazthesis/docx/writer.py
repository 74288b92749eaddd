"""Document model → .docx bytes: the thesis laid out for Word by the layout profile.

The sibling of :mod:`kazthesis.pdf.html` (model → HTML for the PDF). It reads
the resolved :class:`~kazthesis.model.Document` and writes WordprocessingML
through python-docx: A4 with the profile's margins; styles named as Word
names them (Normal, Heading 1–3, toc 1–3, Caption, footnote text) carrying
the profile's font, size, line spacing, first-line indent and justification;
the title page without a page number (a "different first page" footer); the
contents as a real TOC field, pre-filled with the model's contents entries
and marked for updating; real footnotes in footnotes.xml; real tables with a
repeating header row; figures embedded (SVG with a PNG fallback); a PAGE
field centred in the footer. Every number and printed string comes from the
model: nothing here counts.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.shape import CT_Inline
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.story import StoryPart

from kazthesis.lang import locale
from kazthesis.lang.typography import for_print
from kazthesis.model import (
    Block,
    Citation,
    Code,
    CodeBlock,
    ContentsEntry,
    CrossRef,
    Document,
    Emphasis,
    Figure,
    Footnote,
    Heading,
    Inline,
    InlineImage,
    LineBreak,
    Link,
    ListBlock,
    Math,
    MathBlock,
    NoteRef,
    PageBreak,
    Paragraph,
    Part,
    Quote,
    Rule,
    Statistics,
    Strikeout,
    Strong,
    Subscript,
    Superscript,
    Table,
    Text,
    plain_text,
)
from kazthesis.problems import Problems
from kazthesis.read.project import is_inside
from kazthesis.resolve.listing import STYLES, listing_lines

__all__ = ["render_docx"]

URL_RE = re.compile(r"https?://[^\s)]+")
SAFE_LINK_RE = re.compile(r"^(?:https?://|mailto:)", re.I)
# Control characters XML cannot hold, and the PDF's invisible line-breaking marks (word joiners,
# zero-width spaces): plagiarism portals flag invisible characters inside words, and Word breaks lines itself.
XML_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u2060\u200b]")
LANGUAGE_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-US"}
CODE_FONT = "Courier New"  # Liberation Mono, the PDF's code font, is its metric twin
SVG_BLIP_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_BLIP_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
PNG_FALLBACK_DPI = 200  # the PNG that LibreOffice and Word before 2016 show instead of an SVG
MAX_FIGURE_HEIGHT_MM = 180  # as thesis.css: figure.figure img { max-height: 180mm }
A4_MM = (210, 297)
KEEP_TOGETHER_LINES = 12  # a listing this short is kept on one page in Word

EMU_PER_PT = 12700
TWIPS_PER_PT = 20
PT_PER_MM = 72 / 25.4


def _twips(pt: float) -> int:
    return round(pt * TWIPS_PER_PT)


def _mm(mm: float) -> float:
    """Millimetres in points."""
    return mm * PT_PER_MM


# --- XML building ------------------------------------------------------------------------------


def _el(tag: str, **attrs: object) -> BaseOxmlElement:
    """A ``w:`` element with ``w:`` attributes: ``_el("jc", val="center")``."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name.rstrip('_')}"), str(value))
    return element


def _flag(tag: str, on: bool | None) -> BaseOxmlElement | None:
    """An on/off property: ``<w:b/>``, ``<w:b w:val="0"/>`` or nothing."""
    if on is None:
        return None
    return _el(tag) if on else _el(tag, val="0")


def _append(parent: BaseOxmlElement, *children: BaseOxmlElement | None) -> BaseOxmlElement:
    for child in children:
        if child is not None:
            parent.append(child)
    return parent


@dataclass(frozen=True)
class Para:
    """Paragraph properties, written in the order the schema requires (Word rejects any other)."""

    style: str = ""
    keep_next: bool | None = None
    keep_lines: bool | None = None
    page_break: bool | None = None
    widow_control: bool | None = None
    numbering: tuple[int, int] | None = None  # (numId, level)
    border_bottom: bool = False
    tab_right: int = 0  # twips: a right tab with a dot leader
    no_hyphens: bool | None = None
    before: float | None = None  # points
    after: float | None = None
    line: float | None = None  # a multiple of single spacing
    left: float | None = None  # points
    right: float | None = None
    first_line: float | None = None
    align: str = ""  # "left" | "center" | "right" | "both"
    outline: int | None = None

    def element(self) -> BaseOxmlElement:
        ppr = OxmlElement("w:pPr")
        _append(ppr, _el("pStyle", val=self.style) if self.style else None,
                _flag("keepNext", self.keep_next), _flag("keepLines", self.keep_lines),
                _flag("pageBreakBefore", self.page_break))
        _append(ppr, _flag("widowControl", self.widow_control))
        if self.numbering:
            _append(ppr, _append(OxmlElement("w:numPr"), _el("ilvl", val=self.numbering[1]),
                                 _el("numId", val=self.numbering[0])))
        if self.border_bottom:
            _append(ppr, _append(OxmlElement("w:pBdr"),
                                 _el("bottom", val="single", sz=6, space=1, color="000000")))
        if self.tab_right:
            _append(ppr, _append(OxmlElement("w:tabs"), _el("tab", val="right", leader="dot", pos=self.tab_right)))
        _append(ppr, _flag("suppressAutoHyphens", self.no_hyphens))
        spacing = {}
        if self.before is not None:
            spacing["before"] = _twips(self.before)
        if self.after is not None:
            spacing["after"] = _twips(self.after)
        if self.line is not None:
            spacing.update(line=round(240 * self.line), lineRule="auto")
        if spacing:
            ppr.append(_el("spacing", **spacing))
        indent = {name: _twips(value) for name, value in
                  (("left", self.left), ("right", self.right), ("firstLine", self.first_line)) if value is not None}
        if indent:
            ppr.append(_el("ind", **indent))
        _append(ppr, _el("jc", val=self.align) if self.align else None,
                _el("outlineLvl", val=self.outline) if self.outline is not None else None)
        return ppr


@dataclass(frozen=True)
class Run:
    """Run properties, in schema order."""

    style: str = ""
    font: str = ""
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    color: str = ""
    size: float = 0  # points
    superscript: bool = False
    subscript: bool = False
    strike: bool | None = None
    language: str = ""

    def element(self) -> BaseOxmlElement:
        rpr = OxmlElement("w:rPr")
        _append(rpr, _el("rStyle", val=self.style) if self.style else None)
        if self.font:
            _append(rpr, _el("rFonts", ascii=self.font, hAnsi=self.font, eastAsia=self.font, cs=self.font))
        _append(rpr, _flag("b", self.bold), _flag("bCs", self.bold), _flag("i", self.italic),
                _flag("iCs", self.italic), _flag("caps", self.caps), _flag("strike", self.strike),
                _el("color", val=self.color) if self.color else None)
        if self.size:
            _append(rpr, _el("sz", val=round(self.size * 2)), _el("szCs", val=round(self.size * 2)))
        vertical = "superscript" if self.superscript else "subscript" if self.subscript else ""
        _append(rpr, _el("vertAlign", val=vertical) if vertical else None,
                _el("lang", val=self.language, eastAsia=self.language, bidi=self.language)
                if self.language else None)
        return rpr


def _paragraph(para: Para) -> BaseOxmlElement:
    p = OxmlElement("w:p")
    ppr = para.element()
    if len(ppr):
        p.append(ppr)
    return p


def _clean(text: str) -> str:
    """Text as XML may hold it: control characters dropped, line ends as spaces."""
    return XML_UNSAFE_RE.sub("", text.replace("\r\n", " ").replace("\n", " "))


def _text_run(text: str, run: Run = Run()) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    rpr = run.element()
    if len(rpr):
        r.append(rpr)
    for n, piece in enumerate(_clean(text).split("\t")):
        if n:
            r.append(_el("tab"))
        if piece:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = piece
            r.append(t)
    return r


def _field(instruction: str, result: str = "", run: Run = Run()) -> list[BaseOxmlElement]:
    """A complex field (PAGE, TOC, PAGEREF) as runs: begin, instruction, separate, cached result, end."""
    runs = [_field_begin(instruction, run)]
    if result:
        runs.append(_text_run(result, run))
    runs.append(_field_end(run))
    return runs


def _field_begin(instruction: str, run: Run = Run()) -> BaseOxmlElement:
    r = _append(OxmlElement("w:r"), run.element() if run != Run() else None, _el("fldChar", fldCharType="begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    r.append(_el("fldChar", fldCharType="separate"))
    return r


def _field_end(run: Run = Run()) -> BaseOxmlElement:
    return _append(OxmlElement("w:r"), run.element() if run != Run() else None, _el("fldChar", fldCharType="end"))


# --- styles, settings, numbering -----------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """One style of styles.xml."""

    ident: str
    name: str
    kind: str = "paragraph"  # or "character"
    based_on: str = ""
    next: str = ""
    para: Para = Para()
    run: Run = Run()
    default: bool = False
    hidden_priority: int = 0  # uiPriority, 0 for none

    def element(self) -> BaseOxmlElement:
        style = _el("style", type=self.kind, styleId=self.ident)
        if self.default:
            style.set(qn("w:default"), "1")
        _append(style, _el("name", val=self.name), _el("basedOn", val=self.based_on) if self.based_on else None,
                _el("next", val=self.next) if self.next else None,
                _el("uiPriority", val=self.hidden_priority) if self.hidden_priority else None,
                _el("qFormat"))
        if self.kind == "paragraph":
            ppr = self.para.element()
            if len(ppr):
                style.append(ppr)
        rpr = self.run.element()
        if len(rpr):
            style.append(rpr)
        return style


def _styles(layout: dict, language: str) -> BaseOxmlElement:
    """styles.xml: the document defaults and every style the writer uses, nothing from a theme."""
    font, size, indent = layout["font"], float(layout["font_size"]), float(layout["indent"]) * 10 * PT_PER_MM
    spacing = float(layout["line_spacing"])
    text_width = _text_width(layout)
    lang = LANGUAGE_TAGS.get(language, "en-US")
    root = parse_xml(f"<w:styles {nsdecls('w')}/>")
    defaults = _append(OxmlElement("w:docDefaults"),
                       _append(OxmlElement("w:rPrDefault"), Run(font=font, size=size, language=lang).element()),
                       _append(OxmlElement("w:pPrDefault"), Para(after=0).element()))
    root.append(defaults)
    em = size
    heading = Para(keep_next=True, keep_lines=True, no_hyphens=True, line=spacing, first_line=indent, align="left")
    styles = [
        Style("Normal", "Normal", default=True,
              para=Para(widow_control=True, before=0, after=0, line=spacing, first_line=indent, align="both"),
              run=Run(font=font, size=size, color="000000")),
        Style("Heading1", "heading 1", based_on="Normal", next="Normal",
              para=replace(heading, page_break=True, before=0, after=1.5 * em, outline=0),
              run=Run(bold=True, size=size, color="000000")),
        Style("Heading2", "heading 2", based_on="Normal", next="Normal",
              para=replace(heading, before=1.5 * em, after=1.5 * em, outline=1),
              run=Run(bold=True, size=size, color="000000")),
        Style("Heading3", "heading 3", based_on="Normal", next="Normal",
              para=replace(heading, before=em, after=em, outline=2),
              run=Run(bold=True, size=size, color="000000")),
    ]
    for level in (4, 5, 6):
        styles.append(Style(f"Heading{level}", f"heading {level}", based_on="Normal", next="Normal",
                            para=replace(heading, before=em, after=0.5 * em, outline=level - 1),
                            run=Run(bold=True, size=size, color="000000")))
    for level in range(1, 7):  # headings kept out of the contents: same look, body-text outline level
        styles.append(Style(f"UnlistedHeading{level}", f"Unlisted Heading {level}", based_on=f"Heading{level}",
                            next="Normal", para=Para(outline=9)))
    styles += [
        Style("TOCHeading", "TOC Heading", based_on="Normal", next="Normal",
              para=Para(keep_next=True, page_break=True, no_hyphens=True, after=1.5 * em, first_line=0,
                        align="center"),
              run=Run(bold=True)),
        *(Style(f"TOC{level}", f"toc {level}", based_on="Normal", next="Normal", hidden_priority=39,
                para=Para(tab_right=_twips(text_width), no_hyphens=True, left=(level - 1) * indent,
                          first_line=0, align="left"))
          for level in (1, 2, 3)),
        Style("Caption", "caption", based_on="Normal", next="Normal",
              para=Para(first_line=0, align="center", no_hyphens=True)),
        Style("TableText", "Table Text", based_on="Normal",
              para=Para(line=1.0, first_line=0, align="left")),
        Style("TitlePage", "Title Page", based_on="Normal",
              para=Para(line=1.0, first_line=0, align="center", no_hyphens=True)),
        Style("SourceCode", "Source Code", based_on="Normal",
              para=Para(line=1.0, first_line=0, align="left", no_hyphens=True, before=0.5 * em, after=0.5 * em),
              run=Run(font=CODE_FONT, size=round(size * 0.85 * 2) / 2)),
        Style("FootnoteText", "footnote text", based_on="Normal",
              para=Para(line=1.0, first_line=indent, align="both"), run=Run(size=_note_size(size))),
        Style("FootnoteReference", "footnote reference", kind="character", run=Run(superscript=True)),
        Style("Footer", "footer", based_on="Normal", para=Para(line=1.0, first_line=0, align="center")),
        Style("DefaultParagraphFont", "Default Paragraph Font", kind="character", hidden_priority=1),
    ]
    for style in styles:
        root.append(style.element())
    root.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'))
    return root


def _note_size(size: float) -> float:
    """Footnote size: 12 pt under a 14 pt body (FORMATTING.md §6), to the half point."""
    return round(size * 12 / 14 * 2) / 2


def _settings(language: str) -> BaseOxmlElement:
    """settings.xml, in schema order: hyphenation on, fields updated on opening, footnote separators."""
    lang = LANGUAGE_TAGS.get(language, "en-US")
    return parse_xml(
        f'<w:settings {nsdecls("w")}>'
        '<w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="709"/>'
        '<w:autoHyphenation/>'
        '<w:consecutiveHyphenLimit w:val="3"/>'
        '<w:doNotHyphenateCaps/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:updateFields w:val="true"/>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{lang}"/>'
        f'<w:decimalSymbol w:val="{"." if language == "en" else ","}"/>'
        '<w:listSeparator w:val=";"/>'
        '</w:settings>')


def _numbering(indent_twips: int) -> BaseOxmlElement:
    """numbering.xml with two list kinds: dash bullets and "1." numbers, each level one indent deeper."""
    levels = {"bullet": [], "decimal": []}
    for kind in levels:
        for level in range(9):
            text = "\u2013" if kind == "bullet" else f"%{level + 1}."
            levels[kind].append(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
                f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{level * indent_twips}" w:firstLine="{indent_twips}"/></w:pPr></w:lvl>')
    return parse_xml(
        f'<w:numbering {nsdecls("w")}>'
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>{"".join(levels["bullet"])}'
        '</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="multilevel"/>{"".join(levels["decimal"])}'
        '</w:abstractNum></w:numbering>')


def _text_width(layout: dict) -> float:
    """Width of the text column in points."""
    return _mm(A4_MM[0] - float(layout["margin_left"]) - float(layout["margin_right"]))


# --- images -----------------------------------------------------------------------------------------

LENGTH_RE = re.compile(r"^\s*([\d.]+)\s*(%|px|pt|mm|cm|in|em|ex|pc)?\s*$", re.I)
UNIT_PT = {"px": 0.75, "pt": 1.0, "mm": PT_PER_MM, "cm": 10 * PT_PER_MM, "in": 72.0, "pc": 12.0, "": 0.75}


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


HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
URL_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


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


class ImageError(Exception):
    """An image the writer cannot embed."""


# --- the writer ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """Inherited character formatting of an inline run."""

    bold: bool = False
    italic: bool = False
    upper: bool = False
    superscript: bool = False
    subscript: bool = False
    strike: bool = False
    size: float = 0  # points; 0: the paragraph's

    def run(self) -> Run:
        return Run(bold=self.bold or None, italic=self.italic or None, superscript=self.superscript,
                   subscript=self.subscript, strike=self.strike or None, size=self.size)


class _Writer:
    """Model nodes → WordprocessingML elements of one python-docx document."""

    def __init__(self, document: Document, problems: Problems) -> None:
        self.document = document
        self.problems = problems
        self.layout = document.config.layout
        self.strings = locale.STRINGS[document.language]
        self.size = float(self.layout["font_size"])
        self.indent = float(self.layout["indent"]) * 10 * PT_PER_MM
        self.text_width = _text_width(self.layout)
        self.word = docx.Document()
        self.body: list[BaseOxmlElement] = []
        self.bookmarks: dict[str, str] = {}
        self.bookmark_id = 0
        self.shape_id = 0
        self.svg_parts: dict[Path, OpcPart] = {}
        self.title_foot = ""
        self.targets = self._targets()
        self.numbering = _numbering(_twips(self.indent))
        self.footnotes = parse_xml(
            f'<w:footnotes {nsdecls("w", "r", "wp", "a", "pic")}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
            '</w:footnote></w:footnotes>')
        package = self.word.part.package
        self.footnotes_part = StoryPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.footnotes, package)
        self.listed = self._listed_ids()

    def _targets(self) -> set[str]:
        """Ids a cross-reference or the contents may point at."""
        document = self.document
        ids = {h.id for h in document.headings if h.id} | {f.id for f in document.figures if f.id}
        return ids | {t.id for t in document.tables if t.id} | {"abbreviations", "references"} | self._more_targets()

    def _listed_ids(self) -> set[str]:
        return {entry.id for entry in self.contents_entries()}

    # --- bookmarks --------------------------------------------------------------------------------
    def bookmark_name(self, ident: str) -> str:
        """A Word bookmark name for an id (hidden: a leading underscore; ids may hold ":" that Word refuses)."""
        if ident not in self.bookmarks:
            self.bookmarks[ident] = f"_Ref{100000001 + len(self.bookmarks)}"
        return self.bookmarks[ident]

    def bookmark(self, p: BaseOxmlElement, ident: str) -> None:
        """Wrap the content of paragraph ``p`` in the bookmark of ``ident``."""
        if not ident or ident not in self.targets:
            return
        self.bookmark_id += 1
        start = _el("bookmarkStart", id=self.bookmark_id, name=self.bookmark_name(ident))
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(_el("bookmarkEnd", id=self.bookmark_id))

    # --- inlines ----------------------------------------------------------------------------------
    def inlines(self, parent: BaseOxmlElement, nodes: list[Inline], look: Look = Look(),
                part: StoryPart | None = None) -> None:
        """Append the runs of ``nodes`` to a paragraph (or hyperlink) ``parent``."""
        for node in nodes:
            self.inline(parent, node, look, part or self.word.part)

    def inline(self, parent: BaseOxmlElement, node: Inline, look: Look, part: StoryPart) -> None:
        if isinstance(node, Text):
            parent.append(_text_run(node.text.upper() if look.upper else node.text, look.run()))
        elif isinstance(node, Emphasis):
            self.inlines(parent, node.children, replace(look, italic=True), part)
        elif isinstance(node, Strong):
            self.inlines(parent, node.children, replace(look, bold=True), part)
        elif isinstance(node, Superscript):
            self.inlines(parent, node.children, replace(look, superscript=True), part)
        elif isinstance(node, Subscript):
            self.inlines(parent, node.children, replace(look, subscript=True), part)
        elif isinstance(node, Strikeout):
            self.inlines(parent, node.children, replace(look, strike=True), part)
        elif isinstance(node, Code):
            parent.append(_text_run(node.text, replace(look.run(), font=CODE_FONT, size=self._code_size())))
        elif isinstance(node, Link):
            self.link(parent, node, look, part)
        elif isinstance(node, LineBreak):
            parent.append(_append(OxmlElement("w:r"), _el("br")))
        elif isinstance(node, Citation):
            # The PDF keeps a citation on one line (white-space: nowrap); Word's equivalent is no-break spaces.
            parent.append(_text_run(node.text.replace(" ", "\u00a0"), look.run()))
        elif isinstance(node, CrossRef):
            self.cross_reference(parent, node, look)
        elif isinstance(node, NoteRef):
            self.footnote(parent, node.note)
        elif isinstance(node, InlineImage):
            self.inline_image(parent, node, part)
        elif isinstance(node, Math):
            self.math(parent, node, look, part)
        else:
            raise TypeError(f"no DOCX for {type(node).__name__}")

    def _code_size(self) -> float:
        return round(self.size * 0.85 * 2) / 2

    def link(self, parent: BaseOxmlElement, node: Link, look: Look, part: StoryPart) -> None:
        if not SAFE_LINK_RE.match(node.url):
            self.inlines(parent, node.children, look, part)
            return
        rid = part.relate_to(node.url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rid)
        link.set(qn("w:history"), "1")
        self.inlines(link, node.children, look, part)
        parent.append(link)

    def cross_reference(self, parent: BaseOxmlElement, node: CrossRef, look: Look) -> None:
        run = _text_run(node.text, look.run())
        target = next((ident for ident in node.ids if ident in self.targets), "")
        if not target:
            parent.append(run)
            return
        link = _el("hyperlink", anchor=self.bookmark_name(target), history=1)
        link.append(run)
        parent.append(link)

    def footnote(self, parent: BaseOxmlElement, note: Footnote) -> None:
        """A footnote call in the text and the note in footnotes.xml; Word numbers it, in the model's order."""
        reference = Run(style="FootnoteReference")
        parent.append(_append(OxmlElement("w:r"), reference.element(), _el("footnoteReference", id=note.number)))
        element = _el("footnote", id=note.number)
        p = _paragraph(Para(style="FootnoteText"))
        p.append(_append(OxmlElement("w:r"), reference.element(), _el("footnoteRef")))
        p.append(_text_run(" "))
        self.inlines(p, note.children, Look(), self.footnotes_part)
        element.append(p)
        self.footnotes.append(element)

    def inline_image(self, parent: BaseOxmlElement, node: InlineImage, part: StoryPart) -> None:
        try:
            drawing = self.picture(node.path, "", "", part, node.alt)
        except ImageError as exc:
            self.problems.error(node.path, None, f"the image cannot be put into the Word file: {exc}",
                                "save it again as PNG, JPEG or SVG")
            return
        parent.append(_append(OxmlElement("w:r"), drawing))

    def math(self, parent: BaseOxmlElement, node: Math, look: Look, part: StoryPart) -> None:
        """TeX as the PDF shows it: its SVG drawing where the parser made one, else the TeX in code type."""
        if node.svg:
            drawing = self.svg_drawing(node.svg.encode("utf-8"), None, "", "", part, node.tex)
            parent.append(_append(OxmlElement("w:r"), drawing))
        else:
            parent.append(_text_run(node.tex, replace(look.run(), font=CODE_FONT, size=self._code_size())))

    # --- pictures -----------------------------------------------------------------------------------
    def picture(self, path: Path, width: str, height: str, part: StoryPart, description: str) -> BaseOxmlElement:
        """A ``w:drawing`` of an image file, sized as the PDF sizes it."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ImageError(exc.strerror or str(exc)) from exc
        if path.suffix.lower() == ".svg":
            return self.svg_drawing(data, path, width, height, part, description)
        try:
            w, h = fit_size(natural_size(path, data, self.size), width, height, self.text_width, self.size,
                            _mm(MAX_FIGURE_HEIGHT_MM))
            rid, _ = part.get_or_add_image(io.BytesIO(data))
        except Exception as exc:  # PIL and python-docx raise many kinds for a damaged picture
            raise ImageError(str(exc) or type(exc).__name__) from exc
        return self._drawing(rid, path.name, w, h, description)

    def svg_drawing(self, data: bytes, path: Path | None, width: str, height: str, part: StoryPart,
                    description: str) -> BaseOxmlElement:
        """An SVG picture with a PNG fallback: Word 2016+ draws the SVG, LibreOffice and older Word the PNG."""
        try:
            w, h = fit_size(natural_size(Path("x.svg"), data, self.size), width, height, self.text_width,
                            self.size, _mm(MAX_FIGURE_HEIGHT_MM))
            folder = path.parent if path else None
            svg = confine_svg(data, folder, self.document.config.root)
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
        inline.docPr.set("descr", _clean(description))
        return _append(OxmlElement("w:drawing"), inline)

    # --- blocks -------------------------------------------------------------------------------------
    def add(self, element: BaseOxmlElement) -> BaseOxmlElement:
        self.body.append(element)
        return element

    def blocks(self, blocks: list[Block], depth: int = 0, quote: int = 0, previous: Block | None = None) -> None:
        for block in blocks:
            self.block(block, depth, quote, previous)
            previous = block

    def block(self, block: Block, depth: int = 0, quote: int = 0, previous: Block | None = None) -> None:
        left = quote * self.indent or None
        if isinstance(block, Heading):
            self.heading(block, after_heading=isinstance(previous, Heading))
        elif isinstance(block, Paragraph):
            # Space after a table, as the PDF's .table-block margin gives it (Word has no spacing after a table).
            before = 0.5 * self.size if isinstance(previous, Table) else None
            if block.lines:  # a line block: every line at the paragraph indent, as the PDF sets it
                para = Para(left=(left or 0) + self.indent, first_line=0, before=before, align="left")
            else:
                para = Para(left=left, before=before)
            p = self.add(_paragraph(para))
            self.inlines(p, block.children)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, ListBlock):
            self.list_block(block, depth, quote)
        elif isinstance(block, Quote):
            self.blocks(block.children, depth, quote + 1)
        elif isinstance(block, CodeBlock) and (block.listing or self.layout.get("listing_highlight")):
            self.listing(block, left)
        elif isinstance(block, Statistics):
            self.statistics(block)
        elif isinstance(block, CodeBlock):
            p = self.add(_paragraph(Para(style="SourceCode", left=left)))
            for n, line in enumerate(block.text.split("\n")):
                if n:
                    p.append(_append(OxmlElement("w:r"), _el("br")))
                p.append(_text_run(line))
        elif isinstance(block, MathBlock):
            p = self.add(_paragraph(Para(first_line=0, align="center")))
            self.math(p, block.math, Look(), self.word.part)
        elif isinstance(block, PageBreak):
            self.add(_append(OxmlElement("w:p"), _append(OxmlElement("w:r"), _el("br", type="page"))))
        elif isinstance(block, Rule):
            self.add(_paragraph(Para(border_bottom=True, first_line=0, after=0.5 * self.size)))
        else:
            raise TypeError(f"no DOCX for {type(block).__name__}")

    def heading(self, heading: Heading, after_heading: bool = False) -> None:
        level = min(heading.level, 6)
        listed = heading.id in self.listed or level > int(self.layout["contents_depth"])
        style = f"Heading{level}" if listed else f"UnlistedHeading{level}"
        centred = heading.kind in ("structural", "appendix", "abstract")
        para = Para(style=style, first_line=0 if centred else None, align="center" if centred else "",
                    before=0 if after_heading and level > 1 else None)
        p = self.add(_paragraph(para))
        if heading.kind == "appendix":
            # One paragraph, label and title on two lines: Word's TOC field (no \x) joins them with a space,
            # as the PDF's contents entry "ПРИЛОЖЕНИЕ А Title" has it.
            p.append(_text_run(heading.label))
            p.append(_append(OxmlElement("w:r"), _el("br")))
            self.inlines(p, heading.title)
        else:
            upper = level == 1  # chapters and structural elements are UPPERCASE (the PDF's text-transform)
            if heading.number:
                p.append(_text_run(f"{heading.number} "))
            self.inlines(p, heading.title, Look(upper=upper))
        self.bookmark(p, heading.id)

    def structural_heading(self, text: str, ident: str) -> None:
        p = self.add(_paragraph(Para(style="Heading1", first_line=0, align="center")))
        p.append(_text_run(text))
        self.bookmark(p, ident)

    def figure(self, figure: Figure) -> None:
        image = self.add(_paragraph(Para(keep_next=True, before=0.5 * self.size, line=1.0, first_line=0,
                                         align="center")))
        description = f"{figure.label} – {plain_text(figure.caption)}"
        try:
            drawing = self.picture(figure.path, figure.width, figure.height, self.word.part, description)
        except ImageError as exc:
            self.problems.error(figure.source.path, figure.source.line,
                                f"the figure {figure.path.name} cannot be put into the Word file: {exc}",
                                "save the image again as PNG, JPEG or SVG")
            return
        image.append(_append(OxmlElement("w:r"), drawing))
        caption = self.add(_paragraph(Para(style="Caption", after=0.5 * self.size)))
        caption.append(_text_run(f"{figure.label} – " if figure.caption else figure.label))
        self.inlines(caption, figure.caption)
        self.bookmark(caption, figure.id)

    def table(self, table: Table) -> None:
        caption = self.add(_paragraph(Para(style="Caption", keep_next=True, before=0.5 * self.size, align="left")))
        caption.append(_text_run(f"{table.label} – " if table.caption else table.label))
        self.inlines(caption, table.caption)
        self.bookmark(caption, table.id)
        columns = max(table.columns, 1)
        widths = self.column_widths(table, columns)
        tbl = self.add(OxmlElement("w:tbl"))
        tbl.append(parse_xml(
            f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            '<w:tblBorders>' + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                       for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + '</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="{_twips(_mm(1))}" w:type="dxa"/><w:left w:w="{_twips(_mm(1.5))}" '
            f'w:type="dxa"/><w:bottom w:w="{_twips(_mm(1))}" w:type="dxa"/>'
            f'<w:right w:w="{_twips(_mm(1.5))}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr>'))
        tbl.append(_append(OxmlElement("w:tblGrid"), *(_el("gridCol", w=w) for w in widths)))
        # The type steps of table_fit.py; a table that needs a landscape page gets the smallest type here.
        size = self.size * {"narrow": 0.86, "tiny": 0.72, "landscape": 0.72}.get(table.step, 1.0)
        for row in table.header:
            tbl.append(self.table_row(row, widths, header=True, size=size))
        for row in table.rows:
            tbl.append(self.table_row(row, widths, header=False, size=size))

    def column_widths(self, table: Table, columns: int) -> list[int]:
        """Column widths in twips: the model's shares (table_fit.py) of the text width, as in the PDF."""
        shares = table.widths if len(table.widths) == columns else [1 / columns] * columns
        twips = [_twips(self.text_width * share) for share in shares]
        twips[-1] += _twips(self.text_width) - sum(twips)
        return twips

    def table_row(self, row: list, widths: list[int], header: bool, size: float = 0) -> BaseOxmlElement:
        tr = OxmlElement("w:tr")
        trpr = _append(OxmlElement("w:trPr"), _el("cantSplit"), _el("tblHeader") if header else None)
        tr.append(trpr)
        cells = list(row) + [None] * (len(widths) - len(row))
        for cell, width in zip(cells, widths, strict=False):
            tc = _append(OxmlElement("w:tc"), _append(OxmlElement("w:tcPr"), _el("tcW", w=width, type="dxa")))
            align = cell.align if cell is not None and cell.align in ("left", "center", "right") else ""
            p = _paragraph(Para(style="TableText", keep_next=header or None,
                                align=align or ("center" if header else "")))
            if cell is not None:
                self.inlines(p, cell.children, Look(bold=header, size=size if size != self.size else 0))
            tc.append(p)
            tr.append(tc)
        return tr

    def list_block(self, block: ListBlock, depth: int, quote: int) -> None:
        num_id = self.new_list(block.ordered, depth, block.start)
        for item in block.items:
            first = True
            for child in item:
                if isinstance(child, Paragraph) and first:
                    p = self.add(_paragraph(Para(numbering=(num_id, min(depth, 8)),
                                                 left=(depth + quote) * self.indent or None)))
                    self.inlines(p, child.children)
                elif isinstance(child, Paragraph):
                    p = self.add(_paragraph(Para(left=(depth + quote) * self.indent or None)))
                    self.inlines(p, child.children)
                elif isinstance(child, ListBlock):
                    self.list_block(child, depth + 1, quote)
                else:
                    self.block(child, depth, quote)
                first = False

    def new_list(self, ordered: bool, depth: int, start: int) -> int:
        """A numbering instance of its own, so that each list starts at its own first number."""
        num_id = len(self.numbering.findall(qn("w:num"))) + 1
        level = min(depth, 8)
        self.numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{2 if ordered else 1}"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start if ordered else 1}"/></w:lvlOverride>'
            '</w:num>'))
        return num_id

    # --- pages ----------------------------------------------------------------------------------------
    def title_page(self) -> None:
        """The title page as the PDF's template lays it out (its lines decided in title.py), the city and
        year at the foot of the page."""
        page, size = self.document.title_page, self.size

        def line(text: str, para: Para, run: Run = Run()) -> BaseOxmlElement:
            p = self.add(_paragraph(replace(para, style="TitlePage")))
            for n, piece in enumerate(text.split("\n")):
                if n:
                    p.append(_append(OxmlElement("w:r"), _el("br")))
                p.append(_text_run(piece, run))
            return p

        for n, lines in enumerate(page.head):
            line("\n".join(lines), Para(after=(1.2 if n == 0 else 0.3) * size), Run(bold=True, caps=True))
        for n, text in enumerate(page.approval):
            line(text, Para(left=_mm(95), align="left", before=_mm(18) if n == 0 else None, after=0.2 * size))
        first = True

        def gap(space_mm: float) -> float | None:
            nonlocal first
            value, first = (_mm(space_mm) if first else None), False
            return value

        middle = 25 if page.approval else 55
        if page.work_type:
            line(page.work_type, Para(before=gap(middle), after=1.5 * size * 1.15),
                 Run(bold=True, caps=True, size=size * 1.15))
        if page.topic:
            line(page.topic, Para(before=gap(middle), after=1.2 * size, left=_mm(5), right=_mm(5)), Run(bold=True))
        for text in page.subject:
            line(text, Para(before=gap(middle), after=0.3 * size))
        first = True
        people = Para(left=_mm(60), align="left", after=0.8 * size)  # as far in as the PDF's block, at most
        for label, lines in page.people:
            p = self.add(_paragraph(replace(people, style="TitlePage", before=gap(40))))
            p.append(_text_run(f"{label}:", Run(bold=True)))
            p.append(_text_run(" " + lines[0]))
            for more in lines[1:]:
                p.append(_append(OxmlElement("w:r"), _el("br")))
                p.append(_text_run(more))
        # The city and year stand at the foot of the title page: in its own (first-page) footer, the one
        # place Word and LibreOffice both keep at the bottom however long the title runs.
        self.title_foot = page.foot

    def contents_entries(self) -> list[ContentsEntry]:
        """The contents page's entries, in the PDF's order (the model's)."""
        return self.document.contents

    def contents(self) -> None:
        """The contents page: a TOC field over the headings, pre-filled with the entries, each page number a
        PAGEREF field (LibreOffice computes those; Word rebuilds the whole field when it updates)."""
        p = self.add(_paragraph(Para(style="TOCHeading")))
        p.append(_text_run(self.strings["contents"]))
        depth = int(self.layout["contents_depth"])
        entries = self.contents_entries()
        for n, entry in enumerate(entries):
            p = self.add(_paragraph(Para(style=f"TOC{min(entry.level, 3)}")))
            if n == 0:
                p.append(_field_begin(f'TOC \\o "1-{depth}" \\h \\z \\u'))
            text = entry.text.upper() if entry.kind in ("chapter", "structural") else entry.text
            name = self.bookmark_name(entry.id)
            link = _el("hyperlink", anchor=name, history=1)
            _append(link, _text_run(text), _append(OxmlElement("w:r"), _el("tab")),
                    *_field(f"PAGEREF {name} \\h"))
            p.append(link)
            if n == len(entries) - 1:
                p.append(_field_end())

    def abbreviations(self) -> None:
        """The abbreviations page: a borderless table, abbreviation – meaning (abbreviations.html)."""
        self.structural_heading(self.strings["abbreviations"], "abbreviations")
        abbreviations = self.document.abbreviations
        longest = max(len(abbr) for abbr, _ in abbreviations)
        first = _twips(self.indent + longest * 0.75 * self.size + _mm(3))
        dash = _twips(self.size * 1.2)
        widths = [first, dash, _twips(self.text_width) - first - dash]
        tbl = self.add(OxmlElement("w:tbl"))
        tbl.append(parse_xml(
            f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr>'))
        tbl.append(_append(OxmlElement("w:tblGrid"), *(_el("gridCol", w=w) for w in widths)))
        for abbreviation, meaning in abbreviations:
            tr = OxmlElement("w:tr")
            for n, (text, width) in enumerate(zip((abbreviation, "\u2013", meaning), widths, strict=True)):
                tc = _append(OxmlElement("w:tc"), _append(OxmlElement("w:tcPr"), _el("tcW", w=width, type="dxa")))
                p = _paragraph(Para(first_line=0, left=self.indent if n == 0 else None, align="left"))
                p.append(_text_run(text))
                tr.append(_append(tc, p))
            tbl.append(tr)

    def references(self) -> None:
        """The reference list: one paragraph an entry, "N. text" as references.html prints it."""
        self.structural_heading(self.strings["references"], "references")
        for ref in self.document.references:
            # A URL cannot break in Word at its own break points as it does in the PDF: an entry with one is set
            # flush left, so that the line before the URL is not stretched across the page. The PDF's print
            # rules hold (no line starts with the dash between areas; units stay with their numbers), and the
            # italic runs stay italic.
            runs = [(for_print(text), italic) for text, italic in ref.runs or [(ref.text, False)]]
            p = self.add(_paragraph(Para(align="left" if URL_RE.search(ref.text) else "")))
            p.append(_text_run(f"{ref.label} "))
            for text, italic in runs:
                position = 0
                for url in URL_RE.finditer(text):
                    p.append(_text_run(text[position : url.start()], Run(italic=italic or None)))
                    link = OxmlElement("w:hyperlink")
                    target = _clean(url.group(0))
                    link.set(qn("r:id"), self.word.part.relate_to(target, RT.HYPERLINK, is_external=True))
                    p.append(_append(link, _text_run(target, Run(italic=italic or None))))
                    position = url.end()
                p.append(_text_run(text[position:], Run(italic=italic or None)))

    # --- annotations, listings, terms, inserted pages ----------------------------------------------------
    def _more_targets(self) -> set[str]:
        return {listing.id for listing in self.document.listings if listing.id} | {"terms"}

    def statistics(self, block: Statistics) -> None:
        """The statistics line with Word's own page count (a NUMPAGES field: the .docx is paginated by Word)."""
        before, _, after = block.line("\x00").partition("\x00")
        p = self.add(_paragraph(Para()))
        p.append(_text_run(before))
        for run in _field("NUMPAGES", "1"):
            p.append(run)
        p.append(_text_run(after))

    def listing(self, block: CodeBlock, left: float | None) -> None:
        """A listing: its caption above (as a table's), the code a paragraph a line in grey-scale runs. Word
        cannot print a continuation label on the next page; the lines may run on as the PDF's do."""
        if block.listing:
            caption = self.add(_paragraph(Para(style="Caption", keep_next=True, before=0.5 * self.size,
                                               align="left")))
            caption.append(_text_run(f"{block.label} – " if block.caption else block.label))
            self.inlines(caption, block.caption)
            self.bookmark(caption, block.id)
        lines = listing_lines(block.text, block.language, bool(self.layout.get("listing_highlight")))
        together = len(lines) <= KEEP_TOGETHER_LINES  # a short listing is not parted from its caption or itself
        for n, runs in enumerate(lines):
            first, last = n == 0, n == len(lines) - 1
            p = self.add(_paragraph(Para(style="SourceCode", keep_next=(together and not last) or None,
                                         before=None if first else 0, after=None if last else 0, left=left)))
            for style, text in runs:
                colour, bold, italic = STYLES.get(style, ("", False, False))
                p.append(_text_run(text, Run(color=colour, bold=bold or None, italic=italic or None)))

    def terms(self) -> None:
        """The terms-and-definitions page (terms.html): the opening sentence, then "term – definition" lines."""
        self.structural_heading(self.strings["terms"], "terms")
        p = self.add(_paragraph(Para()))
        p.append(_text_run(self.strings["terms_intro"]))
        for term, definition in self.document.terms:
            p = self.add(_paragraph(Para()))
            p.append(_text_run(f"{term} \u2013 {definition}"))

    def inserted_pages(self, where: str) -> bool:
        """Pages that the PDF takes from other PDF files ([title_page] pdf, [[insert]]): Word cannot hold a PDF
        page, so each gets a page of its own saying which page of which file goes there — the student prints
        the .docx and puts the signed form in its place, and every page after it keeps the PDF's number.
        ``where``: "title" (the title page itself) or "after title|contents|end". True when there were any."""
        from kazthesis.read.inserts import page_sizes

        root = self.document.config.root
        chosen = [e for e in self.document.inserted
                  if (where == "title" and e.name == "title") or (e.after and where == f"after {e.after}")]
        for external in chosen:
            count = len(page_sizes(external.path(root).read_bytes()))
            for n in range(1, count + 1):
                page_break = bool(self.body) or n > 1
                p = self.add(_paragraph(Para(page_break=page_break or None, before=_mm(100), first_line=0,
                                             align="center")))
                p.append(_text_run(locale.text(self.document.language, "inserted_page", file=external.file, page=n),
                                   Run(italic=True)))
        return bool(chosen)

    def part(self, part: Part) -> None:
        if part.heading is not None:
            self.heading(part.heading)
        self.blocks(part.blocks, previous=part.heading)

    # --- the package --------------------------------------------------------------------------------
    def write(self) -> bytes:
        document = self.document
        if not self.inserted_pages("title"):
            self.title_page()
        self.inserted_pages("after title")
        for part in document.abstracts:
            self.part(part)
        self.contents()
        self.inserted_pages("after contents")
        if document.terms:
            self.terms()
        if document.abbreviations:
            self.abbreviations()
        for part in document.parts:
            self.part(part)
        self.references()
        for part in document.appendices:
            self.part(part)
        self.inserted_pages("after end")
        if self.body and self.body[-1].tag == qn("w:tbl"):
            self.add(_paragraph(Para()))  # the body must end with a paragraph
        self.assemble()
        stream = io.BytesIO()
        self.word.save(stream)
        return stream.getvalue()

    def assemble(self) -> None:
        """Put the body, styles, settings, numbering, footnotes, page set-up and properties in the package."""
        word, layout = self.word, self.layout
        body = word.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        sect = body.find(qn("w:sectPr"))
        for element in self.body:
            sect.addprevious(element)
        word.part._styles_part._element = _styles(layout, self.document.language)
        word.part._settings_part._element = _settings(self.document.language)
        word.part.numbering_part._element = self.numbering
        word.part.relate_to(self.footnotes_part, RT.FOOTNOTES)
        self.drop_template_parts()
        self.page_setup()
        self.properties()

    def drop_template_parts(self) -> None:
        """python-docx's template carries a thumbnail, custom XML and a Word 2010 style copy: not ours."""
        dropped = {RT.THUMBNAIL, RT.CUSTOM_XML, STYLES_WITH_EFFECTS}
        for rels in (self.word.part.package.rels, self.word.part.rels):
            for rid, rel in list(rels.items()):
                if rel.reltype in dropped:
                    del rels[rid]

    def page_setup(self) -> None:
        """A4, the profile's margins, no number on the title page, a PAGE field centred in the footer."""
        from docx.shared import Mm

        layout = self.layout
        section = self.word.sections[0]
        section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
        section.left_margin, section.right_margin = Mm(layout["margin_left"]), Mm(layout["margin_right"])
        section.top_margin, section.bottom_margin = Mm(layout["margin_top"]), Mm(layout["margin_bottom"])
        section.header_distance = Mm(min(12.5, float(layout["margin_top"]) / 2))
        # The number sits in the middle of the bottom margin, as the PDF's @bottom-center box puts it.
        section.footer_distance = Mm(max(float(layout["margin_bottom"]) / 2 - 3, 4))
        section.gutter = 0
        section.different_first_page_header_footer = True
        first = section.first_page_footer
        first.is_linked_to_previous = False  # the title page: no number, the city and year
        if self.title_foot:
            line = self.size * 1.15
            lift = _mm(float(layout["margin_bottom"])) - section.footer_distance.pt - line - _mm(2)
            p = first.paragraphs[0]._p
            p.remove(p.find(qn("w:pPr")))
            p.append(Para(style="Footer", after=max(lift, 0)).element())
            p.append(_text_run(self.title_foot))
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]._p
        for run in _field("PAGE", "2"):
            p.append(run)

    def properties(self) -> None:
        tp = self.document.title_page
        props = self.word.core_properties
        props.title = tp.title[:255]
        props.author = tp.author[:255]
        props.last_modified_by = "kazthesis"
        props.keywords = tp.keywords[:255]
        props.language = LANGUAGE_TAGS.get(self.document.language, "")
        props.comments = "kazthesis"
        props.revision = 1
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now


# Hyphenation. Word has no Kazakh hyphenation dictionary, yet the soft hyphens of
# kazthesis.lang.hyphenation.hyphenate_text are NOT put into the Word text: a .docx goes to
# plagiarism-check portals, which flag invisible characters inside words as an attempt to
# disguise text, and the student who edits the file in Word would carry them into every
# word they touch. Word hyphenates Russian and English itself (autoHyphenation with the
# document's language); Kazakh text stays justified without breaks.


def render_docx(document: Document, problems: Problems) -> bytes | None:
    """The thesis as .docx bytes; None when an image cannot be embedded (reported in ``problems``)."""
    errors = len(problems.errors)
    data = _Writer(document, problems).write()
    return None if len(problems.errors) > errors else data
