"""`kazthesis doctor`: each check on this machine, and each failure simulated, with its instructions."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import run_cli

from kazthesis import doctor
from kazthesis.doctor import (
    PLATFORMS,
    Check,
    check_font,
    check_harfbuzz_subset,
    check_output,
    check_python,
    check_weasyprint,
    check_weasyprint_version,
)
from kazthesis.pdf.weasy import PINNED


def _instructions(check: Check) -> str:
    assert not check.ok
    assert set(check.fix) == set(PLATFORMS), check.fix
    return "\n".join(check.fix.values())


def test_this_machine_has_everything(tmp_path: Path) -> None:
    result = run_cli("doctor", tmp_path)
    assert result.status == 0, result.out
    required = [line for line in result.out.splitlines() if line.startswith("ok  ") and "LibreOffice" not in line]
    assert len(required) == 6  # and a line on LibreOffice, which only the .docx's contents page numbers need
    assert "all 6 checks passed" in result.out
    assert not (tmp_path / "output").exists()  # made for the probe, then removed


def test_doctor_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("doctor").status == 0


def test_old_python() -> None:
    check = check_python((3, 10, 12))
    assert "3.10.12 is too old" in check.what
    assert "brew install python" in _instructions(check)
    assert check_python((3, 11, 0)).ok


def test_missing_pango() -> None:
    def no_pango() -> object:
        raise OSError("cannot load library 'libgobject-2.0-0': error 0x7e")

    check = check_weasyprint(no_pango)
    assert "Pango could not be loaded" in check.what
    how = _instructions(check)
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in how
    assert "brew install pango" in how
    assert "pacman -S mingw-w64-x86_64-pango" in how and "WSL" in how
    assert check_weasyprint().ok


def test_another_weasyprint_version() -> None:
    check = check_weasyprint_version(lambda: "69.0")
    assert f"WeasyPrint 69.0 is installed, but kazthesis is written for WeasyPrint {PINNED}" in check.what
    assert f"-m pip install weasyprint=={PINNED}" in _instructions(check)
    assert "not installed" in check_weasyprint_version(lambda: None).what
    assert check_weasyprint_version(lambda: PINNED).ok
    assert check_weasyprint_version().ok


def test_missing_harfbuzz_subset() -> None:
    check = check_harfbuzz_subset(loaded=lambda: False)
    assert "libharfbuzz-subset0" in _instructions(check)
    assert not check_harfbuzz_subset(loaded=lambda: None, find=lambda name: None).ok
    assert check_harfbuzz_subset(loaded=lambda: None, find=lambda name: "libharfbuzz-subset.so.0").ok
    assert check_harfbuzz_subset().ok


def test_no_fontconfig() -> None:
    check = check_font(file_of=lambda family: None)
    assert "fc-match" in check.what
    assert "fonts-liberation2" in _instructions(check)


def test_missing_font_is_substituted() -> None:
    check = check_font(file_of=lambda family: Path("/fonts/DejaVuSerif.ttf"), name_of=lambda family: "DejaVu Serif")
    assert "'Times New Roman' or Liberation Serif is not installed" in check.what
    assert "DejaVu Serif" in check.what


def test_font_without_kazakh_letters() -> None:
    check = check_font(file_of=lambda family: Path("/fonts/Times.ttf"), name_of=lambda family: "Times New Roman",
                       missing_of=lambda text, family: {"Ә", "ә", "Ң"})
    assert "has no glyph for Ң Ә ә" in check.what
    assert not check.ok


def test_the_real_font_has_every_kazakh_letter() -> None:
    check = check_font()
    assert check.ok, check.what
    assert "Liberation Serif" in check.what or "Times New Roman" in check.what


def test_the_project_font_is_the_one_checked(tmp_path: Path) -> None:
    (tmp_path / "thesis.toml").write_text('[layout]\nfont = "Liberation Serif"\n', encoding="utf-8")
    assert doctor.project_font(tmp_path) == "Liberation Serif"
    assert doctor.project_font(tmp_path / "nowhere") == "Times New Roman"


def test_unwritable_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    check = check_output(tmp_path)
    assert f"cannot write to {tmp_path / 'output'}: Permission denied" == check.what
    assert not check.ok
    assert not (tmp_path / "output").exists()


def test_a_file_where_output_goes(tmp_path: Path) -> None:
    (tmp_path / "output").write_text("not a folder", encoding="utf-8")
    assert not check_output(tmp_path).ok


def test_existing_output_is_kept_and_left_clean(tmp_path: Path) -> None:
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "thesis.pdf").write_bytes(b"%PDF")
    assert check_output(tmp_path).ok
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["thesis.pdf"]


def test_a_failed_check_gives_exit_1_and_the_instructions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "check_font", lambda family: check_font(family, file_of=lambda f: None))
    result = run_cli("doctor", tmp_path)
    assert result.status == 1
    assert "MISSING  fontconfig (fc-match) cannot tell which font 'Times New Roman' is" in result.out
    for platform in PLATFORMS:
        assert f"         {platform}: " in result.out
    assert "1 of 6 checks failed" in result.out
