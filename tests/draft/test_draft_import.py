"""`kazthesis import` on drafts made the ways students make them, then `kazthesis build` on the result.

The LibreOffice-written drafts are fixtures (tests/fixtures/drafts/make_drafts.py re-makes them); the
python-docx one is made here; the seed draft is plain text with a contents page typed with dot leaders,
headings run into the text and citations to a reference list it does not have.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, Pdf, read_pdf, run_cli, squash

DRAFTS = FIXTURES / "drafts"


def imported(draft: Path, target: Path) -> tuple[str, Path]:
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    result = run_cli("import", draft, target)
    assert result.status == 0, result.err
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before  # the draft is only read
    return result.out, target


def build_imported(project: Path) -> tuple[str, Pdf]:
    """Build the project an import made; its closing line and PDF."""
    result = run_cli("build", project)
    assert result.status == 0, result.err
    return result.out, read_pdf(project / "output" / "thesis.pdf")


def in_order(pdf: Pdf, needles: list[str]) -> None:
    """Each needle is in the PDF, each after the one before it."""
    text = squash("".join(pdf.pages))
    at = 0
    for needle in needles:
        found = text.find(squash(needle), at)
        assert found >= 0, f"{needle!r} not found after position {at}"
        at = found + 1


# --- a Kazakh coursework typed in LibreOffice, saved as .docx ----------------------------------------------

@pytest.fixture(scope="module")
def kk(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str, Pdf]:
    report, project = imported(DRAFTS / "kk-typed.docx", tmp_path_factory.mktemp("kk") / "kk-thesis")
    closing, pdf = build_imported(project)
    return report, project, closing, pdf


def test_typed_draft_files(kk: tuple[str, Path, str, Pdf]) -> None:
    report, project, _, _ = kk
    names = sorted(p.name for p in (project / "content").iterdir())
    assert names == ["01-kirispe.md", "02-tarau-1.md", "03-tarau-2.md", "04-qorytyndy.md", "05-qosymsha-a.md"]
    settings = tomllib.loads((project / "thesis.toml").read_text(encoding="utf-8"))
    assert settings["language"] == "kk" and settings["work_type"] == "coursework"
    page = settings["title_page"]
    assert page["university"] == "Әл-Фараби атындағы Қазақ ұлттық университеті"
    assert page["department"] == "Халықаралық қатынастар және әлемдік экономика кафедрасы"
    assert page["title"] == "Қазақстан мен АҚШ қарым-қатынасы: ядролық қарусыздану мен ынтымақтастық"
    assert (page["author"], page["group"], page["city"], page["year"]) == ("Серікова Айгерім", "ХҚ-31", "Алматы",
                                                                           2024)
    assert page["supervisor"] == "т.ғ.к., доцент Әбенов Б. Қ."
    assert settings["bibliography"]["list_uncited"] is True  # the draft lists [10] and never cites it
    chapter = (project / "content" / "02-tarau-1.md").read_text(encoding="utf-8")
    assert chapter.startswith("# Ядролық мұра және одан бас тарту {#sec:")  # "ТАРАУ І" and the capitals gone
    assert "## Семей полигонының жабылуы\n" in chapter and "1.1" not in chapter
    assert "[@kassenova2022, 25]" in chapter and "[@tomchuk2013; @relations2014; @ratifikatsii2011]" in chapter
    assert "км^2^" in chapter and "CO~2~" in chapter and "*мұқият*" in chapter
    assert re.search(r"\[-@tbl:[\w-]+\]-кестеде және \[-@fig:[\w-]+\]-суретте", chapter)
    assert re.search(r"^: Ядролық қарусыздану кезеңдері \{#tbl:[\w-]+\}\n\| Кезең \| Жылдар \| Оқиға \|$", chapter,
                     re.M)
    assert re.search(r"^!\[Келісімдер саны\]\(images/figure-1\.png\)\{#fig:[\w-]+\}$", chapter, re.M)
    assert "[^1]: Бұл күн кейін Ядролық сынақтарға қарсы" in chapter
    assert "\n- Лиссабон хаттамасы;\n- ЯҚТШ-ға қосылу;\n" in chapter
    intro = (project / "content" / "01-kirispe.md").read_text(encoding="utf-8")
    assert intro.startswith("# КІРІСПЕ {.unnumbered}\n") and "\n1. ядролық мұраның тағдырын қарастыру;\n" in intro
    assert "**Зерттеудің өзектілігі.**" in intro and "...." not in intro
    with zipfile.ZipFile(DRAFTS / "kk-typed.docx") as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert (project / "images" / "figure-1.png").read_bytes() in media
    bib = (project / "references.bib").read_text(encoding="utf-8")
    assert bib.count("\n@") == 24 and bib.count("entrysubtype = {typed}") == 1
    assert bib.count("entrysubtype = {placeholder}") == 1 and "@misc{source24," in bib
    assert report.rstrip().splitlines()[-1] == (
        f"Imported kk-typed.docx → {project}: 2 chapters, 24 sources (22 parsed, 1 kept as typed, "
        f"1 placeholder), 15 citations, 1 figure, 1 table; kazthesis build {project}")
    assert re.search(r"¶25 \(p\. \d\): chapter 1 \(typed 'ТАРАУ І", report)
    assert re.search(r"¶67 \(p\. \d\): \[22\] kept as typed", report)


# The words of the import report in English, outside what it quotes from the draft.
ENGLISH = re.compile(r"\b(?:Read|Structure|Imported|title page|contents page|structural element|chapters?|sections?|"
                     r"typed|style|listed|bold|centred|appendix|reference list|entries|parsed|kept as|placeholders?|"
                     r"citations?|linked|figures?|tables?|footnotes?|paragraphs?|language|dropped|not cited|"
                     r"sources?)\b")


def test_the_report_is_in_the_students_language(kk: tuple[str, Path, str, Pdf], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Each decision, note and count of the report in Kazakh, at the same draft positions as in English; what it
    quotes from the draft as it is."""
    english = kk[0]
    monkeypatch.setenv("KAZTHESIS_LANG", "kk")
    report, project = imported(DRAFTS / "kk-typed.docx", tmp_path / "kk-thesis")
    lines, english_lines = report.splitlines(), english.splitlines()
    assert len(lines) == len(english_lines)
    for line, english_line in zip(lines, english_lines, strict=True):
        assert re.findall(r"¶\d+|'[^']*'", line) == re.findall(r"¶\d+|'[^']*'", english_line), line
        written = re.sub(r"'[^']*'", "", line).replace("kk-typed.docx", "").replace(str(project), "")
        assert ENGLISH.search(written) is None, line
        assert ENGLISH.search(english_line) or "list_uncited" in english_line or english_line.endswith(":")
    for said in ("¶11 (2-бет): мазмұн беті алынып тасталды (7 жол, олар бойынша тақырыптар тексерілді)",
                 "¶19 (3-бет): құрылымдық элемент 'КІРІСПЕ' (кіріспе)",
                 "¶25 (4-бет): 1-тарау (терілген мәтін 'ТАРАУ І ЯДРОЛЫҚ МҰРА ЖӘНЕ ОДАН'): 'ЯДРОЛЫҚ МҰРА",
                 "¶26 (4-бет): бөлім 1.1 (терілген нөмір 1.1): 'Семей полигонының жабылуы'",
                 "¶41 (5-бет): бөлім 2.1 (ортаға туралған жуан жол): 'Білім саласы'",
                 "¶45 (7-бет): әдебиеттер тізімі басталады: 'ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ'",
                 "¶69 (8-бет): А қосымшасы: 'Хронология'", "¶1: титул парағы: ministry = 'Қазақстан Республикасы"):
        assert said in report, said


