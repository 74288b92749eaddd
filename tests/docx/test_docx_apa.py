"""The apa-7-student profile in the Word file, read back from the real .docx (and, where LibreOffice is
installed, from its layout of it): the same page, type, headings, title page, header and list as the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from apa_project import TITLE_FIELDS, make_apa_project
from conftest import line_of, run_cli
from docxtools import Docx, flat, q, style_of, text_of
from lxml import etree
from pdftools import strokes, words

from kazthesis.docx.markers import read_marker, source_files
from kazthesis.lang.folding import folded_text
from kazthesis.model import Source
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems
from kazthesis.resolve.printed import document_units
from kazthesis.review.place import place
from kazthesis.review.reviewed import read_reviewed

TWIPS_PER_INCH = 1440
CHAPTER = "content/02-chapter-1.md"  # the sample's chapter with a figure
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def apa_docx(tmp_path_factory: pytest.TempPathFactory) -> Docx:
    project = make_apa_project(tmp_path_factory.mktemp("apa-docx") / "paper")
    run = run_cli("docx", project)
    assert run.status == 0, run.err
    assert "no contents page" in run.out  # and LibreOffice is not asked to number one
    return Docx(project / "output" / "thesis.docx")


def _style(styles: etree._Element, ident: str) -> etree._Element:
    return next(s for s in styles.iter(q("w:style")) if s.get(q("w:styleId")) == ident)


def _value(element: etree._Element, path: str, attribute: str) -> str | None:
    found = element.find(path.replace("w:", W))
    return found.get(q(f"w:{attribute}")) if found is not None else None


def test_one_inch_margins_double_spacing_ragged_right_and_no_hyphenation(apa_docx: Docx) -> None:
    sect = apa_docx.body.find(q("w:sectPr"))
    margins = sect.find(q("w:pgMar"))
    for side in ("top", "right", "bottom", "left"):
        assert int(margins.get(q(f"w:{side}"))) == pytest.approx(TWIPS_PER_INCH, abs=2)
    assert sect.find(q("w:titlePg")) is None  # the title page shows its number like every other
    normal = _style(apa_docx.xml("word/styles.xml"), "Normal")
    assert _value(normal, "w:pPr/w:spacing", "line") == "480"  # double
    assert _value(normal, "w:pPr/w:jc", "val") == "left"
    assert int(_value(normal, "w:pPr/w:ind", "firstLine")) == pytest.approx(TWIPS_PER_INCH / 2, abs=2)
    assert _value(normal, "w:rPr/w:sz", "val") == "24" and _value(normal, "w:rPr/w:rFonts", "ascii") == \
        "Times New Roman"
    assert apa_docx.xml("word/settings.xml").find(q("w:autoHyphenation")) is None


def test_the_page_number_is_a_page_field_at_the_right_of_the_header(apa_docx: Docx) -> None:
    rels = apa_docx.rels()
    header = next(target for target in rels.values() if "header" in target)
    p = apa_docx.xml(f"word/{header}").find(q("w:p"))
    assert "PAGE" in "".join(t.text or "" for t in p.iter(q("w:instrText")))
    assert style_of(p) == "Header"
    assert _value(_style(apa_docx.xml("word/styles.xml"), "Header"), "w:pPr/w:jc", "val") == "right"


def test_the_student_title_page_and_the_paper_s_title_over_the_text(apa_docx: Docx) -> None:
    paragraphs = list(apa_docx.body.iter(q("w:p")))
    texts = [flat(text_of(p)) for p in paragraphs]
    title = next(i for i, t in enumerate(texts) if t.startswith("Kazakhstan’s Renunciation of Nuclear Weapons"))
    assert texts[title + 1 : title + 6] == [TITLE_FIELDS[name] if name != "department" else
                                            f"{TITLE_FIELDS['department']}, {TITLE_FIELDS['university']}"
                                            for name in ("author", "department", "course", "instructor", "due_date")]
    assert paragraphs[title].find(f"{q('w:r')}/{q('w:rPr')}/{q('w:b')}") is not None
    again = [i for i, t in enumerate(texts) if t.startswith("Kazakhstan’s Renunciation of Nuclear Weapons")][1]
    assert paragraphs[again].find(f"{q('w:pPr')}/{q('w:pageBreakBefore')}") is not None
    assert not any(t.upper() == "CONTENTS" for t in texts)


def test_the_headings_take_apa_s_five_forms(apa_docx: Docx) -> None:
    styles = apa_docx.xml("word/styles.xml")
    one, two, three = (_style(styles, f"Heading{n}") for n in (1, 2, 3))
    assert _value(one, "w:pPr/w:jc", "val") == "center" and one.find(f"{W}pPr/{W}pageBreakBefore") is None
    assert _value(two, "w:pPr/w:jc", "val") == "left" and _value(two, "w:pPr/w:ind", "firstLine") == "0"
    assert three.find(f"{W}rPr/{W}i") is not None and two.find(f"{W}rPr/{W}i") is None
    paragraphs = {flat(text_of(p)): p for p in apa_docx.body.iter(q("w:p"))}
    chapter = paragraphs["The Nuclear Legacy and the Decision to Give It Up"]  # as written: no number, no capitals
    assert style_of(chapter) == "Heading1"
    run_in = next(p for text, p in paragraphs.items() if text.startswith("A level-four heading. The text"))
    runs = run_in.findall(q("w:r"))
    bold = "".join(r.findtext(q("w:t")) or "" for r in runs if r.find(f"{q('w:rPr')}/{q('w:b')}") is not None)
    assert bold.strip() == "A level-four heading."
    fifth = next(p for text, p in paragraphs.items() if text.startswith("A level-five heading? The text"))
    assert fifth.find(f"{q('w:r')}/{q('w:rPr')}/{q('w:i')}") is not None


def test_references_start_a_page_with_hanging_entries(apa_docx: Docx) -> None:
    paragraphs = list(apa_docx.body.iter(q("w:p")))
    label = next(p for p in paragraphs if flat(text_of(p)) == "References")
    assert label.find(f"{q('w:pPr')}/{q('w:pageBreakBefore')}") is not None
    entry = next(p for p in paragraphs if flat(text_of(p)).startswith("Budjeryn, M. (2022)."))
    indent = entry.find(f"{q('w:pPr')}/{q('w:ind')}")
    assert int(indent.get(q("w:hanging"))) == pytest.approx(TWIPS_PER_INCH / 2, abs=2)


def _stacked_caption(apa_docx: Docx, label: str, title: str) -> etree._Element:
    """The caption paragraph of ``label``, checked to be APA's: the number in bold, a line break, the title in
    italics (a double-spaced line under the number), flush left; the element after it is returned."""
    paragraph = next(p for p in apa_docx.body.iter(q("w:p")) if flat(text_of(p)).startswith(label))
    assert flat(text_of(paragraph)) == f"{label} {title}"
    runs = [r for r in paragraph.iter(q("w:r")) if r.find(q("w:t")) is not None or r.find(q("w:br")) is not None]
    assert runs[0].findtext(q("w:t")) == label and runs[0].find(f"{q('w:rPr')}/{q('w:b')}") is not None
    assert runs[1].find(q("w:br")) is not None and runs[1].find(q("w:t")) is None
    assert all(r.find(f"{q('w:rPr')}/{q('w:i')}") is not None and r.find(f"{q('w:rPr')}/{q('w:b')}") is None
               for r in runs[2:])
    assert _value(paragraph, "w:pPr/w:jc", "val") == "left"
    assert paragraph.find(f"{q('w:pPr')}/{q('w:keepNext')}") is not None  # kept with what it captions
    normal = _style(apa_docx.xml("word/styles.xml"), "Normal")
    assert _value(normal, "w:pPr/w:spacing", "line") == "480" and style_of(paragraph) == "Caption"
    assert _value(_style(apa_docx.xml("word/styles.xml"), "Caption"), "w:pPr/w:ind", "firstLine") == "0"
    return paragraph.getnext()


def test_a_figure_s_number_and_title_come_before_the_picture(apa_docx: Docx) -> None:
    picture = _stacked_caption(apa_docx, "Figure 1", "The stages of Kazakhstan’s nuclear disarmament")
    assert picture.find(f".//{q('w:drawing')}") is not None
    assert not any(flat(text_of(p)).startswith("Figure 1 –") for p in apa_docx.body.iter(q("w:p")))


def test_a_table_s_caption_comes_before_it_and_its_rules_are_horizontal(apa_docx: Docx) -> None:
    table = _stacked_caption(apa_docx, "Table 1", "The main results of cooperation between Kazakhstan and the "
                                                  "United States")
    assert table.tag == q("w:tbl")
    drawn = {b.tag.split("}")[1] for b in table.find(f"{q('w:tblPr')}/{q('w:tblBorders')}")
             if b.get(q("w:val")) not in ("nil", "none")}
    assert drawn == {"top", "bottom"}  # the table's own rules: above it and at its foot
    rows = table.findall(q("w:tr"))
    head = [r for r in rows if r.find(f"{q('w:trPr')}/{q('w:tblHeader')}") is not None]
    assert len(head) == 1 and rows[0] is head[0]
    for row in rows:
        for cell in row.findall(q("w:tc")):
            borders = cell.find(f"{q('w:tcPr')}/{q('w:tcBorders')}")
            sides = {b.tag.split("}")[1] for b in borders} if borders is not None else set()
            # the heads ruled above and below (so that a page the head is repeated on has the rules too)
            assert sides == ({"top", "bottom"} if row is head[0] else set())
            if row is head[0]:  # centred, in plain type
                assert _value(cell, "w:p/w:pPr/w:jc", "val") == "center"
                assert cell.find(f".//{q('w:b')}") is None


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_review_finds_each_caption_and_picture_at_its_line_in_the_order_printed(apa_docx: Docx) -> None:
    """The printed units (what ``kazthesis review`` reads a reviewed file by) follow the stacked captions: the
    caption is the first paragraph printed from a figure's line, the picture the second."""
    project = apa_docx.path.parent.parent
    reviewed = read_reviewed(apa_docx.path)
    document = prepare(project, Problems(root=project))
    units, files = document_units(document), source_files(document)
    placed = place(reviewed, units, files)
    figure_line = line_of(project / CHAPTER, "![The stages")
    found = {}
    for paragraph in reviewed.paragraphs:
        at = placed.get(paragraph.index)
        if at is not None and at.unit is not None and units[at.unit].source == Source(CHAPTER, figure_line):
            assert at.how == "marker"
            assert folded_text(units[at.unit].printed) == folded_text(paragraph.original)
            found[units[at.unit].kind] = read_marker(paragraph.markers[0])
    chapter = files.index(CHAPTER)
    assert found == {"caption": (chapter, figure_line, 0), "object": (chapter, figure_line, 1)}


