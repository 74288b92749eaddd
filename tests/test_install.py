"""Installed like a tool: a wheel of the repository in a fresh virtual environment, driven as a student would.

Slow (about a minute; marked slow but for the last test): builds the wheel (hatchling, fetched by pip like any
build backend), makes a new virtual environment, installs the wheel into it,
then from inside new folders runs `kazthesis new` (kk, ru, en) → `build` →
`check` → `refs` → `doctor`. The new environment reaches the Python packages
the wheel depends on through a .pth file pointing at the running environment's
site-packages (the .venv that scripts/setup.sh made), so the test needs no
download of WeasyPrint and the rest; the kazthesis it runs is the installed one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, read_pdf

from kazthesis import __version__

IGNORED = shutil.ignore_patterns(".git", ".venv", "output", "__pycache__", ".pytest_cache", ".ruff_cache",
                                 ".hypothesis", "*.part", "build", "dist")


def _source_tree(target: Path) -> Path:
    """The repository's files as a fresh clone has them (tracked and new, not ignored), copied to ``target``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=False)
    if listed.returncode != 0:  # not a git checkout: copy the folder less what git would ignore
        shutil.copytree(REPO, target, ignore=IGNORED)
        return target
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
                          timeout=600)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from the repository's files, as `pip wheel .` in a fresh clone builds it."""
    base = tmp_path_factory.mktemp("wheel")
    source = _source_tree(base / "src")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"),
                            str(source)], capture_output=True, text=True, check=False, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = (base / "dist").glob("kazthesis-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh virtual environment with the repository's wheel installed; its bin/ and a clean environment."""
    base = tmp_path_factory.mktemp("install")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=600)
    purelib = Path(sysconfig.get_paths(vars={"base": str(venv), "platbase": str(venv)})["purelib"])
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "kazthesis-dependencies.pth").write_text("\n".join(sorted(here)) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    pip = _run([venv / "bin" / "python", "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel], base, env)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return venv / "bin", env


@pytest.mark.slow
def test_the_wheel_carries_the_templates_and_the_skeletons(wheel: Path) -> None:
    assert wheel.name.startswith(f"kazthesis-{__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (REPO / "templates").iterdir():
        assert f"kazthesis/templates/{template.name}" in names
    for language in ("kk", "ru", "en"):
        assert any(n.startswith(f"kazthesis/new/skeletons/{language}/content/") for n in names)
        assert any(n.startswith(f"kazthesis/new/skeletons/{language}/images/") for n in names)
        assert f"kazthesis/new/skeletons/{language}/sample.toml" in names
    assert "kazthesis/new/skeletons/references.bib" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kazthesis = kazthesis.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.mark.slow
def test_the_installed_tool_is_the_wheel(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    version = _run([bin_dir / "kazthesis", "--version"], tmp_path, env)
    assert version.returncode == 0 and version.stdout.strip() == f"kazthesis {__version__}"
    where = _run([bin_dir / "python", "-c", "import kazthesis, kazthesis.resources as r; "
                  "print(kazthesis.__file__); print(r.templates_dir())"], tmp_path, env)
    module, templates = where.stdout.split()
    venv = bin_dir.parent
    assert Path(module).is_relative_to(venv) and Path(templates).is_relative_to(venv), where.stdout
    assert Path(templates).name == "templates" and (Path(templates) / "thesis.css").is_file()


@pytest.mark.slow
def test_outside_a_project_it_suggests_new(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    result = _run([bin_dir / "kazthesis"], tmp_path, env)
    assert result.returncode == 2
    assert "kazthesis new my-thesis" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_new_build_check_refs_doctor_as_a_student(installed: tuple[Path, dict[str, str]], tmp_path: Path,
                                                  language: str) -> None:
    bin_dir, env = installed
    kazthesis = bin_dir / "kazthesis"
    made = _run([kazthesis, "new", f"thesis-{language}", "--lang", language], tmp_path, env)
    assert made.returncode == 0, made.stderr
    assert f"cd thesis-{language}" in made.stdout
    project = tmp_path / f"thesis-{language}"
    umask_022 = {**env}
    build = subprocess.run(["sh", "-c", f"umask 022 && exec '{kazthesis}' build"], cwd=project, env=umask_022,
                           capture_output=True, text=True, check=False, timeout=600)
    assert build.returncode == 0, build.stderr
    assert re.match(r"Built output/thesis\.pdf: \d+ pages, 8 references", build.stdout)
    pdf = project / "output" / "thesis.pdf"
    assert len(read_pdf(pdf).pages) >= 10
    assert pdf.stat().st_mode & 0o777 == 0o644  # an ordinary file of the user's, not 0600
    check = _run([kazthesis, "check"], project, env)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("check: 0 errors")
    refs = _run([kazthesis, "refs"], project, env)
    assert refs.returncode == 0, refs.stderr
    lines = refs.stdout.splitlines()
    if language == "en":  # an APA list (the English sample's style): alphabetical, no numbers
        assert len(lines) == 8 and lines == sorted(lines, key=str.lower) and lines[0].startswith("Budjeryn, M.")
    else:
        assert [line.split(". ", 1)[0] for line in lines] == [str(n) for n in range(1, 9)]
    doctor = _run([kazthesis, "doctor"], project, env)
    assert doctor.returncode == 0, doctor.stdout
    assert "all 6 checks passed" in doctor.stdout


def test_the_dependencies_are_those_of_requirements_txt() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = (REPO / "requirements.txt").read_text(encoding="utf-8").split("# Tests and tooling")[0]
    pinned = [line.strip() for line in runtime.splitlines() if line.strip() and not line.startswith("#")]
    assert project["dependencies"] == pinned
    assert project["scripts"] == {"kazthesis": "kazthesis.cli:main"}
