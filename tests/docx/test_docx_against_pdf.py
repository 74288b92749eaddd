"""The Word file (`build.py docx`): read back from the real .docx and compared with the PDF built by the same code.

Run on the repository's exemplar (Kazakh, gost-7.32-2017) and on the Russian
fixture (kz-university profile, footnotes, figures, a long table).
"""

from __future__ import annotations

import re

import docx
import pytest
from conftest import Built, run_cli, squash
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docxtools import flat, q, style_of, text_of
from lxml import etree
from pdftools import contents_entries

from kazthesis.lang import wording
from kazthesis.model import Citation, Document, own_inlines, plain_text, walk_blocks, walk_inlines

TWIPS_PER_MM = 1440 / 25.4


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


CITATION = re.compile(r"\[\d[^\[\]]*\]")


ON_RU_AND_EXEMPLAR = pytest.mark.parametrize("built", ["ru", "exemplar"], indirect=True)


# --- page set-up and styles ------------------------------------------------------------------------


@ON_RU_AND_EXEMPLAR
def test_page_size_and_margins_equal_the_profile(built: Built) -> None:
    layout = built.document.config.layout
    section = docx.Document(str(built.docx.path)).sections[0]
    assert abs(section.page_width.mm - 210) < 0.05 and abs(section.page_height.mm - 297) < 0.05
    for side in ("left", "right", "top", "bottom"):
        margin = getattr(section, f"{side}_margin").mm
        assert abs(margin - layout[f"margin_{side}"]) < 0.05, f"{side} margin {margin} mm"


def test_the_russian_fixture_uses_its_own_profile(ru_build: Built) -> None:
    layout = ru_build.document.config.layout
    assert ru_build.document.config.profile == "kz-university"
    assert (layout["margin_right"], layout["margin_bottom"], layout["line_spacing"]) == (10, 25, 1.0)


@ON_RU_AND_EXEMPLAR
def test_normal_style_font_size_spacing_indent_justified(built: Built) -> None:
    layout = built.document.config.layout
    normal = docx.Document(str(built.docx.path)).styles["Normal"]
    assert normal.font.name == layout["font"]
    assert normal.font.size.pt == layout["font_size"]
    assert normal.paragraph_format.line_spacing == pytest.approx(layout["line_spacing"])
    assert normal.paragraph_format.first_line_indent.cm == pytest.approx(layout["indent"], abs=0.005)
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    fonts = built.docx.xml("word/styles.xml").find(f".//{q('w:rPrDefault')}//{q('w:rFonts')}")
    for attribute in ("ascii", "hAnsi", "cs", "eastAsia"):  # named in the file, no theme font
        assert fonts.get(q(f"w:{attribute}")) == layout["font"]
    assert b"Theme" not in built.docx.blob("word/styles.xml"), "no style takes a theme font or colour"
    language = built.docx.xml("word/styles.xml").find(f".//{q('w:rPrDefault')}//{q('w:lang')}")
    assert language.get(q("w:val")) == {"kk": "kk-KZ", "ru": "ru-RU"}[built.document.language]


@ON_RU_AND_EXEMPLAR
def test_heading_styles_are_words_own_bold_black_with_new_pages_for_level_one(built: Built) -> None:
    styles = docx.Document(str(built.docx.path)).styles
    size = built.document.config.layout["font_size"]
    for level in (1, 2, 3):
        style = styles[f"Heading {level}"]
        assert style.font.bold and style.font.size.pt == size
        assert str(style.font.color.rgb) == "000000"
        assert style.paragraph_format.keep_with_next
        assert bool(style.paragraph_format.page_break_before) == (level == 1)
        outline = style.element.find(f".//{q('w:outlineLvl')}")
        assert outline.get(q("w:val")) == str(level - 1), "an outline level: the navigation pane lists it"
    assert styles["TOC Heading"].paragraph_format.page_break_before


# --- contents and headings -------------------------------------------------------------------------


def _headings(built: Built) -> list[tuple[str, str]]:
    """(style, text) of every heading paragraph in the body, in order."""
    return [(style_of(p), flat(text_of(p))) for p in built.docx.body.iter(q("w:p"))
            if style_of(p).startswith(("Heading", "UnlistedHeading"))]


