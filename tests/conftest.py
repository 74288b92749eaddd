"""Shared fixtures: each sample project built once per run into a temporary folder, its PDF read back.

The test folders mirror the package (lang/, read/, bibliography/, resolve/, pdf/ with pdf/weasy/, docx/,
new/, draft/; what crosses the stages at the top). They have no ``__init__.py``: pytest's ``pythonpath``
puts tests/ on the path, so this module and the readers beside it (pdftools, docxtools, pdfforms,
bibtools) import by their plain names from every folder; test file names are unique across folders.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

# The tests read the messages in English, whatever the machine's locale (tests/test_messages.py tries the others).
os.environ["KAZTHESIS_LANG"] = "en"
REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(REPO))

from docxtools import Docx  # noqa: E402
from pdftools import Word, words  # noqa: E402

from kazthesis.cli import main  # noqa: E402
from kazthesis.places import is_project  # noqa: E402

if TYPE_CHECKING:
    from kazthesis.model import Document


@dataclass
class Run:
    """The outcome of one command-line run."""

    status: int
    out: str
    err: str


def run_cli(*args: str | Path) -> Run:
    """Run the command line as a student does: inside the project folder an argument names (paths in messages are
    relative to the folder a command is run in), else in the current folder."""
    out, err = io.StringIO(), io.StringIO()
    project = next((Path(a) for a in args if isinstance(a, Path) and a.is_dir() and is_project(a)), None)
    with contextlib.chdir(project) if project is not None else contextlib.nullcontext():
        status = main([str(a) for a in args], out=out, err=err)
    return Run(status, out.getvalue(), err.getvalue())


class Lines:
    """A stream that keeps what is written to it: watch's out and err, read by a test while watch runs."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


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


class Built(NamedTuple):
    """A project built once for the whole run, in a temporary copy: its folder, the build's output, the PDF.

    Unpacks as ``project, run, pdf``. The .docx, the resolved model and the PDF's words are made on
    first use, once. Tests only read it: a test that changes a project works on its own copy
    (:func:`copy_project`).
    """

    project: Path
    run: Run
    pdf: Pdf

    @property
    def err(self) -> str:
        """What the build wrote to stderr (its warnings)."""
        return self.run.err

    @property
    def docx(self) -> Docx:
        """output/thesis.docx, built beside the PDF by ``kazthesis docx`` (tests/docxtools.py reads it)."""
        return _docx(self.project)

    @property
    def document(self) -> Document:
        """The resolved model both writers were given."""
        return _document(self.project)

    @property
    def words(self) -> list[Word]:
        """Every word of the PDF with its box (tests/pdftools.py)."""
        return _words(self.pdf.path)

    def page_text(self, number: int) -> str:
        """The text of page ``number`` (1-based), no-break spaces read as spaces."""
        return self.pdf.pages[number - 1].replace("\u00a0", " ")

    def page_with(self, needle: str, start: int = 1) -> int:
        """The first page from ``start`` that prints ``needle``; the test fails if none does."""
        found = self.pdf.page_of(needle, start)
        assert found is not None, f"{needle!r} is not in the PDF"
        return found


@functools.cache
def _docx(project: Path) -> Docx:
    result = run_cli("docx", project)
    assert result.status == 0, result.err
    assert re.match(r"Built output/thesis\.docx: \d+ references, \d+ footnotes?, \d+ warnings?, [\d.]+ s", result.out)
    return Docx(project / "output" / "thesis.docx")


@functools.cache
def _document(project: Path) -> Document:
    from kazthesis.pipeline import build_document  # the model's modules, only for the tests that read it
    from kazthesis.problems import Problems

    problems = Problems(root=project)
    document = build_document(project, problems)
    assert not problems.errors, [str(p) for p in problems]
    return document


@functools.cache
def _words(path: Path) -> list[Word]:
    return words(path)


def _build(name: str, factory: pytest.TempPathFactory) -> Built:
    project = copy_project(name, factory.mktemp(name))
    result = run_cli(project)
    assert result.status == 0, result.err
    return Built(project, result, read_pdf(project / "output" / "thesis.pdf"))


# One fixture a project, built once per test run and shared by every test that reads it.


@pytest.fixture(scope="session")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/fixtures/small: a few pages in Kazakh with a figure, a table, a footnote and an appendix."""
    return _build("small", tmp_path_factory)


@pytest.fixture(scope="session")
def exemplar_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own exemplar: a Kazakh coursework (gost-7.32-2017)."""
    return _build("exemplar", tmp_path_factory)


@pytest.fixture(scope="session")
def ru_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/fixtures/ru: Russian, kz-university profile, footnotes, figures, a long table."""
    return _build("ru", tmp_path_factory)


@pytest.fixture(scope="session")
def pandoc_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/fixtures/pandoc: written as Pandoc and Zotero users write."""
    return _build("pandoc", tmp_path_factory)


@pytest.fixture(scope="session")
def faculty_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/fixtures/faculty: a Russian diploma with annotations, inserted forms, listings and terms."""
    return _build("faculty", tmp_path_factory)


@pytest.fixture
def built(request: pytest.FixtureRequest) -> Built:
    """The project a test is parametrized with, by name, for a test that holds for several projects:
    ``@pytest.mark.parametrize("built", ["small", "exemplar"], indirect=True)``."""
    return request.getfixturevalue(f"{request.param}_build")


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
