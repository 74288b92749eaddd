"""The command line as a tool: the current folder by default, help, --version, a reader that stops early."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_cli

from kazthesis import __version__
from kazthesis.cli import COMMANDS, main


def test_version() -> None:
    result = run_cli("--version")
    assert result.status == 0
    assert result.out.strip() == f"kazthesis {__version__}"


def test_help_as_a_command_and_as_an_option() -> None:
    for args in (("help",), ("--help",), ("-h",)):
        result = run_cli(*args)
        assert result.status == 0, result.err
        for command in COMMANDS:
            assert f"kazthesis {command}" in result.out or command == "build"
        assert "kazthesis [build] [PROJECT_DIR]" in result.out
        assert "PROJECT_DIR is the current folder when not given" in result.out
        assert "--version" in result.out


def test_help_on_one_command() -> None:
    result = run_cli("help", "refs")
    assert result.status == 0
    assert "usage: kazthesis refs [PROJECT_DIR] [--all]" in result.out and "--all" in result.out
    assert run_cli("help", "new").out.count("--work-type") >= 2
    assert run_cli("refs", "--help").out == result.out


def test_help_on_an_unknown_command_is_a_usage_error() -> None:
    result = run_cli("help", "publish")
    assert result.status == 2
    assert "invalid choice" in result.err


def test_the_current_folder_is_the_default_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project("small", tmp_path)
    monkeypatch.chdir(project)
    refs = run_cli("refs")
    assert refs.status == 0, refs.err
    assert refs.out.startswith("1. ")
    check = run_cli("check")
    assert check.status == 0, check.err
    assert check.out.startswith("check: 0 errors")


def test_build_py_keeps_the_exemplar_as_its_default(tmp_path: Path) -> None:
    exemplar = copy_project("exemplar", tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert main(["refs"], out=out, err=err, prog="build.py", default_project=exemplar) == 0, err.getvalue()
    assert len(out.getvalue().splitlines()) >= 20
    help_out = io.StringIO()
    assert main(["--help"], out=help_out, prog="build.py", default_project=exemplar) == 0
    assert "build.py docx [PROJECT_DIR]" in help_out.getvalue()
    assert f"PROJECT_DIR is {exemplar} when not given" in help_out.getvalue()


def test_build_py_help_names_the_repository(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "help"], capture_output=True, text=True,
                            cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert f"PROJECT_DIR is {REPO} when not given" in result.stdout


@pytest.mark.parametrize("command", ["build", "docx", "refs", "check", "watch"])
def test_a_folder_without_a_project_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(command)
    assert result.status == 2
    assert "this folder is not a thesis project (no thesis.toml, no content/)" in result.err
    assert "kazthesis new my-thesis" in result.err
    assert not (tmp_path / "output").exists()


def test_a_given_folder_without_a_project_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    result = run_cli("check", tmp_path / "notes")
    assert result.status == 2
    assert f"{tmp_path / 'notes'} is not a thesis project" in result.err


class ClosedPipe(io.StringIO):
    """A stdout whose reader has gone (`refs | head` after head exits)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    err = io.StringIO()
    assert main(["refs", str(project)], out=ClosedPipe(), err=err) == 0
    assert "internal error" not in err.getvalue() and "BrokenPipe" not in err.getvalue()


def test_refs_into_a_closed_pipe_in_a_real_process(tmp_path: Path) -> None:
    """`kazthesis refs | head`: no 'internal error', no 'Exception ignored', status 0 (not 141)."""
    project = copy_project("small", tmp_path)
    code = "import sys; from kazthesis.cli import main; sys.exit(main())"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-c", code, "refs"], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, err
    for noise in ("internal error", "BrokenPipe", "Exception ignored", "Traceback"):
        assert noise not in err


def test_refs_piped_to_head_in_a_shell(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    script = f"set -o pipefail; {sys.executable} {REPO / 'build.py'} refs --all {project} | head -n 1"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1. ") and len(result.stdout.splitlines()) == 1
    assert "Error" not in result.stderr