@ON_RU_AND_EXEMPLAR
def test_headings_equal_the_pdf_contents_entries_in_order(built: Built) -> None:
    depth = built.document.config.layout["contents_depth"]
    pdf_entries = [flat(text) for text, _ in contents_entries(built.pdf.pages[1])]
    listed = [text for style, text in _headings(built) if style in {f"Heading{n}" for n in range(1, depth + 1)}]
    assert len(pdf_entries) >= 8
    assert [squash(t) for t in listed] == [squash(t) for t in pdf_entries]


@ON_RU_AND_EXEMPLAR
def test_contents_is_a_toc_field_prefilled_with_the_entries_and_updated_on_opening(built: Built) -> None:
    depth = built.document.config.layout["contents_depth"]
    paragraphs = list(built.docx.body.iter(q("w:p")))
    instructions = [flat(t.text) for t in built.docx.body.iter(q("w:instrText"))]
    assert instructions[0] == f'TOC \\o "1-{depth}" \\h \\z \\u'
    title = paragraphs.index(next(p for p in paragraphs if style_of(p) == "TOCHeading"))
    assert text_of(paragraphs[title]) == wording.strings(built.document.language)["contents"]
    entries = [p for p in paragraphs if style_of(p).startswith("TOC") and style_of(p) != "TOCHeading"]
    pdf_entries = [flat(text) for text, _ in contents_entries(built.pdf.pages[1])]
    assert [squash(text_of(p).split("\t")[0]) for p in entries] == [squash(t) for t in pdf_entries]
    # The field spans the entries: it begins in the first and ends in the last.
    kinds = [c.get(q("w:fldCharType")) for p in (entries[0], entries[-1]) for c in p.iter(q("w:fldChar"))]
    assert kinds[0] == "begin" and kinds[-1] == "end"
    # Every entry's page number is a PAGEREF to a bookmark on its heading.
    bookmarks = {b.get(q("w:name")) for b in built.docx.body.iter(q("w:bookmarkStart"))}
    for p in entries:
        target = re.search(r"PAGEREF (\S+)", "".join(t.text for t in p.iter(q("w:instrText")))).group(1)
        assert target in bookmarks
    settings = built.docx.xml("word/settings.xml")
    assert settings.find(q("w:updateFields")).get(q("w:val")) == "true"


@ON_RU_AND_EXEMPLAR
def test_appendix_heading_prints_its_label_and_title(built: Built) -> None:
    appendices = [part.heading for part in built.document.appendices]
    assert appendices
    texts = [text for _, text in _headings(built)]
    for heading in appendices:
        assert flat(f"{heading.label} {heading.plain}") in texts


@ON_RU_AND_EXEMPLAR
def test_chapters_and_structural_elements_are_level_one_headings(built: Built) -> None:
    """Each starts a new page (Heading 1 breaks the page); structural elements are centred."""
    level_one = [p for p in built.docx.body.iter(q("w:p")) if style_of(p) in ("Heading1", "UnlistedHeading1")]
    expected = len([p for p in built.document.parts if p.heading]) + len(built.document.appendices) + 1
    expected += 1 if built.document.abbreviations else 0
    assert len(level_one) == expected
    strings = wording.strings(built.document.language)
    for p in level_one:
        text = text_of(p)
        centred = p.find(f"{q('w:pPr')}/{q('w:jc')}")
        if text.startswith((strings["introduction"], strings["conclusion"], strings["references"])):
            assert centred is not None and centred.get(q("w:val")) == "center", text


# --- text -----------------------------------------------------------------------------------------


def _docx_citations(built: Built) -> list[str]:
    """Citations in the body, in order, skipping the reference list (its entries are not citations)."""
    references = wording.strings(built.document.language)["references"]
    found, in_list = [], False
    for p in built.docx.body.iter(q("w:p")):
        if style_of(p) == "Heading1":
            in_list = text_of(p) == references
        if not in_list:
            found += CITATION.findall(flat(text_of(p)))
    return found


def _pdf_citations(built: Built) -> list[str]:
    strings = wording.strings(built.document.language)
    entries = contents_entries(built.pdf.pages[1])
    start = next(page for text, page in entries if flat(text) == strings["references"])
    after = [page for text, page in entries if page > start]
    end = min(after) if after else len(built.pdf.pages) + 1
    pages = built.pdf.pages[2 : start - 1] + built.pdf.pages[end - 1 :]
    return CITATION.findall(flat(re.sub(r"\u00ad", "", "\n".join(pages))))


