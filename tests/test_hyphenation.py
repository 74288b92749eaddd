"""Kazakh hyphenation: a word list with every expected break, and the TeX patterns' weak spots."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from kazthesis.hyphenation import SOFT_HYPHEN, hyphenate_kazakh, hyphenate_text, kazakh_syllable_breaks

WORDS = [line.strip() for line in (Path(__file__).parent / "data" / "kk_hyphenation_words.txt")
         .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
REFERENCE = next((p for p in (Path(__file__).resolve().parents[2] / "shared" / "reference",
                              Path("/work/shared/reference")) if p.is_dir()), None)
WEAK_SPOTS = ["Қа-зақ-стан", "эко-но-ми-ка-лық", "эко-ло-гия", "энер-ге-ти-ка"]


@pytest.mark.parametrize("expected", WORDS)
def test_word_list(expected: str) -> None:
    word = expected.replace("-", "")
    assert hyphenate_kazakh(word, "-") == expected


def test_at_least_two_letters_on_each_side() -> None:
    for expected in WORDS:
        word = expected.replace("-", "")
        for position in kazakh_syllable_breaks(word):
            assert 2 <= position <= len(word) - 2


def test_hyphenated_compound_is_hyphenated_part_by_part() -> None:
    assert hyphenate_kazakh("қарым-қатынас", "|") == "қа|рым-қа|ты|нас"


def test_text_gets_soft_hyphens_only_in_kazakh() -> None:
    text = "Қазақстан мен АҚШ, USA 2020"
    assert hyphenate_text(text, "kk") == f"Қа{SOFT_HYPHEN}зақ{SOFT_HYPHEN}стан мен АҚШ, USA 2020"
    assert hyphenate_text(text, "ru") == text


@pytest.mark.skipif(REFERENCE is None, reason="shared/reference is not beside the repository")
def test_tex_patterns_fail_where_ours_are_right() -> None:
    tex = pyphen.Pyphen(filename=str(REFERENCE / "hyph-kk-tex-patterns.dic"))
    tex_right = [w for w in WORDS if tex.inserted(w.replace("-", "")) == w]
    ours_right = [w for w in WORDS if hyphenate_kazakh(w.replace("-", ""), "-") == w]
    assert len(ours_right) == len(WORDS)
    for word in WEAK_SPOTS:
        assert word not in tex_right, f"the TeX patterns now get {word} right"
    assert len(tex_right) < len(ours_right)
    print(f"\nword list: ours {len(ours_right)}/{len(WORDS)}, TeX patterns {len(tex_right)}/{len(WORDS)}")
