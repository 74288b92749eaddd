"""Hyphenation: the Kazakh word list and syllable rules, the typographic limits for kk/ru/en text runs,
and the TeX patterns' weak spots."""

from __future__ import annotations

import time
from pathlib import Path

import pyphen
import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from kazthesis.lang.hyphenation import (
    MIN_CARRIED,
    MIN_LEFT,
    MIN_WORD,
    SOFT_HYPHEN,
    hyphenate_kazakh,
    hyphenate_text,
    kazakh_syllable_breaks,
    word_breaks,
)

WORD_LIST = REPO / "tests" / "data" / "kk_hyphenation_words.txt"
WORDS = [line.strip() for line in WORD_LIST.read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.lstrip().startswith("#")]
# The reference data lives beside the repository, never inside it: tests using it skip without it.
TEX_PATTERNS = next((path for path in (REPO.parent / "shared" / "reference" / "hyph-kk-tex-patterns.dic",
                                       Path("/work/shared/reference/hyph-kk-tex-patterns.dic"))
                     if path.is_file()), None)
needs_reference = pytest.mark.skipif(TEX_PATTERNS is None, reason="shared/reference is not beside the repository")

# Where the TeX patterns are known to go wrong: и/э taken for consonants, «Қазақс-тан»,
# Russian onsets split (де-мок-ратия), у after a consonant taken for a consonant (оқ-у-шы).
WEAK_SPOTS = [
    "эко-но-ми-ка-лық", "эко-но-ми-ка", "уни-вер-си-тет", "пре-зи-дент", "Аме-ри-ка", "ки-ім",
    "Қа-зақ-стан", "Өз-бек-стан", "Қыр-ғыз-стан",
    "де-мо-кра-тия", "про-грам-ма", "ин-сти-тут",
    "оқу-шы", "Рес-пуб-ли-ка",
]
# Breaks the TeX patterns allow that must never be made (index into the word).
FORBIDDEN = {"Қазақстан": 6, "Өзбекстан": 6, "Республика": 4, "студенттер": 2}


def plain(expected: str) -> str:
    return expected.replace("-", "")


def listed_breaks(expected: str) -> list[int]:
    """The break indices a word-list line marks with "-"."""
    return [i - n for n, i in enumerate(i for i, c in enumerate(expected) if c == "-")]


def tex_hyphenation() -> pyphen.Pyphen:
    return pyphen.Pyphen(filename=str(TEX_PATTERNS), left=2, right=2)


# --- the word list ----------------------------------------------------------------


def test_word_list_is_broad() -> None:
    assert len(WORDS) >= 120
    assert len(set(WORDS)) == len(WORDS), "a word is listed twice"
    assert sum("-" not in w for w in WORDS) >= 10, "words that must stay whole"
    assert any(w[0].isupper() for w in WORDS) and any(w.isupper() for w in WORDS)
    for marks in ("ь", "ъ", "и", "э", "у"):
        assert sum(marks in w.lower() for w in WORDS) >= 5, marks


@pytest.mark.parametrize("expected", WORDS)
def test_word_list(expected: str) -> None:
    assert hyphenate_kazakh(plain(expected), "-") == expected


@pytest.mark.parametrize("expected", WORDS)
def test_word_list_in_running_text(expected: str) -> None:
    # The list marks syllable breaks; running text keeps those the limits of docs/formatting.md §5 allow:
    # none in a capitalised word or one under 6 letters, at least 2 letters left and 3 carried.
    word = plain(expected)
    allowed = [] if not word.islower() or len(word) < 6 else [
        at for at in listed_breaks(expected) if at >= 2 and len(word) - at >= 3]
    assert word_breaks(word, "kk") == allowed
    assert hyphenate_text(word, "kk") == SOFT_HYPHEN.join(
        word[a:b] for a, b in zip([0, *allowed], [*allowed, len(word)], strict=True))


# --- rules --------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "expected"), [
    ("алма", "ал-ма"),                        # two consonants split
    ("келісім", "ке-лі-сім"),                 # one consonant opens the next syllable
    ("айтты", "айт-ты"),                      # three: one opens the next syllable
    ("Қазақстан", "Қа-зақ-стан"),             # …but ст after a consonant moves as one
    ("бастау", "бас-тау"),                    # between vowels ст splits
    ("демократия", "де-мо-кра-тия"),          # obstruent + р moves as one
    ("аймақ", "ай-мақ"),                      # й closes its syllable
    ("таулы", "тау-лы"),                      # у after a vowel is /w/
    ("суық", "су-ық"),                        # у after a consonant is a vowel
    ("экономикалық", "эко-но-ми-ка-лық"),     # и and э are vowels
    ("объект", "объ-ект"),                    # the break falls behind ъ
    ("компьютер", "ком-пью-тер"),             # ь stays with its consonant
])
def test_rule(word: str, expected: str) -> None:
    assert hyphenate_kazakh(word, "-") == expected


def test_breaks_are_indices_before_which_the_hyphen_goes() -> None:
    assert kazakh_syllable_breaks("Қазақстан") == [2, 5]
    assert kazakh_syllable_breaks("алма") == [2]
    assert kazakh_syllable_breaks("ана") == []