@ON_RU_AND_EXEMPLAR
def test_citations_are_the_pdfs_in_the_same_order(built: Built) -> None:
    notes_cite = any(isinstance(node, Citation) for note in built.document.footnotes
                     for node in walk_inlines(note.children))
    assert not notes_cite, "footnotes print at the foot of the PDF page: this comparison needs citation-free notes"
    docx_citations = _docx_citations(built)
    model = [flat(node.text) for block in _all_blocks(built.document) for inlines in own_inlines(block)
             for node in walk_inlines(inlines) if isinstance(node, Citation)]
    assert docx_citations == [CITATION.search(text).group(0) for text in model]
    assert [squash(c) for c in docx_citations] == [squash(c) for c in _pdf_citations(built)]
    assert len(docx_citations) >= 10


def _all_blocks(document: Document) -> list:
    return [block for part in document.parts + document.appendices
            for block in ([part.heading] if part.heading else []) + list(walk_blocks(part.blocks))]


@ON_RU_AND_EXEMPLAR
def test_reference_list_is_what_refs_prints(built: Built) -> None:
    listed = run_cli("refs", built.project)
    assert listed.status == 0, listed.err
    lines = listed.out.splitlines()
    references = wording.strings(built.document.language)["references"]
    paragraphs = list(built.docx.body.iter(q("w:p")))
    start = next(n for n, p in enumerate(paragraphs) if style_of(p) == "Heading1" and text_of(p) == references)
    entries = [text_of(p) for p in paragraphs[start + 1 : start + 1 + len(lines)]]
    assert len(lines) == len(built.document.references)
    def spaced(text: str) -> str:  # the print rules only turn some spaces into ones that do not break; a URL's
        return re.sub("[\u00a0\u2005]", " ", text).replace("\u200b", "")  # optional breaks draw nothing

    for line, entry in zip(lines, entries, strict=True):
        assert spaced(entry) == spaced(line)  # "N. entry", as GOST 7.32-2017 numbers the list and `refs` prints it
        assert not re.search(r"(?<=[.\]]) – ", entry)  # no line of the entry can start with the areas' dash


def test_typography_is_kept(ru_build: Built) -> None:
    text = "\n".join(text_of(p) for p in ru_build.docx.body.iter(q("w:p")))
    assert "«" in text and "»" in text
    assert "1991\u00a0г." in text, "no-break space between a number and its unit"
    assert "\u00ad" not in text, "no soft hyphens in the Word text"


@ON_RU_AND_EXEMPLAR
def test_title_page_fields(built: Built) -> None:
    paragraphs = [flat(text_of(p)) for p in built.docx.body.iter(q("w:p")) if style_of(p) == "TitlePage"]
    tp = built.document.title_page
    assert flat(" ".join(tp.head[0])) in paragraphs  # the ministry, its lines joined by a line break
    assert any(flat(tp.title) in p for p in paragraphs)
    for label, lines in tp.people:  # the signatures: a table row, the label, then the name
        assert flat(f"{label}:") in paragraphs and flat(" ".join(lines)) in paragraphs
    first_footer = _footer(built, "first")
    assert flat(text_of(first_footer)) == tp.foot


# --- footnotes, tables, figures, page numbers ----------------------------------------------------------


def test_footnotes_are_word_footnotes_numbered_as_the_model(ru_build: Built) -> None:
    notes = ru_build.document.footnotes
    assert len(notes) >= 3
    calls = [int(ref.get(q("w:id"))) for ref in ru_build.docx.body.iter(q("w:footnoteReference"))]
    # Word numbers footnotes by their order in the text; the model numbers them in reading order too.
    assert calls == [note.number for note in notes] == list(range(1, len(notes) + 1))
    footnotes = {int(f.get(q("w:id"))): f for f in ru_build.docx.xml("word/footnotes.xml").iter(q("w:footnote"))}
    assert footnotes[-1].get(q("w:type")) == "separator"
    for note in notes:
        element = footnotes[note.number]
        assert element.find(f".//{q('w:footnoteRef')}") is not None
        assert flat(text_of(element)) == flat(plain_text(note.children))
        assert squash(plain_text(note.children))[:40] in squash("".join(ru_build.pdf.pages))
    assert "footnotes.xml" in ru_build.docx.rels().values()


