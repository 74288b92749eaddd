"""Kazakh hyphenation by syllable rules (FORMATTING.md §5).

Pyphen has no Kazakh dictionary and the TeX patterns treat и and э as
consonants and allow «Қазақс-тан», so the Kazakh breaks are the project's
own: the build inserts soft hyphens (U+00AD) into Kazakh body text and
WeasyPrint breaks there (``hyphens: manual``). Russian and English are left
to WeasyPrint's Pyphen dictionaries.

The rules: every vowel is the nucleus of a syllable; one consonant between
vowels opens the next syllable (а-на); two split between them (ал-ма), unless
they make an onset such as «кр», «тр» that borrowed words keep together
(демо-кра-тия); of three or more, the last one — or the last two when they
make such an onset (Қазақ-стан) — open the next syllable. ь and ъ stay with
the consonant before them; у and и after a vowel act as consonants (тау-лы).
At least two letters stay on each side of a break.
"""

from __future__ import annotations

import functools
import re

SOFT_HYPHEN = "\u00ad"
VOWELS = set("аәеёиоөуұүыіэюяАӘЕЁИОӨУҰҮЫІЭЮЯ")
GLIDES = set("уиУИ")  # consonants after a vowel: тау, қаиыр
SIGNS = set("ьъЬЪ")
# Consonant pairs that open a syllable in borrowed words: a stop or fricative
# with р/л (демо-кра-тия, про-грам-ма) between vowels, and after another
# consonant also с/ш + stop (Қазақ-стан) — but between vowels «ст» splits (ынты-мақ-тас-тық).
LIQUID_ONSETS = {a + b for a in "бвгдкпстфх" for b in "рл"}
ONSETS = LIQUID_ONSETS | {"ст", "ск", "сп", "шт", "тв", "дв", "кв"}
MIN_SIDE = 2
WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _is_vowel(word: str, index: int) -> bool:
    """A syllable nucleus: a vowel letter, except у/и right after a vowel (тау, қауіп)."""
    char = word[index]
    if char not in VOWELS:
        return False
    return not (char in GLIDES and index > 0 and word[index - 1] in VOWELS)


def kazakh_syllable_breaks(word: str) -> list[int]:
    """Indices where ``word`` may be hyphenated (a hyphen goes before word[i])."""
    if len(word) < 2 * MIN_SIDE or word.isupper() or not word.isalpha():
        return []
    lower = word.lower()
    nuclei = [i for i in range(len(lower)) if _is_vowel(lower, i)]
    breaks = []
    for left, right in zip(nuclei, nuclei[1:], strict=False):
        cluster = lower[left + 1 : right]
        # ь/ъ belong to the consonant before them: never start a syllable with one.
        units = []
        for offset, char in enumerate(cluster):
            if char in SIGNS and units:
                units[-1] = (units[-1][0], units[-1][1] + char)
            else:
                units.append((left + 1 + offset, char))
        if not units:
            continue  # vowels side by side (тия, ауа): never split, a lone vowel looks wrong
        if len(units) == 1:
            position = units[0][0]
        elif len(units) == 2:
            pair = units[0][1][-1] + units[1][1][0]
            position = units[0][0] if pair in LIQUID_ONSETS and len(units[0][1]) == 1 else units[1][0]
        else:
            last_two = units[-2][1][-1] + units[-1][1][0]
            position = units[-2][0] if last_two in ONSETS and len(units[-2][1]) == 1 else units[-1][0]
        if MIN_SIDE <= position <= len(word) - MIN_SIDE:
            breaks.append(position)
    return breaks


@functools.lru_cache(maxsize=65536)
def hyphenate_kazakh(word: str, soft_hyphen: str = SOFT_HYPHEN) -> str:
    """``word`` with ``soft_hyphen`` at every allowed break; hyphenated compounds part by part."""
    if "-" in word:
        return "-".join(hyphenate_kazakh(part, soft_hyphen) for part in word.split("-"))
    breaks = kazakh_syllable_breaks(word)
    if not breaks:
        return word
    pieces, previous = [], 0
    for position in breaks:
        pieces.append(word[previous:position])
        previous = position
    pieces.append(word[previous:])
    return soft_hyphen.join(pieces)


def hyphenate_text(text: str, lang: str) -> str:
    """Insert soft hyphens into the Cyrillic words of a Kazakh text run.

    Other languages are returned unchanged (WeasyPrint hyphenates them with
    Pyphen); Latin-script words inside Kazakh text are left whole.
    """
    if lang != "kk":
        return text
    return WORD_RE.sub(lambda m: hyphenate_kazakh(m.group(0)) if _is_cyrillic(m.group(0)) else m.group(0), text)


def _is_cyrillic(word: str) -> bool:
    return all("\u0400" <= c <= "\u04ff" for c in word)
