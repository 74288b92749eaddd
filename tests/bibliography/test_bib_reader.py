"""Reading references.bib as students really have it: problems with their lines, odd exports that still work."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kazthesis.bibliography.reader as reader
from kazthesis.bibliography import (
    STYLES,
    Bibliography,
    format_entry,
    load_bibliography,
    parse_bibliography,
    strip_emphasis,
)
from kazthesis.problems import Problems

N = "\u00a0"
BIB_FIXTURES = FIXTURES / "bib"
MESSAGE = re.compile(r"^references\.bib(:[1-9]\d*)?: (error|warning): \S.*")


def parse(text: str) -> tuple[Bibliography, list[str]]:
    problems = Problems()
    bib = parse_bibliography(text, Path("references.bib"), problems)
    return bib, [str(p) for p in problems]


# --- problems, each with the line of its entry ---------------------------------------------------

def test_unbalanced_braces_name_the_entry_and_parsing_goes_on() -> None:
    bib, messages = parse("@book{a, title = {X}, year = {2000}}\n\n@book{broken,\n  title = {Unclosed,\n"
                          "  year = {2020},\n}\n\n@book{c, title = {Z}, year = {2002}}\n")
    assert messages == ["references.bib:3: error: unbalanced braces in the entry 'broken' (@book) — "
                        "every { needs its }: check the field values of this entry"]
    assert bib.keys() == ["a", "c"]
    assert bib.entries["c"].line == 8


def test_unbalanced_braces_in_the_last_entry() -> None:
    _, messages = parse("@book{a, title = {X}, year = {2000}}\n@article{last,\n  title = {Open\n")
    assert messages == ["references.bib:2: error: unbalanced braces in the entry 'last' (@article) — "
                        "every { needs its }: check the field values of this entry"]


def test_malformed_entry_without_a_comma_after_its_key() -> None:
    _, messages = parse("\n@article{nocomma title = {x}, journal = {J}, year = {2000}}\n")
    assert messages == ["references.bib:2: error: the entry 'nocomma' (@article) is malformed: no comma after "
                        "its key — write the key, then a comma: @book{key, title = {...}, ...}"]


def test_duplicate_key_names_both_lines_and_keeps_the_first() -> None:
    bib, messages = parse("@book{a, title = {First}, year = {2000}}\n\n\n@book{a, title = {Second}, year = {2001}}\n")
    assert messages == ["references.bib:4: error: duplicate key 'a' (first defined at line 1) — "
                        "give each entry its own key, or delete the copy"]
    assert bib.entries["a"].title == "First"


def test_repeated_field_is_an_error_and_the_first_value_is_used() -> None:
    bib, messages = parse("@book{a,\n  title = {First},\n  Title = {Second},\n  year = {2000}\n}")
    assert messages == ["references.bib:1: error: entry 'a' has the field title more than once — "
                        "keep one of them (the first one is used)"]
    assert bib.entries["a"].title == "First"


def test_entry_without_a_key() -> None:
    bib, messages = parse("@book{, title = {X}, year = {2000}}")
    assert messages == ["references.bib:1: error: an @book entry has no key — "
                        "write a key after the brace, e.g. @book{nazarbayev1996, ..."]
    assert bib.keys() == []


@pytest.mark.parametrize(("bibtex", "missing"), [
    ("@book{k, author = {A, B.}, title = {T}}", ["year"]),
    ("@book{k, year = {2000}}", ["title"]),
    ("@collection{k, title = {T}}", ["year"]),
    ("@article{k, title = {T}}", ["journal", "year"]),
    ("@article{k, title = {T}, journaltitle = {J}, date = {2020-01-02}}", []),
    ("@incollection{k, title = {T}, year = {2000}}", ["booktitle"]),
    ("@inproceedings{k, title = {T}, booktitle = {B}}", ["year"]),
    ("@phdthesis{k, title = {T}}", ["year"]),
    ("@mastersthesis{k, title = {T}, year = {2000}}", []),
    ("@online{k, title = {T}}", ["url"]),
    ("@www{k, url = {https://x.kz}, urldate = {2024-03-15}}", ["title"]),
    ("@misc{k, title = {T}, url = {https://x.kz}, urldate = {2024-03-15}}", []),
    ("@legislation{k, title = {T}}", []),
    ("@misc{k, title = {T}, type = {legislation}}", []),
    ("@techreport{k, title = {T}, institution = {I}}", ["year"]),
])
def test_entry_missing_what_its_type_needs(bibtex: str, missing: list[str]) -> None:
    _, messages = parse(bibtex)
    entry_type = bibtex[1:bibtex.index("{")]
    assert messages == [f"references.bib:1: error: entry 'k' (@{entry_type}) has no {name} — "
                        f"add {name} = {{...}} to the entry" for name in missing]


def test_unknown_type_is_a_warning_and_formats_as_the_closest_form() -> None:
    bib, messages = parse("@booklet{x, title = {Брошюра о Казахстане}, address = {Алматы}, year = {2001}}\n"
                          "@artcle{y, title = {Мақала}, journal = {Журнал}, year = {2001}, number = {3}}\n"
                          "@dataset{z, title = {Data}, url = {https://x.kz}, urldate = {2024-03-15}, year = {2020}}")
    assert messages == [
        "references.bib:1: warning: entry 'x' has the unknown type @booklet; it is formatted like @book — "
        "use @book, @article, @incollection, @thesis, @report, @online or @legislation",
        "references.bib:2: warning: entry 'y' has the unknown type @artcle; it is formatted like @article — "
        "did you mean @article?",
        "references.bib:3: warning: entry 'z' has the unknown type @dataset; it is formatted like @online — "
        "use @book, @article, @incollection, @thesis, @report, @online or @legislation",
    ]
    assert format_entry(bib.entries["x"]) == "Брошюра о Казахстане. – Алматы, 2001."
    assert format_entry(bib.entries["y"]) == "Мақала // Журнал. – 2001. – № 3."
    assert format_entry(bib.entries["z"]).startswith("Data [Electronic resource]. – 2020. – URL: https://x.kz")
    assert bib.entries["x"].type == "booklet"


def test_known_aliases_are_quiet() -> None:
    _, messages = parse("@conference{a, title = {T}, booktitle = {B}, year = {2000}}"
                        "@inbook{b, title = {T}, booktitle = {B}, year = {2000}}"
                        "@proceedings{c, title = {T}, year = {2000}}"
                        "@electronic{d, title = {T}, url = {https://x.kz}, urldate = {2024-03-15}}"
                        "@report{e, title = {T}, year = {2000}}")
    assert messages == []


def test_odd_values_are_warnings() -> None:
    _, messages = parse("@book{k,\n  title = {T},\n  year = {circa},\n  month = {Spring},\n"
                        "  urldate = {yesterday},\n  address = Almaty\n}")
    assert messages == [
        "references.bib:1: warning: entry 'k', field address: 'Almaty' is not in braces, so BibTeX reads it as an "
        "undefined @string abbreviation — write {Almaty} if it is the text itself",
        "references.bib:1: warning: entry 'k': year 'circa' is not a year — write four digits, e.g. year = {2021}",
        "references.bib:1: warning: entry 'k': month 'Spring' is not a month — write its number or name, "
        "e.g. month = {4} or month = apr",
        "references.bib:1: warning: entry 'k': urldate 'yesterday' is not a date — write it as YYYY-MM-DD, "
        "e.g. urldate = {2024-03-15}",
    ]


def test_online_without_urldate_is_a_warning() -> None:
    _, messages = parse("@online{k, title = {T}, url = {https://x.kz}}")
    assert messages == ["references.bib:1: warning: entry 'k' has a url but no urldate — "
                        "add urldate = {YYYY-MM-DD}, the day you read the page: GOST prints it"]


def test_problems_come_in_file_order_with_paths_relative_to_the_project(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    path.write_text("@book{a, title = {T}}\n@book{a, title = {T}, year = {2000}}\n@book{b, year = {2000}}\n"
                    "@book{c, title = {Open, year = {2000}}\n", encoding="utf-8")
    problems = Problems(root=tmp_path)
    load_bibliography(path, problems)
    assert [(p.path, p.line, p.severity) for p in problems] == [
        ("references.bib", 1, "error"), ("references.bib", 2, "error"), ("references.bib", 3, "error"),
        ("references.bib", 4, "error")]


# --- the file itself ----------------------------------------------------------------------------

def test_windows_1251_file_is_an_error_with_the_command_that_converts_it(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    path.write_bytes("@book{a, title = {Внешняя политика}, year = {2000}}\n".encode("cp1251"))
    problems = Problems(root=tmp_path)
    assert load_bibliography(path, problems).keys() == []
    [problem] = problems
    assert str(problem).startswith("references.bib:1: error: the file is in WINDOWS-1251, not UTF-8 — "
                                   "convert it: iconv -f WINDOWS-1251 -t UTF-8 references.bib")


def test_utf16_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    path.write_bytes("@book{a, title = {Тарих}, year = {2000}}\n".encode("utf-16"))
    problems = Problems(root=tmp_path)
    load_bibliography(path, problems)
    assert str(problems.items[0]).startswith("references.bib: error: the file is in UTF-16, not UTF-8 — "
                                             "convert it: iconv -f UTF-16 -t UTF-8 references.bib")


def test_byte_order_mark_and_windows_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "references.bib"
    path.write_bytes("\r\n@book{a, title = {Қазақстан тарихы}, year = {2000}}\r\n".encode("utf-8-sig"))
    problems = Problems()
    bib = load_bibliography(path, problems)
    assert list(problems) == [] and bib.entries["a"].line == 2
    bib, messages = parse("\ufeff@book{a, title = {Қазақстан тарихы}, year = {2000}}")
    assert messages == [] and bib.keys() == ["a"] and bib.entries["a"].line == 1


def test_bibtexparser_and_pylatexenc_stay_silent(caplog: pytest.LogCaptureFixture,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with caplog.at_level(logging.DEBUG):
        parse("@book{a, title = {Open\n@book{b title}\n@book{c, title = {\\url}, year = 2000}\n@book{a, year=1}")
    assert caplog.records == []
    assert capsys.readouterr().err == ""


def test_a_parser_crash_is_contained_to_its_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    real = reader.bibtexparser.parse_string

    def fragile(text: str, **kwargs: object):  # noqa: ANN202 - stands in for bibtexparser.parse_string
        if "boom" in text:
            raise RuntimeError("parser bug")
        return real(text, **kwargs)

    monkeypatch.setattr(reader.bibtexparser, "parse_string", fragile)
    bib, messages = parse("@book{a, title = {A}, year = {2000}}\n@book{boom, title = {B}, year = {2000}}\n"
                          "@book{c, title = {C}, year = {2000}}\n")
    assert bib.keys() == ["a", "c"] and bib.entries["c"].line == 3
    assert messages == ["references.bib:2: error: the entry 'boom' (@book) is malformed — check the comma after "
                        "the key, the = after each field name and the commas between fields"]


# --- values ------------------------------------------------------------------------------------

def test_string_macros_and_concatenation() -> None:
    bib, messages = parse('@string{kaznu = "ҚазҰУ"}\n@STRING{pub = kaznu # " баспасы"}\n'
                          '@book{a, title = {Тарих} # ": " # "1991" # {--2001}, publisher = pub,'
                          ' address = {Алматы}, year = 2001, langid = {kazakh}}')
    assert messages == []
    entry = bib.entries["a"]
    assert (entry.title, entry.get("subtitle")) == ("Тарих", "1991–2001")  # "Title: subtitle" split (#26)
    assert entry.fields["publisher"] == "ҚазҰУ баспасы"
    assert entry.year == 2001


@pytest.mark.parametrize(("month", "number", "day"), [
    ("jan", 1, None), ("dec", 12, None), ("{3}", 3, None), ("{03}", 3, None), ("{March}", 3, None),
    ("{марта}", 3, None), ("{Наурыз}", 3, None), ("{мамыр}", 5, None), ("{маусым}", 6, None), ("{мая}", 5, None),
    ("{қазан}", 10, None), ("{қараша}", 11, None), ("{сентябрь}", 9, None), ("{iyun}", 6, None),
    ('apr # "~13"', 4, 13), ("{13 апреля}", 4, 13), ("{April 13}", 4, 13),
])
def test_month_written_any_way(month: str, number: int, day: int | None) -> None:
    bib, messages = parse(f"@article{{a, title = {{T}}, journal = {{J}}, year = {{2006}}, month = {month}}}")
    assert messages == []
    assert (bib.entries["a"].month, bib.entries["a"].day) == (number, day)


def test_date_gives_year_month_day() -> None:
    bib, _ = parse("@article{a, title = {T}, journal = {J}, date = {2021-12-16}}"
                   "@article{b, title = {T}, journal = {J}, date = {2021-12/2022-01}}"
                   "@article{c, title = {T}, journal = {J}, year = {2019--2020}}")
    a, b, c = (bib.entries[k] for k in "abc")
    assert (a.year, a.month, a.day, a.fields["year"]) == (2021, 12, 16, "2021")
    assert (b.year, b.month, b.day) == (2021, 12, None)
    assert (c.year, c.fields["year"]) == (2019, "2019–2020")


def test_bibtex_and_biblatex_field_names() -> None:
    bib, _ = parse("@article{a, title = {T}, journal = {J}, address = {A}, year = {2000}}"
                   "@article{b, title = {T}, journaltitle = {J}, location = {A}, date = {2000}}")
    a, b = bib.entries["a"], bib.entries["b"]
    assert a.fields["journaltitle"] == b.fields["journaltitle"] == "J"
    assert a.fields["location"] == b.fields["location"] == "A"
    assert format_entry(a) == format_entry(b)


def test_latex_decoding() -> None:
    bib, _ = parse(r"""@book{a, title = {{\"O}zdemir's {\c{C}}ay \& {\v{S}}ahin: 1991--2001 --- a {\textit{study}}},
        address = {New~York}, publisher = {{\'E}ditions \\ du Seuil}, year = {2000}, note = {50\%}}""")
    entry = bib.entries["a"]
    assert (entry.title, strip_emphasis(entry.get("subtitle"))) == ("Özdemir's Çay & Šahin", "1991–2001 — a study")
    assert entry.fields["location"] == f"New{N}York"
    assert entry.fields["publisher"] == "Éditions du Seuil"


def test_url_in_howpublished_and_a_url_with_escapes() -> None:
    bib, _ = parse(r"@misc{a, title = {Page}, howpublished = {\url{https://x.kz/a_b}}, urldate = {2024-03-15}}"
                   r"@online{b, title = {Page}, url = {https://x.kz/a\_b\%20c~d}, urldate = {2024-03-15}}")
    assert bib.entries["a"].form == "online" and bib.entries["a"].fields["url"] == "https://x.kz/a_b"
    assert bib.entries["b"].fields["url"] == "https://x.kz/a_b%20c~d"


def test_crossref_gives_a_part_its_book() -> None:
    bib, messages = parse("@incollection{part, author = {Әбенов, Б.}, title = {Бөлім}, crossref = {book},"
                          " pages = {5--9}}\n@collection{book, editor = {Тоқаев, Қ.}, title = {Жинақ},"
                          " address = {Астана}, publisher = {Фолиант}, year = {2015}, pages = {300}}")
    assert messages == []
    assert format_entry(bib.entries["part"]) == (
        f"Әбенов, Б. Бөлім / Б.{N}Әбенов // Жинақ / ред. Қ.{N}Тоқаев. – Астана : Фолиант, 2015. – 5–9 б.")


def test_empty_and_punctuation_only_fields_are_absent() -> None:
    bib, _ = parse("@book{a, title = {T}, year = {2000}, publisher = {}, address = {{}}, edition = {--},"
                   " pagetotal = { }}")
    assert set(bib.entries["a"].fields) == {"title", "year"}
    assert format_entry(bib.entries["a"]) == "T. – 2000."


# --- the entry model ----------------------------------------------------------------------------

@pytest.mark.parametrize(("stated", "title", "language"), [
    ("kazakh", "History", "kk"), ("kk", "", "kk"), ("kk-KZ", "", "kk"), ("Russian", "Тарих", "ru"),
    ("ru-RU", "", "ru"), ("english", "Тарих", "en"), ("en-US", "", "en"), ("american", "", "en"),
    ("british", "", "en"), ("uzbek", "", "uz"), ("uz", "", "uz"), ("", "Ўзбекистон тарихи", "uz"),
    ("", "Қазақстан тарихы", "kk"), ("", "Іс қағаздары", "kk"), ("", "История Казахстана", "ru"),
    ("", "History of Kazakhstan", "en"), ("german", "Geschichte", "en"), ("german", "История", "ru"),
])
def test_language_from_langid_else_from_the_title(stated: str, title: str, language: str) -> None:
    for name in ("langid", "language"):
        field = f", {name} = {{{stated}}}" if stated else ""
        bib, _ = parse(f"@book{{a, title = {{{title}}}, year = {{2000}}{field}}}")
        assert bib.entries["a"].language == language


def test_entry_model() -> None:
    bib, _ = parse("\n@Book{Nazarbayev1996,\n  title = {{Ғасырлар} тоғысында},\n  year = {[1996]}\n}\n"
                   "@legislation{law, title = {Заң}}\n@misc{law2, title = {Заң}, type = {Legislation}}\n"
                   "@misc{web, title = {Бет}, url = {https://x.kz}, urldate = {2024-03-15}}")
    entry = bib.entries["Nazarbayev1996"]
    assert (entry.key, entry.type, entry.line, entry.language, entry.year, entry.title, entry.is_legal_act) == (
        "Nazarbayev1996", "book", 2, "kk", 1996, "Ғасырлар тоғысында", False)
    assert bib.entries["law"].is_legal_act and bib.entries["law2"].is_legal_act
    assert (bib.entries["web"].type, bib.entries["web"].form) == ("misc", "online")
    assert bib.keys() == ["Nazarbayev1996", "law", "law2", "web"]
    assert Bibliography().keys() == []


# --- a Zotero export ----------------------------------------------------------------------------

def test_zotero_export_formats_cleanly() -> None:
    problems = Problems()
    bib = load_bibliography(BIB_FIXTURES / "zotero.bib", problems)
    assert [str(p) for p in problems] == []
    assert len(bib.entries) == 8
    assert format_entry(bib.entries["muller_central_2019"]) == (
        f"Müller, A. Central Asia and the Müller report [Electronic resource] : Kazakhstan's choices / A.{N}Müller, "
        f"S.{N}O'Brien // Central Asian Survey. – 2019. – Vol. 38, No. 2. – P. 101–120. – "
        "URL: https://doi.org/10.1080/02634937.2019.1234567 (accessed: 15.03.2024).")
    assert format_entry(bib.entries["tokaev_pod_1997"]) == (
        f"Токаев, К.-Ж.{N}К. Под стягом независимости : очерки о внешней политике Казахстана / К.-Ж.{N}К.{N}Токаев. "
        "– 2-е изд., перераб. и доп. – Алматы : Білім, 1997. – 735 с.")
    assert format_entry(bib.entries["karimov_mustaqillik_2011"], "gost-r-7.0.100-2018") == (
        f"Каримов, И.{N}А. Ўзбекистон мустақиллиги йилларида / И.{N}А.{N}Каримов // Халқ сўзи. – 2011. – "
        "№ 170. – 1–3 б. – Матн : бевосита.")
    # The World Bank wrote and published it, the ministry wrote and hosts its page: each is printed once.
    assert format_entry(bib.entries["world_bank_kazakhstan_2018"]) == (
        "Kazakhstan [Electronic resource] : Reviving Economic Growth : Country Economic Memorandum No. 126832. – "
        "Washington, DC : World Bank, 2018. – 112 p. – URL: https://openknowledge.worldbank.org/handle/10986/30116 "
        "(accessed: 15.03.2024).")
    assert format_entry(bib.entries["mfa_relations_2021"]) == (
        "Отношения Казахстана и США [Электронный ресурс] // Министерство иностранных дел Республики Казахстан. – "
        "2021. – URL: https://www.gov.kz/memleket/entities/mfa/press/article/details/12345?lang=ru "
        "(дата обращения: 15.03.2024).")
    # Zotero's data lines in `note` (Publisher:, ISBN:, Section:, _eprint:) are not printed.
    assert format_entry(bib.entries["abenov_diplomatiya_2015"]) == (
        f"Әбенов, Б.{N}Қ. Тәуелсіз Қазақстан дипломатиясы / Б.{N}Қ.{N}Әбенов // Қазақстанның сыртқы саясаты / "
        f"ред. Қ.-Ж.{N}Тоқаев, Е.{N}Смағұлов. – Астана : Фолиант, 2015. – 45–52 б.")
    for entry in bib.entries.values():
        for style in STYLES:
            _assert_clean(format_entry(entry, style))


def _assert_clean(text: str) -> None:
    """What must never reach the reference list."""
    for debris in ("None", "{", "}", "\\", ". – . –", "  ", ": :", "/ /"):
        assert debris not in text, (debris, text)
    # a doubled period or a space before one, but "дис. ... канд." keeps its ellipsis
    assert not re.search(r"(?<!\.)\.\.(?!\.)| \.(?!\.\.)", text), text
    assert text.endswith((".", "?", "!")), text


# --- never raises -------------------------------------------------------------------------------

BIB_PIECES = ["@book{", "@article{", "@string{", "@comment{", "@misc{", "title", "author", "month", "url",
              "year", " = ", "=", ",", "{", "}", "{{", "}}", '"', "#", "%", "\\", '\\"o', "--", "~", "\n", " ",
              " and ", "others", "jan", "2024-03-15", "Қазақстан", "Иванов, И. И.", "@", "(", ")", "$", "ё"]


def _check_never_raises(text: str) -> None:
    bib, messages = parse(text)
    assert all(MESSAGE.match(m) for m in messages), messages
    for entry in bib.entries.values():
        for style in STYLES:
            formatted = format_entry(entry, style)
            assert "None" not in formatted and ". – . –" not in formatted


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BIB_PIECES), max_size=120).map("".join))
def test_bib_like_text_never_raises(text: str) -> None:
    _check_never_raises(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_never_raises(text: str) -> None:
    _check_never_raises(text)


@pytest.mark.slow  # the file unmutated: test_zotero_export_formats_cleanly; any text: the two above
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_zotero_export_never_raises(data: st.DataObject) -> None:
    chars = list((BIB_FIXTURES / "zotero.bib").read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 12))):
        at = data.draw(st.integers(0, len(chars)))
        if data.draw(st.booleans()) and chars:
            del chars[min(at, len(chars) - 1)]
        else:
            chars[at:at] = data.draw(st.sampled_from(BIB_PIECES))
    _check_never_raises("".join(chars))
