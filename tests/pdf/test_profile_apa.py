"""The apa-7-student layout profile, read from the built PDF: APA 7's student paper as the APA Style website
describes it ("Margins", "Line spacing", "Font", "Paragraph alignment and indentation", "Page header",
"Headings", "Student title page", "Reference list") — and the GOST profiles untouched by it.

The project is the English sample `kazthesis new --lang en` makes, with `profile = "apa-7-student"`, the
student title page's fields, and a section that uses heading levels 3 to 5.
"""

from __future__ import annotations

import html
import re
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from apa_project import make_apa_project
from conftest import run_cli
from pdftools import MM, strokes, words

INCH = 72.0
A4 = (595.28, 841.89)
@pytest.fixture(scope="module")
def apa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_apa_project(tmp_path_factory.mktemp("apa") / "paper")
    run = run_cli("build", project)
    assert run.status == 0, run.err
    return project / "output" / "thesis.pdf"


@dataclass(frozen=True)
class Chunk:
    """A run of text as pdftohtml reads it: box in points (origin top left), bold, italic."""

    page: int
    top: float
    left: float
    width: float
    text: str
    bold: bool
    italic: bool


def chunks(path: Path) -> list[Chunk]:
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-zoom", "1", str(path)], capture_output=True,
                         text=True, check=True).stdout
    found = []
    for number, page in enumerate(re.split(r"<page ", xml)[1:], 1):
        for m in re.finditer(r'<text top="([\d.]+)" left="([\d.]+)" width="([\d.]+)" height="[\d.]+" '
                             r'font="\d+">(.*?)</text>', page):
            inner = m.group(4)
            text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
            found.append(Chunk(number, float(m.group(1)), float(m.group(2)), float(m.group(3)), text,
                               "<b>" in inner, "<i>" in inner))
    return found


def find(every: list[Chunk], text: str) -> Chunk:
    return next(chunk for chunk in every if chunk.text.startswith(text))


