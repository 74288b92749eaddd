"""What a new user meets first (#26): a picture path with a space, a typo in thesis.toml, the command line used
from another folder. Each was a silent wrong result or a misleading message; these tests hold the fixes."""

from __future__ import annotations

import shutil
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


@pytest.mark.parametrize("written", ["<images/рисунки/Товарооборот 2023.svg>", "images/рисунки/Товарооборот%202023.svg"])
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
