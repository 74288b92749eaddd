"""GOST descriptions: every docs/formatting.md §4 example character for character, and both styles in every
language.

No-break spaces (N) appear only where the spec asks for them: between initials, and between initials and
a surname. Every other space is a plain one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bibtools import N, fmt
from conftest import FIXTURES

from kazthesis.bibliography import ORDERS, STYLES, Bibliography, Entry, format_entry, parse_bibliography
from kazthesis.problems import Problems

BIB_FIXTURES = FIXTURES / "bib"
GOST_2018 = "gost-r-7.0.100-2018"


# --- docs/formatting.md §4, every example ------------------------------------------------------------

EXAMPLES = {
    "book-2-authors-ru":
        f"Хабаров, А.{N}В. Почвоведение : учебник / А.{N}В.{N}Хабаров, А.{N}А.{N}Яскин. – 2-е изд. – "
        "Москва : Колос, 2001. – 231 с.",
    "book-1-author-kk":
        f"Назарбаев, Н.{N}Ә. Ғасырлар тоғысында / Н.{N}Ә.{N}Назарбаев. – Алматы : Өнер, 1996. – 272 б.",
    "book-4-authors-ru":
        f"Контроль и ревизия : учебное пособие / Е.{N}А.{N}Федорова [и др.]. – Москва : Форум, 2008. – 192 с.",
    "collection-en":
        f"Central Asia in global politics / ed. by J.{N}Smith. – London : Routledge, 2019. – 310 p.",
    "article-ru":
        f"Сидоров, С.{N}С. Нейронные сети в обработке текста / С.{N}С.{N}Сидоров // Вестник КазНУ. – 2019. – "
        "Т. 3, № 45. – С. 25–31.",
    "article-kk":
        f"Әбенов, Б.{N}Қ. Қазақстан дипломатиясының кезеңдері / Б.{N}Қ.{N}Әбенов // ҚазҰУ хабаршысы. "
        "Халықаралық қатынастар сериясы. – 2015. – № 2. – 45–52 б.",
    "newspaper-kk":
        f"Шаханов, М. Электрондық үкіметтің көлеңке бұрылыстары / М.{N}Шаханов // Ана тілі. – 2006. – "
        "13 сәу. – 3 б.",
    "incollection-ru":
        f"Ширкунова, Н.{N}В. Оценка уровня риска участника ВЭД / Н.{N}В.{N}Ширкунова // Инновационное развитие "
        "таможенного дела : сб. материалов конф. – Москва : РТА, 2010. – С. 129–131.",
    "inproceedings-ru":
        f"Ширкунова, Н.{N}В. Оценка уровня риска участника ВЭД / Н.{N}В.{N}Ширкунова // Инновационное развитие "
        "таможенного дела : сб. материалов конф. – Москва : РТА, 2010. – С. 129–131.",
    "phdthesis-ru":
        f"Иванов, И.{N}И. Внешняя политика Казахстана : дис. ... канд. ист. наук : 07.00.03 / "
        f"И.{N}И.{N}Иванов. – Алматы, 2010. – 150 с.",
    "online-kk":
        "Мемлекет басшысы АҚШ Мемлекеттік хатшысын қабылдады [Электрондық ресурс] // Қазақстан Республикасы "
        "Президентінің ресми сайты. – 2020. – URL: https://www.akorda.kz/kz/example (қаралған күні: 15.03.2024).",
    "online-en":
        f"Smith, J. Kazakhstan and the United States [Electronic resource] / J.{N}Smith // The Diplomat. – 2023. – "
        "URL: https://thediplomat.com/example (accessed: 15.03.2024).",
    "legislation-kk":
        "Қазақстан Республикасының Конституциясы : 1995 жылғы 30 тамызда республикалық референдумда "
        "қабылданған. – Алматы : Жеті жарғы, 2020. – 48 б.",
    "misc-legislation-kk":
        "Қазақстан Республикасының Конституциясы : 1995 жылғы 30 тамызда республикалық референдумда "
        "қабылданған. – Алматы : Жеті жарғы, 2020. – 48 б.",
}


@pytest.fixture(scope="module")
def examples() -> Bibliography:
    problems = Problems()
    text = (BIB_FIXTURES / "formatting-examples.bib").read_text(encoding="utf-8")
    bib = parse_bibliography(text, Path("formatting-examples.bib"), problems)
    assert [str(p) for p in problems] == []
    return bib


def test_every_example_has_its_bibtex(examples: Bibliography) -> None:
    assert sorted(examples.keys()) == sorted(EXAMPLES)


@pytest.mark.parametrize("key", list(EXAMPLES))
def test_formatting_md_example(examples: Bibliography, key: str) -> None:
    assert format_entry(examples.entries[key]) == EXAMPLES[key]


@pytest.mark.parametrize("key", list(EXAMPLES))
def test_no_break_spaces_only_in_names(examples: Bibliography, key: str) -> None:
    text = format_entry(examples.entries[key])
    for match in re.finditer(N, text):
        before, after = text[:match.start()], text[match.end():]
        assert re.search(r"\w\.$", before) and re.match(r"\w", after), (key, before[-10:], after[:10])


EXAMPLES_2018 = {
    "book-2-authors-ru": EXAMPLES["book-2-authors-ru"] + " – Текст : непосредственный.",
    "book-1-author-kk": EXAMPLES["book-1-author-kk"] + " – Мәтін : тікелей.",
    "collection-en": EXAMPLES["collection-en"] + " – Text : unmediated.",
    "newspaper-kk": EXAMPLES["newspaper-kk"] + " – Мәтін : тікелей.",
    # GOST R 7.0.100-2018 names a thesis's school after its statement of responsibility (docs/formatting.md §4).
    "phdthesis-ru":
        f"Иванов, И.{N}И. Внешняя политика Казахстана : дис. ... канд. ист. наук : 07.00.03 / "
        f"И.{N}И.{N}Иванов ; Казахский национальный университет имени аль-Фараби. – Алматы, 2010. – 150 с. – "
        "Текст : непосредственный.",
    "online-kk":
        "Мемлекет басшысы АҚШ Мемлекеттік хатшысын қабылдады // Қазақстан Республикасы Президентінің ресми сайты. "
        "– 2020. – URL: https://www.akorda.kz/kz/example (қаралған күні: 15.03.2024). – Мәтін : электрондық.",
    "online-en":
        f"Smith, J. Kazakhstan and the United States / J.{N}Smith // The Diplomat. – 2023. – "
        "URL: https://thediplomat.com/example (accessed: 15.03.2024). – Text : electronic.",
}


@pytest.mark.parametrize("key", list(EXAMPLES_2018))
def test_gost_r_7_0_100_2018_examples(examples: Bibliography, key: str) -> None:
    assert format_entry(examples.entries[key], GOST_2018) == EXAMPLES_2018[key]


def test_styles_and_orders_are_published() -> None:
    assert STYLES == ("gost-7.1-2003", "gost-r-7.0.100-2018")
    assert ORDERS == ("citation", "alphabetical")
    with pytest.raises(ValueError, match="gost-7.1-2003"):
        format_entry(Entry("k", "book", 1, title="T"), "apa")


# --- the two styles in every language ---------------------------------------------------------

MEDIA = {"kk": ("Мәтін : тікелей", "Мәтін : электрондық"), "ru": ("Текст : непосредственный", "Текст : электронный"),
         "en": ("Text : unmediated", "Text : electronic"), "uz": ("Матн : бевосита", "Матн : электрон")}


@pytest.mark.parametrize("lang", list(MEDIA))
def test_both_styles_in_every_language(lang: str) -> None:
    printed, electronic = MEDIA[lang]
    book = f"@book{{k, title = {{Т}}, address = {{М.}}, publisher = {{Наука}}, year = {{2000}}, langid = {{{lang}}}}}"
    assert fmt(book) == "Т. – М. : Наука, 2000."
    assert fmt(book, GOST_2018) == f"Т. – Москва : Наука, 2000. – {printed}."
    online = f"@online{{k, title = {{Т}}, url = {{https://x.kz}}, year = {{2020}}, langid = {{{lang}}}}}"
    assert "[" in fmt(online)
    assert fmt(online, GOST_2018) == f"Т. – 2020. – URL: https://x.kz. – {electronic}."


@pytest.mark.parametrize(("written", "full"), [
    ("М.", "Москва"), ("СПб.", "Санкт-Петербург"), ("Л.", "Ленинград"), ("Н. Новгород", "Нижний Новгород"),
    ("Н.Новгород", "Нижний Новгород"), ("Ростов н/Д", "Ростов-на-Дону"), ("М. ; СПб.", "Москва ; Санкт-Петербург"),
    ("Алматы", "Алматы"), ("N.Y.", "New York"),
])
def test_gost_2018_writes_cities_in_full_2003_keeps_them(written: str, full: str) -> None:
    bib = f"@book{{k, title = {{Т}}, address = {{{written}}}, publisher = {{П}}, year = {{2000}}, langid = {{ru}}}}"
    assert fmt(bib).startswith(f"Т. – {written} : П, 2000.")
    assert fmt(bib, GOST_2018).startswith(f"Т. – {full} : П, 2000.")


def test_gost_2018_uzbek_tashkent() -> None:
    bib = "@book{k, title = {Тарих}, address = {Т.}, publisher = {Фан}, year = {2000}, langid = {uzbek}}"
    assert fmt(bib, GOST_2018) == "Тарих. – Тошкент : Фан, 2000. – Матн : бевосита."
