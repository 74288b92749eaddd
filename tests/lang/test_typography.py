"""Typography of docs/formatting.md §5 on plain text runs: one test per rule, then properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kazthesis.lang.typography import NBSP, RANGE_DASH, WORD_JOINER, apply_typography, clean_debris
from kazthesis.lang.urls import ZERO_WIDTH_SPACE, url_break_points, url_spans, url_with_breaks

N = NBSP
R = RANGE_DASH  # an en dash with a word joiner on each side


def kk(text: str) -> str:
    return apply_typography(text, "kk")


# --- debris -----------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "expected"), [
    ("екі¬жақты", "екіжақты"),
    ("тәуел¬ сіздік", "тәуелсіздік"),                # ¬ at a line end, the word's rest after it
    ("тәуел¬\nсіздік", "тәуелсіздік"),
    ("сөз¬.", "сөз."),
    ("¬p және ¬ q", "¬p және ¬ q"),                   # a ¬ after a space is logic, not debris
    ("екі  жақты\tқатынас", "екі жақты қатынас"),
    ("а \t  б", "а б"),
    ("1991 \u00a0 ж.", "1991\u00a0ж."),                # a run holding a no-break space stays no-break
    ("тәуел\u00adсіз\u200bдік\ufeff\u2060", "тәуелсіздік"),
    ("бір\nекі", "бір\nекі"),                          # line breaks are not spaces to collapse
])
def test_clean_debris(source: str, expected: str) -> None:
    assert clean_debris(source) == expected


def test_apply_typography_cleans_debris_first() -> None:
    assert kk("тәуел¬сіздік\u00ad  күні") == "тәуелсіздік күні"


# --- no-break spaces: initials -------------------------------------------------------------


@pytest.mark.parametrize(("source", "expected"), [
    ("Н. Ә. Назарбаев", f"Н.{N}Ә.{N}Назарбаев"),
    ("Н.Ә. Назарбаев", f"Н.{N}Ә.{N}Назарбаев"),
    ("Н.Ә.Назарбаев", f"Н.{N}Ә.{N}Назарбаев"),
    ("А.Байтұрсынұлы", f"А.{N}Байтұрсынұлы"),
    ("Назарбаев Н.Ә.", f"Назарбаев{N}Н.{N}Ә."),
    ("Назарбаев Н. Ә. айтқандай", f"Назарбаев{N}Н.{N}Ә. айтқандай"),
    ("Қ.-Ж. Тоқаев", f"Қ.-\u2060Ж.{N}Тоқаев"),  # and no break after the hyphen of the initials
    ("т.б. мәселелер", "т.б. мәселелер"),              # lowercase abbreviations are not initials
    ("ҚР Президенті", "ҚР Президенті"),
])
def test_initials_kk(source: str, expected: str) -> None:
    assert kk(source) == expected


def test_initials_latin() -> None:
    assert apply_typography("J. Smith and Smith J.", "en") == f"J.{N}Smith and Smith{N}J."
    assert apply_typography("J.R.R. Tolkien", "en") == f"J.R.R.{N}Tolkien"  # Latin initials kept as typed
    assert apply_typography("J. R. R. Tolkien", "en") == f"J.{N}R.{N}R.{N}Tolkien"
    assert apply_typography("Иванов И.И. пишет", "ru") == f"Иванов{N}И.{N}И. пишет"


# --- no-break spaces: numbers ---------------------------------------------------------------


@pytest.mark.parametrize(("source", "expected"), [
    ("1991 ж.", f"1991{N}ж."),
    ("1994-1996 жж.", f"1994{R}1996{N}жж."),
    ("1994–1996 ж.ж.", f"1994{R}1996{N}ж.ж."),
    ("25 б.", f"25{N}б."),
    ("2,5 млн теңге", f"2,5{N}млн теңге"),
    ("15000 теңге", f"15000{N}теңге"),                 # a unit after any number
    ("12 млрд доллар", f"12{N}млрд доллар"),
    ("5%", "5%"),                                      # no space: kept as written
    ("5 %", f"5{N}%"),
    ("500 ₸", f"500{N}₸"),
    ("ХХ ғ.", f"ХХ{N}ғ."),
    ("XXI ғасырда", f"XXI{N}ғасырда"),
    ("94 келісім", f"94{N}келісім"),                 # a short number and the word it counts
    ("1991 жылы", f"1991{N}жылы"),
    ("10000 адам", "10000 адам"),                      # five digits: only listed units are joined
    ("2020 Қазақстан", "2020 Қазақстан"),              # a capitalised word is not counted
    ("№ 3", f"№{N}3"),
    ("№3", f"№{N}3"),
    ("§ 2", f"§{N}2"),
    ("Т. 3, б. 25", f"Т.{N}3, б.{N}25"),
])
def test_numbers_kk(source: str, expected: str) -> None:
    assert kk(source) == expected


def test_numbers_ru_and_en() -> None:
    assert apply_typography("в 1991 г., 300 руб., 5 тыс. чел., с. 25", "ru") == (
        f"в{N}1991{N}г., 300{N}руб., 5{N}тыс. чел., с.{N}25")
    assert apply_typography("XX в.", "ru") == f"XX{N}в."
    assert apply_typography("pp. 25-31, 5 km, 3 bn, p. 7, 40 kg", "en") == (
        f"pp.{N}25{R}31, 5{N}km, 3{N}bn, p.{N}7, 40{N}kg")


# --- dashes --------------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "expected"), [
    ("1994 - 1996", f"1994{R}1996"),
    ("1994-1996", f"1994{R}1996"),
    ("1994 – 1996", f"1994{R}1996"),
    ("1994--1996", f"1994{R}1996"),
    ("25-31", f"25{R}31"),
    ("2-3 адам", f"2{R}3{N}адам"),
    ("1990-2000-жылдары", f"1990{R}2000-жылдары"),   # the suffix hyphen stays
    ("2024-03-15", "2024-03-15"),                      # a date
    ("8-701-555-12-34", "8-701-555-12-34"),            # more than one hyphen
    ("ГОСТ 7.32-2017", "ГОСТ 7.32-2017"),              # a designation, not a range
    ("СТ РК 1.5-2019", "СТ РК 1.5-2019"),
    ("ISSN 1563-0269", "ISSN 1563-0269"),
    ("1990-жылы", "1990-жылы"),
    ("Алматы - Астана", f"Алматы{N}– Астана"),
    ("Алматы -- Астана", f"Алматы{N}– Астана"),
    ("Алматы --- Астана", f"Алматы{N}– Астана"),      # no em dash in kk
    ("Алматы – Астана", f"Алматы{N}– Астана"),
    ("Абай — ақын", f"Абай{N}— ақын"),                # an author's em dash is kept, never at a line start
    ("қарым-қатынас", "қарым-қатынас"),               # a hyphen inside a word
    ("екі-үш", "екі-үш"),
    ("-5 градус", f"-5{N}градус"),
])
def test_dashes_kk(source: str, expected: str) -> None:
    assert kk(source) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("Boeing 787-9", "Boeing 787-9"),                  # the second number is not greater: not a range
    ("C5+1", "C5+1"),
    ("2019-20 оқу жылы", f"2019{R}20{N}оқу жылы"),    # a year and the two digits of the next one
    ("1998-99", f"1998{R}99"),
    ("2019-18", "2019-18"),
    ("05-06", "05-06"),                                # a leading zero: a code
    ("10-5", "10-5"),
    ("10 - 5", f"10{N}– 5"),                           # not a range: an ordinary spaced dash
    ("787–9", f"787{R}9"),                             # an en dash typed by the author is a range
    ("787--9", f"787{R}9"),
    ("2,5-3,5 млн", f"2,5{R}3,5{N}млн"),
    ("1.5-1.10", "1.5-1.10"),                          # version numbers go down: kept
    ("2019 - 20", f"2019{R}20"),
])
def test_which_hyphens_between_numbers_are_ranges(source: str, expected: str) -> None:
    assert kk(source) == expected


def test_the_range_dash_is_joined_to_both_numbers() -> None:
    assert RANGE_DASH == "\u2060–\u2060"
    assert kk("1991-2001 жж.") == f"1991\u2060–\u20602001{N}жж."
    assert apply_typography("с. 25-31", "ru") == f"с.{N}25\u2060–\u206031"


@pytest.mark.parametrize(("source", "expected"), [
    ('«Абай» - ақын', f"«Абай»{N}– ақын"),            # after a closing quotation mark
    ("(1995) -- ақын", f"(1995){N}– ақын"),            # after a closing bracket
    ("Абай — ақын", f"Абай{N}— ақын"),
    ("Абай -", f"Абай{N}–"),                           # the run ends: the source line broke after the dash
    ("Абай —", f"Абай{N}—"),
    ("Абай -\nақын", f"Абай{N}–\nақын"),
])
def test_no_line_begins_with_a_dash(source: str, expected: str) -> None:
    assert kk(source) == expected


def test_dash_at_the_edge_of_a_text_run() -> None:
    # Markdown splits text at emphasis: «**Абай** - ақын» reaches us as " - ақын".
    assert kk(" - ақын") == f"{N}– ақын"
    assert kk("Абай - ") == f"Абай{N}– "


def test_em_dash_only_in_english() -> None:
    assert apply_typography("word---word and a --- b", "en") == f"word—word and a{N}— b"
    assert apply_typography("a -- b", "en") == f"a{N}– b"
    assert kk("сөз---сөз") == "сөз---сөз"


# --- Russian one-letter words ---------------------------------------------------------------


@pytest.mark.parametrize(("source", "expected"), [
    ("в Москве и в Астане", f"в{N}Москве и{N}в{N}Астане"),
    ("Я думаю, что А. С. Пушкин прав", f"Я{N}думаю, что А.{N}С.{N}Пушкин прав"),
    ("к 2020 г. о нём", f"к{N}2020{N}г. о{N}нём"),
    ("связь с «Казахстаном»", f"связь с{N}«Казахстаном»"),
    ("С уважением, а также у них", f"С{N}уважением, а{N}также у{N}них"),
    ("(в основном)", f"(в{N}основном)"),
    ("и т. д.", f"и{N}т. д."),
    ("в ", f"в{N}"),                                   # the run ends: the next inline token follows
    ("с. 25", f"с.{N}25"),                             # an abbreviation, not a word
    ("б в", "б в"),                                    # not one of the eight
    ("пункт а-б", "пункт а-б"),
])
def test_russian_one_letter_words(source: str, expected: str) -> None:
    assert apply_typography(source, "ru") == expected


def test_one_letter_words_only_in_russian() -> None:
    assert kk("а және б") == "а және б"
    assert apply_typography("a house, I think", "en") == "a house, I think"


# --- quotation marks ------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "expected"), [
    ('"Болашақ" бағдарламасы', "«Болашақ» бағдарламасы"),
    ('Ол "сырт "ішкі" сөз" деді', "Ол «сырт „ішкі“ сөз» деді"),
    ("“Болашақ”", "«Болашақ»"),
    ("«Қазақстан “Барыс” компаниясы»", "«Қазақстан „Барыс“ компаниясы»"),
    ('«Қазақстан "Барыс" компаниясы»', "«Қазақстан „Барыс“ компаниясы»"),
    ('("Нұр Отан")', "(«Нұр Отан»)"),
    ('"a", "b".', "«a», «b»."),
    ('"""а" б" в"', "«„„а“ б“ в»"),
    ("it's", "it's"),                                  # single quotes and apostrophes are left alone
    ('"', '"'),                                        # a lone mark: no way to tell its direction
    ('сөзі "', "сөзі «"),                              # opening before the next inline token
    ('" деді', "» деді"),                              # closing after the previous one
])
def test_quotes_kk(source: str, expected: str) -> None:
    assert kk(source) == expected


