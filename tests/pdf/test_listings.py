"""Code listings in the real PDF: numbered with captions above, continued across pages, highlighted in greys,
their attributes checked (the faculty fixture: one listing longer than a page)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, Built, copy_project, line_of, run_cli, squash


def test_listings_are_numbered_with_captions_above_and_referred_to(faculty_build: Built) -> None:
    text = squash("".join(faculty_build.pdf.pages))
    for caption in ("Листинг 1 – Модели данных веб-сервиса", "Листинг 2 – Обработчики запросов веб-сервиса",
                    "Листинг А.1 – Схема базы данных"):
        assert squash(caption) in text, caption
    assert [listing.label for listing in faculty_build.document.listings] == ["Листинг 1", "Листинг 2", "Листинг А.1"]
    assert squash("(листинг А.1)") in text  # @lst:schema in the conclusion
    assert squash("в листинге 1, обработчики запросов – в листинге 2") in text  # [-@lst:…] declined by the writer
    page = faculty_build.page_with("Листинг 1 –")
    lines = faculty_build.page_text(page).splitlines()
    caption = next(i for i, line in enumerate(lines) if "Листинг 1 –" in line)
    assert "from dataclasses import dataclass" in lines[caption + 1], "the code follows its caption"


def test_a_listing_running_onto_the_next_pages_carries_the_continuation_label(faculty_build: Built) -> None:
    start = faculty_build.page_with("Листинг 2 –")
    source = (faculty_build.project / "content" / "03-glava-2.md").read_text(encoding="utf-8")
    code = source.split('```python {#lst:api caption="Обработчики запросов веб-сервиса"}\n', 1)[1].split("```")[0]
    end = faculty_build.page_with("ROUTES = {", start)
    assert end >= start + 2, "the fixture's long listing runs over two page breaks"
    for page in range(start + 1, end + 1):
        first = next(line for line in faculty_build.page_text(page).splitlines() if line.strip())
        assert first.strip() == "Продолжение листинга 2", f"page {page} starts with {first!r}"
    assert "Продолжение листинга 2" not in faculty_build.page_text(start)
    printed = squash("".join(faculty_build.pdf.pages[start - 1 : end]).replace("Продолжение листинга 2", ""))
    position = 0
    for line in code.splitlines():  # every line, in order, none lost at a page break
        if line.strip():
            position = printed.index(squash(line), position)
    assert all(text.count("Продолжение листинга") == 0 for text in faculty_build.pdf.pages[: start - 1])


def test_listing_highlighting_is_grey_scale_and_a_setting(faculty_build: Built, tmp_path: Path) -> None:
    html = (faculty_build.project / "output" / "thesis.html").read_text(encoding="utf-8")
    assert '<span class="hl-keyword">def</span>' in html
    assert '<span class="hl-comment"># минимальный балл по шкале университета</span>' in html
    css = (REPO / "templates" / "thesis.css").read_text(encoding="utf-8")
    colours = re.findall(r"\.hl-[\w, .-]+\{[^}]*color: #([0-9a-f]{6})", css)
    assert colours and all(c[0:2] == c[2:4] == c[4:6] for c in colours), "greys only"
    project = copy_project("faculty", tmp_path)
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("listing_highlight = true",
                                                                 "listing_highlight = false"), encoding="utf-8")
    assert run_cli(project).status == 0
    plain = (project / "output" / "thesis.html").read_text(encoding="utf-8")
    assert 'class="hl-' not in plain and "Листинг 2" in plain


def test_listing_attributes_are_checked(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    chapter = project / "content" / "04-zaklyuchenie.md"
    chapter.write_text(chapter.read_text(encoding="utf-8")
                       + '\n```js {#code1 caption="Скрипт" linenos=true}\nlet a = 1;\n```\n', encoding="utf-8")
    result = run_cli("check", project)
    line = line_of(chapter, "```js")
    assert f"content/04-zaklyuchenie.md:{line}: warning: the listing id #code1 does not start with lst:" in result.err
    assert f"content/04-zaklyuchenie.md:{line}: warning: attribute linenos=true is not used" in result.err
