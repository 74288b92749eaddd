"""Paragraphs set by total fit in the real build: every line where the plan put it, and the figures of #24.

The pieces are laid out as the build lays them out (kazthesis.pdf.weasy.passes: the hyphenation rules fixed
page by page, tables cut), and each line of a planned paragraph is compared with its plan
(kazthesis.pdf.weasy.total_fit.misplaced). The figures are read back from the built PDFs by
scripts/measure_lines.py, on whatever text the exemplar and the Russian fixture hold.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, copy_project, edit_file, run_cli

from kazthesis.pdf.html import HtmlBook
from kazthesis.pdf.weasy import passes, total_fit
from kazthesis.pdf.weasy.jobs import Job
from kazthesis.pdf.weasy.passes import lay_out
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems

sys.path.insert(0, str(REPO / "scripts"))
import measure_lines  # noqa: E402 - the measuring script, by path


def _laid_out(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[list]:
    """The page boxes of each body piece of a project, laid out as the build lays them out (the last layout
    of a piece: a piece whose table is cut is laid out again whole)."""
    document = prepare(root, Problems(root=root))
    book = HtmlBook(document)
    css = book.css(stamped=True)
    layouts: list = []

    def render(*args: object) -> object:
        layouts.append(original(*args))
        return layouts[-1]

    original = passes.render
    monkeypatch.setattr(passes, "render", render)
    pieces = []
    for piece in book.pieces():
        if piece.name.startswith(("part-", "appendix-", "references")):
            lay_out(Job(piece.name, book.page([piece], ""), css, root, (root.resolve(), REPO / "templates")))
            pieces.append(layouts[-1].raw_pages)
    return pieces


def _planned_lines(pages: list) -> int:
    return sum(1 for page in pages for line in total_fit._line_boxes(page, [])
               if total_fit._first_piece(line) is not None)


@pytest.mark.parametrize("root", [REPO, FIXTURES / "ru"], ids=["exemplar", "ru"])
def test_every_line_lands_where_the_plan_put_it(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pieces = _laid_out(root, monkeypatch)
    assert sum(_planned_lines(pages) for pages in pieces) > 100  # the paragraphs were planned
    for pages in pieces:
        assert total_fit.misplaced(pages) == []


def test_a_line_off_its_plan_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _laid_out(FIXTURES / "ru", monkeypatch)[0]
    line = next(line for page in pages for line in total_fit._line_boxes(page, [])
                if total_fit._first_piece(line) is not None and total_fit._first_piece(line).kazthesis_offset > 0)
    piece = total_fit._first_piece(line)
    plan = piece.kazthesis_plan
    planned = next(p for p in plan.lines if p.start == piece.kazthesis_offset)
    planned.start += 3  # as if WeasyPrint had broken the line three characters before the planned break
    assert len(total_fit.misplaced(pages)) == 1


UZBEK_PAGE = """
@online{ozinform2025visit,
  organization = {Kazinform},
  title        = {\\$17 млрд, Авраам келишувлари, Зангезур йўлаги: Президентнинг АҚШга ташрифи қандай ўтди},
  date         = {2025-11-07},
  url          = {https://oz.inform.kz/news/17-mlrd-avraam-kelishuvlari-zangezur-yulagi-prezidentning-akshga-tashrifi-kanday-utdi-678dd6/},
  urldate      = {2026-11-20},
  langid       = {uzbek},
}
"""


def test_an_entry_with_few_places_to_break_is_justified_line_by_line(tmp_path: Path) -> None:
    """The exemplar's Uzbek web page: no hyphenation rules for Uzbek, a long URL and a bound access date
    leave no set of breaks whose every line keeps within the tolerance unless the last line shrinks a
    little; the line breaker once left «Президентнинг» alone on a ragged line instead."""
    project = copy_project("small", tmp_path)
    (project / "references.bib").write_text((project / "references.bib").read_text(encoding="utf-8") + UZBEK_PAGE,
                                            encoding="utf-8")
    edit_file(project / "content" / "03-qorytyndy.md", "[@smith2023]", "[@smith2023; @ozinform2025visit]")
    result = run_cli(project)
    assert result.status == 0, result.err
    _, lines = measure_lines.measure(project / "output" / "thesis.pdf")
    first = next(n for n, line in enumerate(lines) if "Авраам" in line.text)
    last = next(n for n in range(first, len(lines)) if "20.11.2026)." in lines[n].text)
    right = max(line.right for line in lines)
    entry = lines[first:last + 1]
    assert len(entry) >= 3
    for line in entry[:-1]:
        assert len(line.words) > 1 and line.right > right - measure_lines.EDGE, [line.text for line in entry]


def test_the_exemplar_meets_the_targets_of_issue_24(exemplar_build) -> None:
    pdf = exemplar_build.pdf
    figures, lines = measure_lines.measure(pdf.path, measure_lines.body_pages(pdf.path, "kk"))
    assert figures.lines > 500
    assert figures.hyphenated_share <= 15.0, measure_lines.report(figures)
    assert figures.longest_run <= 3
    assert figures.fragment_endings == [], measure_lines.report(figures)
    assert figures.wide_share <= 2.0, measure_lines.report(figures)
    assert figures.widest < 3.0, measure_lines.report(figures)


def test_the_russian_fixture_keeps_the_hyphenation_rules_and_no_hole(ru_build) -> None:
    pdf = ru_build.pdf
    figures, _ = measure_lines.measure(pdf.path, measure_lines.body_pages(pdf.path, "ru"))
    assert figures.lines > 80
    assert figures.hyphenated_share <= 15.0, measure_lines.report(figures)
    assert figures.longest_run <= 3
    assert figures.widest < 3.0, measure_lines.report(figures)


def test_the_exemplars_table_cells_hold_no_broken_word(exemplar_build) -> None:
    """The words of each table (between its caption and the next paragraph, which starts at the indent)."""
    pdf = exemplar_build.pdf
    pages = [n for n, text in enumerate(pdf.pages, 1) if re.search(r"^\s*\d+-кесте –", text, re.M)]
    assert pages
    words = measure_lines.read_words(pdf.path)
    indent = prepare(REPO, Problems(root=REPO)).config.layout["indent"] * 72 / 2.54  # cm → pt
    broken, tables = [], 0
    for n in pages:
        caption = next(w for w in words[n] if re.fullmatch(r"\d+-кесте", w.text))
        left = min(w.x0 for w in words[n])
        indented = [w.top for w in words[n] if w.top > caption.bottom and abs(w.x0 - left - indent) < 1]
        end = min(indented, default=float("inf"))
        cells = [w for w in words[n] if caption.bottom < w.top < end]
        tables += bool(cells)
        broken += [w.text for w in cells if w.text.endswith("\u2010")]
    assert tables and broken == []


def test_a_column_gets_its_longest_whole_word_when_the_page_has_room() -> None:
    """One short column holding a long word beside a column of long sentences: shared in proportion to the
    sentences, the first column would be narrower than its word; it gets the word's width."""
    from kazthesis.model import Cell, Source, Table, Text
    from kazthesis.read.fonts import text_width
    from kazthesis.read.profiles import PROFILES
    from kazthesis.resolve.geometry import page_geometry, points
    from kazthesis.resolve.table_fit import fit_table

    long = "ынтымақтастығының негізгі бағыттары мен нәтижелерін тереңірек талдау қажет " * 6
    word = "ынтымақтастықтарының"
    table = Table([], [[Cell([Text("А")]), Cell([Text("Б")])]],
                  [[Cell([Text(word)]), Cell([Text(long)])] for _ in range(3)], Source(Path("x.md"), 1))
    layout = dict(PROFILES["gost-7.32-2017"])
    fit = fit_table(table, layout, "kk")
    geometry = page_geometry(layout)
    step = geometry.step(fit.step)
    width = points(geometry.page_width - geometry.margin_left - geometry.margin_right)
    padding = points(2 * step.padding) + geometry.rule
    assert fit.widths[0] * width >= text_width(word, geometry.font, step.size) + padding - 0.01