def page_text(path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_the_text_has_one_inch_margins_double_spacing_and_ragged_right_lines(apa: Path) -> None:
    body = [w for w in words(apa) if w.page > 2 and INCH < w.y0 < A4[1] - INCH]
    assert min(w.x0 for w in body) == pytest.approx(INCH, abs=0.6)  # 25.4 mm on the left …
    assert max(w.x1 for w in body) <= A4[0] - INCH + 0.5  # … and on the right
    lines: dict[tuple[int, float], list] = {}
    for w in body:
        lines.setdefault((w.page, round(w.y1, 1)), []).append(w)
    page = min(p for p, _ in lines if p > 2)
    baselines = sorted(y for p, y in lines if p == page)
    steps = [b - a for a, b in zip(baselines, baselines[1:], strict=False)]
    # Double spacing: two of Word's single lines of 12-point Times New Roman (1.15 em) apart.
    assert statistics.median(steps) == pytest.approx(2 * 1.15 * 12, abs=0.2)
    ends = [max(w.x1 for w in line) for line in lines.values() if len(line) > 4]
    assert statistics.pstdev(ends) > 10  # ragged right: not justified to one edge
    # No word is broken at a line's end: a line ends in a hyphen only where the word has one.
    written = " ".join(p.read_text(encoding="utf-8") for p in (apa.parent.parent / "content").glob("*.md"))
    for page_number in range(3, 8):
        shown = page_text(apa, page_number)
        assert "\u00ad" not in shown
        for before, after in re.findall(r"(\w+)-\n\s*(\w+)", shown):
            assert f"{before}-{after}" in written


def test_the_page_number_is_at_the_top_right_of_every_page_from_the_title_page_on(apa: Path) -> None:
    every = words(apa)
    pages = max(w.page for w in every)
    for page in range(1, pages + 1):
        number = [w for w in every if w.page == page and w.text == str(page) and w.y1 < INCH]
        assert number, f"page {page} shows no number in its top margin"
        assert number[0].x1 == pytest.approx(A4[0] - INCH, abs=0.8)  # ending at the right margin


def test_the_stamped_number_stands_where_the_stylesheet_s_own_page_box_puts_it(apa: Path, tmp_path: Path) -> None:
    """output/thesis.html draws the numbers with CSS (@top-right); the PDF's are stamped after layout at the
    geometry's place: the two agree."""
    import weasyprint

    css_drawn = tmp_path / "css.pdf"
    weasyprint.HTML(filename=str(apa.parent / "thesis.html")).write_pdf(css_drawn)
    for page in (1, 3):
        stamped = next(w for w in words(apa) if w.page == page and w.text == str(page) and w.y1 < INCH)
        drawn = next(w for w in words(css_drawn) if w.page == page and w.text == str(page) and w.y1 < INCH)
        assert (stamped.x0, stamped.y0) == pytest.approx((drawn.x0, drawn.y0), abs=0.3)


def test_the_student_title_page_has_apa_s_lines_in_order(apa: Path) -> None:
    title_page = [c for c in chunks(apa) if c.page == 1 and c.top > INCH]
    texts = [c.text.replace("\u00a0", " ") for c in title_page]
    assert texts[0].startswith("Kazakhstan’s Renunciation of Nuclear Weapons")
    assert all(c.bold for c in title_page[:2]) and not any(c.bold for c in title_page[2:])  # the title, bold
    assert texts[2:] == ["A. Student", "Department of International Relations, Sample University",
                         "IR 301: Foreign Policy of Kazakhstan", "Dr. A. Instructor", "May 4, 2026"]
    for chunk in title_page:  # every line centred
        assert chunk.left + chunk.width / 2 == pytest.approx(A4[0] / 2, abs=2)
    # Three blank double-spaced lines above the title (its text half a line's leading down its own line), one
    # between it and the author.
    line = 2 * 1.15 * 12
    assert title_page[0].top - INCH == pytest.approx(3 * line + (line - 1.15 * 12) / 2, abs=2)
    assert title_page[2].top - title_page[1].top == pytest.approx(2 * line, abs=1)
    assert title_page[-1].top < A4[1] / 2  # in the upper half of the page


def test_the_headings_take_apa_s_five_forms(apa: Path) -> None:
    every = chunks(apa)
    centre = A4[0] / 2
    first = find(every, "The Nuclear Legacy and the Decision to Give It Up")  # level 1: centred, bold, as written
    assert first.bold and not first.italic and first.left + first.width / 2 == pytest.approx(centre, abs=2)
    assert not re.search(r"^\s*\d", page_text(apa, first.page).split("The Nuclear Legacy")[0].splitlines()[-1])
    second = find(every, "The Closure of the Semipalatinsk Test Site")  # level 2: flush left, bold
    assert second.bold and not second.italic and second.left == pytest.approx(INCH, abs=0.5)
    third = find(every, "Levels Below the Section")  # level 3: flush left, bold italic
    assert third.bold and third.italic and third.left == pytest.approx(INCH, abs=0.5)
    fourth = find(every, "A level-four heading.")  # level 4: indented, bold, a full stop, the text runs on
    indent = 1.27 * 10 * MM
    assert fourth.bold and not fourth.italic and fourth.left == pytest.approx(INCH + indent, abs=0.5)
    text = next(c for c in every if c.page == fourth.page and c.top == fourth.top and c is not fourth)
    assert text.text.startswith("The text of this paragraph") and not text.bold
    fifth = find(every, "A level-five heading?")  # level 5: the same in bold italic; its own ? kept, no full stop
    assert fifth.bold and fifth.italic and fifth.left == pytest.approx(INCH + indent, abs=0.5)
    assert page_text(apa, first.page).count("Kazakhstan’s Renunciation") == 0 or first.page > 2


def test_the_text_starts_under_the_paper_s_title_and_no_contents_page_comes_before_it(apa: Path) -> None:
    every = chunks(apa)
    titles = [c for c in every if c.text.startswith("Kazakhstan’s Renunciation of Nuclear Weapons")]
    assert [c.page for c in titles] == [1, 3]  # the title page, then the first page of text (after the abbreviations)
    assert titles[1].bold and titles[1].left + titles[1].width / 2 == pytest.approx(A4[0] / 2, abs=2)
    assert not any(c.text.upper() == "CONTENTS" for c in every)


def test_references_start_a_page_centred_and_bold_with_hanging_double_spaced_entries(apa: Path) -> None:
    every = chunks(apa)
    label = next(c for c in every if c.text == "References")
    assert label.bold and label.left + label.width / 2 == pytest.approx(A4[0] / 2, abs=2)
    assert label.top < INCH + 20  # the first line of its page
    entries = [c for c in every if c.page == label.page and c.top > label.top]
    starts = sorted({round(c.left, 1) for c in entries})
    indent = 1.27 * 10 * MM
    assert starts[:2] == pytest.approx([INCH, INCH + indent], abs=0.5)  # a hanging indent of 0.5 in
    first = next(c for c in entries if c.text.startswith("Budjeryn"))
    following = min((c for c in entries if c.top > first.top), key=lambda c: c.top)
    assert following.left == pytest.approx(INCH + indent, abs=0.5)
    assert following.top - first.top == pytest.approx(2 * 1.15 * 12, abs=1)  # double spaced


def _stacked_caption(every: list[Chunk], label: str, title: str) -> tuple[Chunk, Chunk]:
    """A caption as APA 7 sets it ("Figure setup", "Table setup"): the number alone on its line in bold, the
    title one double-spaced line under it in italics, both flush left at the margin."""
    number = [c for c in every if c.text.startswith(label) and c.bold]
    assert [c.text for c in number] == [label], f"{label} is not a bold line of its own"
    heading = find(every, title)
    assert heading.italic and not heading.bold and heading.page == number[0].page
    # One double-spaced line apart (the tops of a bold and an italic face, as pdftohtml rounds them).
    assert heading.top - number[0].top == pytest.approx(2 * 1.15 * 12, abs=1)
    assert number[0].left == pytest.approx(INCH, abs=0.5) and heading.left == pytest.approx(INCH, abs=0.5)
    return number[0], heading


def test_a_figure_s_number_and_title_stand_above_it(apa: Path) -> None:
    every = chunks(apa)
    number, title = _stacked_caption(every, "Figure 1", "The stages of Kazakhstan’s nuclear disarmament")
    drawn = [c for c in every if c.page == number.page and c.text in ("1991–1992", "1993–1995", "1995–2000")]
    assert len(drawn) == 3 and all(c.top > title.top + 12 for c in drawn)  # the picture's own words, under both
    assert not any(c.text.startswith("Figure 1 –") for c in every)  # no GOST caption under it


def test_a_table_has_its_number_and_title_above_it_and_horizontal_rules_only(apa: Path) -> None:
    every = chunks(apa)
    number, title = _stacked_caption(every, "Table 1", "The main results of cooperation between Kazakhstan")
    page = [c for c in every if c.page == number.page]
    head = next(c for c in page if c.text == "Year" and c.top > title.top)
    first, last = find(page, "1994"), find(page, "2000")
    lines = [line for line in strokes(apa, number.page) if title.top < line[1] < last.top + 30]
    assert lines, "the table draws no rules"
    assert all(line[1] == pytest.approx(line[3], abs=0.01) for line in lines), "a vertical rule is drawn"
    levels = sorted({round(line[1], 1) for line in lines})
    assert len(levels) == 3  # above the heads, under them, at the foot: no rule between body rows
    assert levels[0] < head.top < levels[1] < first.top and levels[2] > last.top + 5
    for level in levels:  # each rule runs the width of the text
        ruled = [line for line in lines if round(line[1], 1) == level]
        assert min(x for line in ruled for x in (line[0], line[2])) == pytest.approx(INCH, abs=0.5)
        assert max(x for line in ruled for x in (line[0], line[2])) == pytest.approx(A4[0] - INCH, abs=0.5)
    # The column heads in plain type, centred over their columns (WeasyPrint draws a rule a cell at a time: its
    # segments end at the columns' edge); the text cells flush left.
    edge = min(line[2] for line in lines if round(line[1], 1) == levels[0])
    result = next(c for c in page if c.text == "Result" and c.top == head.top)
    assert not head.bold and not result.bold
    assert head.left + head.width / 2 == pytest.approx((INCH + edge) / 2, abs=1)
    assert result.left + result.width / 2 == pytest.approx((edge + A4[0] - INCH) / 2, abs=1)
    cell = next(w for w in words(apa) if w.page == number.page and w.text == "More")
    assert 0 < cell.x0 - edge < 6


def test_a_gost_project_keeps_its_layout(tmp_path: Path) -> None:
    """The profile's forms are the GOST ones unless it is chosen: numbered chapters in capitals on new pages,
    the number centred at the foot, none on the title page, a contents page."""
    project = tmp_path / "gost"
    assert run_cli("new", project, "--lang", "en").status == 0
    chapter = project / "content" / "03-chapter-2.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n### Sub\n\nText.\n\n#### A level-four heading\n\nIts "
                       "text.\n", encoding="utf-8")
    assert run_cli("build", project).status == 0
    pdf = project / "output" / "thesis.pdf"
    every = words(pdf)
    assert not any(w.page == 1 and w.text == "1" for w in every)
    assert any(w.page == 3 and w.text == "3" and w.y0 > A4[1] - 20 * MM for w in every)
    assert "CONTENTS" in page_text(pdf, 2)
    levels = chunks(pdf)
    assert any(c.text.startswith("1 THE NUCLEAR LEGACY") for c in levels)
    assert any(c.text.endswith("A level-four heading") and c.bold for c in levels)  # a line of its own, no stop
    assert any(c.text == "2.2.1 Sub" for c in levels)
