"""What a new user meets first (#26): a picture path with a space, a typo in thesis.toml, the command line used
from another folder. Each was a silent wrong result or a misleading message; these tests hold the fixes."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project, edit_file, line_of, run_cli

from kazthesis.read.parse import parse_file


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return copy_project("small", tmp_path)


# --- an image path with a space (item 2) ---------------------------------------------------------------------

def _with_spaced_image(project: Path, written: str) -> tuple[Path, int]:
    folder = project / "images" / "рисунки"
    folder.mkdir()
    shutil.copy(project / "images" / "chart.svg", folder / "Товарооборот 2023.svg")
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "](images/chart.svg)", f"]({written})")
    return chapter, line_of(chapter, "Товарооборот")


@pytest.mark.parametrize("written", ["<images/рисунки/Товарооборот 2023.svg>",
                                     "images/рисунки/Товарооборот%202023.svg"])
def test_a_path_with_a_space_in_angle_brackets_or_with_percent_20_is_the_figure(small: Path, written: str) -> None:
    chapter, _ = _with_spaced_image(small, written)
    result = run_cli("check", small)
    assert result.status == 0 and "Товарооборот" not in result.err and "points to nothing" not in result.err
    parsed = parse_file(chapter, small, "kk")
    assert "Товарооборот 2023.svg" in repr(parsed.parts) and "![" not in repr(parsed.parts)


def test_a_bare_path_with_a_space_is_read_as_pandoc_reads_it_with_the_form_to_write(small: Path) -> None:
    chapter, line = _with_spaced_image(small, "images/рисунки/Товарооборот 2023.svg")
    result = run_cli("check", small)
    assert result.status == 0 and "points to nothing" not in result.err
    assert (f"content/02-tarau-1.md:{line}: warning: the image path 'images/рисунки/Товарооборот 2023.svg' has a "
            "space, which most Markdown readers take for its end (this tool reads it, as Pandoc does) — write it in "
            "angle brackets, ![…](<images/рисунки/Товарооборот 2023.svg>), or each space as %20") in result.err
    parsed = parse_file(chapter, small, "kk")
    assert "Товарооборот 2023.svg" in repr(parsed.parts) and "![" not in repr(parsed.parts)


def test_a_link_address_with_a_space_is_named_too_and_code_is_left_alone(small: Path) -> None:
    chapter = small / "content" / "03-qorytyndy.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nСайт: [мекенжай](https://example.kz/a b), "
                       "мысал: `![x](a b.png)`.\n", encoding="utf-8")
    parsed = parse_file(chapter, small, "kk")
    assert [p.message for p in parsed.problems if "space" in p.message] == [
        "the link address 'https://example.kz/a b' has a space, which most Markdown readers take for its end (this "
        "tool reads it, as Pandoc does)"]
    assert "https://example.kz/a%20b" in repr(parsed.parts) and "![x](a b.png)" in repr(parsed.parts)


# --- a typo in thesis.toml (item 3) ----------------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "message"), [
    ('language = "ru"', 'langauge = "ru"', r"unknown setting 'langauge' — did you mean 'language'\?"),
    ("[title_page]", "[titlepage]", r"unknown section \[titlepage\] — did you mean \[title_page\]\?"),
    ("[bibliography]", "[bibliografy]", r"unknown section \[bibliografy\] — did you mean \[bibliography\]\?"),
    ('ministry =', 'minstry =', r"unknown setting 'title_page\.minstry' — did you mean 'ministry'\?"),
])
def test_a_misspelt_setting_or_section_is_an_error_with_the_nearest_name(tmp_path: Path, old: str, new: str,
                                                                          message: str) -> None:
    project = copy_project("ru", tmp_path)
    config = project / "thesis.toml"
    edit_file(config, old, new)
    line = line_of(config, new)
    result = run_cli("check", project)
    assert result.status == 1
    assert re.search(rf"^thesis\.toml:{line}: error: {message}$", result.err, re.M), result.err


def test_a_top_level_setting_written_below_a_section_is_named_with_where_it_goes(tmp_path: Path) -> None:
    project = copy_project("ru", tmp_path)
    config = project / "thesis.toml"
    edit_file(config, 'language = "ru"\n', "")
    config.write_text(config.read_text(encoding="utf-8") + 'language = "ru"\n', encoding="utf-8")
    last_section = [line for line in config.read_text(encoding="utf-8").splitlines() if line.startswith("[")][-1]
    section = last_section.strip("[]")
    result = run_cli("check", project)
    assert result.status == 1
    assert section == "abbreviations"
    assert (f"error: language under [{section}] is read as one of its entries, not as the setting — language is a "
            f"top-level setting: move it above the first [section] (every line below [{section}] belongs to "
            f"[{section}])") in result.err
    edit_file(config, "[abbreviations]", '[layout]\nlanguage = "kk"\n\n[abbreviations]')
    assert ("error: unknown setting 'layout.language' — language is a top-level setting: move it above the first "
            "[section] (every line below [layout] belongs to [layout])") in run_cli("check", project).err


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_new_projects_and_the_exemplar_use_only_known_settings(tmp_path: Path, language: str) -> None:
    assert run_cli("new", tmp_path / "p", "--lang", language).status == 0
    exemplar = copy_project("exemplar", tmp_path)
    for project in (tmp_path / "p", exemplar):
        result = run_cli("check", project)
        assert "unknown" not in result.err and result.status == 0, result.err


# --- the command line (item 5) ---------------------------------------------------------------------------------

def test_a_misspelt_command_is_a_usage_error_with_the_nearest_command(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("bild")
    assert (result.status, result.err) == (2, "kazthesis: error: unknown command 'bild' — did you mean 'build'?\n")
    result = run_cli("publish")
    assert result.status == 2 and "'publish' is neither a command nor a folder — the commands are build, docx" \
        in result.err


def test_inside_a_subfolder_the_project_above_is_used_and_files_are_named_from_there(
        small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_file(small / "content" / "03-qorytyndy.md", "[@smith2023]", "[@smith2032]")
    line = line_of(small / "content" / "03-qorytyndy.md", "smith2032")
    monkeypatch.chdir(small / "content")
    result = run_cli("check")
    assert result.status == 1, result.err
    assert re.search(rf"^03-qorytyndy\.md:{line}: error: citation key 'smith2032' is not in", result.err, re.M)
    assert re.search(r"^\.\./references\.bib:\d+: warning:", result.err, re.M)


def test_from_another_folder_files_and_the_pdf_are_named_from_where_the_command_ran(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project("small", tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run_cli("build", "../small")
    assert result.status == 0, result.err
    assert result.out.startswith("Built ../small/output/thesis.pdf: ")
    assert re.search(r"^\.\./small/references\.bib:\d+: warning:", result.err, re.M)
    assert (project / "output" / "thesis.pdf").is_file()


def test_the_sample_project_cites_no_file_a_student_lacks(tmp_path: Path) -> None:
    for language in ("kk", "ru", "en"):
        assert run_cli("new", tmp_path / language, "--lang", language).status == 0
        for path in (tmp_path / language).rglob("*"):
            if path.is_file() and path.suffix in (".bib", ".md", ".toml"):
                text = path.read_text(encoding="utf-8")
                assert "FORMATTING" not in text and "formatting.md" not in text, path


# --- set-up shows where it is (item 7) -------------------------------------------------------------------------

def test_setup_prints_a_line_for_each_step_before_it_runs(tmp_path: Path) -> None:
    """scripts/setup.sh with stand-ins for dpkg-query and the virtual environment's python: each step's line comes
    before what the step runs, in order."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(Path(__file__).parent.parent / "scripts" / "setup.sh", repo / "scripts" / "setup.sh")
    log = tmp_path / "log"
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "dpkg-query").write_text("#!/bin/sh\nprintf 'install ok installed'\n")
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "python").write_text(f"#!/bin/sh\necho \"python $*\" >> {log}\necho \"ran python $*\"\n")
    for stub in (stubs / "dpkg-query", repo / ".venv" / "bin" / "python"):
        stub.chmod(0o755)
    env = {"PATH": f"{stubs}:/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(["bash", str(repo / "scripts" / "setup.sh")], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    steps = [line for line in lines if line.startswith("[")]
    assert [line[:5] for line in steps] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    assert steps[0].startswith("[1/4] Debian packages: fonts-liberation2") and "      all installed" in lines
    assert steps[1] == "[2/4] Python virtual environment: .venv is there"
    order = [line for line in lines if line.startswith("[3/4]") or line.startswith("[4/4]") or line.startswith("ran")]
    assert order == [steps[2], "ran python -m pip install -q --upgrade pip",
                     "ran python -m pip install -q -r requirements.txt", steps[3], "ran python build.py"]


def test_the_russian_thesis_toml_is_commented_in_russian_naming_russian_forms(tmp_path: Path) -> None:
    assert run_cli("new", tmp_path / "p", "--lang", "ru").status == 0
    comments = "\n".join(line for line in (tmp_path / "p" / "thesis.toml").read_text(encoding="utf-8").splitlines()
                         if line.startswith("#"))
    assert "студент (Выполнил(а))" in comments and "«Допущен к защите»" in comments and "язык документа" in comments
    assert not re.search("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", comments), "a Kazakh form in the Russian comments"
    assert "document language" not in comments and "the student" not in comments
