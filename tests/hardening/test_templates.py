"""A project's templates: sandboxed, only from inside the project, and bounded in work and size (#27).

Jinja's sandbox stops a template from running code; the bounds of :mod:`kazthesis.pdf.sandbox` stop it from
working without end or filling the memory: each hostile template here is made in the test, and the build must
end quickly with an error at the template's line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO
from guard import foreign_lines, run_within
from test_errors import _fails_with


def test_template_cannot_run_commands(project: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (project / "templates").mkdir()
    shutil.copy(REPO / "templates" / "title_page.html", project / "templates")
    page = project / "templates" / "title_page.html"
    page.write_text("{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}\n"
                    + page.read_text(encoding="utf-8"), encoding="utf-8")
    err = _fails_with(project, r"^templates/title_page\.html:1: error: template error: .*not allowed in a template")
    assert not marker.exists(), err


def test_template_linked_outside_is_refused(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-PAYLOAD", encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "title_page.html").symlink_to(secret)
    _fails_with(project, r"^templates/title_page\.html: error: this template is a link to a file outside")


def test_template_folder_linked_outside_is_refused(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "title_page.html").write_text("TOPSECRET-PAYLOAD", encoding="utf-8")
    (project / "templates").symlink_to(elsewhere)
    _fails_with(project, r"^templates/title_page\.html: error: this template is a link to a file outside")


def test_template_syntax_error_names_file_and_line(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "title_page.html").write_text("<p>\n{% if %}\n", encoding="utf-8")
    _fails_with(project, r"^templates/title_page\.html:2: error: template error")


HOSTILE = {
    "nested loops": ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
                     "takes more than 1,000,000 loop steps and calls"),
    "a huge text": ('{{ "A" * 4000000000 }}', "repeating a text: that would make 4,000,000,000 characters"),
    "a huge list": ("{{ [0] * 999999999 }}", "would make 999,999,999"),
    "a huge power": ("{{ 10 ** 1000000000 }}", "raising to a power: that would make"),
    "doubling with ~": ('{% set s = namespace(t="ab") %}{% for i in range(60) %}{% set s.t = s.t ~ s.t %}'
                        "{% endfor %}{{ s.t }}", "joining texts with ~: that would make"),
    "a wide % format": ('{{ "%0999999999d" % 1 }}', "a format with a width or precision of ten million or more"),
    "a wide str.format": ('{{ "{:>999999999}".format(1) }}', "a format with a width or precision"),
    "a wide filter": ('{{ "x"|center(999999999) }}', "was given 999,999,999"),
    "a macro calling itself": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "calls nest more than 100 deep"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_template_doing_too_much_is_stopped_at_its_line(project: Path, name: str) -> None:
    source, message = HOSTILE[name]
    (project / "templates").mkdir()
    (project / "templates" / "title_page.html").write_text("<section>\n" + source + "\n</section>\n",
                                                            encoding="utf-8")
    result = run_within(60, project)
    assert result.status == 1, result.err
    assert re.search(rf"^templates/title_page\.html:2: error: template error: .*{re.escape(message)}.* this is more "
                     "work than a template may do", result.err, re.M), result.err
    assert foreign_lines(result.err) == [], result.err


def test_a_template_writing_too_much_is_stopped(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "title_page.html").write_text(
        '{% for i in range(100000) %}{{ "x" * 10000 }}{% endfor %}\n', encoding="utf-8")
    result = run_within(120, project)
    assert result.status == 1, result.err
    assert re.search(r"^templates: error: template error: the template writes more than 200,000,000 characters",
                     result.err, re.M), result.err
