"""The source markers of ``kazthesis docx``: every paragraph names the file and line it was printed from, the
names survive LibreOffice saving the file, and ``review`` places marks by them where the text cannot tell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, line_of, run_cli
from reviewer import Reviewer

from kazthesis.docx.markers import read_marker, source_files
from kazthesis.lang.folding import folded_text
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems
from kazthesis.resolve.printed import document_units
from kazthesis.review.place import place
from kazthesis.review.reviewed import read_reviewed

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHAPTER = "content/02-tarau-1.md"


@pytest.fixture(scope="module", params=["exemplar", "small", "ru", "pandoc"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(request.param, tmp_path_factory.mktemp(request.param))
    result = run_cli("docx", project)
    assert result.status == 0, result.err
    return project


def test_every_paragraph_names_its_source(built: Path) -> None:
    reviewed = read_reviewed(built / "output" / "thesis.docx")
    document = prepare(built, Problems(root=built))
    units = document_units(document)
    files = source_files(document)
    assert reviewed.sources == {f"kazthesis.source.{n}": path for n, path in enumerate(files)}
    unmarked = [p for p in reviewed.paragraphs if not p.markers]
    # Only the empty paragraph that ends a body closing with a table, and the page number's footer, have none.
    assert all(not p.original.strip() or (p.story == "footer" and p.original.strip().isdigit()) for p in unmarked), \
        [p.original for p in unmarked]
    for name in (m for p in reviewed.paragraphs for m in p.markers):
        assert len(name) <= 40 and name.startswith("_") and name.replace("_", "").isalnum()
    placed = place(reviewed, units, files)
    for paragraph in reviewed.paragraphs:
        if paragraph.markers:
            assert placed[paragraph.index].how == "marker"
            unit = units[placed[paragraph.index].unit]
            printed = folded_text(unit.printed)
            written = folded_text(paragraph.original.split("\t")[0])
            assert written == printed, (paragraph.markers, unit.source)
            file_index, line, _ = read_marker(paragraph.markers[0])
            assert (files[file_index], line) == (unit.source.path, unit.source.line)


def test_markers_point_at_each_kind_of_source(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    assert run_cli("docx", project).status == 0
    reviewed = read_reviewed(project / "output" / "thesis.docx")
    files = reviewed.sources

    def source_of(text: str) -> str:
        paragraph = next(p for p in reviewed.paragraphs if p.original.startswith(text) and not p.contents)
        file_index, line, _ = read_marker(paragraph.markers[0])
        return f"{files[f'kazthesis.source.{file_index}']}:{line}"

    chapter, toml, bib = project / CHAPTER, project / "thesis.toml", project / "references.bib"
    assert source_of("1.1 Дипломатиялық") == f"{CHAPTER}:{line_of(chapter, '## Дипломатиялық')}"
    intro = project / "content" / "01-kirispe.md"
    assert source_of("қазіргі жай-күйін бағалау") == f"content/01-kirispe.md:{line_of(intro, '2. қазіргі')}"
    assert source_of("1-кесте – Тауар айналымы") == f"{CHAPTER}:{line_of(chapter, ': Тауар айналымы')}"
    assert source_of("2,2") == f"{CHAPTER}:{line_of(chapter, '| 2019 |')}"
    assert source_of(" Бұл\u00a0– сілтеме") == f"{CHAPTER}:{line_of(chapter, '[^note]:')}"
    assert source_of("Тақырыбы:") == f"thesis.toml:{line_of(toml, 'title =')}"
    assert source_of("Алматы 2026") == f"thesis.toml:{line_of(toml, 'city =')}"
    assert source_of("2. Сидоров") == f"references.bib:{line_of(bib, '@article{sidorov2019')}"


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install "
                    "libreoffice-writer-nogui to check that the markers survive it")
def test_markers_survive_libreoffice_with_comments_and_changes(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    assert run_cli("docx", project).status == 0
    r = Reviewer(project / "output" / "thesis.docx")
    r.replace("Қазақстанның тәуелсіздігін", "1991", "1992")
    r.comment("Тарау туралы", "қысқаша кіріспе", "Кеңейтіңіз.")
    r.delete_paragraph("Қайта сілтеме")
    marked = r.save(tmp_path / "marked.docx")
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "docx", "--outdir", str(tmp_path / "saved"), str(marked)], capture_output=True,
                   timeout=300, check=True)
    before, after = read_reviewed(marked), read_reviewed(tmp_path / "saved" / "marked.docx")
    assert after.sources == before.sources
    assert sorted(m for p in after.paragraphs for m in p.markers) == sorted(m for p in before.paragraphs
                                                                             for m in p.markers)
    result = run_cli("review", tmp_path / "saved" / "marked.docx", project)
    assert "warning" not in result.err, "every mark placed by its marker"
    chapter = project / CHAPTER
    assert f"{CHAPTER}:{line_of(chapter, 'Қазақстанның тәуелсіздігін')}: change (А. Сейітов): «1991» → «1992»" \
        in result.out
    assert f"{CHAPTER}:{line_of(chapter, 'Қазіргі кезеңде')}: change (А. Сейітов): paragraph deleted" in result.out


def test_a_mark_on_a_paragraph_edited_since_is_placed_by_its_marker(tmp_path: Path) -> None:
    """Text alone cannot place a mark on a paragraph the student rewrote after sending the .docx, nor tell
    apart two paragraphs that read the same: the marker can."""
    project = copy_project("small", tmp_path)
    conclusion = project / "content" / "03-qorytyndy.md"
    text = conclusion.read_text(encoding="utf-8")
    conclusion.write_text(text.replace("Қосымша мәтіні.", "Қосымша мәтіні.\n\nҚосымша мәтіні."), encoding="utf-8")
    assert run_cli("docx", project).status == 0
    r = Reviewer(project / "output" / "thesis.docx")
    r.comment("Жұмыста екі ел", "талданды", "Нақтылаңыз.")
    second = [p for p in r.document.element.body.iter() if p.tag.endswith("}p") and r.text(p) == "Қосымша мәтіні."][1]
    runs = r.runs(second)
    deleted = r._wrap(runs, "del", True)
    assert deleted is not None
    marked = r.save(tmp_path / "marked.docx")
    conclusion.write_text(conclusion.read_text(encoding="utf-8").replace("талданды", "жан-жақты талданды"),
                          encoding="utf-8")
    result = run_cli("review", marked, project)
    assert "warning" not in result.err
    lines = result.out.splitlines()
    assert f"content/03-qorytyndy.md:{line_of(conclusion, 'талданды')}: comment (А. Сейітов, 2026-12-03): " \
           "«Нақтылаңыз.» — on «талданды»" in lines
    second_line = [n for n, line in enumerate(conclusion.read_text(encoding="utf-8").splitlines(), 1)
                   if line == "Қосымша мәтіні."][1]
    deleted_line = f"content/03-qorytyndy.md:{second_line}: change (А. Сейітов): paragraph deleted: «Қосымша мәтіні.»"
    assert any(line.startswith(deleted_line) for line in lines), lines
