"""``kazthesis review``: a supervisor's .docx back to the Markdown, the way such files arrive.

The small fixture project is built into a .docx; a :class:`Reviewer` marks it
up as Word writes comments and tracked changes; the file is reviewed as it
is, after LibreOffice opened and saved it, and as made by another program.
Each test reads the printed FILE:LINE, the Markdown after ``--apply``, a
conflict left alone, and a rebuild that shows the change.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, edit_file, line_of, read_pdf, run_cli, squash
from reviewer import Reviewer

from kazthesis.review.reviewed import read_reviewed

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install "
                                   "libreoffice-writer-nogui to check that a file it saved is read the same")
INTRO, CHAPTER, END = "content/01-kirispe.md", "content/02-tarau-1.md", "content/03-qorytyndy.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project with its .docx, built once."""
    project = copy_project("small", tmp_path_factory.mktemp("built"))
    result = run_cli("docx", project)
    assert result.status == 0, result.err
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "small"
    shutil.copytree(built, copy)
    return copy


def supervisor(project: Path) -> Reviewer:
    """The marks every test starts from: words replaced, put in and taken out, a comment with a reply, a
    paragraph added and one deleted, a footnote, a table cell, the title page and a reference-list entry."""
    r = Reviewer(project / "output" / "thesis.docx")
    r.replace("Қазақстанның тәуелсіздігін", "1991", "1992")
    r.insert("Қазақстанның тәуелсіздігін", "мойындады", " ресми түрде")
    r.delete("Зерттеудің өзектілігі", "сыртқы ")
    parent = r.comment("Тарау туралы", "қысқаша кіріспе", "Кіріспені кеңейтіңіз.")
    r.comment("Тарау туралы", "қысқаша кіріспе", "Кеңейттім.", author="Т. Студент", date="2026-12-04T09:00:00Z",
              reply_to=parent)
    r.insert_paragraph("Тарау туралы", "Жаңа абзац [3] дереккөзге сүйенеді.")
    r.delete_paragraph("Қайта сілтеме")
    r.replace("сілтеме мәтіні", "сілтеме", "ескерту")
    r.replace("2,2", "2,2", "2,3")
    r.replace("Сынақ жобасы", "Сынақ", "Тексеру")
    r.replace("Ғасырлар тоғысында", "тоғысында", "түйісінде")
    return r


def review(project: Path, docx: Path, *more: str):  # noqa: ANN201 - conftest's Run
    return run_cli("review", docx, project, *more)


def where(output: str, needle: str) -> str:
    """The FILE:LINE of the printed line that holds ``needle``."""
    lines = [line for line in output.splitlines() if needle in line]
    assert len(lines) == 1, f"{needle!r} in {output}"
    return lines[0].split(": ", 1)[0]


def test_each_mark_is_printed_at_its_source_line(project: Path) -> None:
    docx = supervisor(project).save(project / "returned.docx")
    result = review(project, docx)
    assert result.status == 0, result.err
    out = result.out
    chapter, intro = project / CHAPTER, project / INTRO
    recognised = line_of(chapter, "Америка Құрама Штаттары Қазақстанның")
    assert where(out, "«1991» → «1992»") == f"{CHAPTER}:{recognised}"
    assert "change (А. Сейітов): «1991» → «1992»" in out
    assert where(out, "inserted «ресми түрде» after") == f"{CHAPTER}:{recognised}"
    assert where(out, "deleted «сыртқы»") == f"{INTRO}:{line_of(intro, 'сыртқы саясаты')}"
    comment = ("comment (А. Сейітов, 2026-12-03): «Кіріспені кеңейтіңіз.» — on «қысқаша кіріспе»")
    reply = "reply (Т. Студент, 2026-12-04): «Кеңейттім.»"
    lines = out.splitlines()
    at = next(n for n, line in enumerate(lines) if line.endswith(comment))
    assert lines[at] == f"{CHAPTER}:{line_of(chapter, 'Тарау туралы')}: {comment}"
    assert lines[at + 1] == f"{CHAPTER}:{line_of(chapter, 'Тарау туралы')}: {reply}", "the reply under its comment"
    assert where(out, "paragraph added after this one: «Жаңа абзац [3]") == f"{CHAPTER}:{line_of(chapter, 'Тарау')}"
    assert where(out, "paragraph deleted: «Қазіргі кезеңде") == f"{CHAPTER}:{line_of(chapter, 'Қазіргі кезеңде')}"
    assert where(out, "«сілтеме» → «ескерту»") == f"{CHAPTER}:{line_of(chapter, '[^note]:')}"
    assert where(out, "«2,2» → «2,3»") == f"{CHAPTER}:{line_of(chapter, '| 2019 |')}"
    assert where(out, "«Сынақ» → «Тексеру»") == f"thesis.toml:{line_of(project / 'thesis.toml', 'title =')}"
    bib_line = line_of(project / "references.bib", "тоғысында")
    assert where(out, "«тоғысында» → «түйісінде»") == f"references.bib:{bib_line}"
    # Source order: the title page (thesis.toml), the chapters in order, then references.bib.
    files = [line.split(":", 1)[0] for line in lines]
    assert files == sorted(files, key=["thesis.toml", INTRO, CHAPTER, END, "references.bib"].index)
    numbers = [int(line.split(":")[1]) for line in lines if line.startswith(CHAPTER)]
    assert numbers == sorted(numbers)
    assert "warning" not in result.err or "markers" in result.err