@pytest.fixture(scope="module")
def laid_out(apa_docx: Docx, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .docx as LibreOffice lays it out, in a PDF."""
    if _soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("apa-docx-pdf")
    subprocess.run([_soffice(), f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), str(apa_docx.path)], check=True, capture_output=True, timeout=180)
    return folder / "thesis.pdf"


def test_libreoffice_draws_the_number_at_the_top_right_from_the_title_page_on(laid_out: Path) -> None:
    every = words(laid_out)
    for page in (1, 2, 3):
        number = [w for w in every if w.page == page and w.text == str(page)]
        assert number and number[0].y1 < 72 and number[0].x1 == pytest.approx(595.28 - 72, abs=1.5), page
    assert re.search(r"References", " ".join(w.text for w in every))


def test_libreoffice_sets_the_caption_above_the_table_and_draws_three_horizontal_rules(laid_out: Path) -> None:
    every = words(laid_out)
    number = next(w for w in every if w.text == "Table" and w.x0 == pytest.approx(72, abs=0.5)
                  and any(v.text == "1" and v.page == w.page and v.y0 == w.y0 for v in every))
    page = [w for w in every if w.page == number.page]
    title = next(w for w in page if w.text == "main" and w.y0 > number.y0)
    assert title.y0 - number.y0 == pytest.approx(2 * 1.15 * 12, abs=1)  # a double-spaced line under the number
    last = next(w for w in page if w.text == "2000" and w.y0 > title.y0)
    lines = [line for line in strokes(laid_out, number.page) if title.y1 < line[1] < last.y1 + 20]
    assert all(line[1] == pytest.approx(line[3], abs=0.01) for line in lines), "a vertical rule is drawn"
    assert len({round(line[1], 1) for line in lines}) == 3
