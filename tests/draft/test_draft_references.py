"""Typed reference-list entries → references.bib: the round trip through the build's own reader and GOST
templates, the loosely typed forms students write, entries kept as typed, placeholders and keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, run_cli

from kazthesis.bibliography import parse_bibliography
from kazthesis.draft.references import build_source, placeholder, read_list, split_number, style_of
from kazthesis.problems import Problems

EXAMPLES = FIXTURES / "drafts" / "gost-examples.txt"


def same(typed: str, formatted: str) -> bool:
    """Equal up to spaces and dash forms (the round trip's promise)."""
    def norm(text: str) -> str:
        text = re.sub("[\u2013\u2014\u2212-]", "-", text.replace("\u00a0", " "))
        return re.sub(r"\s+", " ", text).strip()
    return norm(typed) == norm(formatted)


def documented_examples() -> list[tuple[str, str]]:
    blocks = [b.splitlines() for b in EXAMPLES.read_text(encoding="utf-8").split("\n\n")]
    return [(lines[0], lines[1]) for lines in blocks if len(lines) == 2 and lines[0].startswith("@")]


def test_every_documented_example_round_trips_with_its_type() -> None:
    examples = documented_examples()
    assert len(examples) == 12
    for kind, typed in examples:
        source = build_source(typed, None, set(), "gost-7.1-2003")
        assert source.status == "parsed", (kind, source.why)
        assert same(typed, source.formatted), (kind, source.formatted)
        entry_type = re.search(r"^@(\w+)\{", source.bib, re.M).group(1)
        expected = {"book": "book", "article": "article", "incollection": "incollection",
                    "phdthesis": "thesis", "online": "online", "legislation": "legislation"}[
            re.match(r"@(\w+)", kind).group(1)]
        assert entry_type == expected, (kind, source.bib)


@pytest.fixture(scope="module")
def exemplar_refs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    project = copy_project("exemplar", tmp_path_factory.mktemp("refs"))
    result = run_cli("refs", project)
    assert result.status == 0, result.err
    return [line.split(". ", 1)[1] for line in result.out.splitlines() if line.strip()]


def test_every_entry_of_the_exemplar_round_trips(exemplar_refs: list[str]) -> None:
    assert 30 <= len(exemplar_refs) <= 50  # a coursework's list, as norm control counts it
    taken: set[str] = set()
    for typed in exemplar_refs:
        source = build_source(typed, None, taken, "gost-7.1-2003")
        assert source.status == "parsed", (typed, source.why)
        assert same(typed, source.formatted), (typed, source.formatted)
    assert len(taken) == len(exemplar_refs)  # every key its own


def fields(bib: str) -> dict[str, str]:
    problems = Problems()
    entry = next(iter(parse_bibliography(bib, Path("references.bib"), problems).entries.values()))
    assert not problems.errors, [str(p) for p in problems]
    return {**entry.fields, "_authors": "; ".join(p.heading() for p in entry.authors), "_lang": entry.language,
            "_form": entry.form}


def test_fields_land_where_they_belong() -> None:
    book = fields(build_source("Хабаров, А. В. Почвоведение : учебник / А. В. Хабаров, А. А. Яскин. – 2-е изд. – "
                               "Москва : Колос, 2001. – 231 с.", None, set(), "gost-7.1-2003").bib)
    assert book["title"] == "Почвоведение" and book["subtitle"] == "учебник"
    assert book["_authors"] == "Хабаров, А.\u00a0В.; Яскин, А.\u00a0А."
    assert (book["edition"], book["location"], book["publisher"], book["year"], book["pagetotal"]) == (
        "2", "Москва", "Колос", "2001", "231")
    assert book["_lang"] == "ru" and book["langid"] == "russian"
    online = fields(build_source("Kudrenok, T. U.S. Secretary of State to visit Kazakhstan next week [Electronic "
                                 "resource] / T. Kudrenok // Kazinform. – 2020. – URL: https://www.inform.kz/en/x_1 "
                                 "(accessed: 20.11.2026).", None, set(), "gost-7.1-2003").bib)
    assert online["title"] == "U.S. Secretary of State to visit Kazakhstan next week"  # not the initials U. S.
    assert (online["url"], online["urldate"], online["organization"]) == (
        "https://www.inform.kz/en/x_1", "2026-11-20", "Kazinform")
    chapter = fields(build_source("Olcott, M. B. Kazakhstan: Pushing for Eurasia / M. B. Olcott // New States, New "
                                  "Politics : Building the Post-Soviet Nations / ed. by I. Bremmer, R. Taras. – "
                                  "Cambridge : Cambridge University Press, 1997.", None, set(), "gost-7.1-2003").bib)
    assert chapter["_form"] == "part" and chapter["booktitle"] == "New States, New Politics"
    assert chapter["booksubtitle"] == "Building the Post-Soviet Nations"


@pytest.mark.parametrize(("loose", "expected"), [
    # hyphens for dashes, no spaces around the colon, "с." for "С.", initials run together
    ("Юнеман Р.А. Реализация концепции многовекторности // Вестник международных организаций. - 2023. - Т. 18, "
     "№ 1. - с. 151-169.",
     "Юнеман, Р. А. Реализация концепции многовекторности / Р. А. Юнеман // Вестник международных "
     "организаций. – 2023. – Т. 18, № 1. – С. 151–169."),
    # no dashes at all between the areas
    ("Назарбаев Н.Ә. Ғасырлар тоғысында. Алматы: Өнер, 1996. 272 б.",
     "Назарбаев, Н. Ә. Ғасырлар тоғысында / Н. Ә. Назарбаев. – Алматы : Өнер, 1996. – 272 б."),
    # em dashes and "--"
    ("Kassenova, T. Atomic Steppe : How Kazakhstan Gave Up the Bomb / T. Kassenova. — Stanford, California : "
     "Stanford University Press, 2022 -- 384 p.",
     "Kassenova, T. Atomic Steppe : How Kazakhstan Gave Up the Bomb / T. Kassenova. – Stanford, California : "
     "Stanford University Press, 2022. – 384 p."),
])
def test_loosely_typed_entries_are_parsed_and_printed_in_gost_form(loose: str, expected: str) -> None:
    source = build_source(loose, None, set(), "gost-7.1-2003")
    assert source.status == "parsed", source.why
    assert same(expected, source.formatted), source.formatted


def test_languages_follow_the_terms_the_entry_is_typed_with() -> None:
    cases = {"kk": "«Жусан» операциясының айтылмаған тұстары [Электрондық ресурс] // Egemen.kz. – 2021. – "
                   "URL: https://egemen.kz/article/281386 (қаралған күні: 20.11.2026).",
             "uz": "$17 млрд, Авраам келишувлари [Электрон ресурс] // Kazinform. – 2025. – URL: "
                   "https://oz.inform.kz/news/17-mlrd (мурожаат санаси: 20.11.2026).",
             "ru": "Медеубаева, Ж. М. История формирования внешнеполитической доктрины Республики Казахстан "
                   "(1991–2010 годы) / Ж. М. Медеубаева. – Астана, 2012.",
             "en": "Chankseliani, M. The politics of student mobility / M. Chankseliani // International Journal of "
                   "Educational Development. – 2018. – Vol. 62. – P. 281–288."}
    for language, typed in cases.items():
        source = build_source(typed, None, set(), "gost-7.1-2003")
        assert fields(source.bib)["_lang"] == language, (language, source.bib)
        assert same(typed, source.formatted)


def test_an_entry_that_cannot_be_parsed_is_kept_whole_and_prints_as_typed() -> None:
    typed = ("Potter W. C. The Politics of Nuclear Renunciation: The Cases of Belarus, Kazakhstan, and Ukraine "
             "(Occasional Paper No. 22, Henry L. Stimson Center)")
    source = build_source(typed, 22, set(), "gost-7.1-2003")
    assert source.status == "typed" and "no year" in source.why
    assert "entrysubtype = {typed}" in source.bib
    assert source.formatted == typed + "."
    problems = Problems()
    parse_bibliography(source.bib, Path("references.bib"), problems)
    assert [p.message for p in problems.warnings] == [f"entry '{source.key}' is kept as it was typed: its "
                                                      "description is printed as written, without GOST "
                                                      "punctuation applied"]


def test_numbers_keys_placeholders_and_style() -> None:
    assert split_number("6. Тоқаев") == (6, "Тоқаев")
    assert split_number("[12] Smith") == (12, "Smith")
    assert split_number("3) Kassenova") == (3, "Kassenova")
    sources = read_list([(5, "1. Назарбаев, Н. Ә. Ғасырлар тоғысында / Н. Ә. Назарбаев. – Алматы : Өнер, 1996. – "
                             "272 б."),
                         (6, "2. Назарбаев, Н. Ә. Ғасырлар тоғысында / Н. Ә. Назарбаев. – Алматы : Өнер, 1996. – "
                             "272 б.")], "gost-7.1-2003")
    assert [s.key for s in sources] == ["nazarbaev1996", "nazarbaev1996a"]
    hole = placeholder(6, "kk", set())
    assert hole.key == "source6" and "entrysubtype = {placeholder}" in hole.bib and "[6]" in hole.formatted
    assert style_of(["A. – Текст : электронный.", "B. – Текст : непосредственный."]) == "gost-r-7.0.100-2018"
    assert style_of(["A. – 2001. – 231 с."]) == "gost-7.1-2003"
