"""Tables → Word tables: the caption above, fixed column widths, a header row repeated on every page.

The column widths are the model's (:mod:`kazthesis.resolve.table_fit`, the
same as the PDF's), the type size and cell padding those of the geometry's
type step the table was fitted in. A table that the PDF turns sideways gets
the smallest type here (a Word section turned sideways would renumber its
pages in LibreOffice). GOST's tables are ruled as a grid; APA's, as
thesis.css draws them, with horizontal rules only: above and below the
column heads (on every page the head is repeated on) and at the foot.
"""

from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from kazthesis.docx.inlines import Inlines, Look
from kazthesis.docx.story import Story
from kazthesis.docx.wordml import Para, Run, append, el, line_break, paragraph, text_run, twips
from kazthesis.model import CaptionLine, Cell, Table
from kazthesis.resolve.geometry import points


def add_caption(story: Story, inlines: Inlines, para: Para, line: CaptionLine, ident: str) -> None:
    """A numbered caption's paragraph, bookmarked for references: "1-кесте – Атауы" (the model's caption line);
    stacked (APA), the number in bold, a line break and the title in italics, as thesis.css sets them."""
    p = story.add(paragraph(para))
    if line.stacked:
        p.append(text_run(line.label, Run(bold=True)))
        if line.text:
            p.append(line_break())
            inlines.write(p, line.text, Look(italic=True))
    else:
        p.append(text_run(line.label + line.dash))
        inlines.write(p, line.text)
    story.bookmarks.mark(p, ident)


def add_table(story: Story, inlines: Inlines, table: Table) -> None:
    """The caption paragraph and the table."""
    geometry = story.geometry
    add_caption(story, inlines, Para(style="Caption", keep_next=True, before=geometry.block_space * story.size,
                                     align="left"), table.caption_line, table.id)
    widths = column_widths(story, table, max(table.columns, 1))
    step = geometry.step(table.step)
    border = round(geometry.rule * 8)  # eighths of a point
    apa = geometry.forms.name == "apa"  # ruled as thesis.css's APA block rules it
    ruled = ("top", "bottom") if apa else ("top", "left", "bottom", "right", "insideH", "insideV")
    vertical, horizontal = twips(points(geometry.cell_padding)), twips(points(step.padding))
    tbl = story.add(OxmlElement("w:tbl"))
    tbl.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblBorders>' + "".join(f'<w:{side} w:val="single" w:sz="{border}" w:space="0" w:color="000000"/>'
                                   for side in ruled)
        + '</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{vertical}" w:type="dxa"/><w:left w:w="{horizontal}" '
        f'w:type="dxa"/><w:bottom w:w="{vertical}" w:type="dxa"/>'
        f'<w:right w:w="{horizontal}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'))
    tbl.append(append(OxmlElement("w:tblGrid"), *(el("gridCol", w=w) for w in widths)))
    size = step.size if step.size != story.size else 0  # 0: the style's own size
    # APA: the heads in plain type, ruled above and below by their own cells, so that a page the head is
    # repeated on has the rules too
    head_rule = border if apa else 0
    for row in table.header:
        tbl.append(table_row(inlines, row, widths, header=True, size=size, rule=head_rule))
    for row in table.rows:
        tbl.append(table_row(inlines, row, widths, header=False, size=size))


def column_widths(story: Story, table: Table, columns: int) -> list[int]:
    """Column widths in twips: the model's shares (table_fit.py) of the text width, as in the PDF."""
    text_width = story.geometry.text_width_pt
    shares = table.widths if len(table.widths) == columns else [1 / columns] * columns
    widths = [twips(text_width * share) for share in shares]
    widths[-1] += twips(text_width) - sum(widths)
    return widths


def table_row(inlines: Inlines, row: list[Cell], widths: list[int], header: bool, size: float,
              rule: int = 0) -> BaseOxmlElement:
    """A row that never breaks across pages; a header row repeats on every page. ``rule``: the width (eighths
    of a point) of a rule above and below each of its cells, an APA head's, set in plain type; 0: none (GOST's
    grid draws the rules, its heads are bold)."""
    tr = OxmlElement("w:tr")
    tr.append(append(OxmlElement("w:trPr"), el("cantSplit"), el("tblHeader") if header else None))
    cells: list[Cell | None] = [*row, *[None] * (len(widths) - len(row))]
    for cell, width in zip(cells, widths, strict=False):
        tcpr = append(OxmlElement("w:tcPr"), el("tcW", w=width, type="dxa"))
        if rule:
            tcpr.append(parse_xml(f'<w:tcBorders {nsdecls("w")}>' + "".join(
                f'<w:{side} w:val="single" w:sz="{rule}" w:space="0" w:color="000000"/>' for side in ("top", "bottom"))
                + "</w:tcBorders>"))
        tc = append(OxmlElement("w:tc"), tcpr)
        align = cell.align if cell is not None and cell.align in ("left", "center", "right") else ""
        p = paragraph(Para(style="TableText", keep_next=header or None, align=align or ("center" if header else "")))
        if cell is not None:
            inlines.write(p, cell.children, Look(bold=header and not rule, size=size))
        tc.append(p)
        tr.append(tc)
    return tr


def add_abbreviations(story: Story, abbreviations: list[tuple[str, str]]) -> None:
    """The abbreviations as a borderless table, abbreviation – meaning (abbreviations.html)."""
    size, indent, text_width = story.size, story.geometry.indent_pt, story.geometry.text_width_pt
    longest = max(len(abbr) for abbr, _ in abbreviations)
    first = twips(indent + longest * 0.75 * size + points(3))  # the widest abbreviation, estimated
    dash = twips(size * 1.2)
    widths = [first, dash, twips(text_width) - first - dash]
    tbl = story.add(OxmlElement("w:tbl"))
    tbl.append(parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'))
    tbl.append(append(OxmlElement("w:tblGrid"), *(el("gridCol", w=w) for w in widths)))
    for abbreviation, meaning in abbreviations:
        tr = OxmlElement("w:tr")
        for n, (text, width) in enumerate(zip((abbreviation, "\u2013", meaning), widths, strict=True)):
            tc = append(OxmlElement("w:tc"), append(OxmlElement("w:tcPr"), el("tcW", w=width, type="dxa")))
            p = paragraph(Para(first_line=0, left=indent if n == 0 else None, align="left"))
            p.append(text_run(text))
            tr.append(append(tc, p))
        tbl.append(tr)
