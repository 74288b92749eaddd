"""Nothing the tool starts outlives it, and no piece may lay out for ever or take all the memory (issue #27).

A real ``build.py`` runs in a process of its own; once its renderer and workers exist, it is killed (SIGKILL,
SIGTERM), and every process it started must be gone, by PID. The same for ``watch`` stopped with SIGTERM, and
for ``watch`` meeting a bug of the tool: it ends with status 3 and the internal-error note. The bounds on a
piece are lowered in the test so that the exemplar's own pieces reach them.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_cli

from kazthesis.pdf import workers

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def children(pid: int) -> set[int]:
    """Every process below ``pid``, from /proc."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(child) for child in (task / "children").read_text().split()}
        except OSError:
            pass
    for child in list(found):
        found |= children(child)
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _gone(started: set[int]) -> bool:
    """Whether every process of ``started`` has ended; those left are killed, not to outlive the test."""
    if _wait(lambda: not any(running(pid) for pid in started), 10):
        return True
    for pid in started:
        if running(pid):
            os.kill(pid, signal.SIGKILL)
    return False


def _start(command: str, project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), command, str(project)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_no_process_outlives_a_killed_build(tmp_path: Path, how: signal.Signals) -> None:
    project = copy_project("exemplar", tmp_path)
    build = _start("build", project)
    try:
        # The renderer and its workers: three processes below the build (more while a worker is replaced).
        assert _wait(lambda: len(children(build.pid)) >= 1 + workers.worker_count(), 60), "no renderer started"
        started = children(build.pid)
        build.send_signal(how)
        build.wait(30)
    finally:
        if build.poll() is None:
            build.kill()
    assert _gone(started), f"still running after {how.name}"


def test_no_process_outlives_watch_stopped_by_sigterm(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    watch = _start("watch", project)
    try:
        assert _wait(lambda: len(children(watch.pid)) >= 1 + workers.worker_count(), 60), "no renderer started"
        line = watch.stdout.readline()  # "Built: …": the renderer has done work
        assert line.startswith("Built"), line + watch.stderr.read()
        started = children(watch.pid)
        watch.send_signal(signal.SIGTERM)
        watch.wait(30)
    finally:
        if watch.poll() is None:
            watch.kill()
    assert _gone(started), "still running after SIGTERM"


WATCH_WITH_A_BUG = """
import sys
from kazthesis import watch
from kazthesis.cli import main

first = watch.Watcher.rebuild
calls = []

def rebuild(self):
    calls.append(1)
    if len(calls) > 1:
        raise ZeroDivisionError("a bug in a rebuild")
    return first(self)

watch.Watcher.rebuild = rebuild
sys.exit(main(["watch", sys.argv[1]]))
"""


def test_watch_ends_with_status_3_on_a_bug(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    watch = subprocess.Popen([sys.executable, "-c", WATCH_WITH_A_BUG, str(project)], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while not (line := watch.stdout.readline()).startswith("Watching"):
            assert line, watch.stderr.read()
        started = children(watch.pid)
        time.sleep(0.3)
        chapter = project / "content" / "03-qorytyndy.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nЖаңа сөйлем.\n", encoding="utf-8")
        status = watch.wait(60)
    finally:
        if watch.poll() is None:
            watch.kill()
    err = watch.stderr.read()
    assert status == 3, err
    assert re.search(r"^internal error: ZeroDivisionError: a bug in a rebuild .* this is a bug in kazthesis", err, re.M)
    assert _gone(started)


@pytest.fixture
def bounds(monkeypatch: pytest.MonkeyPatch):
    """Lower bounds for the renderer started next; the usual ones again after the test."""
    workers.stop()
    yield monkeypatch
    workers.stop()
    monkeypatch.undo()


def test_a_piece_laid_out_too_long_is_stopped_at_its_heading(tmp_path: Path, bounds: pytest.MonkeyPatch) -> None:
    project = copy_project("small", tmp_path)
    chapter = project / "content" / "02-tarau-1.md"
    long_part = "".join(f"Ұзақ мәтіннің {n}-сөйлемі, бетті толтыратын сөздер қатары.\n\n" for n in range(3000))
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n" + long_part, encoding="utf-8")
    bounds.setattr(workers, "PIECE_SECONDS", 1.0)
    result = run_cli(project)
    assert result.status == 1, result.err
    assert re.search(r"^content/02-tarau-1\.md:1: error: the part '.*': laying it out took longer than 1 s, and was "
                     r"stopped — ", result.err, re.M), result.err
    assert "Traceback" not in result.err
    renderer = workers._RENDERER
    assert renderer is not None and len(children(os.getpid())) >= 1 + workers.worker_count()
    for pid in children(renderer._process.pid):  # the stopped worker was replaced, not left running
        assert running(pid)
    assert len(children(renderer._process.pid)) == workers.worker_count()


def test_a_piece_needing_too_much_memory_is_stopped(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    # The introduction made long enough (about 60 pages) that its layout needs far more than the bound.
    introduction = project / "content" / "01-kirispe.md"
    paragraph = "Бұл абзац беттеуді ауырлату үшін қайталанады, әр сөзі жеке жолға түсуі мүмкін. " * 8
    introduction.write_text(introduction.read_text(encoding="utf-8") + f"\n\n{paragraph}\n" * 300, encoding="utf-8")
    # A build of its own, as a student runs one: the bound is on address space beyond what a worker holds when it
    # starts, and a worker forked from this test process (which has built many projects) would start with room
    # to spare in its heap.
    code = ("import sys; from kazthesis.pdf import workers; workers.WORKER_MEMORY = 16 << 20; "
            "from kazthesis.cli import main; sys.exit(main(['build']))")
    result = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1, result.stderr
    assert re.search(r"^content/01-kirispe\.md:1: error: the part 'КІРІСПЕ': (laying it out needed more than 16 MiB|"
                     r"the renderer ended while laying it out \(.*16 MiB)", result.stderr, re.M), result.stderr
    # Every other piece stopped (which depends on what else the machine runs) is named at its source too.
    stopped = re.findall(r"^(\S+):(\d+): error: (?:the part '[^']+'|[^:]+): (?:laying it out needed more than 16 MiB|"
                         r"the renderer ended while laying it out \(.*16 MiB)", result.stderr, re.M)
    assert all((project / path).is_file() for path, _ in stopped), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
