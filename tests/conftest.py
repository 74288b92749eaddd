"""Shared fixtures: build real projects into temporary folders and read the PDF back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(REPO))

from kazthesis.cli import main  # noqa: E402


@dataclass
class Run:
    """The outcome of one command-line run."""

    status: int
    out: str
    err: str


def run_cli(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in args], out=out, err=err)
    return Run(status, out.getvalue(), err.getvalue())


def copy_project(name: str, target: Path) -> Path:
    """A fresh copy of a fixture project (or of the repository's exemplar: name "exemplar")."""
    project = target / name
    if name == "exemplar":
        project.mkdir()
        for item in ("content", "references.bib", "thesis.toml", "images"):
            source = REPO / item
            if source.is_dir():
                shutil.copytree(source, project / item)
            elif source.exists():
                shutil.copy(source, project / item)
    else:
        shutil.copytree(FIXTURES / name, project, ignore=shutil.ignore_patterns("output"))
    return project


@dataclass
class Pdf:
    """A built PDF and its text, page by page."""

    path: Path
    pages: list[str]  # pdftotext -layout, one string a page

    @property
    def raw(self) -> bytes:
        return self.path.read_bytes()

    def page_of(self, needle: str, start: int = 1) -> int | None:
        """1-based number of the first page (from ``start``) whose text holds ``needle``."""
        squashed = squash(needle)
        for number, text in enumerate(self.pages, 1):
            if number >= start and squashed in squash(text):
                return number
        return None

    def streams(self) -> bytes:
        """All PDF streams, inflated where compressed (to look for /Lang, fonts…)."""
        data = self.raw
        chunks = [data]
        for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
            try:
                chunks.append(zlib.decompress(match.group(1)))
            except zlib.error:
                pass
        return b"\n".join(chunks)


def squash(text: str) -> str:
    """Text with hyphenation and all spacing removed (case kept), for layout-proof matching."""
    text = re.sub(r"[\u00ad]", "", text)
    text = re.sub(r"\u2010\s*\n\s*", "", text)  # a hyphenation break (WeasyPrint draws U+2010)
    return re.sub(r"\s+", "", text)


def read_pdf(path: Path) -> Pdf:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return Pdf(path, pages)


def _build(name: str, factory: pytest.TempPathFactory) -> tuple[Path, Run, Pdf]:
    project = copy_project(name, factory.mktemp(name))
    result = run_cli(project)
    assert result.status == 0, result.err
    return project, result, read_pdf(project / "output" / "thesis.pdf")


@pytest.fixture(scope="session")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run, Pdf]:
    """The small fixture project, built once per test run."""
    return _build("small", tmp_path_factory)


@pytest.fixture(scope="session")
def exemplar_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run, Pdf]:
    """The repository's own exemplar, built once per test run."""
    return _build("exemplar", tmp_path_factory)


@pytest.fixture(scope="session")
def ru_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run, Pdf]:
    """The Russian fixture (kz-university profile), built once per test run."""
    return _build("ru", tmp_path_factory)


def edit_file(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a text file with ``new`` (``old`` must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of a text file that holds ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def project(tmp_path: Path, small_build) -> Path:
    """A copy of the small project holding a previous good PDF."""
    built_project, _, _ = small_build
    copy = copy_project("small", tmp_path)
    (copy / "output").mkdir()
    shutil.copy(built_project / "output" / "thesis.pdf", copy / "output" / "thesis.pdf")
    return copy