def test_returned_list_is_a_copy() -> None:
    kazakh_syllable_breaks("келісім").append(99)
    assert kazakh_syllable_breaks("келісім") == [2, 4]


@pytest.mark.parametrize("word", ["ана", "ауа", "ауыл", "Азия", "ұйым", "газ", "ал"])
def test_never_a_single_letter_on_either_side(word: str) -> None:
    assert kazakh_syllable_breaks(word) == []


@pytest.mark.parametrize("word", ["АҚШ", "ТМД", "НАТО", "ЮНЕСКО", "ҚАЗАҚСТАН", "ҚазҰУ", "ЕурАзЭҚ"])
def test_abbreviations_in_capitals_are_never_broken(word: str) -> None:
    assert kazakh_syllable_breaks(word) == []


@pytest.mark.parametrize("word", ["COVID19", "2020жыл", "democracy", "Қазақstan", "а_б_в_г", "Alma"])
def test_words_with_digits_or_other_scripts_are_left_alone(word: str) -> None:
    assert hyphenate_kazakh(word) == word


def test_case_is_kept() -> None:
    assert hyphenate_kazakh("Тәуелсіздік", "-") == "Тә-уел-сіз-дік"
    assert hyphenate_kazakh("тәуелсіздік", "-") == "тә-уел-сіз-дік"


def test_hyphenated_compound_is_hyphenated_part_by_part() -> None:
    assert hyphenate_kazakh("қарым-қатынас", "|") == "қа|рым-қа|ты|нас"
    assert kazakh_syllable_breaks("қарым-қатынас") == [2, 8, 10]
    assert hyphenate_kazakh("ХХ-ғасыр", "|") == "ХХ-ға|сыр"


def test_default_mark_is_the_soft_hyphen() -> None:
    assert SOFT_HYPHEN == "\u00ad"
    assert hyphenate_kazakh("алма") == "ал\u00adма"


KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
KAZAKH_ALPHABET_FOR_TEXT = KAZAKH + KAZAKH.upper() + "abcdefghij -–.,:;«»()0123456789_@/\u00a0\u00ad"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=KAZAKH, min_size=1, max_size=20), st.booleans())
def test_breaks_always_respect_the_limits(word: str, capitalise: bool) -> None:
    if capitalise:
        word = word.capitalize()
    breaks = kazakh_syllable_breaks(word)
    assert breaks == sorted(set(breaks))
    lower = word.lower()
    for at in breaks:
        assert 2 <= at <= len(word) - 2
        assert lower[at] not in "ьъ"
    pieces = [word[a:b] for a, b in zip([0, *breaks], [*breaks, len(word)], strict=True)]
    for piece in pieces if breaks else []:  # every piece holds a syllable nucleus
        assert any(c in "аәеёиоөуұүыіэюя" for c in piece.lower()), pieces
    assert hyphenate_kazakh(word).replace(SOFT_HYPHEN, "") == word


# --- text runs ------------------------------------------------------------------------


def test_limits_of_formatting_section_5() -> None:
    assert (MIN_WORD, MIN_LEFT, MIN_CARRIED) == (6, 2, 3)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # under 6 letters: never, though the syllables allow it
    ("kk", "алма бала кітап ауыл", "алма бала кітап ауыл"),
    ("kk", "келісім", "ке|лі|сім"),
    # 3 letters carried at least: ме-ре-ке-сі loses its last break
    ("kk", "мерекесі", "ме|ре|кесі"),
    ("kk", "мемлекеттік ынтымақтастық", "мем|ле|кет|тік ын|ты|мақ|тас|тық"),
    # capitalised words, abbreviations, inner capitals: never
    ("kk", "Тәуелсіздік Қазақстан ҚазҰУ ҚАЗАҚСТАН", "Тәуелсіздік Қазақстан ҚазҰУ ҚАЗАҚСТАН"),
    ("ru", "Москва Государственный МГИМО", "Москва Государственный МГИМО"),
    ("en", "Government iPhone NATO", "Government iPhone NATO"),
    # Russian by Pyphen's ru_RU; a word with a Kazakh letter by the Kazakh rules
    ("ru", "государственный сотрудничество", "го|су|дар|ствен|ный со|труд|ни|че|ство"),
    ("ru", "подъезд объединение", "подъ|езд объ|еди|не|ние"),
    ("ru", "мемлекеттік", "мем|ле|кет|тік"),
    # English by Pyphen's en_US
    ("en", "government international", "gov|ern|ment in|ter|na|tional"),
    # a Latin word in kk or ru text, a Cyrillic one in en text: left whole
    ("kk", "government мемлекеттік", "government мем|ле|кет|тік"),
    ("ru", "government", "government"),
    ("en", "мемлекеттік государственный", "мемлекеттік государственный"),
    # an explicit hyphen: each part on its own (қарым has 5 letters)
    ("kk", "қарым-қатынас", "қарым-қа|ты|нас"),
    ("kk", "1990-жылдары", "1990-жыл|дары"),
    ("ru", "северо-западный", "се|веро-за|пад|ный"),
    # digits or an underscore touching the word
    ("kk", "COVID19 2020жылдары мемлекет_тік", "COVID19 2020жылдары мемлекет_тік"),
])
def test_text(lang: str, text: str, expected: str) -> None:
    assert hyphenate_text(text, lang).replace(SOFT_HYPHEN, "|") == expected


