"""One geometry for both writers: the PDF and the .docx of one project, at 12 pt and at 14 pt, set the
footnotes, margins, first-line indent, line spacing and table type sizes alike.

The PDF is measured where the type stands (text runs from its content stream,
words from pdftotext); the .docx is read from its XML. Each is compared with
the other, and with the rules: footnotes two points below the body (GOST
7.32-2017: 12 pt under 14 pt), tables in smaller type steps that Word can hold.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import copy_project, run_cli
from lxml import etree
from pdftools import MM, TextRun, Word, text_runs, word_size, words

from kazthesis.model import Document
from kazthesis.pipeline import build_document
from kazthesis.problems import Problems

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_PT = 20
SINGLE_LINE = 1.15  # Word's single line of Times New Roman (and of its metric twin), em

INTRODUCTION = """# КІРІСПЕ {.unnumbered}

Парақтың өлшемдері екі нұсқада бірдей болуы тиіс: шеттер, жол аралығы, азат жол, сілтемелер мен
кестелердің әрпі бір жерде есептеледі де, PDF пен Word құжаты сол мәндерді оқиды [@nazarbayev1996, 25].
Бұл абзац бірнеше жолға созылады, сондықтан оның бірінші жолының шегінісі мен келесі жолдардың сол
жақ шеті өлшенеді, ал толық жолдардың оң жақ шеті беттің оң жақ шетін көрсетеді. Мәтін ұзағырақ болсын
деп тағы бір сөйлем қосылады: әр жолдың ені бірдей, тек соңғы жол ғана қысқа қалады[^g].

