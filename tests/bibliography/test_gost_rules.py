"""GOST descriptions, each rule on its own: names and responsibility, terms in the source's language, dates,
missing fields with their punctuation, pages, escapes, series and legislation."""

from __future__ import annotations

import pytest
from bibtools import N, closed, fmt

from kazthesis.bibliography import Entry, format_entry

GOST_2018 = "gost-r-7.0.100-2018"


# --- names -----------------------------------------------------------------------------------

NAMES = [
    # author field, heading, statement of responsibility
    ("Тоқаев, Қасым-Жомарт Кемелұлы", f"Тоқаев, Қ.-Ж.{N}К.", f"Қ.-Ж.{N}К.{N}Тоқаев"),
    ("Tokayev, K.-J.", "Tokayev, K.-J.", f"K.-J.{N}Tokayev"),
    ("Токаев, К. К.", f"Токаев, К.{N}К.", f"К.{N}К.{N}Токаев"),
    ("Токаев, К.К.", f"Токаев, К.{N}К.", f"К.{N}К.{N}Токаев"),
    ("K.K. Tokayev", f"Tokayev, K.{N}K.", f"K.{N}K.{N}Tokayev"),
    ("Н.Ә. Назарбаев", f"Назарбаев, Н.{N}Ә.", f"Н.{N}Ә.{N}Назарбаев"),
    ("Нұрсұлтан Әбішұлы Назарбаев", f"Назарбаев, Н.{N}Ә.", f"Н.{N}Ә.{N}Назарбаев"),
    ("Иванов Иван Иванович", f"Иванов, И.{N}И.", f"И.{N}И.{N}Иванов"),
    ("Иванова Мария Петровна", f"Иванова, М.{N}П.", f"М.{N}П.{N}Иванова"),
    ("Иванов И. И.", f"Иванов, И.{N}И.", f"И.{N}И.{N}Иванов"),
    ("Иванов И.И.", f"Иванов, И.{N}И.", f"И.{N}И.{N}Иванов"),
    ("Петров Иван", "Петров, И.", f"И.{N}Петров"),
    ("Иван Петров", "Петров, И.", f"И.{N}Петров"),
    ("{Иванов Иван Иванович}", f"Иванов, И.{N}И.", f"И.{N}И.{N}Иванов"),  # Zotero's single-field name
    ("Smith, John Ronald Reuel", f"Smith, J.{N}R.{N}R.", f"J.{N}R.{N}R.{N}Smith"),
    ("John Smith", "Smith, J.", f"J.{N}Smith"),
    ("Jean-Paul Sartre", "Sartre, J.-P.", f"J.-P.{N}Sartre"),
    ("Ludwig van Beethoven", f"Beethoven, L.{N}van.", f"L.{N}van{N}Beethoven"),
    ("van Gogh, Vincent", f"Gogh, V.{N}van.", f"V.{N}van{N}Gogh"),
    ("King, Jr., Martin Luther", f"King, M.{N}L., Jr.", f"M.{N}L.{N}King Jr."),
    ("M{\\\"u}ller, J{\\\"o}rg", "Müller, J.", f"J.{N}Müller"),
    ("Babu Sahib, Hujjathullah M. H.", f"Babu Sahib, H.{N}M.{N}H.", f"H.{N}M.{N}H.{N}Babu Sahib"),
    ("Mirziyoyev, Sh. M.", f"Mirziyoyev, Sh.{N}M.", f"Sh.{N}M.{N}Mirziyoyev"),
    ("Абай", "Абай.", "Абай"),
]


@pytest.mark.parametrize(("author", "heading", "responsibility"), NAMES)
def test_names(author: str, heading: str, responsibility: str) -> None:
    text = fmt(f"@book{{k, author = {{{author}}}, title = {{Т}}, year = {{2000}}}}")
    assert text == f"{heading} Т / {closed(responsibility)} – 2000."


def test_up_to_three_authors_all_after_the_slash() -> None:
    text = fmt("@book{k, author = {Әлиев, А. and Бекова, Б. and Ванов, В.}, title = {Кітап}, year = {2000}}")
    assert text == f"Әлиев, А. Кітап / А.{N}Әлиев, Б.{N}Бекова, В.{N}Ванов. – 2000."


@pytest.mark.parametrize(("langid", "others"), [("kazakh", "[т.б.]"), ("russian", "[и др.]"),
                                                ("english", "[et al.]"), ("uzbek", "[ва б.]")])
def test_four_authors_no_heading_first_and_others(langid: str, others: str) -> None:
    text = fmt(f"@book{{k, author = {{A, A. and B, B. and C, C. and D, D.}}, title = {{Кітап}}, year = {{2000}},"
               f" langid = {{{langid}}}}}")
    assert text == f"Кітап / A.{N}A {others}. – 2000."