def test_apply_changes_the_sources_keeping_their_markup(project: Path) -> None:
    docx = supervisor(project).save(project / "returned.docx")
    before = {path: (project / path).read_text(encoding="utf-8") for path in (INTRO, CHAPTER, "thesis.toml",
                                                                               "references.bib")}
    result = review(project, docx, "--apply")
    assert result.status == 0, result.err
    assert result.out.splitlines()[-1].startswith("Applied 9 of 9 changes (0 conflicts, 0 not applicable); "
                                                  "1 comment in output/review.txt")
    chapter = (project / CHAPTER).read_text(encoding="utf-8")
    assert "тәуелсіздігін 1992 жылы мойындады ресми түрде [@smith2023]." in chapter  # the citation kept after it
    assert "Тарау туралы қысқаша кіріспе сөз [@sidorov2019, 25-31].\n\nЖаңа абзац [@smith2023] дереккөзге " \
           "сүйенеді.\n\n## Дипломатиялық" in chapter  # the typed [3] is the citation it stood for
    assert "Қайта сілтеме" not in chapter and "Қазіргі кезеңде" not in chapter
    assert "[^note]: Бұл – ескерту мәтіні." in chapter
    assert "| 2019 | 2,3 |" in chapter
    assert "**Зерттеудің өзектілігі.** Қазақстанның саясаты" in (project / INTRO).read_text(encoding="utf-8")
    assert 'title = "Тексеру жобасы"' in (project / "thesis.toml").read_text(encoding="utf-8")
    assert "title     = {Ғасырлар түйісінде}," in (project / "references.bib").read_text(encoding="utf-8")
    # The files as they were, and the comments in the printed form.
    backups = list((project / "output" / "review-backup").iterdir())
    assert len(backups) == 1
    for path, text in before.items():
        assert (backups[0] / path).read_text(encoding="utf-8") == text
    review_txt = (project / "output" / "review.txt").read_text(encoding="utf-8").splitlines()
    assert review_txt == [f"{CHAPTER}:3: comment (А. Сейітов, 2026-12-03): «Кіріспені кеңейтіңіз.» — on «қысқаша "
                          f"кіріспе»", f"{CHAPTER}:3: reply (Т. Студент, 2026-12-04): «Кеңейттім.»"]
    # The rebuilt .docx prints the changes.
    rebuilt = run_cli("docx", project)
    assert rebuilt.status == 0, rebuilt.err
    text = " ".join(p.original for p in read_reviewed(project / "output" / "thesis.docx").paragraphs)
    squashed = squash(text)
    for shown in ("1992\u00a0жылы мойындады ресми түрде [3]", "Жаңа абзац [3] дереккөзге сүйенеді.",
                  "Бұл\u00a0– ескерту мәтіні.", "Тақырыбы: «Тексеру жобасы»", "Ғасырлар түйісінде"):
        assert squash(shown) in squashed, shown
    assert "Қайта сілтеме" not in text and "1991\u00a0жылы мойындады" not in text


