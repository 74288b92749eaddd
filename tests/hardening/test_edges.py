"""Nothing is drawn past the text area: a run too long for a line breaks, or is reported at its line (#27).

A run of 300 characters with no place to break (``aaaa…``, ``7777…``, ``]]]]…``) breaks anywhere, as a last
resort, and stays between the margins (read back from the PDF, word by word); one that cannot break even so
(a 300-letter word whose hyphens the hyphenation rules withdrew) is a warning at its line, with its page. The
check reads the laid-out boxes in every build: a project stylesheet that pulls paragraphs into the margin is
reported too, and the example and the fixtures build with nothing past the text area.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, edit_file, line_of, read_pdf, run_cli
from pdftools import MM, words

PAST = "past the text area"


def _with_run(project: Path, run: str) -> int:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "талданды", f"талданды {run} соңы")
    return line_of(chapter, run)


@pytest.mark.parametrize("character", ["a", "7", "Z", "]"])
def test_a_long_run_breaks_between_the_margins(project: Path, character: str) -> None:
    _with_run(project, character * 300)
    result = run_cli(project)
    assert result.status == 0, result.err
    assert PAST not in result.err
    pdf = project / "output" / "thesis.pdf"
    left, right = 30 * MM, 210 * MM - 15 * MM
    pieces = [w for w in words(pdf) if set(w.text) == {character} and len(w.text) >= 10]
    assert sum(len(w.text) for w in pieces) == 300, "every character is printed"
    assert all(left - 1 <= w.x0 and w.x1 <= right + 1 for w in pieces), [(w.x0, w.x1) for w in pieces]


@pytest.mark.parametrize("character", ["ә"])
def test_a_run_that_cannot_break_is_reported_at_its_line(project: Path, character: str) -> None:
    """A 300-letter word loses its hyphens to the rule of at most three hyphenated lines in a row, and has no
    place left to break: it is reported."""
    line = _with_run(project, character * 300)
    result = run_cli(project)
    assert result.status == 0, result.err
    page = read_pdf(project / "output" / "thesis.pdf").page_of(character * 10)
    assert re.search(rf"^content/03-qorytyndy\.md:{line}: warning: the text «{re.escape(character)}.*…» runs [\d.]+ "
                     rf"pt {PAST} on page {page} — break the long word", result.err, re.M), result.err


def test_text_pulled_into_the_margin_by_a_stylesheet_is_reported(project: Path) -> None:
    (project / "templates").mkdir()
    css = project / "templates" / "thesis.css"
    shutil.copy(REPO / "templates" / "thesis.css", css)
    css.write_text(css.read_text(encoding="utf-8") + "\nsection.part p { margin-left: -2cm; }\n", encoding="utf-8")
    result = run_cli(project)
    assert result.status == 0, result.err
    first = line_of(project / "content" / "01-kirispe.md", "Зерттеудің өзектілігі")
    assert re.search(rf"^content/01-kirispe\.md:{first}: warning: the text .* runs [\d.]+ pt {PAST} on page \d+",
                     result.err, re.M), result.err


@pytest.mark.parametrize("fixture", ["exemplar_build", "ru_build", "small_build"])
def test_nothing_of_the_examples_is_past_the_text_area(fixture: str, request: pytest.FixtureRequest) -> None:
    _, result, _ = request.getfixturevalue(fixture)
    assert PAST not in result.err
