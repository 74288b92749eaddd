"""PDFs put into the thesis bring their pages' drawing and nothing else; a damaged one is named (#27).

A form made in the test carries every kind of active content (:mod:`hostile_pdf`); put in as an
``[[insert]]`` and as the ``[title_page] pdf``, the thesis must hold none of it, read back object by object
with pikepdf, while the filled-in field still prints; the build says what it left out, at the file's line.
Forms with a damaged turn, a damaged font list or an impossible page size are errors or warnings at their
line, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import line_of, read_pdf, run_cli, squash
from guard import foreign_lines
from hostile_pdf import active_form, active_objects, damaged_form


def _insert(project: Path, name: str, after: str = "title") -> int:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + f'\n[[insert]]\nfile = "forms/{name}"\nafter = "{after}"\n',
                      encoding="utf-8")
    return line_of(config, f"forms/{name}")


def test_an_inserted_form_brings_no_action_script_or_file(project: Path) -> None:
    (project / "forms").mkdir()
    form = active_form(project / "forms" / "active.pdf")
    assert len(active_objects(form)) > 10  # the form does carry them
    line = _insert(project, "active.pdf")
    result = run_cli(project)
    assert result.status == 0, result.err
    pdf = project / "output" / "thesis.pdf"
    assert active_objects(pdf) == []
    assert b"payload.exe" not in pdf.read_bytes() and b"app.alert" not in pdf.read_bytes()
    assert "FIELDVALUE42" in squash("".join(read_pdf(pdf).pages)), "the filled-in field is drawn on the page"
    warning = re.search(rf"^thesis\.toml:{line}: warning: this insert: 'forms/active\.pdf' carries what a thesis may "
                        r"not, left out of thesis\.pdf: (.*) — ", result.err, re.M)
    assert warning, result.err
    for what in ("a link that starts a program", "a link to a web page", "script", "a form field",
                 "an attached file (payload.exe)", "an XFA form", "sends the form's data", "reads data from a file"):
        assert what in warning.group(1), what
    assert foreign_lines(result.err) == [], result.err


def test_a_title_page_form_brings_no_action_either(project: Path) -> None:
    (project / "forms").mkdir()
    active_form(project / "forms" / "title.pdf")
    config = project / "thesis.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[title_page]\n", '[title_page]\npdf = "forms/title.pdf"\n'), encoding="utf-8")
    line = line_of(config, "forms/title.pdf")
    result = run_cli(project)
    assert result.status == 0, result.err
    assert active_objects(project / "output" / "thesis.pdf") == []
    assert re.search(rf"^thesis\.toml:{line}: warning: the title page: 'forms/title\.pdf' carries what a thesis may "
                     "not", result.err, re.M), result.err


@pytest.mark.parametrize("damage, severity, pattern", [
    ("rotate", "error", r"cannot be read as a PDF: page 1 has a damaged turn \(/Rotate /Sideways\)"),
    ("font-array", "warning", r"has a damaged list of fonts on page 1"),
    ("font-integer", "warning", r"has a damaged list of fonts on page 1"),
    ("empty", "error", r"cannot be read as a PDF: page 1 is 0 × 0 pt: a page is 3 to 14400 pt a side"),
    ("huge", "error", r"cannot be read as a PDF: page 1 is 1e\+30 × 842 pt"),
    ("huge-integer", "error", r"cannot be read as a PDF: unable to find any pages"),
])
def test_a_damaged_form_is_named_at_its_line(project: Path, small_build, damage: str, severity: str,
                                            pattern: str) -> None:
    (project / "forms").mkdir()
    damaged_form(project / "forms" / "form.pdf", damage)
    line = _insert(project, "form.pdf", after="end")
    result = run_cli(project)
    assert result.status == (1 if severity == "error" else 0), result.err
    assert re.search(rf"^thesis\.toml:{line}: {severity}: this insert: 'forms/form\.pdf' {pattern}", result.err,
                     re.M), result.err
    assert foreign_lines(result.err) == [], result.err
    if severity == "warning":  # the page is in, at the end
        assert len(read_pdf(project / "output" / "thesis.pdf").pages) == len(small_build[2].pages) + 1


def test_check_names_a_damaged_form_too(project: Path) -> None:
    (project / "forms").mkdir()
    damaged_form(project / "forms" / "form.pdf", "rotate")
    line = _insert(project, "form.pdf")
    result = run_cli("check", project)
    assert result.status == 1
    assert re.search(rf"^thesis\.toml:{line}: error: this insert: 'forms/form\.pdf' cannot be read", result.err, re.M)
