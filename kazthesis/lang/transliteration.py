"""Cyrillic text → Latin letters: for references that English-language styles (APA 7) print romanized, and,
with the marks left off (:func:`ascii_letters`), for the file names and citation keys ``kazthesis import``
makes.

The schemes are BGN/PCGN's, one table a language:

- Russian: the BGN/PCGN 1947 system, as the UK Permanent Committee on Geographical Names publishes it
  ("Romanization of Russian", checked June 2019) and the US Embassy in Moscow lists it as the US
  Government's system. ``е`` is ``ye`` at the start of a word and after a vowel, ``й``, ``ъ`` or ``ь``
  (``ё`` likewise ``yë``), else ``e``/``ë``; ``ъ`` → ``”``, ``ь`` → ``’``. The optional middle dot is not
  used.
- Kazakh: the BGN/PCGN 1979 system, as the UN Working Group on Romanization Systems compiles it
  ("Kazakh", version 4.0, March 2016): ә ä, ғ gh, и ī, қ q, ң ng, ө ö, у ū, ұ u, ү ü, һ h, і i,
  э ė, and the Russian values for the rest; ``ъ`` and ``ь``, found only in Russian loanwords, as in
  the Russian table.
- Uzbek (a language of sources): the BGN/PCGN 2000 Agreement, which replaced the 1979 system by the
  table between Uzbek Cyrillic and Uzbekistan's official Latin alphabet of 1995 (UN Working Group on
  Romanization Systems, "Uzbek"): ж j, х x, ў o‘, қ q, ғ g‘, ҳ h, ъ and ь ’, ``е`` ``ye`` at the start of
  a word and after a vowel, ``й`` or ``ь``.

Why BGN/PCGN: it was made for English-speaking readers (no letters beyond ä ö ü ī ū ė, which every
text font has), one body maintains it for all three languages, and its Russian table gives the spellings
English-language publications already use (Nazarbayev, Yeltsin). ALA-LC, the library-catalogue
scheme, needs tie bars (t͡s, i͡a) that text fonts draw badly and students cannot type.

Capitals follow the source: ``Ш`` → ``Sh`` in ``Шымкент``, ``SH`` in ``ШЫМКЕНТ``. Letters outside
the table (Latin, digits, punctuation) pass through unchanged.

A file name or a BibTeX key wants ASCII: :func:`ascii_letters` spells by the same tables and leaves the
marks off (``ä`` a, ``gh`` stays gh, ``’`` goes), reading a Cyrillic letter that the language's table
lacks by another language's (a Kazakh surname in a Russian source); a letter no table has (Ukrainian
``є``, ``ґ``) is left out.
"""

from __future__ import annotations

import re
import unicodedata

SCHEMES = {"ru": "BGN/PCGN 1947 (Russian)", "kk": "BGN/PCGN 1979 (Kazakh)", "uz": "BGN/PCGN 2000 (Uzbek)"}

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
# Uzbek's Cyrillic alphabet: Russian's without щ and ы, and ў қ ғ ҳ.
_UZBEK = {
    **{letter: latin for letter, latin in _RUSSIAN.items() if letter not in "щы"},
    "ё": "yo", "ж": "j", "х": "x", "ъ": "’", "ь": "’", "ў": "o‘", "қ": "q", "ғ": "g‘", "ҳ": "h",
}
TABLES = {"ru": _RUSSIAN, "kk": _KAZAKH, "uz": _UZBEK}

# The letters that are "y" + their value at the start of a word and after the letters given: Russian е, ё
# after a vowel, й, ъ or ь; Uzbek е after a vowel (ў too), й or ь. Kazakh's table has no such rule.
_IOTATED = {"ru": ("её", set("аеёиоуыэюяйъь")), "uz": ("е", set("аеёиоуэюяўйь"))}
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """True when ``text`` has a Cyrillic letter (so an English-language style romanizes it)."""
    return bool(_CYRILLIC.search(text))


def transliterate(text: str, language: str) -> str:
    """``text`` in Latin letters by the table of ``language`` ("kk", "uz"; anything else is read as Russian)."""
    scheme = language if language in TABLES else "ru"
    table = TABLES[scheme]
    iotated, after = _IOTATED.get(scheme, ("", set()))
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        latin = table.get(lower)
        if latin is None:
            out.append(char)
            continue
        if lower in iotated:
            before = text[index - 1].lower() if index else ""
            if not before or not before.isalpha() or before in after:
                latin = "y" + latin
        if char != lower:  # a capital: all of it in a word of capitals, else only its first letter
            neighbour = text[index + 1] if index + 1 < len(text) else (text[index - 1] if index else "")
            latin = latin.upper() if neighbour.isupper() and len(latin) > 1 else latin[:1].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def ascii_letters(text: str, language: str) -> str:
    """``Ғасырлар тоғысында`` → ``Ghasyrlar toghysynda``, ``Ўзбекистон`` → ``Ozbekiston``: the scheme's spelling
    in ASCII, for file names and keys (see the module's docstring); other non-ASCII letters lose their marks."""
    out = []
    for char in transliterate(text, language):
        if _CYRILLIC.match(char):  # a letter this language's table lacks: another's, or its base letter's
            base = unicodedata.normalize("NFD", char)[0]  # ї → і
            char = next((transliterate(base, other) for other in ("kk", "uz") if base.lower() in TABLES[other]),
                        "")
        out.append(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii"))
    return "".join(out)
