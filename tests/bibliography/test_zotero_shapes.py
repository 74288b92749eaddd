"""Zotero's shapes (#26): "Title: subtitle" in one field, an @online's site in titleaddon, a thesis's school, and
every field GOST has a place for that an entry's type leaves out, named instead of lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_project, run_cli

from kazthesis.bibliography import format_entry, parse_bibliography, unprinted
from kazthesis.problems import Problems

N = "\u00a0"


def entry(text: str):  # noqa: ANN201 - an Entry
    problems = Problems()
    bib = parse_bibliography(text, Path("references.bib"), problems)
    assert [str(p) for p in problems] == []
    return next(iter(bib.entries.values()))


@pytest.mark.parametrize(("title", "printed"), [
    ("Kazakhstan's Regional Integration Policy: The Impact of the Post-Soviet Regional Organizations",
     "Kazakhstan's Regional Integration Policy : The Impact of the Post-Soviet Regional Organizations"),
    ("Ядролық қару: Дерек пен дәйек", "Ядролық қару : Дерек пен дәйек"),
    ("No colon here", "No colon here"),
    (r"\emph{Atomic Steppe}: How Kazakhstan Gave Up the Bomb", "Atomic Steppe : How Kazakhstan Gave Up the Bomb"),
])
def test_a_title_with_its_subtitle_after_a_colon_is_split_as_gost_writes_it(title: str, printed: str) -> None:
    book = entry(f"@book{{a, title = {{{title}}}, location = {{London}}, publisher = {{Routledge}}, year = {{2019}},"
                 " langid = {english}}")
    assert format_entry(book) == f"{printed}. – London : Routledge, 2019."


def test_a_subtitle_field_keeps_the_title_as_written() -> None:
    book = entry("@book{a, title = {Kazakhstan: Pushing}, subtitle = {for Eurasia}, year = {2019}, langid = {english}}")
    assert format_entry(book) == "Kazakhstan: Pushing : for Eurasia. – 2019."


def test_an_online_source_takes_its_site_from_titleaddon_as_zotero_exports_it() -> None:
    page = entry("@online{a, title = {Kazakhstan and the EU}, titleaddon = {The Diplomat}, url = {https://x.kz/a},"
                 " urldate = {2024-03-15}, year = {2023}, langid = {english}}")
    assert format_entry(page) == ("Kazakhstan and the EU [Electronic resource] // The Diplomat. – 2023. – URL: "
                                  "https://x.kz/a (accessed: 15.03.2024).")
    assert unprinted(page, "gost-7.1-2003") == []


THESIS = ("@phdthesis{a, author = {Иванов, Иван Иванович}, title = {Внешняя политика Казахстана}, type = {дис. ... "
          "канд. ист. наук : 07.00.03}, school = {Казахский национальный университет им. аль-Фараби}, "
          "address = {Алматы}, year = {2010}, pagetotal = {150}, langid = {russian}}")


def test_gost_r_7_0_100_2018_names_the_school_of_a_thesis_and_7_1_2003_does_not() -> None:
    thesis = entry(THESIS)
    assert format_entry(thesis, "gost-r-7.0.100-2018") == (
        f"Иванов, И.{N}И. Внешняя политика Казахстана : дис. ... канд. ист. наук : 07.00.03 / И.{N}И.{N}Иванов ; "
        "Казахский национальный университет им. аль-Фараби. – Алматы, 2010. – 150 с. – Текст : непосредственный.")
    assert format_entry(thesis, "gost-7.1-2003") == (
        f"Иванов, И.{N}И. Внешняя политика Казахстана : дис. ... канд. ист. наук : 07.00.03 / И.{N}И.{N}Иванов. – "
        "Алматы, 2010. – 150 с.")
    # GOST 7.1-2003 has no place for it (a manuscript): not a field lost, so no warning either.
    assert unprinted(thesis, "gost-7.1-2003") == [] and unprinted(thesis, "gost-r-7.0.100-2018") == []


@pytest.mark.parametrize(("bibtex", "lost"), [
    ("@article{a, title = {T}, journal = {J}, publisher = {Taylor \\& Francis}, year = {2019}}", ["publisher"]),
    ("@article{a, title = {T}, journal = {J}, series = {S}, edition = {2}, year = {2019}}", ["edition", "series"]),
    ("@online{a, title = {T}, url = {https://x.kz}, urldate = {2024-01-01}, volume = {3}, year = {2019}}", ["volume"]),
    ("@book{a, title = {T}, journal = {J}, year = {2019}}", ["journaltitle"]),
    ("@book{a, title = {T}, publisher = {P}, series = {S}, year = {2019}, month = {4}}", []),
])
def test_each_field_gost_has_a_place_for_that_the_type_leaves_out_is_named(bibtex: str, lost: list[str]) -> None:
    assert unprinted(entry(bibtex[:-1] + ", langid = {english}}"), "gost-7.1-2003") == lost


def test_the_build_warns_about_a_field_lost_at_its_entry(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text.replace("@article{sidorov2019,", "@article{sidorov2019,\n  publisher = {КазНУ},", 1),
                   encoding="utf-8")
    line = next(n for n, row in enumerate(bib.read_text(encoding="utf-8").splitlines(), 1) if "sidorov2019" in row)
    result = run_cli("check", project)
    assert (f"references.bib:{line}: warning: entry 'sidorov2019' (@article): its publisher is not printed, as GOST "
            "describes this type of source without it — check the type (@book, @article, @incollection, @online…); "
            "if it is right, remove publisher to say it is meant") in result.err