def test_and_others_in_the_bib_counts_as_four_or_more() -> None:
    text = fmt("@book{k, author = {Smith, John and others}, title = {Big Book}, year = {2010}}")
    assert text == f"Big Book / J.{N}Smith [et al.]. – 2010."


def test_corporate_author_has_no_heading() -> None:
    text = fmt("@book{k, author = {{Қазақстан Республикасы Сыртқы істер министрлігі}}, title = {Шолу},"
               " address = {Астана}, year = {2020}}")
    assert text == "Шолу / Қазақстан Республикасы Сыртқы істер министрлігі. – Астана, 2020."


def test_editors_only_and_with_authors() -> None:
    assert fmt("@collection{k, editor = {Иванов, И. И. and Петров, П. П.}, title = {Жинақ}, year = {2000}}") == (
        f"Жинақ / ред. И.{N}И.{N}Иванов, П.{N}П.{N}Петров. – 2000.")
    assert fmt("@book{k, author = {Smith, J.}, editor = {Brown, A.}, title = {Book}, year = {2000}}") == (
        f"Smith, J. Book / J.{N}Smith ; ed. by A.{N}Brown. – 2000.")
    assert fmt("@collection{k, editor = {A, A. and B, B. and C, C. and D, D.}, title = {Жинақ}, year = {2000},"
               " langid = {russian}}") == f"Жинақ / под ред. A.{N}A [и др.]. – 2000."


def test_editors_of_a_part_belong_to_the_host() -> None:
    text = fmt("@incollection{k, author = {Әбенов, Б.}, title = {Бөлім}, booktitle = {Жинақ},"
               " editor = {Тоқаев, Қ.-Ж.}, address = {Астана}, publisher = {Фолиант}, year = {2015},"
               " pages = {45--52}}")
    assert text == (f"Әбенов, Б. Бөлім / Б.{N}Әбенов // Жинақ / ред. Қ.-Ж.{N}Тоқаев. – Астана : Фолиант, 2015. – "
                    "45–52 б.")


# --- terms by the source's language ----------------------------------------------------------

TERMS = {
    "kk": ("272 б.", "25–31 б.", "Т. 3, № 4", "2-бас.", "ред.", "[Электрондық ресурс]", "(қаралған күні: 15.03.2024)"),
    "ru": ("272 с.", "С. 25–31", "Т. 3, № 4", "2-е изд.", "под ред.", "[Электронный ресурс]",
           "(дата обращения: 15.03.2024)"),
    "en": ("272 p.", "P. 25–31", "Vol. 3, No. 4", "2nd ed.", "ed. by", "[Electronic resource]",
           "(accessed: 15.03.2024)"),
    "uz": ("272 б.", "25–31 б.", "Т. 3, № 4", "2-нашр", "таҳр.", "[Электрон ресурс]",
           "(мурожаат санаси: 15.03.2024)"),
}


@pytest.mark.parametrize("lang", list(TERMS))
def test_terms_follow_the_source_language(lang: str) -> None:
    total, pages, volume, edition, editor, eresource, accessed = TERMS[lang]
    book = fmt(f"@book{{k, title = {{Т}}, year = {{2000}}, pagetotal = {{272}}, edition = {{2}}, langid = {{{lang}}}}}")
    assert book == f"Т. – {closed(edition)} – 2000. – {closed(total)}"
    article = fmt(f"@article{{k, title = {{Т}}, journal = {{Ж}}, year = {{2000}}, volume = {{3}}, number = {{4}},"
                  f" pages = {{25-31}}, langid = {{{lang}}}}}")
    assert article == f"Т // Ж. – 2000. – {volume}. – {closed(pages)}"
    collection = fmt(f"@collection{{k, editor = {{Smith, J.}}, title = {{Т}}, year = {{2000}}, langid = {{{lang}}}}}")
    assert collection == f"Т / {editor} J.{N}Smith. – 2000."
    online = fmt(f"@online{{k, title = {{Т}}, url = {{https://x.kz/a}}, urldate = {{2024-03-15}},"
                 f" langid = {{{lang}}}}}")
    assert online == f"Т {eresource}. – URL: https://x.kz/a {accessed}."