def test_text_language_forms() -> None:
    assert hyphenate_text("мемлекеттік", "kk-KZ") == hyphenate_text("мемлекеттік", "kk")
    assert hyphenate_text("government", "en_US") == hyphenate_text("government", "en")
    with pytest.raises(ValueError, match="expected one of kk, ru, en"):
        hyphenate_text("text", "de")


def test_word_breaks() -> None:
    assert word_breaks("мерекесі", "kk") == [2, 4]
    assert word_breaks("қарым-қатынас", "kk") == [8, 10]
    assert word_breaks("Қазақстан", "kk") == []
    assert kazakh_syllable_breaks("Қазақстан") == [2, 5]  # the syllables are still known


def test_text_keeps_punctuation_and_spacing() -> None:
    text = "«Келісім», (келісім)\u00a0— 1991\u00a0ж.\n"
    assert hyphenate_text(text, "kk") == "«Келісім», (ке\u00adлі\u00adсім)\u00a0— 1991\u00a0ж.\n"


def test_text_urls_and_addresses_are_left_whole() -> None:
    text = "https://mfa.gov.kz/мемлекет info@университет.kz www.мемлекет.kz («www.мемлекеттік.kz»)"
    for lang in ("kk", "ru", "en"):
        assert hyphenate_text(text, lang) == text
    assert hyphenate_text("https://example.com/government", "en") == "https://example.com/government"


def test_text_with_soft_hyphens_already_is_left_as_it_is() -> None:
    once = hyphenate_text("тәуелсіздік күні мерекесі", "kk")
    assert once == "тә\u00adуел\u00adсіз\u00adдік күні ме\u00adре\u00adкесі"
    assert hyphenate_text(once, "kk") == once


WORDISH = st.text(alphabet=KAZAKH_ALPHABET_FOR_TEXT, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(WORDISH, st.text(max_size=40)), st.sampled_from(["kk", "ru", "en"]))
def test_text_properties(text: str, lang: str) -> None:
    once = hyphenate_text(text, lang)
    assert once.replace(SOFT_HYPHEN, "") == text.replace(SOFT_HYPHEN, "")  # only soft hyphens are added
    assert hyphenate_text(once, lang) == once
    if SOFT_HYPHEN not in text:
        for word in once.split():
            for piece in word.split("-"):
                parts = piece.split(SOFT_HYPHEN)
                if len(parts) > 1:
                    letters = "".join(parts)
                    assert len(letters) >= MIN_WORD and letters.islower(), piece
                    assert len(parts[0]) >= MIN_LEFT and len(parts[-1]) >= MIN_CARRIED, piece


def test_fast_enough_for_a_thesis() -> None:
    # A 30-page thesis is ~12 000 words; the build hyphenates every paragraph.
    paragraph = ("Қазақстан Республикасы мен Америка Құрама Штаттары арасындағы дипломатиялық "
                 "қатынастар 1991 жылы орнатылды, экономикалық ынтымақтастық туралы 94 келісім жасалды. ")
    text = paragraph * 1000  # ~15 000 words
    start = time.perf_counter()
    hyphenate_text(text, "kk")
    assert time.perf_counter() - start < 2.0


# --- against the TeX patterns ----------------------------------------------------------


@needs_reference
def test_tex_patterns_load_and_agree_on_plain_native_words() -> None:
    # Without this a patterns file that failed to load (no breaks at all) would "miss" every
    # weak spot and the comparison below would pass for the wrong reason.
    tex = tex_hyphenation()
    for expected in ("ал-ма", "ке-лі-сім", "ын-ты-мақ-тас-тық", "мем-ле-кет", "ай-мақ", "тау-лы"):
        assert tex.inserted(plain(expected)) == expected


@needs_reference
def test_tex_patterns_fail_where_ours_are_right() -> None:
    tex = tex_hyphenation()
    for expected in WEAK_SPOTS:
        assert expected in WORDS
        assert hyphenate_kazakh(plain(expected), "-") == expected
        assert tex.inserted(plain(expected)) != expected, f"the TeX patterns now get {expected} right"
    for word, bad in FORBIDDEN.items():
        assert bad in tex.positions(word), f"the TeX patterns no longer break {word} at {bad}"
        assert bad not in kazakh_syllable_breaks(word)


@needs_reference
def test_word_list_scores(capsys: pytest.CaptureFixture[str]) -> None:
    tex = tex_hyphenation()
    ours = sum(hyphenate_kazakh(plain(w), "-") == w for w in WORDS)
    theirs = sum(tex.inserted(plain(w)) == w for w in WORDS)
    assert ours == len(WORDS)
    assert theirs < ours - len(WEAK_SPOTS)
    with capsys.disabled():
        print(f"\nKazakh word list: ours {ours}/{len(WORDS)}, TeX patterns {theirs}/{len(WORDS)}")