@ON_RU_AND_EXEMPLAR
def test_tables_are_word_tables_with_caption_above_and_a_repeating_header(built: Built) -> None:
    children = list(built.docx.body)
    tables = [n for n, child in enumerate(children) if child.tag == q("w:tbl")]
    captions = {n: flat(text_of(children[n - 1])) for n in tables}
    data_tables = [n for n in tables if style_of(children[n - 1]) == "Caption"]
    assert len(data_tables) == len(built.document.tables) >= 2
    for n, table in zip(data_tables, built.document.tables, strict=True):
        assert captions[n] == flat(f"{table.label} – {plain_text(table.caption)}")
        caption = children[n - 1].find(q("w:pPr"))
        assert caption.find(q("w:keepNext")) is not None
        rows = children[n].findall(q("w:tr"))
        assert len(rows) == len(table.header) + len(table.rows)
        assert rows[0].find(f"{q('w:trPr')}/{q('w:tblHeader')}") is not None
        assert rows[-1].find(f"{q('w:trPr')}/{q('w:tblHeader')}") is None
        assert children[n].find(f"{q('w:tblPr')}/{q('w:tblBorders')}") is not None


def test_long_table_crosses_a_page_in_the_pdf(ru_build: Built) -> None:
    """The fixture's appendix table runs onto a second page (the PDF prints its continuation label)."""
    continued = wording.text("ru", "table_continued", n="А.1")
    assert ru_build.pdf.page_of(continued) is not None


@ON_RU_AND_EXEMPLAR
def test_figures_are_embedded_svg_with_png_fallback(built: Built) -> None:
    rels = built.docx.rels()
    drawings = [d for d in built.docx.body.iter(q("w:drawing"))]
    assert len(drawings) == len(built.document.figures) >= 1
    text_width = (210 - built.document.config.layout["margin_left"] - built.document.config.layout["margin_right"])
    for drawing, figure in zip(drawings, built.document.figures, strict=True):
        blip = drawing.find(f".//{q('a:blip')}")
        png = built.docx.blob("word/" + rels[blip.get(q("r:embed"))])
        assert png.startswith(b"\x89PNG")
        svg = blip.find(f".//{q('asvg:svgBlip')}")
        if figure.path.suffix == ".svg":
            assert built.docx.blob("word/" + rels[svg.get(q("r:embed"))]) == figure.path.read_bytes()
        width_mm = int(drawing.find(f".//{{{WP}}}extent").get("cx")) / 36000
        assert width_mm <= text_width + 0.1
        if figure.width.endswith("%"):
            assert width_mm == pytest.approx(text_width * float(figure.width[:-1]) / 100, abs=0.2)
        paragraph = drawing.getparent().getparent()
        caption = paragraph.getnext()
        assert style_of(caption) == "Caption"
        assert flat(text_of(caption)) == flat(f"{figure.label} – {plain_text(figure.caption)}")
    content_types = built.docx.blob("[Content_Types].xml")
    assert b"image/svg+xml" in content_types and b"image/png" in content_types


def _footer(built: Built, kind: str) -> etree._Element:
    sect = built.docx.body.find(q("w:sectPr"))
    ref = next(r for r in sect.findall(q("w:footerReference")) if r.get(q("w:type")) == kind)
    return built.docx.xml("word/" + built.docx.rels()[ref.get(q("r:id"))])


@ON_RU_AND_EXEMPLAR
def test_page_field_in_the_footer_and_no_number_on_the_title_page(built: Built) -> None:
    sect = built.docx.body.find(q("w:sectPr"))
    assert sect.find(q("w:titlePg")) is not None
    footer = _footer(built, "default")
    assert [flat(t.text) for t in footer.iter(q("w:instrText"))] == ["PAGE"]
    assert style_of(footer.find(q("w:p"))) == "Footer"
    assert docx.Document(str(built.docx.path)).styles["Footer"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not list(_footer(built, "first").iter(q("w:instrText")))


@ON_RU_AND_EXEMPLAR
def test_abbreviations_page(built: Built) -> None:
    text = "\n".join(flat(text_of(p)) for p in built.docx.body.iter(q("w:p")))
    for abbreviation, meaning in built.document.abbreviations:
        assert flat(abbreviation) in text and flat(meaning) in text
