"""The source's language (docs/formatting.md §4): langid in any form a reference manager writes, else the letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazthesis.bibliography import Bibliography, format_entry, parse_bibliography
from kazthesis.bibliography.terms import language_code
from kazthesis.problems import Problems

N = "\u00a0"


def parse(text: str) -> tuple[Bibliography, list[str]]:
    problems = Problems()
    bib = parse_bibliography(text, Path("references.bib"), problems)
    return bib, [str(p) for p in problems]


@pytest.mark.parametrize(("stated", "language"), [
    ("kazakh", "kk"), ("kk", "kk"), ("kk-KZ", "kk"), ("Қазақ", "kk"), ("қазақша", "kk"), ("Kazakh", "kk"),
    ("казахский", "kk"), ("qazaq", "kk"), ("kaz", "kk"),
    ("russian", "ru"), ("Русский", "ru"), ("ru_RU", "ru"), ("rus", "ru"), ("Russian (Russia)", "ru"),
    ("english", "en"), ("en-US", "en"), ("en-GB", "en"), ("American", "en"), ("UKenglish", "en"), ("eng", "en"),
    ("English; Russian", "en"), ("английский", "en"), ("ағылшын", "en"),
    ("uzbek", "uz"), ("uz-Latn", "uz"), ("uz-Cyrl", "uz"), ("oʻzbek", "uz"), ("ўзбек", "uz"), ("узбекский", "uz"),
])
def test_langid_in_any_form_for_the_four_languages(stated: str, language: str) -> None:
    for field in ("langid", "language"):
        bib, messages = parse(f"@book{{a, title = {{Title}}, year = {{2000}}, {field} = {{{stated}}}}}")
        assert (bib.entries["a"].language, messages) == (language, [])


@pytest.mark.parametrize(("stated", "title", "terms", "name"), [
    ("ukrainian", "Історія України", "ru", "Ukrainian"), ("uk", "Історія України", "ru", "Ukrainian"),
    ("uk-UA", "Історія", "ru", "Ukrainian"), ("Українська", "Історія", "ru", "Ukrainian"),
    ("украинский", "Історія", "ru", "Ukrainian"), ("belarusian", "Гісторыя", "ru", "Belarusian"),
    ("kyrgyz", "Тарых", "ru", "Kyrgyz"),
    ("de-DE", "Geschichte", "en", "German"), ("Deutsch", "Geschichte", "en", "German"),
    ("ngerman", "Geschichte", "en", "German"), ("fr", "Histoire", "en", "French"),
    ("Français", "Histoire", "en", "French"), ("turkish", "Tarih", "en", "Turkish"),
    # The script decides: the tag's, else the text's, else the language's usual one.
    ("sr-Latn", "Историја", "en", "Serbian"), ("serbian", "Istorija", "en", "Serbian"),
    ("serbian", "Историја", "ru", "Serbian"), ("tatar", "1991–2001", "ru", "Tatar"),
    ("german", "История", "ru", "German"),
])
def test_a_language_without_terms_borrows_its_scripts_with_one_warning(stated: str, title: str, terms: str,
                                                                       name: str) -> None:
    bib, messages = parse(f"@book{{a,\n title = {{{title}}},\n year = {{2000}},\n langid = {{{stated}}}\n}}")
    assert bib.entries["a"].language == terms
    described = {"ru": "Russian", "en": "English"}[terms]
    assert messages == [f"references.bib:1: warning: entry 'a' is in {name}, which has no terms of its own: it is "
                        f"described with the {described} ones — check it in the list; to choose the terms yourself, "
                        "set langid to kazakh, russian, english or uzbek"]


def test_a_ukrainian_article_prints_russian_terms_not_kazakh_ones() -> None:
    bib, _ = parse("@article{shevchenko2020, author = {Шевченко, Тарас}, title = {Зовнішня політика Казахстану},"
                   " journal = {Вісник Київського університету}, year = {2020}, volume = {3}, number = {2},"
                   " pages = {15--21}, langid = {ukrainian}}")
    assert format_entry(bib.entries["shevchenko2020"]) == (
        f"Шевченко, Т. Зовнішня політика Казахстану / Т.{N}Шевченко // Вісник Київського університету. – 2020. – "
        "Т. 3, № 2. – С. 15–21.")


def test_a_langid_that_names_no_language_is_a_warning_and_the_letters_decide() -> None:
    bib, messages = parse("@book{a, title = {Қазақстан тарихы}, year = {2000}, langid = {blah}}")
    assert bib.entries["a"].language == "kk"
    assert messages == ["references.bib:1: warning: entry 'a': langid 'blah' names no language; the language is "
                        "judged from the title and imprint (Kazakh) — write a language name or code, e.g. "
                        "langid = {russian} or {ru}"]
    _, messages = parse("@book{a, title = {Тарих}, year = {2000}, language = {zzz}}")
    assert messages == ["references.bib:1: warning: entry 'a': language 'zzz' names no language; the language "
                        "is judged from the title and imprint (Russian) — write a language name or code, e.g. "
                        "language = {russian} or {ru}"]


# Without langid: title, subtitle, journal, publisher and place together (docs/formatting.md §4).
DETECTED = [
    # A Kazakh book whose short title has no Kazakh letter, from a Kazakh publisher in Almaty.
    ("@book{a, author = {Әбенов, Б.}, title = {Тарих}, address = {Алматы}, publisher = {Қазақ университеті},"
     " year = {2005}, pagetotal = {300}}", "kk",
     f"Әбенов, Б. Тарих / Б.{N}Әбенов. – Алматы : Қазақ университеті, 2005. – 300 б."),
    ("@book{a, title = {Тарих}, subtitle = {оқулық}, year = {2005}, pagetotal = {300}}", "kk",
     "Тарих : оқулық. – 2005. – 300 б."),
    ("@article{a, title = {Политика}, journal = {ҚазҰУ хабаршысы}, year = {2015}, pages = {45--52}}", "kk",
     "Политика // ҚазҰУ хабаршысы. – 2015. – 45–52 б."),
    ("@book{a, title = {Тарих}, address = {Тошкент}, publisher = {Ўзбекистон}, year = {2005}, pagetotal = {120}}",
     "uz", "Тарих. – Тошкент : Ўзбекистон, 2005. – 120 б."),
    ("@book{a, title = {История}, address = {Москва}, publisher = {Наука}, year = {2005}, pagetotal = {300}}", "ru",
     "История. – Москва : Наука, 2005. – 300 с."),
    ("@incollection{a, title = {Saiasat}, booktitle = {Қазақстан және әлем}, year = {2005}, pages = {5--9}}", "kk",
     "Saiasat // Қазақстан және әлем. – 2005. – 5–9 б."),
    ("@book{a, title = {History}, address = {London}, publisher = {Routledge}, year = {2005}, pagetotal = {300}}",
     "en", "History. – London : Routledge, 2005. – 300 p."),
]


@pytest.mark.parametrize(("bibtex", "language", "expected"), DETECTED)
def test_without_langid_the_title_and_imprint_decide_together(bibtex: str, language: str, expected: str) -> None:
    bib, messages = parse(bibtex)
    entry = bib.entries["a"]
    assert (entry.language, messages, format_entry(entry)) == (language, [], expected)


@pytest.mark.parametrize("stated", ["\x00", "a\x80", "\x00𐀀", "und", "x-klingon", "12", "", "   ", "{}"])
def test_odd_langids_name_no_language_and_never_raise(stated: str) -> None:
    assert language_code(stated) is None