def test_an_imported_thesis_toml_speaks_the_documents_language(kk: tuple[str, Path, str, Pdf]) -> None:
    """Its comments are in the draft's language, as `new` writes them, the first line naming the import."""
    text = (kk[1] / "thesis.toml").read_text(encoding="utf-8")
    assert text.startswith("# thesis.toml — kazthesis ") and "`import` командасы kk-typed.docx файлынан жазған.\n" \
        in text.splitlines(keepends=True)[0]
    assert "\n[abbreviations]\n# Қысқарту және оның толық мағынасы, әр жолға біреу:" in text
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert [line for line in comments if re.search(r"[a-z]{2,} [a-z]{2,} [a-z]{2,}", line)] == []


def test_typed_draft_builds_in_order(kk: tuple[str, Path, str, Pdf]) -> None:
    _, project, closing, pdf = kk
    assert "1 placeholder source to fill in" in closing
    in_order(pdf, ["ӘЛ-ФАРАБИ АТЫНДАҒЫ ҚАЗАҚ ҰЛТТЫҚ УНИВЕРСИТЕТІ", "Серікова Айгерім", "МАЗМҰНЫ", "КІРІСПЕ",
                   "Зерттеудің өзектілігі", "[1]", "[2; 3]", "1 ЯДРОЛЫҚ МҰРА ЖӘНЕ ОДАН БАС ТАРТУ",
                   "1.1 Семей полигонының жабылуы", "[1, 25 б.]", "1.2 Ядролық қарудан бас тарту туралы шешім",
                   "1-кестеде және 1-суретте көрсетілген [5–7]", "1-кесте – Ядролық қарусыздану кезеңдері",
                   "Лиссабон хаттамасы", "1-сурет – Келісімдер саны", "2 ЕКІ ЕЛ АРАСЫНДАҒЫ ЫНТЫМАҚТАСТЫҚ",
                   "2.1 Білім саласы", "ҚОРЫТЫНДЫ", "ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ",
                   "1. Kassenova, T. Atomic Steppe",
                   # typed loosely in the draft, printed in GOST form
                   "2. Назарбаев, Н. Ә. Ғасырлар тоғысында / Н. Ә. Назарбаев. – Алматы : Өнер, 1996. – 272 б.",
                   "Potter W. C. The Politics of Nuclear Renunciation", "ҚОСЫМША А", "Хронология"])
    images = subprocess.run(["pdfimages", "-list", str(pdf.path)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) >= 3  # header lines and the figure
    check = run_cli("check", project)
    assert "is a placeholder: '[Дереккөз 24: мәтінде [24] сілтемесі бар" in check.err


# --- a Russian draft with the word processor's styles, numbering and footnotes -----------------------------

@pytest.fixture(scope="module", params=["ru-styles.odt", "ru-styles.docx"])
def ru(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, Pdf]:
    report, project = imported(DRAFTS / request.param, tmp_path_factory.mktemp("ru") / "ru")
    _, pdf = build_imported(project)
    return report, project, pdf


def test_styled_draft(ru: tuple[str, Path, Pdf]) -> None:
    report, project, pdf = ru
    assert sorted(p.name for p in (project / "content").iterdir()) == [
        "01-vvedeniye.md", "02-glava-1.md", "03-zaklyucheniye.md", "04-prilozheniye-a.md"]
    intro = (project / "content" / "01-vvedeniye.md").read_text(encoding="utf-8")
    assert "\n1. рассмотреть историю вопроса;\n1. описать соглашения;\n1. сделать выводы.\n" in intro
    chapter = (project / "content" / "02-glava-1.md").read_text(encoding="utf-8")
    assert "\n- образование;\n- культура;\n- здравоохранение.\n" in chapter
    assert re.search(r"в таблице \[-@tbl:[\w-]+\] \[@medeubayeva2012\]", chapter)
    assert "6 sources (6 parsed, 0 kept as typed)" in report
    assert tomllib.loads((project / "thesis.toml").read_text(encoding="utf-8"))["language"] == "ru"
    in_order(pdf, ["ВВЕДЕНИЕ", "[1]", "[2, с. 46]", "1) рассмотреть историю вопроса", "1 ИСТОРИЯ ОТНОШЕНИЙ",
                   "1.1 Первые годы", "в таблице 1 [3]", "Таблица 1 – Основные события", "Признание независимости",
                   "1.2 Сотрудничество", "ЗАКЛЮЧЕНИЕ", "[1–3]",
                   "СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ", "1. Александров, С. Н.", "2. Юнеман, Р. А.",
                   "3. Медеубаева, Ж. М.", "ПРИЛОЖЕНИЕ А", "Хронология событий"])
    footnote_page = pdf.page_of("установлены в 1991 году1.")
    assert footnote_page is not None and pdf.page_of("1 По данным Государственного департамента США") == footnote_page


# --- an English draft made with python-docx: heading styles, Word numbering, a formula, a picture ----------

OMML = ('<m:oMathPara xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:oMath>'
        "<m:r><m:t>E</m:t></m:r><m:r><m:t>=</m:t></m:r><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num>"
        "<m:den><m:sSup><m:e><m:r><m:t>b</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup>"
        "</m:den></m:f><m:r><m:t>+</m:t></m:r><m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/>"
        "<m:e><m:r><m:t>c</m:t></m:r></m:e></m:rad></m:oMath></m:oMathPara>")
EN_SOURCES = [
    "Kassenova, T. Atomic Steppe : How Kazakhstan Gave Up the Bomb / T. Kassenova. – Stanford, California : "
    "Stanford University Press, 2022. – 384 p.",
    "Budjeryn, M. Non-Proliferation and State Succession : The Demise of the USSR and the Nuclear Aftermath in "
    "Belarus, Kazakhstan, and Ukraine / M. Budjeryn // Journal of Cold War Studies. – 2022. – Vol. 24, No. 2. – "
    "P. 46–94. – DOI: 10.1162/jcws_a_01077.",
]


def make_english_draft(path: Path) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Cm
    from tests_png import chart_png

    document = docx.Document()
    for line in ("Ministry of Science and Higher Education of the Republic of Kazakhstan",
                 "Al-Farabi Kazakh National University", "COURSEWORK", "Topic: Kazakhstan and the Bomb",
                 "Supervisor: Smith J.", "Almaty, 2025"):
        document.add_paragraph(line, style="Title" if line.startswith("Topic") else None)  # Word's Title style
    signatures = document.add_table(rows=1, cols=2)  # the signature block typed as a table
    signatures.rows[0].cells[0].text, signatures.rows[0].cells[1].text = "Performed by:", "Aliyeva A."
    document.add_paragraph("CONTENTS")
    for entry in ("INTRODUCTION\t3", "1 The nuclear legacy\t4", "CONCLUSION\t6", "REFERENCES\t7"):
        document.add_paragraph(entry)
    document.add_heading("ABBREVIATIONS", 1)
    document.add_paragraph("NPT – Treaty on the Non-Proliferation of Nuclear Weapons")
    document.add_paragraph("US – United States")
    document.add_heading("INTRODUCTION", 1)
    intro = document.add_paragraph("Kazakhstan gave up the fourth largest arsenal in the world [1, p. 25]. ")
    intro.add_run("Its reasons").bold = True
    intro.add_run(" are discussed in the literature [1; 2].")
    document.add_heading("1 The nuclear legacy", 1)
    document.add_heading("1.1 Tests and their cost", 2)
    document.add_paragraph("The balance of the decision is shown by a formula:")
    formula = document.add_paragraph()
    formula._p.append(parse_xml(OMML))
    for item in ("diplomatic isolation;", "economic ties;", "security guarantees."):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("Table 1 shows the stages, and Figure 1 the agreements [2].")
    document.add_paragraph("Table 1 – Stages of disarmament")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ("Stage", "Years", "First", "1991–1992"),
                          strict=True):
        cell.text = text
    image = path.parent / "chart.png"
    image.write_bytes(chart_png())
    document.add_picture(str(image), width=Cm(6))
    document.add_paragraph("Figure 1 – Agreements signed")
    document.add_heading("CONCLUSION", 1)
    document.add_paragraph("The decision shaped the relations that followed [1].")
    document.add_heading("REFERENCES", 1)
    for number, entry in enumerate(EN_SOURCES, 1):
        document.add_paragraph(f"{number}. {entry}")
    document.save(str(path))
    return image.read_bytes()


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, bytes, Pdf]:
    folder = tmp_path_factory.mktemp("en")
    picture = make_english_draft(folder / "draft.docx")
    report, project = imported(folder / "draft.docx", folder / "thesis")
    _, pdf = build_imported(project)
    return report, project, picture, pdf


