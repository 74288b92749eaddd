"""Kazakh, Russian and Uzbek text → the lower-case ASCII words of file names, citation keys and ids.

``ҚОРЫТЫНДЫ`` → ``qorytyndy``, ``Тоқаев`` → ``toqaev``: the letters are the BGN/PCGN romanization that
an APA reference list prints (:func:`kazthesis.lang.transliteration.ascii_letters`, one table a language),
without its marks; what is left is what a file system or BibTeX cannot trip on.
"""

from __future__ import annotations

import re

from kazthesis.lang.transliteration import ascii_letters


def slug(text: str, language: str, words: int = 4, limit: int = 40) -> str:
    """``Білім саласындағы ынтымақтастық`` → ``bilim-salasyndaghy-yntymaqtastyq``: the first words, hyphenated."""
    parts = [p for p in re.split(r"[^a-z0-9]+", ascii_letters(text, language).lower()) if p][:words]
    return "-".join(parts)[:limit].strip("-")


def key_word(text: str, language: str) -> str:
    """One word for a citation key: ``Babu Sahib`` → ``babusahib``, ``Медеубаева`` → ``medeubayeva``."""
    return re.sub(r"[^a-z0-9]", "", ascii_letters(text, language).lower())
