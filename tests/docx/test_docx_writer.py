"""`kazthesis docx` as a command, and the writer's parts on their own: bad input keeps the previous file, an
unknown model node is a bug, CSS lengths and figure sizes, SVGs confined to the project, LibreOffice's page count."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import Built, copy_project, read_pdf, run_cli
from docxtools import q
from lxml import etree

from kazthesis.docx.blocks import Blocks
from kazthesis.docx.images import confine_svg, css_length, fit_size
from kazthesis.docx.inlines import Inlines
from kazthesis.docx.story import Story
from kazthesis.model import Source
from kazthesis.problems import Problems

ON_RU_AND_EXEMPLAR = pytest.mark.parametrize("built", ["ru", "exemplar"], indirect=True)


# --- the command -------------------------------------------------------------------------------------


def test_help_lists_the_docx_command() -> None:
    result = run_cli("--help")
    assert result.status == 0
    assert "kazthesis docx [PROJECT_DIR]" in result.out


def test_input_errors_stop_the_build_and_keep_the_previous_docx(ru_build: Built, tmp_path: Path) -> None:
    project = copy_project("ru", tmp_path)
    (project / "output").mkdir()
    shutil.copy(ru_build.docx.path, project / "output" / "thesis.docx")
    previous = (project / "output" / "thesis.docx").read_bytes()
    chapter = project / "content" / "02-glava-1.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("@tokayev2000, 112", "@tokaev2000, 112"),
                       encoding="utf-8")
    result = run_cli("docx", project)
    assert result.status == 1
    assert re.search(r"content/02-glava-1\.md:\d+: error: citation key 'tokaev2000'", result.err)
    assert "the previous output/thesis.docx was kept" in result.err
    assert (project / "output" / "thesis.docx").read_bytes() == previous
    assert not list((project / "output").glob("*.part"))


def test_an_unknown_model_node_is_a_bug_not_silence(ru_build: Built) -> None:
    story = Story(ru_build.document, Problems())
    inlines = Inlines(story)

    class Strange:
        source = Source("x.md", 1)

    with pytest.raises(TypeError, match="no DOCX for Strange"):
        Blocks(story, inlines).block(Strange())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="no DOCX for Strange"):
        inlines.write(etree.Element(q("w:p")), [Strange()])  # type: ignore[list-item]


@pytest.mark.parametrize(("value", "points"), [("50%", 200.0), ("8cm", 226.77), ("80mm", 226.77), ("300px", 225.0),
                                               ("2in", 144.0), ("", None), ("wide", None)])
def test_css_lengths(value: str, points: float | None) -> None:
    result = css_length(value, 400.0, 14.0)
    assert result == (pytest.approx(points, abs=0.01) if points is not None else None)


def test_figure_size_fits_the_text_column() -> None:
    assert fit_size((800, 400), "", "", 400, 14, 500) == (400, 200)  # too wide: scaled down
    assert fit_size((100, 50), "50%", "", 400, 14, 500) == (200, 100)  # a share of the column, ratio kept
    assert fit_size((100, 100), "", "", 400, 14, 50) == (50, 50)  # too tall


def test_an_svg_cannot_pull_files_from_outside_the_project_into_the_png(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "images").mkdir(parents=True)
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
           b'<image xlink:href="/etc/secret.png"/><image href="file:///etc/secret.png"/>'
           b'<image href="../../outside.png"/><image href="inside.png"/><use xlink:href="#a"/>'
           b'<image href="data:image/png;base64,AAAA"/></svg>')
    confined = confine_svg(svg, root / "images", root)
    assert "secret" not in confined and "outside" not in confined
    assert "inside.png" in confined and "#a" in confined and "data:image/png" in confined
    plain = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
    assert confine_svg(plain, root / "images", root) == plain.decode()


# --- LibreOffice ---------------------------------------------------------------------------------------


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed: apt-get install "
                    "libreoffice-writer-nogui to compare its page count with the PDF's")
@ON_RU_AND_EXEMPLAR
def test_libreoffice_page_count_is_within_a_quarter_of_ours(built: Built, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    result = subprocess.run([_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(built.docx.path)],
                            capture_output=True, text=True, timeout=300)
    converted = tmp_path / "thesis.pdf"
    assert converted.exists(), result.stderr
    theirs, ours = len(read_pdf(converted).pages), len(built.pdf.pages)
    assert abs(theirs - ours) <= 0.25 * ours, f"LibreOffice: {theirs} pages, ours: {ours}"
    # LibreOffice shows the title page without a number and the rest numbered.
    pages = read_pdf(converted).pages
    assert not re.search(r"^\s*1\s*$", pages[0], re.M)
    assert re.search(r"^\s*2\s*$", pages[1], re.M)
