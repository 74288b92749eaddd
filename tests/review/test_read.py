"""Reading a reviewed .docx: comments, replies and tracked changes as Word and LibreOffice write them, in the
body, in table cells, in footnotes and on the title page."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import copy_project, run_cli
from reviewer import Reviewer

from kazthesis.docx.reading import PARAGRAPH
from kazthesis.resolve.printed_units import OBJECT
from kazthesis.review.reviewed import ReviewedError, read_reviewed


@pytest.fixture(scope="module")
def thesis_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project("small", tmp_path_factory.mktemp("read"))
    assert run_cli("docx", project).status == 0
    return project / "output" / "thesis.docx"


@pytest.fixture
def reviewer(thesis_docx: Path, tmp_path: Path) -> Reviewer:
    copy = tmp_path / "thesis.docx"
    shutil.copy(thesis_docx, copy)
    return Reviewer(copy)


def paragraph_with(path: Path, text: str):  # noqa: ANN201 - a Paragraph
    return next(p for p in read_reviewed(path).paragraphs if text in p.full)


def test_replacement_insertion_deletion_are_edits_of_the_printed_text(reviewer: Reviewer, tmp_path: Path) -> None:
    reviewer.replace("Қазақстанның тәуелсіздігін", "1991", "1992")
    reviewer.insert("Қазақстанның тәуелсіздігін", "мойындады", " ресми түрде")
    reviewer.delete("Қазақстанның тәуелсіздігін", "Америка ", author="Б. Басқа")
    path = reviewer.save(tmp_path / "marked.docx")
    paragraph = paragraph_with(path, "Қазақстанның тәуелсіздігін")
    assert paragraph.original.startswith("Америка Құрама Штаттары Қазақстанның тәуелсіздігін 1991\u00a0жылы "
                                         "мойындады [3].")
    assert paragraph.accepted.startswith("Құрама Штаттары Қазақстанның тәуелсіздігін 1992\u00a0жылы мойындады "
                                         "ресми түрде [3].")
    assert OBJECT in paragraph.original  # the footnote call
    edits = paragraph.edits()
    assert [(e.deleted, e.inserted, e.revision.author) for e in edits] == [
        ("Америка ", "", "Б. Басқа"), ("1991", "1992", "А. Сейітов"), ("", " ресми түрде", "А. Сейітов")]
    assert [paragraph.original[e.start : e.end] for e in edits] == ["Америка ", "1991", ""]
    assert edits[1].revision.date == "2026-12-03"


def test_paragraphs_added_deleted_split_and_moved(reviewer: Reviewer, tmp_path: Path) -> None:
    reviewer.insert_paragraph("Тарау туралы", "Бірінші жаңа абзац.")
    reviewer.insert_paragraph("Зерттеудің мақсаты", "Екінші жаңа абзац.", mark_on_previous=True)
    reviewer.delete_paragraph("Қайта сілтеме")
    reviewer.split_paragraph("Бұл туралы толығырақ", "айтылады.")
    reviewer.move_paragraph("Жұмыстың құрылымы", "Зерттеудің мақсаты")
    path = reviewer.save(tmp_path / "marked.docx")
    paragraphs = read_reviewed(path).paragraphs
    added = [p for p in paragraphs if "жаңа абзац" in p.full]
    assert [(p.original, p.accepted) for p in added] == [("", "Екінші жаңа абзац."), ("", "Бірінші жаңа абзац.")]
    deleted = next(p for p in paragraphs if "Қайта сілтеме" in p.full)
    assert deleted.accepted == "" and deleted.mark is not None and deleted.mark.kind == "delete"
    split = next(p for p in paragraphs if "Бұл туралы толығырақ" in p.full)
    assert "Диаграмма" in split.original, "the two parts of a split paragraph are read as the one printed"
    assert [e.inserted for e in split.edits()] == [PARAGRAPH]
    moved = [p for p in paragraphs if "Жұмыстың құрылымы" in p.full]
    assert [p.pieces[0].revision.kind for p in moved] == ["move-to", "move-from"]
    assert moved[0].pieces[0].revision.move == moved[1].pieces[0].revision.move != ""
    assert moved[0].original == "" and moved[1].accepted == ""


def test_comments_with_their_words_dates_and_replies(reviewer: Reviewer, tmp_path: Path) -> None:
    parent = reviewer.comment("Тарау туралы", "қысқаша кіріспе", "Кеңейтіңіз.")
    reviewer.comment("Тарау туралы", "қысқаша кіріспе", "Кеңейттім.", author="Т. Студент",
                     date="2026-12-05T08:00:00Z", reply_to=parent)
    reviewer.comment("Жұмыста екі ел", "талданды", "Нақтылаңыз.")
    reviewer.comment("сілтеме мәтіні", "сілтеме", "Дереккөзі қайда?")  # in a footnote
    reviewer.comment("2,2", "2,2", "Дерегі қай жылдан?")  # in a table cell
    path = reviewer.save(tmp_path / "marked.docx")
    reviewed = read_reviewed(path)
    comments = {c.text: c for c in reviewed.comments}
    assert set(comments) == {"Кеңейтіңіз.", "Нақтылаңыз.", "Дереккөзі қайда?", "Дерегі қай жылдан?"}
    first = comments["Кеңейтіңіз."]
    assert (first.author, first.date, first.words) == ("А. Сейітов", "2026-12-03", "қысқаша кіріспе")
    assert [(r.text, r.author, r.date) for r in first.replies] == [("Кеңейттім.", "Т. Студент", "2026-12-05")]
    by_index = {p.index: p for p in reviewed.paragraphs}
    assert by_index[first.paragraph].original.startswith("Тарау туралы")
    assert by_index[first.paragraph].original[first.start :].startswith("қысқаша кіріспе")
    note = comments["Дереккөзі қайда?"]
    assert by_index[note.paragraph].story == "footnote"
    cell = comments["Дерегі қай жылдан?"]
    assert by_index[cell.paragraph].in_table and cell.words == "2,2"


def test_title_page_foot_and_contents_are_read(thesis_docx: Path) -> None:
    reviewed = read_reviewed(thesis_docx)
    assert any(p.story == "footer" and p.original == "Алматы 2026" for p in reviewed.paragraphs)
    contents = [p.original.split("\t")[0] for p in reviewed.paragraphs if p.contents]
    assert "1.1 Дипломатиялық қатынастардың орнауы" in contents
    assert not any(p.contents for p in reviewed.paragraphs if p.original.startswith("Америка Құрама Штаттары "
                                                                                      "Қазақстанның"))


def test_what_is_not_a_docx_is_an_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("plain text", encoding="utf-8")
    with pytest.raises(ReviewedError, match="cannot be read as a .docx"):
        read_reviewed(text)
    archive = tmp_path / "empty.docx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReviewedError, match="not a Word document"):
        read_reviewed(archive)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<w:document")
    with pytest.raises(ReviewedError, match="damaged XML"):
        read_reviewed(broken)
