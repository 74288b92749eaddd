"""The layout passes read and change a piece's HTML through a real tokenizer, in agreement with the box tree.

Withdrawn hyphens are made twice, in the HTML and in WeasyPrint's boxes; here both are made on the same
paragraph and the boxes WeasyPrint builds from the changed HTML must hold the same texts. A table is cut in
the exemplar's real HTML, and in HTML whose attributes are in another order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from kazthesis.pdf.html import HtmlBook
from kazthesis.pdf.weasy.boxes import paragraph_texts
from kazthesis.pdf.weasy.engine import render, shared_stylesheet
from kazthesis.pdf.weasy.fetcher import make_fetcher
from kazthesis.pdf.weasy.hyphen_rules import Fault, withdraw, withdraw_in_boxes
from kazthesis.pdf.weasy.markup import tags, text_edits
from kazthesis.pdf.weasy.tables import split_tables
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems

SH, WJ = "\u00ad", "\u2060"
WORD = f"Бі{SH}рін{SH}ші"  # "бірінші", with its soft hyphens


def test_tags_stand_where_the_tokenizer_found_them() -> None:
    html = '<!DOCTYPE html>\n<p data-p="1" title="a > b">x &amp; <em>y</em><br/>z</p>\n<style>p > em {}</style>'
    found = tags(html)
    assert [(t.name, t.closing) for t in found] == [("p", False), ("em", False), ("em", True), ("br", False),
                                                    ("p", True), ("style", False), ("style", True)]
    assert all(html[t.start] == "<" and html[t.end - 1] == ">" for t in found)
    assert html[found[0].start : found[0].end] == '<p data-p="1" title="a > b">'
    assert found[0].attrs == {"data-p": "1", "title": "a > b"}


def test_text_edits_are_paragraph_texts_only() -> None:
    old = '<p data-p="1">One <em>two</em><span class="footnote">note</span> three</p><p data-p="2">four</p>'
    assert text_edits(old, old.replace("three", "3")) == {"1": [(2, " three", " 3")]}
    assert text_edits(old, old.replace("four", "five &amp; six")) == {"2": [(0, "four", "five & six")]}
    assert text_edits(old, old.replace("note", "other")) is None  # a footnote's text: not the paragraph's
    assert text_edits(old, old.replace("<em>", '<em class="x">')) is None  # a tag changed
    assert text_edits(old, old.replace('data-p="2"', 'title="a>b" data-p="2"')) is None


def _boxes_after(html: str, fault: Fault, tmp_path: Path, css: str) -> tuple[list[str], list[str]]:
    """The paragraph's texts in WeasyPrint's boxes, withdrawn in the boxes, and built from the withdrawn HTML."""
    stylesheet, fonts = shared_stylesheet(css)
    base = tmp_path.as_uri() + "/"
    in_boxes = render(html, base, make_fetcher((tmp_path,), []), stylesheet, fonts)
    withdraw_in_boxes(in_boxes.root_box, {fault})
    from_html = render(withdraw(html, {fault}), base, make_fetcher((tmp_path,), []), stylesheet, fonts)
    return ([box.text for box in paragraph_texts(in_boxes.root_box, fault.paragraph)],
            [box.text for box in paragraph_texts(from_html.root_box, fault.paragraph)])


@pytest.mark.parametrize("occurrence", [1, 2])
def test_withdrawn_in_the_html_as_in_the_boxes_with_a_footnote_in_the_paragraph(occurrence: int,
                                                                                 tmp_path: Path) -> None:
    """A footnote's text is not in its paragraph's boxes (WeasyPrint moves it to the footnote area), so the
    word's occurrences are counted without it in the HTML too."""
    css = ".footnote { float: footnote; } p { hyphens: manual; }"
    html = (f'<html><body><p data-p="1">{WORD} сөз<span class="footnote">{WORD} ескерту</span> және '
            f"<em>{WORD}</em> сөз.</p></body></html>")
    fault = Fault("1", "Бірінші", occurrence, 0)
    in_boxes, from_html = _boxes_after(html, fault, tmp_path, css)
    assert in_boxes == from_html
    assert sum(WJ in text for text in from_html) == 1  # one occurrence withdrawn, in the paragraph's own text
    note = re.search(r'<span class="footnote">(.*?)</span>', withdraw(html, {fault})).group(1)  # type: ignore[union-attr]
    assert WJ not in note


def _exemplar_piece(name: str) -> str:
    document = prepare(REPO, Problems(root=REPO))
    book = HtmlBook(document)
    return next(book.page([piece], "") for piece in book.pieces() if piece.name == name)


def test_a_table_cut_in_the_exemplar_keeps_every_row_and_everything_around_it() -> None:
    html = _exemplar_piece("appendix-1")
    rows = re.findall(r'<tr data-table="А\.1" data-row="(\d+)">', html)
    assert len(rows) > 6
    cut = split_tables(html, {("А.1", 4), ("А.1", 7), ("1", 2)})  # table 1 is not in this piece
    assert re.findall(r'<tr data-table="А\.1" data-row="(\d+)">', cut) == rows
    block = re.search(r'<div class="table-block" data-table="А\.1".*?</table></div>', cut, re.S).group()  # type: ignore[union-attr]
    assert block.count("<table ") == 3 and block.count('class="table-continued"') == 2
    columns = len(re.findall(r"<col ", block.split("<thead>")[0]))
    assert f'<th colspan="{columns}">А.1-кестенің жалғасы</th>' in block
    assert cut.replace(block, "") == html.replace(
        re.search(r'<div class="table-block" data-table="А\.1".*?</table></div>', html, re.S).group(), "")  # type: ignore[union-attr]
    assert split_tables(html, set()) == html and split_tables(html, {("А.1", 999)}) == html


def test_a_table_is_found_by_its_attributes_in_any_order() -> None:
    html = ('<div data-table="2" class="narrow table-block"><p class="table-caption">T</p>'
            "<table data-continued='Continued &amp; more' data-table='2'><colgroup><col style=\"width: 50%\">"
            '<col style="width: 50%"></colgroup><thead><tr><th>a</th><th>b</th></tr></thead>'
            '<tbody><tr data-row="1" data-table="2"><td>1</td><td>2</td></tr>'
            '<tr data-row="2" data-table="2"><td>3</td><td>4</td></tr></tbody></table></div>')
    cut = split_tables(html, {("2", 2)})
    assert cut.count("<table ") == 2
    assert '<th colspan="2">Continued &amp; more</th>' in cut
    assert cut.index('data-row="1"') < cut.index("table-continued") < cut.index('data-row="2"')