def test_python_docx_draft(english: tuple[str, Path, bytes, Pdf]) -> None:
    report, project, picture, pdf = english
    settings = tomllib.loads((project / "thesis.toml").read_text(encoding="utf-8"))
    assert settings["language"] == "en" and settings["title_page"]["title"] == "Kazakhstan and the Bomb"
    assert settings["title_page"]["supervisor"] == "Smith J." and settings["title_page"]["author"] == "Aliyeva A."
    assert settings["abbreviations"] == {"NPT": "Treaty on the Non-Proliferation of Nuclear Weapons",
                                         "US": "United States"}  # the typed page → thesis.toml, no file of its own
    assert sorted(p.name for p in (project / "content").iterdir()) == [
        "01-introduction.md", "02-chapter-1.md", "03-conclusion.md"]
    chapter = (project / "content" / "02-chapter-1.md").read_text(encoding="utf-8")
    assert chapter.startswith("# The nuclear legacy {#sec:") and "## Tests and their cost\n" in chapter
    assert r"$$E=\frac{a}{b^{2}}+\sqrt{c}$$" in chapter
    assert "\n1. diplomatic isolation;\n1. economic ties;\n1. security guarantees.\n" in chapter
    assert re.search(r"Table \[-@tbl:[\w-]+\] shows the stages, and Figure \[-@fig:[\w-]+\] the agreements "
                     r"\[@budjeryn2022\]", chapter)
    assert (project / "images" / "figure-1.png").read_bytes() == picture
    assert "2 sources (2 parsed, 0 kept as typed)" in report
    in_order(pdf, ["INTRODUCTION", "[1, p. 25]", "Its reasons", "[1; 2]", "1 THE NUCLEAR LEGACY",
                   "1.1 Tests and their cost", "1. diplomatic isolation", "Table 1 shows the stages",
                   "Table 1 – Stages of disarmament", "Figure 1 – Agreements signed", "CONCLUSION", "REFERENCES",
                   "1. Kassenova, T. Atomic Steppe", "2. Budjeryn, M."])


