"""A borrowed chapter cannot lose content in silence or inject markup (#27, and the first pass before it).

Text nested deeper than a page can show, footnotes defined twice or never, tables too wide for the page (shrunk,
turned sideways when allowed, else an error), a font name that would inject CSS, quotes that would leave an
attribute, attributes the tool does not use: each is printed, or named at its line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import edit_file, line_of, read_pdf, run_cli, squash
from pdftools import MM, words
from test_errors import _fails_with


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the project that must never reach the PDF."""
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-PAYLOAD", encoding="utf-8")
    return path


def test_text_nested_too_deep_is_an_error(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "Қосымша мәтіні.", "Қосымша мәтіні.\n\n" + "> " * 30 + "терең мәтін\n")
    line = line_of(chapter, "терең мәтін")
    _fails_with(project, rf"^content/03-qorytyndy\.md:{line}: error: text nested \d+ levels deep")


def test_text_nested_a_few_levels_is_printed(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "Қосымша мәтіні.", "Қосымша мәтіні.\n\n" + "> " * 3 + "- тізім\n  - ішкі тармақ\n")
    assert run_cli(project).status == 0
    assert "ішкітармақ" in squash("".join(read_pdf(project / "output" / "thesis.pdf").pages))


def test_footnote_defined_twice_is_an_error(project: Path) -> None:
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "[^note]: Бұл – сілтеме мәтіні.", "[^note]: Бұл – сілтеме мәтіні.\n\n[^note]: Екінші мәтін.")
    first = line_of(chapter, "[^note]: Бұл")
    second = line_of(chapter, "[^note]: Екінші")
    _fails_with(project, rf"^content/02-tarau-1\.md:{second}: error: footnote \[\^note\] is defined twice "
                         rf"\(first at line {first}\)")


def test_footnote_without_definition_is_an_error(project: Path) -> None:
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "[^note]: Бұл – сілтеме мәтіні.", "")
    line = line_of(chapter, "айтылады[^note]")
    _fails_with(project, rf"^content/02-tarau-1\.md:{line}: error: footnote \[\^note\] is never defined")


def _wide_table(columns: int, word: str) -> str:
    header = "| " + " | ".join(f"Б{n}" for n in range(1, columns + 1)) + " |"
    rule = "|" + "---|" * columns
    row = "| " + " | ".join(f"{word}{n}" for n in range(1, columns + 1)) + " |"
    return f": Кең кесте {{#tbl:wide}}\n\n{header}\n{rule}\n{row}\n"


def test_wide_table_shrinks_to_fit_the_page(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "Қосымша мәтіні.", "Қосымша мәтіні.\n\n" + _wide_table(13, "мән"))
    result = run_cli(project)
    assert result.status == 0, result.err
    pdf = project / "output" / "thesis.pdf"
    right = 210 * MM - 15 * MM
    cells = [w for w in words(pdf) if re.fullmatch(r"мән\d+", w.text) or w.text == "13"]
    assert any(w.text == "мән13" for w in cells), "the last column is printed"
    assert all(w.x1 <= right + 1 for w in cells)


def test_table_too_wide_for_any_size_is_reported(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "Қосымша мәтіні.", "Қосымша мәтіні.\n\n" + _wide_table(14, "Ұзынсөзбіріккенсөзтізбегі"))
    line = line_of(chapter, ": Кең кесте")
    _fails_with(project, rf"^content/03-qorytyndy\.md:{line}: error: table А\.1 is too wide for the page")


def test_wide_table_on_a_landscape_page_when_allowed(project: Path) -> None:
    chapter = project / "content" / "03-qorytyndy.md"
    edit_file(chapter, "Қосымша мәтіні.", "Қосымша мәтіні.\n\n" + _wide_table(14, "123456"))  # numbers never break
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[layout]\nlandscape_tables = true\n", encoding="utf-8")
    result = run_cli(project)
    assert result.status == 0, result.err
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(project / "output" / "thesis.pdf")],
                          capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert any(float(w) > float(h) for w, h in sizes), "a landscape page holds the wide table"
    pdf = read_pdf(project / "output" / "thesis.pdf")
    assert pdf.page_of("12345614") is not None


def test_font_name_cannot_inject_css(project: Path) -> None:
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8")
                      + '\n[layout]\nfont = "X\\"; } @import url(http://example.invalid/a.css); p { x: \\""\n',
                      encoding="utf-8")
    _fails_with(project, r"^thesis\.toml:\d+: error: layout\.font = .* is not a valid font family name")


def test_caption_with_quotes_stays_inside_alt(project: Path) -> None:
    from html.parser import HTMLParser

    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "![Екі ел", '![Сызба "x" onload="y" — екі ел')
    assert run_cli(project).status == 0
    images: list[dict[str, str | None]] = []

    class Images(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "img":
                images.append(dict(attrs))

    Images().feed((project / "output" / "thesis.html").read_text(encoding="utf-8"))
    assert images and all(set(image) <= {"src", "alt", "style", "class"} for image in images), images
    assert any("onload" in (image["alt"] or "") for image in images)


def test_attributes_are_allow_listed_and_others_warned(project: Path, secret: Path) -> None:
    shutil.copy(secret, project / "images" / "secret.txt")
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "Тарау туралы қысқаша кіріспе сөз",
          'Тарау [сілтеме](images/secret.txt){rel="attachment" style="font-size:90pt"} туралы қысқаша кіріспе сөз')
    line = line_of(chapter, "rel=")
    result = run_cli(project)
    assert result.status == 0, result.err
    assert re.search(rf"^content/02-tarau-1\.md:{line}: warning: attribute rel=.* is not used", result.err, re.M)
    assert re.search(rf"^content/02-tarau-1\.md:{line}: warning: attribute style=.* is not used", result.err, re.M)
    html = (project / "output" / "thesis.html").read_text(encoding="utf-8")
    assert "attachment" not in html and "90pt" not in html
    assert b"TOPSECRET" not in (project / "output" / "thesis.pdf").read_bytes()
    assert "сілтеме" in squash("".join(read_pdf(project / "output" / "thesis.pdf").pages))
