"""references.bib as students really have it: errors with lines, odd exports that still work."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kazthesis.bibliography import format_entry, load_bibliography, order_entries, parse_bibliography
from kazthesis.problems import Problems

N = "\u00a0"


def _parse(text: str):
    problems = Problems()
    return parse_bibliography(text, Path("references.bib"), problems), [str(p) for p in problems]


def test_duplicate_key_names_both_lines() -> None:
    _, messages = _parse("@book{a, title={X}, year={2000}}\n\n@book{a, title={Y}, year={2001}}\n")
    assert messages == ["references.bib:3: error: duplicate key 'a' (first defined at line 1) — "
                        "give each entry its own key, or delete the copy"]


def test_unbalanced_braces_name_the_entry_line_and_parsing_goes_on() -> None:
    bib, messages = _parse("@book{a, title={X}, year={2000}}\n@book{b, title = {Broken, year={2000}\n"
                           "@book{c, title={Z}, year={2002}}\n")
    assert any(m.startswith("references.bib:2: error: unbalanced braces") for m in messages), messages
    assert "c" in bib.entries


def test_entry_missing_what_its_type_needs() -> None:
    _, messages = _parse("@book{nobook,\n  author = {A, B.},\n  title = {T}\n}\n")
    assert messages == ["references.bib:1: error: entry 'nobook' (@book) has no year — add year = {...} to the entry"]


def test_unknown_type_is_a_warning_and_formats_as_a_book() -> None:
    bib, messages = _parse("@booklet{x, title={Брошюра}, address={Алматы}, year={2001}}")
    assert messages[0].startswith("references.bib:1: warning: entry 'x' has the unknown type @booklet")
    assert format_entry(bib.entries["x"]) == "Брошюра. – Алматы, 2001."


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    path.write_bytes("@book{a, title={Внешняя политика}, year={2000}}".encode("cp1251"))
    problems = Problems(root=tmp_path)
    load_bibliography(path, problems)
    assert "error: the file is in WINDOWS-1251, not UTF-8 — convert it: iconv -f WINDOWS-1251" in str(problems.items[0])


ZOTERO = r"""
@article{muller_central_2019,
	title = {Central {Asia} and the {M{\"u}ller} report: {Kazakhstan}'s choices},
	volume = {38},
	issn = {0263-4937},
	shorttitle = {Central {Asia}},
	url = {https://doi.org/10.1080/02634937.2019.1234567},
	doi = {10.1080/02634937.2019.1234567},
	abstract = {An abstract with 50\% of {LaTeX} \& ampersands.},
	language = {en},
	number = {2},
	urldate = {2024-03-15},
	journal = {Central Asian Survey},
	author = {M{\"u}ller, Anna and O'Brien, Sean},
	month = may,
	year = {2019},
	keywords = {Kazakhstan, foreign policy},
	pages = {101--120},
	file = {Full Text:/home/u/Zotero/storage/ABCD/file.pdf:application/pdf},
	copyright = {All rights reserved},
	note = {Publisher: Routledge},
}
"""


def test_zotero_export_formats_without_noise() -> None:
    bib, messages = _parse(ZOTERO)
    assert messages == []
    text = format_entry(bib.entries["muller_central_2019"])
    assert text == (f"Müller,{N}A. Central Asia and the Müller report: Kazakhstan's choices [Electronic resource] / "
                    f"A.{N}Müller, S.{N}O'Brien // Central Asian Survey. – 2019. – Vol.{N}38, No.{N}2. – "
                    f"P.{N}101–120. – URL: https://doi.org/10.1080/02634937.2019.1234567 (accessed: 15.03.2024).")


def test_language_from_langid_or_title() -> None:
    bib, _ = _parse("@book{kk, title={Тарих}, year={2000}, pagetotal={10}}"
                    "@book{ru, title={История}, year={2000}, pagetotal={10}}"
                    "@book{uz, title={Ўзбекистон тарихи}, year={2000}, pagetotal={10}}"
                    "@book{en, title={History}, year={2000}, pagetotal={10}}"
                    "@book{forced, title={History}, year={2000}, pagetotal={10}, langid={russian}}")
    assert [bib.entries[k].language for k in ("kk", "ru", "uz", "en", "forced")] == ["ru", "ru", "uz", "en", "ru"]
    assert format_entry(bib.entries["uz"]).endswith(f"10{N}б.")
    assert format_entry(bib.entries["forced"]).endswith(f"10{N}с.")


def test_names_hyphenated_initials_and_name_first() -> None:
    bib, _ = _parse("@book{a, author={Тоқаев, Қасым-Жомарт Кемелұлы}, title={Т}, year={2000}}"
                    "@book{b, author={K.K. Tokayev}, title={T}, year={2000}}"
                    "@book{c, author={{Қазақстан Республикасы Сыртқы істер министрлігі}}, title={Шолу}, year={2020}}")
    assert format_entry(bib.entries["a"]).startswith(f"Тоқаев,{N}Қ.-Ж.{N}К. Т / Қ.-Ж.{N}К.{N}Тоқаев.")
    assert format_entry(bib.entries["b"]).startswith(f"Tokayev,{N}K.{N}K. T / K.{N}K.{N}Tokayev.")
    assert format_entry(bib.entries["c"]) == "Шолу / Қазақстан Республикасы Сыртқы істер министрлігі. – 2020."


def test_missing_fields_leave_no_empty_areas() -> None:
    bib, _ = _parse("@article{a, title={Only a title?}, journal={J}, year={2020}}")
    text = format_entry(bib.entries["a"])
    assert text == "Only a title? // J. – 2020."
    assert ". – . –" not in text and "None" not in text and "{}" not in text


def test_gost_r_7_0_100_style() -> None:
    bib, _ = _parse("@book{a, author={Иванов, И. И.}, title={Книга}, address={М.}, publisher={Наука}, year={2000},"
                    " pagetotal={100}}"
                    "@online{b, title={Страница}, organization={Сайт}, year={2020}, url={https://x.kz/a}, "
                    "urldate={2024-03-15}}")
    assert format_entry(bib.entries["a"], "gost-r-7.0.100-2018").endswith(
        f"Москва : Наука, 2000. – 100{N}с. – Текст : непосредственный.")
    online = format_entry(bib.entries["b"], "gost-r-7.0.100-2018")
    assert "[Электронный ресурс]" not in online and online.endswith("– Текст : электронный.")
    assert format_entry(bib.entries["a"]).startswith(f"Иванов,{N}И.{N}И. Книга / И.{N}И.{N}Иванов. – М. : Наука")


def test_alphabetical_order_kazakh_alphabet_legal_acts_first_latin_last() -> None:
    bib, _ = _parse("@book{z, title={Zeta}, year={2000}}@book{b, title={Бақ}, year={2000}}"
                    "@book{ae, title={Әлем}, year={2000}}@book{a, title={Ана}, year={2000}}"
                    "@legislation{law, title={Конституция}, year={1995}}@book{ya, title={Ядро}, year={2000}}")
    ordered = order_entries(list(bib.entries.values()), "alphabetical")
    assert [e.key for e in ordered] == ["law", "a", "ae", "b", "ya", "z"]
    assert [e.key for e in order_entries(list(bib.entries.values()), "citation")] == list(bib.entries)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("@{}=,\"#% \nabкқ0-") + ["@book{", "title=", " and ", "\\\"", "--"]),
                max_size=80).map("".join))
def test_any_text_parses_without_raising(text: str) -> None:
    bib, messages = _parse(text)
    for entry in bib.entries.values():
        formatted = format_entry(entry)
        assert "None" not in formatted and ". – . –" not in formatted
    assert all(re.match(r"^references\.bib(:\d+)?: (error|warning): ", m) for m in messages)
