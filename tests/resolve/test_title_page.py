"""The title page's lines as each language says them, and the approval block, read back from the real PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_project, read_pdf, run_cli, squash
from pdftools import words


@pytest.mark.parametrize(("language", "group", "expected"), [
    ("kk", "ХҚ-31", "ХҚ-31 тобының студенті"),
    ("ru", "МО-21", "студент группы МО-21"),
    ("en", "IR-31", "Student of group IR-31"),
])
def test_the_group_as_each_language_says_it(tmp_path: Path, language: str, group: str, expected: str) -> None:
    project = copy_project("small", tmp_path)
    config = project / "thesis.toml"
    text = config.read_text(encoding="utf-8").replace('language = "kk"', f'language = "{language}"')
    text = text.replace("year = 2026", f'year = 2026\ngroup = "{group}"')
    if language != "kk":
        for path in (project / "content").iterdir():  # the structural headings in the document's language
            path.write_text(path.read_text(encoding="utf-8").replace("КІРІСПЕ", "INTRODUCTION")
                            .replace("ҚОРЫТЫНДЫ", "CONCLUSION"), encoding="utf-8")
    text = text.replace('supervisor = "Жетекші Ж. Ж."',
                        'supervisor = "Жетекші Ж. Ж., кандидат исторических наук, доцент"')
    config.write_text(text, encoding="utf-8")
    result = run_cli(project)
    assert result.status == 0, result.err
    page = read_pdf(project / "output" / "thesis.pdf").pages[0]
    lines = [" ".join(line.split()) for line in page.splitlines()]
    # The group line and the supervisor's degree each on one line; the name on a line of its own.
    assert any(line.endswith(expected) for line in lines), lines
    assert any(line.endswith("Жетекші Ж. Ж.,") for line in lines) and "кандидат исторических наук, доцент" in lines
    opening, closing = ("“", "”") if language == "en" else ("«", "»")
    assert f"{opening}Сынақ жобасы{closing}" in page


def test_approval_block_and_a_balanced_ministry_name(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "year = 2026", 'year = 2026\napproval = true\nhead_of_department = "Ә. Б. Сейітов"'), encoding="utf-8")
    assert run_cli(project).status == 0
    page = read_pdf(project / "output" / "thesis.pdf").pages[0]
    for line in ("«Қорғауға жіберілді»", "Кафедра меңгерушісі", "Ә. Б. Сейітов", "2026 ж."):
        assert squash(line) in squash(page), line
    first = [w for w in words(project / "output" / "thesis.pdf") if w.page == 1][:12]
    rows: dict[int, list] = {}
    for word in first:
        rows.setdefault(round(word.y0), []).append(word)
    ministry = [row for row in list(rows.values())[:2]]
    widths = [max(w.x1 for w in row) - min(w.x0 for w in row) for row in ministry]
    assert len(widths) == 2 and min(widths) > 0.6 * max(widths), f"the ministry's lines are uneven: {widths}"
