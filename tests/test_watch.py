"""Watch mode: after every edit the rebuilt PDF equals, page by page, a fresh build of the same files."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from conftest import Lines, copy_project, edit_file, read_pdf, run_cli

from kazthesis.watch import Watcher, is_input, watch

PARAGRAPH = ("Екі ел арасындағы ынтымақтастық жаңа кезеңге көтеріліп, сауда, энергетика, білім және мәдениет "
             "салаларындағы байланыстар тереңдей түсті. ")


def _fresh_pages(project: Path, tmp_path: Path, step: int) -> list[str]:
    """The PDF text of a fresh build (a new process state: no caches) of a copy of the project."""
    copy = tmp_path / f"fresh-{step}"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("output"))
    result = run_cli(copy)
    assert result.status == 0, result.err
    return read_pdf(copy / "output" / "thesis.pdf").pages


def _delete_figure(project: Path) -> None:
    chapter = project / "content" / "02-tarau-1.md"
    text = chapter.read_text(encoding="utf-8")
    text = text.replace("![Екі ел арасындағы ынтымақтастық сызбасы](images/chart.svg){#fig:chart}\n", "")
    chapter.write_text(text.replace("Диаграмма\n@fig:chart көрсетілген, ал", "Ал"), encoding="utf-8")
    (project / "images" / "chart.svg").unlink()


EDITS = [
    ("a prose edit", lambda p: edit_file(p / "content" / "03-qorytyndy.md", "талданды", "жан-жақты талданды")),
    ("a new citation that renumbers the later ones",
     lambda p: edit_file(p / "content" / "01-kirispe.md", "көпвекторлы бағытта дамыды",
                     "көпвекторлы бағытта дамыды [@smith2023]")),
    ("a chapter growing by a page",
     lambda p: edit_file(p / "content" / "02-tarau-1.md", "Тарау туралы қысқаша кіріспе сөз",
                     PARAGRAPH * 14 + "\n\nТарау туралы қысқаша кіріспе сөз")),
    ("a new table",
     lambda p: edit_file(p / "content" / "03-qorytyndy.md", "Қосымша мәтіні.",
                     "Қосымша мәтіні.\n\n: Жаңа кесте {#tbl:new}\n\n| А | Б |\n|---|---|\n| 1 | 2 |\n")),
    ("a figure deleted", _delete_figure),
]


@pytest.mark.slow  # one edit resumed: test_a_renumbering_citation_lays_out_only_what_it_must, test_relayout
def test_watch_rebuilds_equal_fresh_builds(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    watcher = Watcher(project)
    result, problems = watcher.rebuild()
    assert result is not None, [str(p) for p in problems]
    for step, (name, edit) in enumerate(EDITS, 1):
        before = result.pages
        edit(project)
        result, problems = watcher.rebuild()
        assert result is not None, (name, [str(p) for p in problems])
        watched = read_pdf(project / "output" / "thesis.pdf").pages
        assert watched == _fresh_pages(project, tmp_path, step), f"after {name} the watch PDF differs"
        if name == "a chapter growing by a page":
            assert result.pages > before
        if name == "a prose edit":
            assert result.laid_out <= 2, "a prose edit lays out its own piece (and at most the contents) again"

    # A broken edit keeps the last good PDF; its fix builds again.
    good = (project / "output" / "thesis.pdf").read_bytes()
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "[@smith2023]", "[@smith2032]")
    result, problems = watcher.rebuild()
    assert result is None and any("smith2032" in str(p) for p in problems.errors)
    assert (project / "output" / "thesis.pdf").read_bytes() == good
    edit_file(chapter, "[@smith2032]", "[@smith2023]")
    result, problems = watcher.rebuild()
    assert result is not None
    assert read_pdf(project / "output" / "thesis.pdf").pages == _fresh_pages(project, tmp_path, 99)


def test_a_renumbering_citation_lays_out_only_what_it_must(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    watcher = Watcher(project)
    watcher.rebuild()
    # The conclusion cites smith2023, which becomes number 1: every part that cites moves its numbers,
    # the title page, abbreviations and appendix do not.
    intro = project / "content" / "01-kirispe.md"
    edit_file(intro, "көпвекторлы бағытта дамыды", "көпвекторлы бағытта дамыды [@smith2023]")
    result, _ = watcher.rebuild()
    assert result is not None
    pieces = len(watcher.cache.pieces)
    assert 0 < result.laid_out < pieces


def test_only_inputs_trigger_a_rebuild(tmp_path: Path) -> None:
    root = tmp_path
    assert is_input(root, root / "content" / "01.md")
    assert is_input(root, root / "images" / "map.PNG")
    assert is_input(root, root / "thesis.toml")
    assert is_input(root, root / "references.bib")
    assert is_input(root, root / "templates" / "thesis.css")
    assert not is_input(root, root / "output" / "thesis.pdf")
    assert not is_input(root, root / "content" / "sedX1a2b3")  # an editor's temporary file
    assert not is_input(root, root / "content" / ".01.md.swp")
    assert not is_input(root, root / "notes.txt")


def test_watch_loop_rebuilds_on_save_and_stops(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    stop = threading.Event()

    out, err = Lines(), Lines()
    thread = threading.Thread(target=watch, args=(project, out, err, stop))
    thread.start()
    try:
        _wait_for(lambda: "Watching" in out.text, 60)
        time.sleep(0.3)
        edit_file(project / "content" / "03-qorytyndy.md", "талданды", "жан-жақты талданды")
        _wait_for(lambda: "Rebuilt after content/03-qorytyndy.md" in out.text, 60)
        # A save that breaks the build is logged as a failure, never as "Rebuilt" (#26).
        edit_file(project / "content" / "03-qorytyndy.md", "[@smith2023]", "[@smith2032]")
        _wait_for(lambda: "Not rebuilt after" in out.text, 60)
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()
    assert "Stopped watching" in out.text
    assert "жан-жақты" in "".join(read_pdf(project / "output" / "thesis.pdf").pages)
    failed = next(line for line in out.text.splitlines() if "Not rebuilt" in line)
    assert failed.startswith("Not rebuilt after content/03-qorytyndy.md: 1 error, ")
    assert "the previous output/thesis.pdf was kept" in failed
    assert not any(line.startswith("Rebuilt") and "error" in line for line in out.text.splitlines())


def _wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out")
        time.sleep(0.05)


def test_watch_rebuilds_when_a_form_pdf_changes(tmp_path: Path) -> None:
    assert is_input(tmp_path, tmp_path / "forms" / "title.pdf")
    assert is_input(tmp_path, tmp_path / "zadanie.PDF")
    assert not is_input(tmp_path, tmp_path / "output" / "thesis.pdf")