def test_a_paragraph_changed_since_is_a_conflict_and_is_left_alone(project: Path) -> None:
    docx = supervisor(project).save(project / "returned.docx")
    chapter = project / CHAPTER
    text = chapter.read_text(encoding="utf-8").replace("1991 жылы мойындады", "1991 жылы желтоқсанда мойындады")
    chapter.write_text(text, encoding="utf-8")
    result = review(project, docx, "--apply")
    assert result.status == 0, result.err
    shown = next(line for line in result.out.splitlines() if "«1991» → «1992»" in line)
    assert shown.startswith(f"{CHAPTER}:{line_of(chapter, 'желтоқсанда')}: change (А. Сейітов): «1991» → «1992» — ")
    assert shown.endswith(" — conflict: the source paragraph has changed since the .docx was made")
    assert "Applied 7 of 9 changes (2 conflicts, 0 not applicable)" in result.out
    after = chapter.read_text(encoding="utf-8")
    assert "Америка Құрама Штаттары Қазақстанның тәуелсіздігін 1991 жылы желтоқсанда мойындады [@smith2023]." in after
    assert "[^note]: Бұл – ескерту мәтіні." in after  # the rest of the file was changed
    # What was not applied is listed with the comments, to be done by hand.
    assert shown in (project / "output" / "review.txt").read_text(encoding="utf-8").splitlines()
    # Applying the same file again changes nothing more: each change is already in the sources.
    again = review(project, docx, "--apply")
    assert "Applied 0 of" in again.out and "already" in again.out
    assert chapter.read_text(encoding="utf-8") == after


def test_changes_on_generated_text_are_said_so_and_not_applied(project: Path) -> None:
    r = Reviewer(project / "output" / "thesis.docx")
    r.replace("Тарау туралы қысқаша", "[2", "[3")  # a citation number
    r.in_contents = True
    r.replace("ҚАЛЫПТАСУЫ", "ҚАЛЫПТАСУЫ", "ДАМУЫ")  # the contents page's line
    r.in_contents = False
    r.replace("1.1 Дипломатиялық", "1.1", "2.1")  # a heading's number
    docx = r.save(project / "returned.docx")
    result = review(project, docx, "--apply")
    chapter = project / CHAPTER
    assert f"{CHAPTER}:{line_of(chapter, 'Тарау туралы')}: change (А. Сейітов): «[2» → «[3» — the citation " \
           "[2, 25–31 б.] stands for @sidorov2019; [3] would be @smith2023" in result.out
    assert f"{CHAPTER}:1: change (А. Сейітов): «ҚАЛЫПТАСУЫ» → «ДАМУЫ» — on generated text (the contents page)" \
        in result.out
    assert f"{CHAPTER}:{line_of(chapter, '## Дипломатиялық')}: change (А. Сейітов): «1.1» → «2.1» — on generated " \
           "text (the heading's number)" in result.out
    assert "Applied 0 of 3 changes (0 conflicts, 3 not applicable)" in result.out
    assert not (project / "output" / "review-backup").exists()
    assert "[@sidorov2019, 25-31]" in chapter.read_text(encoding="utf-8")