@pytest.mark.parametrize(("edition", "lang", "expected"), [
    ("1", "en", "1st ed."), ("2", "en", "2nd ed."), ("3", "en", "3rd ed."), ("4", "en", "4th ed."),
    ("11", "en", "11th ed."), ("21", "en", "21st ed."), ("2", "kk", "2-бас."), ("3", "ru", "3-е изд."),
    ("2", "uz", "2-нашр"), ("3-е изд., перераб. и доп.", "ru", "3-е изд., перераб. и доп."),
    ("Revised", "en", "Revised"),
])
def test_edition_text(edition: str, lang: str, expected: str) -> None:
    text = fmt(f"@book{{k, title = {{Т}}, year = {{2000}}, edition = {{{edition}}}, langid = {{{lang}}}}}")
    assert text == f"Т. – {closed(expected)} – 2000."
    assert ".." not in text


def test_uzbek_in_latin_script_gets_latin_terms() -> None:
    text = fmt("@book{k, author = {Oʻzbekov, Alisher}, title = {O'zbekiston tarixi}, langid = {uzbek},"
               " address = {Toshkent}, year = {2019}, pagetotal = {120}}")
    assert text == f"Oʻzbekov, A. O'zbekiston tarixi / A.{N}Oʻzbekov. – Toshkent, 2019. – 120 b."


# --- dates -----------------------------------------------------------------------------------

MONTHS = {
    "kk": ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."],
    "ru": ["янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."],
    "en": ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."],
}


@pytest.mark.parametrize("lang", list(MONTHS))
@pytest.mark.parametrize("month", range(1, 13))
def test_newspaper_date_month_abbreviations(lang: str, month: int) -> None:
    text = fmt(f"@article{{k, title = {{T}}, journal = {{G}}, entrysubtype = {{newspaper}},"
               f" date = {{2006-{month:02d}-13}}, pages = {{3}}, langid = {{{lang}}}}}")
    page = {"kk": "3 б.", "ru": "С. 3", "en": "P. 3"}[lang]
    assert text == f"T // G. – 2006. – 13 {closed(MONTHS[lang][month - 1])} – {closed(page)}"


@pytest.mark.parametrize("month", ["apr", "4", "{4}", "{April}", "{апреля}", "{сәуір}", "{Сәу.}", "apr # \"~13\""])
def test_newspaper_month_written_any_way(month: str) -> None:
    day = "" if "13" in month else ", day = {13}"
    text = fmt(f"@article{{k, title = {{T}}, journal = {{G}}, entrysubtype = {{newspaper}}, year = {{2006}},"
               f" month = {month}{day}, pages = {{3}}, langid = {{kazakh}}}}")
    assert text == "T // G. – 2006. – 13 сәу. – 3 б."


def test_newspaper_without_day_or_month() -> None:
    assert fmt("@article{k, title = {T}, journal = {G}, entrysubtype = {newspaper}, year = {2006}, pages = {3},"
               " langid = {kazakh}}") == "T // G. – 2006. – 3 б."
    assert fmt("@article{k, title = {T}, journal = {G}, entrysubtype = {newspaper}, year = {2006}, month = {4},"
               " langid = {russian}}") == "T // G. – 2006. – апр."


def test_urldate_and_year_from_date() -> None:
    text = fmt("@online{k, title = {T}, publisher = {Site}, date = {2021-12-16}, url = {https://x.kz},"
               " urldate = {2024-03-05}}")
    assert text == "T [Electronic resource] // Site. – 2021. – URL: https://x.kz (accessed: 05.03.2024)."


# --- missing fields and punctuation -----------------------------------------------------------

MISSING = [
    ("@book{k, title = {Кітап}, address = {Алматы}, year = {2005}}", "Кітап. – Алматы, 2005."),
    ("@book{k, title = {Кітап}, publisher = {Өнер}, year = {2005}}", "Кітап. – Өнер, 2005."),
    ("@book{k, title = {Кітап}, address = {Алматы}, publisher = {Өнер}}", "Кітап. – Алматы : Өнер."),
    ("@book{k, title = {Кітап}, year = {2005}, pagetotal = {}}", "Кітап. – 2005."),
    ("@book{k, title = {Кітап}, subtitle = {}, year = {2005}, edition = {}}", "Кітап. – 2005."),
    ("@book{k, title = {Что делать?}, address = {Москва}, year = {1863}}", "Что делать? – Москва, 1863."),
    ("@book{k, title = {Ура!}, year = {1900}}", "Ура! – 1900."),
    ("@book{k, title = {Сб. ст.}, year = {1900}}", "Сб. ст. – 1900."),
    ("@article{k, title = {Мақала}, journal = {Журнал}, year = {2020}}", "Мақала // Журнал. – 2020."),
    ("@article{k, title = {Мақала}, journal = {Журнал}, year = {2020}, number = {2}}",
     "Мақала // Журнал. – 2020. – № 2."),
    ("@article{k, title = {Мақала}, journal = {Журнал}, year = {2020}, volume = {5}}",
     "Мақала // Журнал. – 2020. – Т. 5."),
    ("@incollection{k, title = {Бөлім}, booktitle = {Жинақ}, year = {2020}}", "Бөлім // Жинақ. – 2020."),
    ("@thesis{k, title = {Диссертация}, year = {2010}}", "Диссертация. – 2010."),
    ("@online{k, title = {Жаңалық}, url = {https://x.kz}}", "Жаңалық [Электрондық ресурс]. – URL: https://x.kz."),
    ("@report{k, title = {Есеп}, institution = {ҚазҰУ}, year = {2010}}", "Есеп. – ҚазҰУ, 2010."),
    ("@misc{k, title = {Бір нәрсе}}", "Бір нәрсе."),
]


