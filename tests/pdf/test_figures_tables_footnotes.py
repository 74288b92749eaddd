"""Figures, tables, cross-references, footnotes, appendices and abbreviations in the real PDF."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import copy_project, read_pdf, run_cli, squash
from pdftools import MM, words

TEXT_LEFT = 30 * MM
TEXT_CENTRE = (30 + (210 - 15)) / 2 * MM


def _line_words(pdf_path: Path, prefix: str):
    """The words of the first line whose text starts with ``prefix``."""
    all_words = words(pdf_path)
    for start in all_words:
        line = [w for w in all_words if w.page == start.page and abs(w.y0 - start.y0) < 2]
        line.sort(key=lambda w: w.x0)
        if line[0] is start and " ".join(w.text for w in line).replace("\u00a0", " ").startswith(prefix):
            return line
    raise AssertionError(f"no line starts with {prefix!r}")


def test_figure_caption_below_the_image_centred(small_build) -> None:
    _, _, pdf = small_build
    line = _line_words(pdf.path, "1-сурет – Екі ел")
    centre = (min(w.x0 for w in line) + max(w.x1 for w in line)) / 2
    assert abs(centre - TEXT_CENTRE) < 3, "the figure caption is centred"
    assert " ".join(w.text for w in line).startswith("1-сурет – Екі ел")


def test_table_caption_above_the_table_flush_left(small_build) -> None:
    _, _, pdf = small_build
    line = _line_words(pdf.path, "1-кесте – Тауар")
    assert abs(line[0].x0 - TEXT_LEFT) < 1, "the table caption starts at the left margin"
    header = next(w for w in words(pdf.path) if w.text == "Жыл")
    assert header.page == line[0].page and header.y0 > line[0].y0, "the caption is above the table"


def test_cross_references_print_numbers(small_build) -> None:
    _, _, pdf = small_build
    text = squash("".join(pdf.pages))
    assert squash("1.2 бөлімінде айтылады") in text
    assert squash("Диаграмма 1-сурет көрсетілген, ал деректер 1-кесте берілген") in text


def test_footnote_lands_on_the_page_of_its_call(small_build) -> None:
    _, _, pdf = small_build
    call_page = pdf.page_of("бөліміндеайтылады")
    note_page = pdf.page_of("Бұл–сілтемемәтіні")
    assert call_page is not None and call_page == note_page


def test_appendix_heading_letter_and_item_numbers(small_build) -> None:
    _, _, pdf = small_build
    page = pdf.page_of("ҚОСЫМШААХронология", start=3)
    assert page is not None
    first_lines = [line.strip() for line in pdf.pages[page - 1].splitlines() if line.strip()][:2]
    assert first_lines == ["ҚОСЫМША А", "Хронология"]
    assert "А.1-кесте – Негізгі оқиғалар" in pdf.pages[page - 1].replace("\u00a0", " ")


def test_long_table_repeats_header_with_continuation_label(small_build) -> None:
    _, _, pdf = small_build
    first = pdf.page_of("А.1-кесте–Негізгіоқиғалар")
    continued = [n for n in range(first + 1, len(pdf.pages) + 1) if "А.1-кестенің жалғасы" in pdf.pages[n - 1]]
    assert continued, "the long appendix table runs on with a continuation label"
    for n in continued:
        lines = [line.strip() for line in pdf.pages[n - 1].splitlines() if line.strip()]
        assert lines[0] == "А.1-кестенің жалғасы", f"page {n} opens with the label"
        assert lines[1].split() == ["Күні", "Оқиға"], f"page {n} repeats the header row"
    assert "жалғасы" not in pdf.pages[first - 1]


def test_abbreviations_page_in_kazakh_alphabet_order(small_build) -> None:
    _, _, pdf = small_build
    page = pdf.page_of("БЕЛГІЛЕУЛЕРМЕНҚЫСҚАРТУЛАР", start=3)
    abbreviations = re.findall(r"^\s*(\S+)\s+–", pdf.pages[page - 1], re.M)
    assert abbreviations == ["АҚШ", "ӘЕК", "ТМД"]


def test_per_chapter_numbering(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[layout]\nnumbering = "per-chapter"\n',
                      encoding="utf-8")
    assert run_cli(project).status == 0
    text = squash("".join(read_pdf(project / "output" / "thesis.pdf").pages))
    assert squash("1.1-сурет – Екі ел") in text and squash("1.1-кесте – Тауар айналымы") in text
    assert squash("А.1-кесте – Негізгі оқиғалар") in text


def test_russian_and_english_fixed_strings(tmp_path: Path) -> None:
    for language, contents, figure, references in (("ru", "СОДЕРЖАНИЕ", "Рисунок 1 –", "СПИСОК ИСПОЛЬЗОВАННЫХ"),
                                                   ("en", "CONTENTS", "Figure 1 –", "REFERENCES")):
        project = copy_project("small", tmp_path / language)
        config = project / "thesis.toml"
        config.write_text(config.read_text(encoding="utf-8").replace('language = "kk"', f'language = "{language}"'),
                          encoding="utf-8")
        assert run_cli(project).status == 0
        pdf = read_pdf(project / "output" / "thesis.pdf")
        text = "".join(pdf.pages).replace("\u00a0", " ")
        assert contents in pdf.pages[1] and figure in text and references in text


def test_png_and_jpeg_figures(tmp_path: Path) -> None:
    import subprocess

    from PIL import Image

    project = copy_project("small", tmp_path)
    Image.new("RGB", (300, 150), "steelblue").save(project / "images" / "photo.png")
    Image.new("RGB", (300, 150), "darkred").save(project / "images" / "photo.jpg")
    chapter = project / "content" / "02-tarau-1.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n![Көк сурет](images/photo.png){#fig:png}\n\n"
                       "![Қызыл сурет](images/photo.jpg){#fig:jpg}\n\nСуреттер: @fig:png, @fig:jpg.\n",
                       encoding="utf-8")
    result = run_cli(project)
    assert result.status == 0, result.err
    pdf = read_pdf(project / "output" / "thesis.pdf")
    text = squash("".join(pdf.pages))
    assert squash("2-сурет – Көк сурет") in text and squash("3-сурет – Қызыл сурет") in text
    assert squash("Суреттер: 2-сурет, 3-сурет.") in text
    listing = subprocess.run(["pdfimages", "-list", str(pdf.path)], capture_output=True, text=True).stdout
    assert len(listing.strip().splitlines()) - 2 >= 2, listing
