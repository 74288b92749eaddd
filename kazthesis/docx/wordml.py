"""WordprocessingML pieces: elements, paragraph and run properties, text runs and fields.

The smallest layer of the Word writer: it knows the ``w:`` schema (its element
order, its units) and nothing of the thesis. Lengths come in points and are
written in the schema's twentieths of a point (twips) or half points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from kazthesis.lang.urls import WORD_JOINER, url_break_points

# Control characters XML cannot hold, and the PDF's invisible line-breaking marks (word joiners,
# zero-width spaces): plagiarism portals flag invisible characters inside words, and Word breaks lines itself.
XML_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\u2060\u200b]")
HELD_HYPHEN = "-" + WORD_JOINER  # typography's hyphen that no line may end at (Қ.-Ж.)
OPTIONAL_BREAK = "\u200b"  # Word's No-Width Optional Break
EMU_PER_PT = 12700
TWIPS_PER_PT = 20


def twips(pt: float) -> int:
    return round(pt * TWIPS_PER_PT)


def el(tag: str, **attrs: object) -> BaseOxmlElement:
    """A ``w:`` element with ``w:`` attributes: ``el("jc", val="center")``."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name.rstrip('_')}"), str(value))
    return element


def flag(tag: str, on: bool | None) -> BaseOxmlElement | None:
    """An on/off property: ``<w:b/>``, ``<w:b w:val="0"/>`` or nothing."""
    if on is None:
        return None
    return el(tag) if on else el(tag, val="0")


def append(parent: BaseOxmlElement, *children: BaseOxmlElement | None) -> BaseOxmlElement:
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
    hanging: float | None = None  # the lines after the first indented by this much (a hanging indent)
    align: str = ""  # "left" | "center" | "right" | "both"
    outline: int | None = None

    def element(self) -> BaseOxmlElement:
        ppr = OxmlElement("w:pPr")
        append(ppr, el("pStyle", val=self.style) if self.style else None,
               flag("keepNext", self.keep_next), flag("keepLines", self.keep_lines),
               flag("pageBreakBefore", self.page_break))
        append(ppr, flag("widowControl", self.widow_control))
        if self.numbering:
            append(ppr, append(OxmlElement("w:numPr"), el("ilvl", val=self.numbering[1]),
                               el("numId", val=self.numbering[0])))
        if self.border_bottom:
            append(ppr, append(OxmlElement("w:pBdr"), el("bottom", val="single", sz=6, space=1, color="000000")))
        if self.tab_right:
            append(ppr, append(OxmlElement("w:tabs"), el("tab", val="right", leader="dot", pos=self.tab_right)))
        append(ppr, flag("suppressAutoHyphens", self.no_hyphens))
        spacing = {}
        if self.before is not None:
            spacing["before"] = twips(self.before)
        if self.after is not None:
            spacing["after"] = twips(self.after)
        if self.line is not None:
            spacing.update(line=round(240 * self.line), lineRule="auto")
        if spacing:
            ppr.append(el("spacing", **spacing))
        indent = {name: twips(value) for name, value in
                  (("left", self.left), ("right", self.right), ("firstLine", self.first_line),
                   ("hanging", self.hanging)) if value is not None}
        if indent:
            ppr.append(el("ind", **indent))
        append(ppr, el("jc", val=self.align) if self.align else None,
               el("outlineLvl", val=self.outline) if self.outline is not None else None)
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
        append(rpr, el("rStyle", val=self.style) if self.style else None)
        if self.font:
            append(rpr, el("rFonts", ascii=self.font, hAnsi=self.font, eastAsia=self.font, cs=self.font))
        append(rpr, flag("b", self.bold), flag("bCs", self.bold), flag("i", self.italic),
               flag("iCs", self.italic), flag("caps", self.caps), flag("strike", self.strike),
               el("color", val=self.color) if self.color else None)
        if self.size:
            append(rpr, el("sz", val=round(self.size * 2)), el("szCs", val=round(self.size * 2)))
        vertical = "superscript" if self.superscript else "subscript" if self.subscript else ""
        append(rpr, el("vertAlign", val=vertical) if vertical else None,
               el("lang", val=self.language, eastAsia=self.language, bidi=self.language) if self.language else None)
        return rpr


def paragraph(para: Para) -> BaseOxmlElement:
    p = OxmlElement("w:p")
    ppr = para.element()
    if len(ppr):
        p.append(ppr)
    return p


def clean(text: str) -> str:
    """Text as XML may hold it: control characters dropped, line ends as spaces."""
    return XML_UNSAFE_RE.sub("", text.replace("\r\n", " ").replace("\n", " "))


def text_run(text: str, run: Run = Run()) -> BaseOxmlElement:
    r = OxmlElement("w:r")
    rpr = run.element()
    if len(rpr):
        r.append(rpr)
    for n, piece in enumerate(text.split("\t")):
        if n:
            r.append(el("tab"))
        # Joined initials (Қ.-Ж.): the typography's hyphen-and-joiner is Word's non-breaking hyphen, not a
        # hyphen a line may end at (the joiner itself is not written: see XML_UNSAFE_RE).
        for m, part in enumerate(clean(held) for held in piece.split(HELD_HYPHEN)):
            if m:
                r.append(el("noBreakHyphen"))
            if part:
                t = OxmlElement("w:t")
                t.set(qn("xml:space"), "preserve")
                t.text = part
                r.append(t)
    return r


def url_run(url: str, run: Run = Run()) -> BaseOxmlElement:
    """A URL as one run that may end a line at the URL's own break points, as the PDF's does (after ``/ . - ?
    & = _``, never inside ``https://``): each holds Word's No-Width Optional Break (U+200B), which draws
    nothing; a link's target keeps the URL as it is. So an entry with a URL is justified like the others,
    without the line before the URL stretched to the margin."""
    url = clean(url)
    breaks = set(url_break_points(url))
    r = text_run("", run)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = "".join(OPTIONAL_BREAK + char if n in breaks else char for n, char in enumerate(url))
    r.append(t)
    return r


def line_break(kind: str = "") -> BaseOxmlElement:
    """A run holding a line break (``kind`` "page": a page break)."""
    return append(OxmlElement("w:r"), el("br", type=kind) if kind else el("br"))


def append_lines(paragraph: BaseOxmlElement, text: str, run: Run = Run()) -> None:
    """Append ``text`` to a paragraph, its lines ("\\n") apart by line breaks."""
    for n, piece in enumerate(text.split("\n")):
        if n:
            paragraph.append(line_break())
        paragraph.append(text_run(piece, run))


def field(instruction: str, result: str = "", run: Run = Run()) -> list[BaseOxmlElement]:
    """A complex field (PAGE, TOC, PAGEREF) as runs: begin, instruction, separate, cached result, end."""
    runs = [field_begin(instruction, run)]
    if result:
        runs.append(text_run(result, run))
    runs.append(field_end(run))
    return runs


def field_begin(instruction: str, run: Run = Run()) -> BaseOxmlElement:
    r = append(OxmlElement("w:r"), run.element() if run != Run() else None, el("fldChar", fldCharType="begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    r.append(el("fldChar", fldCharType="separate"))
    return r


def field_end(run: Run = Run()) -> BaseOxmlElement:
    return append(OxmlElement("w:r"), run.element() if run != Run() else None, el("fldChar", fldCharType="end"))