def test_moves_splits_and_markup_around_the_changed_words(project: Path) -> None:
    r = Reviewer(project / "output" / "thesis.docx")
    r.move_paragraph("Жұмыстың құрылымы", "Зерттеудің мақсаты")
    r.split_paragraph("Бұл туралы толығырақ", "айтылады.")
    r.replace("Зерттеудің мақсаты", "мақсаты", "негізгі мақсаты")  # inside **bold**
    r.insert("Бұл туралы толығырақ", "бөлімінде", " кеңірек")  # between a cross-reference and a footnote call
    r.replace("Жұмыста екі ел", "талданды", "жан-жақты талданды")  # right before a citation
    docx = r.save(project / "returned.docx")
    listed = review(project, docx).out
    moved_from = line_of(project / INTRO, "Жұмыстың құрылымы")
    assert f"{INTRO}:{moved_from}: change (А. Сейітов): paragraph moved to after {INTRO}:7: «Жұмыстың" in listed
    split_at = line_of(project / CHAPTER, "айтылады[^note]")
    assert f"{CHAPTER}:{split_at}: change (А. Сейітов): paragraph split after «толығырақ 1.2 бөлімінде айтылады.»" \
        in listed
    result = review(project, docx, "--apply")
    assert result.status == 0, result.err
    assert "Applied 5 of 5 changes" in result.out
    intro = (project / INTRO).read_text(encoding="utf-8")
    assert intro.index("**Зерттеудің негізгі мақсаты** –") < intro.index("**Жұмыстың құрылымы.** Жұмыс") \
        < intro.index("**Зерттеудің міндеттері:**")
    assert intro.rstrip().endswith("**Зерттеу әдістері** – тарихи-салыстырмалы талдау.")
    chapter = (project / CHAPTER).read_text(encoding="utf-8")
    assert "Бұл туралы толығырақ @sec:present бөлімінде кеңірек айтылады[^note].\n\nДиаграмма\n@fig:chart" in chapter
    assert "қатынастар жан-жақты талданды [@smith2023]." in (project / END).read_text(encoding="utf-8")


@needs_soffice
def test_a_file_saved_by_libreoffice_keeps_its_marks(project: Path, tmp_path: Path) -> None:
    r = supervisor(project)
    r.move_paragraph("Жұмыстың құрылымы", "Зерттеудің мақсаты")  # LibreOffice names the move inside the moved run
    r.split_paragraph("Бұл туралы толығырақ", "айтылады.")  # LibreOffice 7 keeps the split but not its tracking
    docx = r.save(tmp_path / "returned.docx")
    word_form = review(project, docx).out.replace("change (А. Сейітов): paragraph split", "change (untracked): "
                                                  "paragraph split")
    saved = tmp_path / "saved"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "docx", "--outdir", str(saved), str(docx)], capture_output=True, timeout=300,
                   check=True)
    # LibreOffice 7 keeps every change and comment; it drops the link of a reply to its comment.
    listed = review(project, saved / "returned.docx").out.splitlines()
    assert [line for line in listed if "comment (" not in line] == \
        [line for line in word_form.splitlines() if "comment (" not in line and "reply (" not in line]
    assert any(line.endswith("comment (Т. Студент, 2026-12-04): «Кеңейттім.» — on «қысқаша кіріспе»")
               for line in listed)
    result = review(project, saved / "returned.docx", "--apply")
    assert result.status == 0, result.err
    assert "Applied 11 of 11 changes (0 conflicts, 0 not applicable); 2 comments in output/review.txt" in result.out
    chapter = (project / CHAPTER).read_text(encoding="utf-8")
    assert "тәуелсіздігін 1992 жылы мойындады ресми түрде [@smith2023].\nБұл туралы толығырақ @sec:present " \
           "бөлімінде айтылады[^note].\n\nДиаграмма\n" in chapter
    assert "[^note]: Бұл – ескерту мәтіні." in chapter
    intro = (project / INTRO).read_text(encoding="utf-8")
    assert intro.index("**Зерттеудің мақсаты**") < intro.index("**Жұмыстың құрылымы.**") < intro.index("міндеттері")


def test_a_file_made_by_another_program_is_placed_by_its_text(project: Path, tmp_path: Path) -> None:
    """A .docx written by python-docx from the printed text: no markers, no contents field, no footnotes."""
    import docx as python_docx

    ours = read_reviewed(project / "output" / "thesis.docx")
    other = python_docx.Document()
    for paragraph in ours.paragraphs:
        if paragraph.story == "body" and not paragraph.contents:
            other.add_paragraph(paragraph.original.replace("\ufffc", ""))
    other.add_paragraph("Бұл абзац жобада жоқ.")
    foreign = tmp_path / "foreign.docx"
    other.save(str(foreign))
    r = Reviewer(foreign)
    r.replace("Қазақстанның тәуелсіздігін", "1991", "1992")
    r.comment("Бұл абзац жобада жоқ", "жоқ", "Бұл не?")
    marked = r.save(tmp_path / "marked.docx")
    result = review(project, marked, "--apply")
    assert result.status == 0, result.err
    assert "marked.docx: warning: the file carries no source markers" in result.err
    chapter = project / CHAPTER
    assert f"{CHAPTER}:{line_of(chapter, 'Америка Құрама')}: change (А. Сейітов): «1991» → «1992» — applied" \
        in result.out
    assert "тәуелсіздігін 1992 жылы" in chapter.read_text(encoding="utf-8")
    unplaced = (project / "output" / "review.txt").read_text(encoding="utf-8")
    assert "marked.docx (paragraph" in unplaced and "«Бұл не?» — on «жоқ» — not found in the sources" in unplaced