# --- the seed draft: plain text, cited numbers without a list ----------------------------------------------

@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str, Pdf]:
    report, project = imported(DRAFTS / "seed-000.txt", tmp_path_factory.mktemp("seed") / "seed")
    closing, pdf = build_imported(project)
    return report, project, closing, pdf


def test_seed_draft_citations_become_placeholders(seed: tuple[str, Path, str, Pdf]) -> None:
    report, project, closing, pdf = seed
    bib = (project / "references.bib").read_text(encoding="utf-8")
    cited = [6, 7, 8, 9, 10, 11, 13, 14, 15]
    assert re.findall(r"@misc\{source(\d+),", bib) == [str(n) for n in cited]
    assert bib.count("entrysubtype = {placeholder}") == 9
    assert "cited with no list entry, made placeholder sources (source6…): [6], [7], [8], [9], [10], [11], [13], " \
           "[14], [15]" in report
    assert "0 parsed, 0 kept as typed, 9 placeholders" in report
    assert "9 placeholder sources to fill in" in closing
    chapter = (project / "content" / "01-tarau-1.md").read_text(encoding="utf-8")
    assert chapter.startswith("# АҚШ – Қазақстан қарым-қатынасының қалыптасуы және дамуы {#sec:")
    assert "## Қазақстан мен АҚШ дипломатиялық қарым-қатынасының қалыптасу кезеңі\n\n1991 жылғы 25 желтоқсан" \
        in chapter
    assert "¬" not in chapter and "Мазмұны" not in chapter and "..........." not in chapter  # contents dropped
    assert "[@source6]" in chapter and "талдайтын" in chapter  # "тал¬дай¬тын": the typed hyphens gone
    in_order(pdf, ["1 АҚШ – ҚАЗАҚСТАН ҚАРЫМ-ҚАТЫНАСЫНЫҢ", "1.1 Қазақстан мен АҚШ дипломатиялық", "[1]", "[2]",
                   "ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ",
                   "1. [Дереккөз 6: мәтінде [6] сілтемесі бар, ал әдебиеттер тізімінде жоқ – сипаттамасын жазыңыз]",
                   "9. [Дереккөз 15:"])
    check = run_cli("check", project)
    assert check.err.count("is a placeholder") == 9 and "has no year" not in check.err
