"""The apa-7-student profile in the Word file, read back from the real .docx (and, where LibreOffice is
installed, from its layout of it): the same page, type, headings, title page, header and list as the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from apa_project import TITLE_FIELDS, make_apa_project
from conftest import run_cli
from docxtools import Docx, flat, q, style_of, text_of
from lxml import etree
from pdftools import words

TWIPS_PER_INCH = 1440
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def apa_docx(tmp_path_factory: pytest.TempPathFactory) -> Docx:
    project = make_apa_project(tmp_path_factory.mktemp("apa-docx") / "paper")
    run = run_cli("docx", project)
    assert run.status == 0, run.err
    assert "no contents page" in run.out  # and LibreOffice is not asked to number one
    return Docx(project / "output" / "thesis.docx")


def _style(styles: etree._Element, ident: str) -> etree._Element:
    return next(s for s in styles.iter(q("w:style")) if s.get(q("w:styleId")) == ident)


def _value(element: etree._Element, path: str, attribute: str) -> str | None:
    found = element.find(path.replace("w:", W))
    return found.get(q(f"w:{attribute}")) if found is not None else None


def test_one_inch_margins_double_spacing_ragged_right_and_no_hyphenation(apa_docx: Docx) -> None:
    sect = apa_docx.body.find(q("w:sectPr"))
    margins = sect.find(q("w:pgMar"))
    for side in ("top", "right", "bottom", "left"):
        assert int(margins.get(q(f"w:{side}"))) == pytest.approx(TWIPS_PER_INCH, abs=2)
    assert sect.find(q("w:titlePg")) is None  # the title page shows its number like every other
    normal = _style(apa_docx.xml("word/styles.xml"), "Normal")
    assert _value(normal, "w:pPr/w:spacing", "line") == "480"  # double
    assert _value(normal, "w:pPr/w:jc", "val") == "left"
    assert int(_value(normal, "w:pPr/w:ind", "firstLine")) == pytest.approx(TWIPS_PER_INCH / 2, abs=2)
    assert _value(normal, "w:rPr/w:sz", "val") == "24" and _value(normal, "w:rPr/w:rFonts", "ascii") == \
        "Times New Roman"
    assert apa_docx.xml("word/settings.xml").find(q("w:autoHyphenation")) is None


def test_the_page_number_is_a_page_field_at_the_right_of_the_header(apa_docx: Docx) -> None:
    rels = apa_docx.rels()
    header = next(target for target in rels.values() if "header" in target)
    p = apa_docx.xml(f"word/{header}").find(q("w:p"))
    assert "PAGE" in "".join(t.text or "" for t in p.iter(q("w:instrText")))
    assert style_of(p) == "Header"
    assert _value(_style(apa_docx.xml("word/styles.xml"), "Header"), "w:pPr/w:jc", "val") == "right"


def test_the_student_title_page_and_the_paper_s_title_over_the_text(apa_docx: Docx) -> None:
    paragraphs = list(apa_docx.body.iter(q("w:p")))
    texts = [flat(text_of(p)) for p in paragraphs]
    title = next(i for i, t in enumerate(texts) if t.startswith("Kazakhstan’s Renunciation of Nuclear Weapons"))
    assert texts[title + 1 : title + 6] == [TITLE_FIELDS[name] if name != "department" else
                                            f"{TITLE_FIELDS['department']}, {TITLE_FIELDS['university']}"
                                            for name in ("author", "department", "course", "instructor", "due_date")]
    assert paragraphs[title].find(f"{q('w:r')}/{q('w:rPr')}/{q('w:b')}") is not None
    again = [i for i, t in enumerate(texts) if t.startswith("Kazakhstan’s Renunciation of Nuclear Weapons")][1]
    assert paragraphs[again].find(f"{q('w:pPr')}/{q('w:pageBreakBefore')}") is not None
    assert not any(t.upper() == "CONTENTS" for t in texts)


def test_the_headings_take_apa_s_five_forms(apa_docx: Docx) -> None:
    styles = apa_docx.xml("word/styles.xml")
    one, two, three = (_style(styles, f"Heading{n}") for n in (1, 2, 3))
    assert _value(one, "w:pPr/w:jc", "val") == "center" and one.find(f"{W}pPr/{W}pageBreakBefore") is None
    assert _value(two, "w:pPr/w:jc", "val") == "left" and _value(two, "w:pPr/w:ind", "firstLine") == "0"
    assert three.find(f"{W}rPr/{W}i") is not None and two.find(f"{W}rPr/{W}i") is None
    paragraphs = {flat(text_of(p)): p for p in apa_docx.body.iter(q("w:p"))}
    chapter = paragraphs["The Nuclear Legacy and the Decision to Give It Up"]  # as written: no number, no capitals
    assert style_of(chapter) == "Heading1"
    run_in = next(p for text, p in paragraphs.items() if text.startswith("A level-four heading. The text"))
    runs = run_in.findall(q("w:r"))
    bold = "".join(r.findtext(q("w:t")) or "" for r in runs if r.find(f"{q('w:rPr')}/{q('w:b')}") is not None)
    assert bold.strip() == "A level-four heading."
    fifth = next(p for text, p in paragraphs.items() if text.startswith("A level-five heading? The text"))
    assert fifth.find(f"{q('w:r')}/{q('w:rPr')}/{q('w:i')}") is not None


def test_references_start_a_page_with_hanging_entries(apa_docx: Docx) -> None:
    paragraphs = list(apa_docx.body.iter(q("w:p")))
    label = next(p for p in paragraphs if flat(text_of(p)) == "References")
    assert label.find(f"{q('w:pPr')}/{q('w:pageBreakBefore')}") is not None
    entry = next(p for p in paragraphs if flat(text_of(p)).startswith("Budjeryn, M. (2022)."))
    indent = entry.find(f"{q('w:pPr')}/{q('w:ind')}")
    assert int(indent.get(q("w:hanging"))) == pytest.approx(TWIPS_PER_INCH / 2, abs=2)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_draws_the_number_at_the_top_right_from_the_title_page_on(apa_docx: Docx, tmp_path: Path) -> None:
    subprocess.run([_soffice(), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(apa_docx.path)], check=True, capture_output=True, timeout=180)
    every = words(tmp_path / "thesis.pdf")
    for page in (1, 2, 3):
        number = [w for w in every if w.page == page and w.text == str(page)]
        assert number and number[0].y1 < 72 and number[0].x1 == pytest.approx(595.28 - 72, abs=1.5), page
    assert re.search(r"References", " ".join(w.text for w in every))