@needs_soffice
def test_a_file_libreoffice_made_from_the_html(project: Path, tmp_path: Path) -> None:
    built = run_cli("build", project)
    assert built.status == 0, built.err
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--writer",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path),
                    str(project / "output" / "thesis.html")], capture_output=True, timeout=300, check=True)
    r = Reviewer(tmp_path / "thesis.docx")
    r.replace("Жұмыста екі ел", "талданды", "зерттелді")
    docx = r.save(tmp_path / "marked.docx")
    result = review(project, docx, "--apply")
    assert f"{END}:3: change (А. Сейітов): «талданды» → «зерттелді» — applied" in result.out
    assert "қатынастар зерттелді [@smith2023]." in (project / END).read_text(encoding="utf-8")
    rebuilt = run_cli("build", project)
    assert rebuilt.status == 0
    assert squash("қатынастар зерттелді [3]") in squash("".join(read_pdf(project / "output" / "thesis.pdf").pages))


def test_a_file_without_marks_says_so(project: Path) -> None:
    result = review(project, project / "output" / "thesis.docx")
    assert result.status == 0
    assert result.out == "thesis.docx: no marks — no comments and no tracked changes\n"


def test_a_file_that_is_not_a_docx_is_an_error(project: Path) -> None:
    broken = project / "broken.docx"
    broken.write_text("not a word file", encoding="utf-8")
    result = review(project, broken)
    assert result.status == 1
    assert result.err.startswith(f"{broken}: error: the file cannot be read as a .docx")
    assert "Traceback" not in result.err
    missing = review(project, project / "none.docx")
    assert missing.status == 1 and "no such file" in missing.err


# --- in the student's language ---------------------------------------------------------------------------------

# What the tool writes around the reviewer's words, in each language: the marks of supervisor(), a citation number
# and a heading's number changed, and the paragraph that loses «сыртқы» changed in the source since (a conflict).
SAID = {
    "kk": ("түзету (А. Сейітов): «1991» → «1992»", "түзету (А. Сейітов): «сыртқы» жойылды — қайшылық: .docx "
           "жасалғаннан бері бастапқы файлдағы абзац өзгерген",
           "түсініктеме (А. Сейітов, 2026-12-03): «Кіріспені кеңейтіңіз.» — белгіленген мәтін: «қысқаша кіріспе»",
           "жауап (Т. Студент, 2026-12-04): «Кеңейттім.»", "осы абзацтан кейін абзац қосылды: «Жаңа абзац [3]",
           "абзац жойылды: «Қазіргі кезеңде", "«тәуелсіздігін 1991 жылы мойындады» сөздерінен кейін «ресми түрде» "
           "қосылды", "«1.1» → «2.1» — автоматты түрде жасалған мәтінде (тақырыптың нөмірі)",
           "«[2» → «[3» — [2, 25–31 б.] сілтемесі @sidorov2019 дереккөзін білдіреді; [3] — @smith2023 болар еді"),
    "ru": ("исправление (А. Сейітов): «1991» → «1992»", "исправление (А. Сейітов): удалено «сыртқы» — конфликт: "
           "абзац в исходном файле изменился после того, как был сделан .docx",
           "комментарий (А. Сейітов, 2026-12-03): «Кіріспені кеңейтіңіз.» — к тексту «қысқаша кіріспе»",
           "ответ (Т. Студент, 2026-12-04): «Кеңейттім.»", "после этого абзаца добавлен абзац: «Жаңа абзац [3]",
           "абзац удалён: «Қазіргі кезеңде", "вставлено «ресми түрде» после «тәуелсіздігін 1991 жылы мойындады»",
           "«1.1» → «2.1» — на тексте, созданном автоматически (номер заголовка)",
           "«[2» → «[3» — ссылка [2, 25–31 б.] означает @sidorov2019; [3] означало бы @smith2023"),
}
APPLIED = {"kk": " — енгізілді", "ru": " — применено"}
ALREADY = {"kk": " — қолданылмайды: бастапқы файлда мәтін бұрыннан осылай (бұрын енгізілген бе?)",
           "ru": " — неприменимо: в исходном файле уже так (применено раньше?)"}
