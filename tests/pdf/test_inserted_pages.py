"""Pages from other PDFs (the faculty's title page and forms) inserted where thesis.toml asks, in the real PDF.

The faculty fixture's forms are PDFs that tests/pdfforms.py made: a title page, a task sheet of two
pages, a calendar plan and a supervisor's review.
"""

from __future__ import annotations

import re

import pikepdf
from conftest import FIXTURES, Built, squash
from pdfforms import FORMS
from pdftools import contents_entries, outline, page_number_drawn


def test_inserted_pages_sit_where_asked_and_show_no_number_of_ours(faculty_build: Built) -> None:
    last = len(faculty_build.pdf.pages)
    where = {"SIGNED TITLE FORM": 1, "ASSIGNMENT SHEET page one": 2, "ASSIGNMENT SHEET page two": 3,
             "CALENDAR PLAN": faculty_build.page_with("СОДЕРЖАНИЕ") + 1, "SUPERVISOR REVIEW": last}
    for text, page in where.items():
        assert squash(text) in squash(faculty_build.pdf.pages[page - 1]), f"{text!r} is not on page {page}"
        assert not page_number_drawn(faculty_build.words, page), f"inserted page {page} got a page number"
    assert "аль-Фараби" not in faculty_build.pdf.pages[0], "the generated title page was replaced"
    for page in range(1, last + 1):
        if page not in where.values():
            assert page_number_drawn(faculty_build.words, page), f"page {page} shows no number"
    assert faculty_build.page_with("ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ", where["CALENDAR PLAN"]) == where["CALENDAR PLAN"] + 1


def test_contents_page_numbers_still_equal_the_heading_pages(faculty_build: Built) -> None:
    contents = faculty_build.page_with("СОДЕРЖАНИЕ")
    entries = contents_entries(faculty_build.pdf.pages[contents - 1])
    assert len(entries) == 11
    start = contents + 1
    for text, page in entries:
        needle = re.sub(r"\s+", "", text)
        found = next(n for n in range(start, len(faculty_build.pdf.pages) + 1)
                     if needle in re.sub(r"[\s\u00ad]+", "", faculty_build.pdf.pages[n - 1]))
        assert found == page, f"contents says {text!r} is on page {page}, the heading is on page {found}"
        start = found
    marks = dict((title, page) for page, title in outline(faculty_build.pdf.path))
    assert marks["ВВЕДЕНИЕ"] == faculty_build.page_with("ВВЕДЕНИЕ", contents + 1)


def test_metadata_is_the_thesis_own_not_the_forms(faculty_build: Built) -> None:
    with pikepdf.open(faculty_build.pdf.path) as pdf:
        assert str(pdf.docinfo["/Title"]) == "Разработка веб-сервиса учёта успеваемости студентов"
        assert str(pdf.Root.Lang) == "ru"


def test_forms_fixture_is_what_pdfforms_makes() -> None:
    """The committed forms are the ones tests/pdfforms.py writes (run it after changing FORMS)."""
    folder = FIXTURES / "faculty" / "forms"
    for name, pages in FORMS.items():
        with pikepdf.open(folder / name) as pdf:
            assert len(pdf.pages) == len(pages), name
