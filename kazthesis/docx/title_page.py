"""The title page → Word paragraphs, placed as the PDF's template places its blocks.

Its lines are decided in :mod:`kazthesis.resolve.title`; where they stand is
the geometry's (``Geometry.title``, which thesis.css reads too). The city and
year stand in the title page's own footer, the one place Word and LibreOffice
both keep at the bottom of the page however long the title runs.
"""

from __future__ import annotations

from dataclasses import replace

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section

from kazthesis.docx.story import Story
from kazthesis.docx.wordml import Para, Run, append_lines, line_break, paragraph, text_run
from kazthesis.resolve.geometry import points

FOOT_LIFT_MM = 2  # the city and year this far above the footer's lowest line
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
    first = True
    people = Para(style="TitlePage", left=points(title.people_left), align="left", after=title.people_after * size)
    for label, lines in page.people:
        p = story.add(paragraph(replace(people, before=gap(title.people_top))))
        p.append(text_run(f"{label}:", Run(bold=True)))
        p.append(text_run(" " + lines[0]))
        for more in lines[1:]:
            p.append(line_break())
            p.append(text_run(more))
    story.title_foot = page.foot


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
