"""A written :class:`~kazthesis.docx.story.Story` → the .docx package's bytes.

The body goes into python-docx's document with our styles, settings,
numbering and footnotes in place of its template's; the page is the
geometry's (A4, the profile's margins), the title page has a footer of its
own (no number, the city and year), every other page a PAGE field centred in
the footer; the core properties come from the title page.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm

from kazthesis.docx.markers import add_markers
from kazthesis.docx.story import Story
from kazthesis.docx.styles import settings_xml, styles_xml
from kazthesis.docx.title_page import place_foot
from kazthesis.docx.wordml import Para, field, paragraph
from kazthesis.lang import registry

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def package_bytes(story: Story) -> bytes:
    """Put the body, styles, settings, numbering, footnotes, page set-up and properties in the package."""
    word = story.word
    if story.body and story.body[-1].tag == qn("w:tbl"):
        story.add(paragraph(Para()))  # the body must end with a paragraph
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    sect = body.find(qn("w:sectPr"))
    for element in story.body:
        sect.addprevious(element)
    word.part._styles_part._element = styles_xml(story.geometry, story.document.language)
    word.part._settings_part._element = settings_xml(story.document.language)
    word.part.numbering_part._element = story.lists.element
    word.part.relate_to(story.footnotes.part, RT.FOOTNOTES)
    _drop_template_parts(story)
    _page_setup(story)
    _properties(story)
    add_markers(story)  # each paragraph's source, for 'kazthesis review'
    stream = io.BytesIO()
    word.save(stream)
    return stream.getvalue()


def _drop_template_parts(story: Story) -> None:
    """python-docx's template carries a thumbnail, custom XML and a Word 2010 style copy: not ours."""
    dropped = {RT.THUMBNAIL, RT.CUSTOM_XML, STYLES_WITH_EFFECTS}
    for rels in (story.word.part.package.rels, story.word.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in dropped:
                del rels[rid]


def _page_setup(story: Story) -> None:
    """The geometry's page and margins, no number on the title page, a PAGE field centred in the footer."""
    geometry = story.geometry
    section = story.word.sections[0]
    section.page_width, section.page_height = Mm(geometry.page_width), Mm(geometry.page_height)
    section.left_margin, section.right_margin = Mm(geometry.margin_left), Mm(geometry.margin_right)
    section.top_margin, section.bottom_margin = Mm(geometry.margin_top), Mm(geometry.margin_bottom)
    section.header_distance = Mm(min(12.5, float(geometry.margin_top) / 2))
    # The number sits in the middle of the bottom margin, as the PDF's @bottom-center box puts it.
    section.footer_distance = Mm(max(float(geometry.margin_bottom) / 2 - 3, 4))
    section.gutter = 0
    section.different_first_page_header_footer = True
    section.first_page_footer.is_linked_to_previous = False  # the title page: no number, the city and year
    place_foot(story, section)
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]._p
    for run in field("PAGE", "2"):
        p.append(run)


def _properties(story: Story) -> None:
    tp = story.document.title_page
    props = story.word.core_properties
    props.title = tp.title[:255]
    props.author = tp.author[:255]
    props.last_modified_by = "kazthesis"
    props.keywords = tp.keywords[:255]
    props.language = registry.document(story.document.language).tag
    props.comments = "kazthesis"
    props.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
