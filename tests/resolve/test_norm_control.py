"""Norm control: `kazthesis check` (input checks and norm control, no PDF written) and the warnings a build
gives on what it printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project, run_cli


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project("small", tmp_path)


def test_check_writes_no_pdf_and_exits_0_with_warnings(project: Path) -> None:
    result = run_cli("check", project)
    assert result.status == 0, result.err
    assert not (project / "output" / "thesis.pdf").exists()
    assert re.search(r"^check: 0 errors, \d+ warnings?$", result.out, re.M)


def test_check_exits_1_on_errors(project: Path) -> None:
    path = project / "content" / "03-qorytyndy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("[@smith2023]", "[@nobody]"), encoding="utf-8")
    result = run_cli("check", project)
    assert result.status == 1
    assert "content/03-qorytyndy.md:3: error: citation key 'nobody'" in result.err


def test_small_project_is_too_short_and_cites_too_few_sources(project: Path) -> None:
    err = run_cli("check", project).err
    assert re.search(r"^thesis\.toml: warning: the body \(introduction to conclusion\) is about \d+ pages; "
                     r"a coursework needs at least 20", err, re.M), err
    assert re.search(r"^references\.bib: warning: the reference list has 4 sources; a coursework needs at least 15",
                     err, re.M), err


def test_thresholds_are_configurable(project: Path) -> None:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + "\n[checks]\nbody_pages_min = 1\nmin_references = 3\n", encoding="utf-8")
    err = run_cli("check", project).err
    assert "the body" not in err and "the reference list has" not in err


def test_introduction_elements(project: Path) -> None:
    intro = project / "content" / "01-kirispe.md"
    assert "does not name" not in run_cli("check", project).err
    intro.write_text(intro.read_text(encoding="utf-8").replace("**Зерттеу әдістері** – тарихи-салыстырмалы талдау.",
                                                               ""), encoding="utf-8")
    err = run_cli("check", project).err
    assert re.search(r"^content/01-kirispe\.md:1: warning: the introduction does not name its әдістері", err, re.M)


def test_introduction_check_can_be_switched_off(project: Path) -> None:
    intro = project / "content" / "01-kirispe.md"
    intro.write_text("# КІРІСПЕ {.unnumbered}\n\nҚысқа мәтін [@smith2023].\n", encoding="utf-8")
    assert "does not name" in run_cli("check", project).err
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[checks]\nintroduction_elements = false\n",
                      encoding="utf-8")
    assert "does not name" not in run_cli("check", project).err


def test_chapter_without_citation_and_empty_section(project: Path) -> None:
    chapter = project / "content" / "04-extra.md"
    chapter.write_text("# Қосымша тарау\n\nДереккөзсіз мәтін.\n\n## Бос бөлім\n", encoding="utf-8")
    err = run_cli("check", project).err
    assert re.search(r"^content/04-extra\.md:1: warning: chapter 2 cites no source", err, re.M), err
    assert re.search(r"^content/04-extra\.md:5: warning: section '2\.1' is empty", err, re.M), err


def test_title_page_placeholders(project: Path) -> None:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('author = "Студент Т. А."',
                                                                 'author = "[Студенттің аты-жөні]"'), encoding="utf-8")
    err = run_cli("check", project).err
    assert re.search(r"^thesis\.toml:\d+: warning: title page field author still holds a placeholder", err, re.M)


def test_unused_references_listed_once(project: Path) -> None:
    err = run_cli("check", project).err
    lines = [line for line in err.splitlines() if "never cited" in line]
    assert len(lines) == 1 and "unused2000" in lines[0]
    assert lines[0].startswith("references.bib:")


def test_recent_sources_share(project: Path) -> None:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[checks]\nrecent_years = 5\n", encoding="utf-8")
    err = run_cli("check", project).err
    assert re.search(r"are from the last 5 years", err), err


# --- abbreviations, sources, figures and placeholders; the samples clean --------------------------------------


def test_abbreviations_listed_but_unused_and_used_but_unlisted(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    chapter = project / "content" / "03-qorytyndy.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "талданды [@smith2023].", "талданды [@smith2023]. ЕАЭО мен ЕАЭО-ның мүшелері."), encoding="utf-8")
    result = run_cli("check", project)
    config = project / "thesis.toml"
    line = next(n for n, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "ӘЕК" in text)
    assert re.search(rf"^thesis\.toml:{line}: warning: the abbreviation ӘЕК is listed but the text never uses it",
                     result.err, re.M), result.err
    assert re.search(r"^content/03-qorytyndy\.md:3: warning: the abbreviation ЕАЭО is used 2 times but is not in "
                     r"the abbreviations list", result.err, re.M), result.err


def test_cited_sources_without_a_year_or_an_access_date(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    entry = re.search(r"@online\{smith2023,.*?\n\}", text, re.S).group(0)
    bare = re.sub(r"\n\s*(?:year|date|urldate)\s*=\s*\{[^}]*\},?", "", entry)
    bib.write_text(text.replace(entry, bare), encoding="utf-8")
    line = next(n for n, t in enumerate(bib.read_text(encoding="utf-8").splitlines(), 1) if "@online{smith2023" in t)
    err = run_cli("check", project).err
    assert re.search(rf"^references\.bib:{line}: warning: the cited source 'smith2023' has no year", err, re.M), err
    assert re.search(rf"^references\.bib:{line}: warning: the cited web page 'smith2023' has no urldate", err, re.M)


def test_a_figure_far_from_its_first_mention_is_reported_by_build(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    chapter = project / "content" / "02-tarau-1.md"
    filler = "Екі ел арасындағы ынтымақтастық жаңа кезеңге көтеріліп, байланыстар тереңдей түсті. " * 60
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "![Екі ел", f"{filler}\n\n{filler}\n\n![Екі ел"), encoding="utf-8")
    result = run_cli(project)
    assert result.status == 0
    assert re.search(r"^content/02-tarau-1\.md:\d+: warning: 1-сурет is on page \d+, [2-9] pages after its first "
                     r"mention on page \d+", result.err, re.M), result.err


def test_the_closing_line_counts_the_title_page_placeholders(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('author = "Студент Т. А."',
                                                                 'author = "[Аты-жөні]"'), encoding="utf-8")
    result = run_cli(project)
    assert ", 1 title-page placeholder to fill in," in result.out, result.out


def test_the_exemplar_and_the_russian_thesis_are_clean_of_these_defects(exemplar_build, ru_build) -> None:
    for project, result, _ in (exemplar_build, ru_build):
        assert ", 0 warnings" in result.out, result.out + result.err
        checked = run_cli("check", project)
        rest = [line for line in checked.err.splitlines() if "placeholder" not in line and "the body (" not in line
                and "the reference list has" not in line]
        assert rest == [], rest
