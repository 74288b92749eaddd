"""A CSL style in a real build: the English project `kazthesis new` makes (APA 7), built to PDF and .docx,
and the same project under IEEE, under GOST, and with a style name that is no style."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import edit_file, line_of, read_pdf, run_cli, squash

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("csl") / "en"
    assert run_cli("new", project, "--lang", "en").status == 0
    return project


def _references_page(pages: list[str]) -> str:
    return next(page for page in reversed(pages) if "REFERENCES" in page and "Kassenova" in page)


def test_a_new_english_project_is_an_apa_thesis_that_builds_without_warnings(english: Path) -> None:
    toml = (english / "thesis.toml").read_text(encoding="utf-8")
    assert re.search(r'^style = "apa"$', toml, re.M) and '# (default: "gost-7.1-2003")' in toml
    run = run_cli("build", english)
    assert run.status == 0, run.err
    assert "references.bib" not in run.err  # every Cyrillic source has its English translation
    pdf = read_pdf(english / "output" / "thesis.pdf")
    text = squash("".join(pdf.pages))
    for citation in ("(Kassenova,2022)", "(Budjeryn,2022,p.46)", "(Kassenova,2022,Chapter2)",
                     "(Budjeryn,2022;Olcott,1997)", "(Potter,1995)"):
        assert citation in text
    listed = squash(_references_page(pdf.pages))
    assert squash("Kassenova, T. (2022). Atomic steppe: How Kazakhstan gave up the bomb. Stanford University "
                  "Press.") in listed
    assert squash("Nazarbaev, N. Ä. (1996). Ghasyrlar toghysynda [At the turn of the centuries]. Öner.") in listed
    assert not re.search(r"^\s*\d+\.\s", _references_page(pdf.pages), re.M)  # an author–date list: no numbers
    entries = [line for line in _references_page(pdf.pages).splitlines() if line.strip()]
    first = next(line for line in entries if line.strip().startswith("Kassenova"))
    second = entries[entries.index(first) + 1]
    # The entry hangs: its first line starts at the margin, the next one further in.
    assert len(second) - len(second.lstrip()) > len(first) - len(first.lstrip())


def test_the_docx_carries_the_same_citations_and_a_hanging_list(english: Path) -> None:
    run = run_cli("docx", english)
    assert run.status == 0, run.err
    with zipfile.ZipFile(english / "output" / "thesis.docx") as package:
        xml = package.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml).replace("\u200b", "")  # a URL's break points, which Word does not draw
    assert "(Kassenova, 2022)" in text.replace("\u00a0", " ")
    assert "Nazarbaev, N. Ä. (1996). Ghasyrlar toghysynda [At the turn of the centuries]. Öner." in text
    entry = xml[xml.index("Kassenova, T. (2022)") - 1500:xml.index("Kassenova, T. (2022)")]
    assert re.search(r'<w:ind w:left="\d+" w:hanging="\d+"/>', entry)
    assert "https://doi.org/10.1162/jcws_a_01077" in text


def test_ieee_numbers_citations_and_list(english: Path, tmp_path: Path) -> None:
    project = tmp_path / "ieee"
    run_cli("new", project, "--lang", "en")
    edit_file(project / "thesis.toml", 'style = "apa"', 'style = "ieee"')
    run = run_cli("refs", project)
    assert run.status == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].startswith("[1] T. Kassenova, Atomic steppe: How Kazakhstan gave up the bomb.")
    assert [line.split()[0] for line in lines] == [f"[{n}]" for n in range(1, len(lines) + 1)]


def test_gost_is_one_setting_away(tmp_path: Path) -> None:
    project = tmp_path / "gost"
    run_cli("new", project, "--lang", "en")
    edit_file(project / "thesis.toml", 'style = "apa"', 'style = "gost-7.1-2003"')
    run = run_cli("refs", project)
    assert run.status == 0, run.err
    assert run.out.splitlines()[0].startswith("1. Kassenova, T. Atomic steppe : How Kazakhstan gave up the bomb")


def test_an_unknown_style_stops_the_build_at_its_line(tmp_path: Path) -> None:
    project = tmp_path / "typo"
    run_cli("new", project, "--lang", "en")
    edit_file(project / "thesis.toml", 'style = "apa"', 'style = "apa6"')
    run = run_cli("build", project)
    assert run.status == 1
    line = line_of(project / "thesis.toml", 'style = "apa6"')
    assert f"thesis.toml:{line}: error: unknown bibliography style 'apa6' — did you mean 'apa'?" in run.err
    assert not (project / "output" / "thesis.pdf").exists()
