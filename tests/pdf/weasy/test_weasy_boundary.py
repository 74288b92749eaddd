"""One WeasyPrint boundary: only kazthesis/pdf/weasy/ imports WeasyPrint, and only the version it is written for.

Another WeasyPrint is simulated for real: a package named ``weasyprint`` that says it is 66.0 is put before
the installed one on the path of a real ``build.py`` run and a real ``doctor`` run, as a second installation
would be; the build must stop with one clear error (both versions, the command that fixes it), never a
traceback from inside layout.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_project

from kazthesis.pdf.weasy import PINNED, WrongWeasyPrint
from kazthesis.pdf.weasy.installed import check_version

WEASY = REPO / "kazthesis" / "pdf" / "weasy"


def test_the_pinned_version_is_the_one_requirements_install() -> None:
    pins = re.findall(r"^weasyprint==(\S+)$", (REPO / "requirements.txt").read_text(encoding="utf-8"), re.M | re.I)
    assert pins == [PINNED]


def test_another_version_is_an_error_naming_both_and_the_fix() -> None:
    check_version(PINNED)
    check_version(None)  # unknown: the check after the import decides
    with pytest.raises(WrongWeasyPrint) as raised:
        check_version("71.0")
    message = str(raised.value)
    assert "WeasyPrint 71.0 is installed" in message and f"written for WeasyPrint {PINNED}" in message
    assert f"-m pip install weasyprint=={PINNED}" in message


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_only_the_weasy_package_imports_weasyprint_or_names_its_boxes() -> None:
    outside = [path for path in (REPO / "kazthesis").rglob("*.py") if not path.is_relative_to(WEASY)]
    assert len(outside) > 40
    for path in outside:
        assert not {name for name in _imports(path) if name.split(".")[0] == "weasyprint"}, path
        assert not re.search(r"""["'](TextBox|LineBox|PageBox|MarginBox|FootnoteAreaBox)["']""",
                             path.read_text(encoding="utf-8")), path
    inside = set().union(*(_imports(path) for path in WEASY.glob("*.py")))
    assert "weasyprint" in inside  # the walk sees the imports where they are


def test_the_command_line_does_not_import_weasyprint() -> None:
    """The build names the work; the renderer process imports WeasyPrint (while the build reads the project)."""
    code = ("import sys; import kazthesis.cli, kazthesis.pipeline, kazthesis.pdf.build, kazthesis.doctor; "
            "print(sorted(name for name in sys.modules if name.split('.')[0] == 'weasyprint'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _other_weasyprint(folder: Path, with_metadata: bool) -> dict[str, str]:
    """An environment whose ``import weasyprint`` finds a 66.0 first (with its package metadata, as pip would
    install it, or without: then only the imported module tells)."""
    package = folder / "weasyprint"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('VERSION = __version__ = "66.0"\n', encoding="utf-8")
    if with_metadata:
        info = folder / "weasyprint-66.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text("Metadata-Version: 2.1\nName: weasyprint\nVersion: 66.0\n", encoding="utf-8")
    return dict(os.environ, PYTHONPATH=str(folder))


@pytest.mark.parametrize("with_metadata", [True, False], ids=["installed", "module-only"])
def test_a_build_with_another_weasyprint_stops_with_a_clear_error(tmp_path: Path, with_metadata: bool) -> None:
    project = copy_project("small", tmp_path)
    env = _other_weasyprint(tmp_path / "site", with_metadata)
    run = subprocess.run([sys.executable, str(REPO / "build.py"), "build", str(project)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, (run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    error = next(line for line in run.stderr.splitlines() if ": error: " in line)
    assert error.startswith(str(tmp_path / "site" / "weasyprint") + ": error: WeasyPrint 66.0 is installed, but "
                            f"kazthesis is written for WeasyPrint {PINNED}"), error
    assert error.endswith(f"{sys.executable} -m pip install weasyprint=={PINNED}"), error
    assert not (project / "output" / "thesis.pdf").exists()


@pytest.mark.parametrize("with_metadata", [True, False], ids=["installed", "module-only"])
def test_doctor_names_another_weasyprint_and_the_fix(tmp_path: Path, with_metadata: bool) -> None:
    env = _other_weasyprint(tmp_path / "site", with_metadata)
    run = subprocess.run([sys.executable, str(REPO / "build.py"), "doctor", str(tmp_path)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert f"MISSING  WeasyPrint 66.0 is installed, but kazthesis is written for WeasyPrint {PINNED}" in run.stdout
    assert f"Debian/Ubuntu: {sys.executable} -m pip install weasyprint=={PINNED}" in run.stdout
