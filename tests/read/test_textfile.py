"""Reading text files: a UTF-8 file with a few bad bytes is told apart from a file in another encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazthesis.problems import Problems
from kazthesis.read.textfile import guess_encoding, read_text

CHAPTER = "# Кіріспе\n\nБұл жұмыста Қазақстанның сыртқы саясаты қарастырылады.\n\nЗерттеудің өзектілігі айқын.\n"


def read(tmp_path: Path, data: bytes, name: str = "01-kirispe.md") -> tuple[str | None, list[str]]:
    path = tmp_path / name
    path.write_bytes(data)
    problems = Problems(root=tmp_path)
    return read_text(path, problems), [str(p) for p in problems]


def test_utf8_with_a_byte_order_mark_and_windows_line_ends(tmp_path: Path) -> None:
    text, messages = read(tmp_path, CHAPTER.replace("\n", "\r\n").encode("utf-8-sig"))
    assert (text, messages) == (CHAPTER, [])


def test_one_stray_byte_in_a_utf8_file_is_named_with_its_line_and_column(tmp_path: Path) -> None:
    data = CHAPTER.encode("utf-8").replace("жұмыста".encode(), b"\xe9" + "жұмыста".encode())
    text, messages = read(tmp_path, data)
    assert text is None
    assert messages == [
        "01-kirispe.md:3: error: invalid byte 0xE9 at column 5 (the rest of the file is UTF-8) — "
        "retype the character there, or delete it; do not convert the whole file, its other text is right"]


def test_a_word_pasted_from_windows_1251_names_the_letters_to_retype(tmp_path: Path) -> None:
    data = CHAPTER.encode("utf-8").replace("айқын".encode(), "ясно".encode("cp1251"))
    _, messages = read(tmp_path, data)
    assert messages == [
        "01-kirispe.md:5: error: invalid bytes 0xFF 0xF1 0xED 0xEE at column 23 (the rest of the file is UTF-8) — "
        "retype «ясно» there (these bytes are that text in WINDOWS-1251), or delete them; "
        "do not convert the whole file, its other text is right"]


def test_bad_spots_are_listed_up_to_a_handful(tmp_path: Path) -> None:
    lines = [f"Жол {n}: \xe9" for n in range(1, 9)]
    data = "\n".join(lines).encode("utf-8").replace("\xe9".encode(), b"\xe9")
    _, messages = read(tmp_path, data)
    assert [m.split(" (")[0] for m in messages[:5]] == [
        f"01-kirispe.md:{n}: error: invalid byte 0xE9 at column {len(f'Жол {n}: ') + 1}" for n in range(1, 6)]
    assert messages[5] == ("01-kirispe.md:6: error: 3 more places with invalid bytes from here on — "
                           "fix them the same way: retype or delete the characters there")


@pytest.mark.parametrize(("encoding", "name"), [("cp1251", "WINDOWS-1251"), ("koi8_r", "KOI8-R"),
                                                ("cp866", "CP866")])
def test_a_file_in_another_encoding_gets_the_command_that_converts_it(tmp_path: Path, encoding: str,
                                                                        name: str) -> None:
    russian = "# Введение\n\nВ работе рассматривается внешняя политика Казахстана.\n"
    text, messages = read(tmp_path, russian.encode(encoding))
    assert text is None
    assert messages == [
        f"01-kirispe.md:1: error: the file is in {name}, not UTF-8 — convert it: iconv -f {name} -t UTF-8 "
        "01-kirispe.md -o 01-kirispe.md.utf8 && mv 01-kirispe.md.utf8 01-kirispe.md (or in your editor: "
        "Save as → Encoding: UTF-8)"]


def test_the_line_of_the_first_bad_byte_is_given_for_a_legacy_file(tmp_path: Path) -> None:
    _, messages = read(tmp_path, ("# Title\n\nPlain text.\n" + "Внешняя политика Казахстана\n").encode("cp1251"))
    assert messages[0].startswith("01-kirispe.md:4: error: the file is in WINDOWS-1251, not UTF-8")


def test_utf16_with_and_without_a_byte_order_mark(tmp_path: Path) -> None:
    for data in (CHAPTER.encode("utf-16"), "# Intro\n\nPlain English text.\n".encode("utf-16-le")):
        text, messages = read(tmp_path, data)
        assert text is None
        assert messages[0].startswith("01-kirispe.md: error: the file is in UTF-16, not UTF-8 — "
                                      "convert it: iconv -f UTF-16 -t UTF-8")


def test_nul_bytes_are_not_text(tmp_path: Path) -> None:
    _, messages = read(tmp_path, b"abc\x00\x00\x00def\x00ghi\x00\x00jkl")
    assert messages == ["01-kirispe.md: error: the file holds NUL bytes: it is not a text file — "
                        "save it as plain UTF-8 text"]


def test_guess_encoding_needs_more_than_a_byte_or_two() -> None:
    assert guess_encoding(b"Hello caf\xe9 world\n") is None
    assert guess_encoding("Қазақстан Республикасы".encode("ptcp154")) == "PT154"
    assert guess_encoding("Внешняя политика".encode("cp1251")) == "WINDOWS-1251"


def test_unreadable_file(tmp_path: Path) -> None:
    problems = Problems(root=tmp_path)
    assert read_text(tmp_path / "missing.md", problems) is None
    assert str(problems.items[0]) == "missing.md: error: cannot read the file: No such file or directory"
