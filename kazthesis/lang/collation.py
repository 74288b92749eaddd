"""Sorting in Kazakh alphabet order (Python's code-point order puts Ә after Я)."""

from __future__ import annotations

# docs/formatting.md §4; Uzbek Ў and Ҳ sit after their base letters У and Х.
KAZAKH_ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮЎФХҺҲЦЧШЩЪЫІЬЭЮЯ"
_RANK = {letter: index for index, letter in enumerate(KAZAKH_ALPHABET)}
_LATIN_BASE = len(KAZAKH_ALPHABET) + 1


def kazakh_sort_key(text: str) -> tuple[int, ...]:
    """Sort key: Cyrillic in Kazakh order, then Latin A–Z, then anything else.

    Case and punctuation are ignored; digits sort before letters.
    """
    key: list[int] = []
    for char in text.upper():
        if char in _RANK:
            key.append(100 + _RANK[char])
        elif "A" <= char <= "Z":
            key.append(100 + _LATIN_BASE + ord(char) - ord("A"))
        elif char.isdigit():
            key.append(10 + int(char))
        elif char.isalpha():
            key.append(1000 + ord(char))
        elif char.isspace() and key and key[-1] != 1:
            key.append(1)  # word boundary sorts before any letter: "Ана" < "Анасы"
    return tuple(key)
