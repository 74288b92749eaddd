"""The .docx as a supervisor sees it: the contents page numbered without updating fields (where LibreOffice
can lay the file out), the title page's signatures as the PDF sets them, the reference list justified, and
no line break inside joined initials or between a number and its unit."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import copy_project, read_pdf, run_cli
from lxml import etree

from kazthesis.doctor import check_libreoffice, run_doctor
from kazthesis.docx import page_numbers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get "
                                   "install libreoffice-writer-nogui to lay the .docx out")


@pytest.fixture(scope="module")
def exemplar(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project("exemplar", tmp_path_factory.mktemp("seen"))
    result = run_cli("docx", project)
    assert result.status == 0, result.err
    return project, result.out


def body(project: Path) -> etree._Element:
    with zipfile.ZipFile(project / "output" / "thesis.docx") as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def contents_numbers(root: etree._Element) -> list[str]:
    """The result of each PAGEREF field of the contents page."""
    numbers = []
    for instruction in root.iter(f"{W}instrText"):
        if (instruction.text or "").split()[:1] == ["PAGEREF"]:
            run, shown = instruction.getparent().getnext(), ""
            while run is not None and run.find(f"{W}fldChar") is None:
                shown += "".join(t.text or "" for t in run.iter(f"{W}t"))
                run = run.getnext()
            numbers.append(shown)
    return numbers


def layout(docx: Path, folder: Path) -> list[str]:
    """The pages of the .docx as LibreOffice lays it out, as text."""
    subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)], capture_output=True, timeout=300,
                   check=True)
    return read_pdf(folder / "thesis.pdf").pages


@needs_soffice
def test_the_contents_page_is_numbered_as_libreoffice_lays_it_out(exemplar: tuple[Path, str], tmp_path: Path) -> None:
    project, out = exemplar
    assert out.rstrip().endswith("; contents page numbers as LibreOffice lays the file out")
    numbers = contents_numbers(body(project))
    assert numbers and all(n.isdigit() for n in numbers)
    assert [int(n) for n in numbers] == sorted(int(n) for n in numbers)
    pages = layout(project / "output" / "thesis.docx", tmp_path)
    contents = pages[1]
    for line in ("КІРІСПЕ", "ҚОРЫТЫНДЫ", "ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ"):
        printed = re.search(rf"^{line}\.*\s*(\d+)\s*$", contents, re.M)
        assert printed, f"{line} has no number on the contents page"
        page = int(printed.group(1))
        assert line in pages[page - 1].replace("\u00a0", " "), f"{line} is not on page {page}"


def test_without_libreoffice_the_field_is_left_and_the_build_line_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project("small", tmp_path)
    monkeypatch.setattr(page_numbers, "find_soffice", lambda: None)
    result = run_cli("docx", project)
    assert result.status == 0, result.err
    assert "; contents page numbers left to Word (it fills them in when it updates the fields; install " \
           "LibreOffice to have them filled in here)" in result.out
    assert set(contents_numbers(body(project))) == {""}
    doctor = check_libreoffice(find=lambda: None)
    assert not doctor.ok and "libreoffice-writer-nogui" in doctor.fix["Debian/Ubuntu"]


def test_doctor_names_libreoffice_without_failing_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(page_numbers, "find_soffice", lambda: None)
    out = io.StringIO()
    status = run_doctor(tmp_path, out)
    assert "optional  LibreOffice not found: the .docx's contents page stays without page numbers" in out.getvalue()
    assert status == 0 or "MISSING" in out.getvalue()


def test_the_signatures_are_two_columns_at_the_right_as_in_the_pdf(exemplar: tuple[Path, str]) -> None:
    project, _ = exemplar
    root = body(project)
    table = next(t for t in root.iter(f"{W}tbl") if "Орындаған" in "".join(t.itertext()))
    assert table.find(f"{W}tblPr/{W}jc").get(f"{W}val") == "right"
    rows = table.findall(f"{W}tr")
    assert ["".join(row.findall(f"{W}tc")[0].itertext()) for row in rows] == ["Орындаған:", "Ғылыми жетекші:"]
    assert all(len(row.findall(f"{W}tc")) == 2 for row in rows)


@needs_soffice
def test_the_title_page_keeps_the_placeholder_on_one_line(exemplar: tuple[Path, str], tmp_path: Path) -> None:
    project, _ = exemplar
    title = layout(project / "output" / "thesis.docx", tmp_path)[0]
    assert re.search(r"Ғылыми жетекші:\s+\[Ғылыми жетекшінің аты-жөні, ғылыми дәрежесі\]", title), title
    assert re.search(r"Орындаған:\s+\[Топ\] тобының студенті", title)


def test_reference_entries_are_justified_and_urls_may_break(exemplar: tuple[Path, str]) -> None:
    project, _ = exemplar
    root = body(project)
    paragraphs = list(root.iter(f"{W}p"))
    start = next(n for n, p in enumerate(paragraphs) if "".join(p.itertext()) == "ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ")
    entries = [p for p in paragraphs[start + 1 :] if re.match(r"\d+\. ", "".join(p.itertext()))]
    with_url = [p for p in entries if p.find(f".//{W}hyperlink") is not None]
    assert len(entries) == len(run_cli("refs", project).out.splitlines()) and with_url
    for p in entries:
        jc = p.find(f"{W}pPr/{W}jc")
        assert jc is None or jc.get(f"{W}val") == "both", "justified as the body"
    for p in with_url:
        url = "".join(p.find(f".//{W}hyperlink").itertext())
        assert "\u200b" in url and url.replace("\u200b", "").startswith("http")
        assert re.search("/\u200b", url), "a URL may end a line after a slash"


def test_joined_initials_and_units_do_not_break(exemplar: tuple[Path, str]) -> None:
    project, _ = exemplar
    root = body(project)
    joined = [r for r in root.iter(f"{W}r") if r.find(f"{W}noBreakHyphen") is not None]
    assert joined, "Қ.-Ж. is written with Word's non-breaking hyphen"
    for run in joined:
        text = "".join("-" if child.tag == f"{W}noBreakHyphen" else child.text or "" for child in run
                       if child.tag in (f"{W}t", f"{W}noBreakHyphen"))
        assert re.search(r"[А-ЯӘҒҚҢӨҰҮҺІ]\.-[А-ЯӘҒҚҢӨҰҮҺІ]\.", text), text
    text = "".join(root.itertext())
    assert "Қ.-Ж." not in text, "no plain hyphen a line may end at between joined initials"
    assert re.search(r"\d\u00a0млрд\u00a0?доллар|\d\u00a0млрд", text), "a number and its unit are joined"
    assert not re.search(r"\d млрд", text)
