"""A build of hostile files prints nothing but messages of ours: no raw Python warning, no library's notes (#27).

Python's warnings (PIL's ``DecompressionBombWarning``, pikepdf's ``PageCopyWarning``), qpdf's notes on damaged
files and anything a library prints go to the process's stderr, and from the renderer's workers too; so each
build here is a real process, and every line of its stderr must be a ``FILE:LINE: error|warning: …`` of ours
or the closing line. One project holds every hostile file the reading finds (all reported in one run); the
others build, with warnings, past the reading into layout and assembly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_project, edit_file
from guard import foreign_lines
from hostile_pdf import active_form, damaged_form
from test_pictures import SVG, nested_use, png_header


def _build(project: Path, command: str = "build") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-W", "default", str(REPO / "build.py"), command, str(project)],
                          capture_output=True, text=True, timeout=600)


def _insert(project: Path, *names: str) -> None:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "".join(f'\n[[insert]]\nfile = "forms/{name}"\n' for name in names), encoding="utf-8")


def test_hostile_inputs_are_reported_in_our_words_only(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    images, forms = project / "images", project / "forms"
    forms.mkdir()
    (images / "huge.png").write_bytes(png_header(30000, 30000))
    (images / "big.png").write_bytes(png_header(10000, 10000))
    (images / "bomb.svg").write_text(nested_use(22), encoding="utf-8")
    (images / "far.svg").write_text(SVG + '<image href="http://example.invalid/x.png" width="5" height="5"/></svg>',
                                    encoding="utf-8")
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "![Екі ел", "![Үлкен](images/huge.png)\n\n![Үлкен](images/big.png)\n\n"
              "![Бомба](images/bomb.svg)\n\n![Алыс](images/far.svg)\n\n![Екі ел")
    for damage in ("rotate", "empty", "huge", "huge-integer", "font-array"):
        damaged_form(forms / f"{damage}.pdf", damage)
    (forms / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n")
    _insert(project, "rotate.pdf", "empty.pdf", "huge.pdf", "huge-integer.pdf", "font-array.pdf", "broken.pdf")
    os.mkfifo(project / "content" / "05-pipe.md")
    for command in ("build", "docx", "check"):
        result = _build(project, command)
        assert result.returncode == 1, result.stderr
        assert result.stderr.count(": error: ") >= 10, result.stderr
        assert foreign_lines(result.stderr) == [], result.stderr


def test_a_build_with_active_and_damaged_forms_prints_only_our_warnings(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    forms = project / "forms"
    forms.mkdir()
    active_form(forms / "active.pdf")
    damaged_form(forms / "fonts.pdf", "font-integer")
    _insert(project, "active.pdf", "fonts.pdf")
    for command in ("build", "docx"):
        result = _build(project, command)
        assert result.returncode == 0, result.stderr
        assert "carries what a thesis may not" in result.stderr and "damaged list of fonts" in result.stderr
        assert foreign_lines(result.stderr) == [], result.stderr
