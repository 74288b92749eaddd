"""Running text → the same text with soft hyphens wherever a line may break inside a word.

Every language is hyphenated here, by soft hyphens (U+00AD) we insert
ourselves, so the stylesheet uses ``hyphens: manual`` for kk, ru and en alike
and WeasyPrint breaks words only where this module allows it. Kazakh by our
own syllable rules (below), Russian and English with Pyphen's ``ru_RU`` and
``en_US`` dictionaries (Pyphen ships no Kazakh one).

``hyphenate_text`` applies the rules of docs/formatting.md §5 to each word (a run
of letters) of a plain-text run:

* no break in a word under 6 letters; at least 2 letters stay on the line and
  at least 3 are carried to the next one;
* no break in a word holding a capital letter — proper names and other
  capitalised words (also at the start of a sentence: a name cannot be told
  from an ordinary word there), abbreviations (АҚШ, ҚазҰУ) and words with
  inner capitals (iPhone);
* no break in a word touching a digit or an underscore (``2020жылы``,
  ``snake_case``), in a word that already holds soft hyphens or combining
  marks, nor anywhere in a whitespace-free token that is a URL or an e-mail
  address (holding ``://`` or ``@``, or starting with ``www.``);
* only the document language's script is hyphenated: in kk, Cyrillic words by
  the Kazakh rules (Russian loanwords included); in ru, Russian words by
  Pyphen's ``ru_RU`` and words with a Kazakh letter (ә ғ қ ң ө ұ ү һ і) by the
  Kazakh rules; in en, Latin words by Pyphen's ``en_US``. A Latin word in kk
  or ru text, or a Cyrillic word in en text, is left whole;
* a word with an explicit hyphen (``қарым-қатынас``) may break at its hyphen
  (the renderer does that by itself) and inside each part by the same rules,
  each part judged on its own (``қарым-қа\u00adты\u00adнас``: ``қарым`` has 5
  letters).

The Kazakh syllable rules (``kazakh_syllable_breaks``, ``hyphenate_kazakh``;
these mark every syllable break, before the typographic limits above). The
TeX ``hyph-kk`` patterns get the common weak spots wrong (и and э are not
vowels for them, and they allow «Қазақс-тан»), hence our own:

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

Everything runs in time linear in the length of the text, however long a run
without spaces is (there is a test).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pyphen

from kazthesis.lang.kk import ALPHABET as KAZAKH_LETTERS
from kazthesis.lang.language import KAZAKH_SYLLABLES
from kazthesis.lang.registry import DOCUMENT_LANGUAGES, base_code, document

__all__ = ["MIN_CARRIED", "MIN_LEFT", "MIN_WORD", "SOFT_HYPHEN", "hyphenate_kazakh", "hyphenate_text",
           "kazakh_syllable_breaks", "word_breaks"]

SOFT_HYPHEN = "\u00ad"
# Typographic limits of docs/formatting.md §5, for every language.
MIN_WORD = 6  # letters a word needs before it may be broken at all
MIN_LEFT = 2  # letters that stay on the line before a break
MIN_CARRIED = 3  # letters carried to the next line
# Kazakh syllable rules (a syllable break, before the typographic limits).
_SYLLABLE_MIN_SIDE = 2
_SYLLABLE_MIN_WORD = 4

VOWELS = frozenset("аәеёиоөуұүыіэюя")
SIGNS = frozenset("ьъ")

# Onsets that move to the next syllable together (see the module docstring).
# An obstruent + р is a Russian onset even when nothing is left before it.
_ALWAYS_ONSETS = frozenset(c + "р" for c in "бвгдкптфх")
# s-clusters only when a consonant stays behind: мас-тер, but Қа-зақ-стан.
_CODA_ONSETS = frozenset({"ст", "стр", "ств"})
_LONGEST_ONSET = 3

# A word: letters, possibly with soft hyphens or combining marks that make it
# off-limits; hyphenate_text looks at its neighbours for digits.
_WORD = re.compile(r"(?:[^\W\d_]|[\u00ad\u0300-\u036f])+")
_CHUNK = re.compile(r"\S+")


def _nuclei(lower: str) -> list[int]:
    """Indices of the syllable nuclei: the vowels, except у right after a nucleus (/w/)."""
    nuclei: list[int] = []
    previous = False
    for i, ch in enumerate(lower):
        previous = ch in VOWELS and not (ch == "у" and previous)
        if previous:
            nuclei.append(i)
    return nuclei


def _onset_start(lower: str, cluster: list[int]) -> int:
    """Where the next syllable starts inside the consonants between two vowels.

    cluster holds the indices of the letters between the vowels (consonants and
    signs). Returns the index before which the break goes.
    """
    # A sign right after a vowel belongs to that vowel's syllable.
    first = 0
    while first < len(cluster) and lower[cluster[first]] in SIGNS:
        first += 1
    cluster = cluster[first:]
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
    for k in range(min(n, _LONGEST_ONSET), 1, -1):  # no onset cluster is longer
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
    if n < _SYLLABLE_MIN_WORD or not word.isalpha():
        return ()
    lower = word.lower()
    if any(ch not in KAZAKH_LETTERS for ch in lower):
        return ()  # Latin or other script: not ours to hyphenate
    if any(ch.isupper() for ch in word[1:]):
        return ()  # АҚШ, ТМД, ҚазҰУ: abbreviations are never broken
    nuclei = _nuclei(lower)
    breaks: list[int] = []
    for left, right in zip(nuclei, nuclei[1:], strict=False):
        if right == left + 1:
            at = right  # vowel + vowel: ки-ім, су-ық, те-атр
        else:
            at = _onset_start(lower, list(range(left + 1, right)))
            if at < 0:
                at = right
        if _SYLLABLE_MIN_SIDE <= at <= n - _SYLLABLE_MIN_SIDE and lower[at] not in SIGNS:
            breaks.append(at)
    return tuple(breaks)


def kazakh_syllable_breaks(word: str) -> list[int]:
    """Indices in word before which a hyphen may go by the Kazakh syllable rules.

    Empty when the word must not be broken. These are all the syllable breaks
    (two letters at least on each side, words of four letters or more); the
    typographic limits of docs/formatting.md §5 are applied by ``word_breaks``. A
    hyphenated compound (қарым-қатынас) is broken part by part; the indices
    are into the whole string.
    """
    return list(_breaks(word))


@lru_cache(maxsize=65536)
def hyphenate_kazakh(word: str, soft_hyphen: str = SOFT_HYPHEN) -> str:
    """The word with soft_hyphen at every Kazakh syllable break; case is kept.

    Syllable level (``kazakh_syllable_breaks``): for running text use
    ``hyphenate_text``, which also applies the typographic limits.
    """
    return _insert(word, _breaks(word), soft_hyphen)


def _insert(word: str, breaks: tuple[int, ...] | list[int], mark: str) -> str:
    if not breaks:
        return word
    pieces = []
    start = 0
    for at in breaks:
        pieces.append(word[start:at])
        start = at
    pieces.append(word[start:])
    return mark.join(pieces)


def _language(lang: str) -> str:
    base = base_code(lang)
    if base not in DOCUMENT_LANGUAGES:
        raise ValueError(f"no hyphenation rules for language {lang!r}: expected one of "
                         f"{', '.join(DOCUMENT_LANGUAGES)}")
    return base


@cache
def _pyphen(dictionary: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=dictionary, left=MIN_LEFT, right=MIN_CARRIED)


@lru_cache(maxsize=65536)
def _part_breaks(part: str, lang: str) -> tuple[int, ...]:
    """The breaks allowed in one hyphen-free word of text in lang (already normalised)."""
    n = len(part)
    if n < MIN_WORD or not part.isalpha() or not part.islower():
        return ()  # short, not all letters, or holding a capital: never broken
    letters = set(part)
    # The first language whose alphabet holds the word breaks it: in Russian text a word with a Kazakh letter
    # goes to the Kazakh rules; a word no alphabet holds (a Latin word in Kazakh text) is left whole.
    for code in document(lang).hyphenation.words:
        rules = document(code).hyphenation
        if letters <= rules.alphabet:
            breaks = (_word_breaks(part) if rules.dictionary == KAZAKH_SYLLABLES
                      else tuple(_pyphen(rules.dictionary).positions(part)))
            return tuple(at for at in breaks if MIN_LEFT <= at <= n - MIN_CARRIED)
    return ()


def word_breaks(word: str, lang: str) -> list[int]:
    """Indices in word before which hyphenate_text may put a soft hyphen, for a document in lang.

    All the rules of the module docstring for one word (letters, perhaps with
    explicit hyphens: each part is judged on its own, the indices are into the
    whole string). lang is kk, ru or en (``kk-KZ`` and the like are accepted).
    """
    lang = _language(lang)
    breaks: list[int] = []
    offset = 0
    for part in word.split("-"):
        breaks.extend(offset + at for at in _part_breaks(part, lang))
        offset += len(part) + 1
    return breaks


def _hyphenate_chunk(chunk: str, lang: str) -> str:
    """Hyphenate the words of one whitespace-free piece of text."""
    opening = chunk.lstrip("\"'«»„“”‘’([<")
    if "://" in chunk or "@" in chunk or opening.lower().startswith("www."):
        return chunk  # URLs and e-mail addresses are never broken

    def word(match: re.Match[str]) -> str:
        text = match.group()
        before = chunk[match.start() - 1] if match.start() else ""
        after = chunk[match.end()] if match.end() < len(chunk) else ""
        if before.isdigit() or before == "_" or after.isdigit() or after == "_":
            return text  # 1990жыл, snake_case
        return _insert(text, _part_breaks(text, lang), SOFT_HYPHEN)  # soft hyphens already there: not all letters

    return _WORD.sub(word, chunk)


@lru_cache(maxsize=32768)  # watch mode hyphenates the same runs on every rebuild
def hyphenate_text(text: str, lang: str) -> str:
    """Soft hyphens in every word of a plain-text run that may be broken (see the module docstring).

    lang is the document's language: kk, ru or en (``kk-KZ`` and the like are
    accepted); any other raises ValueError. Applying it twice gives the same
    text as applying it once.
    """
    lang = _language(lang)
    return _CHUNK.sub(lambda m: _hyphenate_chunk(m.group(), lang), text)
