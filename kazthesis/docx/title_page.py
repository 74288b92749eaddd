"""The title page → Word paragraphs, placed as the PDF's template places its blocks.

Its lines are decided in :mod:`kazthesis.resolve.title`; where they stand is
the geometry's (``Geometry.title``, which thesis.css reads too). The city and
year stand in the title page's own footer, the one place Word and LibreOffice
both keep at the bottom of the page however long the title runs.
"""

from __future__ import annotations

from dataclasses import replace

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section

from kazthesis.docx.story import Story
from kazthesis.docx.wordml import Para, Run, append, append_lines, el, paragraph, text_run, twips
from kazthesis.read.fonts import text_width
from kazthesis.resolve.geometry import points

FOOT_LIFT_MM = 2  # the city and year this far above the footer's lowest line
SIGNATURE_PADDING_MM = 2  # right of each signature column, as thesis.css pads .tp-people td
SLACK_PT = 3
PLAIN = Run()


def add_title_page(story: Story) -> None:
    """The title page's paragraphs; its foot is kept for :func:`place_foot`."""
    page, size, title = story.document.title_page, story.size, story.geometry.title

    def line(text: str, para: Para, run: Run = PLAIN) -> None:
        append_lines(story.add(paragraph(replace(para, style="TitlePage"))), text, run)

    for n, lines in enumerate(page.head):
        after = title.head_after_first if n == 0 else title.head_after
        line("\n".join(lines), Para(after=after * size), Run(bold=True, caps=True))
    for n, text in enumerate(page.approval):
        line(text, Para(left=points(title.approval_left), align="left",
                        before=points(title.approval_top) if n == 0 else None, after=title.approval_after * size))
    first = True

    def gap(space_mm: float) -> float | None:
        """The space above the first paragraph of a block, none above the others."""
        nonlocal first
        value, first = (points(space_mm) if first else None), False
        return value

    middle = title.middle_top_after_approval if page.approval else title.middle_top
    if page.work_type:
        line(page.work_type, Para(before=gap(middle), after=title.work_type_after * size * title.work_type_scale),
             Run(bold=True, caps=True, size=size * title.work_type_scale))
    if page.topic:
        sides = points(title.topic_sides)
        line(page.topic, Para(before=gap(middle), after=title.topic_after * size, left=sides, right=sides),
             Run(bold=True))
    for text in page.subject:
        line(text, Para(before=gap(middle), after=title.subject_after * size))
    if page.people:
        add_signatures(story, page.people)
    story.title_foot = page.foot


def add_signatures(story: Story, people: list[tuple[str, list[str]]]) -> None:
    """The signatures as the PDF sets them (table.tp-people): a borderless table of two columns at the right
    margin, the bold labels and the names, each column as wide as its longest line, so that a name or a
    placeholder stays on one line where the PDF's does."""
    geometry, size, title = story.geometry, story.size, story.geometry.title
    family = story.document.config.layout["font"]
    pad = points(SIGNATURE_PADDING_MM)
    label_width = max(text_width(f"{label}:", family, size, bold=True) for label, _ in people) + pad
    name_width = max(text_width(line, family, size) for _, lines in people for line in lines) + pad
    # WeasyPrint lays the PDF's table out as wide as its lines need, up to the text width (its max-width does
    # not hold a table back): so does this one, a few points wider than measured, as Word rounds.
    widths = [twips(label_width + SLACK_PT), twips(min(name_width + SLACK_PT, geometry.text_width_pt - label_width))]
    tbl = story.add(OxmlElement("w:tbl"))
    tbl.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="right"/>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        f'<w:right w:w="{twips(pad)}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" '
        'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'))
    tbl.append(append(OxmlElement("w:tblGrid"), *(el("gridCol", w=w) for w in widths)))
    for n, (label, lines) in enumerate(people):
        para = Para(style="TitlePage", align="left", after=title.people_after * size,
                    before=points(title.people_top) if n == 0 else None)
        tr = OxmlElement("w:tr")
        for width, cell in zip(widths, ((f"{label}:", True), ("\n".join(lines), False)), strict=True):
            p = paragraph(para)
            append_lines(p, cell[0], Run(bold=True) if cell[1] else PLAIN)
            tc = append(OxmlElement("w:tc"), append(OxmlElement("w:tcPr"), el("tcW", w=width, type="dxa")))
            tr.append(append(tc, p))
        tbl.append(tr)


def place_foot(story: Story, section: Section) -> None:
    """The city and year in the first page's footer, lifted to stand where the PDF prints them."""
    if not story.title_foot:
        return
    geometry = story.geometry
    line = story.size * geometry.single_line
    lift = points(geometry.margin_bottom) - section.footer_distance.pt - line - points(FOOT_LIFT_MM)
    p: BaseOxmlElement = section.first_page_footer.paragraphs[0]._p
    p.remove(p.find(qn("w:pPr")))
    p.append(Para(style="Footer", after=max(lift, 0)).element())
    p.append(text_run(story.title_foot))
