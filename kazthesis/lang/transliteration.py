"""Cyrillic text → Latin letters, for references that English-language styles (APA 7) print romanized.

The scheme is BGN/PCGN, for both languages:

- Russian: the BGN/PCGN 1947 system, as the UK Permanent Committee on Geographical Names publishes it
  ("Romanization of Russian", checked June 2019) and the US Embassy in Moscow lists it as the US
  Government's system. ``е`` is ``ye`` at the start of a word and after a vowel, ``й``, ``ъ`` or ``ь``
  (``ё`` likewise ``yë``), else ``e``/``ë``; ``ъ`` → ``”``, ``ь`` → ``’``. The optional middle dot is not
  used.
- Kazakh: the BGN/PCGN 1979 system, as the UN Working Group on Romanization Systems compiles it
  ("Kazakh", version 4.0, March 2016): ә ä, ғ gh, и ī, қ q, ң ng, ө ö, у ū, ұ u, ү ü, һ h, і i,
  э ė, and the Russian values for the rest; ``ъ`` and ``ь``, found only in Russian loanwords, as in
  the Russian table.

Why BGN/PCGN: it was made for English-speaking readers (no letters beyond ä ö ü ī ū ė, which every
text font has), one body maintains it for both languages, and its Russian table gives the spellings
English-language publications already use (Nazarbayev, Yeltsin). ALA-LC, the library-catalogue
scheme, needs tie bars (t͡s, i͡a) that text fonts draw badly and students cannot type.

Capitals follow the source: ``Ш`` → ``Sh`` in ``Шымкент``, ``SH`` in ``ШЫМКЕНТ``. Letters outside
the table (Latin, digits, punctuation) pass through unchanged.
"""

from __future__ import annotations

import re

SCHEMES = {"ru": "BGN/PCGN 1947 (Russian)", "kk": "BGN/PCGN 1979 (Kazakh)"}

_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "”", "ы": "y",
    "ь": "’", "э": "e", "ю": "yu", "я": "ya",
}
# The nine letters of Kazakh that Russian lacks, and the four whose value differs from Russian's.
_KAZAKH = {
    **_RUSSIAN,
    "ә": "ä", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "ö", "ұ": "u", "ү": "ü", "һ": "h", "і": "i",
    "и": "ī", "у": "ū", "ё": "yo", "э": "ė",
}
TABLES = {"ru": _RUSSIAN, "kk": _KAZAKH}

_RUSSIAN_VOWELS = set("аеёиоуыэюя")
_IOTATED_AFTER = _RUSSIAN_VOWELS | set("йъь")  # Russian е, ё after these are ye, yë
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """True when ``text`` has a Cyrillic letter (so an English-language style romanizes it)."""
    return bool(_CYRILLIC.search(text))


def transliterate(text: str, language: str) -> str:
    """``text`` in Latin letters by the table of ``language`` ("kk"; anything else is read as Russian)."""
    table = TABLES["kk" if language == "kk" else "ru"]
    russian = table is _RUSSIAN
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        latin = table.get(lower)
        if latin is None:
            out.append(char)
            continue
        if russian and lower in "её":
            before = text[index - 1].lower() if index else ""
            if not before or not before.isalpha() or before in _IOTATED_AFTER:
                latin = "y" + latin
        if char != lower:  # a capital: all of it in a word of capitals, else only its first letter
            neighbour = text[index + 1] if index + 1 < len(text) else (text[index - 1] if index else "")
            latin = latin.upper() if neighbour.isupper() and len(latin) > 1 else latin[:1].upper() + latin[1:]
        out.append(latin)
    return "".join(out)
