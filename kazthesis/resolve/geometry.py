"""Layout profile → page geometry: every size and distance both writers set the thesis by.

The profile (a named profile of thesis.toml's ``[layout]``, overridden key by
key) gives the page's margins and the body's font, size, line spacing and
first-line indent. Everything the writers derive from those is derived here,
once, into one frozen :class:`Geometry` on the resolved document: the PDF's
stylesheet (``templates/thesis.css``) reads it as ``geometry`` in its template
context, the Word writer reads the same object, and the table widths of
:mod:`kazthesis.resolve.table_fit` are measured at its type sizes. A size that
is printed by both writers is a whole or half point, the finest Word holds.

GOST 7.32-2017 sets footnotes 12 pt under a 14 pt body: here two points smaller
than the body whatever its size (10 pt under 12 pt), in both writers.

Beyond sizes, a profile names its :class:`Forms` (``[layout]`` ``forms`` of
:data:`kazthesis.read.profiles.PROFILES`): justified and hyphenated or ragged
right, numbered headings or not, and where the page number stands
(:class:`PageNumber`: the stylesheet's page-margin box, the box the PDF's
stamped number is put in after layout, and the Word header or footer that
holds the PAGE field). ``gost`` draws GOST 7.32's pages; ``apa`` the APA 7
student paper's: the text ragged right and never hyphenated, the page number
at the top right of every page from the title page on, APA's five heading
levels unnumbered (thesis.css and the Word writer draw them), its student
title page (:class:`StudentTitle`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PT_PER_MM = 72 / 25.4
A4_MM = (210, 297)
# Word's single line for Times New Roman: the font's own line height, 1.15 em. CSS needs it as a
# multiple of the type size; Word counts line spacing in these lines ("1.5 lines").
SINGLE_LINE = 1.15
CODE_SCALE = 0.85  # code type, em of the text around it (Liberation Mono and Courier New run wide)


def half_points(size: float) -> float:
    """A type size to the nearest half point (Word's w:sz counts half points); 12, not 12.0."""
    size = round(size * 2) / 2
    return int(size) if size.is_integer() else size


@dataclass(frozen=True)
class Space:
    """Space above and below a block, in em of its type size."""

    before: float
    after: float


@dataclass(frozen=True)
class TypeStep:
    """One way of setting a table (table_fit.py tries them in order until its words fit)."""

    name: str  # "", "narrow", "tiny", "landscape": the table's class in the HTML, Table.step in the model
    size: float  # pt
    padding: float  # mm: a cell's left and right padding
    landscape: bool  # a page of its own, turned sideways


@dataclass(frozen=True)
class TitleGeometry:
    """Where the title page's blocks stand: distances in mm, spaces in em of the body's size."""

    head_after_first: float = 1.2  # em below the first head line (the ministry)
    head_after: float = 0.3  # em below each other head line
    approval_top: float = 18  # mm: the «Қорғауға жіберілді» block below the head…
    approval_left: float = 95  # mm: …at the right
    approval_after: float = 0.2  # em below each of its lines
    middle_top: float = 55  # mm: the work type below the head
    middle_top_after_approval: float = 25  # mm: the same below the approval block
    work_type_scale: float = 1.15  # the work type's size, em
    work_type_after: float = 1.5  # em of its own size
    topic_sides: float = 5  # mm: the topic's left and right margins
    topic_after: float = 1.2  # em
    subject_after: float = 0.3  # em below "Пәні: …", "Мамандығы: …"
    people_top: float = 40  # mm: the signatures below the middle block
    people_after: float = 0.8  # em below each person
    people_max_width: float = 112  # mm: the PDF's signature block, as wide as its lines and at most this
    people_left: float = 60  # mm: Word's signature block, at a fixed indent (Word cannot size it by its lines)
    height: float = 250  # mm: the PDF's title-page box, the city and year at its foot
    line_height: float = SINGLE_LINE


@dataclass(frozen=True)
class StudentTitle:
    """Where the APA 7 student title page puts its lines, counted in the body's double-spaced lines."""

    lines_above: int = 3  # blank lines above the title: "three to four lines down from the top of the page"
    lines_after_title: int = 1  # one blank line between the title and the author's name


@dataclass(frozen=True)
class PageNumber:
    """Where the page number stands: the middle of the bottom margin or the top right corner, and whether the
    title page shows its number (APA: 1; GOST counts it and prints nothing)."""

    edge: str  # "top" | "bottom": in the middle of that margin, as a CSS page-margin box sets its line
    align: str  # "center" | "right": in the middle of the text's width, or ending at the right margin
    on_title_page: bool

    @property
    def box(self) -> str:
        """The CSS page-margin box: ``bottom-center``, ``top-right``."""
        return f"{self.edge}-{self.align}"


@dataclass(frozen=True)
class Forms:
    """How a profile's pages are drawn beyond their sizes (the look itself: thesis.css and the Word writer)."""

    name: str  # "gost" | "apa": which headings, title page and section labels the templates and Word writer draw
    text_align: str  # "justify" | "left" (ragged right)
    hyphenate: bool
    numbered_headings: bool  # GOST: 1, 1.1, 1.1.1; APA: none (figures and tables are numbered throughout)
    page_number: PageNumber


FORMS = {
    "gost": Forms("gost", "justify", True, True, PageNumber("bottom", "center", False)),
    # APA 7, "Paragraph alignment and indentation": left-aligned, ragged right, no hyphens at line ends;
    # "Page header": the page number flush right in the header of every page, the title page's 1 too.
    "apa": Forms("apa", "left", False, False, PageNumber("top", "right", True)),
}
# APA sets every line double spaced, headings too, with no space added above or below them.
APA_HEADINGS = (Space(0, 0), Space(0, 0), Space(0, 0), Space(0, 0))


@dataclass(frozen=True)
class Geometry:
    """The page and type of one layout profile: lengths in mm (``indent`` in cm), sizes in pt.

    Made by :func:`page_geometry`; the ``*_pt`` properties give the lengths in points."""

    margin_top: float  # mm
    margin_right: float
    margin_bottom: float
    margin_left: float
    font: str
    body_size: float  # pt; headings are set in it too (bold)
    line_spacing: float  # as Word counts it: 1.0, 1.5 (a multiple of SINGLE_LINE)
    line_height: float  # as CSS needs it: line_spacing × SINGLE_LINE, a multiple of the type size
    indent: float  # cm: the first-line indent (and each list and quote level's)
    footnote_size: float  # pt: two points below the body (GOST 7.32-2017: 12 pt under 14 pt)
    code_size: float  # pt: code in Word (CSS sets it as code_scale em of the text around it)
    table_steps: tuple[TypeStep, ...]
    page_width: float = A4_MM[0]  # mm
    page_height: float = A4_MM[1]
    single_line: float = SINGLE_LINE  # line-height of single-spaced text (footnotes, tables, code)
    code_scale: float = CODE_SCALE  # em
    headings: tuple[Space, ...] = (Space(0, 1.5), Space(1.5, 1.5), Space(1, 1), Space(1, 0.5))  # levels 1, 2, 3, 4+
    block_space: float = 0.5  # em above and below a figure, a table, a listing, a formula, code
    cell_padding: float = 1  # mm: a table cell's top and bottom padding (left and right: its TypeStep's)
    rule: float = 0.5  # pt: table borders, the footnote rule
    footnote_rule: float = 50  # mm: the PDF's short rule above the footnotes (Word and LibreOffice draw their own)
    footnote_gap: Space = Space(3, 2)  # mm above the footnote rule and between it and the notes
    figure_max_height: float = 180  # mm
    title: TitleGeometry = TitleGeometry()
    forms: Forms = FORMS["gost"]
    student_title: StudentTitle = StudentTitle()

    @property
    def indent_pt(self) -> float:
        return self.indent * 10 * PT_PER_MM

    @property
    def text_width_mm(self) -> float:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def text_height_mm(self) -> float:
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def text_width_pt(self) -> float:
        return self.text_width_mm * PT_PER_MM

    @property
    def line_pitch_pt(self) -> float:
        """The distance between two body lines' baselines."""
        return self.body_size * self.line_height

    @property
    def number_distance(self) -> float:
        """mm from the page's edge to the page number's line in Word's header or footer: the line about the
        margin's middle, where the PDF's page-margin box centres it."""
        page_number = self.forms.page_number
        return max((self.margin_top if page_number.edge == "top" else self.margin_bottom) / 2 - 3, 4)

    def step(self, name: str) -> TypeStep:
        """The type step a table was fitted with (``Table.step``)."""
        return next(step for step in self.table_steps if step.name == name)


def points(mm: float) -> float:
    """Millimetres in points."""
    return mm * PT_PER_MM


def page_geometry(layout: Mapping[str, Any]) -> Geometry:
    """The geometry of a layout profile (``Config.layout``); one object per profile, made once."""
    keys = ("margin_top", "margin_right", "margin_bottom", "margin_left", "font", "font_size", "line_spacing",
            "indent")
    return _geometry(*(layout[key] for key in keys), layout.get("forms", "gost"))


@functools.lru_cache(maxsize=8)
def _geometry(margin_top: float, margin_right: float, margin_bottom: float, margin_left: float, font: str,
              size: float, spacing: float, indent: float, forms: str) -> Geometry:
    # A table too wide for the page is set smaller (12, then 10 pt under a 14 pt body), then on a
    # page turned sideways where the settings allow.
    narrow, tiny = half_points(size * 0.86), half_points(size * 0.72)
    steps = (TypeStep("", size, 1.5, False), TypeStep("narrow", narrow, 1.5, False),
             TypeStep("tiny", tiny, 0.8, False), TypeStep("landscape", tiny, 0.8, True))
    return Geometry(margin_top=margin_top, margin_right=margin_right, margin_bottom=margin_bottom,
                    margin_left=margin_left, font=font, body_size=size, line_spacing=spacing,
                    line_height=round(spacing * SINGLE_LINE, 4), indent=indent, footnote_size=size - 2,
                    code_size=half_points(size * CODE_SCALE), table_steps=steps, forms=FORMS[forms],
                    **({"headings": APA_HEADINGS} if forms == "apa" else {}))
