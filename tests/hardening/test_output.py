"""The build writes only inside the project, whole files or none, and a disk problem is the student's (#27).

An ``output/`` linked to another folder (or a file in it linked out) is refused by ``build``, ``docx`` and
``doctor``, and the file there is left as it was; a folder in the way, a read-only folder and the umask are
handled as problems of the disk, never as bugs.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import run_cli
from guard import run_within
from test_errors import _fails_with

from kazthesis.doctor import check_output
from kazthesis.output import write_folder
from kazthesis.watch import watch


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    return folder


# --- 3. nothing written outside --------------------------------------------------------------------------


@pytest.mark.parametrize("command, name", [("build", "thesis.pdf"), ("docx", "thesis.docx")])
def test_output_linked_outside_is_refused(project: Path, outside: Path, command: str, name: str) -> None:
    (outside / name).write_bytes(b"someone else's file")
    shutil.rmtree(project / "output")
    (project / "output").symlink_to(outside)
    result = run_within(120, command, project)
    assert result.status == 1, result.err
    assert re.search(rf"^output/{re.escape(name)}: error: cannot write the file: output/ is a link to a folder outside "
                     "the project folder — remove the link", result.err, re.M), result.err
    assert sorted(p.name for p in outside.iterdir()) == [name]
    assert (outside / name).read_bytes() == b"someone else's file"
    assert not check_output(project).ok


def test_output_file_linked_outside_is_refused(project: Path, outside: Path) -> None:
    (outside / "thesis.pdf").write_bytes(b"someone else's file")
    (project / "output" / "thesis.pdf").unlink()
    (project / "output" / "thesis.pdf").symlink_to(outside / "thesis.pdf")
    result = run_within(120, "build", project)
    assert result.status == 1, result.err
    assert "output/thesis.pdf: error: cannot write the file: output/thesis.pdf is a link" in result.err
    assert (outside / "thesis.pdf").read_bytes() == b"someone else's file"


def test_folder_in_the_way_of_the_html_keeps_the_pdf(project: Path) -> None:
    (project / "output" / "thesis.html").mkdir()
    _fails_with(project, r"^output/thesis\.html: error: cannot write the file: .* — a folder stands where the file "
                         r"goes")


def test_read_only_output_folder_is_a_problem_not_a_bug(project: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere: a read-only folder cannot be made")
    (project / "output").chmod(0o555)
    try:
        _fails_with(project, r"^output/thesis\.pdf: error: cannot write the file: Permission denied")
    finally:
        (project / "output").chmod(0o755)


def test_outputs_honour_the_umask(project: Path) -> None:
    previous = os.umask(0o022)
    try:
        assert run_cli(project).status == 0
    finally:
        os.umask(previous)
    for name in ("thesis.pdf", "thesis.html"):
        assert (project / "output" / name).stat().st_mode & 0o777 == 0o644


def test_watch_refuses_an_output_linked_outside(project: Path, outside: Path) -> None:
    shutil.rmtree(project / "output")
    (project / "output").symlink_to(outside)
    stop = threading.Event()
    out, err = io.StringIO(), io.StringIO()
    thread = threading.Thread(target=watch, args=(project, out, err, stop))
    thread.start()
    try:
        deadline = time.monotonic() + 120
        while "Watching" not in out.getvalue():
            assert time.monotonic() < deadline, out.getvalue() + err.getvalue()
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(60)
    assert "Build failed: 1 error" in out.getvalue()
    assert "output/ is a link to a folder outside the project folder" in err.getvalue()
    assert list(outside.iterdir()) == []


def test_a_new_folder_is_written_whole_and_only_inside(tmp_path: Path) -> None:
    target = tmp_path / "new"
    with pytest.raises(ValueError, match="outside the new folder"):
        write_folder({"content/01.md": b"# A\n", "../escaped.txt": b"x"}, target)
    assert not target.exists() and not (tmp_path / "escaped.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == [], "no staging folder is left behind"
    write_folder({"content/01.md": b"# A\n"}, target, folders=("images",))
    assert (target / "content" / "01.md").read_bytes() == b"# A\n" and (target / "images").is_dir()