@pytest.mark.parametrize(("bibtex", "expected"), MISSING)
def test_missing_fields_vanish_with_their_punctuation(bibtex: str, expected: str) -> None:
    assert fmt(bibtex) == expected


def test_pages_as_range_in_any_writing() -> None:
    for pages in ("25--31", "25-31", "25 - 31", "25–31", "25---31", "25—31"):
        assert fmt(f"@article{{k, title = {{T}}, journal = {{J}}, year = {{2000}}, pages = {{{pages}}}}}").endswith(
            "P. 25–31.")


def test_pages_on_a_book_are_its_total_and_text_is_kept() -> None:
    assert fmt("@book{k, title = {T}, year = {2000}, pages = {352}}").endswith("– 352 p.")
    assert fmt("@book{k, title = {Т}, year = {2000}, pagetotal = {XII, 231}, langid = {ru}}").endswith("XII, 231 с.")
    assert fmt("@book{k, title = {Т}, year = {2000}, pagetotal = {231 с.}, langid = {ru}}").endswith("– 231 с.")


def test_latex_escapes_and_braces() -> None:
    text = fmt(r"@book{k, author = {M{\"u}ller, J.}, title = {{Kazakhstan} {\&} the {USA}: 1991--2001},"
               r" publisher = {Smith \& Sons}, address = {New~York}, year = {2001}}")
    assert text == f"Müller, J. Kazakhstan & the USA : 1991–2001 / J.{N}Müller. – New{N}York : Smith & Sons, 2001."


def test_url_keeps_its_characters() -> None:
    text = fmt(r"@online{k, title = {T}, url = {https://x.kz/a\_b~c%20d}, urldate = {2024-03-15}}")
    assert "URL: https://x.kz/a_b~c%20d (accessed: 15.03.2024)." in text


def test_book_volume_series_and_report_number() -> None:
    assert fmt("@book{k, title = {Тарих}, subtitle = {5 томдық}, volume = {2}, series = {Мұра}, number = {4},"
               " year = {2000}}") == "Тарих : 5 томдық. Т. 2. – 2000. – (Мұра ; 4)."
    assert fmt("@techreport{k, author = {Doe, Jane}, title = {Report}, type = {Working Paper}, number = {7},"
               " institution = {World Bank}, address = {Washington}, year = {2015}, pages = {45}}") == (
        f"Doe, J. Report : Working Paper No. 7 / J.{N}Doe. – Washington : World Bank, 2015. – 45 p.")


def test_legislation_online_and_in_a_newspaper() -> None:
    assert fmt("@misc{k, title = {Қазақстан Республикасының Азаматтық кодексі}, type = {legislation},"
               " organization = {Әділет}, url = {https://adilet.zan.kz/kaz/docs/K940001000_},"
               " urldate = {2024-03-15}}") == (
        "Қазақстан Республикасының Азаматтық кодексі [Электрондық ресурс] // Әділет. – "
        "URL: https://adilet.zan.kz/kaz/docs/K940001000_ (қаралған күні: 15.03.2024).")
    assert fmt("@legislation{k, title = {О науке}, subtitle = {Закон Республики Казахстан от 18 февраля 2011 года"
               " № 407-IV}, journal = {Казахстанская правда}, date = {2011-02-22}, number = {70}}") == (
        "О науке : Закон Республики Казахстан от 18 февраля 2011 года № 407-IV // Казахстанская правда. – "
        "2011. – 22 февр. – № 70.")


def test_an_entry_built_by_hand_formats() -> None:
    entry = Entry("k", "book", 1, language="ru", year=2000, title="Книга", fields={"year": "2000", "location": "М."})
    assert format_entry(entry) == "Книга. – М., 2000."
    assert format_entry(entry, GOST_2018) == "Книга. – Москва, 2000. – Текст : непосредственный."