def test_quotes_ru_and_en() -> None:
    assert apply_typography('Он сказал: "это "тест" номер"', "ru") == "Он сказал: «это „тест“ номер»"
    assert apply_typography('He said "a "b" c"', "en") == "He said “a ‘b’ c”"
    assert apply_typography("«Central Asia»", "en") == "“Central Asia”"
    assert apply_typography("“a ‘b’ c”", "en") == "“a ‘b’ c”"


# --- what is never touched ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "https://a.kz/1994-1996",
    "http://example.com/a--b/\"x\"/y",
    "info@mfa.kz",
    "a-b.c@d.kz",
    "www.gov.kz/1-2",
])
def test_urls_and_addresses_are_left_alone(text: str) -> None:
    assert kk(text) == text
    assert kk(f"қараңыз: {text} - сайт") == f"қараңыз: {text}{N}– сайт"


def test_quotes_around_a_url_are_converted() -> None:
    assert kk('"https://a.kz/x" сайты') == "«https://a.kz/x» сайты"


def test_url_spans() -> None:
    text = "қараңыз (https://a.kz/x_(1)), «www.gov.kz». Жазыңыз: info@mfa.kz."
    assert [text[a:b] for a, b in url_spans(text)] == ["https://a.kz/x_(1)", "www.gov.kz", "info@mfa.kz"]
    assert url_spans("жоқ") == []


