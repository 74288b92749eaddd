"""Files the project names are files inside it, checked before they are opened (#27).

A name in the project may be a named pipe (opening it waits for ever), a link to a device (``/dev/zero`` never
ends), or a link out of the folder; each is an error naming it, found with ``os.stat`` before anything opens
it (a run that would hang is stopped by a deadline and fails). What is refused is not read first: a build
under Python's audit hooks opens nothing outside.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from audited import run_audited
from conftest import REPO, edit_file, line_of
from guard import foreign_lines, run_within
from test_errors import _fails_with


def _fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


def _refused(project: Path, pattern: str, command: str = "build") -> str:
    result = run_within(60, command, project)
    assert result.status == 1, result.out + result.err
    assert re.search(pattern, result.err, re.M), result.err
    assert foreign_lines(result.err) == [], result.err
    return result.err


# --- 7. special files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "check", "docx"])
def test_thesis_toml_that_is_a_fifo_is_an_error(project: Path, command: str) -> None:
    _fifo(project / "thesis.toml")
    _refused(project, r"^thesis\.toml: error: thesis\.toml is a named pipe \(FIFO\), not a file", command)


def test_chapter_that_is_a_fifo_is_an_error(project: Path) -> None:
    _fifo(project / "content" / "04-pipe.md")
    _refused(project, r"^content/04-pipe\.md: error: this chapter is a named pipe \(FIFO\), not a file")


def test_chapter_linked_to_a_device_is_an_error(project: Path) -> None:
    (project / "content" / "04-zero.md").symlink_to("/dev/zero")
    _refused(project, r"^content/04-zero\.md: error: this chapter is a link to a file outside the project folder")


def test_chapter_that_is_a_device_inside_the_project_is_an_error(project: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root makes device files")
    os.mknod(project / "content" / "04-zero.md", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero's numbers
    _refused(project, r"^content/04-zero\.md: error: this chapter is a device, not a file")


def test_bibliography_that_is_a_fifo_is_an_error(project: Path) -> None:
    _fifo(project / "references.bib")
    _refused(project, r"^references\.bib: error: references\.bib is a named pipe \(FIFO\), not a file")


def test_template_that_is_a_fifo_is_an_error_not_the_tools_own(project: Path) -> None:
    (project / "templates").mkdir()
    _fifo(project / "templates" / "title_page.html")
    _refused(project, r"^templates/title_page\.html: error: this template is a named pipe \(FIFO\), not a file")


def test_image_that_is_a_fifo_is_an_error(project: Path) -> None:
    _fifo(project / "images" / "chart.svg")
    line = line_of(project / "content" / "02-tarau-1.md", "chart.svg")
    _refused(project, rf"^content/02-tarau-1\.md:{line}: error: image 'images/chart\.svg' is a named pipe \(FIFO\), "
                      "not a file")


def test_inserted_pdf_that_is_a_fifo_is_an_error(project: Path) -> None:
    (project / "forms").mkdir()
    _fifo(project / "forms" / "zadanie.pdf")
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[[insert]]\nfile = "forms/zadanie.pdf"\n',
                      encoding="utf-8")
    line = line_of(config, "forms/zadanie.pdf")
    _refused(project, rf"^thesis\.toml:{line}: error: this insert, 'forms/zadanie\.pdf', is a named pipe \(FIFO\), "
                      "not a file")


def _moved_outside(project: Path, tmp_path: Path, name: str) -> None:
    outside = tmp_path / f"elsewhere-{name}"
    shutil.move(project / name, outside)
    (project / name).symlink_to(outside)


def test_bib_linked_outside_is_refused(project: Path, tmp_path: Path) -> None:
    _moved_outside(project, tmp_path, "references.bib")
    _fails_with(project, r"^references\.bib: error: references\.bib is a link to a file outside the project")


def test_thesis_toml_linked_outside_is_refused(project: Path, tmp_path: Path) -> None:
    _moved_outside(project, tmp_path, "thesis.toml")
    _fails_with(project, r"^thesis\.toml: error: thesis\.toml is a link to a file outside the project")


# --- 8. refused before it is read ---------------------------------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


def test_a_linked_template_is_refused_without_being_read(project: Path, outside: Path, tmp_path: Path) -> None:
    secret = outside / "title_page.html"
    secret.write_text("TOPSECRET", encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "title_page.html").symlink_to(secret)
    result = run_audited(outside, "build", project, log=tmp_path / "audit.log")
    assert result.status == 1, result.err
    assert "templates/title_page.html: error: this template is a link to a file outside" in result.err
    assert result.events == []


def test_a_linked_stylesheet_nothing_uses_is_not_read(project: Path, outside: Path, tmp_path: Path) -> None:
    (outside / "notes.css").write_text("http://example.invalid/x.png", encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "a-notes.css").symlink_to(outside / "notes.css")  # first in the search for a URL
    css = project / "templates" / "thesis.css"
    shutil.copy(REPO / "templates" / "thesis.css", css)
    css.write_text(css.read_text(encoding="utf-8") + '\nh1 { background: url("http://example.invalid/x.png") }\n',
                   encoding="utf-8")
    result = run_audited(outside, "build", project, log=tmp_path / "audit.log")
    assert result.status == 1, result.err
    line = line_of(css, "example.invalid")
    assert re.search(rf"^templates/thesis\.css:{line}: error: the renderer was asked for http://example\.invalid/x\.png",
                     result.err, re.M), result.err
    assert result.events == []


def test_a_chapter_linked_outside_is_named_by_check_too(project: Path, outside: Path) -> None:
    (outside / "chapter.md").write_text("# Сыртқы\n\nМәтін.\n", encoding="utf-8")
    (project / "content" / "04-outside.md").symlink_to(outside / "chapter.md")
    edit_file(project / "content" / "03-qorytyndy.md", "талданды", "талданды")
    _refused(project, r"^content/04-outside\.md: error: this chapter is a link to a file outside", "check")