ENGLISH = re.compile(r"\b(?:change|comment|reply|paragraph|deleted|inserted|after|on|conflict|not applicable|applied|"
                     r"generated|citation|stands for|would be|author|resolved|source)\b")


def _marked_up(project: Path) -> Path:
    r = supervisor(project)
    r.replace("Тарау туралы қысқаша", "[2", "[3")  # a citation number
    r.replace("1.1 Дипломатиялық", "1.1", "2.1")  # a heading's number
    docx = r.save(project / "returned.docx")
    edit_file(project / INTRO, "сыртқы саясаты", "сыртқы саясаты әлі")  # a conflict
    return docx


def _tool_words(line: str) -> str:
    """A printed line without its FILE:LINE and the «texts» it quotes: the words the tool wrote."""
    return re.sub(r"«[^»]*»", "«»", line.split(": ", 1)[1])


@pytest.mark.parametrize("code", ["kk", "ru"])
def test_the_marks_are_listed_in_the_students_language(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                       code: str) -> None:
    """Every word the tool writes is in the student's language; FILE:LINE, the «quoted» texts and → stay as they
    are, so the lines are the English ones but for the tool's own words (and their order)."""
    docx = _marked_up(project)
    english = review(project, docx)
    monkeypatch.setenv("KAZTHESIS_LANG", code)
    result = review(project, docx)
    assert result.status == english.status == 0, result.err
    for said in SAID[code]:
        assert said in result.out, said
    lines, english_lines = result.out.splitlines(), english.out.splitlines()
    assert len(lines) == len(english_lines) == 13
    for line, english_line in zip(lines, english_lines, strict=True):
        assert line.split(": ", 1)[0] == english_line.split(": ", 1)[0]  # FILE:LINE, where an editor jumps
        assert sorted(re.findall(r"«[^»]*»|→", line)) == sorted(re.findall(r"«[^»]*»|→", english_line))
        assert ENGLISH.search(_tool_words(line)) is None, line
        assert ENGLISH.search(_tool_words(english_line)), english_line  # the check reads the tool's words


@pytest.mark.parametrize("code", ["kk", "ru"])
def test_apply_and_output_review_txt_in_the_students_language(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                              code: str) -> None:
    """--apply's lines, its closing line and output/review.txt; a reason stored on a change (the source already
    reads so) translated where it is shown."""
    docx = _marked_up(project)
    monkeypatch.setenv("KAZTHESIS_LANG", code)
    result = review(project, docx, "--apply")
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert f"{CHAPTER}:{line_of(project / CHAPTER, '1992 жылы')}: {SAID[code][0]}{APPLIED[code]}" in lines
    assert {"kk": "11 түзету ішінен 8 енгізілді (1 қайшылық, 2 қолданылмайды); 1 түсініктеме — output/review.txt",
            "ru": "Применено 8 из 11 исправлений (1 конфликт, неприменимо 2); 1 комментарий — в output/review.txt",
            }[code] in lines[-1]
    review_txt = (project / "output" / "review.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[0] for line in review_txt] == [f"{INTRO}:3", *[f"{CHAPTER}:3"] * 3, f"{CHAPTER}:7"]
    for said in (SAID[code][1], SAID[code][2], SAID[code][3], SAID[code][7], SAID[code][8]):
        assert any(said in line for line in review_txt), said
    for line in [*lines[:-1], *review_txt]:
        assert ENGLISH.search(_tool_words(line)) is None, line
    again = review(project, docx, "--apply")
    assert f"«Сынақ» → «Тексеру»{ALREADY[code]}" in again.out
    assert ENGLISH.search(again.out) is None