# --- URL breaks ------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "expected"), [
    ("https://a.kz/x-y", "https://a.|kz/|x-|y"),
    ("http://www.gov.kz/memleket/entities?lang=ru&page=2", "http://www.|gov.|kz/|memleket/|entities?|lang=|ru&|page=|2"),
    ("https://a.kz/", "https://a.|kz/"),                # never at the very end
    ("https://a.kz//x/?q=1", "https://a.|kz//|x/?|q=|1"),  # after a run of marks, only after its last
    ("svn+ssh://my-host.kz/a_b", "svn+ssh://my-|host.|kz/|a_|b"),
    ("my-scheme.x://a", "my-scheme.x://a"),           # nothing inside the scheme
    ("www.gov.kz", "www.|gov.|kz"),
    ("info@mfa.kz", "info@mfa.|kz"),
    ("", ""),
])
def test_url_break_points(url: str, expected: str) -> None:
    assert url_with_breaks(url, "|").replace(WORD_JOINER, "") == expected
    assert url_break_points(url) == [i - n for n, i in enumerate(j for j, c in enumerate(expected) if c == "|")]


def test_no_break_inside_the_scheme() -> None:
    points = url_break_points("https://example.com")
    assert all(p >= len("https://") for p in points)
    assert len("https:/") not in points and len("https:") not in points


