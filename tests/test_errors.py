"""Bad input: one clear `FILE:LINE: error|warning: … — …` message each, the previous PDF kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import edit_file, line_of, run_cli


def _previous_pdf(project: Path) -> bytes:
    return (project / "output" / "thesis.pdf").read_bytes()


def _fails_with(project: Path, pattern: str) -> str:
    """Build, expect exit 1 with a message matching ``pattern``, and the old PDF untouched."""
    before = _previous_pdf(project)
    result = run_cli(project)
    assert result.status == 1, result.out + result.err
    assert re.search(pattern, result.err, re.M), result.err
    assert "Traceback" not in result.err
    assert result.err.strip().splitlines()[-1].startswith("Build failed: ")
    assert _previous_pdf(project) == before
    return result.err


def test_unknown_citation_key_names_file_line_and_nearest_keys(project: Path) -> None:
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "[@smith2023]", "[@smith2032]")
    line = line_of(chapter, "smith2032")
    err = _fails_with(project, rf"^content/02-tarau-1\.md:{line}: error: citation key 'smith2032' is not in "
                               r"references\.bib — did you mean smith2023")
    assert err.count("error:") == 1


def test_all_problems_of_a_run_are_reported_together(project: Path) -> None:
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "[@smith2023]", "[@nope1]")
    edit_file(project / "content" / "03-qorytyndy.md", "[@smith2023]", "[@nope2]")
    err = _fails_with(project, r"nope1")
    assert "nope2" in err and "2 errors" in err


def test_unclosed_citation_bracket(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "[@smith2023]", "[@smith2023, 25")
    line = line_of(chapter, "[@smith2023, 25")
    _fails_with(project, rf"^content/03-qorytyndy\.md:{line}: error: citation bracket '\[@' is not closed")


def test_cross_reference_to_missing_id(project: Path) -> None:
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "@tbl:trade берілген", "@tbl:trades берілген")
    line = line_of(chapter, "@tbl:trades")
    _fails_with(project, rf"^content/02-tarau-1\.md:{line}: error: cross-reference @tbl:trades points to nothing"
                         r" — did you mean @tbl:trade\?")


def test_missing_image_file(project: Path) -> None:
    (project / "images" / "chart.svg").unlink()
    line = line_of(project / "content" / "02-tarau-1.md", "chart.svg")
    _fails_with(project, rf"^content/02-tarau-1\.md:{line}: error: image file 'images/chart\.svg' not found")


def test_network_image_is_refused(project: Path) -> None:
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "images/chart.svg", "https://example.com/chart.png")
    line = line_of(chapter, "example.com")
    _fails_with(project, rf"^content/02-tarau-1\.md:{line}: error: image 'https://example\.com/chart\.png' is on "
                         r"the network")


def test_image_outside_the_project_is_refused(project: Path, tmp_path: Path) -> None:
    (tmp_path / "outside.svg").write_text((project / "images" / "chart.svg").read_text())
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "images/chart.svg", "../outside.svg")
    _fails_with(project, r"^content/02-tarau-1\.md:\d+: error: image '\.\./outside\.svg' is outside the project")


def test_heading_level_that_skips(project: Path) -> None:
    (project / "content" / "00-first.md").write_text("## Бөлім тараусыз\n\nМәтін.\n", encoding="utf-8")
    _fails_with(project, r"^content/00-first\.md:1: error: heading level 2 follows level none")


def test_duplicate_id(project: Path) -> None:
    edit_file(project / "content" / "03-qorytyndy.md", "{#tbl:events}", "{#tbl:trade}")
    _fails_with(project, r"^content/03-qorytyndy\.md:\d+: error: id #tbl:trade is used twice "
                         r"\(first at content/02-tarau-1\.md:\d+\)")


def test_windows_1251_chapter_is_named_with_the_command_to_convert(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    chapter.write_bytes(chapter.read_text(encoding="utf-8")
                        .encode("cp1251", errors="replace"))
    _fails_with(project, r"^content/03-qorytyndy\.md:1: error: the file is in WINDOWS-1251, not UTF-8 — convert it: "
                         r"iconv -f WINDOWS-1251 -t UTF-8 03-qorytyndy\.md")


def test_utf16_chapter(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    chapter.write_bytes(chapter.read_text(encoding="utf-8").encode("utf-16"))
    _fails_with(project, r"^content/03-qorytyndy\.md: error: the file is in UTF-16, not UTF-8 — convert it: "
                         r"iconv -f UTF-16")


def test_empty_content_folder(project: Path) -> None:
    for path in (project / "content").iterdir():
        path.unlink()
    _fails_with(project, r"^content: error: no chapters found")


def test_toml_syntax_error_with_its_line(project: Path) -> None:
    config = project / "thesis.toml"
    edit_file(config, 'city = "Алматы"', 'city = "Алматы')
    line = line_of(config, 'city = "Алматы')
    _fails_with(project, rf"^thesis\.toml:{line}: error: TOML syntax error")


@pytest.mark.parametrize(
    ("setting", "section", "message"),
    [
        ('language = "de"', None, r"language = 'de' is not one of 'kk', 'ru', 'en'"),
        ('profile = "gost"', None, r"profile = 'gost' is not one of"),
        ("margin_left = 100", "layout", r"layout\.margin_left = 100 is out of range 5–60"),
        ('font_size = "big"', "layout", r"layout\.font_size must be a number, not 'big'"),
        ('style = "apa6"', "bibliography", r"unknown bibliography style 'apa6' — did you mean 'apa'\?"),
        ("contents_depth = 5", "layout", r"layout\.contents_depth = 5 is not one of 1, 2, 3"),
    ],
)
def test_wrong_values_in_thesis_toml(project: Path, setting: str, section: str | None, message: str) -> None:
    config = project / "thesis.toml"
    text = config.read_text(encoding="utf-8")
    key = setting.split("=")[0].strip()
    if section is not None:
        text += f"\n[{section}]\n{setting}\n"
    elif re.search(rf"^{key}\s*=", text, re.M):
        text = re.sub(rf"^{key}\s*=.*$", setting, text, count=1, flags=re.M)
    else:
        text = setting + "\n" + text
    config.write_text(text, encoding="utf-8")
    line = line_of(config, setting)
    _fails_with(project, rf"^thesis\.toml:{line}: error: {message}")


def test_unknown_setting_is_an_error_with_the_nearest_key(project: Path) -> None:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[layout]\nmargin_lefft = 25\n', encoding="utf-8")
    line = line_of(config, "margin_lefft")
    _fails_with(project, rf"^thesis\.toml:{line}: error: unknown setting 'layout\.margin_lefft' — "
                         r"did you mean 'margin_left'\?")


def test_missing_references_file(project: Path) -> None:
    (project / "references.bib").unlink()
    _fails_with(project, r"^references\.bib: error: references\.bib not found")


def test_font_lacking_a_character_is_named_with_its_place(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "Қосымша мәтіні.", "Қосымша мәтіні 漢.")
    line = line_of(chapter, "漢")
    result = run_cli("check", project)
    assert re.search(rf"^content/03-qorytyndy\.md:{line}: warning: the font .* has no glyph for '漢' \(U\+6F22\)",
                     result.err, re.M), result.err


def test_internal_bug_prints_one_line_and_keeps_the_pdf(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kazthesis.pdf.build

    def broken(document, problems, cache=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(kazthesis.pdf.build, "build_pdf", broken)
    before = _previous_pdf(project)
    result = run_cli(project)
    assert result.status == 3
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "internal error: RuntimeError: boom" in result.err and "bug in kazthesis" in result.err
    assert _previous_pdf(project) == before


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_cli(tmp_path / "nowhere").status == 2
    assert run_cli("refs", "--bogus").status == 2
    assert run_cli("--help").status == 0


def test_bib_duplicate_key_and_broken_entry_stop_the_build(project: Path) -> None:
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text + "\n@book{smith2023,\n  title = {Again},\n  year = {2020},\n}\n"
                   "\n@book{broken,\n  title = {Unclosed,\n  year = {2020},\n}\n", encoding="utf-8")
    duplicate = line_of(bib, "@book{smith2023,")
    broken = line_of(bib, "@book{broken,")
    first = line_of(bib, "@online{smith2023,")
    err = _fails_with(project, rf"^references\.bib:{duplicate}: error: duplicate key 'smith2023' "
                               rf"\(first defined at line {first}\)")
    assert re.search(rf"^references\.bib:{broken}: error: unbalanced braces", err, re.M), err


def test_bib_entry_missing_a_required_field(project: Path) -> None:
    bib = project / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("  year      = {1996},\n", "", 1), encoding="utf-8")
    line = line_of(bib, "@book{nazarbayev1996,")
    _fails_with(project, rf"^references\.bib:{line}: error: entry 'nazarbayev1996' \(@book\) has no year")


def test_missing_thesis_toml_is_a_warning_and_defaults_apply(project: Path) -> None:
    (project / "thesis.toml").unlink()
    result = run_cli(project)
    assert result.status == 0, result.err
    assert re.search(r"^thesis\.toml: warning: thesis\.toml not found: the defaults are used", result.err, re.M)
