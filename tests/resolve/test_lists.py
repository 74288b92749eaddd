"""GOST lists: lettered lists read and printed with the document's letters, "1)" where the items continue the
lead-in sentence, nested levels numbered as the profile says — in the PDF and the .docx alike."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import read_pdf, run_cli, squash

from kazthesis.model import ListBlock, Paragraph, Source, Text
from kazthesis.read.pandoc import prepare
from kazthesis.resolve.lists import mark_lists

LEAD_IN = {"kk": "Жұмыстың міндеттері:", "ru": "Задачи работы:", "en": "The tasks are:"}
WORDS = {"kk": ("бірінші", "екінші", "үшінші"), "ru": ("первая", "вторая", "третья"), "en": ("first", "second",
                                                                                             "third")}
CHAPTER = """# {title}

{lead}

а) {w[0]};
б) {w[1]};
в) {w[2]}.

{lead}

1. {w[0]};
2. {w[1]}:
   - {w[0]};
   - {w[1]};
3. {w[2]}.

Төмендегі сөйлемдер. Sentences. Предложения.

1. {w[0]}.
2. {w[1]}.

- {w[0]};
- {w[1]}.
"""
LETTERS = {"kk": "а) б) в)", "ru": "а) б) в)", "en": "a) b) c)"}


def _list(ordered: bool, count: int, **kwargs: object) -> ListBlock:
    source = Source(Path("x.md"), 1)
    items = [[Paragraph([Text(f"item {n}")], source)] for n in range(count)]
    return ListBlock(ordered, items, source, **kwargs)  # type: ignore[arg-type]


def test_lettered_lines_are_read_as_a_list_and_marked_lettered() -> None:
    prepared = prepare("Тізім:\nа) бірінші;\nә) екінші,\n   жалғасы;\nб) үшінші.\n\nA.  One\nB.  Two\n")
    assert prepared.text.splitlines()[1:5] == ["1) бірінші;", "2) екінші,", "   жалғасы;", "3) үшінші."]
    assert prepared.lettered == {2, 3, 5, 7, 8} and not prepared.unread
    # A line that starts with an initial is prose (a capital and a period need two spaces to mark an item).
    assert not prepare("Ақындар\nА. Байтұрсынұлы мен\nБ. Майлин.\n").lettered


@pytest.mark.parametrize(("language", "marks"), [
    ("kk", ["а)", "б)", "в)", "г)", "д)", "е)", "ж)", "и)", "к)"]),  # without ё, з, й (GOST's appendix letters)
    ("ru", ["а)", "б)", "в)", "г)", "д)", "е)", "ж)", "и)", "к)"]),
    ("en", ["a)", "b)", "c)", "d)", "e)", "f)", "g)", "h)", "i)"]),
])
def test_a_lettered_list_prints_the_documents_letters(language: str, marks: list[str]) -> None:
    block = _list(True, 9, lettered=True)
    mark_lists([block], language)
    assert block.marks == marks


def test_numbers_take_a_parenthesis_where_the_items_continue_the_lead_in() -> None:
    source = Source(Path("x.md"), 1)
    lead, sentence = Paragraph([Text("Міндеттер:")], source), Paragraph([Text("Сөйлем.")], source)
    continuing, standalone, nested = _list(True, 2), _list(True, 2, delimiter="."), _list(True, 2)
    continuing.items[1].append(nested)
    dashes = _list(False, 2)
    dashes.items[0].append(inner := _list(False, 2))
    mark_lists([lead, continuing, sentence, standalone, dashes], "kk")
    assert continuing.marks == ["1)", "2)"] and nested.marks == ["1)", "2)"]
    assert standalone.marks == ["1.", "2."]
    assert dashes.marks == ["–", "–"] and inner.marks == ["1)", "2)"]  # GOST: a nested level numbered
    mark_lists([dashes], "kk", "–, –")
    assert inner.marks == ["–", "–"]


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_lists_print_the_same_marks_in_the_pdf_and_the_docx(tmp_path: Path, language: str) -> None:
    project = tmp_path / "thesis"
    assert run_cli("new", project, "--lang", language).status == 0
    chapter = CHAPTER.format(title="Lists", lead=LEAD_IN[language], w=WORDS[language])
    (project / "content" / "02b-lists.md").write_text(chapter, encoding="utf-8")
    assert run_cli(project).status == 0
    assert run_cli("docx", project).status == 0
    w = WORDS[language]
    letters = LETTERS[language].split()
    pdf = squash("".join(read_pdf(project / "output" / "thesis.pdf").pages))
    expected = [f"{letters[0]}{w[0]};{letters[1]}{w[1]};{letters[2]}{w[2]}.",  # lettered
                f"1){w[0]};2){w[1]}:1){w[0]};2){w[1]};3){w[2]}.",  # continues the lead-in; nested: 1)
                f"1.{w[0]}.2.{w[1]}.", f"–{w[0]};–{w[1]}."]  # sentences of their own; dashes
    for text in expected:
        assert squash(text) in pdf, text
    with zipfile.ZipFile(project / "output" / "thesis.docx") as package:
        document = package.read("word/document.xml").decode()
        numbering = package.read("word/numbering.xml").decode()
    paragraphs = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", document)]
    for letter, word in zip(letters, w, strict=True):  # Word has no numbering of GOST's letters: written out
        assert f"{letter}\u00a0{word}" in "".join(paragraphs)
    # Word numbers the rest: "%1)" and "%1." levels, and the dash.
    assert '<w:lvlText w:val="%1)"/>' in numbering and '<w:lvlText w:val="%1."/>' in numbering
    assert '<w:lvlText w:val="–"/>' in numbering