def test_url_with_breaks_uses_zero_width_spaces() -> None:
    assert ZERO_WIDTH_SPACE == "\u200b"
    # Word joiners hold the scheme together and to the host (Pango would break after "https://").
    assert url_with_breaks("https://a.kz/x") == "https:\u2060/\u2060/\u2060a.\u200bkz/\u200bx"
    assert url_with_breaks("https://a.kz/x").replace(ZERO_WIDTH_SPACE, "").replace(WORD_JOINER, "") == "https://a.kz/x"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab:/.-?&=_%", max_size=30))
def test_url_break_points_properties(url: str) -> None:
    points = url_break_points(url)
    assert points == sorted(set(points))
    for p in points:
        assert 0 < p < len(url)
        assert url[p - 1] in "/.-?&=_" and url[p] not in "/.-?&=_"


def test_unknown_language_is_a_bug_not_a_guess() -> None:
    assert apply_typography("1991 ж.", "kk-KZ") == f"1991{N}ж."
    with pytest.raises(ValueError, match="expected one of kk, ru, en"):
        apply_typography("text", "de")


# --- properties ---------------------------------------------------------------------------

ALNUM = re.compile(r"[^\W_]")
PIECES = [*'абвӘәҚқНЖJSnm0123456789 \t\u00a0.,:;/@-–—"“”„«»‘’\'()¬\u00ad\u200b№§%\n',
          "Н. ", "Ә.", "Қ.-Ж. ", "Назарбаев", "Smith", " - ", " -- ", "---", " — ", "1994-1996", "2024-03-15",
          "https://a.kz/x-1", "a@b.kz", "www.x.kz", "ж.", "б.", "млн", "келісім", "pp. ", "с.", "ГОСТ ",
          "7.32-2017", "XXI ", "ғ.", "қарым-қатынас", ' "', '" ', "°C", "787-9", "2019-20", "05-06", " в ", "и ",
          "С ", " -", "\u2060", "–", "10 - 5", "(www.x.kz)", "(https://a.kz/(1))"]
TEXT = st.one_of(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.text(max_size=60))


@settings(max_examples=400, deadline=None)
@given(TEXT, st.sampled_from(["kk", "ru", "en"]))
def test_idempotent_and_letters_kept(text: str, lang: str) -> None:
    once = apply_typography(text, lang)  # never raises
    assert apply_typography(once, lang) == once
    assert ALNUM.findall(once) == ALNUM.findall(text)  # only spaces, quotes, dashes and debris change


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_clean_debris_idempotent(text: str) -> None:
    once = clean_debris(text)
    assert clean_debris(once) == once
    assert "\u00ad" not in once and "\t" not in once and "  " not in once
