"""Annotations with their statistics lines, and the terms page, in the faculty fixture's PDF.

The fixture (tests/fixtures/faculty) is a small Russian diploma with three annotations (kk, ru, en) whose
statistics lines count the built PDF, and [terms] and [abbreviations] pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from conftest import Built, copy_project, line_of, run_cli, squash
from pdftools import contents_entries, outline, page_number_drawn

from kazthesis.lang import wording
from kazthesis.pdf.html import Piece
from kazthesis.pdf.weasy import LaidOut
from kazthesis.pipeline import build_document
from kazthesis.problems import Problems

STATISTICS = {
    "kk": r"Дипломдық жұмыс (\d+) б\., (\d+) сурет, (\d+) кесте, (\d+) дереккөз, (\d+) қосымша\.",
    "ru": r"Дипломная работа (\d+) с\., (\d+) рис\., (\d+) табл\., (\d+) источн\., (\d+) прил\.",
    "en": r"Diploma thesis (\d+) p\., (\d+) figures?, (\d+) tables?, (\d+) sources?, (\d+) appendix(?:es)?\.",
}
TITLES = {"kk": "АҢДАТПА", "ru": "АННОТАЦИЯ", "en": "ANNOTATION"}


def test_each_statistics_line_counts_the_built_pdf_in_its_own_language(faculty_build: Built) -> None:
    with pikepdf.open(faculty_build.pdf.path) as pdf:
        total = len(pdf.pages)
    document = faculty_build.document
    expected = (total, len(document.figures), len(document.tables), len(document.references),
                len(document.appendices))
    assert expected[1:] == (1, 1, 5, 1)  # what the fixture holds
    for language, pattern in STATISTICS.items():
        page = faculty_build.page_with(TITLES[language])
        match = re.search(pattern, re.sub(r"\s+", " ", faculty_build.page_text(page)))
        assert match, f"no {language} statistics line on page {page}: {faculty_build.page_text(page)}"
        assert tuple(int(n) for n in match.groups()) == expected, (language, match.group(0))


def test_annotations_come_before_the_contents_in_the_order_written_each_on_its_own_page(faculty_build: Built) -> None:
    pages = [faculty_build.page_with(TITLES[language]) for language in ("kk", "ru", "en")]
    contents = faculty_build.page_with("СОДЕРЖАНИЕ")
    assert pages == [4, 5, 6] and contents == 7, (pages, contents)  # after the title form and the 2-page insert
    for page, title in zip(pages, TITLES.values(), strict=True):
        first = next(line for line in faculty_build.page_text(page).splitlines() if line.strip())
        assert first.strip() == title
        assert page_number_drawn(faculty_build.words, page), f"annotation page {page} is numbered"
    listed = [text for text, _ in contents_entries(faculty_build.pdf.pages[contents - 1])]
    assert not any(title in text for text in listed for title in TITLES.values())
    marks = [title for _, title in outline(faculty_build.pdf.path)]
    assert marks[:4] == [*TITLES.values(), "СОДЕРЖАНИЕ"]


def test_annotation_language_from_its_title_or_lang(tmp_path: Path) -> None:
    assert wording.abstract_language("АҢДАТПА", "ru") == "kk"
    assert wording.abstract_language("Аннотация", "kk") == "ru"
    assert wording.abstract_language("Abstract", "kk") == "en"
    assert wording.abstract_language("Түйін", "en") == "kk"  # by its letters
    assert wording.abstract_language("…", "ru") == "ru"
    project = copy_project("faculty", tmp_path)
    annotations = project / "content" / "00-annotacii.md"
    annotations.write_text(annotations.read_text(encoding="utf-8").replace("# ANNOTATION {.abstract}",
                                                                            "# SUMMARY {.abstract lang=kk}"),
                           encoding="utf-8")
    document = build_document(project, Problems(root=project))
    assert [part.heading.language for part in document.abstracts] == ["kk", "ru", "kk"]


def test_statistics_strings_in_each_language() -> None:
    assert wording.statistics_text("ru", "coursework", 3, 2, 20, 1).replace("\u00a0", " ") == (
        "Курсовая работа {pages} с., 3 рис., 2 табл., 20 источн., 1 прил.")
    assert wording.statistics_text("kk", "coursework", 3, 2, 20, 1).replace("\u00a0", " ") == (
        "Курстық жұмыс {pages} б., 3 сурет, 2 кесте, 20 дереккөз, 1 қосымша.")
    assert wording.statistics_text("en", "master", 1, 0, 21, 2).replace("\u00a0", " ") == (
        "Master's thesis {pages} p., 1 figure, 21 sources, 2 appendices.")  # a count of 0 is left out


def test_statistics_outside_an_annotation_is_reported(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    chapter = project / "content" / "04-zaklyuchenie.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n[statistics]\n", encoding="utf-8")
    result = run_cli("check", project)
    line = line_of(chapter, "[statistics]")
    assert f"content/04-zaklyuchenie.md:{line}: warning: [statistics] is filled in only inside an annotation" \
        in result.err


def test_statistics_settle_when_the_count_changes_an_annotation_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """A count that gains a digit (99 → 100) can make the annotation a page longer: laid out again until the
    count it prints is the count of pages."""
    import kazthesis.pdf.build as pdf

    def fake_pages(html: str, body: int) -> int:
        if html.startswith("abstract:"):
            return 2 if int(html.split(":")[1]) >= 100 else 1
        return body if html == "part" else 1

    for body, expected in ((96, 100), (95, 98)):
        class Book:
            printed = 999

            def has_statistics(self) -> bool:
                return True

            def abstract_pieces(self, total: int) -> list[Piece]:
                self.printed = total
                return [Piece("abstract-1", f"abstract:{total}")]

            def contents(self, pages: dict) -> Piece:
                return Piece("contents", "contents")

        def lay_out_all(jobs: list, cache: object, body: int = body) -> tuple[dict, int]:
            return {job.name: LaidOut(job.name, job.html, b"", [(595, 842)] * fake_pages(job.html, body), {}, [])
                    for job in jobs}, len(jobs)

        monkeypatch.setattr(pdf, "_lay_out_all", lay_out_all)
        pieces = [Piece("title", "title"), Piece("abstract-1", "abstract:999"), Piece("contents", "contents"),
                  Piece("part-1", "part")]
        laid_out, _ = lay_out_all([pdf.Job(p.name, p.html, "", Path(), ()) for p in pieces], None)
        book = Book()
        pdf._settle_statistics(book, pieces, laid_out, lambda p: pdf.Job(p.name, p.html, "", Path(), ()),
                               pdf.LayoutCache(), 0)
        total = sum(laid_out[p.name].pages for p in pieces)
        assert book.printed == total == expected


# --- the terms page -----------------------------------------------------------------------------------------


def test_terms_page_after_the_contents_before_the_abbreviations_and_listed(faculty_build: Built) -> None:
    terms = faculty_build.page_with("ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ", faculty_build.page_with("СОДЕРЖАНИЕ") + 1)
    assert faculty_build.page_with("ПЕРЕЧЕНЬ СОКРАЩЕНИЙ И ОБОЗНАЧЕНИЙ", terms + 1) == terms + 1
    text = squash(faculty_build.page_text(terms))
    assert squash("В настоящей работе применяют следующие термины с соответствующими определениями:") in text
    assert squash("Веб-сервис – программная система, доступная по сети") in text
    entries = contents_entries(faculty_build.pdf.pages[faculty_build.page_with("СОДЕРЖАНИЕ") - 1])
    assert entries[0] == ("ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ", terms)
    assert (wording.text("kk", "terms"), wording.text("en", "terms")) == ("ТЕРМИНДЕР МЕН АНЫҚТАМАЛАР",
                                                                        "TERMS AND DEFINITIONS")