[^g]: Сілтеменің әрпі негізгі мәтіннен екі пунктке кіші, жол аралығы бір жол. Ол мәтіннен қысқа
сызықпен бөлінеді де, беттің ең төменгі жолдарында тұрады; сондықтан оның соңғы жолы беттің төменгі
шетін көрсетеді.
"""
# Digits are half an em wide in Times New Roman: cells this long fit the page only in the narrow step
# (six columns) or the tiny one (seven), at either body size.
NARROW_DIGITS = {12: 12, 14: 10}
TINY_DIGITS = 12


def _tables(size: int) -> str:
    def table(caption: str, ident: str, cells: list[str]) -> str:
        head = "| " + " | ".join("Б" for _ in cells) + " |\n|" + "---|" * len(cells) + "\n"
        return f": {caption} {{#{ident}}}\n\n{head}| " + " | ".join(cells) + " |\n\n"

    return ("# Кестелер\n\n" + table("Қалыпты кесте", "tbl:plain", ["1111", "2222"])
            + table("Тар кесте", "tbl:narrow", ["3" * NARROW_DIGITS[size]] * 6)
            + table("Ұсақ кесте", "tbl:tiny", ["5" * TINY_DIGITS] * 7))


@dataclass
class Sized:
    """One project at one body size, sized as PDF and as .docx."""

    size: int
    pdf: Path
    docx: Path
    document: Document

    def xml(self, name: str) -> etree._Element:
        with zipfile.ZipFile(self.docx) as package:
            return etree.fromstring(package.read(name))

    def style(self, ident: str) -> etree._Element:
        return self.xml("word/styles.xml").find(f"{{{W}}}style[@{{{W}}}styleId='{ident}']")

    def word(self, text: str) -> tuple[Word, TextRun]:
        """The first word of the PDF that starts with ``text``, and the text run it is set in."""
        word = next(w for w in words(self.pdf) if w.text.startswith(text))
        return word, word_size(word, text_runs(self.pdf, word.page))

    def lines(self, first: str, count: int) -> list[tuple[Word, TextRun]]:
        """The first word of each of ``count`` lines from the one that starts with ``first``."""
        every = words(self.pdf)
        start = next(n for n, w in enumerate(every) if w.text.startswith(first))
        page = every[start].page
        runs = text_runs(self.pdf, page)
        found: list[tuple[Word, TextRun]] = []
        for word in every[start:]:
            if word.page == page and (not found or word.y0 > found[-1][0].y1):
                found.append((word, word_size(word, runs)))
        return found[:count]


def _w(element: etree._Element, path: str, attribute: str) -> str:
    found = element.find(path.replace("w:", f"{{{W}}}"))
    assert found is not None, path
    return found.get(f"{{{W}}}{attribute}")


@pytest.fixture(scope="module", params=[12, 14], ids=["12pt", "14pt"])
def sized(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Sized:
    size = request.param
    project = copy_project("small", tmp_path_factory.mktemp(f"geometry-{size}"))
    shutil.rmtree(project / "content")
    (project / "content").mkdir()
    (project / "content" / "01-kirispe.md").write_text(INTRODUCTION, encoding="utf-8")
    (project / "content" / "02-kesteler.md").write_text(_tables(size), encoding="utf-8")
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + f"\n[layout]\nfont_size = {size}\n", encoding="utf-8")
    for command in ([], ["docx"]):
        result = run_cli(*command, project)
        assert result.status == 0, result.err
    problems = Problems(root=project)
    document = build_document(project, problems)
    assert [table.step for table in document.tables] == ["", "narrow", "tiny"], "the test needs each step"
    return Sized(size, project / "output" / "thesis.pdf", project / "output" / "thesis.docx", document)


def test_footnotes_are_two_points_below_the_body_in_both(sized: Sized) -> None:
    _, note = sized.word("Сілтеменің")
    _, body = sized.word("Парақтың")
    word_size = int(_w(sized.style("FootnoteText"), "w:rPr/w:sz", "val")) / 2
    assert body.size == pytest.approx(sized.size, abs=0.01)
    assert note.size == pytest.approx(word_size, abs=0.01)
    assert word_size == sized.size - 2


def test_margins_are_the_same_in_both(sized: Sized) -> None:
    margins = {side: int(_w(sized.xml("word/document.xml"), "w:body/w:sectPr/w:pgMar", side)) / TWIPS_PER_PT / MM
               for side in ("left", "right", "top", "bottom")}
    layout = sized.document.config.layout
    assert margins == pytest.approx({side: layout[f"margin_{side}"] for side in margins}, abs=0.01)
    page_width, page_height = 210 * MM, 297 * MM
    lines = sized.lines("Парақтың", 4)
    # The lines after the first start at the left margin; the full (justified) ones end at the right margin.
    assert lines[1][1].x / MM == pytest.approx(margins["left"], abs=0.05)
    full = [w for w in words(sized.pdf) if w.page == lines[0][0].page and lines[0][0].y0 <= w.y0 <= lines[2][0].y0]
    assert (page_width - max(w.x1 for w in full)) / MM == pytest.approx(margins["right"], abs=0.15)
    # The top of the page's first line box (the heading above the paragraph) is the top margin.
    pitch = lines[1][1].baseline - lines[0][1].baseline
    heading = min(text_runs(sized.pdf, lines[0][0].page), key=lambda run: run.baseline)
    half_leading = (pitch - (heading.ascent + heading.descent) * heading.size) / 2
    top = heading.baseline - heading.ascent * heading.size - half_leading
    assert top / MM == pytest.approx(margins["top"], abs=0.05)
    # The footnotes stand at the foot of the text block: the bottom of their last line box is the bottom margin.
    note = sized.lines("Сілтеменің", 3)
    note = [line for line in note if line[1].size == note[0][1].size]  # not the page number under a short note
    assert len(note) >= 2, "the note must take two lines to show its line pitch"
    last = note[-1][1]
    note_pitch = note[1][1].baseline - note[0][1].baseline
    bottom = last.baseline + last.descent * last.size + (note_pitch - (last.ascent + last.descent) * last.size) / 2
    assert (page_height - bottom) / MM == pytest.approx(margins["bottom"], abs=0.05)


def test_first_line_indent_and_line_spacing_are_the_same_in_both(sized: Sized) -> None:
    normal = sized.style("Normal")
    indent = int(_w(normal, "w:pPr/w:ind", "firstLine")) / TWIPS_PER_PT
    spacing = int(_w(normal, "w:pPr/w:spacing", "line")) / 240  # Word's lines
    first, second = sized.lines("Парақтың", 2)
    assert first[1].x - second[1].x == pytest.approx(indent, abs=0.05)
    assert indent / MM / 10 == pytest.approx(sized.document.config.layout["indent"], abs=0.002)
    assert second[1].baseline - first[1].baseline == pytest.approx(spacing * SINGLE_LINE * sized.size, abs=0.01)


def test_table_type_sizes_are_the_same_in_both(sized: Sized) -> None:
    body = sized.xml("word/document.xml").find(f"{{{W}}}body")
    sizes = []
    for caption, cell in (("Қалыпты кесте", "1111"), ("Тар кесте", "3333"), ("Ұсақ кесте", "5555")):
        paragraph = next(p for p in body.iter(f"{{{W}}}p") if caption in "".join(p.itertext()))
        table = paragraph.getnext()
        assert table.tag == f"{{{W}}}tbl"
        run = next(r for r in table.iter(f"{{{W}}}r") if "".join(r.itertext()).startswith(cell))
        size = run.find(f"{{{W}}}rPr/{{{W}}}sz")
        word_size = int(size.get(f"{{{W}}}val")) / 2 if size is not None else sized.size  # none: the body's
        _, pdf_run = sized.word(cell)
        assert pdf_run.size == pytest.approx(word_size, abs=0.01), caption
        sizes.append(word_size)
    assert sizes[0] == sized.size > sizes[1] > sizes[2]
    assert all(size * 2 == int(size * 2) for size in sizes), "whole or half points, as Word holds them"


def test_a_stylesheet_from_before_the_geometry_is_named_with_what_to_do(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    (project / "templates").mkdir()
    (project / "templates" / "thesis.css").write_text("html {\n  font-size: {{ layout.font_size }}pt;\n}\n",
                                                      encoding="utf-8")
    result = run_cli(project)
    assert result.status == 1
    assert ("templates/thesis.css:2: error: template error: 'layout' is undefined — this is wrong — the "
            "stylesheet's sizes are now geometry.margin_top") in result.err
    assert "Traceback" not in result.err
