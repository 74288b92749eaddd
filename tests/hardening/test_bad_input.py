"""Bad input is the student's to fix: an error at its line, never exit 3 (#27).

Control characters (U+0000, U+0001) in a title field, a chapter or the .bib (the .docx is XML and cannot hold
them; the PDF would print boxes): one check, the same error for both writers. thesis.toml nested 5000 deep
(tomllib reads it by recursion), also under ``watch``, which must report it and keep watching. Footnotes that
call themselves, or each other, or nest without end.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from conftest import Lines, edit_file, line_of
from guard import foreign_lines, run_within

from kazthesis.watch import watch


def _fails(project: Path, pattern: str, commands: tuple[str, ...] = ("build", "docx")) -> None:
    for command in commands:
        result = run_within(120, command, project)
        assert result.status == 1, result.out + result.err
        assert re.search(pattern, result.err, re.M), result.err
        assert foreign_lines(result.err) == [], result.err


@pytest.mark.parametrize("escape, shown", [("\\u0000", "U+0000"), ("\\u0001", "U+0001")])
def test_a_control_character_in_a_title_field_is_an_error_for_both_writers(project: Path, escape: str,
                                                                           shown: str) -> None:
    config = project / "thesis.toml"
    edit_file(config, 'title = "Сынақ жобасы"', f'title = "Сынақ{escape} жобасы"')
    line = line_of(config, "title = ")
    _fails(project, rf"^thesis\.toml:{line}: error: title_page\.title holds the control character {re.escape(shown)}, "
                    "which is not text — delete it")


def test_a_control_character_in_a_chapter_is_an_error_at_its_column(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "талданды", "тал\x01данды")
    line = line_of(chapter, "\x01")
    _fails(project, rf"^content/03-qorytyndy\.md:{line}: error: control character U\+0001 at column \d+, which is not "
                    "text", ("build", "docx", "check"))


def test_a_control_character_in_the_bibliography_is_an_error(project: Path) -> None:
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    first_title = text.index("title")
    bib.write_text(text[:first_title] + "\x0b" + text[first_title:], encoding="utf-8")
    line = text.count("\n", 0, first_title) + 1
    _fails(project, rf"^references\.bib:{line}: error: control character U\+000B at column \d+")


DEEP = "deep = " + "[" * 5000 + "]" * 5000 + "\n"


def test_thesis_toml_nested_5000_deep_is_an_error_at_its_line(project: Path) -> None:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + DEEP, encoding="utf-8")
    line = line_of(config, "deep = ")
    _fails(project, rf"^thesis\.toml:{line}: error: arrays or tables nested more than 100 deep", ("build", "check"))


def test_watch_reports_a_deeply_nested_thesis_toml_and_goes_on(project: Path) -> None:
    stop = threading.Event()

    out, err = Lines(), Lines()
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(watch(project, out, err, stop)))
    thread.start()
    config = project / "thesis.toml"
    good = config.read_text(encoding="utf-8")
    try:
        _wait(lambda: "Watching" in out.text)
        time.sleep(0.3)
        config.write_text(good + DEEP, encoding="utf-8")
        _wait(lambda: "Not rebuilt after thesis.toml: 1 error" in out.text)
        assert "nested more than 100 deep" in err.text
        config.write_text(good, encoding="utf-8")
        _wait(lambda: "\nRebuilt after thesis.toml" in out.text)
    finally:
        stop.set()
        thread.join(60)
    assert result == [0], out.text + err.text
    assert "internal error" not in out.text + err.text


def _wait(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_footnotes_that_call_themselves_or_each_other_are_errors(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nӨзіне[^self] және бір-біріне[^a].\n\n"
                       "[^self]: Өзіне сілтейді[^self].\n\n[^a]: Бірінші[^b].\n\n[^b]: Екінші[^a].\n", encoding="utf-8")
    for label, line in (("self", line_of(chapter, "[^self]: ")), ("a", line_of(chapter, "[^b]: "))):
        _fails(project, rf"^content/03-qorytyndy\.md:{line}: error: footnote \[\^{label}\] is called inside its own "
                        r"text", ("build", "docx", "check"))


def test_footnotes_nested_without_end_are_an_error(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    notes = "".join(f"\n[^n{n}]: Ескерту {n}[^n{n + 1}].\n" for n in range(1, 3000)) + "\n[^n3000]: Соңғы.\n"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nТізбек[^n1].\n" + notes, encoding="utf-8")
    _fails(project, r"^content/03-qorytyndy\.md:\d+: error: footnote \[\^n9\] is a note inside a note more than 8 deep",
           ("check",))


@pytest.mark.parametrize("tex, message", [("{" * 20 + "a" + "}" * 20, r"nest 20 deep, more than 6"),
                                          ("\\left(" * 12 + "a" + "\\right)" * 12, r"nest 12 deep, more than 6"),
                                          ("a+" * 2000 + "b", r"4001 characters long, more than 1000")])
def test_a_formula_too_deep_or_long_to_draw_is_an_error(project: Path, tex: str, message: str) -> None:
    """ziamath's time doubles with each nested group: twenty nested braces would draw for an hour."""
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "талданды", f"талданды ${tex}$")
    line = line_of(chapter, "талданды")
    _fails(project, rf"^content/03-qorytyndy\.md:{line}: error: the formula .* cannot be read: .*{message}", ("check",))
