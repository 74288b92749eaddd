"""The reference list's order: by first citation, or alphabetical on the heading or the title."""

from __future__ import annotations

import pytest
from bibtools import parse

from kazthesis.bibliography import order_entries

ORDER_BIB = """
@book{zeta, title = {Zeta}, year = {2000}}
@book{b, author = {Бақытов, Б.}, title = {Кітап}, year = {2000}}
@book{ae, title = {Әлем}, year = {2000}}
@book{a, title = {Ана}, year = {2000}}
@legislation{law, title = {Қазақстан Республикасының Білім туралы Заңы}, year = {2007}}
@book{ya, title = {Ядро}, year = {2000}}
@book{alpha, author = {Müller, A.}, title = {Alpha}, year = {2000}}
@book{o, title = {Өмір}, year = {2000}}
@book{u, title = {Уақыт}, year = {2000}}
@book{uu, title = {Ұлт}, year = {2000}}
@book{i, title = {Іс}, year = {2000}}
@book{ii, title = {Ы дыбысы}, year = {2000}}
@book{uz, title = {Ўзбек тарихи}, year = {2000}}
@misc{constitution, title = {Қазақстан Республикасының Конституциясы}, type = {legislation}, year = {1995}}
@legislation{code, title = {Қазақстан Республикасының Азаматтық кодексі}, year = {1994}}
@book{apple, title = {apple pie}, year = {2000}}
"""


def test_citation_order_is_unchanged() -> None:
    bib, _ = parse(ORDER_BIB)
    entries = list(bib.entries.values())
    assert order_entries(entries, "citation") == entries


def test_alphabetical_order() -> None:
    bib, _ = parse(ORDER_BIB)
    ordered = [e.key for e in order_entries(list(bib.entries.values()), "alphabetical")]
    # Legal acts first (constitution, code, law), Cyrillic in Kazakh order (Ә after А, before Б;
    # Ұ Ү Ў after У; Ы before І), then Latin A–Z case-insensitively, accents ignored (Müller under M).
    assert ordered == ["constitution", "code", "law", "a", "ae", "b", "o", "u", "uu", "uz", "ii", "i", "ya",
                       "apple", "alpha", "zeta"]


def test_alphabetical_sorts_on_heading_or_title() -> None:
    bib, _ = parse("@book{x, author = {Яковлев, Я.}, title = {Ана}, year = {2000}}"
                   "@book{y, author = {{Әділет министрлігі}}, title = {Бұйрық}, year = {2000}}"
                   "@book{z, author = {А, А. and Б, Б. and В, В. and Г, Г.}, title = {Ғылым}, year = {2000}}")
    assert [e.key for e in order_entries(list(bib.entries.values()), "alphabetical")] == ["y", "z", "x"]


def test_unknown_order_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="alphabetical"):
        order_entries([], "random")
