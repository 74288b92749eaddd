"""Typography rules of FORMATTING.md §5 on plain text runs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kazthesis.typography import apply_typography, clean_debris

N = "\u00a0"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Н. Ә. Назарбаев", f"Н.{N}Ә.{N}Назарбаев"),
        ("Н.Ә.Назарбаев", f"Н.{N}Ә.{N}Назарбаев"),
        ("Назарбаев Н.Ә.", f"Назарбаев{N}Н.{N}Ә."),
        ("Қ.-Ж. Тоқаев", f"Қ.-Ж.{N}Тоқаев"),
        ("1991 ж. және 25 б.", f"1991{N}ж. және 25{N}б."),
        ("94 келісім", f"94{N}келісім"),
        ("№ 3", f"№{N}3"),
        ("1994 - 1996", "1994–1996"),
        ("1994-1996", "1994–1996"),
        ("25-31", "25–31"),
        ("2024-03-15", "2024-03-15"),
        ("Алматы - Астана", f"Алматы{N}– Астана"),
        ("Алматы -- Астана", f"Алматы{N}– Астана"),
        ("қарым-қатынас", "қарым-қатынас"),
        ('"Болашақ" бағдарламасы', "«Болашақ» бағдарламасы"),
        ('Ол "сырт "ішкі" сөз" деді', "Ол «сырт „ішкі“ сөз» деді"),
        ("“Болашақ”", "«Болашақ»"),
        ("екі¬жақты", "екіжақты"),
        ("екі  жақты\tқатынас", "екі жақты қатынас"),
        ("https://a.kz/1994-1996 - сайт", f"https://a.kz/1994-1996{N}– сайт"),
    ],
)
def test_kazakh_rules(source: str, expected: str) -> None:
    assert apply_typography(source, "kk") == expected


def test_english_quotes_and_initials() -> None:
    assert apply_typography('J. Smith wrote "Central Asia"', "en") == f"J.{N}Smith wrote “Central Asia”"


def test_debris_only() -> None:
    assert clean_debris("тәуел¬сіздік\u00ad  күні") == "тәуелсіздік күні"


LETTERS = re.compile(r"[^\W_]", re.UNICODE)


PIECES = list("абвӘәҚқNn0123456789 .-–\"«»„“№,:/@") + ["Н. Ә. ", " - ", "1994-1996", "https://a.kz/x-1 "]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_idempotent_and_letters_kept(text: str) -> None:
    once = apply_typography(text, "kk")
    assert apply_typography(once, "kk") == once
    assert LETTERS.findall(once) == LETTERS.findall(clean_debris(text))
