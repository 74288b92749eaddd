"""The faculty fixture's .docx: annotations, inserted forms (as placeholders), terms and listings in the PDF's
order; Word counts its own pages in the statistics lines."""

from __future__ import annotations

import re

import pytest
from conftest import Built
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def docx_xml(faculty_build: Built) -> etree._Element:
    return faculty_build.docx.xml("word/document.xml")


def _paragraphs(xml: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in xml.iter(f"{W}p")]


def test_docx_holds_each_faculty_element_in_the_pdf_order(docx_xml: etree._Element) -> None:
    texts = [t.replace("\u00a0", " ") for t in _paragraphs(docx_xml) if t.strip()]
    placeholder = "Вместо этой страницы вкладывается страница {} файла forms/{}"
    assert texts[:3] == [placeholder.format(1, "title.pdf"), placeholder.format(1, "zadanie.pdf"),
                         placeholder.format(2, "zadanie.pdf")]
    position = 3
    for text in ("АҢДАТПА", "АННОТАЦИЯ", "ANNOTATION", "СОДЕРЖАНИЕ", placeholder.format(1, "kalendar.pdf"),
                 "ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ", "ПЕРЕЧЕНЬ СОКРАЩЕНИЙ И ОБОЗНАЧЕНИЙ", "ВВЕДЕНИЕ"):
        position = texts.index(text, position)  # each after the one before (the contents' entries skipped)
    assert texts[-1] == placeholder.format(1, "otzyv.pdf")
    assert "Листинг 1 – Модели данных веб-сервиса" in texts and "Листинг А.1 – Схема базы данных" in texts
    assert "Веб-сервис – программная система, доступная по сети по протоколу HTTP и обменивающаяся с клиентами " \
           "данными в машиночитаемом формате" in texts
    # The page count is Word's NUMPAGES field, holding LibreOffice's count where it laid the file out.
    for title, start in (("АННОТАЦИЯ", r"Дипломная работа \d+ с\., 1 рис\., 1 табл\., 5 источн\., 1 прил\."),
                         ("АҢДАТПА", r"Дипломдық жұмыс \d+ б\., 1 сурет")):
        assert re.match(start, texts[texts.index(title) + 1]), texts[texts.index(title) + 1]


def test_docx_statistics_count_word_pages_and_listings_keep_their_lines(docx_xml: etree._Element) -> None:
    instructions = [t.text.strip() for t in docx_xml.iter(f"{W}instrText")]
    assert instructions.count("NUMPAGES") == 3  # one a statistics line: Word counts its own pages
    code = [p for p in docx_xml.iter(f"{W}p")
            if p.find(f"{W}pPr/{W}pStyle") is not None and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "SourceCode"]
    lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in code]
    assert "    name: str  # фамилия и инициалы" in lines  # a paragraph a line, indentation kept
    keyword = next(r for p in code for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")) == "def")
    assert keyword.find(f"{W}rPr/{W}b") is not None
    comment = next(r for p in code for r in p.iter(f"{W}r")
                   if "".join(t.text or "" for t in r.iter(f"{W}t")).startswith("# минимальный"))
    assert comment.find(f"{W}rPr/{W}color").get(f"{W}val") == "6E6E6E" and comment.find(f"{W}rPr/{W}i") is not None
