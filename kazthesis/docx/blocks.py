"""Block model nodes → Word paragraphs: headings, paragraphs, lists, quotes, code and listings, figures,
formulas, statistics lines; tables are :mod:`kazthesis.docx.tables`'.

Every space is the geometry's (in em of the body's size, as thesis.css sets
it); every number and printed string is the model's.
"""

from __future__ import annotations

from docx.oxml import OxmlElement

from kazthesis.docx import tables
from kazthesis.docx.images import ImageError
from kazthesis.docx.inlines import Inlines, Look
from kazthesis.docx.story import Story
from kazthesis.docx.wordml import Para, Run, append, append_lines, field, line_break, paragraph, text_run
from kazthesis.i18n import _
from kazthesis.model import (
    Block,
    CaptionLine,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    MathBlock,
    PageBreak,
    Paragraph,
    Part,
    Quote,
    Rule,
    Statistics,
    Table,
)
from kazthesis.resolve.forms import RUN_IN_LEVEL
from kazthesis.resolve.listing import STYLES, listing_lines

KEEP_TOGETHER_LINES = 12  # a listing this short is kept on one page in Word


class Blocks:
    """Writes block nodes into the body of one :class:`Story`."""

    def __init__(self, story: Story, inlines: Inlines) -> None:
        self.story = story
        self.inlines = inlines
        self.space = story.geometry.block_space * story.size  # above and below figures, tables, listings
        self.listed = {entry.id for entry in story.document.contents}
        self.apa = story.geometry.forms.name == "apa"  # APA's headings: unnumbered, run in from level 4

    def paper_title(self, title: str) -> None:
        """APA: the paper's title, bold and centred as a level-1 heading, at the top of the first page of text."""
        p = self.story.add(paragraph(Para(page_break=True, keep_next=True, first_line=0, align="center")))
        p.append(text_run(title, Run(bold=True)))

    def part(self, part: Part) -> None:
        if part.heading is not None:
            self.heading(part.heading)
        self.blocks(part.blocks, previous=part.heading)

    def blocks(self, blocks: list[Block], depth: int = 0, quote: int = 0, previous: Block | None = None) -> None:
        pending: Heading | None = None  # an APA level-4 or level-5 heading waiting for its paragraph
        for block in blocks:
            if pending is not None:
                if isinstance(block, Paragraph) and not block.lines:
                    self.run_in_paragraph(pending, block, quote)
                    pending, previous = None, block
                    continue
                self.heading(pending)  # no paragraph follows (a list, a figure): a line of its own
                pending = None
            if self.apa and isinstance(block, Heading) and block.level >= RUN_IN_LEVEL:
                pending = previous = block
                continue
            self.block(block, depth, quote, previous)
            previous = block
        if pending is not None:
            self.heading(pending)

    def run_in_paragraph(self, heading: Heading, block: Paragraph, quote: int) -> None:
        """APA: the heading, bold (level 5 bold italic) with its full stop, starts its paragraph's line."""
        p = self.story.add(paragraph(Para(left=quote * self.story.geometry.indent_pt or None)))
        look = Look(bold=True, italic=heading.level >= 5)
        self.inlines.write(p, heading.title, look)
        p.append(text_run(f"{heading.end} ", look.run()))
        self.story.bookmarks.mark(p, heading.id)
        self.inlines.write(p, block.children)

    def block(self, block: Block, depth: int = 0, quote: int = 0, previous: Block | None = None) -> None:
        story, indent = self.story, self.story.geometry.indent_pt
        left = quote * indent or None
        if isinstance(block, Heading):
            self.heading(block, after_heading=isinstance(previous, Heading))
        elif isinstance(block, Paragraph):
            # Space after a table, as the PDF's .table-block margin gives it (Word has no spacing after a table).
            before = self.space if isinstance(previous, Table) else None
            if block.lines:  # a line block: every line at the paragraph indent, as the PDF sets it
                para = Para(left=(left or 0) + indent, first_line=0, before=before, align="left")
            else:
                para = Para(left=left, before=before)
            self.inlines.write(story.add(paragraph(para)), block.children)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Table):
            tables.add_table(story, self.inlines, block)
        elif isinstance(block, ListBlock):
            self.list_block(block, depth, quote)
        elif isinstance(block, Quote):
            self.blocks(block.children, depth, quote + 1)
        elif isinstance(block, CodeBlock) and (block.listing or story.document.config.layout.get("listing_highlight")):
            self.listing(block, left)
        elif isinstance(block, Statistics):
            self.statistics(block)
        elif isinstance(block, CodeBlock):
            append_lines(story.add(paragraph(Para(style="SourceCode", left=left))), block.text)
        elif isinstance(block, MathBlock):
            p = story.add(paragraph(Para(first_line=0, align="center")))
            self.inlines.math(p, block.math, Look(), story.word.part)
        elif isinstance(block, PageBreak):
            story.add(append(OxmlElement("w:p"), line_break("page")))
        elif isinstance(block, Rule):
            story.add(paragraph(Para(border_bottom=True, first_line=0, after=self.space)))
        else:
            raise TypeError(f"no DOCX for {type(block).__name__}")

    def heading(self, heading: Heading, after_heading: bool = False) -> None:
        level = min(heading.level, 6)
        listed = heading.id in self.listed or level > int(self.story.document.config.layout["contents_depth"])
        style = f"Heading{level}" if listed else f"UnlistedHeading{level}"
        centred = heading.kind in ("structural", "appendix", "abstract")
        # APA: a section label (appendix, abstract) starts a page; other headings run on with the text
        page = self.apa and heading.kind in ("appendix", "abstract") or None
        para = Para(style=style, first_line=0 if centred else None, align="center" if centred else "",
                    before=0 if after_heading and level > 1 else None, page_break=page)
        p = self.story.add(paragraph(para))
        if heading.kind == "appendix":
            # One paragraph, label and title on two lines: Word's TOC field (no \x) joins them with a space,
            # as the PDF's contents entry "ПРИЛОЖЕНИЕ А Title" has it.
            p.append(text_run(heading.label))
            p.append(line_break())
            self.inlines.write(p, heading.title)
        else:
            upper = level == 1 and not self.apa  # GOST's chapters and structural elements are UPPERCASE
            if heading.number:
                p.append(text_run(f"{heading.number} "))
            self.inlines.write(p, heading.title, Look(upper=upper))
            if heading.end:
                p.append(text_run(heading.end))
        self.story.bookmarks.mark(p, heading.id)

    def structural_heading(self, text: str, ident: str) -> None:
        """The heading of a page the model gives whole (the terms, abbreviations, references)."""
        p = self.story.add(paragraph(Para(style="Heading1", first_line=0, align="center", page_break=self.apa or None)))
        p.append(text_run(text))
        self.story.bookmarks.mark(p, ident)

    def caption(self, para: Para, line: CaptionLine, ident: str) -> None:
        tables.add_caption(self.story, self.inlines, para, line, ident)

    def figure(self, figure: Figure) -> None:
        story, line = self.story, figure.caption_line
        try:
            drawing = story.pictures.picture(figure.path, figure.width, figure.height, story.word.part, line.plain)
        except ImageError as exc:
            story.problems.error(figure.source.path, figure.source.line,
                                 _("the figure {name} cannot be put into the Word file: {exc}").format(
                                   name=figure.path.name, exc=exc),
                                 _("save the image again as PNG, JPEG or SVG"))
            return
        if line.stacked:  # APA: the number and the title above the picture, kept with it
            self.caption(Para(style="Caption", keep_next=True, before=self.space, align="left"), line, figure.id)
            image = story.add(paragraph(Para(after=self.space, line=1.0, first_line=0, align="center")))
        else:
            image = story.add(paragraph(Para(keep_next=True, before=self.space, line=1.0, first_line=0,
                                             align="center")))
        image.append(append(OxmlElement("w:r"), drawing))
        if not line.stacked:
            self.caption(Para(style="Caption", after=self.space), line, figure.id)

    def list_block(self, block: ListBlock, depth: int, quote: int) -> None:
        story = self.story
        marks = block.marks or ["1." if block.ordered else "\u2013"] * len(block.items)
        # Word numbers a dash or numbered list itself; a lettered one gets its marks as text (resolve/lists.py).
        num_id = None if block.lettered else story.lists.new(marks[0], depth, block.start if block.ordered else 1)
        left = (depth + quote) * story.geometry.indent_pt or None
        for mark, item in zip(marks, block.items, strict=True):
            first = True
            for child in item:
                if isinstance(child, Paragraph) and first:
                    numbering = (num_id, min(depth, 8)) if num_id is not None else None
                    p = story.add(paragraph(Para(numbering=numbering, left=left)))
                    if num_id is None:
                        p.append(text_run(mark + "\u00a0"))
                    self.inlines.write(p, child.children)
                elif isinstance(child, Paragraph):
                    self.inlines.write(story.add(paragraph(Para(left=left))), child.children)
                elif isinstance(child, ListBlock):
                    self.list_block(child, depth + 1, quote)
                else:
                    self.block(child, depth, quote)
                first = False

    def listing(self, block: CodeBlock, left: float | None) -> None:
        """A listing: its caption above (as a table's), the code a paragraph a line in grey-scale runs. Word
        cannot print a continuation label on the next page; the lines may run on as the PDF's do."""
        story = self.story
        if block.listing:
            self.caption(Para(style="Caption", keep_next=True, before=self.space, align="left"), block.caption_line,
                         block.id)
        lines = listing_lines(block.text, block.language, bool(story.document.config.layout.get("listing_highlight")))
        together = len(lines) <= KEEP_TOGETHER_LINES  # a short listing is not parted from its caption or itself
        for n, runs in enumerate(lines):
            first, last = n == 0, n == len(lines) - 1
            p = story.add(paragraph(Para(style="SourceCode", keep_next=(together and not last) or None,
                                         before=None if first else 0, after=None if last else 0, left=left)))
            for style, text in runs:
                colour, bold, italic = STYLES.get(style, ("", False, False))
                p.append(text_run(text, Run(color=colour, bold=bold or None, italic=italic or None)))

    def statistics(self, block: Statistics) -> None:
        """The statistics line with Word's own page count (a NUMPAGES field: the .docx is paginated by Word)."""
        before, _mark, after = block.line("\x00").partition("\x00")
        p = self.story.add(paragraph(Para()))
        p.append(text_run(before))
        for run in field("NUMPAGES", "1"):
            p.append(run)
        p.append(text_run(after))
