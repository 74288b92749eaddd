"""What faculties add around the chapters (issue #16), read back from the real PDF and .docx.

The fixture `faculty` is a small Russian diploma: three annotations with statistics lines, the faculty's
title page and other forms as PDFs (tests/pdfforms.py made them), listings (one longer than a page), a
list after a colon written wrongly, [terms] and [abbreviations].
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from conftest import FIXTURES, REPO, Built, copy_project, line_of, run_cli, squash
from lxml import etree
from pdfforms import FORMS, form_pdf
from pdftools import MM, contents_entries, fonts, outline

from kazthesis.lang import locale
from kazthesis.pdf.html import Piece
from kazthesis.pdf.weasy import LaidOut
from kazthesis.pipeline import build_document
from kazthesis.problems import Problems

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A4_HEIGHT = 841.89


def _stamped_number(built: Built, page: int) -> bool:
    """Whether our page number is drawn in the bottom margin of ``page``."""
    return any(w.page == page and w.text == str(page) and w.y0 > A4_HEIGHT - 20 * MM for w in built.words)


# --- annotations and their statistics lines ----------------------------------------------------------------

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
        assert _stamped_number(faculty_build, page), f"annotation page {page} is numbered"
    listed = [text for text, _ in contents_entries(faculty_build.pdf.pages[contents - 1])]
    assert not any(title in text for text in listed for title in TITLES.values())
    marks = [title for _, title in outline(faculty_build.pdf.path)]
    assert marks[:4] == [*TITLES.values(), "СОДЕРЖАНИЕ"]


def test_annotation_language_from_its_title_or_lang(tmp_path: Path) -> None:
    assert locale.abstract_language("АҢДАТПА", "ru") == "kk"
    assert locale.abstract_language("Аннотация", "kk") == "ru"
    assert locale.abstract_language("Abstract", "kk") == "en"
    assert locale.abstract_language("Түйін", "en") == "kk"  # by its letters
    assert locale.abstract_language("…", "ru") == "ru"
    project = copy_project("faculty", tmp_path)
    annotations = project / "content" / "00-annotacii.md"
    annotations.write_text(annotations.read_text(encoding="utf-8").replace("# ANNOTATION {.abstract}",
                                                                            "# SUMMARY {.abstract lang=kk}"),
                           encoding="utf-8")
    document = build_document(project, Problems(root=project))
    assert [part.heading.language for part in document.abstracts] == ["kk", "ru", "kk"]


def test_statistics_strings_in_each_language() -> None:
    assert locale.statistics_text("ru", "coursework", 3, 2, 20, 1).replace("\u00a0", " ") == (
        "Курсовая работа {pages} с., 3 рис., 2 табл., 20 источн., 1 прил.")
    assert locale.statistics_text("kk", "coursework", 3, 2, 20, 1).replace("\u00a0", " ") == (
        "Курстық жұмыс {pages} б., 3 сурет, 2 кесте, 20 дереккөз, 1 қосымша.")
    assert locale.statistics_text("en", "master", 1, 0, 21, 2).replace("\u00a0", " ") == (
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


# --- the title page and inserted pages from other PDFs ------------------------------------------------------


def test_inserted_pages_sit_where_asked_and_show_no_number_of_ours(faculty_build: Built) -> None:
    last = len(faculty_build.pdf.pages)
    where = {"SIGNED TITLE FORM": 1, "ASSIGNMENT SHEET page one": 2, "ASSIGNMENT SHEET page two": 3,
             "CALENDAR PLAN": faculty_build.page_with("СОДЕРЖАНИЕ") + 1, "SUPERVISOR REVIEW": last}
    for text, page in where.items():
        assert squash(text) in squash(faculty_build.pdf.pages[page - 1]), f"{text!r} is not on page {page}"
        assert not _stamped_number(faculty_build, page), f"inserted page {page} got a page number"
    assert "аль-Фараби" not in faculty_build.pdf.pages[0], "the generated title page was replaced"
    for page in range(1, last + 1):
        if page not in where.values():
            assert _stamped_number(faculty_build, page), f"page {page} shows no number"
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


def test_a_broken_or_missing_pdf_is_an_error_at_its_line(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    config = project / "thesis.toml"
    (project / "forms" / "otzyv.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    (project / "forms" / "title.pdf").unlink()
    pdf_before = project / "output" / "thesis.pdf"
    result = run_cli(project)
    assert result.status == 1 and not pdf_before.exists()
    broken = line_of(config, 'file = "forms/otzyv.pdf"')
    title = line_of(config, 'pdf = "forms/title.pdf"')
    assert re.search(rf"^thesis\.toml:{broken}: error: this insert: 'forms/otzyv\.pdf' cannot be read as a PDF",
                     result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{title}: error: the title page: file 'forms/title\.pdf' not found",
                     result.err, re.M), result.err


def test_a_form_without_its_fonts_is_named(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    form_pdf(project / "forms" / "otzyv.pdf", [["SUPERVISOR REVIEW"]], embed=False)
    result = run_cli(project)
    assert result.status == 0, result.err
    line = line_of(project / "thesis.toml", 'file = "forms/otzyv.pdf"')
    assert [problem for problem in result.err.splitlines() if "warning" in problem] == [
        f"thesis.toml:{line}: warning: this insert: 'forms/otzyv.pdf' uses fonts it does not carry (Helvetica): a "
        "printer or portal draws them with others — export it again with fonts embedded (Word: Save As PDF, "
        "'ISO 19005-1 compliant (PDF/A)'), or scan it"]
    assert all(font["emb"] == "yes" for font in fonts(project / "output" / "thesis.pdf")
               if "Helvetica" not in font["name"])


def test_inserts_outside_the_project_and_wrong_settings(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    form_pdf(tmp_path / "elsewhere.pdf", [["ELSEWHERE"]])
    (project / "forms" / "link.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + '\n[[insert]]\nfile = "../elsewhere.pdf"\n'
                      + '\n[[insert]]\nfile = "forms/link.pdf"\n'
                      + '\n[[insert]]\nfile = "forms/kalendar.pdf"\nafter = "middle"\npages = 2\n'
                      + '\n[[insert]]\nafter = "title"\n', encoding="utf-8")
    result = run_cli("check", project)
    assert result.status == 1
    lines = config.read_text(encoding="utf-8").splitlines()
    outside, link = line_of(config, 'file = "../elsewhere.pdf"'), line_of(config, 'file = "forms/link.pdf"')
    middle, pages = line_of(config, 'after = "middle"'), line_of(config, "pages = 2")
    assert re.search(rf"^thesis\.toml:{outside}: error: this insert, '\.\./elsewhere\.pdf', is outside",
                     result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{link}: error: this insert, 'forms/link\.pdf', is outside", result.err, re.M)
    assert re.search(rf"^thesis\.toml:{middle}: error: insert\.after = 'middle' is not one of "
                     "'title', 'contents', 'end'", result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{pages}: warning: unknown setting 'insert\.pages' is ignored",
                     result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{len(lines) - 1}: error: this \[\[insert\]\] names no file", result.err, re.M)


# --- listings ------------------------------------------------------------------------------------------------


def test_listings_are_numbered_with_captions_above_and_referred_to(faculty_build: Built) -> None:
    text = squash("".join(faculty_build.pdf.pages))
    for caption in ("Листинг 1 – Модели данных веб-сервиса", "Листинг 2 – Обработчики запросов веб-сервиса",
                    "Листинг А.1 – Схема базы данных"):
        assert squash(caption) in text, caption
    assert [listing.label for listing in faculty_build.document.listings] == ["Листинг 1", "Листинг 2", "Листинг А.1"]
    assert squash("(листинг А.1)") in text  # @lst:schema in the conclusion
    assert squash("в листинге 1, обработчики запросов – в листинге 2") in text  # [-@lst:…] declined by the writer
    page = faculty_build.page_with("Листинг 1 –")
    lines = faculty_build.page_text(page).splitlines()
    caption = next(i for i, line in enumerate(lines) if "Листинг 1 –" in line)
    assert "from dataclasses import dataclass" in lines[caption + 1], "the code follows its caption"


def test_a_listing_running_onto_the_next_pages_carries_the_continuation_label(faculty_build: Built) -> None:
    start = faculty_build.page_with("Листинг 2 –")
    source = (faculty_build.project / "content" / "03-glava-2.md").read_text(encoding="utf-8")
    code = source.split('```python {#lst:api caption="Обработчики запросов веб-сервиса"}\n', 1)[1].split("```")[0]
    end = faculty_build.page_with("ROUTES = {", start)
    assert end >= start + 2, "the fixture's long listing runs over two page breaks"
    for page in range(start + 1, end + 1):
        first = next(line for line in faculty_build.page_text(page).splitlines() if line.strip())
        assert first.strip() == "Продолжение листинга 2", f"page {page} starts with {first!r}"
    assert "Продолжение листинга 2" not in faculty_build.page_text(start)
    printed = squash("".join(faculty_build.pdf.pages[start - 1 : end]).replace("Продолжение листинга 2", ""))
    position = 0
    for line in code.splitlines():  # every line, in order, none lost at a page break
        if line.strip():
            position = printed.index(squash(line), position)
    assert all(text.count("Продолжение листинга") == 0 for text in faculty_build.pdf.pages[: start - 1])


def test_listing_highlighting_is_grey_scale_and_a_setting(faculty_build: Built, tmp_path: Path) -> None:
    html = (faculty_build.project / "output" / "thesis.html").read_text(encoding="utf-8")
    assert '<span class="hl-keyword">def</span>' in html
    assert '<span class="hl-comment"># минимальный балл по шкале университета</span>' in html
    css = (REPO / "templates" / "thesis.css").read_text(encoding="utf-8")
    colours = re.findall(r"\.hl-[\w, .-]+\{[^}]*color: #([0-9a-f]{6})", css)
    assert colours and all(c[0:2] == c[2:4] == c[4:6] for c in colours), "greys only"
    project = copy_project("faculty", tmp_path)
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("listing_highlight = true",
                                                                 "listing_highlight = false"), encoding="utf-8")
    assert run_cli(project).status == 0
    plain = (project / "output" / "thesis.html").read_text(encoding="utf-8")
    assert 'class="hl-' not in plain and "Листинг 2" in plain


def test_listing_attributes_are_checked(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    chapter = project / "content" / "04-zaklyuchenie.md"
    chapter.write_text(chapter.read_text(encoding="utf-8")
                       + '\n```js {#code1 caption="Скрипт" linenos=true}\nlet a = 1;\n```\n', encoding="utf-8")
    result = run_cli("check", project)
    line = line_of(chapter, "```js")
    assert f"content/04-zaklyuchenie.md:{line}: warning: the listing id #code1 does not start with lst:" in result.err
    assert f"content/04-zaklyuchenie.md:{line}: warning: attribute linenos=true is not used" in result.err


# --- terms, lists ----------------------------------------------------------------------------------------------


def test_terms_page_after_the_contents_before_the_abbreviations_and_listed(faculty_build: Built) -> None:
    terms = faculty_build.page_with("ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ", faculty_build.page_with("СОДЕРЖАНИЕ") + 1)
    assert faculty_build.page_with("ПЕРЕЧЕНЬ СОКРАЩЕНИЙ И ОБОЗНАЧЕНИЙ", terms + 1) == terms + 1
    text = squash(faculty_build.page_text(terms))
    assert squash("В настоящей работе применяют следующие термины с соответствующими определениями:") in text
    assert squash("Веб-сервис – программная система, доступная по сети") in text
    entries = contents_entries(faculty_build.pdf.pages[faculty_build.page_with("СОДЕРЖАНИЕ") - 1])
    assert entries[0] == ("ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ", terms)
    assert (locale.text("kk", "terms"), locale.text("en", "terms")) == ("ТЕРМИНДЕР МЕН АНЫҚТАМАЛАР",
                                                                        "TERMS AND DEFINITIONS")


def test_list_items_after_a_colon_are_checked_at_their_lines(faculty_build: Built, tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    chapter = project / "content" / "02-glava-1.md"
    result = run_cli("check", project)
    warnings = [line for line in result.err.splitlines() if "list after a colon" in line]
    first = line_of(chapter, "1. Доступ к данным")
    assert warnings[0].startswith(f"content/02-glava-1.md:{first}: warning: this item of a list after a colon "
                                  "starts with a capital letter:")
    assert warnings[1].startswith(f"content/02-glava-1.md:{first + 1}: warning: this item of a list after a colon "
                                  "does not end with ';'")
    assert warnings[2].startswith(f"content/02-glava-1.md:{first + 2}: warning: this item of a list after a colon "
                                  "starts with a capital letter:")
    assert len(warnings) == 3, warnings  # the well-written lists of the introduction and conclusion pass
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[checks]\nlist_punctuation = false\n",
                      encoding="utf-8")
    assert "list after a colon" not in run_cli("check", project).err


def test_list_check_knows_nested_lists_abbreviations_and_proper_names(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    chapter = project / "content" / "04-zaklyuchenie.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + (
        "\nСервис испытан в вузах, и Казахстан может стать примером. Работу можно развивать так:\n\n"
        "- ООН и СНГ как источники данных;\n"
        "- Казахстан как пример внедрения;\n"
        "- новые модули:\n"
        "  - отчёты;\n"
        "  - уведомления;\n"
        "- перевод интерфейса.\n"
        "\nЛишь пример без двоеточия\n\n- Первый\n- Второй\n"), encoding="utf-8")
    assert "04-zaklyuchenie.md" not in run_cli("check", project).err
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("  - уведомления;", "  - уведомления."),
                       encoding="utf-8")
    line = line_of(chapter, "  - уведомления.")
    err = run_cli("check", project).err
    assert f"content/04-zaklyuchenie.md:{line}: warning: this item of a list after a colon does not end with ';'" \
        in err


# --- the .docx -------------------------------------------------------------------------------------------------


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


def test_forms_fixture_is_what_pdfforms_makes() -> None:
    """The committed forms are the ones tests/pdfforms.py writes (run it after changing FORMS)."""
    folder = FIXTURES / "faculty" / "forms"
    for name, pages in FORMS.items():
        with pikepdf.open(folder / name) as pdf:
            assert len(pdf.pages) == len(pages), name


def test_watch_rebuilds_when_a_form_pdf_changes(tmp_path: Path) -> None:
    from kazthesis.watch import is_input

    assert is_input(tmp_path, tmp_path / "forms" / "title.pdf")
    assert is_input(tmp_path, tmp_path / "zadanie.PDF")
    assert not is_input(tmp_path, tmp_path / "output" / "thesis.pdf")
