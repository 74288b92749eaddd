"""Kazakh words → the same words with soft hyphens at syllable breaks.

Pyphen ships no Kazakh dictionary, and the TeX ``hyph-kk`` patterns get the
common weak spots wrong (и and э are not vowels for them, and they allow
«Қазақс-тан»), so Kazakh text is hyphenated here by the Kazakh syllable rules:

* a syllable has one vowel: а ә е ё и о ө у ұ ү ы і э ю я (и and э included);
  у right after a vowel is the consonant /w/ (тау-лы, қа-уіп), й is always a
  consonant and stays with the vowel before it (ай-мақ);
* between two vowels: no consonant → break between them (ки-ім, су-ық); one
  consonant → it starts the next syllable (ке-лі-сім); two → split between
  them (ал-ма, бас-тау); three or more → one consonant starts the next
  syllable (айт-ты, ұлт-тық), except that the onset clusters of Russian
  loanwords move over together: an obstruent + р always (де-мо-кра-тия,
  про-грам-ма, ин-фра-құ-ры-лым) and ст/стр/ств when a consonant is left
  before them (Қа-зақ-стан, ин-сти-тут, ми-ни-стер-ство);
* ь and ъ stay with the consonant before them; after ъ the break falls
  behind it (объ-ект);
* never fewer than two letters on either side of a break, no break in words
  under four letters, in abbreviations (АҚШ, ҚазҰУ), in words with digits or
  in non-Cyrillic words; a hyphenated compound is treated part by part.

Russian and English text is left alone: WeasyPrint hyphenates it through Pyphen.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["SOFT_HYPHEN", "hyphenate_kazakh", "hyphenate_text", "kazakh_syllable_breaks"]

SOFT_HYPHEN = "\u00ad"
MIN_SIDE = 2  # letters that must stay on each side of a break
MIN_WORD = 4

VOWELS = frozenset("аәеёиоөуұүыіэюя")
SIGNS = frozenset("ьъ")
# Every letter of the Kazakh Cyrillic alphabet (which contains the Russian one).
KAZAKH_LETTERS = frozenset("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")

# Onsets that move to the next syllable together (see the module docstring).
# An obstruent + р is a Russian onset even when nothing is left before it.
_ALWAYS_ONSETS = frozenset(c + "р" for c in "бвгдкптфх")
# s-clusters only when a consonant stays behind: мас-тер, but Қа-зақ-стан.
_CODA_ONSETS = frozenset({"ст", "стр", "ств"})

# A word: letters, possibly with soft hyphens or combining marks that make it
# off-limits; hyphenate_text looks at its neighbours for digits.
_WORD = re.compile(r"(?:[^\W\d_]|[\u00ad\u0300-\u036f])+")
_CHUNK = re.compile(r"\S+")


def _is_vowel_at(lower: str, i: int) -> bool:
    """Whether the letter at i is a syllable nucleus (у after a vowel is /w/)."""
    ch = lower[i]
    if ch not in VOWELS:
        return False
    if ch == "у" and i > 0 and lower[i - 1] in VOWELS and _is_vowel_at(lower, i - 1):
        return False
    return True


def _onset_start(lower: str, cluster: list[int]) -> int:
    """Where the next syllable starts inside the consonants between two vowels.

    cluster holds the indices of the letters between the vowels (consonants and
    signs). Returns the index before which the break goes.
    """
    # A sign right after a vowel belongs to that vowel's syllable.
    while cluster and lower[cluster[0]] in SIGNS:
        cluster = cluster[1:]
    if not cluster:
        return -1
    # ъ before a vowel ends its syllable: объ-ект, подъ-езд.
    if lower[cluster[-1]] == "ъ":
        return cluster[-1] + 1
    # Units: a consonant with any ь/ъ after it; a break never splits a unit.
    units: list[list[int]] = []
    for i in cluster:
        if lower[i] in SIGNS:
            units[-1].append(i)
        else:
            units.append([i])
    n = len(units)
    onset = 1
    for k in range(n, 1, -1):
        tail = units[n - k :]
        if any(len(u) > 1 for u in tail):  # no ь/ъ inside an onset cluster
            continue
        letters = "".join(lower[u[0]] for u in tail)
        if letters in _ALWAYS_ONSETS and (k < n or n == 2):
            onset = k
            break
        if letters in _CODA_ONSETS and k < n and lower[units[n - k - 1][0]] != letters[0]:
            onset = k  # not after another с: класс-тың, never клас-стың
            break
    return units[n - onset][0]


@lru_cache(maxsize=65536)
def _breaks(word: str) -> tuple[int, ...]:
    if "-" not in word:
        return _word_breaks(word)
    # қарым-қатынас: each part on its own (a line may also end after the hyphen).
    breaks: list[int] = []
    offset = 0
    for part in word.split("-"):
        breaks.extend(offset + at for at in _word_breaks(part))
        offset += len(part) + 1
    return tuple(breaks)


def _word_breaks(word: str) -> tuple[int, ...]:
    n = len(word)
    if n < MIN_WORD or not word.isalpha():
        return ()
    lower = word.lower()
    if any(ch not in KAZAKH_LETTERS for ch in lower):
        return ()  # Latin or other script: not ours to hyphenate
    if any(ch.isupper() for ch in word[1:]):
        return ()  # АҚШ, ТМД, ҚазҰУ: abbreviations are never broken
    nuclei = [i for i in range(n) if _is_vowel_at(lower, i)]
    breaks: list[int] = []
    for left, right in zip(nuclei, nuclei[1:], strict=False):
        if right == left + 1:
            at = right  # vowel + vowel: ки-ім, су-ық, те-атр
        else:
            at = _onset_start(lower, list(range(left + 1, right)))
            if at < 0:
                at = right
        if MIN_SIDE <= at <= n - MIN_SIDE and lower[at] not in SIGNS:
            breaks.append(at)
    return tuple(breaks)


def kazakh_syllable_breaks(word: str) -> list[int]:
    """Indices in word before which a hyphen may go (empty when it must not be broken).

    A hyphenated compound (қарым-қатынас) is broken part by part; the indices
    are into the whole string.
    """
    return list(_breaks(word))


@lru_cache(maxsize=65536)
def hyphenate_kazakh(word: str, soft_hyphen: str = SOFT_HYPHEN) -> str:
    """The word with soft_hyphen inserted at every allowed break; case is kept."""
    breaks = _breaks(word)
    if not breaks:
        return word
    pieces = []
    start = 0
    for at in breaks:
        pieces.append(word[start:at])
        start = at
    pieces.append(word[start:])
    return soft_hyphen.join(pieces)


def _hyphenate_chunk(chunk: str) -> str:
    """Hyphenate the words of one whitespace-free piece of text."""
    if "://" in chunk or "@" in chunk or chunk.lower().startswith("www."):
        return chunk  # URLs and e-mail addresses are never broken

    def word(match: re.Match[str]) -> str:
        text = match.group()
        before = chunk[match.start() - 1] if match.start() else ""
        after = chunk[match.end()] if match.end() < len(chunk) else ""
        if (before.isdigit() or before == "_" or after.isdigit() or after == "_"
                or not text.isalpha()):  # 1990жыл, snake_case, soft hyphens already there
            return text
        return hyphenate_kazakh(text)

    return _WORD.sub(word, chunk)


def hyphenate_text(text: str, lang: str) -> str:
    """Soft hyphens in every hyphenatable Kazakh word of a plain-text run.

    For any language other than Kazakh the text comes back unchanged.
    """
    if lang.lower().replace("_", "-").split("-")[0] != "kk":
        return text
    return _CHUNK.sub(lambda m: _hyphenate_chunk(m.group()), text)
