"""The order of the reference list: citation order, or alphabetical (docs/formatting.md §4).

Alphabetical: legal acts first (by legal force, then by title), then sources
in Cyrillic in Kazakh alphabet order, then sources in Latin script A–Z, each
by the first words of its description (heading or title), case ignored.
"""

from __future__ import annotations

import re
import unicodedata

from kazthesis.bibliography.emphasis import strip_emphasis
from kazthesis.bibliography.gost import format_entry
from kazthesis.bibliography.model import Entry
from kazthesis.lang.collation import kazakh_sort_key

ORDERS = ("citation", "alphabetical")

# Legal force, highest first: a careful norm controller lists the Constitution before codes, codes before laws.
_LEGAL_FORCE = [
    re.compile(r"\b(?:конституция|конституциясы|constitution)\b", re.IGNORECASE),
    re.compile(r"\b(?:конституциялық заң\w*|конституционн\w+ закон\w*|constitutional law)\b", re.IGNORECASE),
    re.compile(r"\b(?:кодекс\w*|code)\b", re.IGNORECASE),
    re.compile(r"\b(?:заң\w*|закон\w*|law|act)\b", re.IGNORECASE),
    re.compile(r"\b(?:жарлы\w*|указ\w*|decree)\b", re.IGNORECASE),
    re.compile(r"\b(?:қаулы\w*|постановлен\w*|resolution)\b", re.IGNORECASE),
]


def legal_force(entry: Entry) -> int:
    """0 for a constitution … 5 for a resolution, 6 for any other act."""
    text = strip_emphasis(" ".join((entry.title, entry.get("subtitle"), entry.get("type"))))
    return next((rank for rank, pattern in enumerate(_LEGAL_FORCE) if pattern.search(text)), len(_LEGAL_FORCE))


def _script(text: str) -> int:
    """0 Cyrillic, 1 Latin, 2 anything else — by the first letter."""
    first = next((c for c in text if c.isalpha()), "")
    if not first:
        return 2
    if "\u0400" <= first <= "\u04ff":
        return 0
    return 1 if unicodedata.name(first, "").startswith("LATIN") else 2


def _plain_latin(text: str) -> str:
    """Latin letters without accents (Müller sorts as Muller); Cyrillic left whole (Й is not И)."""
    return "".join(
        unicodedata.normalize("NFD", c)[0] if c.isalpha() and unicodedata.name(c, "").startswith("LATIN") else c
        for c in text
    )


def sort_key(entry: Entry) -> tuple:
    """Where an entry goes in the alphabetical list."""
    text = _plain_latin(format_entry(entry)).casefold()
    return (0 if entry.is_legal_act else 1, legal_force(entry) if entry.is_legal_act else 0,
            _script(text), kazakh_sort_key(text))


def order_entries(entries: list[Entry], order: str) -> list[Entry]:
    """``entries`` (in citation order) in the list's order."""
    if order == "citation":
        return list(entries)
    if order != "alphabetical":
        raise ValueError(f"unknown order {order!r}; expected one of {', '.join(ORDERS)}")
    return sorted(entries, key=sort_key)
