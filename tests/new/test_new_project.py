"""`kazthesis new`: a project of the right shape in kk, ru and en that builds at once, with every setting listed."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from conftest import read_pdf, run_cli

from kazthesis.bibliography import kinds
from kazthesis.i18n import _, use
from kazthesis.lang import wording
from kazthesis.lang.registry import DOCUMENT_LANGUAGES
from kazthesis.new.project import SKELETONS, sample, thesis_toml
from kazthesis.problems import Problems
from kazthesis.read.config import load_config
from kazthesis.read.profiles import PROFILES
from kazthesis.read.settings import SETTINGS

LANGUAGES = list(DOCUMENT_LANGUAGES)
# The warnings a fresh project is expected to have: placeholders on the title page, and a sample too short.
EXPECTED_WARNINGS = re.compile(r"still holds a placeholder|the body \(introduction to conclusion\) is about"
                               r"|the reference list has \d+ sources")


def _new(tmp_path: Path, language: str, *extra: str) -> Path:
    project = tmp_path / f"thesis-{language}"
    result = run_cli("new", project, "--lang", language, *extra)
    assert result.status == 0, result.err
    return project


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_makes_a_project_of_the_right_shape(tmp_path: Path, language: str) -> None:
    project = _new(tmp_path, language)
    chapters = sorted(p.name for p in (project / "content").glob("*.md"))
    assert len(chapters) == 5 and chapters[0].startswith("01-") and chapters[-1].startswith("09-")
    assert (project / "references.bib").is_file()
    assert [p.suffix for p in (project / "images").iterdir()] == [".svg"]
    problems = Problems(root=project)
    config = load_config(project, problems)
    assert not list(problems), [str(p) for p in problems]
    assert config.language == language and config.work_type == "coursework"
    text = {p.name: p.read_text(encoding="utf-8") for p in (project / "content").glob("*.md")}
    joined = "\n".join(text.values())
    for convention in (r"\[@\w+\]", r"\[@\w+, \d+\]", r"\[@\w+; @\w+\]", r"\{#fig:\w+\}", r"^: .+\{#tbl:\w+\}$",
                       r"@fig:\w+", r"@tbl:\w+", r"@sec:\w+", r"@app:\w+", r"\[\^\w+\]:", r"\{\.appendix #app:\w+\}",
                       r"\{\.unnumbered\}"):
        assert re.search(convention, joined, re.M), convention


@pytest.mark.parametrize("language", LANGUAGES)
def test_thesis_toml_lists_every_setting(language: str) -> None:
    text = thesis_toml(language, "coursework", year=2026)
    data = tomllib.loads(text)
    assert data["language"] == language
    for section, settings in SETTINGS.items():
        if section:
            assert f"[{section}]" in text
        for name, setting in settings.items():
            assert re.search(rf"^(# )?{name} = ", text, re.M), f"{section}.{name}"
            with use(language):
                assert _(setting.doc).rstrip(")") in text  # in the document's language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_commented_default_is_valid_and_is_the_default(tmp_path: Path, language: str) -> None:
    text = thesis_toml(language, "diploma", year=2026)
    uncommented = re.sub(r"^# (\w+ = .*|\[\[insert\]\])$", r"\1", text, flags=re.M)
    (tmp_path / "thesis.toml").write_text(uncommented, encoding="utf-8")
    problems = Problems(root=tmp_path)
    config = load_config(tmp_path, problems)
    assert not problems.errors, [str(p) for p in problems]
    assert config.layout == {k: s.default for k, s in SETTINGS["layout"].items()} | PROFILES[config.profile]
    assert config.checks == {k: s.default for k, s in SETTINGS["checks"].items()}
    chosen = sample(language).get("bibliography", {})  # the English sample's own style: APA
    assert config.bibliography == {k: s.default for k, s in SETTINGS["bibliography"].items()} | chosen


def test_the_work_type_reaches_the_title_page(tmp_path: Path) -> None:
    project = _new(tmp_path, "kk", "--work-type", "master")
    data = tomllib.loads((project / "thesis.toml").read_text(encoding="utf-8"))
    assert data["work_type"] == "master"
    assert data["title_page"]["work_type"] == "Магистрлік диссертация"
    assert "specialty" in data["title_page"] and "discipline" not in data["title_page"]
    ru = tomllib.loads(thesis_toml("ru", "coursework"))
    assert ru["title_page"]["work_type"] == "Курсовая работа" and "discipline" in ru["title_page"]
    # The title page and the annotation's statistics line name the work type in one spelling: the registry's.
    en = tomllib.loads(thesis_toml("en", "diploma"))
    assert en["title_page"]["work_type"] == "Diploma thesis" == wording.text("en", "work_diploma")


def test_new_refuses_a_folder_in_use(tmp_path: Path) -> None:
    used = tmp_path / "mine"
    used.mkdir()
    (used / "notes.md").write_text("my notes", encoding="utf-8")
    result = run_cli("new", used)
    assert result.status == 2
    assert "the folder is not empty" in result.err
    assert sorted(p.name for p in used.iterdir()) == ["notes.md"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert run_cli("new", tmp_path / "file").status == 2


def test_new_fills_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    result = run_cli("new", ".", "--lang", "en")
    assert result.status == 0, result.err
    assert (empty / "thesis.toml").is_file()


def test_new_needs_a_folder_and_known_choices(tmp_path: Path) -> None:
    assert run_cli("new").status == 2
    assert run_cli("new", tmp_path / "x", "--lang", "de").status == 2
    assert run_cli("new", tmp_path / "y", "--work-type", "phd").status == 2
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_new_says_what_to_do_next(tmp_path: Path) -> None:
    result = run_cli("new", tmp_path / "thesis", "--lang", "ru")
    assert "Новый проект создан" in result.out
    assert "kazthesis build" in result.out and "kazthesis check" in result.out
    assert "предупреждения" in result.out


def test_the_sources_are_one_of_each_common_type() -> None:
    text = (SKELETONS / "references.bib").read_text(encoding="utf-8")
    entries = re.findall(r"^@(\w+)\{(\w+),(.*?)^\}", text, re.M | re.S)
    types = {kind for kind, _, _ in entries}
    assert {"book", "article", "incollection", "thesis", "online", "legislation", "report"} <= types
    for kind, key, body in entries:
        assert "langid" in body, key
        assert kind in kinds.FORMS, key
        if kind == "online":
            assert "url " in body and "urldate" in body, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_project_builds_and_passes_norm_control_but_for_the_expected(tmp_path: Path, language: str) -> None:
    project = _new(tmp_path, language)
    build = run_cli("build", project)
    assert build.status == 0, build.err
    assert re.match(r"Built output/thesis\.pdf: \d+ pages, 8 references, 0 warnings", build.out)
    pdf = read_pdf(project / "output" / "thesis.pdf")
    assert len(pdf.pages) >= 10
    check = run_cli("check", project)
    assert check.status == 0
    warnings = [line for line in check.err.splitlines() if ": warning: " in line]
    unexpected = [line for line in warnings if not EXPECTED_WARNINGS.search(line)]
    assert not unexpected, unexpected
    refs = run_cli("refs", project)
    lines = refs.out.splitlines()
    if language == "en":  # an APA list (the English sample's style): alphabetical, no numbers
        assert len(lines) == 8 and lines == sorted(lines, key=str.lower) and lines[0].startswith("Budjeryn, M.")
    else:
        assert [line.split(".")[0] for line in lines] == [str(n) for n in range(1, 9)]
