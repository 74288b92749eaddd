"""The PDFs thesis.toml inserts, as read: a broken, missing, font-less or outside file named at its line."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import copy_project, line_of, run_cli
from pdfforms import form_pdf
from pdftools import fonts


def test_a_broken_or_missing_pdf_is_an_error_at_its_line(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    config = project / "thesis.toml"
    (project / "forms" / "otzyv.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    (project / "forms" / "title.pdf").unlink()
    pdf_before = project / "output" / "thesis.pdf"
    result = run_cli(project)
    assert result.status == 1 and not pdf_before.exists()
    broken = line_of(config, 'file = "forms/otzyv.pdf"')
    title = line_of(config, 'pdf = "forms/title.pdf"')
    assert re.search(rf"^thesis\.toml:{broken}: error: this insert: 'forms/otzyv\.pdf' cannot be read as a PDF",
                     result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{title}: error: the title page: file 'forms/title\.pdf' not found",
                     result.err, re.M), result.err


def test_a_form_without_its_fonts_is_named(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    form_pdf(project / "forms" / "otzyv.pdf", [["SUPERVISOR REVIEW"]], embed=False)
    result = run_cli(project)
    assert result.status == 0, result.err
    line = line_of(project / "thesis.toml", 'file = "forms/otzyv.pdf"')
    assert [problem for problem in result.err.splitlines() if "warning" in problem] == [
        f"thesis.toml:{line}: warning: this insert: 'forms/otzyv.pdf' uses fonts it does not carry (Helvetica): a "
        "printer or portal draws them with others — export it again with fonts embedded (Word: Save As PDF, "
        "'ISO 19005-1 compliant (PDF/A)'), or scan it"]
    assert all(font["emb"] == "yes" for font in fonts(project / "output" / "thesis.pdf")
               if "Helvetica" not in font["name"])


def test_inserts_outside_the_project_and_wrong_settings(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    form_pdf(tmp_path / "elsewhere.pdf", [["ELSEWHERE"]])
    (project / "forms" / "link.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + '\n[[insert]]\nfile = "../elsewhere.pdf"\n'
                      + '\n[[insert]]\nfile = "forms/link.pdf"\n'
                      + '\n[[insert]]\nfile = "forms/kalendar.pdf"\nafter = "middle"\npages = 2\n'
                      + '\n[[insert]]\nafter = "title"\n', encoding="utf-8")
    result = run_cli("check", project)
    assert result.status == 1
    lines = config.read_text(encoding="utf-8").splitlines()
    outside, link = line_of(config, 'file = "../elsewhere.pdf"'), line_of(config, 'file = "forms/link.pdf"')
    middle, pages = line_of(config, 'after = "middle"'), line_of(config, "pages = 2")
    assert re.search(rf"^thesis\.toml:{outside}: error: this insert, '\.\./elsewhere\.pdf', is outside",
                     result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{link}: error: this insert, 'forms/link\.pdf', is outside", result.err, re.M)
    assert re.search(rf"^thesis\.toml:{middle}: error: insert\.after = 'middle' is not one of "
                     "'title', 'contents', 'end'", result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{pages}: error: unknown setting 'insert\.pages' — known keys: file, after",
                     result.err, re.M), result.err
    assert re.search(rf"^thesis\.toml:{len(lines) - 1}: error: this \[\[insert\]\] names no file", result.err, re.M)
