"""Kazakh, Russian and Uzbek Cyrillic → plain Latin letters, for file names, citation keys and ids.

``ҚОРЫТЫНДЫ`` → ``qorytyndy``, ``Тоқаев`` → ``toqaev``: lower case ASCII,
the letters a reader can still recognise, nothing a file system or BibTeX
could trip on.
"""

from __future__ import annotations

import re
import unicodedata

LETTERS = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "ў": "o", "ҳ": "h", "є": "e", "ї": "i", "ґ": "g",
}


def latin(text: str) -> str:
    """``Қазақстан`` → ``qazaqstan``; other letters lose their accents; what is left is ASCII."""
    out = []
    for char in text.lower():
        if char in LETTERS:
            out.append(LETTERS[char])
        else:
            out.append(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii"))
    return "".join(out)


def slug(text: str, words: int = 4, limit: int = 40) -> str:
    """``Білім саласындағы ынтымақтастық`` → ``bilim-salasyndagy-yntymaqtastyq``: the first words, hyphenated."""
    parts = [p for p in re.split(r"[^a-z0-9]+", latin(text)) if p][:words]
    result = "-".join(parts)[:limit].strip("-")
    return result


def key_word(text: str) -> str:
    """One word for a citation key: ``Babu Sahib`` → ``babusahib``."""
    return re.sub(r"[^a-z0-9]", "", latin(text))
