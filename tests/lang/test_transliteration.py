"""BGN/PCGN romanization of Russian (1947) and Kazakh (1979), as kazthesis.lang.transliteration states it."""

from __future__ import annotations

import pytest

from kazthesis.lang.transliteration import TABLES, has_cyrillic, transliterate

# The nine letters Kazakh adds to the Russian alphabet, with the values of the BGN/PCGN 1979 table
# (UNGEGN Working Group on Romanization Systems, "Kazakh", version 4.0, 2016).
KAZAKH_LETTERS = {"ә": "ä", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "ö", "ұ": "u", "ү": "ü", "һ": "h", "і": "i"}


@pytest.mark.parametrize(("letter", "latin"), sorted(KAZAKH_LETTERS.items()))
def test_every_letter_of_kazakh_has_its_bgn_pcgn_value(letter: str, latin: str) -> None:
    assert transliterate(letter, "kk") == latin
    assert transliterate(letter.upper() + "а", "kk") == latin[:1].upper() + latin[1:] + "a"


def test_both_tables_cover_every_letter_of_their_alphabet() -> None:
    russian = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    assert set(TABLES["ru"]) == set(russian)
    assert set(TABLES["kk"]) == set(russian) | set(KAZAKH_LETTERS)
    for language, table in TABLES.items():
        for letter in table:
            assert not has_cyrillic(transliterate(letter, language)), (language, letter)


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Ельцин", "Yel’tsin"),  # е is ye at the start of a word
    ("Назарбаев", "Nazarbayev"),  # … and after a vowel
    ("Юрьев", "Yur’yev"),  # … and after ь, which is ’
    ("объект", "ob”yekt"),  # ъ is ”
    ("Медведев", "Medvedev"),  # after a consonant: e
    ("Королёв", "Korolëv"),
    ("щука", "shchuka"),
    ("Конгресс США и проблема", "Kongress SSHA i problema"),  # a word of capitals stays capitals
])
def test_russian_follows_bgn_pcgn_1947(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "ru") == latin


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Шымкент", "Shymkent"),
    ("ШЫМКЕНТ", "SHYMKENT"),
    ("Өскемен", "Öskemen"),
    ("Жамбыл", "Zhambyl"),
    ("Шиелі", "Shīeli"),  # и is ī, і is i
    ("Әуезов", "Äūezov"),  # у is ū, ұ is u
    ("Семей", "Semey"),
    ("Ғасырлар тоғысында", "Ghasyrlar toghysynda"),
    ("Қ. Ж.", "Q. Zh."),  # initials keep their full digraph
])
def test_kazakh_follows_bgn_pcgn_1979(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic, "kk") == latin


def test_latin_letters_digits_and_punctuation_pass_through() -> None:
    assert transliterate("C5+1 «Болашақ» 2026", "kk") == "C5+1 «Bolashaq» 2026"
    assert not has_cyrillic("Kazakhstan–USA")
