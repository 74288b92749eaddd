"""Order of the reference list: citation order, or alphabetical as FORMATTING.md §4 asks."""

from __future__ import annotations

from kazthesis.bibliography.gost import format_entry
from kazthesis.bibliography.reader import Entry
from kazthesis.collation import kazakh_sort_key

ORDERS = ("citation", "alphabetical")


def _script(text: str) -> int:
    first = next((c for c in text if c.isalpha()), "")
    return 0 if "\u0400" <= first <= "\u04ff" else 1


def order_entries(entries: list[Entry], order: str) -> list[Entry]:
    """``entries`` (in citation order) in the list's order: legal acts, Cyrillic, Latin."""
    if order == "citation":
        return list(entries)

    def key(entry: Entry) -> tuple:
        text = format_entry(entry)
        return (0 if entry.is_legal_act else 1, _script(text), kazakh_sort_key(text))

    return sorted(entries, key=key)
